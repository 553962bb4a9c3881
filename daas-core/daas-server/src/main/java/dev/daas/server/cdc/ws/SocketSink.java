package dev.daas.server.cdc.ws;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daas.server.cdc.EventSink;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Writes a change stream to a WebSocket connection. A change is one text message holding the same
 * JSON document as the SSE event's data (its {@code sequence} is the event id); a {@code gap}
 * (changes pruned before the stream resumed) is {@code {"event":"gap",...}} with the SSE event's
 * data. The final events ({@code cut-off}, {@code end}, {@code error}) become a last text message
 * {@code {"event":..., "reason":...,"lastEventId":N}} and a close frame whose reason names where to
 * resume. Comments become pings, which keep idle connections open and show dead ones.
 */
final class SocketSink implements EventSink {
  /** Close code (private range 4000-4999): the subscriber fell behind and was cut off. */
  static final int CUT_OFF = 4008;

  /** Close code: the stream ended (source removed, server shutting down). */
  static final int ENDED = 4000;

  /** Close code: the stream failed. */
  static final int FAILED = 4011;

  private final WebSocketConnection connection;
  private final ObjectMapper json;
  private volatile CloseReason closeReason = CloseReason.NORMAL;

  SocketSink(WebSocketConnection connection, ObjectMapper json) {
    this.connection = requireNonNull(connection, "connection is null");
    this.json = requireNonNull(json, "json is null");
  }

  @Override
  public CompletionStage<?> send(String name, String id, String data) {
    if ("change".equals(name)) {
      return connection.sendText(data).subscribeAsCompletionStage();
    }
    if ("gap".equals(name)) {
      return connection.sendText(gap(data)).subscribeAsCompletionStage();
    }
    String message = data;
    try {
      ObjectNode event = json.createObjectNode().put("event", name);
      JsonNode parsed = json.readTree(data);
      long lastEventId = parsed.path("lastEventId").asLong();
      String reason = parsed.path("reason").asText().replace("Last-Event-ID", "?after=");
      event.put("reason", reason).put("lastEventId", lastEventId);
      message = json.writeValueAsString(event);
      closeReason = closeReason(name, lastEventId);
    } catch (Exception e) {
      closeReason = new CloseReason(FAILED, "stream ended");
    }
    return connection.sendText(message).subscribeAsCompletionStage();
  }

  /** The gap event as a message: {@code {"event":"gap","after":N,"oldestAvailable":M,...}}. */
  private String gap(String data) {
    try {
      ObjectNode event = json.createObjectNode().put("event", "gap");
      event.setAll((ObjectNode) json.readTree(data));
      return json.writeValueAsString(event);
    } catch (Exception e) {
      return data;
    }
  }

  /** The close frame of a final event; its reason fits the protocol's 123 bytes. */
  static CloseReason closeReason(String event, long lastEventId) {
    return switch (event) {
      case "cut-off" ->
          new CloseReason(
              CUT_OFF, "cut off: fell behind; reconnect with ?after=" + lastEventId + " to resume");
      case "end" -> new CloseReason(ENDED, "stream ended; resume with ?after=" + lastEventId);
      default -> new CloseReason(FAILED, "stream failed; reconnect with ?after=" + lastEventId);
    };
  }

  @Override
  public CompletionStage<?> comment(String text) {
    if (connection.isClosed()) {
      return CompletableFuture.failedFuture(new IllegalStateException("closed"));
    }
    return connection.sendPing(Buffer.buffer(text)).subscribeAsCompletionStage();
  }

  @Override
  public void close() {
    if (!connection.isClosed()) {
      connection.close(closeReason).subscribe().with(ignored -> {}, error -> {});
    }
  }

  @Override
  public boolean isClosed() {
    return connection.isClosed();
  }
}
