package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders the bounded data checks with jOOQ: every identifier quoted, the sample size a bound
 * parameter. Each check reads a derived table limited to the sample, never the whole table. The
 * aliases carry {@link StatementStatsReader#OWN_MARKER}, so the checks never feed back into
 * statement statistics as evidence of a join.
 */
final class DataCheckSql {
  static final String SAMPLE = StatementStatsReader.OWN_MARKER + "_sample";
  static final String GROUPS = StatementStatsReader.OWN_MARKER + "_groups";
  static final String REFERENCED = StatementStatsReader.OWN_MARKER + "_ref";
  static final String COUNT = StatementStatsReader.OWN_MARKER + "_n";

  private final DSLContext context;

  DataCheckSql(JdbcDialect dialect) {
    this.context = SqlRenderer.context(requireNonNull(dialect, "dialect is null"));
  }

  /**
   * {@code select coalesce(sum(n), 0), count(*) filter (where n > 1) from (select cols, count(*) n
   * from (select cols from t where cols are not null limit ?) group by cols)}.
   */
  RenderedSql uniqueness(String schema, String table, List<String> columns, int sampleRows) {
    requireColumns(columns, sampleRows);
    List<Field<Object>> own = fields(tableName(schema, table), columns);
    Table<?> sample =
        context
            .select(own)
            .from(DSL.table(tableName(schema, table)))
            .where(notNull(own))
            .limit(sampleRows)
            .asTable(SAMPLE);
    List<Field<Object>> sampled = fields(DSL.name(SAMPLE), columns);
    Table<?> groups =
        context
            .select(sampled)
            .select(DSL.count().as(COUNT))
            .from(sample)
            .groupBy(sampled)
            .asTable(GROUPS);
    Field<Integer> count = DSL.field(DSL.name(GROUPS, COUNT), Integer.class);
    Select<?> query =
        context
            .select(
                DSL.coalesce(DSL.sum(count), DSL.inline(BigDecimal.ZERO)),
                DSL.count().filterWhere(count.gt(DSL.inline(1))))
            .from(groups);
    return new RenderedSql(context.render(query), context.extractBindValues(query));
  }

  /**
   * {@code select count(*), count(*) filter (where not exists (select 1 from r where r.rc = s.c))
   * from (select distinct cols from t where cols are not null limit ?) s}. With {@code asText} both
   * sides are compared as varchar, for legacy columns of different types that the database will not
   * compare directly (PostgreSQL: integer with varchar); an index on the referenced side then goes
   * unused.
   */
  RenderedSql inclusion(
      String schema,
      String table,
      List<String> columns,
      String referencedSchema,
      String referencedTable,
      List<String> referencedColumns,
      int sampleRows,
      boolean asText) {
    requireColumns(columns, sampleRows);
    requireColumns(referencedColumns, sampleRows);
    if (columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException(
          "columns "
              + columns
              + " and referenced columns "
              + referencedColumns
              + " differ in size");
    }
    List<Field<Object>> own = fields(tableName(schema, table), columns);
    Table<?> sample =
        context
            .selectDistinct(own)
            .from(DSL.table(tableName(schema, table)))
            .where(notNull(own))
            .limit(sampleRows)
            .asTable(SAMPLE);
    List<Field<Object>> sampled = fields(DSL.name(SAMPLE), columns);
    List<Field<Object>> referenced = fields(DSL.name(REFERENCED), referencedColumns);
    List<Condition> matches = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      matches.add(
          asText
              ? referenced
                  .get(i)
                  .cast(SQLDataType.VARCHAR)
                  .eq(sampled.get(i).cast(SQLDataType.VARCHAR))
              : referenced.get(i).eq(sampled.get(i)));
    }
    Condition match = DSL.and(matches);
    Select<?> query =
        context
            .select(
                DSL.count(),
                DSL.count()
                    .filterWhere(
                        DSL.notExists(
                            context
                                .selectOne()
                                .from(
                                    DSL.table(tableName(referencedSchema, referencedTable))
                                        .as(REFERENCED))
                                .where(match))))
            .from(sample);
    return new RenderedSql(context.render(query), context.extractBindValues(query));
  }

  private static Name tableName(String schema, String table) {
    requireNonNull(table, "table is null");
    return schema == null ? DSL.name(table) : DSL.name(schema, table);
  }

  private static List<Field<Object>> fields(Name qualifier, List<String> columns) {
    return columns.stream().map(c -> DSL.field(qualifier.append(c))).toList();
  }

  private static Condition notNull(List<Field<Object>> fields) {
    return DSL.and(fields.stream().map(Field::isNotNull).toList());
  }

  private static void requireColumns(List<String> columns, int sampleRows) {
    if (columns == null || columns.isEmpty() || columns.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("at least one column is needed, and no null: " + columns);
    }
    if (new HashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("columns repeat: " + columns);
    }
    if (sampleRows < 1) {
      throw new IllegalArgumentException("sampleRows must be at least 1, was " + sampleRows);
    }
  }
}
