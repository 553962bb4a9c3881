package dev.daas.server.cdc.ws;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's) for the change stream tests: collects text messages and the
 * close frame. {@code reading=false} reads nothing after the first message until {@link #drain},
 * like a client that stalls.
 */
final class TestingSocket implements WebSocket.Listener {
  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<String> closed = new CompletableFuture<>();
  private final boolean reading;
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private TestingSocket(boolean reading) {
    this.reading = reading;
  }

  static URI uri(String pathAndQuery) {
    return URI.create("ws://localhost:" + RestAssured.port + pathAndQuery);
  }

  /** Opens the socket; the future fails with the refused handshake, if refused. */
  static CompletableFuture<TestingSocket> open(
      String pathAndQuery, String authorization, boolean reading) {
    TestingSocket listener = new TestingSocket(reading);
    WebSocket.Builder builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder.buildAsync(uri(pathAndQuery), listener).thenApply(s -> listener);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    if (reading) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete("error " + error);
  }

  /** Starts reading everything the server sent. */
  void drain() {
    socket.request(Long.MAX_VALUE);
  }

  String next() throws InterruptedException {
    String message = messages.poll(20, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within 20 s");
    }
    return message;
  }

  void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }
}
