package dev.daas.it;

import static dev.daas.it.DataApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The data API over a legacy database, end to end: the real server jar, real HTTP, the real
 * database loaded from a SQL fixture. Each database product extends this suite and says where its
 * fixture lives and how its columns map to portable types.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LegacyDataApiConformance
    implements BadInputConformance, InjectionConformance, AdminInjectionConformance {
  protected static final String SOURCE = "legacy";
  private static final String CUSTOMERS = "/api/v1/" + SOURCE + "/t_cust";
  private static final String ORDERS = "/api/v1/" + SOURCE + "/t_ord_hdr";
  private static final String LINES = "/api/v1/" + SOURCE + "/t_ord_ln";

  private ServerProcess server;
  private DataApi api;

  /** The database under test. */
  @Override
  public abstract LegacyDatabase database();

  /** Portable type of every attribute of {@code t_cust}, by attribute name. */
  protected abstract Map<String, String> customerTypes();

  /** Whether {@code t_cust.upd_tsz} is a timestamp with time zone (served with an offset). */
  protected abstract boolean servesTimestampsWithOffset();

  @BeforeAll
  void startServerOnLegacyDatabase() {
    database().load();
    server = ServerProcess.withFreshDataDir(Map.of()).start();
    api = new DataApi(server.baseUri());
    LegacyDatabase db = database();
    api.register(SOURCE, db.sourceUrl(), db.sourceUser(), null, db.schema());
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  @Override
  public DataApi api() {
    return api;
  }

  protected ServerProcess server() {
    return server;
  }

  // --- the model ---------------------------------------------------------------------------

  @Test
  void modelListsEveryTableAndViewWithItsKindAndComments() {
    JsonPath model = model();
    assertThat(model.getList("entities.name", String.class))
        .containsExactly(
            "t_audit_log",
            "t_cust",
            "t_dlv_ln",
            "t_ord_hdr",
            "t_ord_ln",
            "t_prd",
            "v_cust_ord_sum");
    assertThat(entity(model, "t_cust").get("kind")).isEqualTo("table");
    assertThat(entity(model, "t_cust").get("table")).isEqualTo("T_CUST");
    assertThat(entity(model, "t_cust").get("description")).isEqualTo("Customers");
    assertThat(attribute(model, "t_cust", "c_nm").get("description")).isEqualTo("Customer name");
    assertThat(attribute(model, "t_cust", "c_nm").get("column")).isEqualTo("C_NM");
    assertThat(entity(model, "v_cust_ord_sum").get("kind")).isEqualTo("view");
    assertThat(model.getInt("version")).isEqualTo(1);
  }

  @Test
  void modelShowsSimpleAndCompositePrimaryKeysAndNoKeyForTheKeylessTable() {
    JsonPath model = model();
    assertThat(keyAttributes(model, "t_cust")).containsExactly("cust_id");
    assertThat(keyAttributes(model, "t_ord_ln")).containsExactly("ord_no", "ln_no");
    assertThat(keyAttributes(model, "t_prd")).containsExactly("prd_cd");
    assertThat(entity(model, "t_audit_log").get("primaryKey")).isNull();
    assertThat((List<?>) entity(model, "t_audit_log").get("uniqueKeys")).isEmpty();
    assertThat(entity(model, "v_cust_ord_sum").get("primaryKey")).isNull();
    assertThat(model.getList("entities.find { it.name == 't_cust' }.uniqueKeys.attributes"))
        .containsExactly(List.of("c_code"));
  }

  @Test
  void modelShowsDeclaredRelationshipsWithCompositeAttributesInKeyOrder() {
    JsonPath model = model();
    Map<String, Object> composite = relationship(model, "FK_DLV_ORD_LN");
    assertThat(composite)
        .containsEntry("name", "t_ord_ln")
        .containsEntry("inverseName", "t_dlv_ln")
        .containsEntry("kind", "declared")
        .containsEntry("fromEntity", "t_dlv_ln")
        .containsEntry("fromAttributes", List.of("ord_no", "ln_no"))
        .containsEntry("toEntity", "t_ord_ln")
        .containsEntry("toAttributes", List.of("ord_no", "ln_no"))
        .containsEntry("cardinality", "many_to_one");
    assertThat(relationship(model, "FK_ORD_CUST"))
        .containsEntry("name", "cust")
        .containsEntry("inverseName", "t_ord_hdr")
        .containsEntry("fromAttributes", List.of("cust_id"))
        .containsEntry("toEntity", "t_cust");
    assertThat(relationship(model, "FK_LN_ORD")).containsEntry("name", "ord");
    assertThat(relationship(model, "FK_LN_PRD")).containsEntry("name", "prd");
    assertThat(model.getList("relationships")).hasSize(4);
  }

  @Test
  void modelMapsEveryColumnToItsPortableType() {
    JsonPath model = model();
    List<Map<String, Object>> attributes =
        model.getList("entities.find { it.name == 't_cust' }.attributes");
    Map<String, String> types = new java.util.LinkedHashMap<>();
    attributes.forEach(a -> types.put((String) a.get("name"), (String) a.get("type")));
    assertThat(types).containsExactlyInAnyOrderEntriesOf(customerTypes());
    assertThat(attribute(model, "t_cust", "c_typ").get("enumValues"))
        .isEqualTo(List.of("retail", "wholesale", "internal"));
    assertThat(attribute(model, "t_cust", "cred_lim"))
        .containsEntry("precision", 38)
        .containsEntry("scale", 10);
    assertThat(attribute(model, "t_cust", "c_code")).containsEntry("maxLength", 20);
    assertThat(attribute(model, "t_cust", "notes")).containsEntry("nullable", true);
    assertThat(attribute(model, "t_cust", "c_nm")).containsEntry("nullable", false);
  }

  // --- filters, sort, fields ----------------------------------------------------------------

  @Test
  void filtersWithEveryComparisonOperator() {
    assertFilter("c_stat = 'B'", c -> c.status().equals("B"));
    assertFilter("c_stat != 'B'", c -> !c.status().equals("B"));
    assertFilter("c_stat <> 'B'", c -> !c.status().equals("B"));
    assertFilter("small_n < 10", c -> c.smallNumber() < 10);
    assertFilter("small_n <= 10", c -> c.smallNumber() <= 10);
    assertFilter("small_n > 95", c -> c.smallNumber() > 95);
    assertFilter("small_n >= 95", c -> c.smallNumber() >= 95);
    assertFilter(
        "cred_lim >= 45000.5",
        c -> c.creditLimit() != null && c.creditLimit().compareTo(new BigDecimal("45000.5")) >= 0);
    assertFilter("rating > 4", c -> c.rating() != null && c.rating() > 4);
    assertFilter("actv = false", c -> !c.active());
    assertFilter(
        "birth_dt < '1952-01-01'",
        c -> c.birthDate() != null && c.birthDate().isBefore(java.time.LocalDate.of(1952, 1, 1)));
    assertFilter(
        "crt_ts >= '2020-04-01T00:00:00'",
        c -> !c.created().isBefore(java.time.LocalDateTime.of(2020, 4, 1, 0, 0)));
    assertFilter("c_typ = 'internal'", c -> c.kind().equals("internal"));
    assertFilter("ext_ref = 'c0ffee00-0000-4000-8000-000000000001'", c -> c.id() == 1);
  }

  @Test
  void filtersWithInLikeAndNullTests() {
    assertFilter("c_stat IN ('A', 'I')", c -> !c.status().equals("B"));
    assertFilter("c_stat NOT IN ('A', 'I')", c -> c.status().equals("B"));
    assertFilter("cust_id in (3, 5, 7, 999999)", c -> Set.of(3L, 5L, 7L).contains(c.id()));
    assertFilter("c_nm LIKE 'Customer 00_5'", c -> c.name().matches("Customer 00.5"));
    assertFilter("c_nm NOT LIKE 'Customer%'", c -> !c.name().startsWith("Customer"));
    assertFilter("notes LIKE '%100\\%%'", c -> c.id() == 1);
    assertFilter("notes = 'O''Brien 100% _special_'", c -> c.id() == 1);
    assertFilter("notes IS NULL", c -> c.notes() == null);
    assertFilter("notes is not null", c -> c.notes() != null);
  }

  @Test
  void filtersWithAndOrNotAndParenthesesInTheirPrecedence() {
    assertFilter(
        "c_stat = 'A' AND small_n < 20 OR cred_lim IS NULL",
        c -> (c.status().equals("A") && c.smallNumber() < 20) || c.creditLimit() == null);
    assertFilter(
        "c_stat = 'A' AND (small_n < 20 OR cred_lim IS NULL)",
        c -> c.status().equals("A") && (c.smallNumber() < 20 || c.creditLimit() == null));
    assertFilter("NOT c_stat = 'A' AND actv = true", c -> !c.status().equals("A") && c.active());
    assertFilter(
        "NOT (c_stat = 'A' OR c_stat = 'I') or small_n = 0",
        c -> c.status().equals("B") || c.smallNumber() == 0);
  }

  @Test
  void sortsByManyFieldsAscendingAndDescendingWithNullsGreaterThanEveryValue() {
    Comparator<LegacyCustomer> byLimit =
        Comparator.comparing(LegacyCustomer::creditLimit, LegacyCustomer.ascendingNullsLast());
    Comparator<LegacyCustomer> byName = Comparator.comparing(LegacyCustomer::name);
    assertSorted("cred_lim,-c_nm", byLimit.thenComparing(byName.reversed()));
    assertSorted("-cred_lim,c_nm", byLimit.reversed().thenComparing(byName));
    Comparator<LegacyCustomer> byBirth =
        Comparator.comparing(LegacyCustomer::birthDate, LegacyCustomer.ascendingNullsLast());
    assertSorted(
        "c_stat,-birth_dt",
        Comparator.comparing(LegacyCustomer::status).thenComparing(byBirth.reversed()));
  }

  @Test
  void selectsOnlyTheRequestedFields() {
    Response response = api.get(CUSTOMERS, "fields", "cust_id,c_nm", "limit", "5");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    List<Map<String, Object>> rows = response.jsonPath().getList("data");
    assertThat(rows).hasSize(5);
    rows.forEach(row -> assertThat(row).containsOnlyKeys("cust_id", "c_nm"));
    assertThat(response.jsonPath().getInt("page.limit")).isEqualTo(5);
  }

  // --- keyset pagination --------------------------------------------------------------------

  @Test
  void keysetPaginationVisitsEveryRowExactlyOnceSortedByANullableColumn() {
    List<Map<String, Object>> rows =
        api.all(CUSTOMERS, 40, "sort", "-cred_lim", "fields", "cust_id,cred_lim", "limit", "250");
    List<Long> ids = ids(rows, "cust_id");
    assertThat(new HashSet<>(ids)).hasSize(ids.size());
    assertThat(ids)
        .containsExactlyElementsOf(
            LegacyCustomer.idsSortedBy(
                Comparator.comparing(
                        LegacyCustomer::creditLimit,
                        LegacyCustomer.<BigDecimal>ascendingNullsLast())
                    .reversed()));
  }

  @Test
  void keysetPaginationVisitsEveryRowOfACompositeKeyExactlyOnce() {
    List<Map<String, Object>> rows =
        api.all(LINES, 40, "sort", "unit_prc,-qty", "fields", "ord_no,ln_no", "limit", "1000");
    Set<String> keys = new HashSet<>();
    for (Map<String, Object> row : rows) {
      assertThat(keys.add(row.get("ord_no") + "," + row.get("ln_no")))
          .as("row %s is visited once", row)
          .isTrue();
    }
    assertThat(keys).hasSize(10_000);
  }

  @Test
  void keysetPaginationOfAFilteredListingVisitsEveryMatchingRowOnce() {
    List<Map<String, Object>> rows =
        api.all(
            CUSTOMERS,
            40,
            "filter",
            "c_stat = 'A' AND notes IS NOT NULL",
            "sort",
            "birth_dt",
            "fields",
            "cust_id",
            "limit",
            "100");
    assertThat(ids(rows, "cust_id"))
        .containsExactlyElementsOf(
            LegacyCustomer.ALL.stream()
                .filter(c -> c.status().equals("A") && c.notes() != null)
                .sorted(
                    Comparator.comparing(
                            LegacyCustomer::birthDate, LegacyCustomer.ascendingNullsLast())
                        .thenComparing(LegacyCustomer::id))
                .map(LegacyCustomer::id)
                .toList());
  }

  // --- embeds -------------------------------------------------------------------------------

  @Test
  void embedsTheReferencedRowAsAnObjectOrNull() {
    Response response =
        api.get(ORDERS, "filter", "ord_no IN (100001, 100050)", "embed", "cust", "sort", "ord_no");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    JsonPath json = response.jsonPath();
    assertThat(json.getInt("data[0].cust.cust_id")).isEqualTo(8);
    assertThat(json.getString("data[0].cust.c_nm")).isEqualTo("Customer 0008");
    assertThat(json.getMap("data[1]")).containsEntry("cust", null);
  }

  @Test
  void embedsTheReferencingRowsAsAListEmptyWhereThereAreNone() {
    Response response =
        api.get(CUSTOMERS + "/8", "embed", "t_ord_hdr", "fields", "cust_id,t_ord_hdr.ord_no");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    assertThat(ids(response.jsonPath().getList("t_ord_hdr"), "ord_no"))
        .containsExactly(100001L, 102001L, 104001L);
    Response none = api.get(CUSTOMERS + "/2500", "embed", "t_ord_hdr");
    assertThat(none.jsonPath().getList("t_ord_hdr")).isEmpty();
  }

  @Test
  void embedsTwoLevelsDeepOverTheCompositeKey() {
    Response down = api.get(ORDERS + "/100001", "embed", "t_ord_ln.t_dlv_ln,cust");
    assertThat(down.statusCode()).as(down.asString()).isEqualTo(200);
    JsonPath json = down.jsonPath();
    assertThat(json.getList("t_ord_ln.ln_no", Integer.class)).containsExactly(1, 2);
    assertThat(ids(json.getList("t_ord_ln[0].t_dlv_ln"), "dlv_id")).containsExactly(1L, 3001L);
    assertThat(json.getList("t_ord_ln[1].t_dlv_ln")).isEmpty();
    assertThat(json.getInt("cust.cust_id")).isEqualTo(8);

    Response up = api.get("/api/v1/" + SOURCE + "/t_dlv_ln/3001", "embed", "t_ord_ln.ord.cust");
    assertThat(up.statusCode()).as(up.asString()).isEqualTo(200);
    assertThat(up.jsonPath().getMap("t_ord_ln")).containsEntry("ln_no", 1);
    assertThat(up.jsonPath().getInt("t_ord_ln.ord.ord_no")).isEqualTo(100001);
    assertThat(up.jsonPath().getInt("t_ord_ln.ord.cust.cust_id")).isEqualTo(8);
  }

  @Test
  void selectsFieldsOfEmbeddedRows() {
    Response response =
        api.get(LINES + "/100002,2", "embed", "prd,ord", "fields", "qty,prd.prd_nm,ord.o_stat");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    assertThat(response.jsonPath().getMap("")).containsOnlyKeys("qty", "prd", "ord");
    assertThat(response.jsonPath().getMap("prd")).containsOnly(Map.entry("prd_nm", "Product 5"));
    assertThat(response.jsonPath().getMap("ord")).containsOnly(Map.entry("o_stat", "S"));
  }

  // --- by key -------------------------------------------------------------------------------

  @Test
  void readsOneRowBySimpleAndByCompositeKey() {
    Response customer = api.get(CUSTOMERS + "/1");
    assertThat(customer.statusCode()).as(customer.asString()).isEqualTo(200);
    assertThat(customer.jsonPath().getString("c_nm")).isEqualTo("Rheinmetall Legacy");
    Response line = api.get(LINES + "/100002,2");
    assertThat(line.statusCode()).as(line.asString()).isEqualTo(200);
    assertThat(line.jsonPath().getMap(""))
        .containsEntry("ord_no", 100002)
        .containsEntry("ln_no", 2);
    assertThat(line.jsonPath().getString("prd_cd")).isEqualTo("P0005");
    assertThat(api.get("/api/v1/" + SOURCE + "/t_prd/P0040").jsonPath().getString("prd_nm"))
        .isEqualTo("Product 40");
  }

  @Test
  void answersNotFoundForAMissingKeyAndBadKeyForAKeyThatDoesNotFit() {
    assertProblem(api.get(CUSTOMERS + "/999999"), 404, "not-found");
    assertProblem(api.get(LINES + "/100003,2"), 404, "not-found");
    assertProblem(api.get(CUSTOMERS + "/abc"), 400, "bad-key");
    assertProblem(api.get(CUSTOMERS + "/1,2"), 400, "bad-key");
    assertProblem(api.get(LINES + "/100001"), 400, "bad-key");
    assertProblem(api.get(LINES + "/100001,1,1"), 400, "bad-key");
    assertProblem(api.get(LINES + "/100001,x"), 400, "bad-key");
  }

  @Test
  void servesTheKeylessTableAndTheViewAsListsOnly() {
    assertProblem(api.get("/api/v1/" + SOURCE + "/t_audit_log/1"), 400, "no-key");
    assertProblem(api.get("/api/v1/" + SOURCE + "/v_cust_ord_sum/1"), 400, "no-key");
    List<Map<String, Object>> log =
        api.all("/api/v1/" + SOURCE + "/t_audit_log", 10, "limit", "120");
    assertThat(log).hasSize(500);
    Response summary = api.get("/api/v1/" + SOURCE + "/v_cust_ord_sum", "filter", "cust_id = 8");
    assertThat(summary.jsonPath().getInt("data[0].ord_cnt")).isEqualTo(3);
  }

  // --- JSON encoding ------------------------------------------------------------------------

  @Test
  void encodesEveryPortableTypeAsDocumented() {
    Response response = api.get(CUSTOMERS + "/1");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    String raw = response.asString();
    assertThat(raw).contains("\"cred_lim\":12345678901234567890.1234567890");
    assertThat(raw).contains("\"big_n\":9007199254740993");
    assertThat(raw).contains("\"cust_id\":1");
    JsonPath json = response.jsonPath();
    assertThat(json.getString("birth_dt")).isEqualTo("1980-02-29");
    assertThat(json.getString("open_tm")).isEqualTo("08:30:15");
    assertThat(json.getString("crt_ts")).isEqualTo("2024-01-31T13:45:00");
    if (servesTimestampsWithOffset()) {
      assertThat(json.getString("upd_tsz")).matches(".*T.*(Z|[+-]\\d\\d:\\d\\d)");
      assertThat(OffsetDateTime.parse(json.getString("upd_tsz")).toInstant())
          .isEqualTo(Instant.parse("2024-01-31T11:45:00Z"));
    } else {
      assertThat(json.getString("upd_tsz")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    }
    assertThat(json.getString("photo")).isEqualTo("AAH+/0RhYVM=");
    assertThat(json.getString("attach")).isEqualTo("RGFhUw==");
    assertThat(json.getMap("prefs")).containsEntry("lang", "de").containsEntry("n", 1);
    assertThat(json.getList("prefs.tags")).containsExactly("a", "b");
    assertThat(json.getMap("raw_doc")).containsOnly(Map.entry("kept", "as written"));
    assertThat(json.getString("ext_ref")).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
    assertThat(json.getString("c_typ")).isEqualTo("wholesale");
    assertThat(json.getString("c_stat")).isEqualTo("A");
    assertThat(json.getMap("")).containsEntry("actv", true).containsEntry("small_n", 7);
    assertThat(raw).contains("\"rating\":4.5");
    Response nulls = api.get(CUSTOMERS + "/7", "fields", "cred_lim,photo,prefs");
    assertThat(nulls.jsonPath().getMap(""))
        .containsEntry("cred_lim", null)
        .containsEntry("photo", null);
  }

  // --- helpers ------------------------------------------------------------------------------

  protected JsonPath model() {
    Response response = api.get("/admin/v1/sources/" + SOURCE + "/model");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return response.jsonPath();
  }

  private static Map<String, Object> entity(JsonPath model, String name) {
    return model.getMap("entities.find { it.name == '" + name + "' }");
  }

  private static Map<String, Object> attribute(JsonPath model, String entity, String name) {
    return model.getMap(
        "entities.find { it.name == '"
            + entity
            + "' }.attributes.find { it.name == '"
            + name
            + "' }");
  }

  private static List<String> keyAttributes(JsonPath model, String entity) {
    return model.getList("entities.find { it.name == '" + entity + "' }.primaryKey.attributes");
  }

  private static Map<String, Object> relationship(JsonPath model, String constraint) {
    Map<String, Object> relationship =
        model.getMap("relationships.find { it.constraintName == '" + constraint + "' }");
    assertThat(relationship).as("relationship of %s", constraint).isNotNull();
    return relationship;
  }

  protected static List<Long> ids(List<Map<String, Object>> rows, String field) {
    List<Long> ids = new ArrayList<>();
    rows.forEach(row -> ids.add(((Number) row.get(field)).longValue()));
    return ids;
  }

  private void assertFilter(String filter, Predicate<LegacyCustomer> expected) {
    List<Map<String, Object>> rows =
        api.all(CUSTOMERS, 10, "filter", filter, "fields", "cust_id", "limit", "1000");
    assertThat(ids(rows, "cust_id"))
        .as("rows matching %s", filter)
        .containsExactlyElementsOf(LegacyCustomer.idsWhere(expected));
  }

  private void assertSorted(String sort, Comparator<LegacyCustomer> order) {
    List<Map<String, Object>> rows =
        api.all(CUSTOMERS, 10, "sort", sort, "fields", "cust_id", "limit", "1000");
    assertThat(ids(rows, "cust_id"))
        .as("ids sorted by %s", sort)
        .containsExactlyElementsOf(LegacyCustomer.idsSortedBy(order));
  }
}
