package dev.daas.recovery.infer;

import dev.daas.model.Evidence;
import java.util.List;

/**
 * A primary key inferred for a table that declares none.
 *
 * @param table qualified table name
 * @param columns key columns, in key order, as the catalog spells them
 * @param confidence 0..1
 * @param evidence why
 */
public record InferredKey(
    String table, List<String> columns, double confidence, List<Evidence> evidence) {
  public InferredKey {
    columns = List.copyOf(columns);
    evidence = List.copyOf(evidence);
  }
}
