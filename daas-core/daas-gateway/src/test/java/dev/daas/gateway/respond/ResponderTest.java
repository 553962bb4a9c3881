package dev.daas.gateway.respond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.gateway.TestingModels;
import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.parse.RequestParser;
import dev.daas.gateway.plan.Cursor;
import dev.daas.gateway.plan.PlanLimits;
import dev.daas.gateway.plan.Planner;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponderTest {
  private final Planner planner = new Planner();
  private final Responder responder = new Responder();

  @Test
  void projectsRowsAndNestedEmbedsToTheRequestedFieldsInOrder() {
    DataRequest request =
        request(
            TestingModels.CUSTOMER,
            null,
            Map.of(
                "fields", "C_NM,C_ID,orders.O_TOT,orders.lines.L_QTY",
                "embed", "orders.lines",
                "limit", "5"));
    QueryPlan plan = plan(request);
    Map<String, Object> line = row("L_REG", "EU", "L_NO", 7L, "L_POS", 1L, "L_QTY", 3L);
    Map<String, Object> order =
        row("O_REG", "EU", "O_NO", 7L, "O_CUST", 1L, "O_TOT", new BigDecimal("9.90"));
    order.put("lines", List.of(line));
    Map<String, Object> customer = row("C_ID", 1L, "C_NM", "Ada", "C_BAL", null);
    customer.put("orders", List.of(order));
    Map<String, Object> lonely = row("C_ID", 2L, "C_NM", "Bob", "C_BAL", null);
    lonely.put("orders", List.of());

    Page page = responder.page(request, plan, new QueryResult(List.of(customer, lonely)));

    assertThat(page.limit()).isEqualTo(5);
    assertThat(page.next()).isNull();
    assertThat(page.data()).hasSize(2);
    Map<String, Object> first = page.data().get(0);
    assertThat(first.keySet()).containsExactly("C_NM", "C_ID", "orders");
    @SuppressWarnings("unchecked")
    Map<String, Object> firstOrder = ((List<Map<String, Object>>) first.get("orders")).get(0);
    assertThat(firstOrder.keySet()).containsExactly("O_TOT", "lines");
    assertThat(firstOrder.get("O_TOT")).isEqualTo(new BigDecimal("9.90"));
    assertThat(firstOrder.get("lines")).isEqualTo(List.of(Map.of("L_QTY", 3L)));
    assertThat(page.data().get(1).get("orders")).isEqualTo(List.of());
  }

  @Test
  void rendersAMissingToOneEmbedAsNull() {
    DataRequest request =
        request(TestingModels.ORDER, null, Map.of("embed", "customer", "fields", "O_NO"));
    Map<String, Object> order = row("O_REG", "EU", "O_NO", 7L, "O_CUST", null);
    order.put("customer", null);

    Page page = responder.page(request, plan(request), new QueryResult(List.of(order)));

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("O_NO", 7L);
    expected.put("customer", null);
    assertThat(page.data()).containsExactly(expected);
  }

  @Test
  void dropsTheLookAheadRowAndMakesTheNextCursorFromTheLastReturnedRow() {
    DataRequest request =
        request(
            TestingModels.ORDER, null, Map.of("limit", "2", "sort", "-O_TOT", "fields", "O_NO"));
    QueryPlan plan = plan(request);
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("O_REG", "EU", "O_NO", 1L, "O_TOT", new BigDecimal("30")));
    rows.add(row("O_REG", "US", "O_NO", 2L, "O_TOT", null));
    rows.add(row("O_REG", "EU", "O_NO", 3L, "O_TOT", new BigDecimal("10")));

    Page page = responder.page(request, plan, new QueryResult(rows));

    assertThat(page.data()).containsExactly(Map.of("O_NO", 1L), Map.of("O_NO", 2L));
    Cursor next = Cursor.decode(page.next());
    assertThat(next.entity()).isEqualTo("T_ORD");
    assertThat(next.sort()).isEqualTo("-O_TOT,O_REG,O_NO");
    assertThat(next.values()).containsExactly(null, "US", 2L);
  }

  @Test
  void returnsNoCursorWhenTheLastPageIsExactlyFull() {
    DataRequest request = request(TestingModels.ORDER, null, Map.of("limit", "2"));
    List<Map<String, Object>> rows =
        List.of(row("O_REG", "EU", "O_NO", 1L), row("O_REG", "EU", "O_NO", 2L));

    assertThat(responder.page(request, plan(request), new QueryResult(rows)).next()).isNull();
  }

  @Test
  void issuesNoCursorForAnEntityWithoutOrderAndBoundsItsOnlyPageByTheLimit() {
    DataRequest request = request(TestingModels.DOCS, null, Map.of("limit", "2"));
    QueryPlan plan = plan(request);
    List<Map<String, Object>> rows =
        List.of(row("D_GEO", "a"), row("D_GEO", "b"), row("D_GEO", "c"));

    Page page = responder.page(request, plan, new QueryResult(rows));

    assertThat(plan.orderBy()).isEmpty();
    assertThat(page.data()).hasSize(2);
    assertThat(page.next()).isNull();
  }

  @Test
  void returnsTheSingleRowOfAKeyReadOrNotFound() {
    DataRequest request = request(TestingModels.ORDER, "EU,7", Map.of("fields", "O_TOT"));
    QueryPlan plan = plan(request);

    assertThat(
            responder.single(
                request,
                plan,
                new QueryResult(List.of(row("O_REG", "EU", "O_NO", 7L, "O_TOT", BigDecimal.ONE)))))
        .containsExactly(Map.entry("O_TOT", BigDecimal.ONE));
    assertThatThrownBy(() -> responder.single(request, plan, new QueryResult(List.of())))
        .isInstanceOfSatisfying(
            DaasException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  private QueryPlan plan(DataRequest request) {
    return planner.plan(TestingModels.legacy(), request, PlanLimits.DEFAULTS);
  }

  private static DataRequest request(String entity, String key, Map<String, String> parameters) {
    Map<String, List<String>> multi = new HashMap<>();
    parameters.forEach((k, v) -> multi.put(k, List.of(v)));
    return new RequestParser().parse(entity, key, multi);
  }

  private static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }
}
