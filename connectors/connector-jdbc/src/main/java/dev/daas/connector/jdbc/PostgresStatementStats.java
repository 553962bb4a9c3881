package dev.daas.connector.jdbc;

import dev.daas.model.connector.DataInspector.StatementStatistic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * PostgreSQL's {@code pg_stat_statements} for the connected database, summed over users. The
 * extension needs two steps, and the error says which one is missing: the library preloaded by the
 * server (a restart), and the extension created in the database.
 */
final class PostgresStatementStats implements StatementStatsReader {
  /** PostgreSQL 13 renamed total_time to total_exec_time. */
  private static final int EXEC_TIME_SINCE = 130_000;

  private static final PostgresDialect DIALECT = new PostgresDialect();

  /**
   * The state of the extension; {@code pg_stat_statements.max} exists only where the library was
   * preloaded, and unlike shared_preload_libraries every user may read it.
   */
  private static final String STATE =
      "select current_database(), current_setting('server_version_num')::int,"
          + " current_setting('pg_stat_statements.max', true) is not null,"
          + " (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace"
          + " where e.extname = 'pg_stat_statements')";

  /**
   * Left out, as a regular expression: session and transaction statements (no evidence about the
   * model, but the most called ones), catalog reads (DaaS's own and other tools'), statements whose
   * text the user may not see, and DaaS's data checks.
   */
  static final String OWN_STATEMENTS =
      "^\\s*(begin|commit|rollback|end|abort|start|savepoint|release|set|show|reset|discard"
          + "|deallocate|listen|unlisten)\\M|pg_catalog|information_schema|<insufficient privilege>"
          + "|\\mpg_(class|namespace|attribute|attrdef|constraint|index|type|enum|proc|database"
          + "|settings|extension|description|inherits|depend|roles|authid|am|opclass|locks|tables"
          + "|views|indexes|sequences?|stat\\w*|replication\\w*|publication\\w*"
          + "|subscription\\w*)\\M|"
          + OWN_MARKER;

  /** SQLState object_not_in_prerequisite_state: the view is read without the library loaded. */
  private static final String NOT_LOADED = "55000";

  @Override
  public List<StatementStatistic> read(Connection connection, InspectionScope scope, int limit)
      throws SQLException {
    String[] database = new String[1];
    String[] extensionSchema = new String[1];
    int[] version = new int[1];
    boolean[] preloaded = new boolean[1];
    CatalogQuery.run(
        connection,
        STATE,
        List.of(),
        row -> {
          database[0] = row.getString(1);
          version[0] = row.getInt(2);
          preloaded[0] = row.getBoolean(3);
          extensionSchema[0] = row.getString(4);
        });
    if (!preloaded[0]) {
      throw StatementStatsReader.unavailable(scope.source(), notPreloaded(database[0]));
    }
    if (extensionSchema[0] == null) {
      throw StatementStatsReader.unavailable(scope.source(), notCreated(database[0]));
    }
    List<StatementStatistic> statistics = new ArrayList<>();
    try {
      InspectionQuery.run(
          connection,
          DIALECT,
          new RenderedSql(select(extensionSchema[0], version[0]), List.of(OWN_STATEMENTS, limit)),
          scope.timeoutSeconds(),
          row ->
              statistics.add(
                  new StatementStatistic(
                      row.getString(1), row.getLong(2), row.getLong(3), row.getDouble(4))));
    } catch (SQLException e) {
      if (NOT_LOADED.equals(e.getSQLState())) {
        throw StatementStatsReader.unavailable(scope.source(), notPreloaded(database[0]));
      }
      throw e;
    }
    return statistics;
  }

  static String notPreloaded(String database) {
    return "PostgreSQL keeps no statement statistics: pg_stat_statements is not preloaded. Add"
        + " pg_stat_statements to shared_preload_libraries in postgresql.conf (keep the entries"
        + " already there), restart PostgreSQL, then run CREATE EXTENSION pg_stat_statements in"
        + " database "
        + database;
  }

  static String notCreated(String database) {
    return "PostgreSQL preloads pg_stat_statements, but the extension is not installed in database "
        + database
        + ": run CREATE EXTENSION pg_stat_statements in database "
        + database
        + " (no restart needed)";
  }

  private static String select(String extensionSchema, int version) {
    String view =
        SqlRenderer.context(DIALECT).render(DSL.name(extensionSchema, "pg_stat_statements"));
    String time = version >= EXEC_TIME_SINCE ? "total_exec_time" : "total_time";
    return "select query, sum(calls)::bigint, sum(rows)::bigint, sum("
        + time
        + ")::float8 from "
        + view
        + " where dbid = (select oid from pg_database where datname = current_database())"
        + " and query !~* ? group by query order by 2 desc, 1 limit ?";
  }
}
