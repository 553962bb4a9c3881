package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.connector.DataInspector.StatementStatistic;
import dev.daas.model.connector.SourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A MariaDB application that sets a query timeout has its statements recorded behind {@code SET
 * STATEMENT max_statement_time=? FOR}; the inspector counts them as the plain statement.
 */
class MariaDbTimedStatementIT {
  private static final String URL = "jdbc:mariadb://127.0.0.1:3306/test";
  private static final String QUERY = "select ? as inspect_timed_marker from dual";

  @Test
  void countsTimedAndUntimedRunsAsOneStatement() throws SQLException {
    try (Connection jdbc = DriverManager.getConnection(URL, "root", null);
        PreparedStatement statement = jdbc.prepareStatement(QUERY)) {
      for (int i = 0; i < 6; i++) {
        statement.setQueryTimeout(i % 2 == 0 ? 0 : 5);
        statement.setInt(1, i);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
        }
      }
    }
    SourceConfig config =
        new SourceConfig(
            "it",
            URL,
            "root",
            null,
            List.of("test"),
            1,
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    try (JdbcSourceConnection connection =
        new JdbcSourceConnection(config, new MariaDbDialect(false), JdbcPool.create(config))) {
      List<StatementStatistic> marked =
          connection.inspector().statementStatistics(5_000).stream()
              .filter(s -> s.text().contains("inspect_timed_marker"))
              .toList();
      assertThat(marked).hasSize(1);
      assertThat(marked.get(0).text()).startsWith("SELECT ?");
      assertThat(marked.get(0).calls()).isGreaterThanOrEqualTo(6);
    }
  }
}
