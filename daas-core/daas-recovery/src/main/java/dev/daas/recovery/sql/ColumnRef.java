package dev.daas.recovery.sql;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/** A catalog column: the table's qualified name and the column, both spelled as in the catalog. */
public record ColumnRef(String table, String column) implements Comparable<ColumnRef> {
  private static final Comparator<ColumnRef> ORDER =
      Comparator.comparing(ColumnRef::table).thenComparing(ColumnRef::column);

  public ColumnRef {
    requireNonNull(table, "table is null");
    requireNonNull(column, "column is null");
  }

  @Override
  public int compareTo(ColumnRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return table + "." + column;
  }
}
