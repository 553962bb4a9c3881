package dev.daas.server.security;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JWKS endpoint for the JWT tests: a tiny HTTP server serving the file the test writes its public
 * key to. One per JVM (the test profile and the test may live in different class loaders, so the
 * address is shared through a system property and the key through the file).
 */
final class TestingJwks {
  static final Path FILE = Path.of("target", "test-jwks.json").toAbsolutePath();
  private static final String PROPERTY = "testing.daas-jwks-url";

  private TestingJwks() {}

  static synchronized String url() {
    String url = System.getProperty(PROPERTY);
    if (url != null) {
      return url;
    }
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/jwks.json",
          exchange -> {
            byte[] body =
                Files.exists(FILE)
                    ? Files.readAllBytes(FILE)
                    : "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.setExecutor(null);
      server.start();
      url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
      System.setProperty(PROPERTY, url);
      return url;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
