package dev.daas.connector.debezium;

import static dev.daas.connector.debezium.PostgresCaptureIT.assertOrderPerKey;
import static dev.daas.connector.debezium.PostgresCaptureIT.keys;
import static dev.daas.connector.debezium.PostgresCaptureIT.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Capture from the local MariaDB (needs a ROW binlog: scripts/prepare-services.sh). */
class MariaDbCaptureIT {
  private static final String DB = "daas_cdc_maria_it";
  private static final String NO_REPLICATION_USER = "daas_norepl_maria_it";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeAll
  static void createTables() throws Exception {
    TestingMariaDb.execute(
        "DROP DATABASE IF EXISTS " + DB,
        "CREATE DATABASE " + DB,
        "CREATE TABLE "
            + DB
            + ".items (id INT PRIMARY KEY, name VARCHAR(40), qty INT,"
            + " price DECIMAL(8,2), made DATE)",
        "CREATE TABLE " + DB + ".burst (id INT PRIMARY KEY, step INT)",
        "DROP USER IF EXISTS '" + NO_REPLICATION_USER + "'@'127.0.0.1'",
        "CREATE USER '" + NO_REPLICATION_USER + "'@'127.0.0.1'",
        "GRANT SELECT ON " + DB + ".* TO '" + NO_REPLICATION_USER + "'@'127.0.0.1'");
  }

  @AfterAll
  static void dropEverything() throws Exception {
    TestingMariaDb.execute(
        "DROP DATABASE IF EXISTS " + DB,
        "DROP USER IF EXISTS '" + NO_REPLICATION_USER + "'@'127.0.0.1'");
  }

  @Test
  void insertUpdateAndDeleteArriveWithBeforeAndAfterImages() throws Exception {
    CaptureConfig config =
        TestingMariaDb.config("maria-it-crud", DB, DB + ".items")
            .snapshotMode(SnapshotMode.NO_DATA)
            .build();
    TestingConsumer consumer = new TestingConsumer();
    try (CaptureEngine engine = new CaptureEngine(config, new InMemoryOffsetStore(), consumer)) {
      TestingWaits.startStreaming(engine);
      TestingMariaDb.execute(
          "INSERT INTO " + DB + ".items VALUES (1, 'bolt', 5, 1.25, '2024-02-29')",
          "UPDATE " + DB + ".items SET qty = 7 WHERE id = 1",
          "DELETE FROM " + DB + ".items WHERE id = 1");

      List<ChangeEvent> events = consumer.awaitEvents(e -> e.size() >= 3, WAIT);

      assertThat(events)
          .extracting(ChangeEvent::operation)
          .containsExactly(ChangeOperation.CREATE, ChangeOperation.UPDATE, ChangeOperation.DELETE);
      ChangeEvent insert = events.get(0);
      assertThat(insert.qualifiedTable()).isEqualTo(DB + ".items");
      assertThat(insert.key()).isEqualTo(Map.of("id", 1));
      assertThat(insert.before()).isNull();
      assertThat(insert.after())
          .containsEntry("name", "bolt")
          .containsEntry("qty", 5)
          .containsEntry("price", new java.math.BigDecimal("1.25"))
          .containsEntry("made", java.time.LocalDate.of(2024, 2, 29));
      assertThat(insert.position()).contains("file=").contains("pos=");
      assertThat(insert.sourceTimestamp()).isNotNull();
      assertThat(events.get(1).before()).containsEntry("qty", 5);
      assertThat(events.get(1).after()).containsEntry("qty", 7);
      assertThat(events.get(2).before()).containsEntry("qty", 7).containsEntry("name", "bolt");
      assertThat(events.get(2).after()).isNull();
    }
  }

  @Test
  void aRestartedEngineResumesFromStoredOffsetsAndSchemaHistory() throws Exception {
    CaptureConfig config =
        TestingMariaDb.config("maria-it-restart", DB, DB + ".burst")
            .snapshotMode(SnapshotMode.NO_DATA)
            .build();
    OffsetStore store = new InMemoryOffsetStore();
    TestingConsumer consumer = new TestingConsumer();
    CaptureEngine first = new CaptureEngine(config, store, consumer);
    TestingWaits.startStreaming(first);
    writeBurst(0, 200);
    consumer.awaitEvents(e -> e.size() >= 100, WAIT);
    first.stop();
    writeBurst(200, 300);
    assertThat(store.loadOffsets("maria-it-restart")).isNotEmpty();
    assertThat(store.loadSchemaHistory("maria-it-restart")).isNotEmpty();

    try (CaptureEngine second = new CaptureEngine(config, store, consumer)) {
      TestingWaits.startStreaming(second);
      writeBurst(300, 400);
      List<ChangeEvent> events =
          consumer.awaitEvents(
              e ->
                  e.stream().filter(c -> c.operation() == ChangeOperation.UPDATE).count() >= 400
                      && keys(e).containsAll(range(0, 400)),
              WAIT);
      assertOrderPerKey(events);
      assertThat(events.stream().map(ChangeEvent::sequence).toList())
          .isSorted()
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void preflightNamesTheMissingReplicationPrivileges() {
    CaptureConfig config =
        CaptureConfig.fromJdbcUrl(
                "maria-it-preflight", TestingMariaDb.SERVER_URL + DB, NO_REPLICATION_USER, null)
            .build();
    CaptureEngine engine = new CaptureEngine(config, new InMemoryOffsetStore(), batch -> {});

    List<PreflightProblem> problems = engine.start();

    assertThat(problems)
        .extracting(PreflightProblem::code)
        .containsExactly("MISSING_REPLICATION_PRIVILEGE");
    assertThat(problems.get(0).message())
        .contains("REPLICATION SLAVE and REPLICATION CLIENT")
        .contains("GRANT");
    assertThat(engine.status().state()).isEqualTo(CaptureState.FAILED);
    assertThat(engine.status().message()).contains("REPLICATION SLAVE");
  }

  @Test
  void preflightPassesForAnAdministrator() {
    assertThat(CapturePreflight.check(TestingMariaDb.config("maria-it-ok", DB).build())).isEmpty();
  }

  private static void writeBurst(int from, int to) throws Exception {
    try (Connection c = DriverManager.getConnection(TestingMariaDb.SERVER_URL + DB, "root", null);
        PreparedStatement insert = c.prepareStatement("INSERT INTO burst VALUES (?, 0)");
        PreparedStatement update = c.prepareStatement("UPDATE burst SET step = 1 WHERE id = ?")) {
      for (int id = from; id < to; id++) {
        insert.setInt(1, id);
        insert.executeUpdate();
        update.setInt(1, id);
        update.executeUpdate();
      }
    }
  }
}
