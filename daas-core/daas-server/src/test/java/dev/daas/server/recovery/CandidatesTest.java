package dev.daas.server.recovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Candidate relationships kept with each model version and confirmed through curation; readable
 * names and PII in the model document.
 */
@QuarkusTest
class CandidatesTest {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  private static String source(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    TestingSources.execute(
        url,
        "sa",
        "pw",
        "CREATE TABLE KND (KND_NR INT PRIMARY KEY, NM VARCHAR(40))",
        "CREATE TABLE BEST (BEST_NR INT PRIMARY KEY, KND_NR INT, QTY INT)",
        "INSERT INTO KND VALUES (1, 'Ada'), (2, 'Bob')",
        // Most orders name customers that are gone: the data check fails, so the name alone
        // leaves the relationship a candidate.
        "INSERT INTO BEST VALUES (10, 1, 3), (11, 5, 1), (12, 6, 7)");
    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body(name, url, "sa", "pw"))
        .post("/admin/v1/sources")
        .then()
        .statusCode(201);
    return name;
  }

  @Test
  void listsCandidatesWithEvidenceAndTheEntryThatConfirmsThem() {
    String source = source("cand_list");

    Response listed = given().get("/admin/v1/sources/" + source + "/model/candidates");

    listed.then().statusCode(200).body("source", equalTo(source)).body("version", equalTo(1));
    JsonPath body = listed.jsonPath();
    assertThat(body.getList("candidates")).hasSize(1);
    assertThat(body.getString("candidates[0].fromEntity")).isEqualTo("best");
    assertThat(body.getList("candidates[0].fromAttributes")).containsExactly("knd_nr");
    assertThat(body.getString("candidates[0].toEntity")).isEqualTo("knd");
    assertThat(body.getDouble("candidates[0].confidence")).isBetween(0.01, 0.59);
    assertThat(body.getList("candidates[0].evidence.channel")).contains("catalog", "data_check");
    assertThat(body.getString("candidates[0].confirm.type")).isEqualTo("confirm-relationship");
    assertThat(body.getString("candidates[0].confirm.from.table")).isEqualTo("BEST");
    assertThat(body.getList("candidates[0].confirm.to.columns")).containsExactly("KND_NR");
    Response model = given().get("/admin/v1/sources/" + source + "/model");
    assertThat(model.jsonPath().getList("relationships")).isEmpty();
    assertThat(model.jsonPath().getList("candidates")).hasSize(1);

    Map<String, Object> confirm = body.getMap("candidates[0].confirm");
    Response curated =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("entries", List.of(confirm)))
            .put("/admin/v1/sources/" + source + "/curation");

    curated.then().statusCode(200).body("introspection.version", equalTo(2));
    assertThat(curated.jsonPath().getList("introspection.recovery.curationIssues")).isEmpty();
    given()
        .get("/admin/v1/sources/" + source + "/model")
        .then()
        .body("relationships.size()", equalTo(1))
        .body("relationships[0].kind", equalTo("curated"));
    given()
        .get("/admin/v1/sources/" + source + "/model/candidates")
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("candidates.size()", equalTo(0));
    given()
        .queryParam("version", "1")
        .get("/admin/v1/sources/" + source + "/model/candidates")
        .then()
        .statusCode(200)
        .body("candidates.size()", equalTo(1));
  }

  @Test
  void refusesUnknownSourcesAndVersions() {
    String source = source("cand_bad");
    given().get("/admin/v1/sources/nowhere/model/candidates").then().statusCode(404);
    given()
        .queryParam("version", "7")
        .get("/admin/v1/sources/" + source + "/model/candidates")
        .then()
        .statusCode(404)
        .body("code", equalTo("not-found"));
    given()
        .queryParam("version", "x")
        .get("/admin/v1/sources/" + source + "/model/candidates")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"));
  }

  @Test
  void theModelDocumentCarriesReadableNamesAndPii() {
    String source = source("cand_names");
    JsonPath before = given().get("/admin/v1/sources/" + source + "/model").jsonPath();
    assertThat(before.getString("entities.find { it.name == 'best' }.attributes[2].readableName"))
        .isEqualTo("quantity");
    assertThat(before.getString("entities.find { it.name == 'best' }.attributes[2].column"))
        .isEqualTo("QTY");
    assertThat(before.getBoolean("entities.find { it.name == 'knd' }.attributes[1].pii")).isFalse();

    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"entries\":[{\"type\":\"mark-pii\",\"schema\":\"PUBLIC\",\"table\":\"KND\","
                + "\"column\":\"NM\"}]}")
        .put("/admin/v1/sources/" + source + "/curation")
        .then()
        .statusCode(200);

    JsonPath after = given().get("/admin/v1/sources/" + source + "/model").jsonPath();
    assertThat(after.getString("entities.find { it.name == 'knd' }.attributes[1].name"))
        .isEqualTo("nm");
    assertThat(after.getString("entities.find { it.name == 'knd' }.attributes[1].readableName"))
        .isEqualTo("name");
    assertThat(after.getBoolean("entities.find { it.name == 'knd' }.attributes[1].pii")).isTrue();
    String openApi = given().get("/api/v1/" + source + "/openapi.json").asString();
    assertThat(openApi).contains("\"x-daas-pii\"").contains("\"x-daas-readable-name\"");
  }
}
