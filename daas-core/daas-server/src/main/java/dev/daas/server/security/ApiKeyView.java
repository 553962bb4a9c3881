package dev.daas.server.security;

import java.time.Instant;
import java.util.List;

/**
 * An API key as the admin API shows it: never the key itself.
 *
 * @param id the key's public id, also embedded in the key
 * @param key the key, present only in the answer that created or rotated it
 */
public record ApiKeyView(
    String id,
    String name,
    List<String> roles,
    Instant created,
    Instant rotated,
    Instant lastUsed,
    Instant revoked,
    String key) {
  ApiKeyView withKey(String key) {
    return new ApiKeyView(id, name, roles, created, rotated, lastUsed, revoked, key);
  }
}
