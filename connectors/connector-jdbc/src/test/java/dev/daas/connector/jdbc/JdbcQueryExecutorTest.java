package dev.daas.connector.jdbc;

import static dev.daas.connector.jdbc.TestingModel.asc;
import static dev.daas.connector.jdbc.TestingModel.desc;
import static dev.daas.connector.jdbc.TestingModel.embed;
import static dev.daas.connector.jdbc.TestingModel.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.query.Condition;
import dev.daas.model.query.Condition.Operator;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.RawJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcQueryExecutorTest {
  private static DataSource dataSource;
  private static Entity customer;
  private static Entity order;

  private final List<RenderedSql> statements = new ArrayList<>();
  private JdbcQueryExecutor executor;

  @BeforeAll
  static void createDatabase() throws Exception {
    dataSource = TestingH2Database.create("executor");
    Catalog catalog =
        new JdbcCatalogIntrospector("h2", List.of(), dataSource, new H2Dialect()).introspect();
    TestingModel model = new TestingModel(catalog);
    customer = model.entity("T_CUST");
    order = model.entity("T_ORD");
  }

  @BeforeEach
  void createExecutor() {
    executor = new JdbcQueryExecutor("h2", dataSource, new H2Dialect(), statements::add);
  }

  private Attribute c(String name) {
    return customer.requireAttribute(name);
  }

  private List<String> names(Condition where) {
    QueryPlan plan =
        plan(customer, where, List.of(asc(customer, "c_reg"), asc(customer, "c_no")), 0);
    return executor.execute(plan).rows().stream().map(r -> (String) r.get("c_nm")).toList();
  }

  @Test
  void readsEveryTypeIntoItsPortableJavaType() {
    Map<String, Object> alice =
        executor
            .execute(
                plan(
                    customer, new Condition.Compare(c("c_nm"), Operator.EQ, "Alice"), List.of(), 0))
            .rows()
            .get(0);
    assertThat(alice)
        .containsEntry("c_reg", "N")
        .containsEntry("c_no", 1L)
        .containsEntry("c_tier", "GOLD")
        .containsEntry("c_bal", new BigDecimal("12345678901234567890.1234567890"))
        .containsEntry("c_score", 1.5)
        .containsEntry("c_active", true)
        .containsEntry("c_born", LocalDate.of(1990, 1, 31))
        .containsEntry("c_wake", LocalTime.of(13, 45))
        .containsEntry("c_seen", LocalDateTime.of(2024, 1, 31, 13, 45))
        .containsEntry("c_seen_tz", OffsetDateTime.parse("2024-01-31T13:45:00+02:00"))
        .containsEntry("c_meta", new RawJson("{\"a\":1}"))
        .containsEntry("c_ref", TestingH2Database.ALICE_REF);
    assertThat((byte[]) alice.get("c_pic")).containsExactly(0xCA, 0xFE);
    assertThat(alice.keySet())
        .containsExactlyElementsOf(customer.attributes().stream().map(Attribute::name).toList());
  }

  @Test
  void filtersWithEachComparisonOperator() {
    assertThat(names(new Condition.Compare(c("c_no"), Operator.EQ, 2L)))
        .containsExactly("Bob", "O'Brien_100%");
    assertThat(names(new Condition.Compare(c("c_reg"), Operator.NE, "N")))
        .containsExactly("Carol", "O'Brien_100%");
    assertThat(names(new Condition.Compare(c("c_bal"), Operator.LT, new BigDecimal("0.5"))))
        .containsExactly("O'Brien_100%");
    assertThat(names(new Condition.Compare(c("c_bal"), Operator.LE, new BigDecimal("0.5"))))
        .containsExactly("Bob", "O'Brien_100%");
    assertThat(names(new Condition.Compare(c("c_score"), Operator.GT, 1.5)))
        .containsExactly("Carol");
    assertThat(
            names(
                new Condition.Compare(
                    c("c_seen"), Operator.GE, LocalDateTime.of(2024, 1, 1, 0, 0))))
        .containsExactly("Alice");
    assertThat(names(new Condition.Compare(c("c_tier"), Operator.EQ, "SILVER")))
        .containsExactly("Bob");
    assertThat(names(new Condition.Compare(c("c_ref"), Operator.EQ, TestingH2Database.ALICE_REF)))
        .containsExactly("Alice");
  }

  @Test
  void filtersWithInLikeNullTestsAndBooleanCombinations() {
    assertThat(names(new Condition.In(c("c_nm"), List.of("Alice", "Carol"), false)))
        .containsExactly("Alice", "Carol");
    assertThat(names(new Condition.In(c("c_nm"), List.of("Alice", "Carol"), true)))
        .containsExactly("Bob", "O'Brien_100%");
    assertThat(names(new Condition.Like(c("c_nm"), "%\\_100\\%", false)))
        .containsExactly("O'Brien_100%");
    assertThat(names(new Condition.Like(c("c_nm"), "_o%", false))).containsExactly("Bob");
    assertThat(names(new Condition.Like(c("c_nm"), "%o%", true)))
        .containsExactly("Alice", "O'Brien_100%");
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
                                new Condition.Compare(c("c_active"), Operator.EQ, false))),
                        new Condition.Compare(c("c_nm"), Operator.EQ, "Carol")))))
        .containsExactly("Bob", "Carol");
    assertThat(
            names(
                new Condition.TupleIn(
                    List.of(c("c_reg"), c("c_no")), List.of(List.of("N", 2L), List.of("S", 1L)))))
        .containsExactly("Bob", "Carol");
  }

  @Test
  void returnsNoRowsForInjectionStringsUsedAsValues() throws Exception {
    String injection = "x'; DROP TABLE T_CUST; --";
    assertThat(names(new Condition.Compare(c("c_nm"), Operator.EQ, injection))).isEmpty();
    assertThat(names(new Condition.Like(c("c_nm"), injection, false))).isEmpty();
    assertThat(names(null)).hasSize(4);
  }

  @Test
  void sortsNullsAfterEveryValueInBothDirections() {
    List<String> ascending =
        executor
            .execute(
                plan(customer, null, List.of(asc(customer, "c_tier"), asc(customer, "c_nm")), 0))
            .rows()
            .stream()
            .map(r -> (String) r.get("c_nm"))
            .toList();
    // H2 orders enums by declaration: BRONZE, SILVER, GOLD.
    assertThat(ascending).containsExactly("O'Brien_100%", "Bob", "Alice", "Carol");
    List<String> descending =
        executor
            .execute(plan(customer, null, List.of(desc(customer, "c_email")), 0))
            .rows()
            .stream()
            .map(r -> (String) r.get("c_nm"))
            .toList();
    assertThat(descending).containsExactly("Bob", "O'Brien_100%", "Carol", "Alice");
  }

  @Test
  void appliesTheLimitAndTreatsZeroAsNoLimit() {
    assertThat(executor.execute(plan(customer, null, List.of(asc(customer, "c_nm")), 2)).rows())
        .extracting(r -> r.get("c_nm"))
        .containsExactly("Alice", "Bob");
    assertThat(executor.execute(plan(customer, null, List.of(), 0)).rows()).hasSize(4);
  }

  @Test
  void embedsChildrenOverACompositeKeyWithOneStatementPerEmbedAndLevel() {
    QueryPlan customerOfOrder = plan(customer, null, List.of(), 0);
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
                    customerOfOrder)));
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

    List<Map<String, Object>> rows = executor.execute(customers).rows();

    assertThat(statements).hasSize(3);
    assertThat(rows)
        .extracting(r -> r.get("c_nm"))
        .containsExactly("Alice", "Bob", "Carol", "O'Brien_100%");
    assertThat(ordersOf(rows.get(0))).extracting(o -> o.get("o_id")).containsExactly(11L, 10L);
    assertThat(ordersOf(rows.get(1))).extracting(o -> o.get("o_id")).containsExactly(13L);
    assertThat(ordersOf(rows.get(3))).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> back = (Map<String, Object>) ordersOf(rows.get(2)).get(0).get("customer");
    assertThat(back).containsEntry("c_nm", "Carol");
    assertThat(rows.get(0).keySet()).endsWith("orders");
  }

  @Test
  void embedsNullForAMissingToOneAndKeepsJoinColumnsOutOfTheResultWhenNotAsked() {
    Attribute region = order.requireAttribute("o_reg");
    Attribute number = order.requireAttribute("o_cno");
    Attribute id = order.requireAttribute("o_id");
    QueryPlan onlyGold =
        new QueryPlan(
            customer,
            List.of(c("c_nm")),
            List.of("c_nm"),
            new Condition.Compare(c("c_tier"), Operator.EQ, "GOLD"),
            List.of(),
            0,
            List.of(),
            TestingModel.TIMEOUT);
    QueryPlan orders =
        new QueryPlan(
            order,
            List.of(id),
            List.of("o_id"),
            new Condition.In(id, List.of(10L, 12L), false),
            List.of(asc(order, "o_id")),
            0,
            List.of(
                new dev.daas.model.query.EmbedPlan(
                    "customer",
                    false,
                    List.of(region, number),
                    List.of(c("c_reg"), c("c_no")),
                    onlyGold)),
            TestingModel.TIMEOUT);

    List<Map<String, Object>> rows = executor.execute(orders).rows();

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsOnlyKeys("o_id", "customer");
    assertThat(rows.get(0).get("customer")).isEqualTo(Map.of("c_nm", "Alice"));
    assertThat(rows.get(1)).containsEntry("o_id", 12L).containsEntry("customer", null);
    assertThat(statements).hasSize(2);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> ordersOf(Map<String, Object> row) {
    return (List<Map<String, Object>>) row.get("orders");
  }
}
