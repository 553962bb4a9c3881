package dev.daas.recovery.sql;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one SQL template says about the schema, resolved against the catalog. Tables and columns are
 * spelled as in the catalog; names the catalog does not know are listed in {@code unknownTables}
 * and otherwise left out.
 *
 * @param parsed whether the statement was analysed; when false, {@code problem} says why
 * @param problem why the statement was not analysed (empty, too long, not parseable, foreign
 *     dialect, not a query or data change), else null
 * @param tables qualified names of catalog tables the statement uses, sorted
 * @param unknownTables table names the statement uses that the catalog lacks, sorted
 * @param columns per table, the columns referenced anywhere in the statement (unordered sets)
 * @param joins equi-joins between two table occurrences (ON, USING, NATURAL, WHERE, subqueries
 *     correlated or not, {@code col IN (select col ...)}), in canonical order
 * @param filters columns compared with parameters or literals, sorted
 * @param written columns an insert or update assigns, sorted
 * @param literals literal values compared with a column ({@code c.STAT = 'A'}), sorted
 */
public record StatementAnalysis(
    boolean parsed,
    String problem,
    List<String> tables,
    List<String> unknownTables,
    Map<String, Set<String>> columns,
    List<JoinCondition> joins,
    List<ColumnRef> filters,
    List<ColumnRef> written,
    List<Literal> literals) {

  /** A literal compared with a column. */
  public record Literal(ColumnRef column, String value) {}

  public StatementAnalysis {
    tables = List.copyOf(tables);
    unknownTables = List.copyOf(unknownTables);
    columns = Map.copyOf(columns);
    joins = List.copyOf(joins);
    filters = List.copyOf(filters);
    written = List.copyOf(written);
    literals = List.copyOf(literals);
  }

  static StatementAnalysis unparsed(String problem) {
    return new StatementAnalysis(
        false, problem, List.of(), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of());
  }
}
