package dev.daas.server.cdc;

import static dev.daas.server.cdc.TestingCdc.POSTGRES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.connector.debezium.SnapshotMode;
import dev.daas.server.TestingAuth;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capture that stops and starts again resumes from the offsets in the metadata store. */
@QuarkusTest
class CdcRestartIT {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  private static final String SCHEMA = "daas_cdc_srv_restart";
  private static final String SLOT_PREFIX = "daas_cdcsrv_r";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject AgroalDataSource metadata;
  @Inject CdcEngines engines;
  @Inject CdcSettingsStore settingsStore;

  @BeforeAll
  static void createTables() throws Exception {
    TestingAuth.asAdmin();
    TestingCdc.dropSlotsAndPublications(SLOT_PREFIX);
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".items (id int PRIMARY KEY, name text)");
  }

  @AfterEach
  void removeSources() {
    for (String source : List.of("cdcsrv-restart", "cdcsrv-reboot")) {
      given().delete("/admin/v1/sources/" + source);
    }
  }

  @AfterAll
  static void dropEverything() throws Exception {
    TestingCdc.dropSlotsAndPublications(SLOT_PREFIX);
    TestingCdc.execute(POSTGRES, "postgres", "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  @Test
  void changesWrittenWhileCaptureWasOffArriveWhenItIsOnAgainWithHigherSequences() throws Exception {
    TestingCdc.register("cdcsrv-restart", POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming("cdcsrv-restart", "{\"enabled\":true}");
    String path =
        "/api/v1/cdcsrv-restart/" + TestingCdc.entityOf("cdcsrv-restart", "items") + "/changes";
    String first;
    try (TestingSse stream = TestingSse.open(path, null)) {
      TestingCdc.execute(POSTGRES, "postgres", "INSERT INTO " + SCHEMA + ".items VALUES (1, 'a')");
      first = stream.take(1, TestingCdc.WAIT).get(0).id();
    }

    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\":false}")
        .post("/admin/v1/sources/cdcsrv-restart/cdc")
        .then()
        .statusCode(200)
        .body("state", equalTo("DISABLED"));
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "INSERT INTO " + SCHEMA + ".items VALUES (2, 'b')",
        "INSERT INTO " + SCHEMA + ".items VALUES (3, 'c')");
    TestingCdc.enableAndAwaitStreaming("cdcsrv-restart", "{\"enabled\":true}");

    try (TestingSse resumed = TestingSse.open(path, first)) {
      List<TestingSse.Event> events = resumed.take(2, TestingCdc.WAIT);
      assertThat(events)
          .extracting(e -> JSON.readTree(e.data()).path("key").path("id").asInt())
          .containsExactly(2, 3);
      assertThat(events)
          .extracting(e -> Long.parseLong(e.id()))
          .isSorted()
          .allSatisfy(id -> assertThat(id).isGreaterThan(Long.parseLong(first)));
    }
    assertThat(
            count(
                "SELECT count(*) FROM cdc_change c JOIN source s ON s.id = c.source_id"
                    + " WHERE s.name = 'cdcsrv-restart'"))
        .isEqualTo(3);
    assertThat(
            count(
                "SELECT count(*) FROM cdc_offset o JOIN source s ON s.id = o.source_id"
                    + " WHERE s.name = 'cdcsrv-restart'"))
        .isEqualTo(1);
  }

  @Test
  void enabledSourcesStartTheirEngineWithoutAnAdminCall() throws Exception {
    TestingCdc.register("cdcsrv-reboot", POSTGRES, "postgres", SCHEMA);
    settingsStore.save(
        settingsStore.requireSourceId("cdcsrv-reboot"),
        new CdcSettings(true, SnapshotMode.NO_DATA, List.of()));

    engines.supervise();

    TestingCdc.awaitTrue(
        "engine started by the supervisor", () -> engines.status("cdcsrv-reboot").streaming());
    String path =
        "/api/v1/cdcsrv-reboot/" + TestingCdc.entityOf("cdcsrv-reboot", "items") + "/changes";
    try (TestingSse stream = TestingSse.open(path, null)) {
      TestingCdc.execute(POSTGRES, "postgres", "UPDATE " + SCHEMA + ".items SET name = 'z'");
      assertThat(stream.take(1, TestingCdc.WAIT).get(0).data())
          .contains("\"operation\":\"update\"");
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = metadata.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
