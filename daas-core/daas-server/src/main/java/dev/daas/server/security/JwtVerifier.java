package dev.daas.server.security;

import dev.daas.gateway.policy.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Verifies JWT bearer tokens of an OpenID Connect provider (jose4j): signature by a key of the
 * configured JWKS (asymmetric algorithms only, so {@code alg: none} and HMAC tokens are refused),
 * issuer, expiry (required), not-before and audience, each with the configured clock skew. Roles
 * come from the configured claim.
 */
@ApplicationScoped
public class JwtVerifier {
  private static final Logger LOG = Logger.getLogger(JwtVerifier.class);

  @Inject SecurityConfig config;

  private JwtConsumer consumer;

  @PostConstruct
  void init() {
    SecurityConfig.Jwt jwt = config.jwt();
    if (jwt.issuer().isEmpty() || jwt.jwksUrl().isEmpty()) {
      return;
    }
    HttpsJwks jwks = new HttpsJwks(jwt.jwksUrl().get());
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds((int) jwt.clockSkew().toSeconds())
            .setExpectedIssuer(jwt.issuer().get())
            .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.RSA_USING_SHA256,
                AlgorithmIdentifiers.RSA_USING_SHA384,
                AlgorithmIdentifiers.RSA_USING_SHA512,
                AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
    if (jwt.audience().isPresent()) {
      builder.setExpectedAudience(jwt.audience().get());
    }
    consumer = builder.build();
  }

  public boolean enabled() {
    return consumer != null;
  }

  /** The caller a valid token stands for; empty for any token that fails a check. */
  public Optional<Caller> verify(String token) {
    if (consumer == null) {
      return Optional.empty();
    }
    try {
      JwtClaims claims = consumer.processToClaims(token);
      String subject = claims.getSubject() == null ? "unknown" : claims.getSubject();
      Map<String, Object> values = new LinkedHashMap<>();
      claims
          .getClaimsMap()
          .forEach(
              (name, value) -> {
                if (value instanceof String
                    || value instanceof Number
                    || value instanceof Boolean) {
                  values.put(name, value);
                }
              });
      return Optional.of(new Caller("jwt:" + subject, roles(claims), values));
    } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
      LOG.debugf("JWT refused: %s", e.getMessage());
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.debugf("JWT refused: %s", e.toString());
      return Optional.empty();
    }
  }

  private Set<String> roles(JwtClaims claims) {
    Object value = claims.getClaimValue(config.jwt().rolesClaim());
    Set<String> roles = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      list.forEach(role -> roles.add(String.valueOf(role)));
    } else if (value instanceof String text) {
      for (String role : text.split("[\\s,]+")) {
        if (!role.isBlank()) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
