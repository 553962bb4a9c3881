package dev.daas.connector.jdbc;

import dev.daas.model.EntityKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.ForeignKey;
import dev.daas.model.catalog.PrimaryKey;
import dev.daas.model.catalog.Table;
import dev.daas.model.catalog.TableIndex;
import dev.daas.model.catalog.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows of the bulk catalog queries and assembles them into tables. Every reader feeds
 * facts in key order (constraint columns by position, columns by ordinal), so arrival order is
 * column order. Facts about tables that were not announced (outside the schemas, or of unsupported
 * kinds) are dropped.
 */
final class CatalogBuilder {
  private record TableId(String schema, String name) {}

  private static final class TableFacts {
    final String schema;
    final String name;
    final EntityKind kind;
    final String comment;
    final List<Column> columns = new ArrayList<>();
    String primaryKeyName;
    final List<String> primaryKeyColumns = new ArrayList<>();
    final Map<String, List<String>> uniques = new LinkedHashMap<>();
    final Map<String, ForeignKeyFacts> foreignKeys = new LinkedHashMap<>();
    final Map<String, IndexFacts> indexes = new LinkedHashMap<>();

    TableFacts(String schema, String name, EntityKind kind, String comment) {
      this.schema = schema;
      this.name = name;
      this.kind = kind;
      this.comment = comment;
    }
  }

  private record ForeignKeyFacts(
      String referencedSchema,
      String referencedTable,
      List<String> columns,
      List<String> referencedColumns) {}

  private static final class IndexFacts {
    final boolean unique;
    final boolean identifying;
    final List<String> columns = new ArrayList<>();
    boolean hasExpression;

    IndexFacts(boolean unique, boolean identifying) {
      this.unique = unique;
      this.identifying = identifying;
    }
  }

  private final Map<TableId, TableFacts> tables = new HashMap<>();

  void table(String schema, String name, EntityKind kind, String comment) {
    tables.put(new TableId(schema, name), new TableFacts(schema, name, kind, blankToNull(comment)));
  }

  void column(String schema, String table, Column column) {
    TableFacts facts = tables.get(new TableId(schema, table));
    if (facts != null) {
      facts.columns.add(column);
    }
  }

  void primaryKeyColumn(String schema, String table, String constraint, String column) {
    TableFacts facts = tables.get(new TableId(schema, table));
    if (facts != null) {
      facts.primaryKeyName = constraint;
      facts.primaryKeyColumns.add(column);
    }
  }

  void uniqueColumn(String schema, String table, String constraint, String column) {
    TableFacts facts = tables.get(new TableId(schema, table));
    if (facts != null) {
      facts.uniques.computeIfAbsent(constraint, k -> new ArrayList<>()).add(column);
    }
  }

  /**
   * One column of a foreign key from a catalog row of exactly these columns, in this order: schema,
   * table, constraint, column, referenced schema, referenced table, referenced column.
   */
  void foreignKeyColumn(java.sql.ResultSet row) throws java.sql.SQLException {
    foreignKeyColumn(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7));
  }

  void foreignKeyColumn(
      String schema,
      String table,
      String constraint,
      String column,
      String referencedSchema,
      String referencedTable,
      String referencedColumn) {
    TableFacts facts = tables.get(new TableId(schema, table));
    if (facts != null) {
      ForeignKeyFacts fk =
          facts.foreignKeys.computeIfAbsent(
              constraint,
              k ->
                  new ForeignKeyFacts(
                      referencedSchema, referencedTable, new ArrayList<>(), new ArrayList<>()));
      fk.columns().add(column);
      fk.referencedColumns().add(referencedColumn);
    }
  }

  /**
   * One key column of an index; {@code column} is null for an expression, which is left out. {@code
   * identifying} marks unique indexes that make a unique key (not partial ones).
   */
  void indexColumn(
      String schema,
      String table,
      String index,
      String column,
      boolean unique,
      boolean identifying) {
    TableFacts facts = tables.get(new TableId(schema, table));
    if (facts != null) {
      IndexFacts idx =
          facts.indexes.computeIfAbsent(index, k -> new IndexFacts(unique, identifying));
      if (column == null) {
        idx.hasExpression = true;
      } else {
        idx.columns.add(column);
      }
    }
  }

  Catalog build(String databaseProduct) {
    List<Table> result =
        tables.values().stream()
            .sorted(
                Comparator.comparing((TableFacts t) -> t.schema == null ? "" : t.schema)
                    .thenComparing(t -> t.name))
            .map(CatalogBuilder::toTable)
            .toList();
    return new Catalog(databaseProduct, result);
  }

  private static Table toTable(TableFacts facts) {
    PrimaryKey primaryKey =
        facts.primaryKeyColumns.isEmpty()
            ? null
            : new PrimaryKey(facts.primaryKeyName, facts.primaryKeyColumns);
    List<UniqueConstraint> uniques = new ArrayList<>();
    facts.uniques.forEach((name, columns) -> addUnique(uniques, primaryKey, name, columns));
    List<TableIndex> indexes = new ArrayList<>();
    facts.indexes.forEach(
        (name, idx) -> {
          if (idx.columns.isEmpty()) {
            return;
          }
          indexes.add(new TableIndex(name, idx.columns, idx.unique));
          if (idx.identifying && !idx.hasExpression) {
            addUnique(uniques, primaryKey, name, idx.columns);
          }
        });
    List<ForeignKey> foreignKeys = new ArrayList<>();
    facts.foreignKeys.forEach(
        (name, fk) ->
            foreignKeys.add(
                new ForeignKey(
                    name,
                    fk.columns(),
                    fk.referencedSchema(),
                    fk.referencedTable(),
                    fk.referencedColumns())));
    return new Table(
        facts.schema,
        facts.name,
        facts.kind,
        facts.comment,
        facts.columns,
        primaryKey,
        uniques,
        foreignKeys,
        indexes);
  }

  /** Skips the primary key's own index and duplicates (a constraint and its backing index). */
  private static void addUnique(
      List<UniqueConstraint> uniques, PrimaryKey primaryKey, String name, List<String> columns) {
    if (primaryKey != null && primaryKey.columns().equals(columns)) {
      return;
    }
    if (uniques.stream().anyMatch(u -> u.columns().equals(columns))) {
      return;
    }
    uniques.add(new UniqueConstraint(name, columns));
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  static Integer intOrNull(long value, boolean present) {
    return present && value >= 0 && value <= Integer.MAX_VALUE ? (int) value : null;
  }
}
