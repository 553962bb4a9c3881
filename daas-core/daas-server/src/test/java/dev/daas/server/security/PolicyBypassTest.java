package dev.daas.server.security;

import static dev.daas.server.security.TestingSecurity.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.server.TestingAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader tries to get at what its policy hides through every channel of the data API: each
 * attempt is refused or shaped, and no hidden value appears in any answer, errors included.
 */
@QuarkusTest
class PolicyBypassTest {
  /** Values the reader must never see: names (masked), balances (hidden), Bob's row (filtered). */
  private static final List<String> HIDDEN = List.of("Ada", "Bob", "12345678901234567890", "0.5");

  private static String reader;

  @BeforeEach
  void setUp() {
    TestingAuth.anonymous();
    TestingSecurity.sourceWithReaderPolicy();
    if (reader == null) {
      reader = TestingSecurity.key("bypass-reader", "reader")[1];
    }
  }

  private static Response asReader(String pathAndQuery) {
    Response response =
        given().header("Authorization", bearer(reader)).urlEncodingEnabled(true).get(pathAndQuery);
    String body = response.asString();
    for (String hidden : HIDDEN) {
      assertThat(body).as("%s leaks %s", pathAndQuery, hidden).doesNotContain(hidden);
    }
    return response;
  }

  private static void refused(String pathAndQuery, int status) {
    Response response = asReader(pathAndQuery);
    assertThat(response.statusCode())
        .as(pathAndQuery + ": " + response.asString())
        .isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void seesOnlyAllowedRowsWithHiddenColumnsLeftOutAndMaskedColumnsMasked() {
    Response response = asReader("/api/v1/sec/t_cust");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    List<Map<String, Object>> rows = response.jsonPath().getList("data");
    assertThat(rows).extracting(row -> row.get("cust_id")).containsExactly(1, 3);
    assertThat(rows).allSatisfy(row -> assertThat(row).doesNotContainKey("c_bal"));
    assertThat((String) rows.get(0).get("c_nm")).matches("[0-9a-f]{16}");
    assertThat(rows.get(1).get("c_nm")).isNull();
  }

  @Test
  void hashMasksAreKeyedSoAGuessedNameCannotBeConfirmed() throws Exception {
    String name =
        given()
            .header("Authorization", TestingAuth.ADMIN)
            .get("/api/v1/sec/t_cust/1")
            .jsonPath()
            .getString("c_nm");
    Object masked = asReader("/api/v1/sec/t_cust/1").jsonPath().get("c_nm");

    byte[] plain =
        MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
    assertThat(masked).isNotNull().isNotEqualTo(HexFormat.of().formatHex(plain).substring(0, 16));
  }

  @Test
  void theAdminSeesEverything() {
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .get("/api/v1/sec/t_cust?filter=c_nm = 'Bob'")
        .then()
        .statusCode(200)
        .body("data[0].c_bal", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void refusesAnEntityNoPolicyGrants() {
    refused("/api/v1/sec/t_aud", 403);
    refused("/api/v1/sec/t_ord_ln", 403);
    refused("/api/v1/sec/t_ord_ln/10,1", 403);
  }

  @Test
  void aFilteredRowIsNotFoundByKey() {
    refused("/api/v1/sec/t_cust/2", 404);
    assertThat(asReader("/api/v1/sec/t_cust/1").statusCode()).isEqualTo(200);
  }

  @Test
  void refusesFiltersAndSortsOnMaskedOrHiddenColumns() {
    refused("/api/v1/sec/t_cust?filter=c_nm = 'Ada'", 403);
    refused("/api/v1/sec/t_cust?filter=c_nm like 'A%'", 403);
    refused("/api/v1/sec/t_cust?filter=c_nm is null", 403);
    refused("/api/v1/sec/t_cust?sort=c_nm", 403);
    refused("/api/v1/sec/t_cust?filter=c_bal > 1", 403);
    refused("/api/v1/sec/t_cust?sort=-c_bal", 403);
    refused("/api/v1/sec/t_cust?fields=cust_id,c_bal", 403);
  }

  @Test
  void aFilterCannotWidenTheRowFilter() {
    Response response = asReader("/api/v1/sec/t_cust?filter=c_stat = 'I' or cust_id = 2");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.jsonPath().getList("data")).isEmpty();
  }

  @Test
  void refusesEmbeddingADeniedEntity() {
    refused("/api/v1/sec/t_ord?embed=t_ord_ln", 403);
    refused("/api/v1/sec/t_cust/1?embed=t_ord.t_ord_ln", 403);
  }

  @Test
  void embedsOfAllowedEntitiesAreShapedToo() {
    Response response = asReader("/api/v1/sec/t_ord?embed=cust");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    List<Map<String, Object>> orders = response.jsonPath().getList("data");
    assertThat(orders).isNotEmpty();
  }

  @Test
  void refusesACursorMadeForTheAdmin() {
    String cursor =
        given()
            .header("Authorization", TestingAuth.ADMIN)
            .get("/api/v1/sec/t_cust?limit=1")
            .then()
            .statusCode(200)
            .extract()
            .path("page.next");
    assertThat(cursor).isNotNull();
    Response response =
        given()
            .header("Authorization", bearer(reader))
            .queryParam("limit", 1)
            .queryParam("cursor", cursor)
            .get("/api/v1/sec/t_cust");
    assertThat(response.statusCode()).as(response.asString()).isIn(400, 403);
    for (String hidden : HIDDEN) {
      assertThat(response.asString()).doesNotContain(hidden);
    }
  }

  @Test
  void appliesTheRoleLimits() {
    refused("/api/v1/sec/t_ord?limit=101", 400);
  }

  @Test
  void refusesChangeStreamsOfEntitiesWithoutSubscribe() {
    refused("/api/v1/sec/t_aud/changes", 403);
    refused("/api/v1/sec/t_cust/changes", 403);
    given().get("/api/v1/sec/t_ord/changes").then().statusCode(401);
  }

  @Test
  void theIndexAndOpenApiNeedACaller() {
    given().get("/api/v1/sec/openapi.json").then().statusCode(401);
    given().get("/api/v1/sec").then().statusCode(401);
  }

  @Test
  void theReadersApiDocumentAndIndexShowOnlyWhatItsPolicyShows() {
    Response document = asReader("/api/v1/sec/openapi.json");
    assertThat(document.statusCode()).isEqualTo(200);
    Map<String, Object> schemas = document.jsonPath().getMap("components.schemas");
    assertThat(schemas.keySet())
        .containsExactlyInAnyOrder("Page", "Problem", "TCust", "TCustPage", "TOrd", "TOrdPage");
    String body = document.asString();
    assertThat(body)
        .doesNotContain("c_bal")
        .doesNotContain("/t_aud")
        .contains("Masked for this caller");

    String adminDocument =
        given()
            .header("Authorization", TestingAuth.ADMIN)
            .get("/api/v1/sec/openapi.json")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(adminDocument).contains("c_bal").contains("/t_aud").doesNotContain("Masked");

    Response index = asReader("/api/v1/sec");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.jsonPath().getList("entities.name", String.class))
        .containsExactlyInAnyOrder("t_cust", "t_ord");
    assertThat(asReader("/api/v1").jsonPath().getList("sources.name", String.class))
        .contains("sec");
  }
}
