package dev.daas.server.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.connector.debezium.ChangeEvent;
import dev.daas.connector.debezium.ChangeOperation;
import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import dev.daas.server.cdc.CdcSettingsStore;
import dev.daas.server.cdc.ChangeLog;
import dev.daas.server.cdc.ChangeLogRetention;
import dev.daas.server.cdc.TestingRetention;
import dev.daas.server.store.Leases;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks against a real receiving HTTP server; changes are fed through the change log. */
@QuarkusTest
class WebhooksTest {
  private static final String SOURCE = "hooks";
  private static final String BASE = "/admin/v1/sources/hooks/webhooks";
  private static final String POLICY =
      """
      {"grants":[{"entity":"t_cust","operations":["subscribe"],
        "columns":{"mode":"deny","fields":["c_bal"]},
        "masks":[{"field":"c_nm","kind":"hash"}],
        "rowFilter":"c_stat = 'A'"}]}
      """;
  private static final AtomicLong SEQUENCE = new AtomicLong();

  @Inject ChangeLog log;
  @Inject CdcSettingsStore settingsStore;
  @Inject WebhookDeliveries deliveries;
  @Inject ObjectMapper json;
  @Inject Leases leases;
  @Inject ChangeLogRetention retention;
  @Inject AgroalDataSource metadata;

  @BeforeEach
  void sourceWithPolicy() {
    TestingAuth.asAdmin();
    int status =
        given()
            .contentType(ContentType.JSON)
            .body(TestingSources.body(SOURCE, TestingSources.h2("webhooks", ""), "sa", ""))
            .post("/admin/v1/sources")
            .statusCode();
    assertThat(status).isIn(201, 409);
    given()
        .contentType(ContentType.JSON)
        .body(POLICY)
        .put("/admin/v1/sources/hooks/policies/hookreader")
        .then()
        .statusCode(200);
  }

  @Test
  void refusesNonHttpUrlsUnknownEntitiesAndFieldsListingEveryViolation() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"url\":\"ftp://example.com/x\",\"entities\":[\"t_cust\",\"nope\"],\"role\":\"\"}")
        .post(BASE)
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"))
        .body("violations.field", contains("url", "entities", "role"))
        .body("violations[0].message", containsString("http:// or https://"))
        .body("violations[1].message", containsString("'nope'"));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"url\":\"https://example.com/x\",\"entities\":[\"t_cust\"],\"role\":\"r\",\"x\":1}")
        .post(BASE)
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"url\":\"https://example.com/x\",\"entities\":[\"t_ord\"],\"role\":\"hookreader\"}")
        .post(BASE)
        .then()
        .statusCode(400)
        .body("violations.field", contains("role"))
        .body("violations[0].message", containsString("grants 'subscribe' on 't_ord'"));
    given().get(BASE + "/wh_missing/dead-letters").then().statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body("{\"url\":\"https://example.com/x\",\"entities\":[\"t_cust\"],\"role\":\"admin\"}")
        .post(BASE)
        .then()
        .statusCode(400)
        .body("violations[0].message", containsString("must not be 'admin'"));
  }

  @Test
  void aReplayShapesUnderTheCurrentPolicyAndWithholdsWhatTheRoleMayNoLongerSee() throws Exception {
    TestingReceiver down = new TestingReceiver(0);
    int port = down.port();
    Response created = create(down.url());
    String id = created.jsonPath().getString("id");
    down.close();
    feed(customer("Ola", "A"));
    await("a dead letter", () -> deadLetters(id).size() == 1);
    try {
      given()
          .contentType(ContentType.JSON)
          .body("{\"grants\":[{\"entity\":\"t_ord\",\"operations\":[\"subscribe\"]}]}")
          .put("/admin/v1/sources/hooks/policies/hookreader")
          .then()
          .statusCode(200);
      try (TestingReceiver back = new TestingReceiver(port)) {
        back.secret = created.jsonPath().getString("secret");
        given()
            .contentType(ContentType.JSON)
            .body("{}")
            .post(BASE + "/" + id + "/dead-letters/replay")
            .then()
            .statusCode(200)
            .body("delivered", equalTo(0))
            .body("withheld", equalTo(1));
        assertThat(back.accepted).as("nothing the role may no longer see").isEmpty();
        assertThat(deadLetters(id)).isEmpty();
      }
    } finally {
      given().delete(BASE + "/" + id).then().statusCode(204);
    }
  }

  @Test
  void deliversABurstOnceEachInLogOrder() throws Exception {
    try (TestingReceiver receiver = new TestingReceiver(0)) {
      Response created = create(receiver.url());
      String id = created.jsonPath().getString("id");
      receiver.secret = created.jsonPath().getString("secret");
      long first = SEQUENCE.get() + 1;
      ChangeEvent[] burst = new ChangeEvent[300];
      for (int i = 0; i < burst.length; i++) {
        burst[i] = customer("C" + i, "A");
      }
      long started = System.nanoTime();
      feed(burst);
      await("the burst", () -> receiver.accepted.size() >= burst.length);
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.printf("webhook burst: %d events delivered in %d ms%n", burst.length, millis);
      assertThat(receiver.accepted)
          .extracting(d -> Long.parseLong(d.header("DaaS-Event-Id")))
          .containsExactlyElementsOf(
              java.util.stream.LongStream.range(first, first + burst.length).boxed().toList());
      given().delete(BASE + "/" + id).then().statusCode(204);
    }
  }

  @Test
  void deliversSignedFilteredEventsRetriesFailuresDeadLettersWhenDownAndReplays() throws Exception {
    TestingReceiver receiver = new TestingReceiver(0);
    int port = receiver.port();
    String id;
    long ada = SEQUENCE.get() + 1;
    try {
      Response created = create(receiver.url());
      id = created.jsonPath().getString("id");
      receiver.secret = created.jsonPath().getString("secret");
      assertThat(receiver.secret).startsWith("whsec_");
      assertThat(created.header("Cache-Control")).isEqualTo("no-store");
      given().get(BASE).then().statusCode(200).body(not(containsString("whsec_")));

      receiver.failures.set(2);
      feed(customer("Ada", "A"), customer("Bob", "I"), customer("Cy", "A"));
      await("two deliveries", () -> receiver.accepted.size() >= 2);
      assertThat(receiver.requests.get()).as("two failures retried").isEqualTo(4);
      assertThat(receiver.accepted).allMatch(TestingReceiver.Delivery::validSignature);
      TestingReceiver.Delivery first = receiver.accepted.get(0);
      assertThat(first.header("DaaS-Event-Id")).isEqualTo(Long.toString(ada));
      assertThat(first.header("DaaS-Signature")).startsWith("t=" + first.header("DaaS-Timestamp"));
      JsonNode event = json.readTree(first.body());
      assertThat(event.path("after").has("c_bal")).isFalse();
      assertThat(event.path("after").path("c_nm").asText()).isNotEqualTo("Ada");
      assertThat(json.readTree(receiver.accepted.get(1).body()).path("sequence").asLong())
          .as("Bob is filtered out")
          .isEqualTo(ada + 2);
      await("cursor", () -> cursor(id) == ada + 2);
    } finally {
      receiver.close();
    }

    feed(customer("Dee", "A"));
    await("a dead letter", () -> deadLetters(id).size() == 1);
    String metrics =
        given()
            .header("Authorization", TestingAuth.ADMIN)
            .get("/q/metrics")
            .then()
            .extract()
            .asString();
    assertThat(metrics)
        .containsPattern(
            "daas_webhook_attempts_seconds_count\\{outcome=\"failed\",source=\"[^\"]+\",webhook=\""
                + id
                + "\",?\\} [5-9]")
        .containsPattern(
            "daas_webhook_attempts_seconds_count\\{outcome=\"delivered\",source=\"[^\"]+\",webhook=\""
                + id
                + "\",?\\} 2")
        .containsPattern(
            "daas_webhook_dead_letters_total\\{source=\"[^\"]+\",webhook=\"" + id + "\",?\\} 1");
    JsonNode letter = deadLetters(id).get(0);
    assertThat(letter.path("sequence").asLong()).isEqualTo(ada + 3);
    assertThat(letter.path("attempts").asInt()).isEqualTo(3);
    assertThat(letter.path("event").path("after").has("c_bal")).isFalse();
    await("cursor past the dead letter", () -> cursor(id) == ada + 3);
    feed(customer("Eli", "A"));
    await("a second dead letter", () -> deadLetters(id).size() == 2);
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post(BASE + "/" + id + "/dead-letters/replay")
        .then()
        .statusCode(200)
        .body("delivered", equalTo(0))
        .body("failed", equalTo(1))
        .body("notAttempted", equalTo(1));
    assertThat(deadLetters(id)).as("a replay to a receiver still down keeps them").hasSize(2);

    try (TestingReceiver back = new TestingReceiver(port)) {
      back.secret = receiver.secret;
      given()
          .contentType(ContentType.JSON)
          .body("{\"ids\":[987654321]}")
          .post(BASE + "/" + id + "/dead-letters/replay")
          .then()
          .statusCode(400);
      given()
          .contentType(ContentType.JSON)
          .body("{}")
          .post(BASE + "/" + id + "/dead-letters/replay")
          .then()
          .statusCode(200)
          .body("delivered", equalTo(2))
          .body("failed", equalTo(0))
          .body("notAttempted", equalTo(0));
      assertThat(back.accepted).hasSize(2);
      assertThat(back.accepted.get(0).validSignature()).isTrue();
      assertThat(back.accepted)
          .extracting(d -> d.header("DaaS-Event-Id"))
          .as("in the order they failed")
          .containsExactly(Long.toString(ada + 3), Long.toString(ada + 4));
      assertThat(deadLetters(id)).isEmpty();
    } finally {
      given().delete(BASE + "/" + id).then().statusCode(204);
    }
    given().get(BASE + "/" + id).then().statusCode(404);
  }

  @Test
  void resumesFromTheStoredCursorWhenDeliveriesStartAgain() throws Exception {
    try (TestingReceiver receiver = new TestingReceiver(0)) {
      Response created = create(receiver.url());
      String id = created.jsonPath().getString("id");
      receiver.secret = created.jsonPath().getString("secret");
      feed(customer("Eve", "A"));
      await("first delivery", () -> receiver.accepted.size() == 1);

      deliveries.stop(id);
      long fay = SEQUENCE.get() + 1;
      feed(customer("Fay", "A"), customer("Gus", "A"));
      Thread.sleep(300);
      assertThat(receiver.accepted).as("nothing while stopped").hasSize(1);
      deliveries.restart();
      await("the two logged meanwhile", () -> receiver.accepted.size() == 3);
      assertThat(receiver.accepted.subList(1, 3))
          .extracting(d -> d.header("DaaS-Event-Id"))
          .containsExactly(Long.toString(fay), Long.toString(fay + 1));
      given().delete(BASE + "/" + id).then().statusCode(204);
    }
  }

  @Test
  void anotherInstanceHoldingTheLeaseDeliversAloneAndThisOneTakesOverWhenItIsFree()
      throws Exception {
    try (TestingReceiver receiver = new TestingReceiver(0)) {
      Response created = create(receiver.url());
      String id = created.jsonPath().getString("id");
      receiver.secret = created.jsonPath().getString("secret");
      String lease = WebhookDeliveries.leaseName(id);
      assertThat(deliveries.delivers(id)).isTrue();

      // the other instance takes the lease (as after this one missed renewing it)
      leases.release(lease, leases.holder());
      assertThat(leases.acquire(lease, Duration.ofMinutes(5), "other-host/0000")).isTrue();
      deliveries.supervise();
      assertThat(deliveries.delivers(id)).isFalse();
      long hal = SEQUENCE.get() + 1;
      feed(customer("Hal", "A"));
      Thread.sleep(300);
      assertThat(receiver.accepted).as("the other instance delivers, not this one").isEmpty();

      leases.release(lease, "other-host/0000");
      deliveries.supervise();
      await("delivery after the takeover", () -> receiver.accepted.size() == 1);
      assertThat(receiver.accepted.get(0).header("DaaS-Event-Id")).isEqualTo(Long.toString(hal));
      assertThat(leases.holderOf(lease)).hasValue(leases.holder());
      given().delete(BASE + "/" + id).then().statusCode(204);
      assertThat(leases.holderOf(lease)).as("deleting gives the lease up").isEmpty();
    }
  }

  @Test
  void aCoarseChangeIsNotDeliveredToARoleWithARowFilter() throws Exception {
    try (TestingReceiver receiver = new TestingReceiver(0)) {
      Response created = create(receiver.url());
      String id = created.jsonPath().getString("id");
      receiver.secret = created.jsonPath().getString("secret");
      long coarse = SEQUENCE.incrementAndGet();
      log.appendCoarse(
          settingsStore.requireSourceId(SOURCE),
          coarse,
          "probe",
          List.of(new ChangeLog.CoarseChange("t_cust", "PUBLIC", "T_CUST", "update", 3)),
          Instant.now(),
          "test");
      feed(customer("Nia", "A"));

      await("the visible row", () -> receiver.accepted.size() == 1);
      assertThat(receiver.accepted.get(0).header("DaaS-Event-Id"))
          .isEqualTo(Long.toString(coarse + 1));
      assertThat(receiver.accepted.get(0).body()).doesNotContain("coarse");
      await("the cursor past both", () -> cursor(id) == coarse + 1);
      given().delete(BASE + "/" + id).then().statusCode(204);
    }
  }

  @Test
  void aCursorBehindTheRetainedLogRecordsTheGapAsADeadLetterAndGoesOn() throws Exception {
    try (TestingReceiver receiver = new TestingReceiver(0)) {
      Response created = create(receiver.url());
      String id = created.jsonPath().getString("id");
      receiver.secret = created.jsonPath().getString("secret");
      deliveries.stop(id);
      long start = SEQUENCE.get();
      feed(customer("Kim", "A"), customer("Lou", "A"), customer("Max", "A"));
      long sourceId = settingsStore.requireSourceId(SOURCE);
      TestingRetention.pruneThrough(metadata, retention, sourceId, start + 2);

      deliveries.restart();
      await("the change kept", () -> receiver.accepted.size() == 1);
      assertThat(receiver.accepted.get(0).header("DaaS-Event-Id"))
          .isEqualTo(Long.toString(start + 3));
      List<JsonNode> letters = deadLetters(id);
      assertThat(letters).hasSize(1);
      assertThat(letters.get(0).path("entity").asText()).isEqualTo("*");
      assertThat(letters.get(0).path("sequence").asLong()).isEqualTo(start + 2);
      assertThat(letters.get(0).path("lastError").asText()).startsWith("gap: changes after");
      assertThat(letters.get(0).path("event").path("oldestAvailable").asLong())
          .isEqualTo(start + 3);
      given().delete(BASE + "/" + id).then().statusCode(204);
    }
  }

  private Response create(String url) {
    Response created =
        given()
            .contentType(ContentType.JSON)
            .body(
                "{\"url\":\""
                    + url
                    + "\",\"entities\":[\"t_cust\"],\"role\":\"hookreader\","
                    + "\"description\":\"test receiver\"}")
            .post(BASE);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return created;
  }

  private long cursor(String id) {
    return given()
        .get(BASE + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("cursor");
  }

  private List<JsonNode> deadLetters(String id) {
    String body =
        given().get(BASE + "/" + id + "/dead-letters").then().statusCode(200).extract().asString();
    List<JsonNode> letters = new java.util.ArrayList<>();
    try {
      json.readTree(body).forEach(letters::add);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return letters;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private void feed(ChangeEvent... events) {
    log.append(settingsStore.requireSourceId(SOURCE), List.of(events), (s, t) -> "t_cust");
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
