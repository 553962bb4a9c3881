package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.connector.DataInspector;
import dev.daas.model.connector.DataInspector.CheckCounts;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The inspector on H2: the data checks work there too; statement statistics do not exist. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2DataInspectorTest {
  private static final String URL = TestingH2Database.url("inspector");
  private static final String S = "Legacy";

  private JdbcSourceConnection connection;
  private DataInspector inspector;

  @BeforeAll
  void createData() throws SQLException {
    try (Connection jdbc = DriverManager.getConnection(URL);
        Statement statement = jdbc.createStatement()) {
      statement.execute("drop all objects");
      statement.execute("create schema \"Legacy\"");
      statement.execute(
          "create table \"Legacy\".\"Cust Master\" (\"Reg\" varchar(4), \"cNo\" int, \"Nm\" varchar(9))");
      statement.execute(
          "insert into \"Legacy\".\"Cust Master\" select case when x % 2 = 0 then 'N' else 'S' end,"
              + " x, 'n' || (x % 100) from system_range(1, 1000)");
      statement.execute("insert into \"Legacy\".\"Cust Master\" values ('S', 1001, null)");
      statement.execute(
          "create table \"Legacy\".\"ordLine\" (\"lineId\" int, \"oReg\" varchar(4), \"oCNo\" int)");
      statement.execute(
          "insert into \"Legacy\".\"ordLine\" values (1, 'S', 1), (2, 'N', 2), (3, 'N', 1),"
              + " (4, 'S', 1), (5, null, 7), (6, 'X', 5000)");
    }
    SourceConfig config =
        new SourceConfig(
            "h2", URL, null, null, List.of(S), 2, Duration.ofSeconds(2), Duration.ofSeconds(5));
    connection = new JdbcSourceConnection(config, new H2Dialect(), JdbcPool.create(config));
    inspector = connection.inspector();
  }

  @AfterAll
  void close() {
    connection.close();
  }

  @Test
  void saysThatH2KeepsNoStatementStatistics() {
    assertThatThrownBy(() -> inspector.statementStatistics(10))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.STATEMENT_STATS_UNAVAILABLE);
              assertThat(e.getMessage())
                  .startsWith("source h2: H2 keeps no statement statistics")
                  .contains("pg_stat_statements", "performance_schema");
            });
  }

  @Test
  void countsDuplicateGroupsAmongNonNullRows() {
    assertThat(inspector.uniqueness(S, "Cust Master", List.of("Reg", "cNo"), 5000))
        .isEqualTo(new CheckCounts(1001, 0));
    assertThat(inspector.uniqueness(S, "Cust Master", List.of("Nm"), 5000))
        .isEqualTo(new CheckCounts(1000, 100));
    assertThat(inspector.uniqueness(S, "Cust Master", List.of("Reg"), 10).examined()).isEqualTo(10);
  }

  @Test
  void countsOrphanTuplesAmongDistinctNonNullOnes() {
    assertThat(
            inspector.inclusion(
                S, "ordLine", List.of("oReg", "oCNo"), S, "Cust Master", List.of("Reg", "cNo"), 50))
        .isEqualTo(new CheckCounts(4, 2));
    assertThat(
            inspector.inclusion(
                S, "ordLine", List.of("lineId"), S, "Cust Master", List.of("cNo"), 50))
        .isEqualTo(new CheckCounts(6, 0));
    CheckCounts bounded =
        inspector.inclusion(S, "Cust Master", List.of("cNo"), S, "ordLine", List.of("lineId"), 10);
    assertThat(bounded.examined()).isEqualTo(10);
    assertThat(bounded.violations()).isBetween(4L, 10L);
  }

  @Test
  void refusesMismatchedOrRepeatedColumns() {
    assertThatThrownBy(
            () ->
                inspector.inclusion(
                    S, "ordLine", List.of("oReg", "oCNo"), S, "Cust Master", List.of("Reg"), 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> inspector.uniqueness(S, "ordLine", List.of("oReg", "oReg"), 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> inspector.uniqueness(S, "ordLine", List.of("oReg"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsAMissingTableAsASourceError() {
    assertThatThrownBy(() -> inspector.uniqueness(S, "ORDLINE", List.of("lineId"), 5))
        .isInstanceOfSatisfying(
            DaasException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_ERROR));
  }
}
