package dev.daas.connector.jdbc;

import static dev.daas.connector.jdbc.TestingModel.asc;
import static dev.daas.connector.jdbc.TestingModel.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.query.Condition;
import dev.daas.model.query.Condition.Operator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** MariaDB specifics of legacy schemas: enum order, YEAR columns and zero dates. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbLegacyDataIT {
  private static final String URL = "jdbc:mariadb://127.0.0.1:3306/test";
  private static final String S = "it_connector_maria_legacy";

  private JdbcSourceConnection connection;
  private TestingModel model;

  @BeforeAll
  void createFixture() throws SQLException {
    execute(
        "drop database if exists " + S,
        "create database " + S,
        // Declaration order (zeta, alpha, mid) differs from alphabetical order.
        "create table "
            + S
            + ".T_KIND (K_ID int primary key,"
            + " K_KIND enum('zeta', 'alpha', 'mid') not null)",
        "insert into "
            + S
            + ".T_KIND values (1, 'mid'), (2, 'zeta'), (3, 'alpha'), (4, 'zeta'),"
            + " (5, 'alpha'), (6, 'mid'), (7, 'zeta'), (8, 'alpha'), (9, 'mid')",
        "create table "
            + S
            + ".T_OLD (O_ID int primary key, O_YEAR year, O_AT datetime,"
            + " O_ON date)",
        "set session sql_mode = ''",
        "insert into "
            + S
            + ".T_OLD values (1, 2024, '0000-00-00 00:00:00', '0000-00-00'),"
            + " (2, null, '2024-01-31 13:45:00', null), (3, 1901, null, null)");
    SourceConfig config =
        new SourceConfig(
            "legacy",
            URL,
            "root",
            null,
            List.of(S),
            2,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    connection =
        new JdbcSourceConnection(config, new MariaDbDialect(false), JdbcPool.create(config));
    model = new TestingModel(connection.catalog().introspect());
  }

  @AfterAll
  void dropFixture() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    execute("drop database if exists " + S);
  }

  private static void execute(String... sql) throws SQLException {
    // One connection, so the session's sql_mode holds for the inserts after it.
    try (Connection jdbc = DriverManager.getConnection(URL, "root", null);
        Statement statement = jdbc.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  private List<Map<String, Object>> rows(Entity entity, Condition where, int limit) {
    return connection
        .queries()
        .execute(
            plan(
                entity,
                where,
                List.of(
                    asc(entity, entity.attributes().get(1).name()),
                    asc(entity, entity.attributes().get(0).name())),
                limit))
        .rows();
  }

  @Test
  void pagesThroughAnEnumColumnVisitingEveryRowOnceInTheOrderOfAFullRead() {
    Entity kinds = model.entity("T_KIND");
    Attribute kind = kinds.requireAttribute("k_kind");
    Attribute id = kinds.requireAttribute("k_id");
    assertThat(kind.type()).isEqualTo(DataType.ENUM);
    List<Object> full = rows(kinds, null, 0).stream().map(r -> r.get("k_id")).toList();
    assertThat(full).hasSize(9);

    List<Object> paged = new ArrayList<>();
    Condition seek = null;
    for (int page = 0; page < 20; page++) {
      List<Map<String, Object>> rows = rows(kinds, seek, 2);
      if (rows.isEmpty()) {
        break;
      }
      rows.forEach(r -> paged.add(r.get("k_id")));
      Map<String, Object> last = rows.get(rows.size() - 1);
      // As the planner builds it: (kind > v) OR (kind = v AND id > vid).
      seek =
          new Condition.Or(
              List.of(
                  new Condition.Compare(kind, Operator.GT, last.get("k_kind")),
                  new Condition.And(
                      List.of(
                          new Condition.Compare(kind, Operator.EQ, last.get("k_kind")),
                          new Condition.Compare(id, Operator.GT, last.get("k_id"))))));
    }

    assertThat(paged).containsExactlyElementsOf(full);
  }

  @Test
  void readsYearColumnsAsIntegersAndZeroDatesAsNull() {
    Entity old = model.entity("T_OLD");
    assertThat(old.requireAttribute("o_year").type()).isEqualTo(DataType.INTEGER);
    List<Map<String, Object>> rows =
        connection.queries().execute(plan(old, null, List.of(asc(old, "o_id")), 0)).rows();
    assertThat(rows).extracting(r -> r.get("o_year")).containsExactly(2024L, null, 1901L);
    assertThat(rows.get(0)).containsEntry("o_at", null).containsEntry("o_on", null);
    assertThat(rows.get(1)).containsEntry("o_at", LocalDateTime.of(2024, 1, 31, 13, 45));
    assertThat(
            connection
                .queries()
                .execute(
                    plan(
                        old,
                        new Condition.Compare(old.requireAttribute("o_year"), Operator.GE, 2000L),
                        List.of(),
                        0))
                .rows())
        .extracting(r -> r.get("o_id"))
        .containsExactly(1L);
  }
}
