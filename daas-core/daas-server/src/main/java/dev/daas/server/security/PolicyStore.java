package dev.daas.server.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.gateway.policy.PolicyValidator;
import dev.daas.gateway.policy.RolePolicy;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.model.ModelVersion;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Role policies in the metadata store, one per role and source, each with the model version it was
 * validated against. Reads for requests are cached per source for two seconds (so other instances'
 * changes arrive within that); this instance's own writes apply at once.
 */
@ApplicationScoped
public class PolicyStore {
  private static final long CACHE_NANOS = 2_000_000_000L;

  @Inject AgroalDataSource metadata;
  @Inject ObjectMapper json;

  /** A stored policy as the admin API shows it. */
  public record Stored(String role, int modelVersion, Instant updated, PolicyBody policy) {}

  private record Cached(List<RolePolicy> policies, long until) {}

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** Validates the body against the model and saves it; every violation is listed at once. */
  public Stored save(String source, String role, PolicyBody body, ModelVersion model) {
    List<String> violations = new ArrayList<>();
    RolePolicy policy = body.toPolicy(role, source, violations);
    violations.addAll(PolicyValidator.violations(policy, model.model()));
    if (!violations.isEmpty()) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "the policy of role '"
              + role
              + "' on source '"
              + source
              + "' has "
              + violations.size()
              + (violations.size() == 1 ? " problem: " : " problems: ")
              + String.join("; ", violations),
          Map.of("role", role, "violations", violations));
    }
    long sourceId = sourceId(source);
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a policy", e);
    }
    Instant now = Instant.now();
    try (Connection c = metadata.getConnection()) {
      try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM role_policy WHERE source_id = ? AND role = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO role_policy (source_id, role, policy_json, model_version,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?)")) {
        delete.setLong(1, sourceId);
        delete.setString(2, role);
        delete.executeUpdate();
        insert.setLong(1, sourceId);
        insert.setString(2, role);
        insert.setString(3, text);
        insert.setInt(4, model.version());
        insert.setTimestamp(5, Timestamp.from(now));
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot save a policy", e);
    }
    cache.remove(source);
    return new Stored(role, model.version(), now, body);
  }

  public List<Stored> list(String source) {
    long sourceId = sourceId(source);
    List<Stored> stored = new ArrayList<>();
    try (Connection c = metadata.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT role, policy_json, model_version, updated_at FROM role_policy"
                    + " WHERE source_id = ? ORDER BY role")) {
      s.setLong(1, sourceId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          stored.add(
              new Stored(
                  r.getString("role"),
                  r.getInt("model_version"),
                  r.getTimestamp("updated_at").toInstant(),
                  json.readValue(r.getString("policy_json"), PolicyBody.class)));
        }
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("cannot read policies of " + source, e);
    }
    return stored;
  }

  public Stored get(String source, String role) {
    return list(source).stream()
        .filter(p -> p.role().equals(role))
        .findFirst()
        .orElseThrow(
            () ->
                new DaasException(
                    ErrorCode.NOT_FOUND,
                    "source '" + source + "' has no policy for role '" + role + "'",
                    Map.of("role", role)));
  }

  public void delete(String source, String role) {
    get(source, role);
    try (Connection c = metadata.getConnection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM role_policy WHERE source_id = ? AND role = ?")) {
      s.setLong(1, sourceId(source));
      s.setString(2, role);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete a policy", e);
    }
    cache.remove(source);
  }

  /** The policies of a source for request handling (cached). */
  public List<RolePolicy> policies(String source) {
    Cached cached = cache.get(source);
    if (cached != null && cached.until() > System.nanoTime()) {
      return cached.policies();
    }
    List<RolePolicy> policies = new ArrayList<>();
    for (Stored stored : list(source)) {
      policies.add(stored.policy().toPolicy(stored.role(), source, new ArrayList<>()));
    }
    // the same instance until the next reload: Authorizations keys its cache on it
    List<RolePolicy> loaded = List.copyOf(policies);
    cache.put(source, new Cached(loaded, System.nanoTime() + CACHE_NANOS));
    return loaded;
  }

  private long sourceId(String source) {
    try (Connection c = metadata.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id FROM source WHERE name = ?")) {
      s.setString(1, source);
      try (ResultSet r = s.executeQuery()) {
        if (r.next()) {
          return r.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read source " + source, e);
    }
    throw new DaasException(
        ErrorCode.UNKNOWN_SOURCE, "no source '" + source + "'", Map.of("source", source));
  }
}
