package dev.daas.server.recovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Curation through the admin API, applied at every recovery, and the diff between versions. */
@QuarkusTest
class CurationTest {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  private static final String CONFIRM =
      "{\"type\":\"confirm-relationship\","
          + "\"from\":{\"schema\":\"PUBLIC\",\"table\":\"BEST\",\"columns\":[\"KND_NR\"]},"
          + "\"to\":{\"schema\":\"PUBLIC\",\"table\":\"KND\",\"columns\":[\"KND_NR\"]}}";

  private static String source(String name) {
    String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    TestingSources.execute(
        url,
        "sa",
        "pw",
        "CREATE TABLE KND (KND_NR INT PRIMARY KEY, NM VARCHAR(40))",
        "CREATE TABLE BEST (BEST_NR INT PRIMARY KEY, KND_NR INT, NOTE VARCHAR(40))",
        "INSERT INTO KND VALUES (1, 'Ada'), (2, 'Bob')",
        "INSERT INTO BEST VALUES (10, 1, 'x'), (11, 1, NULL), (12, 2, 'y')");
    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body(name, url, "sa", "pw"))
        .post("/admin/v1/sources")
        .then()
        .statusCode(201);
    return name;
  }

  private static Response put(String source, String entries) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"entries\":[" + entries + "]}")
        .put("/admin/v1/sources/" + source + "/curation");
  }

  @Test
  void curationRenamesHidesConfirmsAndMarksAndSurvivesReRecovery() {
    String source = source("cur_apply");
    Response answer =
        put(
            source,
            "{\"type\":\"rename-entity\",\"schema\":\"PUBLIC\",\"table\":\"KND\",\"name\":\"customer\"},"
                + CONFIRM
                + ",{\"type\":\"hide-attribute\",\"schema\":\"PUBLIC\",\"table\":\"BEST\",\"column\":\"NOTE\"}"
                + ",{\"type\":\"mark-pii\",\"schema\":\"PUBLIC\",\"table\":\"KND\",\"column\":\"NM\"}"
                + ",{\"type\":\"rename-entity\",\"schema\":\"PUBLIC\",\"table\":\"GONE\",\"name\":\"x\"}");
    answer.then().statusCode(200).body("introspection.changed", equalTo(true));
    assertThat(answer.jsonPath().getList("entries")).hasSize(5);
    assertThat(answer.jsonPath().getList("introspection.recovery.curationIssues.index"))
        .containsExactly(4);
    assertThat(answer.jsonPath().getString("introspection.recovery.curationIssues[0].outcome"))
        .isEqualTo("stale");
    assertThat(answer.jsonPath().getList("introspection.recovery.pii"))
        .containsExactly("customer.nm");
    int version = answer.jsonPath().getInt("introspection.version");

    Response model = given().get("/admin/v1/sources/" + source + "/model");
    assertThat(model.jsonPath().getList("entities.name")).containsExactly("best", "customer");
    assertThat(model.jsonPath().getList("entities.find { it.name == 'best' }.attributes.name"))
        .containsExactly("best_nr", "knd_nr");
    List<Map<String, Object>> relationships = model.jsonPath().getList("relationships");
    assertThat(relationships).hasSize(1);
    Map<String, Object> confirmed = relationships.get(0);
    assertThat(confirmed)
        .containsEntry("kind", "curated")
        .containsEntry("fromEntity", "best")
        .containsEntry("toEntity", "customer");

    Response orders =
        given()
            .queryParam("embed", confirmed.get("name"))
            .queryParam("sort", "best_nr")
            .get("/api/v1/" + source + "/best");
    orders.then().statusCode(200);
    assertThat(orders.jsonPath().getString("data[2]." + confirmed.get("name") + ".nm"))
        .isEqualTo("Bob");
    assertThat(orders.asString()).doesNotContain("note");

    given()
        .post("/admin/v1/sources/" + source + "/introspect")
        .then()
        .statusCode(200)
        .body("changed", equalTo(false))
        .body("version", equalTo(version));
    given()
        .get("/admin/v1/sources/" + source + "/curation")
        .then()
        .statusCode(200)
        .body("entries[1].type", equalTo("confirm-relationship"));
  }

  @Test
  void theDiffBetweenVersionsSaysWhatBreaksForClients() {
    String source = source("cur_diff");
    put(
            source,
            "{\"type\":\"rename-entity\",\"schema\":\"PUBLIC\",\"table\":\"KND\",\"name\":\"customer\"}")
        .then()
        .statusCode(200);
    Response diff = given().get("/admin/v1/sources/" + source + "/model/diff");
    diff.then().statusCode(200).body("from", equalTo(1)).body("to", equalTo(2));
    assertThat(diff.jsonPath().getBoolean("breaking")).isTrue();
    assertThat(diff.jsonPath().getList("changes.kind")).contains("entity_renamed");
    assertThat(diff.jsonPath().getList("changes.impact")).contains("breaking");

    given()
        .queryParam("from", "2")
        .queryParam("to", "2")
        .get("/admin/v1/sources/" + source + "/model/diff")
        .then()
        .statusCode(200)
        .body("breaking", equalTo(false))
        .body("changes.size()", equalTo(0));
    given()
        .queryParam("from", "9")
        .get("/admin/v1/sources/" + source + "/model/diff")
        .then()
        .statusCode(404);
  }

  @Test
  void refusesEveryBadEntryAndKeepsTheStoredCuration() {
    String source = source("cur_bad");
    put(source, CONFIRM).then().statusCode(200);
    put(
            source,
            "{\"type\":\"explode\",\"table\":\"KND\"},"
                + "{\"type\":\"rename-entity\",\"schema\":\"PUBLIC\",\"table\":\"KND\"}")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"))
        .body("violations.field", hasItem("entries[0]"))
        .body("violations.field", hasItem("entries[1]"));
    put(
            source,
            "{\"type\":\"mark-pii\",\"schema\":\"PUBLIC\",\"table\":\"KND\",\"column\":\"NM\",\"why\":1}")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/admin/v1/sources/" + source + "/curation")
        .then()
        .statusCode(400);
    given()
        .get("/admin/v1/sources/" + source + "/curation")
        .then()
        .body("entries.size()", equalTo(1))
        .body("entries[0].type", equalTo("confirm-relationship"));
    given().get("/admin/v1/sources/nowhere/curation").then().statusCode(404);
  }
}
