package dev.daas.recovery.evidence;

/**
 * Per-source settings of inference.
 *
 * @param relationship minimum confidence for an inferred relationship to enter the model; the rest
 *     are returned as candidates for curation
 * @param primaryKey minimum confidence for an inferred primary key
 * @param orphanTolerance share of unmatched tuples an inclusion check may show and still hold
 *     (legacy data has orphans)
 * @param maxChecks upper bound on the data checks one plan asks for
 * @param maxEnumValues most distinct values a column may show to count as enum-like
 */
public record RecoveryThresholds(
    double relationship,
    double primaryKey,
    double orphanTolerance,
    int maxChecks,
    int maxEnumValues) {
  public RecoveryThresholds {
    check("relationship", relationship);
    check("primaryKey", primaryKey);
    check("orphanTolerance", orphanTolerance);
    if (maxChecks < 0 || maxEnumValues < 0) {
      throw new IllegalArgumentException("maxChecks and maxEnumValues must not be negative");
    }
  }

  public static RecoveryThresholds defaults() {
    return new RecoveryThresholds(0.6, 0.5, 0.01, 5_000, 20);
  }

  private static void check(String name, double value) {
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException(name + " must lie in 0..1, was " + value);
    }
  }
}
