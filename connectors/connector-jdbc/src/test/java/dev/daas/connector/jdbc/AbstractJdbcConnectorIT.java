package dev.daas.connector.jdbc;

import static dev.daas.connector.jdbc.TestingModel.asc;
import static dev.daas.connector.jdbc.TestingModel.desc;
import static dev.daas.connector.jdbc.TestingModel.embed;
import static dev.daas.connector.jdbc.TestingModel.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import dev.daas.model.query.Condition.Operator;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.RawJson;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The execution half of the connector's conformance suite, run against a real database by each
 * subclass. Subclasses create the same legacy-style fixture (T_CUST with a composite key, T_ORD
 * with a composite foreign key to it, ...) in their own dialect and assert their catalog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractJdbcConnectorIT {
  static final UUID ALICE_REF = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
  static final BigDecimal BIG = new BigDecimal("12345678901234567890.1234567890");
  static final String INJECTION = "x'; DROP TABLE t_cust; --";

  protected final List<RenderedSql> statements = new ArrayList<>();
  protected JdbcSourceConnection connection;
  protected Catalog catalog;
  protected TestingModel model;
  protected Entity customer;
  protected Entity order;

  abstract String url();

  abstract String user();

  abstract String schema();

  abstract JdbcDialect dialect();

  /** Drops and creates the schema (or database), its tables and rows. */
  abstract List<String> fixture();

  abstract String dropSchema();

  /** Whether the fixture table exists (after injection attempts). */
  abstract String countCustomers();

  /** Sets C_RATIO, a single-precision column: 0.1 for Alice and O'Brien, 0.2 for Carol. */
  abstract List<String> setRatios();

  @BeforeAll
  void createFixture() throws SQLException {
    execute(fixture());
    SourceConfig config =
        new SourceConfig(
            "it",
            url(),
            user(),
            null,
            List.of(schema()),
            3,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10));
    connection =
        new JdbcSourceConnection(config, dialect(), JdbcPool.create(config), statements::add);
    catalog = connection.catalog().introspect();
    model = new TestingModel(catalog);
    customer = model.entity("T_CUST");
    order = model.entity("T_ORD");
  }

  @AfterAll
  void dropFixture() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    execute(List.of(dropSchema()));
  }

  @BeforeEach
  void forgetStatements() {
    statements.clear();
  }

  void execute(List<String> sql) throws SQLException {
    try (Connection jdbc = DriverManager.getConnection(url(), user(), null);
        Statement statement = jdbc.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  Attribute c(String name) {
    return customer.requireAttribute(name);
  }

  List<String> names(Condition where) {
    QueryPlan plan =
        plan(customer, where, List.of(asc(customer, "c_reg"), asc(customer, "c_no")), 0);
    return connection.queries().execute(plan).rows().stream()
        .map(r -> (String) r.get("c_nm"))
        .toList();
  }

  Map<String, Object> alice() {
    return connection
        .queries()
        .execute(
            plan(customer, new Condition.Compare(c("c_nm"), Operator.EQ, "Alice"), List.of(), 0))
        .rows()
        .get(0);
  }

  @Test
  void readsValuesIntoPortableJavaTypesExactly() {
    Map<String, Object> alice = alice();
    assertThat(alice)
        .containsEntry("c_no", 1L)
        .containsEntry("c_tier", "GOLD")
        .containsEntry("c_bal", BIG)
        .containsEntry("c_score", 1.5)
        .containsEntry("c_active", true)
        .containsEntry("c_born", LocalDate.of(1990, 1, 31))
        .containsEntry("c_wake", LocalTime.of(13, 45))
        .containsEntry("c_seen", LocalDateTime.of(2024, 1, 31, 13, 45))
        .containsEntry("c_meta", new RawJson("{\"a\": 1}"))
        .containsEntry("c_ref", ref());
    assertThat((byte[]) alice.get("c_pic")).containsExactly(0xCA, 0xFE, 0x00, 0x01);
  }

  @Test
  void filtersWithEveryOperator() {
    assertThat(names(new Condition.Compare(c("c_no"), Operator.EQ, 2L)))
        .containsExactly("Bob", "O'Brien_100%");
    assertThat(names(new Condition.Compare(c("c_reg"), Operator.NE, "N")))
        .containsExactly("Carol", "O'Brien_100%");
    assertThat(names(new Condition.Compare(c("c_bal"), Operator.LT, new BigDecimal("0.5"))))
        .containsExactly("O'Brien_100%");
    assertThat(names(new Condition.Compare(c("c_bal"), Operator.LE, new BigDecimal("0.5"))))
        .containsExactly("Bob", "O'Brien_100%");
    assertThat(names(new Condition.Compare(c("c_bal"), Operator.GE, BIG))).containsExactly("Alice");
    assertThat(names(new Condition.Compare(c("c_score"), Operator.GT, 1.5)))
        .containsExactly("Carol");
    assertThat(
            names(
                new Condition.Compare(
                    c("c_seen"), Operator.GE, LocalDateTime.of(2024, 1, 1, 0, 0))))
        .containsExactly("Alice");
    assertThat(names(new Condition.Compare(c("c_born"), Operator.EQ, LocalDate.of(1990, 1, 31))))
        .containsExactly("Alice");
    assertThat(names(new Condition.Compare(c("c_active"), Operator.EQ, false)))
        .containsExactly("Bob");
    assertThat(names(new Condition.Compare(c("c_ref"), Operator.EQ, ref())))
        .containsExactly("Alice");
    assertThat(names(new Condition.In(c("c_nm"), List.of("Alice", "Carol"), false)))
        .containsExactly("Alice", "Carol");
    assertThat(names(new Condition.In(c("c_nm"), List.of("Alice", "Carol"), true)))
        .containsExactly("Bob", "O'Brien_100%");
    assertThat(names(new Condition.Like(c("c_nm"), "%\\_100\\%", false)))
        .containsExactly("O'Brien_100%");
    assertThat(names(new Condition.Like(c("c_nm"), "_o%", false))).containsExactly("Bob");
    assertThat(names(new Condition.Like(c("c_nm"), "%r%", true))).containsExactly("Alice", "Bob");
    assertThat(names(new Condition.IsNull(c("c_email"), false))).containsExactly("Bob");
    assertThat(names(new Condition.IsNull(c("c_tier"), true)))
        .containsExactly("Alice", "Bob", "O'Brien_100%");
    assertThat(names(new Condition.Not(new Condition.Compare(c("c_reg"), Operator.EQ, "N"))))
        .containsExactly("Carol", "O'Brien_100%");
    assertThat(
            names(
                new Condition.Or(
                    List.of(
                        new Condition.And(
                            List.of(
                                new Condition.Compare(c("c_reg"), Operator.EQ, "N"),
                                new Condition.Compare(c("c_no"), Operator.GT, 1L))),
                        new Condition.Compare(c("c_nm"), Operator.EQ, "Carol")))))
        .containsExactly("Bob", "Carol");
    assertThat(
            names(
                new Condition.TupleIn(
                    List.of(c("c_reg"), c("c_no")), List.of(List.of("N", 2L), List.of("S", 1L)))))
        .containsExactly("Bob", "Carol");
  }

  @Test
  void filtersEnumColumnsWithStringValues() {
    assertThat(names(new Condition.Compare(c("c_tier"), Operator.EQ, "SILVER")))
        .containsExactly("Bob");
    assertThat(names(new Condition.In(c("c_tier"), List.of("GOLD", "BRONZE"), false)))
        .containsExactly("Alice", "O'Brien_100%");
    assertThat(names(new Condition.Like(c("c_tier"), "G%", false))).containsExactly("Alice");
  }

  @Test
  void returnsNoRowsForInjectionStringsAndLeavesTheTableInPlace() throws SQLException {
    assertThat(names(new Condition.Compare(c("c_nm"), Operator.EQ, INJECTION))).isEmpty();
    assertThat(names(new Condition.In(c("c_nm"), List.of(INJECTION), false))).isEmpty();
    assertThat(names(new Condition.Like(c("c_email"), INJECTION, false))).isEmpty();
    assertThat(names(new Condition.Compare(c("c_tier"), Operator.NE, "GOLD"))).hasSize(2);
    try (Connection jdbc = DriverManager.getConnection(url(), user(), null);
        Statement statement = jdbc.createStatement();
        var rows = statement.executeQuery(countCustomers())) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(4);
    }
  }

  @Test
  void comparesSinglePrecisionFloatsWithTheValueTheApiShows() throws SQLException {
    execute(setRatios());
    Condition ratio = new Condition.Compare(c("c_ratio"), Operator.EQ, 0.1);
    assertThat(alice()).containsEntry("c_ratio", 0.1);
    assertThat(names(ratio)).containsExactly("Alice", "O'Brien_100%");
    assertThat(names(new Condition.Compare(c("c_ratio"), Operator.GT, 0.1)))
        .containsExactly("Carol");
    assertThat(names(new Condition.Compare(c("c_ratio"), Operator.GE, 0.1)))
        .containsExactly("Alice", "Carol", "O'Brien_100%");
    assertThat(names(new Condition.In(c("c_ratio"), List.of(0.2, 0.1), false)))
        .containsExactly("Alice", "Carol", "O'Brien_100%");
  }

  @Test
  void sortsNullsAsGreaterThanEveryValue() {
    List<Object> ascending =
        connection
            .queries()
            .execute(plan(customer, null, List.of(asc(customer, "c_email")), 0))
            .rows()
            .stream()
            .map(r -> r.get("c_nm"))
            .toList();
    assertThat(ascending).containsExactly("Alice", "Carol", "O'Brien_100%", "Bob");
    List<Object> descending =
        connection
            .queries()
            .execute(plan(customer, null, List.of(desc(customer, "c_score")), 0))
            .rows()
            .stream()
            .map(r -> r.get("c_nm"))
            .toList();
    assertThat(descending).containsExactly("Bob", "Carol", "Alice", "O'Brien_100%");
  }

  @Test
  void embedsToManyAndToOneOverTheCompositeForeignKeyWithoutNPlusOne() {
    QueryPlan owner = plan(customer, null, List.of(), 0);
    QueryPlan orders =
        plan(
            order,
            null,
            List.of(desc(order, "o_id")),
            0,
            List.of(
                embed(
                    "customer",
                    false,
                    order,
                    List.of("o_reg", "o_cno"),
                    customer,
                    List.of("c_reg", "c_no"),
                    owner)));
    QueryPlan customers =
        plan(
            customer,
            null,
            List.of(asc(customer, "c_reg"), asc(customer, "c_no")),
            0,
            List.of(
                embed(
                    "orders",
                    true,
                    customer,
                    List.of("c_reg", "c_no"),
                    order,
                    List.of("o_reg", "o_cno"),
                    orders)));

    List<Map<String, Object>> rows = connection.queries().execute(customers).rows();

    assertThat(statements).hasSize(3);
    assertThat(ordersOf(rows.get(0))).extracting(o -> o.get("o_id")).containsExactly(11L, 10L);
    assertThat(ordersOf(rows.get(1)))
        .extracting(o -> o.get("o_amt"))
        .containsExactly(new BigDecimal("3.00"));
    assertThat(ordersOf(rows.get(3))).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> back = (Map<String, Object>) ordersOf(rows.get(2)).get(0).get("customer");
    assertThat(back).containsEntry("c_nm", "Carol").containsEntry("c_reg", "S");
  }

  @Test
  void reportsAStatementThatRunsOutOfTimeAsQueryTimeout() {
    Entity slow = model.entity("V_SLOW");
    QueryPlan plan =
        new QueryPlan(
            slow,
            slow.attributes(),
            List.of(),
            null,
            List.of(),
            0,
            List.of(),
            Duration.ofSeconds(1));
    assertThatThrownBy(() -> connection.queries().execute(plan))
        .isInstanceOfSatisfying(
            DaasException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUERY_TIMEOUT));
  }

  @Test
  void reportsAReachableSourceWithPoolFigures() {
    var status = connection.status();
    assertThat(status.reachable()).isTrue();
    assertThat(status.message()).isNull();
    assertThat(status.maxConnections()).isEqualTo(3);
  }

  /** Alice's reference as the fixture stores it: a UUID, or text where there is no uuid type. */
  Object ref() {
    return c("c_ref").type() == dev.daas.model.DataType.UUID ? ALICE_REF : ALICE_REF.toString();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> ordersOf(Map<String, Object> row) {
    return (List<Map<String, Object>>) row.get("orders");
  }
}
