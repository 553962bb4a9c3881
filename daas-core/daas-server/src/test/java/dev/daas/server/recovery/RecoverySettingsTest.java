package dev.daas.server.recovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recovery settings per source: overrides of daas.recovery.* that the next recovery uses. */
@QuarkusTest
class RecoverySettingsTest {
  private static final String SOURCE = "rec_settings";

  @BeforeEach
  void source() {
    TestingAuth.asAdmin();
    String url = "jdbc:h2:mem:" + SOURCE + ";DB_CLOSE_DELAY=-1";
    TestingSources.execute(
        url,
        "sa",
        "pw",
        "CREATE TABLE IF NOT EXISTS KND (KND_NR INT PRIMARY KEY, NM VARCHAR(40))",
        "CREATE TABLE IF NOT EXISTS BEST (BEST_NR INT PRIMARY KEY, KND_NR INT, QTY INT)",
        "MERGE INTO KND VALUES (1, 'Ada'), (2, 'Bob')",
        // most orders name customers that are gone: by default the name-only relationship stays
        // a candidate below the threshold
        "MERGE INTO BEST VALUES (10, 1, 3), (11, 5, 1), (12, 6, 7)");
    int status =
        given()
            .contentType(ContentType.JSON)
            .body(TestingSources.body(SOURCE, url, "sa", "pw"))
            .post("/admin/v1/sources")
            .statusCode();
    assertThat(status).isIn(201, 409);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/admin/v1/sources/" + SOURCE + "/recovery-settings")
        .then()
        .statusCode(200);
  }

  @Test
  void showsTheDefaultsWhenNothingIsOverridden() {
    given()
        .get("/admin/v1/sources/" + SOURCE + "/recovery-settings")
        .then()
        .statusCode(200)
        .body("overrides.relationshipThreshold", nullValue())
        .body("effective.relationshipThreshold", equalTo(0.6f))
        .body("effective.maxChecks", equalTo(1000))
        .body("effective.checkBudgetSeconds", equalTo(20));
  }

  @Test
  void aLowerThresholdServesTheRelationshipAtTheNextRecoveryAndClearingItWithdrawsIt() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"relationshipThreshold\": 0.01}")
        .put("/admin/v1/sources/" + SOURCE + "/recovery-settings")
        .then()
        .statusCode(200)
        .body("effective.relationshipThreshold", equalTo(0.01f))
        .body("effective.primaryKeyThreshold", equalTo(0.5f));
    JsonPath lowered = introspectAndReadModel();
    assertThat(lowered.getList("relationships.fromEntity")).containsExactly("best");
    assertThat(lowered.getList("candidates")).isEmpty();

    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/admin/v1/sources/" + SOURCE + "/recovery-settings")
        .then()
        .statusCode(200);
    JsonPath restored = introspectAndReadModel();
    assertThat(restored.getList("relationships")).isEmpty();
    assertThat(restored.getList("candidates.fromEntity")).containsExactly("best");
  }

  @Test
  void refusesEveryOutOfRangeValueAtOnceAndUnknownMembers() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"relationshipThreshold\": 1.5, \"maxChecks\": -1, \"maxEnumValues\": 1}")
        .put("/admin/v1/sources/" + SOURCE + "/recovery-settings")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"))
        .body("violations.field", hasItems("relationshipThreshold", "maxChecks", "maxEnumValues"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"threshold\": 0.5}")
        .put("/admin/v1/sources/" + SOURCE + "/recovery-settings")
        .then()
        .statusCode(400)
        .body("field", equalTo("threshold"));
    given().get("/admin/v1/sources/nosuch/recovery-settings").then().statusCode(404);
  }

  private static JsonPath introspectAndReadModel() {
    given().post("/admin/v1/sources/" + SOURCE + "/introspect").then().statusCode(200);
    return given()
        .get("/admin/v1/sources/" + SOURCE + "/model")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
