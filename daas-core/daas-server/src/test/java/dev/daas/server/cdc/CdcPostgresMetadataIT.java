package dev.daas.server.cdc;

import static dev.daas.server.cdc.TestingCdc.POSTGRES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change log, offsets and settings (migration V4) with the metadata store on PostgreSQL. */
@QuarkusTest
@TestProfile(CdcPostgresMetadataIT.OnPostgres.class)
class CdcPostgresMetadataIT {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  static final String DATABASE = "daas_it_cdc_metadata";
  private static final String SCHEMA = "daas_cdc_srv_meta";

  /** The metadata store in a fresh PostgreSQL database. */
  public static class OnPostgres implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.db-kind", "postgresql",
          "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
          "quarkus.datasource.username", "postgres",
          "quarkus.datasource.password", "");
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(FreshDatabase.class));
    }
  }

  /** Drops and re-creates the store's database before the application starts. */
  public static class FreshDatabase implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + DATABASE);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot prepare " + DATABASE, e);
      }
      return Map.of();
    }

    @Override
    public void stop() {}
  }

  @BeforeAll
  static void createTables() throws Exception {
    TestingAuth.asAdmin();
    TestingCdc.dropSlotsAndPublications("daas_cdcsrv_meta");
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".items (id int PRIMARY KEY, name text, price numeric(8,2))");
  }

  @AfterAll
  static void dropEverything() throws Exception {
    TestingCdc.dropSlotsAndPublications("daas_cdcsrv_meta");
    TestingCdc.execute(POSTGRES, "postgres", "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  @Test
  void changesAreLoggedAndResumedWithTheStoreOnPostgres() throws Exception {
    TestingCdc.register("cdcsrv-meta", POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming("cdcsrv-meta", "{\"enabled\":true}");
    String path = "/api/v1/cdcsrv-meta/" + TestingCdc.entityOf("cdcsrv-meta", "items") + "/changes";
    List<TestingSse.Event> events;
    try (TestingSse stream = TestingSse.open(path, null)) {
      TestingCdc.execute(
          POSTGRES,
          "postgres",
          "INSERT INTO " + SCHEMA + ".items VALUES (1, 'a', 1.10)",
          "INSERT INTO " + SCHEMA + ".items VALUES (2, 'b', 2.20)");
      events = stream.take(2, TestingCdc.WAIT);
    }
    try (TestingSse resumed = TestingSse.open(path, events.get(0).id())) {
      TestingSse.Event again = resumed.take(1, TestingCdc.WAIT).get(0);
      assertThat(again.id()).isEqualTo(events.get(1).id());
      assertThat(again.data()).isEqualTo(events.get(1).data());
    }
    given().delete("/admin/v1/sources/cdcsrv-meta").then().statusCode(204);
    assertThat(
            TestingCdc.strings(
                POSTGRES,
                "SELECT slot_name FROM pg_replication_slots WHERE slot_name = 'daas_cdcsrv_meta'"))
        .isEmpty();
  }

  @Inject CoarseChanges coarse;
  @Inject ChangeLog log;
  @Inject ChangeLogRetention retention;
  @Inject CdcSettingsStore settingsStore;
  @Inject AgroalDataSource metadata;

  @Test
  void coarseChangesTheirSequencesAndThePrunedHorizonWorkWithTheStoreOnPostgres() throws Exception {
    int status =
        given()
            .contentType(ContentType.JSON)
            .body(
                TestingSources.body("coarse-meta", TestingSources.h2("coarse_meta", ""), "sa", ""))
            .post("/admin/v1/sources")
            .statusCode();
    assertThat(status).isEqualTo(201);
    long sourceId = settingsStore.requireSourceId("coarse-meta");

    List<ChangeRecord> first =
        coarse.publish(
            "coarse-meta",
            "probe",
            Instant.parse("2026-11-30T05:00:00Z"),
            "probe:test:1",
            List.of(
                new CoarseChanges.Write("T_CUST", "update", 4),
                new CoarseChanges.Write("PUBLIC.T_CUST", "update", 2),
                new CoarseChanges.Write("T_ORD", "create", 1)));
    assertThat(first)
        .extracting(ChangeRecord::entity, ChangeRecord::sequence)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("t_cust", 1L),
            org.assertj.core.groups.Tuple.tuple("t_ord", 2L));
    assertThat(first.get(0).data()).contains("\"count\":6").contains("\"coarse\":true");
    assertThat(log.after(sourceId, "t_cust", 0, 10)).containsExactly(first.get(0));

    TestingRetention.pruneThrough(metadata, retention, sourceId, 2);
    assertThat(retention.prunedThrough(sourceId, List.of("t_cust", "t_ord"))).isEqualTo(2);
    List<ChangeRecord> next =
        coarse.publish(
            "coarse-meta",
            "probe",
            Instant.parse("2026-11-30T05:00:05Z"),
            "probe:test:2",
            List.of(new CoarseChanges.Write("t_cust", "delete", 1)));
    assertThat(next).extracting(ChangeRecord::sequence).as("never reused").containsExactly(3L);
  }
}
