package dev.daas.gateway.policy;

/**
 * How a masked field is disguised. Ordered from least to most revealing: when several of the
 * caller's roles mask a field differently, the most revealing mask applies.
 */
public enum MaskKind {
  /** Always null. */
  NULL,
  /** A stable digest: equal values give equal masks, so values can be grouped but not read. */
  HASH,
  /** {@code ****} followed by the last characters of the value's text. */
  PARTIAL
}
