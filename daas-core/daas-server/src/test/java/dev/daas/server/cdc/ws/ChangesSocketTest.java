package dev.daas.server.cdc.ws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.connector.debezium.ChangeEvent;
import dev.daas.connector.debezium.ChangeOperation;
import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import dev.daas.server.cdc.CdcSettingsStore;
import dev.daas.server.cdc.ChangeHub;
import dev.daas.server.cdc.ChangeLog;
import dev.daas.server.cdc.ChangeLogRetention;
import dev.daas.server.cdc.ChangeRecord;
import dev.daas.server.cdc.TestingRetention;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change streams over a real WebSocket connection (the JDK client). */
@QuarkusTest
class ChangesSocketTest {
  private static final String SOURCE = "ws";
  private static final String PATH = "/api/v1/ws/t_cust/changes/ws";
  private static final String WATCHER_POLICY =
      """
      {"grants":[{"entity":"t_cust","operations":["subscribe"],
        "columns":{"mode":"deny","fields":["c_bal"]},
        "masks":[{"field":"c_nm","kind":"hash"}],
        "rowFilter":"c_stat = 'A'"}]}
      """;
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static String watcherKey;

  @Inject ChangeLog log;
  @Inject ChangeHub hub;
  @Inject CdcSettingsStore settingsStore;
  @Inject ObjectMapper json;
  @Inject ChangeLogRetention retention;
  @Inject AgroalDataSource metadata;

  @BeforeEach
  void sourceWithWatcherPolicyAndKey() {
    TestingAuth.asAdmin();
    int status =
        given()
            .contentType(ContentType.JSON)
            .body(TestingSources.body(SOURCE, TestingSources.h2("ws_changes", ""), "sa", ""))
            .post("/admin/v1/sources")
            .statusCode();
    assertThat(status).isIn(201, 409);
    given()
        .contentType(ContentType.JSON)
        .body(WATCHER_POLICY)
        .put("/admin/v1/sources/ws/policies/watcher")
        .then()
        .statusCode(200);
    if (watcherKey == null) {
      watcherKey =
          given()
              .contentType(ContentType.JSON)
              .body("{\"name\":\"ws watcher\",\"roles\":[\"watcher\"]}")
              .post("/admin/v1/keys")
              .then()
              .statusCode(201)
              .extract()
              .path("key");
    }
  }

  @Test
  void refusesTheUpgradeWithoutACredentialWithoutThePermissionAndForAnUnknownEntity() {
    assertThat(refusal(PATH, null)).isEqualTo(401);
    assertThat(refusal(PATH, "Bearer daas_nope_nope")).isEqualTo(401);
    assertThat(refusal("/api/v1/ws/t_ord/changes/ws", "Bearer " + watcherKey)).isEqualTo(403);
    assertThat(refusal("/api/v1/ws/nothing/changes/ws", TestingAuth.ADMIN)).isEqualTo(404);
    assertThat(refusal(PATH + "?after=-3", TestingAuth.ADMIN)).isEqualTo(400);
    io.restassured.response.Response plain = given().get(PATH);
    assertThat(plain.statusCode()).as("a plain GET is no stream").isEqualTo(404);
  }

  @Test
  void sendsOnlyVisibleRowsWithMaskedColumnsResumingAfterTheSequenceThenLiveChanges()
      throws Exception {
    long start = SEQUENCE.get();
    feed(customer("Ada", "A"), customer("Bob", "I"), customer("Cy", "A"));
    TestingSocket watcher =
        TestingSocket.open(PATH + "?after=" + start, "Bearer " + watcherKey, true).join();
    TestingSocket admin =
        TestingSocket.open(PATH + "?after=" + (start + 1), TestingAuth.ADMIN, true).join();
    try {
      JsonNode ada = json.readTree(watcher.next());
      assertThat(ada.path("sequence").asLong()).isEqualTo(start + 1);
      assertThat(ada.path("after").has("c_bal")).isFalse();
      assertThat(ada.path("after").path("c_nm").asText()).isNotEqualTo("Ada").isNotEmpty();
      assertThat(json.readTree(watcher.next()).path("sequence").asLong()).isEqualTo(start + 3);

      feed(customer("Dee", "A"));
      JsonNode dee = json.readTree(watcher.next());
      assertThat(dee.path("sequence").asLong()).isEqualTo(start + 4);
      assertThat(dee.path("operation").asText()).isEqualTo("create");

      JsonNode bob = json.readTree(admin.next());
      assertThat(bob.path("sequence").asLong()).isEqualTo(start + 2);
      assertThat(bob.path("after").path("c_nm").asText()).isEqualTo("Bob");
      assertThat(bob.path("after").path("c_bal").asDouble()).isEqualTo(0.5);
      assertThat(watcher.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      watcher.close();
      admin.close();
    }
  }

  @Test
  void cutsOffAStalledClientWithACloseReasonNamingWhereToResumeWhileOthersKeepUp()
      throws Exception {
    TestingSocket stalled = TestingSocket.open(PATH, TestingAuth.ADMIN, false).join();
    TestingSocket reader = TestingSocket.open(PATH, TestingAuth.ADMIN, true).join();
    awaitSubscribers(2);
    String padding = "x".repeat(2000);
    long publishNanos = 0;
    try {
      // Not logged, only published: the hub is all a live stream reads. Paced by the reader, so
      // only the stalled client falls behind.
      for (int batch = 0; batch < 30; batch++) {
        List<ChangeRecord> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          records.add(padded(1_000_000L + batch * 1000L + i, padding));
        }
        long started = System.nanoTime();
        hub.publish(SOURCE, records);
        publishNanos = Math.max(publishNanos, System.nanoTime() - started);
        for (int i = 0; i < 1000; i++) {
          assertThat(json.readTree(reader.next()).path("sequence").asLong())
              .isEqualTo(1_000_000L + batch * 1000L + i);
        }
      }
      assertThat(publishNanos / 1_000_000).as("publishing never waits").isLessThan(1000);
      stalled.drain();
      String close = stalled.closed.get(60, TimeUnit.SECONDS);
      assertThat(close).startsWith("4008 cut off: fell behind; reconnect with ?after=");
      String last = null;
      for (String message : stalled.messages) {
        last = message;
      }
      JsonNode cutOff = json.readTree(last);
      assertThat(cutOff.path("event").asText()).isEqualTo("cut-off");
      assertThat(close).endsWith("?after=" + cutOff.path("lastEventId").asLong() + " to resume");
      assertThat(cutOff.path("reason").asText()).contains("?after=").doesNotContain("Last-Event");
    } finally {
      stalled.close();
      reader.close();
    }
  }

  private static ChangeRecord padded(long sequence, String padding) {
    return new ChangeRecord(
        sequence,
        "t_cust",
        "{\"entity\":\"t_cust\",\"operation\":\"create\",\"key\":{\"cust_id\":1},"
            + "\"before\":null,\"after\":{\"cust_id\":1,\"c_nm\":\""
            + padding
            + "\",\"c_stat\":\"A\"},\"sequence\":"
            + sequence
            + "}");
  }

  private void awaitSubscribers(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (hub.subscribers(SOURCE) < count) {
      assertThat(System.nanoTime()).as("subscribed in time").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void aResumePointBehindTheRetainedLogGetsAGapMessageFirst() throws Exception {
    long start = SEQUENCE.get();
    feed(customer("Hal", "A"), customer("Ida", "A"), customer("Jon", "A"));
    long sourceId = settingsStore.requireSourceId(SOURCE);
    TestingRetention.pruneThrough(metadata, retention, sourceId, start + 2);

    TestingSocket socket =
        TestingSocket.open(PATH + "?after=" + start, TestingAuth.ADMIN, true).join();
    try {
      JsonNode gap = json.readTree(socket.next());
      assertThat(gap.path("event").asText()).isEqualTo("gap");
      assertThat(gap.path("after").asLong()).isEqualTo(start);
      assertThat(gap.path("oldestAvailable").asLong()).isEqualTo(start + 3);
      assertThat(json.readTree(socket.next()).path("sequence").asLong()).isEqualTo(start + 3);
    } finally {
      socket.close();
    }
  }

  private int refusal(String path, String authorization) {
    Throwable thrown = catchThrowable(() -> TestingSocket.open(path, authorization, true).join());
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof WebSocketHandshakeException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("refused handshake").isInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) cause).getResponse().statusCode();
  }

  private void feed(ChangeEvent... events) {
    long sourceId = settingsStore.requireSourceId(SOURCE);
    hub.publish(SOURCE, log.append(sourceId, List.of(events), (schema, table) -> "t_cust"));
  }

  private static ChangeEvent customer(String name, String status) {
    long sequence = SEQUENCE.incrementAndGet();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("cust_id", (int) sequence);
    after.put("c_nm", name);
    after.put("c_stat", status);
    after.put("c_bal", 0.5);
    return new ChangeEvent(
        SOURCE,
        "PUBLIC",
        "T_CUST",
        Map.of("cust_id", (int) sequence),
        null,
        after,
        ChangeOperation.CREATE,
        Instant.parse("2026-01-02T03:04:05Z"),
        "tx" + sequence,
        "lsn=" + sequence,
        sequence);
  }
}
