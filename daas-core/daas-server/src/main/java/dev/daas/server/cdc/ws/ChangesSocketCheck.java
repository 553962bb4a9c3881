package dev.daas.server.cdc.ws;

import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.Caller;
import dev.daas.gateway.policy.Operation;
import dev.daas.model.error.DaasException;
import dev.daas.server.cdc.CdcSettingsStore;
import dev.daas.server.cdc.EntityNames;
import dev.daas.server.cdc.ResumePoint;
import dev.daas.server.security.AuditEvent;
import dev.daas.server.security.AuditLog;
import dev.daas.server.security.Authenticator;
import dev.daas.server.security.Authorizations;
import dev.daas.server.security.RateLimits;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Checks a WebSocket change stream before the upgrade, as the security filter does for SSE (which
 * does not run for WebSocket endpoints): the caller's credential, rate limit, the source and entity
 * and the {@code subscribe} operation. A refused upgrade is an HTTP answer (401, 403, 404, 400,
 * 429) with an {@code X-Daas-Problem} header naming the reason; an accepted one hands the caller's
 * authorization to the endpoint through the connection's user data.
 */
@ApplicationScoped
public class ChangesSocketCheck implements HttpUpgradeCheck {
  static final UserData.TypedKey<Authorization> AUTHORIZATION =
      new UserData.TypedKey<>("daas.authorization");
  static final UserData.TypedKey<Long> SOURCE_ID = UserData.TypedKey.forLong("daas.source-id");
  static final UserData.TypedKey<Long> AFTER = UserData.TypedKey.forLong("daas.after");

  @Inject Authenticator authenticator;
  @Inject RateLimits rateLimits;
  @Inject CdcSettingsStore settingsStore;
  @Inject EntityNames names;
  @Inject Authorizations authorizations;
  @Inject AuditLog audit;

  @Override
  public boolean appliesTo(String endpointId) {
    return ChangesSocket.ID.equals(endpointId);
  }

  @Override
  public Uni<CheckResult> perform(HttpUpgradeContext context) {
    // Key hashing and the metadata store block: never on the event loop.
    return Uni.createFrom()
        .item(() -> check(context))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private CheckResult check(HttpUpgradeContext context) {
    long started = System.nanoTime();
    String source = context.pathParam("source");
    String entity = context.pathParam("entity");
    Caller caller =
        authenticator.authenticate(context.httpRequest().getHeader("Authorization")).orElse(null);
    int status = 101;
    CheckResult result;
    if (caller == null) {
      status = 401;
      result =
          reject(
              401,
              "Send an API key or a bearer token: Authorization: Bearer <credential>",
              Map.of("WWW-Authenticate", List.of("Bearer realm=\"daas\"")));
    } else {
      OptionalLong wait = rateLimits.take(caller);
      if (wait.isPresent()) {
        status = 429;
        result =
            reject(
                429,
                "Too many requests; retry after " + wait.getAsLong() + " s",
                Map.of("Retry-After", List.of(Long.toString(wait.getAsLong()))));
      } else {
        try {
          long sourceId = settingsStore.requireSourceId(source);
          names.requireEntity(source, entity);
          Authorization authorization =
              authorizations.of(caller, names.model(source).orElseThrow());
          authorization.require(entity, Operation.SUBSCRIBE);
          Long after = ResumePoint.parse(context.httpRequest().getParam("after"), "after", "after");
          context.userData().put(AUTHORIZATION, authorization);
          context.userData().put(SOURCE_ID, sourceId);
          if (after != null) {
            context.userData().put(AFTER, after);
          }
          result = CheckResult.permitUpgradeSync();
        } catch (DaasException e) {
          status = e.code().status();
          result = reject(status, e.code().slug() + ": " + e.getMessage(), Map.of());
        } catch (RuntimeException e) {
          // the metadata store failed, or the model went away meanwhile: refuse, and audit it
          status = 503;
          result =
              reject(
                  503,
                  "source-unavailable: the stream cannot be checked now; retry",
                  Map.of("Retry-After", List.of("5")));
        }
      }
    }
    audit.record(
        new AuditEvent(
            null,
            Instant.now(),
            caller == null ? null : caller.subject(),
            caller == null ? null : String.join(",", new TreeSet<>(caller.roles())),
            "GET",
            context.httpRequest().path(),
            source,
            entity,
            "subscribe",
            null,
            null,
            status,
            (System.nanoTime() - started) / 1_000_000));
    return result;
  }

  private static CheckResult reject(int status, String reason, Map<String, List<String>> headers) {
    Map<String, List<String>> all = new java.util.HashMap<>(headers);
    all.put("X-Daas-Problem", List.of(reason.replaceAll("[\\r\\n]", " ")));
    return CheckResult.rejectUpgradeSync(status, all);
  }
}
