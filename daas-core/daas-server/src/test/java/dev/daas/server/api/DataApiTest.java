package dev.daas.server.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST data API end to end over HTTP, on an embedded H2 legacy database. */
@QuarkusTest
class DataApiTest {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  /** Quarkus starts before each test instance, not before static set-up: register idempotently. */
  @BeforeEach
  void registerSource() {
    String url = TestingSources.h2("data_api", "");
    int status =
        given()
            .contentType(ContentType.JSON)
            .body(TestingSources.body("erp", url, "sa", ""))
            .post("/admin/v1/sources")
            .statusCode();
    assertThat(status).isIn(201, 409);
  }

  @Test
  void listsRowsWithTheDocumentedJsonTypes() {
    String body =
        given()
            .get("/api/v1/erp/t_cust?filter=cust_id = 1")
            .then()
            .statusCode(200)
            .header("DaaS-Model-Version", notNullValue())
            .extract()
            .asString();

    assertThat(body)
        .contains("\"c_bal\":12345678901234567890.1234567890")
        .contains("\"c_crtd\":\"2024-01-31T13:45:00\"")
        .contains("\"c_doc\":{\"tier\":\"gold\",\"n\":[1,2]}")
        .contains("\"c_pic\":\"yv4=\"");
    assertThat(JsonPath.from(body).getString("data[0].c_seen"))
        .matches("2024-01-31T1\\d:45:00(Z|[+-]\\d\\d:\\d\\d)");
  }

  @Test
  void filtersSortsAndSelectsFields() {
    given()
        .get(
            "/api/v1/erp/t_cust?filter=c_stat = 'A' and c_nm is not null&sort=-cust_id&fields=cust_id,c_nm")
        .then()
        .statusCode(200)
        .body("data.cust_id", equalTo(List.of(1)))
        .body("data[0]", not(hasKey("c_stat")));
    given()
        .get(
            "/api/v1/erp/t_cust?filter=c_stat in ('A','I') or c_nm like 'B%'&sort=-cust_id&fields=cust_id")
        .then()
        .statusCode(200)
        .body("data.cust_id", equalTo(List.of(3, 2, 1)));
  }

  @Test
  void pagesThroughEveryRowOnceWithTheCursor() {
    List<Integer> seen = new ArrayList<>();
    String cursor = null;
    for (int i = 0; i < 10; i++) {
      var request =
          given().queryParam("limit", 1).queryParam("sort", "c_nm").queryParam("fields", "cust_id");
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/api/v1/erp/t_cust").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("data.cust_id", Integer.class));
      cursor = page.getString("page.next");
      if (cursor == null) {
        break;
      }
    }
    assertThat(seen).containsExactly(1, 2, 3);
  }

  @Test
  void embedsRelatedRowsBothWaysAndNested() {
    given()
        .get("/api/v1/erp/t_ord/10?embed=cust,t_ord_ln&fields=ord_no,cust.c_nm,t_ord_ln.ln_no")
        .then()
        .statusCode(200)
        .body("ord_no", equalTo(10))
        .body("cust.c_nm", equalTo("Ada"))
        .body("t_ord_ln.ln_no", equalTo(List.of(1, 2)));
    given()
        .get(
            "/api/v1/erp/t_cust/1?embed=t_ord.t_ord_ln&fields=cust_id,t_ord.ord_no,t_ord.t_ord_ln.qty")
        .then()
        .statusCode(200)
        .body("t_ord.ord_no", equalTo(List.of(10, 11)))
        .body("t_ord[0].t_ord_ln.qty", equalTo(List.of(5, 7)));
    given()
        .get("/api/v1/erp/t_cust/3?embed=t_ord")
        .then()
        .statusCode(200)
        .body("t_ord", equalTo(List.of()));
  }

  @Test
  void readsByCompositeKey() {
    given()
        .get("/api/v1/erp/t_ord_ln/10,2")
        .then()
        .log()
        .all()
        .statusCode(200)
        .body("qty", equalTo(7));
    given()
        .get("/api/v1/erp/t_ord_ln/10,9")
        .then()
        .statusCode(404)
        .body("code", equalTo("not-found"));
    given().get("/api/v1/erp/t_ord_ln/10").then().statusCode(400).body("code", equalTo("bad-key"));
    given().get("/api/v1/erp/t_ord_ln/x,1").then().statusCode(400).body("code", equalTo("bad-key"));
  }

  @Test
  void servesKeylessTablesAsListsOnly() {
    given().get("/api/v1/erp/t_aud").then().statusCode(200).body("data.size()", equalTo(2));
    given().get("/api/v1/erp/t_aud/1").then().statusCode(400).body("code", equalTo("no-key"));
  }

  @Test
  void answersBadRequestsWithProblemDocuments() {
    expectProblem("/api/v1/nope/t_cust", 404, "unknown-source");
    expectProblem("/api/v1/erp/nope", 404, "unknown-entity");
    expectProblem("/api/v1/erp/t_cust?filter=nope = 1", 400, "unknown-field");
    expectProblem("/api/v1/erp/t_cust?sort=nope", 400, "unknown-field");
    expectProblem("/api/v1/erp/t_cust?fields=cust_id,nope", 400, "unknown-field");
    expectProblem("/api/v1/erp/t_cust?embed=nope", 400, "unknown-embed");
    expectProblem("/api/v1/erp/t_cust?filter=cust_id = 'abc'", 400, "type-mismatch");
    expectProblem("/api/v1/erp/t_cust?limit=100000", 400, "limit-too-large");
    expectProblem("/api/v1/erp/t_cust?limit=-1", 400, "invalid-limit");
    expectProblem("/api/v1/erp/t_cust?cursor=garbage", 400, "bad-cursor");
    expectProblem("/api/v1/erp/t_cust?colour=red", 400, "unknown-parameter");
    given()
        .get("/api/v1/erp/t_cust?filter=(cust_id = 1")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("malformed-filter"))
        .body("position", notNullValue())
        .body("type", equalTo("https://daas.dev/problems/malformed-filter"));
  }

  @Test
  void treatsInjectionAttemptsAsPlainValues() {
    given()
        .get("/api/v1/erp/t_cust?filter=c_nm = 'x'' OR ''1''=''1'")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
    given()
        .get("/api/v1/erp/t_cust?filter=c_nm = 'x''; DROP TABLE T_CUST; --'")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
    expectProblem("/api/v1/erp/t_cust?sort=cust_id;DROP TABLE T_CUST", 400, null);
    expectProblem("/api/v1/erp/t_cust?fields=cust_id FROM T_CUST--", 400, null);
    expectProblem("/api/v1/erp/t_cust/1';DROP TABLE T_CUST;--", 400, "bad-key");
    given().get("/api/v1/erp/t_cust").then().statusCode(200).body("data.size()", equalTo(3));
  }

  @Test
  void servesAValidOpenApiDocumentInJsonAndYaml() {
    given()
        .get("/api/v1/erp/openapi.json")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("openapi", equalTo("3.0.3"))
        .body("paths", hasKey("/t_cust/{key}"))
        .body("paths", not(hasKey("/t_aud/{key}")));
    given()
        .get("/api/v1/erp/openapi.yaml")
        .then()
        .statusCode(200)
        .body(containsString("openapi: 3.0.3"));
    given()
        .get("/api/v1/erp")
        .then()
        .statusCode(200)
        .body("entities.find { it.name == 't_aud' }.key", nullValue());
  }

  @Test
  void servesADocumentThatSwaggerParserAcceptsWithoutAnyMessage() {
    String document =
        given().get("/api/v1/erp/openapi.json").then().statusCode(200).extract().asString();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);

    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getPaths()).containsKey("/t_ord_ln/{key}");
  }

  @Test
  void offersSwaggerUiForTheSourceDocuments() {
    given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger-ui"));
  }

  @Test
  void countsRequestsErrorsAndPoolUsagePerSource() {
    given().get("/api/v1/erp/t_cust?limit=1").then().statusCode(200);
    given().get("/api/v1/erp/t_cust?filter=nope = 1").then().statusCode(400);

    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

    assertThat(metrics)
        .containsPattern("daas_api_requests_seconds_count\\{[^}]*source=\"erp\"[^}]*status=\"200\"")
        .containsPattern("daas_api_errors_total\\{[^}]*code=\"unknown-field\"[^}]*source=\"erp\"")
        .containsPattern("daas_source_pool_max\\{source=\"erp\"} 8")
        .containsPattern("daas_source_reachable\\{source=\"erp\"} 1");
  }

  private static void expectProblem(String path, int status, String code) {
    var response =
        given()
            .urlEncodingEnabled(true)
            .get(path)
            .then()
            .statusCode(status)
            .contentType("application/problem+json");
    if (code != null) {
      response.body("code", equalTo(code));
    }
  }
}
