package dev.daas.gateway.plan;

import static dev.daas.gateway.TestingModels.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.gateway.TestingModels;
import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.parse.RequestParser;
import dev.daas.gateway.respond.Page;
import dev.daas.gateway.respond.Responder;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.EntityKind;
import dev.daas.model.Key;
import dev.daas.model.query.Condition;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.QueryResult;
import dev.daas.model.query.SortKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages through random rows with nulls and ties, evaluating each page's plan in memory, and checks
 * that every row is visited exactly once and in the order the sort defines.
 */
class KeysetPaginationTest {
  private static final Entity ITEMS =
      TestingModels.entity(
          "T_ITEM",
          EntityKind.TABLE,
          List.of(
              attribute("I_ID", DataType.INTEGER, false),
              attribute("I_A", DataType.INTEGER, true),
              attribute("I_B", DataType.STRING, true),
              attribute("I_C", DataType.DATE, true),
              attribute("I_D", DataType.STRING, false)),
          new Key("pk_item", List.of("I_ID")));
  private static final Entity KEYLESS =
      TestingModels.entity(
          "V_ITEM",
          EntityKind.VIEW,
          List.of(
              attribute("I_A", DataType.INTEGER, true),
              attribute("I_B", DataType.STRING, true),
              attribute("I_C", DataType.DATE, true)),
          null);
  private static final Entity BLOBS =
      TestingModels.entity(
          "T_BLOB",
          EntityKind.TABLE,
          List.of(
              attribute("I_HASH", DataType.BINARY, false),
              attribute("I_A", DataType.INTEGER, true),
              attribute("I_B", DataType.STRING, true),
              attribute("I_C", DataType.DATE, true)),
          new Key("pk_blob", List.of("I_HASH")));
  private static final DataModel MODEL =
      new DataModel(1, "test", "memory", List.of(ITEMS, KEYLESS, BLOBS), List.of(), List.of());

  private final Planner planner = new Planner();
  private final Responder responder = new Responder();

  @ParameterizedTest
  @ValueSource(
      strings = {"", "I_A", "-I_A", "I_A,-I_B", "-I_B,I_C", "I_C,-I_A,I_B", "-I_ID", "I_D,-I_A"})
  void visitsEveryRowExactlyOnceInSortOrder(String sort) {
    for (long seed = 1; seed <= 12; seed++) {
      Random random = new Random(seed);
      List<Map<String, Object>> rows = randomRows(random, 1 + random.nextInt(60), true);
      for (int pageSize : List.of(1, 3, 7, 100)) {
        assertPagesCoverEveryRow("T_ITEM", sort, null, pageSize, rows);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-I_A", "I_B,-I_C", "-I_C,-I_B,-I_A"})
  void pagesKeylessEntitiesWithDistinctRows(String sort) {
    for (long seed = 1; seed <= 12; seed++) {
      Random random = new Random(seed);
      List<Map<String, Object>> rows = distinct(randomRows(random, 40, false));
      for (int pageSize : List.of(1, 4, 9)) {
        assertPagesCoverEveryRow("V_ITEM", sort, null, pageSize, rows);
      }
    }
  }

  /** The binary key cannot go into a cursor, so pages are kept over the orderable fields. */
  @ParameterizedTest
  @ValueSource(strings = {"", "-I_A", "I_B,-I_C"})
  void pagesATableWithABinaryPrimaryKeyOverItsOrderableFields(String sort) {
    for (long seed = 1; seed <= 12; seed++) {
      Random random = new Random(seed);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> row : distinct(randomRows(random, 40, false))) {
        Map<String, Object> withHash = new LinkedHashMap<>(row);
        withHash.put("I_HASH", new byte[] {(byte) rows.size(), 1, 2});
        rows.add(withHash);
      }
      for (int pageSize : List.of(1, 4, 9)) {
        assertPagesCoverEveryRow("T_BLOB", sort, null, pageSize, rows);
      }
    }
  }

  @Test
  void combinesTheSeekWithTheFilter() {
    for (long seed = 1; seed <= 12; seed++) {
      List<Map<String, Object>> rows = randomRows(new Random(seed), 50, true);
      assertPagesCoverEveryRow("T_ITEM", "-I_A,I_B", "I_A >= 1 OR I_B IS NULL", 3, rows);
    }
  }

  @Test
  void seekAfterANullAscendingPositionMatchesNothingForThatKeyAlone() {
    Attribute a = ITEMS.requireAttribute("I_A");

    Condition condition = SeekCondition.after(List.of(new SortKey(a, false)), nulls(1));

    assertThat(ConditionEvaluator.matches(condition, row(null))).isFalse();
    assertThat(ConditionEvaluator.matches(condition, row(5L))).isFalse();
  }

  @Test
  void seekSkipsTheNullBranchForNotNullColumns() {
    Attribute id = ITEMS.requireAttribute("I_ID");

    assertThat(SeekCondition.after(List.of(new SortKey(id, false)), List.of(3L)))
        .isEqualTo(new Condition.Compare(id, Condition.Operator.GT, 3L));
  }

  private void assertPagesCoverEveryRow(
      String entity, String sort, String filter, int pageSize, List<Map<String, Object>> rows) {
    Map<String, List<String>> parameters = new HashMap<>();
    parameters.put("limit", List.of(Integer.toString(pageSize)));
    if (!sort.isEmpty()) {
      parameters.put("sort", List.of(sort));
    }
    if (filter != null) {
      parameters.put("filter", List.of(filter));
    }
    DataRequest first = new RequestParser().parse(entity, null, parameters);
    List<Map<String, Object>> expected =
        execute(planner.plan(MODEL, first, PlanLimits.DEFAULTS), rows, false);

    List<Map<String, Object>> visited = new ArrayList<>();
    DataRequest request = first;
    for (int pages = 0; pages <= rows.size() + 1; pages++) {
      QueryPlan plan = planner.plan(MODEL, request, PlanLimits.DEFAULTS);
      Page page = responder.page(request, plan, new QueryResult(execute(plan, rows, true)));
      assertThat(page.data()).hasSizeLessThanOrEqualTo(pageSize);
      visited.addAll(page.data());
      if (page.next() == null) {
        break;
      }
      parameters.put("cursor", List.of(page.next()));
      request = new RequestParser().parse(entity, null, parameters);
    }
    assertThat(visited)
        .as("sort %s, filter %s, page size %d", sort, filter, pageSize)
        .isEqualTo(expected);
  }

  /** What a database would return for the plan. */
  private static List<Map<String, Object>> execute(
      QueryPlan plan, List<Map<String, Object>> rows, boolean limited) {
    List<Map<String, Object>> result =
        new ArrayList<>(
            rows.stream()
                .filter(r -> ConditionEvaluator.matches(plan.where(), r))
                .sorted(ConditionEvaluator.order(plan.orderBy()))
                .toList());
    return limited && result.size() > plan.limit() ? result.subList(0, plan.limit()) : result;
  }

  private static List<Map<String, Object>> randomRows(Random random, int count, boolean keyed) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      if (keyed) {
        row.put("I_ID", (long) i * 7 % 101);
      }
      row.put("I_A", random.nextInt(4) == 0 ? null : (long) random.nextInt(4));
      row.put("I_B", random.nextInt(3) == 0 ? null : "b" + random.nextInt(3));
      row.put("I_C", random.nextInt(3) == 0 ? null : LocalDate.of(2024, 1, 1 + random.nextInt(3)));
      if (keyed) {
        row.put("I_D", "d" + random.nextInt(2));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> distinct(List<Map<String, Object>> rows) {
    Set<Map<String, Object>> seen = new HashSet<>();
    return rows.stream().filter(seen::add).toList();
  }

  private static List<Object> nulls(int count) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(null);
    }
    return values;
  }

  private static Map<String, Object> row(Object a) {
    Map<String, Object> row = new HashMap<>();
    row.put("I_A", a);
    return row;
  }
}
