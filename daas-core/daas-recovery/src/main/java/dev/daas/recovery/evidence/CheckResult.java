package dev.daas.recovery.evidence;

import static java.util.Objects.requireNonNull;

/**
 * The answer to a {@link DataCheck}.
 *
 * @param check the question
 * @param rowsExamined rows (or value tuples) the bounded query looked at; 0 means no answer
 * @param violations duplicate groups (uniqueness) or tuples without a match (inclusion) among them
 */
public record CheckResult(DataCheck check, long rowsExamined, long violations) {
  public CheckResult {
    requireNonNull(check, "check is null");
    if (rowsExamined < 0 || violations < 0) {
      throw new IllegalArgumentException("negative counts in result of " + check);
    }
  }

  /** Whether the check could say anything: an empty table proves nothing. */
  public boolean conclusive() {
    return rowsExamined > 0;
  }
}
