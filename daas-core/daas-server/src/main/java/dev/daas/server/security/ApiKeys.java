package dev.daas.server.security;

import dev.daas.gateway.policy.Caller;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API keys: {@code daas_<id>_<secret>}. The id is public and finds the row, so a request costs one
 * slow hash at most; a successful verification is remembered for {@code
 * daas.security.key-cache-ttl} (by a SHA-256 fingerprint of the key, never the key, in {@link
 * VerifiedKeys}), and forgotten at once on revoke or rotate by this instance, and within {@code
 * daas.security.key-sync-interval} on every other instance ({@link KeySync}).
 */
@ApplicationScoped
public class ApiKeys {
  static final String PREFIX = "daas_";
  private static final Pattern ID = Pattern.compile("[0-9a-f]{12}");
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final String COLUMNS =
      "key_id, name, roles, salt, hash, iterations, created_at, rotated_at, last_used_at,"
          + " revoked_at";

  @Inject AgroalDataSource metadata;
  @Inject SecurityConfig config;
  @Inject VerifiedKeys verified;

  /** Creates a key; the answer is the only place the key ever appears. */
  public ApiKeyView create(String name, List<String> roles) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "name is required (1 to 200 characters)",
          Map.of("field", "name"));
    }
    Set<String> checked = roles(roles);
    String id = KeyHasher.randomId();
    String key = newKey(id);
    String salt = KeyHasher.salt();
    int iterations = config.keyHashIterations();
    Instant now = Instant.now();
    update(
        "INSERT INTO api_key (key_id, name, roles, salt, hash, iterations, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        id,
        name,
        String.join(",", checked),
        salt,
        KeyHasher.hash(key, salt, iterations),
        iterations,
        Timestamp.from(now));
    return require(id).withKey(key);
  }

  public List<ApiKeyView> list() {
    return query("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at, key_id");
  }

  public boolean isEmpty() {
    return query("SELECT " + COLUMNS + " FROM api_key").isEmpty();
  }

  /** A new secret for the key; the old one stops working at once. */
  public ApiKeyView rotate(String id) {
    ApiKeyView current = require(id);
    if (current.revoked() != null) {
      throw new DaasException(
          ErrorCode.CONFLICT, "key '" + id + "' is revoked; create a new one", Map.of("id", id));
    }
    String key = newKey(id);
    String salt = KeyHasher.salt();
    int iterations = config.keyHashIterations();
    update(
        "UPDATE api_key SET salt = ?, hash = ?, iterations = ?, rotated_at = ? WHERE key_id = ?",
        salt,
        KeyHasher.hash(key, salt, iterations),
        iterations,
        Timestamp.from(Instant.now()),
        id);
    verified.forget(id);
    return require(id).withKey(key);
  }

  public ApiKeyView revoke(String id) {
    require(id);
    update(
        "UPDATE api_key SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
        Timestamp.from(Instant.now()),
        id);
    verified.forget(id);
    return require(id);
  }

  /** The caller a key stands for, or empty for a malformed, unknown, revoked or wrong key. */
  public Optional<Caller> authenticate(String key) {
    if (!key.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int separator = key.indexOf('_', PREFIX.length());
    if (separator < 0) {
      return Optional.empty();
    }
    String id = key.substring(PREFIX.length(), separator);
    if (!ID.matcher(id).matches()) {
      return Optional.empty();
    }
    String fingerprint = KeyHasher.fingerprint(key);
    Caller known = verified.get(id, fingerprint);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Stored> stored = stored(id);
    if (stored.isEmpty()
        || stored.get().state().revoked()
        || !KeyHasher.same(
            stored.get().state().hash(),
            KeyHasher.hash(key, stored.get().state().salt(), stored.get().iterations()))) {
      return Optional.empty();
    }
    update(
        "UPDATE api_key SET last_used_at = ? WHERE key_id = ?", Timestamp.from(Instant.now()), id);
    Caller caller =
        new Caller(
            "key:" + id,
            stored.get().state().roles(),
            Map.of("key", id, "name", stored.get().name()));
    verified.put(
        id,
        fingerprint,
        caller,
        stored.get().state(),
        System.nanoTime() + config.keyCacheTtl().toNanos());
    return Optional.of(caller);
  }

  private static String newKey(String id) {
    return PREFIX + id + "_" + KeyHasher.randomToken(32);
  }

  private static Set<String> roles(List<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "roles must name at least one role",
          Map.of("field", "roles"));
    }
    Set<String> checked = new LinkedHashSet<>();
    for (String role : roles) {
      if (role == null || !ROLE.matcher(role).matches()) {
        throw new DaasException(
            ErrorCode.VALIDATION_FAILED,
            "a role is 1 to 64 letters, digits, '_', '.', ':' or '-'",
            Map.of("field", "roles"));
      }
      checked.add(role);
    }
    return checked;
  }

  private record Stored(String name, int iterations, VerifiedKeys.State state) {}

  private Optional<Stored> stored(String id) {
    try (Connection c = metadata.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM api_key WHERE key_id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Stored(r.getString("name"), r.getInt("iterations"), KeySync.state(r)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read API key " + id, e);
    }
  }

  private ApiKeyView require(String id) {
    List<ApiKeyView> found =
        id != null && ID.matcher(id).matches()
            ? query("SELECT " + COLUMNS + " FROM api_key WHERE key_id = ?", id)
            : List.of();
    if (found.isEmpty()) {
      throw new DaasException(
          ErrorCode.NOT_FOUND, "no API key '" + id + "'", Map.of("id", String.valueOf(id)));
    }
    return found.get(0);
  }

  private List<ApiKeyView> query(String sql, Object... parameters) {
    try (Connection c = metadata.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      List<ApiKeyView> keys = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          keys.add(
              new ApiKeyView(
                  r.getString("key_id"),
                  r.getString("name"),
                  List.of(r.getString("roles").split(",")),
                  instant(r, "created_at"),
                  instant(r, "rotated_at"),
                  instant(r, "last_used_at"),
                  instant(r, "revoked_at"),
                  null));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read API keys", e);
    }
  }

  private void update(String sql, Object... parameters) {
    try (Connection c = metadata.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write API keys", e);
    }
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    Timestamp value = r.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}
