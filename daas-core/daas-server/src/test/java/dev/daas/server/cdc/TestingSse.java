package dev.daas.server.cdc;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent events client on java.net.http that collects the events of one stream. */
final class TestingSse implements AutoCloseable {
  /** One received event. */
  record Event(String id, String name, String data, java.time.Instant receivedAt) {}

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;

  private TestingSse(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = new Thread(this::read, "testing-sse");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code path} on the test server; {@code lastEventId} may be null. */
  static TestingSse open(String path, String lastEventId) throws Exception {
    return open(path, lastEventId, dev.daas.server.TestingAuth.ADMIN);
  }

  /** As {@link #open(String, String)} with this {@code Authorization} header value. */
  static TestingSse open(String path, String lastEventId, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
            .header("Accept", "text/event-stream")
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(10));
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response =
        CLIENT
            .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
            .get(10, TimeUnit.SECONDS);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "stream answered "
              + response.statusCode()
              + ": "
              + String.join("\n", response.body().toList()));
    }
    return new TestingSse(response);
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** Waits for the next {@code count} events, failing after the timeout. */
  List<Event> take(int count, Duration timeout) throws InterruptedException {
    List<Event> taken = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (taken.size() < count) {
      Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("got " + taken.size() + " of " + count + " events: " + taken);
      }
      taken.add(event);
    }
    return taken;
  }

  /** Events that arrive within the wait. */
  List<Event> drain(Duration wait) throws InterruptedException {
    Thread.sleep(wait.toMillis());
    List<Event> drained = new ArrayList<>();
    events.drainTo(drained);
    return drained;
  }

  private void read() {
    String id = null;
    String name = null;
    StringBuilder data = null;
    try (Stream<String> lines = response.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(
                new Event(
                    id, name == null ? "message" : name, data.toString(), java.time.Instant.now()));
          }
          id = null;
          name = null;
          data = null;
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          String part = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
          data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
        }
      }
    } catch (RuntimeException e) {
      // the connection was closed
    }
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
