package dev.daas.connector.debezium;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Checks, before capture starts, that the database and the user can do change data capture: log
 * settings and privileges. Changes nothing.
 */
public final class CapturePreflight {
  private CapturePreflight() {}

  /** The problems found; empty when capture can start. Never throws for an unreachable database. */
  public static List<PreflightProblem> check(CaptureConfig config) {
    try (Connection connection = CaptureConnections.open(config)) {
      return switch (config.dialect()) {
        case POSTGRES -> PostgresPreflight.check(connection, config);
        case MARIADB, MYSQL -> BinlogPreflight.check(connection, config);
      };
    } catch (SQLException e) {
      return List.of(
          new PreflightProblem(
              "UNREACHABLE",
              "cannot connect to "
                  + config.jdbcUrl()
                  + " as "
                  + config.user()
                  + ": "
                  + e.getMessage()
                  + " Check host, port, database, user and password."));
    }
  }
}
