package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import dev.daas.model.connector.Connector;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.List;
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

  /**
   * Options of the URL that could harm this server or that carry credentials: see {@link
   * JdbcUrlPolicy}.
   */
  @Override
  public List<String> configurationProblems(SourceConfig config) {
    requireNonNull(config, "config is null");
    return JdbcUrlPolicy.problems(config.url());
  }

  /**
   * Never fails when the database is down: the pool connects lazily and heals by itself. Refuses a
   * URL with configuration problems even when the caller did not ask first, since some drivers let
   * URL options win over the safe values the pool sets.
   */
  @Override
  public SourceConnection connect(SourceConfig config) {
    requireNonNull(config, "config is null");
    List<String> problems = configurationProblems(config);
    if (!problems.isEmpty()) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "source "
              + config.name()
              + " has a URL the JDBC connector refuses: "
              + String.join(" ", problems),
          Map.of("source", config.name(), "problems", problems));
    }
    return open(config);
  }

  private static SourceConnection open(SourceConfig config) {
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
    return new JdbcSourceConnection(config, dialect, JdbcPool.create(config, dialect));
  }
}
