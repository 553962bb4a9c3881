package dev.daas.gateway.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Bounds the planner enforces on every request.
 *
 * @param defaultLimit page size when the request names none
 * @param maxLimit largest page size a request may ask for
 * @param maxEmbedDepth longest relationship path in {@code embed} ({@code orders.lines} is 2)
 * @param statementTimeout how long each statement of the plan may run
 */
public record PlanLimits(
    int defaultLimit, int maxLimit, int maxEmbedDepth, Duration statementTimeout) {
  public static final PlanLimits DEFAULTS = new PlanLimits(50, 1000, 3, Duration.ofSeconds(30));

  public PlanLimits {
    requireNonNull(statementTimeout, "statementTimeout is null");
    if (defaultLimit < 1 || maxLimit < defaultLimit) {
      throw new IllegalArgumentException(
          "limits need 1 <= defaultLimit <= maxLimit, were " + defaultLimit + ", " + maxLimit);
    }
    if (maxEmbedDepth < 0) {
      throw new IllegalArgumentException("maxEmbedDepth is negative: " + maxEmbedDepth);
    }
    if (statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("statementTimeout must be positive: " + statementTimeout);
    }
  }
}
