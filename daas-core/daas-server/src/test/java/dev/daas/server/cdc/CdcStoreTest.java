package dev.daas.server.cdc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.connector.debezium.ChangeEvent;
import dev.daas.connector.debezium.ChangeOperation;
import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change log and the offset store on the (H2) metadata store. */
@QuarkusTest
class CdcStoreTest {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  @Inject ChangeLog log;
  @Inject ChangeLogRetention retention;
  @Inject MetadataOffsetStore offsets;
  @Inject CdcSettingsStore settingsStore;

  @AfterEach
  void removeSource() {
    given().delete("/admin/v1/sources/cdc-store");
  }

  @Test
  void theLogPagesByEntityAndPrunesTheOldestBeyondTheRowBound() {
    long sourceId = register();
    List<ChangeEvent> batch =
        LongStream.rangeClosed(1, 10)
            .mapToObj(s -> event(s, s % 2 == 0 ? "T_ORD" : "T_CUST"))
            .toList();

    List<ChangeRecord> records =
        log.append(
            sourceId, batch, (schema, table) -> table.equals("T_CUST") ? "customers" : table);

    assertThat(records).extracting(ChangeRecord::entity).startsWith("customers", "T_ORD");
    assertThat(records.get(0).data())
        .isEqualTo(
            "{\"entity\":\"customers\",\"operation\":\"update\",\"key\":{\"id\":1},"
                + "\"before\":{\"id\":1,\"name\":\"old\"},\"after\":{\"id\":1,\"name\":\"new\"},"
                + "\"sourceTimestamp\":\"2026-01-02T03:04:05Z\",\"transactionId\":\"tx1\","
                + "\"sequence\":1}");
    List<ChangeRecord> page = log.after(sourceId, "customers", 1, 2);
    assertThat(page).extracting(ChangeRecord::sequence).containsExactly(3L, 5L);
    assertThat(page.get(0).data()).isEqualTo(records.get(2).data());

    retention.prune(Duration.ofHours(1), 4);
    assertThat(log.after(sourceId, "customers", 0, 100))
        .extracting(ChangeRecord::sequence)
        .containsExactly(7L, 9L);
    retention.prune(Duration.ZERO, 1000);
    assertThat(log.after(sourceId, "T_ORD", 0, 100)).isEmpty();
  }

  @Test
  void offsetsRoundTripAndTheSequenceResumesAboveTheLoggedChanges() {
    long sourceId = register();
    assertThat(offsets.loadOffsets("cdc-store")).isEmpty();
    offsets.saveOffsets(
        "cdc-store", Map.of("{\"server\":\"x\"}", "{\"lsn\":1}", "daas.sequence", "2"));
    offsets.saveOffsets(
        "cdc-store", Map.of("{\"server\":\"x\"}", "{\"lsn\":2}", "daas.sequence", "3"));
    log.append(sourceId, List.of(event(7, "T_CUST")), (schema, table) -> table);

    assertThat(offsets.loadOffsets("cdc-store"))
        .containsEntry("{\"server\":\"x\"}", "{\"lsn\":2}")
        .containsEntry("daas.sequence", "7");

    offsets.appendSchemaHistory("cdc-store", "{\"ddl\":\"a\"}");
    offsets.appendSchemaHistory("cdc-store", "{\"ddl\":\"b\"}");
    assertThat(offsets.loadSchemaHistory("cdc-store"))
        .containsExactly("{\"ddl\":\"a\"}", "{\"ddl\":\"b\"}");
    offsets.delete("cdc-store");
    assertThat(offsets.loadSchemaHistory("cdc-store")).isEmpty();
    assertThat(offsets.loadOffsets("cdc-store")).containsOnlyKeys("daas.sequence");
  }

  @Test
  void anH2SourceCannotBeCapturedAndBadSettingsAreListed() {
    register();
    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\":true}")
        .post("/admin/v1/sources/cdc-store/cdc")
        .then()
        .statusCode(400)
        .body("code", org.hamcrest.Matchers.equalTo("validation-failed"))
        .body("detail", org.hamcrest.Matchers.containsString("PostgreSQL, MariaDB and MySQL"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"snapshotMode\":\"sometimes\",\"tables\":[\"nodot\"]}")
        .post("/admin/v1/sources/cdc-store/cdc")
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            org.hamcrest.Matchers.contains("enabled", "snapshotMode", "tables"));
    given()
        .get("/admin/v1/sources/cdc-store/cdc")
        .then()
        .statusCode(200)
        .body("state", org.hamcrest.Matchers.equalTo("DISABLED"));
  }

  private long register() {
    String url = TestingSources.h2("cdcstore", "pw");
    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body("cdc-store", url, "sa", "pw"))
        .post("/admin/v1/sources")
        .then()
        .statusCode(201);
    return settingsStore.requireSourceId("cdc-store");
  }

  private static ChangeEvent event(long sequence, String table) {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("id", (int) sequence);
    before.put("name", "old");
    Map<String, Object> after = new LinkedHashMap<>(before);
    after.put("name", "new");
    return new ChangeEvent(
        "cdc-store",
        "PUBLIC",
        table,
        Map.of("id", (int) sequence),
        before,
        after,
        ChangeOperation.UPDATE,
        Instant.parse("2026-01-02T03:04:05Z"),
        "tx" + sequence,
        "lsn=" + sequence,
        sequence);
  }
}
