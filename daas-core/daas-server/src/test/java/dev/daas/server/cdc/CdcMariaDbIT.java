package dev.daas.server.cdc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.server.TestingAuth;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change streams from the local MariaDB (ROW binlog: scripts/prepare-services.sh). */
@QuarkusTest
class CdcMariaDbIT {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  private static final String DB = "daas_cdc_srv_maria";
  private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void createTables() throws Exception {
    TestingAuth.asAdmin();
    TestingCdc.execute(
        SERVER,
        "root",
        "DROP DATABASE IF EXISTS " + DB,
        "CREATE DATABASE " + DB,
        "CREATE TABLE " + DB + ".items (id INT PRIMARY KEY, name VARCHAR(40), price DECIMAL(8,2))");
  }

  @AfterEach
  void removeSource() {
    given().delete("/admin/v1/sources/cdcsrv-maria");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    TestingCdc.execute(SERVER, "root", "DROP DATABASE IF EXISTS " + DB);
  }

  @Test
  void insertUpdateAndDeleteReachTheStreamWithBeforeAndAfter() throws Exception {
    TestingCdc.register("cdcsrv-maria", SERVER + DB, "root", DB);
    TestingCdc.enableAndAwaitStreaming(
        "cdcsrv-maria", "{\"enabled\":true,\"tables\":[\"" + DB + ".items\"]}");
    String entity = TestingCdc.entityOf("cdcsrv-maria", "items");

    List<TestingSse.Event> events;
    try (TestingSse stream = TestingSse.open("/api/v1/cdcsrv-maria/" + entity + "/changes", null)) {
      TestingCdc.execute(
          SERVER,
          "root",
          "INSERT INTO " + DB + ".items VALUES (1, 'bolt', 1.50)",
          "UPDATE " + DB + ".items SET price = 2.25 WHERE id = 1",
          "DELETE FROM " + DB + ".items WHERE id = 1");
      events = stream.take(3, TestingCdc.WAIT);
      assertThat(stream.drain(Duration.ofMillis(300))).isEmpty();
    }

    JsonNode insert = JSON.readTree(events.get(0).data());
    JsonNode update = JSON.readTree(events.get(1).data());
    JsonNode delete = JSON.readTree(events.get(2).data());
    assertThat(insert.path("entity").asText()).isEqualTo(entity);
    assertThat(List.of(insert, update, delete))
        .extracting(e -> e.path("operation").asText())
        .containsExactly("create", "update", "delete");
    assertThat(insert.path("key").toString()).isEqualTo("{\"id\":1}");
    assertThat(insert.path("after").path("price").decimalValue()).isEqualByComparingTo("1.50");
    assertThat(update.path("before").path("price").decimalValue()).isEqualByComparingTo("1.50");
    assertThat(update.path("after").path("price").decimalValue()).isEqualByComparingTo("2.25");
    assertThat(delete.path("before").path("name").asText()).isEqualTo("bolt");
    assertThat(delete.path("after").isNull()).isTrue();
    assertThat(events).extracting(TestingSse.Event::id).doesNotContainNull();
  }
}
