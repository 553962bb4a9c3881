package dev.daas.recovery.curation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Columns of one table, by their database names exactly as the catalog spells them.
 *
 * @param schema the schema (the database on MySQL and MariaDB), or null where the source has none
 * @param table the table name
 * @param columns one or more column names, in order
 */
public record TableColumns(String schema, String table, List<String> columns) {
  public TableColumns {
    requireNonNull(table, "table is null");
    requireNonNull(columns, "columns is null");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("columns of " + table + " are empty");
    }
    columns = List.copyOf(columns);
  }

  /** {@code schema.table(A, B)}, for messages. */
  @Override
  public String toString() {
    return (schema == null ? "" : schema + ".") + table + "(" + String.join(", ", columns) + ")";
  }
}
