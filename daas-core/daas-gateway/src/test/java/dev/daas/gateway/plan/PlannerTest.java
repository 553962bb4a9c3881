package dev.daas.gateway.plan;

import static dev.daas.gateway.TestingModels.BLOB;
import static dev.daas.gateway.TestingModels.CUSTOMER;
import static dev.daas.gateway.TestingModels.DOCS;
import static dev.daas.gateway.TestingModels.LINE;
import static dev.daas.gateway.TestingModels.ORDER;
import static dev.daas.gateway.TestingModels.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.gateway.TestingModels;
import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.parse.RequestParser;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import dev.daas.model.query.EmbedPlan;
import dev.daas.model.query.QueryPlan;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannerTest {
  private static final DataModel MODEL = TestingModels.legacy();
  private static final PlanLimits LIMITS = PlanLimits.DEFAULTS;
  private final Planner planner = new Planner();

  @Test
  void listsEveryAttributeInEntityOrderByDefaultAndReadsOneRowBeyondThePage() {
    QueryPlan plan = plan(CUSTOMER, Map.of());

    assertThat(plan.output())
        .containsExactlyElementsOf(names(MODEL.entity(CUSTOMER).orElseThrow().attributes()));
    assertThat(plan.columns()).isEqualTo(MODEL.entity(CUSTOMER).orElseThrow().attributes());
    assertThat(plan.limit()).isEqualTo(51);
    assertThat(plan.where()).isNull();
    assertThat(plan.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void appendsTheCompositeKeyToMakeTheOrderTotal() {
    QueryPlan plan = plan(ORDER, Map.of("sort", "-O_TOT,O_NO"));

    assertThat(sortSpec(plan)).isEqualTo("-O_TOT,O_NO,O_REG");
  }

  @Test
  void ordersKeylessEntitiesByEveryOrderableAttribute() {
    QueryPlan plan = plan(SALES, Map.of("sort", "-S_SUM"));

    assertThat(sortSpec(plan)).isEqualTo("-S_SUM,S_REG");
  }

  @Test
  void fetchesSortAttributesButOutputsOnlyTheSelectedFields() {
    QueryPlan plan = plan(ORDER, Map.of("fields", "O_TOT,O_CUST", "sort", "O_DT"));

    assertThat(plan.output()).containsExactly("O_TOT", "O_CUST");
    assertThat(names(plan.columns())).containsExactly("O_REG", "O_NO", "O_CUST", "O_TOT", "O_DT");
  }

  @Test
  void convertsFilterLiteralsToTheAttributeTypes() {
    QueryPlan plan =
        plan(
            CUSTOMER,
            Map.of(
                "filter",
                "C_BAL >= 1234567890.123456789 AND C_BIG = 99999999999999999999"
                    + " AND C_CRT < '2024-01-31 13:45:00' AND C_MOOD IN ('happy')"));

    Condition.And and = (Condition.And) plan.where();
    assertThat(((Condition.Compare) and.operands().get(0)).value())
        .isEqualTo(new BigDecimal("1234567890.123456789"));
    assertThat(((Condition.Compare) and.operands().get(1)).value())
        .isEqualTo(new BigInteger("99999999999999999999"));
    assertThat(((Condition.Compare) and.operands().get(2)).value())
        .isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 45));
    assertThat(((Condition.In) and.operands().get(3)).values()).containsExactly("happy");
  }

  @Test
  void buildsEveryKindOfCondition() {
    QueryPlan plan =
        plan(
            CUSTOMER,
            Map.of(
                "filter",
                "NOT C_NM LIKE 'A%' OR C_ID NOT IN (1, 2) OR C_PIC IS NOT NULL OR C_ACT != true"));

    Attribute id = attribute(CUSTOMER, "C_ID");
    assertThat(plan.where())
        .isEqualTo(
            new Condition.Or(
                List.of(
                    new Condition.Not(new Condition.Like(attribute(CUSTOMER, "C_NM"), "A%", false)),
                    new Condition.In(id, List.of(1L, 2L), true),
                    new Condition.IsNull(attribute(CUSTOMER, "C_PIC"), true),
                    new Condition.Compare(
                        attribute(CUSTOMER, "C_ACT"), Condition.Operator.NE, true))));
  }

  @Test
  void namesTheEntityAndCloseFieldsForUnknownFields() {
    assertError(
        () -> plan(CUSTOMER, Map.of("filter", "C_NME = 'x'")),
        ErrorCode.UNKNOWN_FIELD,
        "entity 'T_CUST' has no field 'C_NME' (in filter); fields include: C_NM, C_ID");
    assertError(() -> plan(CUSTOMER, Map.of("sort", "nope")), ErrorCode.UNKNOWN_FIELD, "(in sort)");
    assertError(
        () -> plan(CUSTOMER, Map.of("fields", "C_ID,nope")),
        ErrorCode.UNKNOWN_FIELD,
        "(in fields)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "C_ID = 'x'|C_ID|write it without quotes",
        "C_ID = 1.5|C_ID|expected an integer",
        "C_NM = 12|C_NM|write it in quotes",
        "C_ACT = 1|C_ACT|expected true or false",
        "C_BORN > '2024-13-01'|C_BORN|a date like 2024-01-31",
        "C_UID = 'not-a-uuid'|C_UID|a UUID",
        "C_MOOD = 'angry'|C_MOOD|one of happy, sad",
        "C_BAL LIKE '1%'|C_BAL|LIKE applies to string fields only",
        "C_MOOD LIKE 'h%'|C_MOOD|LIKE applies to string fields only"
      })
  void rejectsLiteralsThatDoNotFitTheAttribute(String filter, String field, String message) {
    assertThatThrownBy(() -> plan(CUSTOMER, Map.of("filter", filter)))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TYPE_MISMATCH);
              assertThat(e.getMessage()).contains(message);
              assertThat(e.details()).containsEntry("field", field);
              assertThat(e.details()).containsKeys("expected", "position", "type");
            });
  }

  @Test
  void pointsAtTheOffendingLiteralWithoutEchoingIt() {
    String secret = "S3cr3t-" + "x".repeat(200);
    assertThatThrownBy(
            () -> plan(CUSTOMER, Map.of("filter", "C_ID = 1 OR C_UID = '" + secret + "'")))
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.details()).containsEntry("position", 20);
              assertThat(e.getMessage()).doesNotContain("S3cr3t");
              assertThat(e.details().toString()).doesNotContain("S3cr3t");
            });
  }

  @Test
  void rejectsBinaryJsonAndOtherInComparisonsAndSorts() {
    for (String filter : List.of("C_PIC = 'x'", "C_META IN ('{}')", "C_GEO = 'POINT(1 1)'")) {
      assertError(
          () -> plan(CUSTOMER, Map.of("filter", filter)),
          ErrorCode.NOT_FILTERABLE,
          "cannot be used to filter on");
    }
    assertError(
        () -> plan(CUSTOMER, Map.of("sort", "C_META")), ErrorCode.NOT_FILTERABLE, "sort by");
    assertThat(plan(CUSTOMER, Map.of("filter", "C_META IS NULL")).where())
        .isEqualTo(new Condition.IsNull(attribute(CUSTOMER, "C_META"), false));
  }

  @Test
  void enforcesTheLimitBounds() {
    assertThat(plan(CUSTOMER, Map.of("limit", "1000")).limit()).isEqualTo(1001);
    assertError(
        () -> plan(CUSTOMER, Map.of("limit", "1001")),
        ErrorCode.LIMIT_TOO_LARGE,
        "larger than the maximum 1000");
    PlanLimits small = new PlanLimits(5, 10, 1, 100, Duration.ofSeconds(2));
    DataRequest request = new RequestParser().parse(CUSTOMER, null, Map.of());
    assertThat(planner.plan(MODEL, request, small).limit()).isEqualTo(6);
  }

  @Test
  void embedsToOneAndToManyRelationshipsWithCompositeJoins() {
    QueryPlan plan =
        plan(ORDER, Map.of("embed", "customer,lines", "fields", "O_TOT,customer.C_NM,lines.L_QTY"));

    assertThat(plan.output()).containsExactly("O_TOT");
    assertThat(names(plan.columns())).containsExactly("O_REG", "O_NO", "O_CUST", "O_TOT");
    EmbedPlan customer = plan.embeds().get(0);
    assertThat(customer.name()).isEqualTo("customer");
    assertThat(customer.toMany()).isFalse();
    assertThat(names(customer.parentAttributes())).containsExactly("O_CUST");
    assertThat(names(customer.childAttributes())).containsExactly("C_ID");
    assertThat(customer.child().output()).containsExactly("C_NM");
    assertThat(names(customer.child().columns())).containsExactly("C_ID", "C_NM");
    EmbedPlan lines = plan.embeds().get(1);
    assertThat(lines.toMany()).isTrue();
    assertThat(names(lines.parentAttributes())).containsExactly("O_REG", "O_NO");
    assertThat(names(lines.childAttributes())).containsExactly("L_REG", "L_NO");
    assertThat(lines.child().output()).containsExactly("L_QTY");
    assertThat(lines.child().limit()).isEqualTo(10_000);
    assertThat(customer.child().limit()).isEqualTo(10_000);
    assertThat(sortSpec(lines.child())).isEqualTo("L_REG,L_NO,L_POS");
  }

  @Test
  void nestsEmbedsAndImpliesTheParentPath() {
    QueryPlan plan = plan(CUSTOMER, Map.of("embed", "orders.lines", "fields", "C_ID"));

    EmbedPlan orders = plan.embeds().get(0);
    assertThat(orders.name()).isEqualTo("orders");
    assertThat(orders.child().output()).hasSize(5);
    assertThat(orders.child().embeds())
        .singleElement()
        .extracting(EmbedPlan::name)
        .isEqualTo("lines");
    assertThat(orders.child().embeds().get(0).child().entity().name()).isEqualTo(LINE);
  }

  @Test
  void rejectsUnknownAndTooDeepEmbeds() {
    assertError(
        () -> plan(CUSTOMER, Map.of("embed", "ordrs")),
        ErrorCode.UNKNOWN_EMBED,
        "entity 'T_CUST' has no relationship 'ordrs'; embeddable: orders");
    assertError(
        () -> plan(CUSTOMER, Map.of("embed", "orders.lines.order.customer")),
        ErrorCode.EMBED_TOO_DEEP,
        "4 levels deep; at most 3");
    assertError(
        () -> plan(CUSTOMER, Map.of("fields", "orders.O_NO")),
        ErrorCode.UNKNOWN_FIELD,
        "add it to embed (embed=orders)");
    assertError(
        () -> plan(CUSTOMER, Map.of("embed", "orders", "fields", "orders.nope")),
        ErrorCode.UNKNOWN_FIELD,
        "entity 'T_ORD' has no field 'nope'");
  }

  @Test
  void readsByCompositeKey() {
    QueryPlan plan =
        planner.plan(MODEL, new RequestParser().parse(ORDER, "EU%2CW,42", Map.of()), LIMITS);

    assertThat(plan.where())
        .isEqualTo(
            new Condition.And(
                List.of(
                    new Condition.Compare(attribute(ORDER, "O_REG"), Condition.Operator.EQ, "EU,W"),
                    new Condition.Compare(attribute(ORDER, "O_NO"), Condition.Operator.EQ, 42L))));
    assertThat(plan.limit()).isEqualTo(1);
    assertThat(plan.orderBy()).isEmpty();
  }

  @Test
  void readsACompositeKeyWhoseSeparatorAClientPercentEncoded() {
    QueryPlan plan =
        planner.plan(MODEL, new RequestParser().parse(ORDER, "EU%2C42", Map.of()), LIMITS);

    assertThat(plan.where())
        .isEqualTo(
            new Condition.And(
                List.of(
                    new Condition.Compare(attribute(ORDER, "O_REG"), Condition.Operator.EQ, "EU"),
                    new Condition.Compare(attribute(ORDER, "O_NO"), Condition.Operator.EQ, 42L))));
  }

  @Test
  void rejectsWrongKeysAndKeylessEntities() {
    RequestParser parser = new RequestParser();
    assertError(
        () -> planner.plan(MODEL, parser.parse(ORDER, "EU", Map.of()), LIMITS),
        ErrorCode.BAD_KEY,
        "has 2 part(s) (O_REG, O_NO) but 1 were given");
    assertError(
        () -> planner.plan(MODEL, parser.parse(ORDER, "EU,x", Map.of()), LIMITS),
        ErrorCode.BAD_KEY,
        "key part 2 (O_NO) does not fit its type INTEGER: expected an integer");
    assertError(
        () -> planner.plan(MODEL, parser.parse(SALES, "x", Map.of()), LIMITS),
        ErrorCode.NO_KEY,
        "'V_SALES' has no primary or identifying unique key");
  }

  @Test
  void boundsEveryEmbeddedChildPlanByTheEmbeddedRowLimit() {
    PlanLimits limits = new PlanLimits(50, 1000, 3, 77, Duration.ofSeconds(30));
    DataRequest request =
        new RequestParser()
            .parse(CUSTOMER, null, Map.of("embed", List.of("orders.lines"), "limit", List.of("2")));

    QueryPlan plan = planner.plan(MODEL, request, limits);

    assertThat(plan.limit()).isEqualTo(3);
    EmbedPlan orders = plan.embeds().get(0);
    assertThat(orders.child().limit()).isEqualTo(77);
    assertThat(orders.child().embeds().get(0).child().limit()).isEqualTo(77);
    QueryPlan byKey =
        planner.plan(
            MODEL,
            new RequestParser().parse(ORDER, "EU,1", Map.of("embed", List.of("customer"))),
            limits);
    assertThat(byKey.embeds().get(0).child().limit()).isEqualTo(77);
  }

  @Test
  void defaultsTheEmbeddedRowLimitToTenThousandAndRefusesNonPositiveOnes() {
    assertThat(PlanLimits.DEFAULTS.maxEmbeddedRows()).isEqualTo(10_000);
    assertThat(PlanLimits.DEFAULTS.maxEmbeddedRows()).isEqualTo(10_000);
    assertThatThrownBy(() -> new PlanLimits(5, 10, 1, 0, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEmbeddedRows");
  }

  @Test
  void listsATableWithABinaryPrimaryKeyInTheOrderOfItsOrderableFields() {
    QueryPlan plan = plan(BLOB, Map.of("limit", "10"));

    assertThat(sortSpec(plan)).isEqualTo("B_NM,B_SIZE");
    assertThat(plan.output()).containsExactly("B_HASH", "B_NM", "B_SIZE", "B_DOC");
    assertThat(plan.limit()).isEqualTo(11);
    assertThat(sortSpec(plan(BLOB, Map.of("sort", "-B_SIZE")))).isEqualTo("-B_SIZE,B_NM");
    assertError(() -> plan(BLOB, Map.of("sort", "B_HASH")), ErrorCode.NOT_FILTERABLE, "sort by");
  }

  @Test
  void refusesKeyReadsOfATableWhosePrimaryKeyIsBinary() {
    assertError(
        () -> planner.plan(MODEL, new RequestParser().parse(BLOB, "AAEC", Map.of()), LIMITS),
        ErrorCode.NO_KEY,
        "entity 'T_BLOB' has no key that can address a row: its primary key has a binary");
  }

  @Test
  void givesAnEntityWithoutOrderableFieldsNoOrder() {
    QueryPlan plan = plan(DOCS, Map.of("limit", "5"));

    assertThat(plan.orderBy()).isEmpty();
    assertThat(plan.limit()).isEqualTo(6);
  }

  @Test
  void rejectsUnknownEntities() {
    assertError(() -> plan("T_NOPE", Map.of()), ErrorCode.UNKNOWN_ENTITY, "no entity 'T_NOPE'");
  }

  private QueryPlan plan(String entity, Map<String, String> parameters) {
    Map<String, List<String>> multi = new LinkedHashMap<>();
    parameters.forEach((k, v) -> multi.put(k, List.of(v)));
    return planner.plan(MODEL, new RequestParser().parse(entity, null, multi), LIMITS);
  }

  private static Attribute attribute(String entity, String name) {
    return MODEL.entity(entity).orElseThrow().requireAttribute(name);
  }

  private static List<String> names(List<Attribute> attributes) {
    return attributes.stream().map(Attribute::name).toList();
  }

  private static String sortSpec(QueryPlan plan) {
    return Cursor.sortSpec(plan.orderBy());
  }

  private static void assertError(ThrowingCallable call, ErrorCode code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            DaasException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.getMessage()).contains(message);
            });
  }
}
