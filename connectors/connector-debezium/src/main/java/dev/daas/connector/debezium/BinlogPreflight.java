package dev.daas.connector.debezium;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** MariaDB/MySQL preflight: binlog on, row format, full row images, replication privileges. */
final class BinlogPreflight {
  private BinlogPreflight() {}

  static List<PreflightProblem> check(Connection connection, CaptureConfig config)
      throws SQLException {
    List<PreflightProblem> problems = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        problems.add(
            new PreflightProblem(
                "BINLOG_DISABLED",
                "the binary log is off. Add log_bin=mysql-bin, binlog_format=ROW,"
                    + " binlog_row_image=FULL and a server_id to the [mysqld] section of the"
                    + " server configuration and restart the server."));
      }
      String format = rs.getString(2);
      if (!"ROW".equalsIgnoreCase(format)) {
        problems.add(
            new PreflightProblem(
                "BINLOG_FORMAT_NOT_ROW",
                "binlog_format is "
                    + format
                    + " but change data capture needs ROW. Set binlog_format=ROW in the server"
                    + " configuration (and SET GLOBAL binlog_format = 'ROW' to apply it now)."));
      }
      String image = rs.getString(3);
      if (!"FULL".equalsIgnoreCase(image)) {
        problems.add(
            new PreflightProblem(
                "BINLOG_ROW_IMAGE_NOT_FULL",
                "binlog_row_image is "
                    + image
                    + ", so changes lack full before and after images. Set binlog_row_image=FULL"
                    + " in the server configuration (and SET GLOBAL binlog_row_image = 'FULL')."));
      }
    }
    List<String> missing = missingPrivileges(grants(connection));
    if (!missing.isEmpty()) {
      problems.add(
          new PreflightProblem(
              "MISSING_REPLICATION_PRIVILEGE",
              "user '"
                  + config.user()
                  + "' lacks "
                  + String.join(" and ", missing)
                  + ". Run GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION"
                  + " CLIENT ON *.* TO the user as an administrator."));
    }
    return problems;
  }

  /** Which of REPLICATION SLAVE and REPLICATION CLIENT the grants lack (MariaDB spellings too). */
  static List<String> missingPrivileges(List<String> grants) {
    boolean slave = false;
    boolean client = false;
    for (String grant : grants) {
      String g = grant.toUpperCase(Locale.ROOT);
      if (!g.contains(" ON *.* ")) {
        continue;
      }
      if (g.startsWith("GRANT ALL PRIVILEGES ON")) {
        return List.of();
      }
      slave |= g.matches(".*(REPLICATION SLAVE|REPLICATION REPLICA)(?! ADMIN).*");
      client |= g.matches(".*(REPLICATION CLIENT|BINLOG MONITOR|SUPER).*");
    }
    List<String> missing = new ArrayList<>();
    if (!slave) {
      missing.add("REPLICATION SLAVE");
    }
    if (!client) {
      missing.add("REPLICATION CLIENT");
    }
    return missing;
  }

  private static List<String> grants(Connection connection) throws SQLException {
    List<String> grants = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SHOW GRANTS")) {
      while (rs.next()) {
        grants.add(rs.getString(1));
      }
    }
    return grants;
  }
}
