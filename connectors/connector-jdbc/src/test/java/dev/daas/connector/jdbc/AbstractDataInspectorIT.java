package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.connector.DataInspector;
import dev.daas.model.connector.DataInspector.CheckCounts;
import dev.daas.model.connector.DataInspector.StatementStatistic;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The inspector against a real database: statement statistics, and the bounded checks on legacy
 * tables with odd-case names ("Cust Master" with 1,000 rows plus one with a null name, "ordLine"
 * with orphans and a composite reference). Subclasses quote and generate rows in their dialect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractDataInspectorIT {
  /** A query no one else runs: it names this test's own table. */
  static final String MARKED_QUERY =
      "select count(*) from \"%s\".\"Cust Master\" where \"cNo\" > ? and \"Nm\" <> 'inspect-it'";

  protected JdbcSourceConnection connection;
  protected DataInspector inspector;

  abstract String url();

  abstract String user();

  abstract String schema();

  abstract JdbcDialect dialect();

  /** Statements written with double-quoted identifiers, in the database's own quoting. */
  abstract String quoted(String sql);

  abstract List<String> createSchema();

  abstract String dropSchema();

  /** Inserts rows 1..1000 into "Cust Master": ("N" or "S", x, 'n' || x % 100). */
  abstract String insertThousandCustomers();

  /** A view whose only row takes 4 s to compute. */
  abstract String createSlowView();

  /** Where the marked query runs: MariaDB attributes digests to the session's default schema. */
  String workloadUrl() {
    return url();
  }

  @BeforeAll
  void createFixture() throws SQLException {
    execute(url(), List.of(dropSchema()));
    execute(url(), createSchema());
    String s = "\"" + schema() + "\"";
    execute(
        url(),
        List.of(
            quoted(
                "create table "
                    + s
                    + ".\"Cust Master\" (\"Reg\" varchar(4), \"cNo\" int, \"Nm\" varchar(9))"),
            quoted(insertThousandCustomers()),
            quoted("insert into " + s + ".\"Cust Master\" values ('S', 1001, null)"),
            quoted(
                "create table "
                    + s
                    + ".\"ordLine\" (\"lineId\" int, \"oReg\" varchar(4), \"oCNo\" int)"),
            quoted(
                "insert into "
                    + s
                    + ".\"ordLine\" values (1, 'S', 1), (2, 'N', 2), (3, 'N', 1), (4, 'S', 1),"
                    + " (5, null, 7), (6, 'X', 5000)"),
            quoted("create table " + s + ".\"Note\" (\"custRef\" varchar(9))"),
            quoted("insert into " + s + ".\"Note\" values ('1'), ('2'), ('1001'), ('x9')"),
            quoted(createSlowView())));
    connection = open(url());
    inspector = connection.inspector();
  }

  JdbcSourceConnection open(String url) {
    SourceConfig config =
        new SourceConfig(
            "it",
            url,
            user(),
            null,
            List.of(schema()),
            2,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));
    return new JdbcSourceConnection(config, dialect(), JdbcPool.create(config));
  }

  @AfterAll
  void dropFixture() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    execute(url(), List.of(dropSchema()));
  }

  static void execute(String url, List<String> sql, String user) throws SQLException {
    try (Connection jdbc = DriverManager.getConnection(url, user, null);
        Statement statement = jdbc.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  void execute(String url, List<String> sql) throws SQLException {
    execute(url, sql, user());
  }

  @Test
  void readsAStatementTheWorkloadRanMostCalledFirstWithoutItsOwn() throws SQLException {
    inspector.uniqueness(schema(), "ordLine", List.of("lineId"), 10);
    try (Connection jdbc = DriverManager.getConnection(workloadUrl(), user(), null);
        PreparedStatement statement =
            jdbc.prepareStatement(quoted(String.format(MARKED_QUERY, schema())))) {
      for (int i = 0; i < 25; i++) {
        statement.setInt(1, i);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
        }
      }
    }

    List<StatementStatistic> statistics = inspector.statementStatistics(2_000);

    assertThat(statistics)
        .filteredOn(s -> s.text().contains("Cust Master") && s.text().contains("Nm"))
        .anySatisfy(
            s -> {
              assertThat(s.calls()).isGreaterThanOrEqualTo(25);
              assertThat(s.rows()).isGreaterThanOrEqualTo(25);
              assertThat(s.totalMillis()).isPositive();
            });
    assertThat(statistics)
        .extracting(StatementStatistic::calls)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(statistics)
        .extracting(s -> s.text().toLowerCase())
        .noneMatch(t -> t.contains("daas_check") || t.contains("information_schema"))
        .noneMatch(t -> t.contains("pg_class") || t.contains("max_statement_time"))
        .noneMatch(t -> t.startsWith("set ") || t.equals("commit"));
    assertThat(inspector.statementStatistics(1)).hasSize(1);
  }

  @Test
  void countsRowsAndDuplicateGroupsAmongNonNullValues() {
    assertThat(inspector.uniqueness(schema(), "Cust Master", List.of("Reg", "cNo"), 5_000))
        .isEqualTo(new CheckCounts(1_001, 0));
    assertThat(inspector.uniqueness(schema(), "Cust Master", List.of("Nm"), 5_000))
        .isEqualTo(new CheckCounts(1_000, 100));
    assertThat(inspector.uniqueness(schema(), "ordLine", List.of("oReg", "oCNo"), 5_000))
        .isEqualTo(new CheckCounts(5, 1));
  }

  @Test
  void looksAtNoMoreRowsThanTheSample() {
    assertThat(inspector.uniqueness(schema(), "Cust Master", List.of("cNo"), 10))
        .isEqualTo(new CheckCounts(10, 0));
    CheckCounts inclusion =
        inspector.inclusion(
            schema(), "Cust Master", List.of("cNo"), schema(), "ordLine", List.of("lineId"), 10);
    assertThat(inclusion.examined()).isEqualTo(10);
    assertThat(inclusion.violations()).isBetween(4L, 10L);
  }

  @Test
  void countsOrphansOfSingleAndCompositeReferences() {
    assertThat(
            inspector.inclusion(
                schema(),
                "ordLine",
                List.of("lineId"),
                schema(),
                "Cust Master",
                List.of("cNo"),
                50))
        .isEqualTo(new CheckCounts(6, 0));
    assertThat(
            inspector.inclusion(
                schema(), "ordLine", List.of("oCNo"), schema(), "Cust Master", List.of("cNo"), 50))
        .isEqualTo(new CheckCounts(4, 1));
    assertThat(
            inspector.inclusion(
                schema(),
                "ordLine",
                List.of("oReg", "oCNo"),
                schema(),
                "Cust Master",
                List.of("Reg", "cNo"),
                50))
        .isEqualTo(new CheckCounts(4, 2));
  }

  @Test
  void comparesReferencesOfAnotherTypeAsText() {
    assertThat(
            inspector.inclusion(
                schema(), "Note", List.of("custRef"), schema(), "Cust Master", List.of("cNo"), 50))
        .isEqualTo(new CheckCounts(4, 1));
  }

  @Test
  void stopsACheckAtTheSourcesStatementTimeout() {
    assertThatThrownBy(() -> inspector.uniqueness(schema(), "V_Slow", List.of("s"), 10))
        .isInstanceOfSatisfying(
            DaasException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT));
  }

  @Test
  void reportsAnUnknownTableAsASourceError() {
    assertThatThrownBy(() -> inspector.uniqueness(schema(), "ORDLINE", List.of("lineId"), 10))
        .isInstanceOfSatisfying(
            DaasException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SOURCE_ERROR));
  }
}
