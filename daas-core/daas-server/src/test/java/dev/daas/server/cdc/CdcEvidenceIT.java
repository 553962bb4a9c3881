package dev.daas.server.cdc;

import static dev.daas.server.cdc.TestingCdc.POSTGRES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.server.TestingAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Change data capture as recovery evidence, on the local PostgreSQL: a column added to a captured
 * table shows in the next row images, and the model is recovered again into a new version that has
 * it, with nobody asking.
 */
@QuarkusTest
class CdcEvidenceIT {
  private static final String SCHEMA = "daas_cdc_ev";
  private static final String SLOT_PREFIX = "daas_cdcev_";
  private static final String SOURCE = "cdcev-pg";

  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  @BeforeAll
  static void createTables() throws Exception {
    TestingCdc.createSchema(
        SLOT_PREFIX,
        SCHEMA,
        "CREATE TABLE " + SCHEMA + ".orders (id int PRIMARY KEY, status varchar(10), qty int)");
  }

  @AfterEach
  void removeSource() {
    given().delete("/admin/v1/sources/" + SOURCE);
  }

  @AfterAll
  static void dropEverything() throws Exception {
    TestingCdc.dropSchema(SLOT_PREFIX, SCHEMA);
  }

  @Test
  void aColumnAddedToACapturedTableMakesANewModelVersionThatHasIt() throws Exception {
    TestingCdc.register(SOURCE, POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming(SOURCE, "{\"enabled\":true}");
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "INSERT INTO " + SCHEMA + ".orders VALUES (1, 'NEW', 1)",
        "UPDATE " + SCHEMA + ".orders SET status = 'PAID' WHERE id = 1");
    int before = latestVersion();

    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "ALTER TABLE " + SCHEMA + ".orders ADD COLUMN priority int",
        "INSERT INTO " + SCHEMA + ".orders VALUES (2, 'NEW', 3, 1)");

    TestingCdc.awaitTrue("a model version with the new column", () -> latestVersion() > before);
    assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
        .as("commit-to-log lag of captured changes")
        .containsPattern("daas_cdc_lag_seconds_count\\{source=\"" + SOURCE + "\",?\\} [1-9]");
    List<String> columns =
        given()
            .get("/admin/v1/sources/" + SOURCE + "/model")
            .then()
            .statusCode(200)
            .extract()
            .path("entities.find { it.table == 'orders' }.attributes.column");
    assertThat(columns).contains("priority");
  }

  @Test
  @SuppressWarnings("unchecked")
  void capturedValuesGiveValueDomainsOnlyWhereValueSamplingIsAllowed() throws Exception {
    TestingCdc.register(SOURCE, POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming(SOURCE, "{\"enabled\":true}");
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "DELETE FROM " + SCHEMA + ".orders",
        "INSERT INTO " + SCHEMA + ".orders (id, status, qty) VALUES (11, 'NEW', 1)",
        "INSERT INTO " + SCHEMA + ".orders (id, status, qty) VALUES (12, 'PAID', 2)",
        "INSERT INTO " + SCHEMA + ".orders (id, status, qty) VALUES (13, 'SHIPPED', 3)",
        "UPDATE " + SCHEMA + ".orders SET status = 'PAID' WHERE id = 11");
    TestingCdc.awaitTrue("the changes in the log", () -> changesLogged() >= 4);

    introspect();
    assertThat(statusDomain()).as("value sampling is off by default").isNull();

    given()
        .contentType(ContentType.JSON)
        .body("{\"valueSampling\":true}")
        .post("/admin/v1/sources/" + SOURCE + "/probe")
        .then()
        .statusCode(200);
    introspect();
    Map<String, Object> domain = statusDomain();
    assertThat(domain).isNotNull();
    assertThat((List<String>) domain.get("values")).containsExactly("NEW", "PAID", "SHIPPED");
    assertThat((List<Map<String, Object>>) domain.get("evidence"))
        .extracting(e -> e.get("channel"))
        .contains("cdc");
    List<String> activity =
        given()
            .get("/admin/v1/sources/" + SOURCE + "/model")
            .then()
            .statusCode(200)
            .extract()
            .path(
                "entities.find { it.table == 'orders' }.evidence.findAll { it.channel == 'cdc' }.detail");
    assertThat(activity)
        .singleElement()
        .asString()
        .startsWith("rows written, as orders of magnitude: 1 inserted, 1 updated,");
  }

  private static void introspect() {
    given().post("/admin/v1/sources/" + SOURCE + "/introspect").then().statusCode(200);
  }

  private static Map<String, Object> statusDomain() {
    return given()
        .get("/admin/v1/sources/" + SOURCE + "/model")
        .then()
        .statusCode(200)
        .extract()
        .path(
            "entities.find { it.table == 'orders' }.attributes.find { it.column == 'status' }"
                + ".valueDomain");
  }

  /** Changes the engine handed over since it started (each after the log had it). */
  private static long changesLogged() {
    return given()
        .get("/admin/v1/sources/" + SOURCE + "/cdc")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("eventsDelivered");
  }

  private static int latestVersion() {
    List<Integer> versions =
        given()
            .get("/admin/v1/sources/" + SOURCE + "/model/versions")
            .then()
            .statusCode(200)
            .extract()
            .path("version");
    return versions.stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
