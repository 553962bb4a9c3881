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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The H2 ERP sample cannot be captured from a database log; with the reflection probe inside it,
 * the orders its load driver posts reach a change stream as coarse notifications with counts.
 */
class ProbeCoarseChangesIT {
  private static final Duration READY = Duration.ofSeconds(60);

  @Test
  @Timeout(300)
  void theProbesObservedInsertsArriveAsCoarseChangesOnTheStream() throws Exception {
    Path database = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "erp-h2-");
    // A file database both JVMs open: the first one serves it to the other (AUTO_SERVER).
    String url = "jdbc:h2:file:" + database.resolve("erp") + ";AUTO_SERVER=TRUE";
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of()).start()) {
      DataApi api = new DataApi(server.baseUri());
      Response created =
          api.postJson(
              "/admin/v1/sources",
              "{\"name\":\"erp\",\"url\":\"" + url + "\",\"user\":\"sa\",\"password\":\"\"}");
      assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
      Response token = api.postJson("/admin/v1/sources/erp/probe-token", "{}");
      assertThat(token.statusCode()).as(token.asString()).isBetween(200, 201);
      String agent =
          "-javaagent:"
              + ProbeEndToEndIT.AGENT
              + "="
              + ProbeEndToEndIT.agentOptions(server, "erp", token.jsonPath().getString("token"))
              + ",install=sync";
      try (JvmProcess erp =
          JvmProcess.start(
              "erp-coarse",
              List.of(
                  "-Xmx256m",
                  agent,
                  "-jar",
                  ProbeEndToEndIT.ERP.toString(),
                  "--port",
                  "0",
                  "--db-url",
                  url))) {
        int port = erp.awaitReadyPort(READY);
        // The model is recovered again now that the sample created its tables.
        Response introspected = api.postJson("/admin/v1/sources/erp/introspect", "{}");
        assertThat(introspected.statusCode()).as(introspected.asString()).isEqualTo(200);
        Response capture = api.get("/admin/v1/sources/erp/cdc");
        assertThat(capture.jsonPath().getString("state")).isEqualTo("DISABLED");

        ProbeEndToEndIT.runLoadDriver(
            "erp-coarse-load", ProbeEndToEndIT.ERP, "com.acme.erp.load.LoadDriver", port);

        BlockingQueue<String> events = stream(server.baseUri() + "/api/v1/erp/t_ord_hdr/changes");
        JsonPath coarse = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (coarse == null) {
          String data = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          assertThat(data)
              .as("a coarse change of t_ord_hdr within 30 s\n" + server.tail())
              .isNotNull();
          JsonPath event = JsonPath.from(data);
          if ("create".equals(event.getString("operation"))) {
            coarse = event;
          }
        }
        assertThat(coarse.getBoolean("coarse")).isTrue();
        assertThat(coarse.getString("channel")).isEqualTo("probe");
        assertThat(coarse.getLong("count")).isPositive();
        assertThat(coarse.getString("key")).isNull();
        assertThat(coarse.getLong("sequence")).isPositive();
      }
    }
  }

  /** The data lines of the stream from the start of the log, read on a daemon thread. */
  private static BlockingQueue<String> stream(String url) {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              HttpRequest request =
                  HttpRequest.newBuilder(URI.create(url + "?after=0"))
                      .header("Accept", "text/event-stream")
                      .header("Authorization", "Bearer " + ServerProcess.ADMIN_KEY)
                      .build();
              try {
                HttpResponse<InputStream> response =
                    HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofInputStream());
                BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.startsWith("data:")) {
                    events.add(line.substring(5).strip());
                  }
                }
              } catch (Exception gone) {
                // the test is over
              }
            },
            "coarse-sse-reader");
    reader.setDaemon(true);
    reader.start();
    return events;
  }
}
