package dev.daas.it;

import static dev.daas.it.DataApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A source database that goes away and comes back: the API answers 503 quickly while it is down and
 * recovers by itself, and the health endpoint tells which source is unreachable. PostgreSQL is
 * always started again, also when an assertion fails.
 */
class DatabaseRestartIT {
  private static final String PRODUCTS = "/api/v1/pg/t_prd";

  @Test
  void sourceAnswersUnavailableWhileItsDatabaseIsDownAndRecoversByItself() throws Exception {
    LegacyDatabase.postgres().load();
    String version = postgresVersion();
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of()).start()) {
      DataApi api = new DataApi(server.baseUri());
      api.register("pg", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", null, "it_legacy");
      assertThat(api.get(PRODUCTS, "limit", "2").statusCode()).isEqualTo(200);
      assertSourceHealth(api, 200, "UP", "reachable");

      try {
        cluster(version, "stop", "-m", "fast");
        long started = System.nanoTime();
        Response down = api.get(PRODUCTS, "limit", "2");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertProblem(down, 503, "source-unavailable");
        assertThat(down.header("Retry-After")).as("Retry-After").isNotBlank();
        assertThat(millis)
            .as("milliseconds to answer while the database is down")
            .isLessThan(10_000);
        assertSourceHealth(api, 503, "DOWN", "unreachable");
      } finally {
        cluster(version, "start");
        awaitPostgres();
      }

      Response again = pollUntilOk(api, 60);
      assertThat(again.jsonPath().getList("data")).hasSize(2);
      assertSourceHealth(api, 200, "UP", "reachable");
    }
  }

  /**
   * The health check reuses a source's status for up to 2 s (SourceStatuses), so the expected state
   * is polled for, bounded well above that.
   */
  private static void assertSourceHealth(DataApi api, int status, String state, String data)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Response health = api.get("/q/health");
    while (health.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(250);
      health = api.get("/q/health");
    }
    assertThat(health.statusCode()).as(health.asString()).isEqualTo(status);
    assertThat(health.jsonPath().getString("checks.find { it.name == 'sources' }.status"))
        .as(health.asString())
        .isEqualTo(state);
    assertThat(health.jsonPath().getString("checks.find { it.name == 'sources' }.data.pg"))
        .as(health.asString())
        .startsWith(data);
  }

  private static Response pollUntilOk(DataApi api, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Response last = null;
    while (System.nanoTime() < deadline) {
      last = api.get(PRODUCTS, "limit", "2");
      if (last.statusCode() == 200) {
        return last;
      }
      ServerProcess.sleep(500);
    }
    throw new AssertionError(
        "the source did not answer 200 within "
            + seconds
            + " s after PostgreSQL came back; last: "
            + last.statusCode()
            + " "
            + last.asString());
  }

  /** The newest cluster version under /etc/postgresql. */
  private static String postgresVersion() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
      return versions
          .map(p -> p.getFileName().toString())
          .filter(name -> name.matches("[0-9]+(\\.[0-9]+)?"))
          .max((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)))
          .orElseThrow(() -> new AssertionError("no PostgreSQL cluster under /etc/postgresql"));
    }
  }

  private static void cluster(String version, String... action) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main"));
    command.addAll(List.of(action));
    File output = File.createTempFile("pg_ctlcluster", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 60 s");
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          command
              + " failed with "
              + process.exitValue()
              + ": "
              + Files.readString(output.toPath()));
    }
  }

  private static void awaitPostgres() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Connection connection = LegacyDatabase.postgres().connect()) {
        return;
      } catch (SQLException e) {
        ServerProcess.sleep(300);
      }
    }
    throw new AssertionError("PostgreSQL did not accept connections within 30 s of its start");
  }
}
