package dev.daas.server.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server receiving webhook deliveries, as an integrator would run one: it checks each
 * request's signature with the secret and answers 500 to the first {@code failures} requests.
 */
final class TestingReceiver implements AutoCloseable {
  /** One request as received. */
  record Delivery(Map<String, List<String>> headers, String body, boolean validSignature) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  final List<Delivery> accepted = new CopyOnWriteArrayList<>();
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger failures = new AtomicInteger();
  volatile String secret;
  private final HttpServer server;

  TestingReceiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/hook",
        exchange -> {
          requests.incrementAndGet();
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          String signature = exchange.getRequestHeaders().getFirst("DaaS-Signature");
          boolean valid =
              signature != null
                  && secret != null
                  && WebhookSignature.verify(secret, signature, body);
          int status;
          if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            status = 500;
          } else {
            accepted.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body, valid));
            status = valid ? 204 : 401;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
