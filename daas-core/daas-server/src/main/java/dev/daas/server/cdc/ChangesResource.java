package dev.daas.server.cdc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.Operation;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.security.Authorizations;
import dev.daas.server.security.RequestCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Change streams as server-sent events: {@code GET /api/v1/{source}/{entity}/changes}. Each event
 * has the change's sequence as id, so a client that reconnects with {@code Last-Event-ID} (or
 * {@code ?after=}) gets the changes after it from the change log, then live ones. The caller needs
 * the {@code subscribe} operation on the entity; each change is shaped by its policy ({@link
 * ChangeView}).
 */
@Path("/api/v1/{source}/{entity}/changes")
public class ChangesResource {
  @Inject EntityNames names;
  @Inject CdcSettingsStore settingsStore;
  @Inject ChangeLog log;
  @Inject ChangeLogRetention retention;
  @Inject ChangeHub hub;
  @Inject CdcConfig config;
  @Inject RequestCaller caller;
  @Inject Authorizations authorizations;
  @Inject ObjectMapper json;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void changes(
      @PathParam("source") String source,
      @PathParam("entity") String entity,
      @HeaderParam("Last-Event-ID") String lastEventId,
      @QueryParam("after") String after,
      @Context SseEventSink sink,
      @Context Sse sse) {
    long sourceId = settingsStore.requireSourceId(source);
    names.requireEntity(source, entity);
    Authorization authorization =
        authorizations.of(caller.require(), names.model(source).orElseThrow());
    authorization.require(entity, Operation.SUBSCRIBE);
    Long resumeAfter = resumePoint(lastEventId != null ? lastEventId : after);
    ChangeSubscriber[] self = new ChangeSubscriber[1];
    ChangeSubscriber subscriber =
        new ChangeSubscriber(
            source,
            entity,
            resumeAfter,
            new SseSink(sink, sse),
            new LogReplay(log, retention, sourceId, entity),
            hub.writers(),
            config.subscriberBuffer(),
            () -> hub.unsubscribe(self[0]),
            new ChangeView(authorization, json));
    self[0] = subscriber;
    hub.subscribe(subscriber);
    subscriber.start();
  }

  private static Long resumePoint(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long sequence = Long.parseLong(value.trim());
      if (sequence >= 0) {
        return sequence;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DaasException(
        ErrorCode.VALIDATION_FAILED,
        "Last-Event-ID and after must be an event id (a sequence number >= 0), not '" + value + "'",
        Map.of("field", "Last-Event-ID"));
  }

  /** Writes to a JAX-RS server-sent event connection. */
  private record SseSink(SseEventSink sink, Sse sse) implements EventSink {
    @Override
    public CompletionStage<?> send(String name, String id, String data) {
      OutboundSseEvent.Builder event =
          sse.newEventBuilder().name(name).data(data).mediaType(MediaType.TEXT_PLAIN_TYPE);
      if (id != null) {
        event.id(id);
      }
      return sink.send(event.build());
    }

    @Override
    public CompletionStage<?> comment(String text) {
      return sink.send(sse.newEventBuilder().comment(text).build());
    }

    @Override
    public void close() {
      sink.close();
    }

    @Override
    public boolean isClosed() {
      return sink.isClosed();
    }
  }
}
