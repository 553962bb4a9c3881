package dev.daas.server.cdc;

import static dev.daas.server.cdc.TestingCdc.POSTGRES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.server.TestingAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change streams from the local PostgreSQL (wal_level=logical: scripts/prepare-services.sh). */
@QuarkusTest
class CdcPostgresIT {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  private static final String SCHEMA = "daas_cdc_srv";
  private static final String SLOT_PREFIX = "daas_cdcsrv_";
  private static final String NO_REPLICATION_ROLE = "daas_cdc_srv_norepl";
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void createTables() throws Exception {
    TestingAuth.asAdmin();
    TestingCdc.dropSlotsAndPublications(SLOT_PREFIX);
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "DROP ROLE IF EXISTS " + NO_REPLICATION_ROLE,
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".items (id int PRIMARY KEY, name text, qty int)",
        "ALTER TABLE " + SCHEMA + ".items REPLICA IDENTITY FULL",
        "CREATE TABLE " + SCHEMA + ".notes (id int PRIMARY KEY, body text)",
        "CREATE ROLE " + NO_REPLICATION_ROLE + " LOGIN NOSUPERUSER NOREPLICATION",
        "GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + NO_REPLICATION_ROLE,
        "GRANT SELECT ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + NO_REPLICATION_ROLE);
  }

  @AfterEach
  void removeSources() {
    for (String source :
        List.of(
            "cdcsrv-pg",
            "cdcsrv-del",
            "cdcsrv-wal",
            "cdcsrv-norepl",
            "cdcsrv-ident",
            "cdcsrv-unknown")) {
      given().delete("/admin/v1/sources/" + source);
    }
  }

  @AfterAll
  static void dropEverything() throws Exception {
    TestingCdc.dropSlotsAndPublications(SLOT_PREFIX);
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "DROP ROLE IF EXISTS " + NO_REPLICATION_ROLE);
  }

  @Test
  void insertUpdateAndDeleteReachTheStreamWithBeforeAndAfterAndResumeFromLastEventId()
      throws Exception {
    TestingCdc.register("cdcsrv-pg", POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming("cdcsrv-pg", "{\"enabled\":true}");
    String entity = TestingCdc.entityOf("cdcsrv-pg", "items");
    String path = "/api/v1/cdcsrv-pg/" + entity + "/changes";

    List<TestingSse.Event> events;
    try (TestingSse stream = TestingSse.open(path, null)) {
      assertThat(stream.contentType()).startsWith("text/event-stream");
      TestingCdc.execute(
          POSTGRES,
          "postgres",
          "INSERT INTO " + SCHEMA + ".notes VALUES (1, 'not on this stream')",
          "INSERT INTO " + SCHEMA + ".items VALUES (1, 'bolt', 5)",
          "UPDATE " + SCHEMA + ".items SET qty = 7 WHERE id = 1",
          "DELETE FROM " + SCHEMA + ".items WHERE id = 1");
      events = stream.take(3, TestingCdc.WAIT);
      assertThat(stream.drain(Duration.ofMillis(500))).isEmpty();
    }

    assertThat(events).extracting(TestingSse.Event::name).containsOnly("change");
    JsonNode insert = JSON.readTree(events.get(0).data());
    JsonNode update = JSON.readTree(events.get(1).data());
    JsonNode delete = JSON.readTree(events.get(2).data());
    assertThat(insert.path("entity").asText()).isEqualTo(entity);
    assertThat(insert.path("operation").asText()).isEqualTo("create");
    assertThat(insert.path("key").toString()).isEqualTo("{\"id\":1}");
    assertThat(insert.path("before").isNull()).isTrue();
    assertThat(insert.path("after").toString()).isEqualTo("{\"id\":1,\"name\":\"bolt\",\"qty\":5}");
    assertThat(insert.path("transactionId").asText()).isNotBlank();
    assertThat(insert.path("sourceTimestamp").asText()).isNotBlank();
    assertThat(update.path("operation").asText()).isEqualTo("update");
    assertThat(update.path("before").path("qty").asInt()).isEqualTo(5);
    assertThat(update.path("after").path("qty").asInt()).isEqualTo(7);
    assertThat(delete.path("operation").asText()).isEqualTo("delete");
    assertThat(delete.path("before").toString())
        .isEqualTo("{\"id\":1,\"name\":\"bolt\",\"qty\":7}");
    assertThat(delete.path("after").isNull()).isTrue();
    for (TestingSse.Event event : events) {
      assertThat(event.id()).isEqualTo(JSON.readTree(event.data()).path("sequence").asText());
    }
    assertThat(Long.parseLong(events.get(2).id()))
        .isGreaterThan(Long.parseLong(events.get(0).id()));

    try (TestingSse resumed = TestingSse.open(path, events.get(0).id())) {
      List<TestingSse.Event> later = resumed.take(2, TestingCdc.WAIT);
      assertThat(later)
          .extracting(TestingSse.Event::id)
          .containsExactly(events.get(1).id(), events.get(2).id());
      assertThat(resumed.drain(Duration.ofMillis(500))).isEmpty();
      TestingCdc.execute(
          POSTGRES, "postgres", "INSERT INTO " + SCHEMA + ".items VALUES (2, 'nut', 1)");
      TestingSse.Event live = resumed.take(1, TestingCdc.WAIT).get(0);
      assertThat(JSON.readTree(live.data()).path("key").path("id").asInt()).isEqualTo(2);
    }
    try (TestingSse after = TestingSse.open(path + "?after=" + events.get(1).id(), null)) {
      assertThat(after.take(1, TestingCdc.WAIT).get(0).id()).isEqualTo(events.get(2).id());
    }
    given()
        .get("/admin/v1/sources/cdcsrv-pg/cdc")
        .then()
        .statusCode(200)
        .body("state", equalTo("RUNNING"))
        .body("enabled", equalTo(true));
  }

  @Test
  void unknownSourcesAndEntitiesAnswerNotFoundProblems() {
    TestingCdc.register("cdcsrv-unknown", POSTGRES, "postgres", SCHEMA);
    given()
        .accept("text/event-stream")
        .get("/api/v1/cdcsrv-unknown/no_such_entity/changes")
        .then()
        .statusCode(404)
        .body("code", equalTo("unknown-entity"));
    given()
        .accept("text/event-stream")
        .get("/api/v1/no-such-source/x/changes")
        .then()
        .statusCode(404)
        .body("code", equalTo("unknown-source"));
  }

  @Test
  void replicaIdentityGapsAreListedAndOnlyTheNamedTablesAreAltered() throws Exception {
    TestingCdc.register("cdcsrv-ident", POSTGRES, "postgres", SCHEMA);
    String notes = SCHEMA + ".notes";
    given()
        .get("/admin/v1/sources/cdcsrv-ident/cdc/replica-identity")
        .then()
        .statusCode(200)
        .body("tables.table", equalTo(List.of(notes)))
        .body("tables[0].identity", equalTo("default"))
        .body(
            "tables[0].fix",
            equalTo("ALTER TABLE \"" + SCHEMA + "\".\"notes\" REPLICA IDENTITY FULL"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"tables\":[\"" + SCHEMA + ".items\"]}")
        .post("/admin/v1/sources/cdcsrv-ident/cdc/replica-identity")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"));

    given()
        .contentType(ContentType.JSON)
        .body("{\"tables\":[\"" + notes + "\"]}")
        .post("/admin/v1/sources/cdcsrv-ident/cdc/replica-identity")
        .then()
        .statusCode(200)
        .body("altered", equalTo(List.of(notes)))
        .body("tables", equalTo(List.of()));
    assertThat(
            TestingCdc.strings(
                POSTGRES,
                "SELECT relreplident FROM pg_class WHERE oid = '" + notes + "'::regclass"))
        .containsExactly("f");
    TestingCdc.execute(POSTGRES, "postgres", "ALTER TABLE " + notes + " REPLICA IDENTITY DEFAULT");
  }

  @Test
  void aUserWithoutReplicationIsRefusedWithTheFixInTheProblem() {
    TestingCdc.register("cdcsrv-norepl", POSTGRES, NO_REPLICATION_ROLE, SCHEMA);
    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\":true}")
        .post("/admin/v1/sources/cdcsrv-norepl/cdc")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("conflict"))
        .body("problems.code", hasItem("MISSING_REPLICATION_PRIVILEGE"))
        .body(
            "problems.find { it.code == 'MISSING_REPLICATION_PRIVILEGE' }.message",
            org.hamcrest.Matchers.containsString("WITH REPLICATION"));
    given()
        .get("/admin/v1/sources/cdcsrv-norepl/cdc")
        .then()
        .statusCode(200)
        .body("enabled", equalTo(false))
        .body("state", equalTo("FAILED"))
        .body("problems.code", hasItem("MISSING_REPLICATION_PRIVILEGE"));
  }

  @Test
  void removingTheSourceLeavesNoSlotOrPublication() throws Exception {
    TestingCdc.register("cdcsrv-del", POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming("cdcsrv-del", "{\"enabled\":true}");
    String slot = "daas_cdcsrv_del";
    assertThat(slotsAndPublications(slot)).isNotEmpty();

    given().delete("/admin/v1/sources/cdcsrv-del").then().statusCode(204);

    assertThat(slotsAndPublications(slot)).isEmpty();
    given().get("/admin/v1/sources/cdcsrv-del/cdc").then().statusCode(404);
  }

  @Test
  void aStoppedCaptureShowsTheWalItsSlotHoldsAndDropsTheSlotOnlyWhenAsked() throws Exception {
    String source = "cdcsrv-wal";
    String slot = "daas_cdcsrv_wal";
    TestingCdc.register(source, POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming(source, "{\"enabled\":true}");
    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\":false}")
        .post("/admin/v1/sources/" + source + "/cdc")
        .then()
        .statusCode(200);
    long held = retainedWal(source);
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "INSERT INTO "
            + SCHEMA
            + ".notes SELECT g + 100000, repeat('x', 200)"
            + " FROM generate_series(1, 2000) g",
        "DELETE FROM " + SCHEMA + ".notes WHERE id > 100000");

    assertThat(slotsAndPublications(slot)).as("disabling keeps the slot").isNotEmpty();
    assertThat(retainedWal(source)).as("WAL held grows while stopped").isGreaterThan(held);
    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\":true,\"dropSlot\":true}")
        .post("/admin/v1/sources/" + source + "/cdc")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("dropSlot"));

    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\":false,\"dropSlot\":true}")
        .post("/admin/v1/sources/" + source + "/cdc")
        .then()
        .statusCode(200)
        .body("retainedWalBytes", equalTo(null));
    assertThat(slotsAndPublications(slot)).isEmpty();
  }

  private static long retainedWal(String source) {
    Number bytes =
        given()
            .get("/admin/v1/sources/" + source + "/cdc")
            .then()
            .statusCode(200)
            .extract()
            .path("retainedWalBytes");
    assertThat(bytes).as("retainedWalBytes of " + source).isNotNull();
    return bytes.longValue();
  }

  private static List<String> slotsAndPublications(String name) throws Exception {
    return TestingCdc.strings(
        POSTGRES,
        "SELECT slot_name FROM pg_replication_slots WHERE slot_name = '"
            + name
            + "' UNION ALL SELECT pubname FROM pg_publication WHERE pubname = '"
            + name
            + "'");
  }
}
