package dev.daas.server.recovery;

import dev.daas.recovery.evidence.RecoveryThresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source's overrides of the recovery settings ({@code daas.recovery.*}); a null member uses the
 * configured default. The body of {@code PUT /admin/v1/sources/{name}/recovery-settings}.
 *
 * @param relationshipThreshold confidence (0..1) from which an inferred relationship is served
 * @param primaryKeyThreshold confidence (0..1) from which an inferred primary key is served
 * @param orphanTolerance share (0..1) of child values without a parent an inclusion check allows
 * @param maxChecks most data checks per recovery (0..100,000; 0: none)
 * @param sampleRows most rows one data check reads (1..10,000,000)
 * @param checkBudgetSeconds most wall time all data checks of a recovery take (1..3,600)
 * @param maxEnumValues most distinct values an enum-like column may show (2..1,000)
 */
public record RecoverySettings(
    Double relationshipThreshold,
    Double primaryKeyThreshold,
    Double orphanTolerance,
    Integer maxChecks,
    Integer sampleRows,
    Integer checkBudgetSeconds,
    Integer maxEnumValues) {

  public static final RecoverySettings NONE =
      new RecoverySettings(null, null, null, null, null, null, null);

  /** The settings a recovery of the source runs with. */
  public record Effective(
      double relationshipThreshold,
      double primaryKeyThreshold,
      double orphanTolerance,
      int maxChecks,
      int sampleRows,
      long checkBudgetSeconds,
      int maxEnumValues) {

    public Duration checkBudget() {
      return Duration.ofSeconds(checkBudgetSeconds);
    }

    public RecoveryThresholds thresholds() {
      return new RecoveryThresholds(
          relationshipThreshold, primaryKeyThreshold, orphanTolerance, maxChecks, maxEnumValues);
    }
  }

  public Effective effective(RecoveryConfig defaults) {
    return new Effective(
        relationshipThreshold != null ? relationshipThreshold : defaults.relationshipThreshold(),
        primaryKeyThreshold != null ? primaryKeyThreshold : defaults.primaryKeyThreshold(),
        orphanTolerance != null ? orphanTolerance : defaults.orphanTolerance(),
        maxChecks != null ? maxChecks : defaults.maxChecks(),
        sampleRows != null ? sampleRows : defaults.sampleRows(),
        checkBudgetSeconds != null ? checkBudgetSeconds : defaults.checkBudget().toSeconds(),
        maxEnumValues != null ? maxEnumValues : RecoveryThresholds.defaults().maxEnumValues());
  }

  /** Every member out of range, as {field, message}; empty when all are fine. */
  public List<Map<String, String>> violations() {
    List<Map<String, String>> found = new ArrayList<>();
    share(found, "relationshipThreshold", relationshipThreshold);
    share(found, "primaryKeyThreshold", primaryKeyThreshold);
    share(found, "orphanTolerance", orphanTolerance);
    range(found, "maxChecks", maxChecks, 0, 100_000);
    range(found, "sampleRows", sampleRows, 1, 10_000_000);
    range(found, "checkBudgetSeconds", checkBudgetSeconds, 1, 3_600);
    range(found, "maxEnumValues", maxEnumValues, 2, 1_000);
    return found;
  }

  private static void share(List<Map<String, String>> found, String field, Double value) {
    if (value != null && (value.isNaN() || value < 0 || value > 1)) {
      found.add(Map.of("field", field, "message", "must be between 0 and 1"));
    }
  }

  private static void range(
      List<Map<String, String>> found, String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      found.add(Map.of("field", field, "message", "must be between " + min + " and " + max));
    }
  }
}
