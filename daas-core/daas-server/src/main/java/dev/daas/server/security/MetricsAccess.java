package dev.daas.server.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.gateway.policy.Caller;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.http.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Puts {@code /q/metrics} behind authentication: a caller with the role {@code admin} or {@code
 * metrics} may scrape it. The metrics name every source and count its errors, which is more than an
 * anonymous visitor should learn. The route runs before Micrometer's, on a worker thread, since
 * checking a key may read the metadata store. Health ({@code /q/health}) stays open for load
 * balancers and orchestrators.
 */
@ApplicationScoped
public class MetricsAccess {
  /** The role a scraper's key needs when it is not an admin key. */
  public static final String METRICS = "metrics";

  static final String PATH = "/q/metrics";

  @Inject Authenticator authenticator;
  @Inject ObjectMapper json;

  void route(@Observes Router router) {
    router.route(PATH).order(Integer.MIN_VALUE).blockingHandler(this::check, false);
    router.route(PATH + "/*").order(Integer.MIN_VALUE).blockingHandler(this::check, false);
  }

  private void check(RoutingContext context) {
    Optional<Caller> caller =
        authenticator.authenticate(context.request().getHeader(HttpHeaders.AUTHORIZATION));
    if (caller.isEmpty()) {
      refuse(
          context,
          ErrorCode.UNAUTHORIZED,
          "Send an API key or a bearer token with the role 'metrics' or 'admin'");
      return;
    }
    if (!caller.get().roles().contains(Authenticator.ADMIN)
        && !caller.get().roles().contains(METRICS)) {
      refuse(context, ErrorCode.FORBIDDEN, "Metrics require the role 'metrics' or 'admin'");
      return;
    }
    context.next();
  }

  private void refuse(RoutingContext context, ErrorCode code, String detail) {
    String body;
    try {
      body = json.writeValueAsString(Problem.body(code, detail, PATH, Map.of()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem document is plain strings and numbers", e);
    }
    var response = context.response().setStatusCode(code.status());
    response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    if (code == ErrorCode.UNAUTHORIZED) {
      response.putHeader("WWW-Authenticate", "Bearer realm=\"daas\"");
    }
    response.end(body);
  }
}
