package dev.daas.server.security;

import dev.daas.gateway.policy.Caller;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.http.Problem;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Authentication, the admin role, rate limits and the audit log for the admin API ({@code /admin/})
 * and the data API with its change streams ({@code /api/}). Probe ingest ({@code /probe/}) keeps
 * its own probe tokens. Every JSON answer gets a strict Content-Security-Policy.
 */
public class SecurityFilter {
  static final String STARTED = "daas.started";
  private static final String CSP = "default-src 'none'; frame-ancestors 'none'";

  // Looked up on first use: filters are created during static init, before config mappings exist.
  @Inject Instance<Authenticator> authenticator;
  @Inject Instance<RateLimits> rateLimits;
  @Inject Instance<RequestCaller> requestCaller;
  @Inject Instance<AuditLog> audit;

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
  public Optional<Response> authenticate(ContainerRequestContext context) {
    String path = context.getUriInfo().getPath();
    boolean admin = path.startsWith("/admin/");
    if (!admin && !path.startsWith("/api/")) {
      return Optional.empty();
    }
    context.setProperty(STARTED, System.nanoTime());
    Optional<Caller> caller =
        authenticator.get().authenticate(context.getHeaderString("Authorization"));
    if (caller.isEmpty()) {
      Response problem =
          Problem.response(
              ErrorCode.UNAUTHORIZED,
              "Send an API key or a bearer token: Authorization: Bearer <credential>",
              path,
              Map.of());
      return Optional.of(
          Response.fromResponse(problem)
              .header("WWW-Authenticate", "Bearer realm=\"daas\"")
              .build());
    }
    requestCaller.get().set(caller.get());
    if (admin && !caller.get().roles().contains(Authenticator.ADMIN)) {
      return Optional.of(
          Problem.response(
              ErrorCode.FORBIDDEN, "The admin API requires the role 'admin'", path, Map.of()));
    }
    OptionalLong wait = rateLimits.get().take(caller.get());
    if (wait.isPresent()) {
      Response problem =
          Problem.response(
              ErrorCode.RATE_LIMITED,
              "Too many requests; retry after " + wait.getAsLong() + " s",
              path,
              Map.of("retryAfter", wait.getAsLong()));
      return Optional.of(
          Response.fromResponse(problem)
              .header("Retry-After", Long.toString(wait.getAsLong()))
              .build());
    }
    return Optional.empty();
  }

  @ServerResponseFilter
  public void audit(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle("Content-Security-Policy", CSP);
    Object started = request.getProperty(STARTED);
    if (!(started instanceof Long nanos)) {
      return;
    }
    String path = request.getUriInfo().getPath();
    boolean admin = path.startsWith("/admin/");
    MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
    RequestCaller holder = requestCaller.get();
    Caller caller = holder.orNull();
    String operation = admin ? "admin" : path.endsWith("/changes") ? "subscribe" : "read";
    audit
        .get()
        .record(
            new AuditEvent(
                null,
                Instant.now(),
                caller == null ? null : caller.subject(),
                caller == null ? null : String.join(",", new TreeSet<>(caller.roles())),
                request.getMethod(),
                path,
                parameters.getFirst(admin ? "name" : "source"),
                admin ? null : parameters.getFirst("entity"),
                operation,
                admin ? null : request.getUriInfo().getQueryParameters().getFirst("filter"),
                holder.rows(),
                response.getStatus(),
                (System.nanoTime() - nanos) / 1_000_000));
  }
}
