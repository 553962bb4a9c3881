package dev.daas.model.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A declared foreign key. {@code columns.get(i)} references {@code referencedColumns.get(i)}.
 *
 * @param name constraint name
 * @param columns referencing columns, in constraint order
 * @param referencedSchema schema of the referenced table
 * @param referencedTable referenced table
 * @param referencedColumns referenced columns, in constraint order
 */
public record ForeignKey(
    String name,
    List<String> columns,
    String referencedSchema,
    String referencedTable,
    List<String> referencedColumns) {
  public ForeignKey {
    requireNonNull(referencedTable, "referencedTable is null");
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
    if (columns.size() != referencedColumns.size() || columns.isEmpty()) {
      throw new IllegalArgumentException(
          "foreign key " + name + " pairs " + columns + " with " + referencedColumns);
    }
  }
}
