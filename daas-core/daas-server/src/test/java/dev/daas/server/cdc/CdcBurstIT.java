package dev.daas.server.cdc;

import static dev.daas.server.cdc.TestingCdc.POSTGRES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.server.TestingAuth;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bursts and steady writes reach a stream complete and in order; logs the figures. */
@QuarkusTest
class CdcBurstIT {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  private static final Logger LOG = Logger.getLogger(CdcBurstIT.class);
  private static final String SCHEMA = "daas_cdc_srv_burst";
  private static final int ROWS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void createTables() throws Exception {
    TestingAuth.asAdmin();
    TestingCdc.dropSlotsAndPublications("daas_cdcsrv_burst");
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".ticks (id int PRIMARY KEY, step int)");
  }

  @AfterEach
  void removeSource() {
    given().delete("/admin/v1/sources/cdcsrv-burst");
  }

  @AfterAll
  static void dropEverything() throws Exception {
    TestingCdc.dropSlotsAndPublications("daas_cdcsrv_burst");
    TestingCdc.execute(POSTGRES, "postgres", "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  @Test
  void everyChangeOfABurstArrivesOnceAndInOrder() throws Exception {
    TestingCdc.register("cdcsrv-burst", POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming("cdcsrv-burst", "{\"enabled\":true}");
    String path =
        "/api/v1/cdcsrv-burst/" + TestingCdc.entityOf("cdcsrv-burst", "ticks") + "/changes";
    try (TestingSse stream = TestingSse.open(path, null)) {
      long started = System.nanoTime();
      try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", null);
          PreparedStatement ps =
              c.prepareStatement("INSERT INTO " + SCHEMA + ".ticks VALUES (?, 0)")) {
        c.setAutoCommit(false);
        for (int id = 1; id <= ROWS; id++) {
          ps.setInt(1, id);
          ps.addBatch();
          if (id % 100 == 0) {
            ps.executeBatch();
            c.commit();
          }
        }
      }
      long written = System.nanoTime();
      TestingCdc.awaitTrue(
          "capture of the burst",
          () ->
              given()
                      .get("/admin/v1/sources/cdcsrv-burst/cdc")
                      .then()
                      .extract()
                      .<Integer>path("eventsDelivered")
                  >= ROWS);
      long captured = System.nanoTime();
      List<TestingSse.Event> events = stream.take(ROWS, Duration.ofMinutes(3));
      long received = System.nanoTime();

      List<Integer> ids = new ArrayList<>();
      List<Long> lagMillis = new ArrayList<>();
      for (TestingSse.Event event : events) {
        JsonNode data = JSON.readTree(event.data());
        ids.add(data.path("key").path("id").asInt());
        lagMillis.add(
            Duration.between(
                    Instant.parse(data.path("sourceTimestamp").asText()), event.receivedAt())
                .toMillis());
      }
      assertThat(ids).hasSize(ROWS).isSorted().doesNotHaveDuplicates();
      assertThat(events).extracting(e -> Long.parseLong(e.id())).isSorted();
      Collections.sort(lagMillis);
      LOG.infof(
          "CDC burst: %d changes written in %d ms, captured and logged after %d ms, all streamed"
              + " after %d ms (%.0f changes/s end to end); commit-to-receipt lag p50 %d ms, p99"
              + " %d ms",
          ROWS,
          (written - started) / 1_000_000,
          (captured - started) / 1_000_000,
          (received - started) / 1_000_000,
          ROWS * 1e9 / (received - started),
          lagMillis.get(ROWS / 2),
          lagMillis.get(ROWS * 99 / 100));
    }
  }

  @Test
  void singleRowCommitsAtASteadyRateReachTheStreamInOrder() throws Exception {
    TestingCdc.register("cdcsrv-burst", POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming("cdcsrv-burst", "{\"enabled\":true}");
    String path =
        "/api/v1/cdcsrv-burst/" + TestingCdc.entityOf("cdcsrv-burst", "ticks") + "/changes";
    int changes = 1000;
    TestingCdc.execute(
        POSTGRES,
        "postgres",
        "INSERT INTO " + SCHEMA + ".ticks VALUES (0, 0) ON CONFLICT DO NOTHING");
    try (TestingSse stream = TestingSse.open(path, null);
        Connection c = DriverManager.getConnection(POSTGRES, "postgres", null);
        PreparedStatement ps =
            c.prepareStatement("UPDATE " + SCHEMA + ".ticks SET step = ? WHERE id = 0")) {
      long started = System.nanoTime();
      for (int step = 1; step <= changes; step++) {
        ps.setInt(1, step);
        ps.executeUpdate();
        long due = started + step * 5_000_000L; // 200 commits/s
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
      List<TestingSse.Event> events = stream.take(changes, Duration.ofMinutes(2));
      List<Long> lagMillis = new ArrayList<>();
      List<Integer> steps = new ArrayList<>();
      for (TestingSse.Event event : events) {
        JsonNode data = JSON.readTree(event.data());
        steps.add(data.path("after").path("step").asInt());
        lagMillis.add(
            Duration.between(
                    Instant.parse(data.path("sourceTimestamp").asText()), event.receivedAt())
                .toMillis());
      }
      assertThat(steps).hasSize(changes).isSorted().doesNotHaveDuplicates();
      Collections.sort(lagMillis);
      LOG.infof(
          "CDC steady: %d single-row commits at 200/s; commit-to-receipt lag p50 %d ms, p99 %d"
              + " ms, max %d ms",
          changes,
          lagMillis.get(changes / 2),
          lagMillis.get(changes * 99 / 100),
          lagMillis.get(changes - 1));
    }
  }
}
