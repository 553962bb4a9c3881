package dev.daas.gateway.policy;

import java.time.Duration;

/**
 * Per-role bounds that narrow the gateway's {@code PlanLimits}; a null part leaves the gateway's
 * bound as it is. A caller with several roles gets, for each part, the most generous of its roles'
 * bounds (never beyond the gateway's own).
 *
 * @param maxLimit largest page size, or null
 * @param maxEmbedDepth longest embed path, or null
 * @param queryTimeout statement timeout, or null
 */
public record RoleLimits(Integer maxLimit, Integer maxEmbedDepth, Duration queryTimeout) {
  /** No narrowing at all. */
  public static final RoleLimits NONE = new RoleLimits(null, null, null);

  public RoleLimits {
    if (maxLimit != null && maxLimit < 1) {
      throw new IllegalArgumentException("maxLimit must be positive: " + maxLimit);
    }
    if (maxEmbedDepth != null && maxEmbedDepth < 0) {
      throw new IllegalArgumentException("maxEmbedDepth is negative: " + maxEmbedDepth);
    }
    if (queryTimeout != null && (queryTimeout.isZero() || queryTimeout.isNegative())) {
      throw new IllegalArgumentException("queryTimeout must be positive: " + queryTimeout);
    }
  }
}
