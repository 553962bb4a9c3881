package dev.daas.gateway.plan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Bounds the planner enforces on every request.
 *
 * @param defaultLimit page size when the request names none
 * @param maxLimit largest page size a request may ask for
 * @param maxEmbedDepth longest relationship path in {@code embed} ({@code orders.lines} is 2)
 * @param maxEmbeddedRows most rows one embed may read for all parents of a page together; every
 *     embedded child plan carries it as its {@code limit}, and a connector that would read more
 *     fails the request with {@code EMBED_TOO_LARGE} instead of holding them all in memory
 * @param statementTimeout how long each statement of the plan may run
 */
public record PlanLimits(
    int defaultLimit,
    int maxLimit,
    int maxEmbedDepth,
    int maxEmbeddedRows,
    Duration statementTimeout) {
  /** Enough for ten children per parent of the largest default page. */
  public static final int DEFAULT_MAX_EMBEDDED_ROWS = 10_000;

  public static final PlanLimits DEFAULTS =
      new PlanLimits(50, 1000, 3, DEFAULT_MAX_EMBEDDED_ROWS, Duration.ofSeconds(30));

  public PlanLimits {
    requireNonNull(statementTimeout, "statementTimeout is null");
    if (defaultLimit < 1 || maxLimit < defaultLimit) {
      throw new IllegalArgumentException(
          "limits need 1 <= defaultLimit <= maxLimit, were " + defaultLimit + ", " + maxLimit);
    }
    if (maxEmbedDepth < 0) {
      throw new IllegalArgumentException("maxEmbedDepth is negative: " + maxEmbedDepth);
    }
    if (maxEmbeddedRows < 1) {
      throw new IllegalArgumentException("maxEmbeddedRows must be positive: " + maxEmbeddedRows);
    }
    if (statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("statementTimeout must be positive: " + statementTimeout);
    }
  }
}
