package dev.daas.recovery.infer;

import dev.daas.model.Evidence;
import java.util.List;

/**
 * A relationship found by inference, before it becomes a model element: rows of {@code fromTable}
 * reference rows of {@code toTable} through equal values of the columns, pairwise.
 *
 * @param fromTable qualified name of the referencing table
 * @param fromColumns referencing columns
 * @param toTable qualified name of the referenced table
 * @param toColumns a key of the referenced table, in key order
 * @param confidence 0..1
 * @param evidence why
 * @param emitted whether it reached the threshold (else it is a candidate for curation)
 */
public record InferredRelationship(
    String fromTable,
    List<String> fromColumns,
    String toTable,
    List<String> toColumns,
    double confidence,
    List<Evidence> evidence,
    boolean emitted) {
  public InferredRelationship {
    fromColumns = List.copyOf(fromColumns);
    toColumns = List.copyOf(toColumns);
    evidence = List.copyOf(evidence);
  }

  /** {@code T_ORD(CUST_ID) -> T_CUST(CUST_ID)}. */
  public String signature() {
    return fromTable + fromColumns + " -> " + toTable + toColumns;
  }
}
