package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import dev.daas.model.connector.Connector;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.Map;

/**
 * Reaches PostgreSQL, MariaDB, MySQL and H2 sources over JDBC. Found through {@link
 * java.util.ServiceLoader}; the public no-argument constructor is the only way in.
 */
public final class JdbcConnector implements Connector {
  public static final String NAME = "jdbc";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(SourceConfig config) {
    requireNonNull(config, "config is null");
    return JdbcDialects.forUrl(config.url()).isPresent();
  }

  /** Never fails when the database is down: the pool connects lazily and heals by itself. */
  @Override
  public SourceConnection connect(SourceConfig config) {
    requireNonNull(config, "config is null");
    JdbcDialect dialect =
        JdbcDialects.forUrl(config.url())
            .orElseThrow(
                () ->
                    new DaasException(
                        ErrorCode.VALIDATION_FAILED,
                        "source "
                            + config.name()
                            + " has an unsupported URL scheme; accepted: "
                            + JdbcDialects.ACCEPTED_PREFIXES,
                        Map.of("source", config.name())));
    return new JdbcSourceConnection(config, dialect, JdbcPool.create(config));
  }
}
