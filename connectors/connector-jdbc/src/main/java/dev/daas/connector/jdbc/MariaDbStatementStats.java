package dev.daas.connector.jdbc;

import dev.daas.model.connector.DataInspector.StatementStatistic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL/MariaDB {@code performance_schema} statement digests of the source's schemas: those run
 * with one of them as the default database, or naming one of them. Timers count picoseconds.
 */
final class MariaDbStatementStats implements StatementStatsReader {
  /** ER_TABLEACCESS_DENIED_ERROR: the source's user may not read performance_schema. */
  private static final int ACCESS_DENIED = 1142;

  /**
   * Left out, as a regular expression on the statement without its timeout prefix: session and
   * transaction statements (no evidence about the model, but the most called ones), catalog reads,
   * driver session queries and DaaS's data checks.
   */
  static final String OWN_STATEMENTS =
      "(?i)^(SET|SHOW|BEGIN|COMMIT|ROLLBACK|START|SAVEPOINT|RELEASE|USE|XA|KILL)\\b"
          + "|information_schema|performance_schema|@@|"
          + StatementStatsReader.OWN_MARKER;

  /**
   * MariaDB's driver runs a statement with a timeout as {@code SET STATEMENT max_statement_time=?
   * FOR ...}; the prefix is cut off, so the statement counts together with its runs without one.
   */
  static final String TIMEOUT_PREFIX = "^SET STATEMENT .+? FOR ";

  private static final String STATE =
      "select @@performance_schema, (select ENABLED from performance_schema.setup_consumers"
          + " where NAME = 'statements_digest'), database()";

  private final JdbcDialect dialect;

  MariaDbStatementStats(JdbcDialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public List<StatementStatistic> read(Connection connection, InspectionScope scope, int limit)
      throws SQLException {
    List<StatementStatistic> statistics = new ArrayList<>();
    try {
      String[] state = new String[3];
      CatalogQuery.run(
          connection,
          STATE,
          List.of(),
          row -> {
            state[0] = row.getString(1);
            state[1] = row.getString(2);
            state[2] = row.getString(3);
          });
      if (!"1".equals(state[0])) {
        throw StatementStatsReader.unavailable(scope.source(), performanceSchemaOff());
      }
      if (!"YES".equalsIgnoreCase(state[1])) {
        throw StatementStatsReader.unavailable(scope.source(), digestsOff());
      }
      List<String> schemas =
          scope.schemas().isEmpty() && state[2] != null ? List.of(state[2]) : scope.schemas();
      if (schemas.isEmpty()) {
        return List.of();
      }
      InspectionQuery.run(
          connection,
          dialect,
          select(schemas, limit),
          scope.timeoutSeconds(),
          row ->
              statistics.add(
                  new StatementStatistic(
                      row.getString(1), row.getLong(2), row.getLong(3), row.getDouble(4))));
    } catch (SQLException e) {
      if (e.getErrorCode() == ACCESS_DENIED) {
        throw StatementStatsReader.unavailable(
            scope.source(),
            "its user may not read performance_schema: GRANT SELECT ON performance_schema.* TO"
                + " the source's user");
      }
      throw e;
    }
    return statistics;
  }

  static String performanceSchemaOff() {
    return "MySQL/MariaDB keeps no statement digests: performance_schema is OFF. Set"
        + " performance_schema=ON in the [mysqld] section of the server's configuration (my.cnf or"
        + " a file in its conf.d directory), then restart the server";
  }

  static String digestsOff() {
    return "MySQL/MariaDB performance_schema is ON but the statements_digest consumer is disabled:"
        + " run UPDATE performance_schema.setup_consumers SET ENABLED = 'YES' WHERE NAME ="
        + " 'statements_digest' (or set performance_schema_consumer_statements_digest=ON in the"
        + " server's configuration)";
  }

  private static RenderedSql select(List<String> schemas, int limit) {
    List<Object> binds = new ArrayList<>(schemas);
    StringBuilder named = new StringBuilder();
    for (String schema : schemas) {
      named.append(" or locate(?, DIGEST_TEXT) > 0");
      binds.add("`" + schema.replace("`", "``") + "`");
    }
    binds.add(OWN_STATEMENTS);
    binds.add(limit);
    return new RenderedSql(
        "select regexp_replace(DIGEST_TEXT, '"
            + TIMEOUT_PREFIX
            + "', '') as statement_text, sum(COUNT_STAR),"
            + " sum(SUM_ROWS_SENT + SUM_ROWS_AFFECTED), sum(SUM_TIMER_WAIT) / 1000000000"
            + " from performance_schema.events_statements_summary_by_digest"
            + " where DIGEST_TEXT is not null and (SCHEMA_NAME in ("
            + CatalogQuery.placeholders(schemas.size())
            + ")"
            + named
            + ") group by 1 having statement_text not regexp ? order by 2 desc, 1 limit ?",
        binds);
  }
}
