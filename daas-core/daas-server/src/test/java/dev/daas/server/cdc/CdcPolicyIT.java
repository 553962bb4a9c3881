package dev.daas.server.cdc;

import static dev.daas.server.cdc.TestingCdc.POSTGRES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.server.TestingAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reader's change stream from the local PostgreSQL under a row filter on decimals (one without a
 * declared scale) and a time with offset, and masks on a timestamp and a decimal: exactly the rows
 * the data API shows arrive, with the data API's masked values.
 */
@QuarkusTest
class CdcPolicyIT {
  private static final String SCHEMA = "daas_cdc_pol";
  private static final String SLOT_PREFIX = "daas_cdcpol_";
  private static final String SOURCE = "cdcpol-pg";
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void createTables() throws Exception {
    TestingAuth.asAdmin();
    TestingCdc.createSchema(
        SLOT_PREFIX,
        SCHEMA,
        "CREATE TABLE "
            + SCHEMA
            + ".pay (id int PRIMARY KEY, amount numeric(30,12),"
            + " created_at timestamptz, booked timestamp, fee numeric(12,4), total numeric)",
        "ALTER TABLE " + SCHEMA + ".pay REPLICA IDENTITY FULL");
  }

  @AfterEach
  void removeSource() {
    TestingAuth.asAdmin();
    given().delete("/admin/v1/sources/" + SOURCE);
  }

  @AfterAll
  static void dropEverything() throws Exception {
    TestingCdc.dropSchema(SLOT_PREFIX, SCHEMA);
  }

  @Test
  void aReaderStreamCarriesExactlyTheRowsAndMasksTheDataApiShowsIt() throws Exception {
    TestingAuth.asAdmin();
    TestingCdc.register(SOURCE, POSTGRES, "postgres", SCHEMA);
    TestingCdc.enableAndAwaitStreaming(SOURCE, "{\"enabled\":true}");
    String entity = TestingCdc.entityOf(SOURCE, "pay");
    String policy =
        "{\"grants\":[{\"entity\":\""
            + entity
            + "\",\"operations\":[\"read\",\"subscribe\"],"
            + "\"masks\":[{\"field\":\"booked\",\"kind\":\"hash\"},"
            + "{\"field\":\"fee\",\"kind\":\"partial\",\"keepLast\":3}],"
            + "\"rowFilter\":\"amount > 100 AND created_at >= '2026-01-01T00:00:00Z'"
            + " AND total < 2\"}]}";
    Response saved =
        given()
            .contentType(ContentType.JSON)
            .body(policy)
            .put("/admin/v1/sources/" + SOURCE + "/policies/reader");
    assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(200);
    String key =
        given()
            .contentType(ContentType.JSON)
            .body("{\"name\":\"cdc reader\",\"roles\":[\"reader\"]}")
            .post("/admin/v1/keys")
            .then()
            .statusCode(201)
            .extract()
            .path("key");

    List<TestingSse.Event> events;
    try (TestingSse stream =
        TestingSse.open("/api/v1/" + SOURCE + "/" + entity + "/changes", null, "Bearer " + key)) {
      TestingCdc.execute(
          POSTGRES,
          "postgres",
          "INSERT INTO "
              + SCHEMA
              + ".pay VALUES"
              + " (1, 100.000000000001, '2026-01-01 00:00:00+00', '2026-01-02 03:04:05.123456',"
              + " 12.3400, 1.000000000000000000000000000001),"
              + " (2, 100, '2026-06-01 00:00:00+00', '2026-01-02 03:04:05', 1, 1),"
              + " (3, 500, '2025-12-31 23:59:59.999999+00', '2026-01-02 03:04:05', 1, 1),"
              + " (4, 500, '2026-01-01 01:00:00+01', '2026-01-02 03:04:00', 0.5, 0.5),"
              + " (5, 99.999999999999, '2026-06-01 00:00:00+00', NULL, NULL, 9)");
      events = stream.take(2, TestingCdc.WAIT);
      assertThat(stream.drain(Duration.ofSeconds(2))).isEmpty();
    }

    Map<Integer, JsonNode> streamed = new HashMap<>();
    for (TestingSse.Event event : events) {
      JsonNode after = JSON.readTree(event.data()).path("after");
      streamed.put(after.path("id").asInt(), after);
    }
    assertThat(streamed).containsOnlyKeys(1, 4);

    JsonNode rows =
        JSON.readTree(
                given()
                    .header("Authorization", "Bearer " + key)
                    .get("/api/v1/" + SOURCE + "/" + entity + "?sort=id")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString())
            .path("data");
    assertThat(rows).hasSize(2);
    for (JsonNode row : rows) {
      JsonNode event = streamed.get(row.path("id").asInt());
      assertThat(event).as("row %s", row).isNotNull();
      assertThat(event.path("booked").asText()).hasSize(16).isEqualTo(row.path("booked").asText());
      assertThat(event.path("fee").asText()).startsWith("****").isEqualTo(row.path("fee").asText());
      assertThat(event.path("amount").decimalValue())
          .isEqualByComparingTo(row.path("amount").decimalValue());
      assertThat(event.path("created_at").asText()).isEqualTo(row.path("created_at").asText());
      assertThat(event.path("total").toString()).isEqualTo(row.path("total").toString());
    }
  }
}
