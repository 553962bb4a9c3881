package dev.daas.server.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.Caller;
import dev.daas.gateway.policy.Operation;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.cdc.CdcSettingsStore;
import dev.daas.server.cdc.ChangeLog;
import dev.daas.server.cdc.EntityNames;
import dev.daas.server.secrets.Secrets;
import dev.daas.server.security.Authorizations;
import dev.daas.server.webhook.DeadLetters.DeadLetter;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Webhooks of a source: {@code /admin/v1/sources/{name}/webhooks} (admin role, checked by the
 * security filter). The signing secret is shown once, in the answer to the creation.
 */
@Path("/admin/v1/sources/{name}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_DEAD_LETTERS = 1000;

  @Inject WebhookStore store;
  @Inject DeadLetters deadLetters;
  @Inject WebhookDeliveries deliveries;
  @Inject CdcSettingsStore settingsStore;
  @Inject EntityNames names;
  @Inject ChangeLog log;
  @Inject Secrets secrets;
  @Inject Authorizations authorizations;

  /** The answer to a creation: the webhook and, this once, its secret. */
  public record Created(@JsonUnwrapped Webhook webhook, String secret) {}

  /** The optional body of a replay: the dead letters to send again; absent or empty: all. */
  public record Replay(List<Long> ids) {}

  /**
   * What a replay did: letters are sent in the order they failed, each shaped again under the
   * role's current policy; the first that fails again stops the replay (the receiver is still down,
   * and each attempt may take the whole timeout), so the rest are {@code notAttempted} and stay
   * dead letters. Letters the role may no longer see are {@code withheld} (removed, never sent);
   * those whose change was pruned from the log are {@code expiredIds} (kept, never sent with an
   * outdated shape).
   */
  public record Replayed(
      int delivered,
      int failed,
      List<Long> failedIds,
      int notAttempted,
      int withheld,
      List<Long> expiredIds) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("name") String source, WebhookRequest body) {
    if (body == null) {
      throw new DaasException(ErrorCode.VALIDATION_FAILED, "The request body is empty");
    }
    long sourceId = settingsStore.requireSourceId(source);
    Optional<DataModel> model = names.model(source);
    Set<String> entities =
        model
            .map(m -> m.entities().stream().map(Entity::name).collect(Collectors.toSet()))
            .orElse(Set.of());
    Authorization authorization =
        model
            .filter(m -> body.role() != null)
            .map(m -> authorizations.of(new Caller("webhook", Set.of(body.role()), Map.of()), m))
            .orElse(null);
    WebhookValidation.check(
        body,
        entities,
        entity -> authorization != null && authorization.allows(entity, Operation.SUBSCRIBE));
    String secret = WebhookSignature.newSecret();
    Webhook webhook =
        new Webhook(
            "wh_" + HexFormat.of().formatHex(id()),
            source,
            sourceId,
            body.url(),
            List.copyOf(body.entities()),
            body.role(),
            body.description(),
            secrets.seal(secret),
            log.lastSequence(sourceId),
            Instant.now().truncatedTo(ChronoUnit.MILLIS));
    store.insert(webhook);
    deliveries.start(webhook);
    return Response.created(
            UriBuilder.fromPath("/admin/v1/sources/{name}/webhooks/{id}")
                .build(source, webhook.id()))
        .header("Cache-Control", "no-store")
        .entity(new Created(webhook, secret))
        .build();
  }

  @GET
  public List<Webhook> list(@PathParam("name") String source) {
    settingsStore.requireSourceId(source);
    return store.list(source);
  }

  @GET
  @Path("{id}")
  public Webhook get(@PathParam("name") String source, @PathParam("id") String id) {
    return require(source, id);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("name") String source, @PathParam("id") String id) {
    require(source, id);
    deliveries.stop(id);
    store.delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/dead-letters")
  public List<DeadLetter> deadLetters(
      @PathParam("name") String source, @PathParam("id") String id) {
    require(source, id);
    return deadLetters.list(id, MAX_DEAD_LETTERS);
  }

  /** Sends dead letters again, once each, now; delivered ones are removed. */
  @POST
  @Path("{id}/dead-letters/replay")
  public Replayed replay(
      @PathParam("name") String source, @PathParam("id") String id, Replay body) {
    Webhook webhook = require(source, id);
    Set<Long> wanted = body == null || body.ids() == null ? Set.of() : Set.copyOf(body.ids());
    List<DeadLetter> letters = deadLetters.list(id, MAX_DEAD_LETTERS);
    Set<Long> unknown = new java.util.TreeSet<>(wanted);
    letters.forEach(letter -> unknown.remove(letter.id()));
    if (!unknown.isEmpty()) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "Webhook '" + id + "' has no dead letters with the ids " + unknown + "; nothing was sent",
          Map.of("field", "ids"));
    }
    int delivered = 0;
    int notAttempted = 0;
    int withheld = 0;
    List<Long> expired = new java.util.ArrayList<>();
    List<Long> failed = new java.util.ArrayList<>();
    for (DeadLetter letter : letters) {
      if (!wanted.isEmpty() && !wanted.contains(letter.id())) {
        continue;
      }
      if (!failed.isEmpty()) {
        notAttempted++;
        continue;
      }
      WebhookDeliveries.Reshaped now = deliveries.reshape(webhook, letter);
      if ("withheld".equals(now.reason())) {
        // the role may no longer see this change: it is not sent, and not kept
        deadLetters.delete(letter.id());
        withheld++;
        continue;
      }
      if (now.body() == null) {
        expired.add(letter.id());
        continue;
      }
      String error = deliveries.sendOnce(webhook, letter.sequence(), now.body());
      if (error == null) {
        deadLetters.delete(letter.id());
        delivered++;
      } else {
        deadLetters.failedAgain(letter.id(), error);
        failed.add(letter.id());
      }
    }
    return new Replayed(delivered, failed.size(), failed, notAttempted, withheld, expired);
  }

  private Webhook require(String source, String id) {
    settingsStore.requireSourceId(source);
    return store
        .get(source, id)
        .orElseThrow(
            () ->
                new DaasException(
                    ErrorCode.NOT_FOUND,
                    "Source '" + source + "' has no webhook '" + id + "'",
                    Map.of("webhook", id)));
  }

  private static byte[] id() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
