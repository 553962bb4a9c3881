package dev.daas.server.cdc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.connector.debezium.ChangeEvent;
import dev.daas.connector.debezium.ChangeOperation;
import dev.daas.server.TestingAuth;
import dev.daas.server.probe.ProbeIngestTest;
import dev.daas.server.store.Leases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe's observed writes as coarse change notifications on an H2 source, which log-based
 * capture cannot read: counts per entity and operation, policy, resume, duplicates.
 */
@QuarkusTest
class CoarseChangesTest {
  private static final String SOURCE = "coarse";
  private static final String PATH = "/api/v1/coarse/t_cust/changes";
  private static String probeToken;
  private static String watcherKey;
  private static String readerKey;

  @Inject ChangeLog log;
  @Inject ChangeHub hub;
  @Inject CdcSettingsStore settingsStore;
  @Inject Leases leases;
  @Inject ObjectMapper json;

  @BeforeEach
  void sourceWithProbeTokenPoliciesAndKeys() {
    TestingAuth.asAdmin();
    if (probeToken != null) {
      return;
    }
    probeToken = ProbeIngestTest.sourceWithToken(SOURCE);
    policy("watcher", ",\"rowFilter\":\"c_stat = 'A'\"");
    policy("reader", "");
    watcherKey = key("watcher");
    readerKey = key("reader");
  }

  @Test
  void writesBecomeCoarseEventsWithCountsForReadersWithoutRowConditionsOnly() throws Exception {
    long sourceId = settingsStore.requireSourceId(SOURCE);
    long before = log.lastSequence(sourceId);
    try (TestingSse reader = TestingSse.open(PATH, null, "Bearer " + readerKey);
        TestingSse watcher = TestingSse.open(PATH, null, "Bearer " + watcherKey);
        TestingSse orders = TestingSse.open("/api/v1/coarse/t_ord/changes", null)) {
      String batch = batch(UUID.randomUUID().toString(), 1);

      accepted(batch);

      JsonNode update = json.readTree(reader.take(1, Duration.ofSeconds(10)).get(0).data());
      assertThat(update.path("entity").asText()).isEqualTo("t_cust");
      assertThat(update.path("operation").asText()).isEqualTo("update");
      assertThat(update.path("coarse").asBoolean()).isTrue();
      assertThat(update.path("channel").asText()).isEqualTo("probe");
      assertThat(update.path("count").asLong()).isEqualTo(12);
      assertThat(update.path("key").isNull()).isTrue();
      assertThat(update.path("after").isNull()).isTrue();
      assertThat(update.path("sourceTimestamp").asText()).isEqualTo("2026-11-29T22:00:05Z");
      assertThat(update.path("sequence").asLong()).isGreaterThan(before);

      List<JsonNode> orderEvents =
          orders.take(2, Duration.ofSeconds(10)).stream().map(e -> read(e.data())).toList();
      assertThat(orderEvents)
          .extracting(e -> e.path("operation").asText() + " " + e.path("count").asLong())
          .as("failed executions are not writes; merge is insert or update")
          .containsExactly("create 2", "merge 5");

      // A visible row after the coarse event: the watcher's first event must be that row.
      long next = log.lastSequence(sourceId) + 1;
      hub.publish(
          SOURCE,
          log.append(sourceId, List.of(customer(next, "Ada", "A")), (schema, table) -> "t_cust"));
      JsonNode seen = json.readTree(watcher.take(1, Duration.ofSeconds(10)).get(0).data());
      assertThat(seen.path("sequence").asLong()).isEqualTo(next);
      assertThat(seen.has("coarse")).isFalse();
      assertThat(reader.take(1, Duration.ofSeconds(10)).get(0).id()).isEqualTo(Long.toString(next));

      // Resume: the coarse event comes back from the log.
      try (TestingSse resumed =
          TestingSse.open(PATH, Long.toString(update.path("sequence").asLong() - 1))) {
        JsonNode again = json.readTree(resumed.take(1, Duration.ofSeconds(10)).get(0).data());
        assertThat(again).isEqualTo(update);
      }

      // The same batch again (a retry): acknowledged as a duplicate, nothing emitted.
      long last = log.lastSequence(sourceId);
      ProbeIngestTest.post(probeToken, batch)
          .then()
          .statusCode(200)
          .body("duplicate", org.hamcrest.Matchers.equalTo(true));
      assertThat(log.lastSequence(sourceId)).isEqualTo(last);
      assertThat(reader.drain(Duration.ofMillis(300))).isEmpty();
    }
  }

  @Test
  void noCoarseEventsWhileLogBasedCaptureHoldsTheSource() throws Exception {
    long sourceId = settingsStore.requireSourceId(SOURCE);
    assertThat(leases.acquire(CdcEngines.leaseName(sourceId), Duration.ofMinutes(1))).isTrue();
    try {
      long last = log.lastSequence(sourceId);
      accepted(batch(UUID.randomUUID().toString(), 1));
      assertThat(log.lastSequence(sourceId)).isEqualTo(last);
    } finally {
      leases.release(CdcEngines.leaseName(sourceId));
    }
    long last = log.lastSequence(sourceId);
    ProbeIngestTest.post(probeToken, batch(UUID.randomUUID().toString(), 1)).then().statusCode(200);
    assertThat(log.lastSequence(sourceId)).isEqualTo(last + 3);
  }

  static ChangeEvent customer(long sequence, String name, String status) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("cust_id", (int) sequence);
    after.put("c_nm", name);
    after.put("c_stat", status);
    return new ChangeEvent(
        SOURCE,
        "PUBLIC",
        "T_CUST",
        Map.of("cust_id", (int) sequence),
        null,
        after,
        ChangeOperation.CREATE,
        Instant.parse("2026-11-30T01:00:00Z"),
        "tx" + sequence,
        "test:" + sequence,
        sequence);
  }

  private static void accepted(String batch) {
    io.restassured.response.Response response = ProbeIngestTest.post(probeToken, batch);
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
  }

  private JsonNode read(String data) {
    try {
      return json.readTree(data);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void policy(String role, String rowFilter) {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"grants\":[{\"entity\":\"t_cust\",\"operations\":[\"subscribe\"]"
                + rowFilter
                + "}]}")
        .put("/admin/v1/sources/" + SOURCE + "/policies/" + role)
        .then()
        .statusCode(200);
  }

  private static String key(String role) {
    return given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"coarse " + role + "\",\"roles\":[\"" + role + "\"]}")
        .post("/admin/v1/keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  private static final String L =
      "{\"sum\": 10, \"max\": 5, \"bounds\": [100], \"counts\": [1, 0]}";

  /** A batch with writes to T_CUST and T_ORD, a read, and a write to a table outside the model. */
  static String batch(String probeId, long sequence) {
    return """
        {"protocol": 1, "source": "coarse", "sequence": %d,
         "intervalStart": "2026-11-29T22:00:00Z", "intervalEnd": "2026-11-29T22:00:05Z",
         "probe": {"id": "%s", "pid": 7, "host": "h", "jvm": "17", "application": "erp",
                   "agentVersion": "0.1.0", "startedAt": "2026-11-29T21:58:01Z",
                   "attachedAt": "2026-11-29T21:58:01Z", "attach": "launch", "frameworks": []},
         "statements": [
           {"template": "update T_CUST set C_STAT = ? where CUST_ID = ?", "operation": "update",
            "count": 12, "errors": 0, "rows": 12, "latencyMicros": %s},
           {"template": "insert into T_ORD (ORD_NO, CUST_ID) values (?, ?)", "operation": "insert",
            "count": 3, "errors": 1, "rows": 2, "latencyMicros": %s},
           {"template": "merge into T_ORD o using (select ? as ORD_NO) s on (o.ORD_NO = s.ORD_NO) when matched then update set o.CUST_ID = ? when not matched then insert (ORD_NO, CUST_ID) values (?, ?)",
            "operation": "merge",
            "count": 5, "errors": 0, "rows": 5, "latencyMicros": %s},
           {"template": "select C_NM from T_CUST where CUST_ID = ?", "operation": "select",
            "count": 40, "errors": 0, "rows": 40, "latencyMicros": %s},
           {"template": "delete from T_NOT_MODELLED where ID = ?", "operation": "delete",
            "count": 4, "errors": 0, "rows": 4, "latencyMicros": %s}],
         "mappings": [],
         "dropped": {"statements": 0, "observations": 0, "mappings": 0, "batches": 0}}
        """
        .formatted(sequence, probeId, L, L, L, L, L);
  }
}
