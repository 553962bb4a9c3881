package dev.daas.server.cdc;

import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.Operation;
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
  @Inject ChangeHub hub;
  @Inject RequestCaller caller;
  @Inject Authorizations authorizations;

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
    Long resumeAfter =
        ResumePoint.parse(
            lastEventId != null ? lastEventId : after, "Last-Event-ID and after", "Last-Event-ID");
    hub.open(source, sourceId, entity, resumeAfter, new SseSink(sink, sse), authorization);
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
