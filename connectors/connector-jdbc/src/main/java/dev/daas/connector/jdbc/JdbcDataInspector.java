package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import dev.daas.model.connector.DataInspector;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.error.DaasException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Statement statistics and bounded data checks of one JDBC source, on its pool and with its
 * statement timeout. Driver errors become typed errors through {@link SqlErrors}.
 */
final class JdbcDataInspector implements DataInspector {
  private final SourceConfig config;
  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final DataCheckSql checks;

  JdbcDataInspector(SourceConfig config, DataSource dataSource, JdbcDialect dialect) {
    this.config = requireNonNull(config, "config is null");
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
    this.dialect = requireNonNull(dialect, "dialect is null");
    this.checks = new DataCheckSql(dialect);
  }

  @Override
  public List<StatementStatistic> statementStatistics(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    StatementStatsReader.InspectionScope scope =
        new StatementStatsReader.InspectionScope(config.name(), config.schemas(), timeoutSeconds());
    try (Connection connection = dataSource.getConnection()) {
      return List.copyOf(dialect.statementStats().read(connection, scope, limit));
    } catch (SQLException e) {
      throw SqlErrors.translate(config.name(), dialect, e);
    }
  }

  @Override
  public CheckCounts uniqueness(String schema, String table, List<String> columns, int sampleRows) {
    return counts(checks.uniqueness(schema, table, columns, sampleRows));
  }

  @Override
  public CheckCounts inclusion(
      String schema,
      String table,
      List<String> columns,
      String referencedSchema,
      String referencedTable,
      List<String> referencedColumns,
      int sampleRows) {
    try {
      return counts(
          checks.inclusion(
              schema,
              table,
              columns,
              referencedSchema,
              referencedTable,
              referencedColumns,
              sampleRows,
              false));
    } catch (DaasException e) {
      if (!(e.getCause() instanceof SQLException sql) || !isTypeMismatch(sql)) {
        throw e;
      }
      return counts(
          checks.inclusion(
              schema,
              table,
              columns,
              referencedSchema,
              referencedTable,
              referencedColumns,
              sampleRows,
              true));
    }
  }

  /**
   * Whether the database refused to compare the two columns' types: PostgreSQL's undefined_function
   * ({@code integer = character varying}) or datatype_mismatch.
   */
  private static boolean isTypeMismatch(SQLException exception) {
    return "42883".equals(exception.getSQLState()) || "42804".equals(exception.getSQLState());
  }

  private CheckCounts counts(RenderedSql sql) {
    long[] counts = new long[2];
    try (Connection connection = dataSource.getConnection()) {
      InspectionQuery.run(
          connection,
          dialect,
          sql,
          timeoutSeconds(),
          row -> {
            counts[0] = row.getLong(1);
            counts[1] = row.getLong(2);
          });
    } catch (SQLException e) {
      throw SqlErrors.translate(config.name(), dialect, e);
    }
    return new CheckCounts(counts[0], counts[1]);
  }

  private int timeoutSeconds() {
    if (config.queryTimeout().isZero() || config.queryTimeout().isNegative()) {
      return 0;
    }
    return (int) Math.min(Integer.MAX_VALUE, JdbcDialect.seconds(config.queryTimeout()));
  }
}
