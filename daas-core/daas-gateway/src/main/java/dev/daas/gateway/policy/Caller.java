package dev.daas.gateway.policy;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as authentication established it (an API key or a verified JWT).
 *
 * @param subject the key id or the token's {@code sub}; never a secret
 * @param roles the caller's roles; policies are looked up by role
 * @param claims values row filters may refer to as {@code $claims.name}: strings, numbers and
 *     booleans (other values, and absent or null claims, make the filter that names them deny)
 */
public record Caller(String subject, Set<String> roles, Map<String, Object> claims) {
  public Caller {
    requireNonNull(subject, "subject is null");
    roles = Set.copyOf(requireNonNull(roles, "roles is null"));
    // claims may hold null values, which Map.copyOf refuses
    claims =
        Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(claims, "claims is null")));
  }
}
