package dev.daas.connector.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Capture from the local PostgreSQL (needs wal_level=logical: scripts/prepare-services.sh). */
class PostgresCaptureIT {
  private static final String SCHEMA = "daas_cdc_pg_it";
  private static final String PREFIX = "daas_pg_it_";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeAll
  static void createTables() throws Exception {
    TestingPostgres.dropSlotsAndPublications(PREFIX);
    TestingPostgres.execute(
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".items (id int PRIMARY KEY, name text, qty int)",
        "ALTER TABLE " + SCHEMA + ".items REPLICA IDENTITY FULL",
        "CREATE TABLE " + SCHEMA + ".orders (id int PRIMARY KEY, note text)",
        "CREATE TABLE " + SCHEMA + ".burst (id int PRIMARY KEY, step int)",
        "ALTER TABLE " + SCHEMA + ".burst REPLICA IDENTITY FULL",
        "CREATE TABLE " + SCHEMA + ".ticks (id int PRIMARY KEY)");
  }

  @AfterAll
  static void dropEverything() throws Exception {
    TestingPostgres.dropSlotsAndPublications(PREFIX);
    TestingPostgres.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
  }

  @Test
  void insertUpdateAndDeleteArriveWithBeforeAndAfterImages() throws Exception {
    CaptureConfig config =
        TestingPostgres.config("pg-it-crud", SCHEMA + ".items")
            .snapshotMode(SnapshotMode.NO_DATA)
            .build();
    TestingConsumer consumer = new TestingConsumer();
    try (CaptureEngine engine = new CaptureEngine(config, new InMemoryOffsetStore(), consumer)) {
      TestingWaits.startStreaming(engine);
      assertThat(engine.status().state()).isEqualTo(CaptureState.RUNNING);
      TestingPostgres.execute(
          "INSERT INTO " + SCHEMA + ".items VALUES (1, 'bolt', 5)",
          "UPDATE " + SCHEMA + ".items SET qty = 7 WHERE id = 1",
          "DELETE FROM " + SCHEMA + ".items WHERE id = 1");

      List<ChangeEvent> events = consumer.awaitEvents(e -> e.size() >= 3, WAIT);

      assertThat(events)
          .extracting(ChangeEvent::operation)
          .containsExactly(ChangeOperation.CREATE, ChangeOperation.UPDATE, ChangeOperation.DELETE);
      ChangeEvent insert = events.get(0);
      assertThat(insert.source()).isEqualTo("pg-it-crud");
      assertThat(insert.qualifiedTable()).isEqualTo(SCHEMA + ".items");
      assertThat(insert.key()).isEqualTo(Map.of("id", 1));
      assertThat(insert.before()).isNull();
      assertThat(insert.after()).isEqualTo(Map.of("id", 1, "name", "bolt", "qty", 5));
      assertThat(insert.transactionId()).isNotBlank();
      assertThat(insert.sourceTimestamp()).isNotNull();
      assertThat(insert.position()).contains("lsn=");
      ChangeEvent update = events.get(1);
      assertThat(update.before()).containsEntry("qty", 5);
      assertThat(update.after()).containsEntry("qty", 7);
      ChangeEvent delete = events.get(2);
      assertThat(delete.before()).isEqualTo(Map.of("id", 1, "name", "bolt", "qty", 7));
      assertThat(delete.after()).isNull();
      assertThat(events).extracting(ChangeEvent::sequence).containsExactly(1L, 2L, 3L);
    }
  }

  @Test
  void aRestartedEngineResumesFromStoredOffsetsWithoutLosingAChange() throws Exception {
    CaptureConfig config =
        TestingPostgres.config("pg-it-restart", SCHEMA + ".burst")
            .snapshotMode(SnapshotMode.NO_DATA)
            .build();
    OffsetStore store = new InMemoryOffsetStore();
    TestingConsumer consumer = new TestingConsumer();
    CaptureEngine first = new CaptureEngine(config, store, consumer);
    TestingWaits.startStreaming(first);
    writeBurst(0, 200);
    consumer.awaitEvents(e -> e.size() >= 100, WAIT);
    first.stop();
    assertThat(first.status().state()).isEqualTo(CaptureState.STOPPED);
    writeBurst(200, 300); // while nothing captures
    assertThat(store.loadOffsets("pg-it-restart")).isNotEmpty();

    try (CaptureEngine second = new CaptureEngine(config, store, consumer)) {
      TestingWaits.startStreaming(second);
      writeBurst(300, 400);
      List<ChangeEvent> events =
          consumer.awaitEvents(
              e ->
                  e.stream().filter(c -> c.operation() == ChangeOperation.UPDATE).count() >= 400
                      && keys(e).containsAll(range(0, 400)),
              WAIT);
      assertThat(keys(events)).containsAll(range(0, 400));
      assertOrderPerKey(events);
      List<Long> sequences = events.stream().map(ChangeEvent::sequence).toList();
      assertThat(sequences).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void aBatchTheConsumerRejectedIsDeliveredAgainAfterARestart() throws Exception {
    CaptureConfig config =
        TestingPostgres.config("pg-it-reject", SCHEMA + ".orders")
            .snapshotMode(SnapshotMode.NO_DATA)
            .build();
    OffsetStore store = new InMemoryOffsetStore();
    TestingConsumer accepted = new TestingConsumer();
    ChangeConsumer rejectingTwo =
        batch -> {
          if (keys(batch).contains(2)) {
            throw new IllegalStateException("subscriber store is full");
          }
          accepted.accept(batch);
        };
    CaptureEngine first = new CaptureEngine(config, store, rejectingTwo);
    TestingWaits.startStreaming(first);
    TestingPostgres.execute("INSERT INTO " + SCHEMA + ".orders VALUES (1, 'a')");
    accepted.awaitEvents(e -> keys(e).contains(1), WAIT);
    TestingPostgres.execute("INSERT INTO " + SCHEMA + ".orders VALUES (2, 'b')");
    TestingWaits.awaitTrue(
        "failed status", () -> first.status().state() == CaptureState.FAILED, WAIT);
    assertThat(first.status().message()).contains("subscriber store is full");
    first.stop();

    TestingConsumer second = new TestingConsumer();
    try (CaptureEngine engine = new CaptureEngine(config, store, second)) {
      TestingWaits.startStreaming(engine);
      assertThat(keys(second.awaitEvents(e -> keys(e).contains(2), WAIT))).doesNotContain(1);
    }
  }

  @Test
  void dropRemovesTheSlotAndThePublication() throws Exception {
    CaptureConfig config =
        TestingPostgres.config("pg-it-drop", SCHEMA + ".orders")
            .snapshotMode(SnapshotMode.NO_DATA)
            .build();
    OffsetStore store = new InMemoryOffsetStore();
    try (CaptureEngine engine = new CaptureEngine(config, store, batch -> {})) {
      TestingWaits.startStreaming(engine);
      assertThat(slotsAndPublications("daas_pg_it_drop")).hasSize(2);
    }
    CaptureAdmin.drop(config, store);

    assertThat(slotsAndPublications("daas_pg_it_drop")).isEmpty();
    assertThat(store.loadOffsets("pg-it-drop")).isEmpty();
  }

  @Test
  void reportsTablesWithoutFullBeforeImagesAndFixesOnlyTheNamedOnes() throws Exception {
    CaptureConfig config =
        TestingPostgres.config("pg-it-identity", SCHEMA + ".items", SCHEMA + ".orders").build();

    assertThat(CaptureAdmin.replicaIdentityGaps(config))
        .containsExactly(new ReplicaIdentityGap(SCHEMA + ".orders", "default", true));
    assertThat(CaptureAdmin.replicaIdentityGaps(config).get(0).fixStatement())
        .isEqualTo("ALTER TABLE \"" + SCHEMA + "\".\"orders\" REPLICA IDENTITY FULL");

    CaptureAdmin.applyFullReplicaIdentity(config, List.of(SCHEMA + ".orders"));

    assertThat(CaptureAdmin.replicaIdentityGaps(config)).isEmpty();
    assertThat(
            TestingPostgres.strings(
                "SELECT relreplident FROM pg_class WHERE oid = '" + SCHEMA + ".ticks'::regclass"))
        .containsExactly("d");
    TestingPostgres.execute("ALTER TABLE " + SCHEMA + ".orders REPLICA IDENTITY DEFAULT");
  }

  @Test
  void reconnectsAfterTheDatabaseEndsItsReplicationSession() throws Exception {
    CaptureConfig config =
        TestingPostgres.config("pg-it-reconnect", SCHEMA + ".ticks")
            .snapshotMode(SnapshotMode.NO_DATA)
            .retryDelayMax(Duration.ofSeconds(1))
            .build();
    TestingConsumer consumer = new TestingConsumer();
    try (CaptureEngine engine = new CaptureEngine(config, new InMemoryOffsetStore(), consumer)) {
      TestingWaits.startStreaming(engine);
      TestingPostgres.execute("INSERT INTO " + SCHEMA + ".ticks VALUES (1)");
      consumer.awaitEvents(e -> e.size() >= 1, WAIT);

      TestingPostgres.execute(
          "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
              + " WHERE slot_name = 'daas_pg_it_reconnect'");
      TestingPostgres.execute("INSERT INTO " + SCHEMA + ".ticks VALUES (2)");

      consumer.awaitEvents(e -> keys(e).contains(2), Duration.ofSeconds(60));
      TestingWaits.awaitTrue(
          "running again", () -> engine.status().state() == CaptureState.RUNNING, WAIT);
    }
  }

  @Test
  void measuresCommitToCallbackLatency() throws Exception {
    CaptureConfig config =
        TestingPostgres.config("pg-it-latency", SCHEMA + ".ticks")
            .snapshotMode(SnapshotMode.NO_DATA)
            .build();
    TestingConsumer consumer = new TestingConsumer();
    List<Long> committedAt = new ArrayList<>();
    try (CaptureEngine engine = new CaptureEngine(config, new InMemoryOffsetStore(), consumer);
        Connection c = DriverManager.getConnection(TestingPostgres.URL, "postgres", null);
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + SCHEMA + ".ticks VALUES (?)")) {
      TestingWaits.startStreaming(engine);
      for (int i = 1000; i < 1200; i++) {
        insert.setInt(1, i);
        insert.executeUpdate();
        committedAt.add(System.nanoTime());
        Thread.sleep(5);
      }
      List<ChangeEvent> events =
          consumer.awaitEvents(e -> keys(e).stream().filter(k -> k >= 1000).count() >= 200, WAIT);
      assertThat(events).hasSizeGreaterThanOrEqualTo(200);
      List<Long> latencies = new ArrayList<>();
      for (TestingConsumer.Arrival arrival : consumer.arrivals()) {
        int id = (Integer) arrival.event().key().get("id");
        if (id >= 1000) {
          latencies.add((arrival.nanos() - committedAt.get(id - 1000)) / 1000);
        }
      }
      Collections.sort(latencies);
      System.out.printf(
          "PostgreSQL commit-to-callback latency over %d inserts: p50 %.1f ms, p99 %.1f ms,"
              + " max %.1f ms%n",
          latencies.size(),
          latencies.get(latencies.size() / 2) / 1000.0,
          latencies.get(latencies.size() * 99 / 100) / 1000.0,
          latencies.get(latencies.size() - 1) / 1000.0);
    }
  }

  private static void writeBurst(int from, int to) throws Exception {
    try (Connection c = DriverManager.getConnection(TestingPostgres.URL, "postgres", null);
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + SCHEMA + ".burst VALUES (?, 0)");
        PreparedStatement update =
            c.prepareStatement("UPDATE " + SCHEMA + ".burst SET step = 1 WHERE id = ?")) {
      for (int id = from; id < to; id++) {
        insert.setInt(1, id);
        insert.executeUpdate();
        update.setInt(1, id);
        update.executeUpdate();
      }
    }
  }

  static List<Integer> keys(List<ChangeEvent> events) {
    return events.stream().map(e -> (Integer) e.key().get("id")).toList();
  }

  static List<Integer> range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).boxed().toList();
  }

  /** Per key, the first event is its insert and no insert follows an update of the same key. */
  static void assertOrderPerKey(List<ChangeEvent> events) {
    Map<Object, ChangeOperation> last = new java.util.HashMap<>();
    for (ChangeEvent event : events) {
      Object key = event.key().get("id");
      ChangeOperation previous = last.put(key, event.operation());
      if (previous == null) {
        assertThat(event.operation())
            .as("first event of key %s", key)
            .isEqualTo(ChangeOperation.CREATE);
      }
      if (event.operation() == ChangeOperation.UPDATE) {
        assertThat(previous).as("event before the update of %s", key).isNotNull();
      }
    }
  }

  private static List<String> slotsAndPublications(String name) throws Exception {
    List<String> found = new ArrayList<>();
    found.addAll(
        TestingPostgres.strings(
            "SELECT slot_name FROM pg_replication_slots WHERE slot_name = '" + name + "'"));
    found.addAll(
        TestingPostgres.strings(
            "SELECT pubname FROM pg_publication WHERE pubname = '" + name + "'"));
    return found;
  }
}
