package dev.daas.gateway.respond;

import static dev.daas.gateway.TestingModels.CUSTOMER;
import static dev.daas.gateway.TestingModels.ORDER;
import static dev.daas.gateway.TestingPolicies.MASK_KEY;
import static dev.daas.gateway.TestingPolicies.assertLeaksNothing;
import static dev.daas.gateway.TestingPolicies.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.daas.gateway.TestingModels;
import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.parse.RequestParser;
import dev.daas.gateway.plan.PlanLimits;
import dev.daas.gateway.plan.Planner;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.ColumnMask;
import dev.daas.model.DataModel;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The respond stage under a policy: masks, hidden fields, per-row union, cursors. */
class ResponderAccessTest {
  private static final DataModel MODEL = TestingModels.legacy();
  private static final UUID SECRET_UID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
  private static final BigDecimal SECRET_BALANCE = new BigDecimal("987654.32");
  private final Planner planner = new Planner();
  private final Responder responder = new Responder();

  @Test
  void masksMaskedFieldsAndLeavesHiddenOnesOut() {
    Authorization clerk = authorization(Map.of("region", "EU"), "clerk");
    DataRequest request = request(CUSTOMER, Map.of());
    QueryPlan plan = planner.plan(MODEL, request, PlanLimits.DEFAULTS, clerk);

    Page page = responder.page(request, plan, result(customer(1, "Ada Lovelace")), clerk);

    Map<String, Object> row = page.data().get(0);
    assertThat(row).doesNotContainKeys("C_BAL", "C_PIC");
    assertThat(row.get("C_NM")).isEqualTo("****ce");
    assertThat(row.get("C_UID")).isEqualTo(ColumnMask.hashed("C_UID").apply(SECRET_UID, MASK_KEY));
    assertThat(row.toString()).doesNotContain(SECRET_UID.toString(), SECRET_BALANCE.toString());
  }

  @Test
  void aFieldIsClearOnlyOnRowsOfTheRoleThatShowsItClear() {
    // the clerk sees every customer with the name masked, "own" sees customer 2 unmasked
    Authorization both = authorization(Map.of("customer", 2L), "clerk", "own");
    DataRequest request = request(CUSTOMER, Map.of("fields", "C_ID,C_NM,C_BAL"));
    QueryPlan plan = planner.plan(MODEL, request, PlanLimits.DEFAULTS, both);

    Page page =
        responder.page(
            request, plan, result(customer(1, "Ada Lovelace"), customer(2, "Bob Builder")), both);

    assertThat(page.data().get(0)).containsEntry("C_NM", "****ce").containsEntry("C_BAL", null);
    assertThat(page.data().get(1))
        .containsEntry("C_NM", "Bob Builder")
        .containsEntry("C_BAL", SECRET_BALANCE);
  }

  @Test
  void embeddedRowsAreShapedByTheirOwnEntitysPolicy() {
    Authorization clerk = authorization(Map.of("region", "EU"), "clerk");
    DataRequest request =
        request(ORDER, Map.of("embed", "customer", "fields", "O_NO,customer.C_UID"));
    QueryPlan plan = planner.plan(MODEL, request, PlanLimits.DEFAULTS, clerk);
    Map<String, Object> order = order("EU", 7);
    order.put("customer", customer(1, "Ada Lovelace"));

    Page page = responder.page(request, plan, result(order), clerk);

    assertThat(page.data().get(0).get("customer"))
        .isEqualTo(Map.of("C_UID", ColumnMask.hashed("C_UID").apply(SECRET_UID, MASK_KEY)));
  }

  @Test
  void aCursorMadeUnderOneRoleIsRefusedUnderAnother() {
    Authorization auditor = authorization(Map.of(), "auditor");
    Authorization clerk = authorization(Map.of("region", "EU"), "clerk");
    Authorization otherClerk = authorization(Map.of("region", "US"), "clerk");
    DataRequest first = request(ORDER, Map.of("limit", "1"));
    QueryPlan plan = planner.plan(MODEL, first, PlanLimits.DEFAULTS, auditor);
    String next =
        responder.page(first, plan, result(order("NORTH-7731", 1), order("EU", 2)), auditor).next();
    DataRequest second = request(ORDER, Map.of("limit", "1", "cursor", next));

    assertThat(planner.plan(MODEL, second, PlanLimits.DEFAULTS, auditor).where()).isNotNull();
    for (Authorization other : List.of(clerk, otherClerk)) {
      Throwable error =
          catchThrowable(() -> planner.plan(MODEL, second, PlanLimits.DEFAULTS, other));
      assertThat(((DaasException) error).code()).isEqualTo(ErrorCode.BAD_CURSOR);
      assertLeaksNothing(error, "NORTH-7731");
    }
    // and a cursor from a clerk of one region does not continue in another region
    QueryPlan clerkPlan = planner.plan(MODEL, first, PlanLimits.DEFAULTS, clerk);
    String clerkNext =
        responder.page(first, clerkPlan, result(order("EU", 1), order("EU", 2)), clerk).next();
    DataRequest clerkSecond = request(ORDER, Map.of("limit", "1", "cursor", clerkNext));
    assertThat(planner.plan(MODEL, clerkSecond, PlanLimits.DEFAULTS, clerk).where()).isNotNull();
    assertThat(
            catchThrowable(() -> planner.plan(MODEL, clerkSecond, PlanLimits.DEFAULTS, otherClerk)))
        .isInstanceOf(DaasException.class)
        .hasMessageContaining("another caller's access");
  }

  @Test
  void noCursorIsMadeFromAHiddenKeyAndNoCursorIsAcceptedForOne() {
    Authorization keyHidden = authorization(Map.of(), "key-hidden");
    DataRequest request = request(CUSTOMER, Map.of("limit", "1"));
    QueryPlan plan = planner.plan(MODEL, request, PlanLimits.DEFAULTS, keyHidden);

    Throwable error =
        catchThrowable(
            () ->
                responder.page(
                    request, plan, result(customer(1, "Ada"), customer(2, "Bob")), keyHidden));

    assertThat(((DaasException) error).code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertLeaksNothing(error, "Ada", "Bob");
    // one page that holds every row needs no cursor
    assertThat(responder.page(request, plan, result(customer(1, "Ada")), keyHidden).next())
        .isNull();
    // a forged cursor for the hidden key would probe its values: refused before decoding
    Throwable forged =
        catchThrowable(
            () ->
                planner.plan(
                    MODEL,
                    request(CUSTOMER, Map.of("cursor", "forged")),
                    PlanLimits.DEFAULTS,
                    keyHidden));
    assertThat(((DaasException) forged).code()).isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void whereRolesDisagreeAboutFieldsARowNoGrantCoversIsDroppedEvenIfTheDatabaseReturnedIt() {
    // "own" alone would be trusted to the database's condition; with the clerk's grant the
    // fields are decided per row, and a row outside both grants shows nothing
    Authorization own = authorization(Map.of("customer", 2L), "own", "key-hidden");
    DataRequest request = new RequestParser().parse(CUSTOMER, "2", Map.of());
    Authorization ownOnly = authorization(Map.of("customer", 2L), "own");
    QueryPlan plan = planner.plan(MODEL, request, PlanLimits.DEFAULTS, ownOnly);
    Map<String, Object> foreign = customer(1, "Ada");

    assertThat(responder.single(request, plan, result(customer(2, "Bob")), ownOnly))
        .containsEntry("C_NM", "Bob")
        .containsEntry("C_BAL", SECRET_BALANCE);
    assertThat(own.visibleRow(CUSTOMER, dev.daas.gateway.policy.Operation.READ, foreign))
        .hasValueSatisfying(row -> assertThat(row).containsOnlyKeys("C_NM"));
    Throwable error =
        catchThrowable(() -> responder.single(request, plan, new QueryResult(List.of()), ownOnly));
    assertThat(((DaasException) error).code()).isEqualTo(ErrorCode.NOT_FOUND);
  }

  private static Map<String, Object> customer(long id, String name) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("C_ID", id);
    row.put("C_NM", name);
    row.put("C_BAL", SECRET_BALANCE);
    row.put("C_UID", SECRET_UID);
    row.put("C_PIC", new byte[] {1, 2});
    return row;
  }

  private static Map<String, Object> order(String region, long number) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("O_REG", region);
    row.put("O_NO", number);
    row.put("O_CUST", 1L);
    row.put("O_TOT", BigDecimal.TEN);
    row.put("O_DT", null);
    return row;
  }

  @SafeVarargs
  private static QueryResult result(Map<String, Object>... rows) {
    return new QueryResult(new ArrayList<>(List.of(rows)));
  }

  private static DataRequest request(String entity, Map<String, String> parameters) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    parameters.forEach((k, v) -> multi.put(k, List.of(v)));
    return new RequestParser().parse(entity, null, multi);
  }
}
