package dev.daas.recovery.evidence;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A bounded question about the data that recovery wants answered: the server runs it with SQL
 * (sampling at most a configured number of rows) and passes a {@link CheckResult} back. Tables are
 * qualified names as {@code Table.qualifiedName()} spells them, columns as the catalog does.
 */
public sealed interface DataCheck {

  /** Whether no two rows whose columns are all non-null share the same values of them. */
  record Uniqueness(String table, List<String> columns) implements DataCheck {
    public Uniqueness {
      requireNonNull(table, "table is null");
      columns = List.copyOf(columns);
    }

    @Override
    public String toString() {
      return "unique " + table + columns;
    }
  }

  /**
   * Whether every non-null value tuple of {@code table(columns)} appears in {@code
   * referencedTable(referencedColumns)}, pairwise in order.
   */
  record Inclusion(
      String table, List<String> columns, String referencedTable, List<String> referencedColumns)
      implements DataCheck {
    public Inclusion {
      requireNonNull(table, "table is null");
      requireNonNull(referencedTable, "referencedTable is null");
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }

    @Override
    public String toString() {
      return table + columns + " in " + referencedTable + referencedColumns;
    }
  }
}
