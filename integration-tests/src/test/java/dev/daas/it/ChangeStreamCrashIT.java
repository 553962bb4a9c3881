package dev.daas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server is killed (SIGKILL) in the middle of a burst of 10,000 changes on PostgreSQL and
 * started again; a subscriber that resumes its change stream with {@code Last-Event-ID} gets every
 * change at least once, each key's changes in the order they were committed.
 */
class ChangeStreamCrashIT {
  private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA = "cdc_crash_it";
  private static final int KEYS = 500;
  private static final int UPDATES = 20;

  /** One delivered change: the key and the value it was set to. */
  private record Change(int id, int v) {}

  @Test
  @Timeout(600)
  void noChangeIsLostWhenTheServerIsKilledDuringABurst() throws Exception {
    sql(
        "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
        "CREATE SCHEMA " + SCHEMA,
        "CREATE TABLE " + SCHEMA + ".acct (id INT PRIMARY KEY, v INT NOT NULL)",
        "INSERT INTO " + SCHEMA + ".acct SELECT g, 0 FROM generate_series(1, " + KEYS + ") g");
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of()).keepingItsPort().start()) {
      DataApi api = new DataApi(server.baseUri());
      api.register("crash", PG_URL, "postgres", null, SCHEMA);
      try {
        Response enabled = api.postJson("/admin/v1/sources/crash/cdc", "{\"enabled\":true}");
        assertThat(enabled.statusCode()).as(enabled.asString()).isEqualTo(200);
        awaitStreaming(api, server);

        ConcurrentLinkedQueue<Change> received = new ConcurrentLinkedQueue<>();
        AtomicReference<String> lastId = new AtomicReference<>();
        String stream = server.baseUri() + "/api/v1/crash/acct/changes";
        // from the start of the change log, so nothing committed before the subscription counts
        Thread first = reader(stream + "?after=0", null, received, lastId);
        Thread writer = new Thread(ChangeStreamCrashIT::burst, "burst");
        writer.start();
        awaitCount(received, 1_000, Duration.ofSeconds(60));
        server.kill();
        first.join(10_000);
        writer.join(120_000);
        assertThat(writer.isAlive()).as("the burst finished").isFalse();

        server.start();
        Thread second = reader(stream, lastId.get(), received, lastId);
        awaitAllChanges(received, Duration.ofSeconds(120));
        second.interrupt();

        Map<Integer, List<Integer>> byKey = new TreeMap<>();
        for (Change change : received) {
          byKey.computeIfAbsent(change.id(), k -> new ArrayList<>()).add(change.v());
        }
        assertThat(byKey).hasSize(KEYS);
        for (Map.Entry<Integer, List<Integer>> key : byKey.entrySet()) {
          List<Integer> firstSeen = key.getValue().stream().distinct().toList();
          assertThat(firstSeen)
              .as("changes of key %d, as delivered: %s", key.getKey(), key.getValue())
              .containsExactlyElementsOf(
                  java.util.stream.IntStream.rangeClosed(1, UPDATES).boxed().toList());
        }
      } finally {
        // removing the source drops its replication slot, which would otherwise keep WAL
        api.delete("/admin/v1/sources/crash");
      }
    }
  }

  /** 10,000 updates, one transaction each: every key goes through v = 1..20 in order. */
  private static void burst() {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
        PreparedStatement update =
            c.prepareStatement("UPDATE " + SCHEMA + ".acct SET v = ? WHERE id = ?")) {
      try (Statement st = c.createStatement()) {
        // still one committed transaction per change, without waiting for each WAL flush
        st.execute("SET synchronous_commit = off");
      }
      for (int v = 1; v <= UPDATES; v++) {
        for (int id = 1; id <= KEYS; id++) {
          update.setInt(1, v);
          update.setInt(2, id);
          update.executeUpdate();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the stream on a daemon thread until it ends, keeping every change and the last id. */
  private static Thread reader(
      String url,
      String lastEventId,
      ConcurrentLinkedQueue<Change> received,
      AtomicReference<String> lastId) {
    Thread thread =
        new Thread(
            () -> {
              HttpRequest.Builder request =
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Accept", "text/event-stream")
                      .header("Authorization", "Bearer " + ServerProcess.ADMIN_KEY);
              if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
              }
              try {
                HttpResponse<InputStream> response =
                    HttpClient.newHttpClient()
                        .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                  return;
                }
                BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                String id = null;
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                  } else if (line.startsWith("data:")) {
                    JsonPath data = JsonPath.from(line.substring(5).strip());
                    if (data.get("key") != null) {
                      received.add(new Change(data.getInt("key.id"), data.getInt("after.v")));
                      lastId.set(id);
                    }
                  }
                }
              } catch (Exception gone) {
                // the server was killed, or the test is over
              }
            },
            "sse-reader");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void awaitCount(
      ConcurrentLinkedQueue<Change> received, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < count) {
      assertThat(System.nanoTime()).as("%d changes received", received.size()).isLessThan(deadline);
      ServerProcess.sleep(20);
    }
  }

  /** Until every key was seen at its last value. */
  private static void awaitAllChanges(ConcurrentLinkedQueue<Change> received, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long done =
          received.stream().filter(c -> c.v() == UPDATES).map(Change::id).distinct().count();
      if (done == KEYS) {
        return;
      }
      assertThat(System.nanoTime())
          .as("%d of %d keys complete, %d changes received", done, KEYS, received.size())
          .isLessThan(deadline);
      ServerProcess.sleep(200);
    }
  }

  private static void awaitStreaming(DataApi api, ServerProcess server) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Response status = api.get("/admin/v1/sources/crash/cdc");
      if (status.statusCode() == 200 && status.jsonPath().getBoolean("streaming")) {
        return;
      }
      assertThat(System.nanoTime())
          .as("capture streaming: %s\n%s", status.asString(), server.tail())
          .isLessThan(deadline);
      ServerProcess.sleep(200);
    }
  }

  private static void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }
}
