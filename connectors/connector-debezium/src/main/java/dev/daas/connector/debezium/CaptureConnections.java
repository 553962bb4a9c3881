package dev.daas.connector.debezium;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Plain JDBC connections for preflight checks and slot management (not for capture itself). */
final class CaptureConnections {
  private CaptureConnections() {}

  static Connection open(CaptureConfig config) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", config.user());
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    switch (config.dialect()) {
      case POSTGRES -> {
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "daas-capture-admin");
      }
      case MARIADB, MYSQL -> properties.setProperty("connectTimeout", "10000");
    }
    return DriverManager.getConnection(config.jdbcUrl(), properties);
  }
}
