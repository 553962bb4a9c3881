package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.daas.model.connector.CatalogIntrospector;
import dev.daas.model.connector.DataInspector;
import dev.daas.model.connector.QueryExecutor;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import dev.daas.model.connector.SourceStatus;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One source's pool with the catalog, query and inspection capabilities on top of it. */
final class JdbcSourceConnection implements SourceConnection {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceConnection.class);
  private static final int VALIDATION_SECONDS = 2;

  private final SourceConfig config;
  private final JdbcDialect dialect;
  private final HikariDataSource dataSource;
  private final JdbcCatalogIntrospector catalog;
  private final JdbcQueryExecutor queries;
  private final JdbcDataInspector inspector;

  JdbcSourceConnection(SourceConfig config, JdbcDialect dialect, HikariDataSource dataSource) {
    this(config, dialect, dataSource, StatementListener.NONE);
  }

  JdbcSourceConnection(
      SourceConfig config,
      JdbcDialect dialect,
      HikariDataSource dataSource,
      StatementListener listener) {
    this.config = requireNonNull(config, "config is null");
    this.dialect = requireNonNull(dialect, "dialect is null");
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
    this.catalog =
        new JdbcCatalogIntrospector(config.name(), config.schemas(), dataSource, dialect);
    this.queries = new JdbcQueryExecutor(config.name(), dataSource, dialect, listener);
    this.inspector = new JdbcDataInspector(config, dataSource, dialect);
  }

  @Override
  public CatalogIntrospector catalog() {
    return catalog;
  }

  @Override
  public QueryExecutor queries() {
    return queries;
  }

  /** Statement statistics and bounded data checks in the source's dialect. */
  @Override
  public DataInspector inspector() {
    return inspector;
  }

  JdbcQueryExecutor executor() {
    return queries;
  }

  @Override
  public SourceStatus status() {
    boolean reachable = false;
    String message = null;
    // A pooled connection used a moment ago is handed out unchecked; when it turns out dead,
    // evict it and ask once more, so a database that came back is seen at once.
    for (int attempt = 0; attempt < 2 && !reachable; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        reachable = connection.isValid(VALIDATION_SECONDS);
        if (!reachable) {
          message = "source " + config.name() + " did not answer a validation request";
          dataSource.evictConnection(connection);
        }
      } catch (SQLException | RuntimeException e) {
        message =
            e instanceof SQLException sql
                ? SqlErrors.translate(config.name(), dialect, sql).getMessage()
                : "source " + config.name() + " is unavailable: " + e.getClass().getSimpleName();
        LOG.debug("status check of source {} failed", config.name(), e);
        break;
      }
    }
    if (reachable) {
      message = null;
    }
    HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    if (pool == null) {
      return new SourceStatus(reachable, message, 0, 0, config.maxPoolSize(), 0);
    }
    return new SourceStatus(
        reachable,
        message,
        pool.getActiveConnections(),
        pool.getIdleConnections(),
        config.maxPoolSize(),
        pool.getThreadsAwaitingConnection());
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
