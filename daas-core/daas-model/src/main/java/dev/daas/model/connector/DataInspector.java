package dev.daas.model.connector;

import java.util.List;

/**
 * What recovery asks a source beyond its catalog: the statement statistics the database keeps about
 * itself, and bounded questions about the data (each looks at no more than {@code sampleRows} rows,
 * so a large legacy table is never scanned in full). Identifiers are as the catalog spells them;
 * values never leave the database.
 */
public interface DataInspector {
  /**
   * The most executed statements the database has recorded (PostgreSQL {@code pg_stat_statements},
   * MySQL/MariaDB {@code performance_schema} digests), most called first.
   *
   * @throws dev.daas.model.error.DaasException with {@code STATEMENT_STATS_UNAVAILABLE} and a
   *     message that says what to enable where, when the database keeps no such statistics
   */
  List<StatementStatistic> statementStatistics(int limit);

  /**
   * Among at most {@code sampleRows} rows whose {@code columns} are all non-null: how many were
   * examined, and how many groups of them share the same values (violations of uniqueness).
   */
  CheckCounts uniqueness(String schema, String table, List<String> columns, int sampleRows);

  /**
   * Among at most {@code sampleRows} distinct non-null value tuples of {@code table(columns)}: how
   * many were examined, and how many have no equal tuple in {@code
   * referencedTable(referencedColumns)} (violations of inclusion), pairwise in order.
   */
  CheckCounts inclusion(
      String schema,
      String table,
      List<String> columns,
      String referencedSchema,
      String referencedTable,
      List<String> referencedColumns,
      int sampleRows);

  /**
   * One statement the database's statistics hold.
   *
   * @param text the statement as the database normalised it (placeholders like {@code $1} or {@code
   *     ?} instead of literals)
   * @param calls how often it ran
   * @param rows rows it returned or changed in total
   * @param totalMillis time spent in it in total
   */
  record StatementStatistic(String text, long calls, long rows, double totalMillis) {}

  /** The answer to a bounded data check: rows (or tuples) examined, and violations among them. */
  record CheckCounts(long examined, long violations) {}
}
