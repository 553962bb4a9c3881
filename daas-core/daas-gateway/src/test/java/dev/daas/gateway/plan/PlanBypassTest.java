package dev.daas.gateway.plan;

import static dev.daas.gateway.TestingModels.CUSTOMER;
import static dev.daas.gateway.TestingModels.LINE;
import static dev.daas.gateway.TestingModels.ORDER;
import static dev.daas.gateway.TestingPolicies.SECRET_REGION;
import static dev.daas.gateway.TestingPolicies.assertLeaksNothing;
import static dev.daas.gateway.TestingPolicies.authorization;
import static dev.daas.gateway.TestingPolicies.clerk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.daas.gateway.TestingModels;
import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.parse.RequestParser;
import dev.daas.gateway.policy.Authorization;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import dev.daas.model.query.QueryPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attempts to read, through the plan, what a policy hides: each is refused and leaks nothing. */
class PlanBypassTest {
  private static final DataModel MODEL = TestingModels.legacy();
  private final Planner planner = new Planner();

  @Test
  void anEntityNoRoleGrantsIsForbidden() {
    Throwable error = catchThrowable(() -> plan(clerk(), LINE, Map.of()));

    assertCode(error, ErrorCode.FORBIDDEN);
    assertThat(error).hasMessageContaining("may not read entity 'T_LINE'");
  }

  @Test
  void aCallerWithoutMatchingRolesIsDeniedEverything() {
    Authorization nobody = authorization(Map.of(), "visitor");

    for (String entity : List.of(CUSTOMER, ORDER, LINE)) {
      assertCode(catchThrowable(() -> plan(nobody, entity, Map.of())), ErrorCode.FORBIDDEN);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C_UID = '123e4567-e89b-12d3-a456-426614174000'",
        "C_NM LIKE 'Ad%'",
        "C_ID = 1 OR NOT (C_NM IS NULL)",
        "C_BAL > 100",
        "C_PIC IS NULL",
        "(C_ID = 1 AND (C_ACT = true OR C_BAL IN (1, 2)))"
      })
  void aFilterOnAMaskedOrHiddenFieldIsForbidden(String filter) {
    Throwable error = catchThrowable(() -> plan(clerk(), CUSTOMER, Map.of("filter", filter)));

    assertCode(error, ErrorCode.FORBIDDEN);
    assertThat(error.getMessage()).containsPattern("field 'C_(UID|NM|BAL|PIC)'");
    assertLeaksNothing(error, SECRET_REGION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"C_NM", "-C_UID", "C_ID,-C_BAL"})
  void sortingByAMaskedOrHiddenFieldIsForbidden(String sort) {
    Throwable error = catchThrowable(() -> plan(clerk(), CUSTOMER, Map.of("sort", sort)));

    assertCode(error, ErrorCode.FORBIDDEN);
    assertThat(error).hasMessageContaining("can be used in sort").hasMessageNotContaining("C_ID'");
  }

  @Test
  void selectingAHiddenFieldIsForbiddenAndAMaskedOneIsSelectable() {
    assertCode(
        catchThrowable(() -> plan(clerk(), CUSTOMER, Map.of("fields", "C_ID,C_BAL"))),
        ErrorCode.FORBIDDEN);

    QueryPlan plan = plan(clerk(), CUSTOMER, Map.of("fields", "C_ID,C_NM"));

    assertThat(plan.output()).containsExactly("C_ID", "C_NM");
  }

  @Test
  void withoutAnExplicitSelectionHiddenFieldsAreLeftOutAndNotRead() {
    QueryPlan plan = plan(clerk(), CUSTOMER, Map.of());

    assertThat(plan.output()).contains("C_ID", "C_NM", "C_UID").doesNotContain("C_BAL", "C_PIC");
    assertThat(names(plan.columns())).doesNotContain("C_BAL", "C_PIC");
  }

  @Test
  void aMisspelledFieldIsNotAnsweredWithHiddenFieldNames() {
    Throwable error = catchThrowable(() -> plan(clerk(), CUSTOMER, Map.of("fields", "C_BA")));

    assertCode(error, ErrorCode.UNKNOWN_FIELD);
    assertThat(error).hasMessageContaining("fields include").hasMessageNotContaining("C_BAL");
  }

  @Test
  void embeddingADeniedEntityIsForbiddenAtAnyLevel() {
    Throwable error = catchThrowable(() -> plan(clerk(), ORDER, Map.of("embed", "lines")));

    assertCode(error, ErrorCode.FORBIDDEN);
    assertThat(error).hasMessageContaining("'T_LINE'");
  }

  @Test
  void embeddingThroughAHiddenJoinFieldIsForbidden() {
    Authorization keyHidden = authorization(Map.of(), "key-hidden");

    Throwable error = catchThrowable(() -> plan(keyHidden, ORDER, Map.of("embed", "customer")));

    assertCode(error, ErrorCode.FORBIDDEN);
    assertThat(error).hasMessageContaining("'O_CUST'").hasMessageContaining("embed");
  }

  @Test
  void embeddedRowsAreLimitedByTheTargetEntitysRowFilter() {
    QueryPlan plan =
        plan(
            authorization(Map.of("region", "EU"), "clerk", "own"),
            CUSTOMER,
            Map.of("embed", "orders"));

    QueryPlan orders = plan.embeds().get(0).child();
    assertThat(orders.where()).isEqualTo(compare(ORDER, "O_REG", "EU"));
  }

  @Test
  void theRowFilterIsAndedWithTheRequestsFilterSoCountsAndPagesSeeOnlyAllowedRows() {
    QueryPlan plan = plan(clerk(), ORDER, Map.of("filter", "O_TOT > 5"));

    assertThat(plan.where())
        .isEqualTo(
            new Condition.And(
                List.of(
                    new Condition.Compare(
                        attribute(ORDER, "O_TOT"),
                        Condition.Operator.GT,
                        new java.math.BigDecimal("5")),
                    compare(ORDER, "O_REG", SECRET_REGION))));
  }

  @Test
  void aRequestOrFilterCannotEscapeTheRowFilter() {
    QueryPlan plan = plan(clerk(), ORDER, Map.of("filter", "O_NO = 1 OR O_NO != 1"));

    assertThat(plan.where()).isInstanceOf(Condition.And.class);
    assertThat(((Condition.And) plan.where()).operands())
        .last()
        .isEqualTo(compare(ORDER, "O_REG", SECRET_REGION));
  }

  @Test
  void readingByKeyCarriesTheRowFilter() {
    DataRequest request = new RequestParser().parse(ORDER, "EU,7", Map.of());

    QueryPlan plan = planner.plan(MODEL, request, PlanLimits.DEFAULTS, clerk());

    assertThat(plan.where()).isInstanceOf(Condition.And.class);
    assertThat(((Condition.And) plan.where()).operands())
        .contains(compare(ORDER, "O_REG", SECRET_REGION));
  }

  @Test
  void readingByAHiddenKeyIsForbidden() {
    DataRequest request = new RequestParser().parse(CUSTOMER, "1", Map.of());

    Throwable error =
        catchThrowable(
            () ->
                planner.plan(
                    MODEL, request, PlanLimits.DEFAULTS, authorization(Map.of(), "key-hidden")));

    assertCode(error, ErrorCode.FORBIDDEN);
    assertThat(error).hasMessageContaining("'C_ID'");
  }

  @Test
  void severalRolesSeeTheUnionOfTheirRows() {
    QueryPlan plan =
        plan(
            authorization(Map.of("region", "EU", "customer", 42L), "own", "clerk"),
            CUSTOMER,
            Map.of());

    // the clerk sees every customer, so no row condition remains
    assertThat(plan.where()).isNull();

    Authorization ownTwice = authorization(Map.of("customer", "42"), "own");
    assertThat(plan(ownTwice, CUSTOMER, Map.of()).where())
        .isEqualTo(compare(CUSTOMER, "C_ID", 42L));
  }

  @Test
  void aMissingOrNullClaimDeniesInsteadOfMatchingNull() {
    Map<String, Object> nullRegion = new LinkedHashMap<>();
    nullRegion.put("region", null);

    for (Map<String, Object> claims : List.of(Map.<String, Object>of(), nullRegion)) {
      Throwable error = catchThrowable(() -> plan(authorization(claims, "clerk"), ORDER, Map.of()));
      assertCode(error, ErrorCode.FORBIDDEN);
    }
    // the clerk still reads customers, whose grant needs no claim
    assertThat(plan(authorization(Map.of(), "clerk"), CUSTOMER, Map.of()).where()).isNull();
  }

  @Test
  void aClaimOfTheWrongKindDenies() {
    for (Object claim :
        List.of(List.of("EU", "US"), Map.of("a", 1), "1 OR 1=1", "1; DROP TABLE t")) {
      Authorization own = authorization(Map.of("customer", claim), "own");

      assertCode(catchThrowable(() -> plan(own, CUSTOMER, Map.of())), ErrorCode.FORBIDDEN);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "EU' OR '1'='1",
        "EU\\'; DROP TABLE t_ord; --",
        "$claims.region",
        ") OR (1 = 1",
        "%",
        "EU\" OR \"\"=\""
      })
  void claimValuesAreBoundAsTypedValuesNeverAsFilterText(String region) {
    QueryPlan plan = plan(authorization(Map.of("region", region), "clerk"), ORDER, Map.of());

    assertThat(plan.where()).isEqualTo(compare(ORDER, "O_REG", region));
  }

  @Test
  void roleLimitsNarrowPageSizeEmbedDepthAndTimeout() {
    Authorization clerk = clerk();

    assertCode(
        catchThrowable(() -> plan(clerk, CUSTOMER, Map.of("limit", "101"))),
        ErrorCode.LIMIT_TOO_LARGE);
    assertCode(
        catchThrowable(() -> plan(clerk, CUSTOMER, Map.of("embed", "orders.lines"))),
        ErrorCode.EMBED_TOO_DEEP);
    QueryPlan plan = plan(clerk, CUSTOMER, Map.of("limit", "100"));
    assertThat(plan.limit()).isEqualTo(101);
    assertThat(plan.timeout()).hasSeconds(5);
    // a second role without limits lifts them back to the gateway's own
    QueryPlan auditor =
        plan(
            authorization(Map.of("region", "EU"), "clerk", "auditor"),
            CUSTOMER,
            Map.of("limit", "1000"));
    assertThat(auditor.timeout()).hasSeconds(30);
  }

  @Test
  void fullAccessPlansExactlyLikeThePlannerWithoutAuthorization() {
    Map<String, String> parameters =
        Map.of(
            "filter",
            "C_BAL > 1",
            "sort",
            "-C_NM",
            "embed",
            "orders.lines",
            "fields",
            "C_NM,orders.O_TOT");
    DataRequest request = new RequestParser().parse(CUSTOMER, null, multi(parameters));

    assertThat(planner.plan(MODEL, request, PlanLimits.DEFAULTS, Authorization.unrestricted(MODEL)))
        .isEqualTo(planner.plan(MODEL, request, PlanLimits.DEFAULTS));
  }

  static QueryPlan plan(
      Authorization authorization, String entity, Map<String, String> parameters) {
    DataRequest request = new RequestParser().parse(entity, null, multi(parameters));
    return new Planner().plan(MODEL, request, PlanLimits.DEFAULTS, authorization);
  }

  static Map<String, List<String>> multi(Map<String, String> parameters) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    parameters.forEach((k, v) -> multi.put(k, List.of(v)));
    return multi;
  }

  static Condition compare(String entity, String field, Object value) {
    return new Condition.Compare(attribute(entity, field), Condition.Operator.EQ, value);
  }

  static Attribute attribute(String entity, String field) {
    return MODEL.entity(entity).orElseThrow().requireAttribute(field);
  }

  static void assertCode(Throwable error, ErrorCode code) {
    assertThat(error).isInstanceOf(DaasException.class);
    assertThat(((DaasException) error).code()).isEqualTo(code);
  }

  private static List<String> names(List<Attribute> attributes) {
    return attributes.stream().map(Attribute::name).toList();
  }
}
