package dev.daas.connector.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Capture from a MySQL server with Debezium's MySQL connector. No MySQL server runs on the
 * development machines (only MariaDB, which that connector refuses), so this runs only when {@code
 * -Ddaas.it.mysql.url=jdbc:mysql://host:3306/} names one (user root, no password, ROW binlog) and
 * is skipped with that reason otherwise.
 */
@EnabledIfSystemProperty(
    named = "daas.it.mysql.url",
    matches = ".+",
    disabledReason =
        "no MySQL server here: set -Ddaas.it.mysql.url=jdbc:mysql://host:3306/ to run this test")
class MySqlCaptureIT {
  private static final String DB = "daas_cdc_mysql_it";
  private static final String URL = System.getProperty("daas.it.mysql.url", "");

  @BeforeAll
  static void createTable() throws Exception {
    execute(
        "DROP DATABASE IF EXISTS " + DB,
        "CREATE DATABASE " + DB,
        "CREATE TABLE " + DB + ".items (id INT PRIMARY KEY, qty INT)");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    execute("DROP DATABASE IF EXISTS " + DB);
  }

  @Test
  void insertUpdateAndDeleteArriveWithBeforeAndAfterImages() throws Exception {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl("mysql-it-crud", URL.replaceFirst("/?$", "/") + DB, "root", null)
            .tables(List.of(DB + ".items"))
            .snapshotMode(SnapshotMode.NO_DATA)
            .build();
    TestingConsumer consumer = new TestingConsumer();
    try (CaptureEngine engine = new CaptureEngine(config, new InMemoryOffsetStore(), consumer)) {
      TestingWaits.startStreaming(engine);
      execute(
          "INSERT INTO " + DB + ".items VALUES (1, 5)",
          "UPDATE " + DB + ".items SET qty = 7 WHERE id = 1",
          "DELETE FROM " + DB + ".items WHERE id = 1");

      List<ChangeEvent> events = consumer.awaitEvents(e -> e.size() >= 3, Duration.ofSeconds(30));

      assertThat(events)
          .extracting(ChangeEvent::operation)
          .containsExactly(ChangeOperation.CREATE, ChangeOperation.UPDATE, ChangeOperation.DELETE);
      assertThat(events.get(1).before()).isEqualTo(Map.of("id", 1, "qty", 5));
      assertThat(events.get(1).after()).isEqualTo(Map.of("id", 1, "qty", 7));
    }
  }

  private static void execute(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "root", null);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
