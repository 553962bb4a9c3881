package dev.daas.server.security;

import dev.daas.gateway.policy.Caller;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns an {@code Authorization: Bearer ...} header into a {@link Caller}: the bootstrap admin key,
 * an API key ({@code daas_...}) or a JWT. On first start with no keys and no configured admin key,
 * creates an admin key and prints it once.
 */
@ApplicationScoped
public class Authenticator {
  /** The role that may use the admin API and is unrestricted in the data API. */
  public static final String ADMIN = "admin";

  private static final Logger LOG = Logger.getLogger(Authenticator.class);
  private static final int MAX_TOKEN = 8192;

  @Inject ApiKeys keys;
  @Inject JwtVerifier jwt;
  @Inject SecurityConfig config;

  private volatile String bootstrapFingerprint;

  void onStart(@Observes StartupEvent event) {
    Optional<String> configured = config.adminKey().filter(key -> !key.isBlank());
    if (configured.isPresent()) {
      bootstrapFingerprint = KeyHasher.fingerprint(configured.get());
      return;
    }
    if (keys.isEmpty()) {
      ApiKeyView created = keys.create("admin (created at first start)", List.of(ADMIN));
      String line = "=".repeat(78);
      LOG.infof(
          "%n%s%n  First start: an admin API key was created. It is shown only this once;"
              + " keep it safe.%n%n    %s%n%n  Use it as: Authorization: Bearer <key>"
              + "  (manage keys under /admin/v1/keys)%n%s",
          line, created.key(), line);
    }
  }

  /** The caller of a request, or empty when the header is absent or no credential checks out. */
  public Optional<Caller> authenticate(String authorization) {
    if (authorization == null
        || authorization.length() > MAX_TOKEN
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = authorization.substring(7).trim();
    if (token.isEmpty()) {
      return Optional.empty();
    }
    String bootstrap = bootstrapFingerprint;
    if (bootstrap != null && KeyHasher.same(bootstrap, KeyHasher.fingerprint(token))) {
      return Optional.of(new Caller("bootstrap-admin", Set.of(ADMIN), Map.of()));
    }
    if (token.startsWith(ApiKeys.PREFIX)) {
      return keys.authenticate(token);
    }
    return jwt.verify(token);
  }
}
