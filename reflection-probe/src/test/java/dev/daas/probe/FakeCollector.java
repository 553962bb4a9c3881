package dev.daas.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/** A DaaS server stand-in that records the batches it receives. */
final class FakeCollector implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  final List<JsonNode> batches = new CopyOnWriteArrayList<>();
  final List<String> problems = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  volatile long delayMillis;
  volatile int status = 200;
  volatile boolean enabled = true;
  volatile boolean valueSampling;

  FakeCollector() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/probe/v1/batches", exchange -> {
      try {
        if (!"Bearer x".equals(exchange.getRequestHeaders().getFirst("Authorization"))
            || !"gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
            || !"1".equals(exchange.getRequestHeaders().getFirst("DaaS-Probe-Protocol"))) {
          problems.add("bad headers " + exchange.getRequestHeaders().entrySet());
        }
        try (InputStream in = new GZIPInputStream(exchange.getRequestBody())) {
          batches.add(JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
        byte[] body = ("{\"accepted\":true,\"duplicate\":false,\"enabled\":" + enabled + ",\"valueSampling\":" + valueSampling + ",\"sendIntervalSeconds\":1}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
      } catch (Exception e) {
        problems.add(e.toString());
        exchange.sendResponseHeaders(500, -1);
      } finally {
        exchange.close();
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every statement aggregate received so far. */
  List<JsonNode> statements() {
    List<JsonNode> all = new java.util.ArrayList<>();
    for (JsonNode batch : batches) {
      batch.get("statements").forEach(all::add);
    }
    return all;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
