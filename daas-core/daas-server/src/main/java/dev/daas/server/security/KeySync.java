package dev.daas.server.security;

import dev.daas.server.ops.DaemonThreads;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Brings revocation and rotation by other instances (or by SQL on the metadata store) to this
 * instance within {@code daas.security.key-sync-interval}: every interval it reads the stored state
 * of the keys this instance has verified recently, by primary key, and drops those that changed.
 * With nothing cached it reads nothing. When the store cannot be read, entries live out their TTL.
 */
@ApplicationScoped
public class KeySync {
  private static final Logger LOG = Logger.getLogger(KeySync.class);
  private static final int CHUNK = 200;

  @Inject AgroalDataSource metadata;
  @Inject VerifiedKeys verified;
  @Inject SecurityConfig config;

  private ScheduledExecutorService scheduler;

  void start(@Observes StartupEvent event) {
    long millis = Math.max(100, config.keySyncInterval().toMillis());
    scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("daas-key-sync"));
    scheduler.scheduleWithFixedDelay(this::syncQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private void syncQuietly() {
    try {
      sync();
    } catch (RuntimeException e) {
      LOG.warnf("cannot check cached API keys against the metadata store: %s", e.getMessage());
    }
  }

  /** One round: returns how many cached verifications were dropped. */
  int sync() {
    List<String> ids = verified.ids();
    int dropped = 0;
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      dropped += verified.retain(chunk, stored(chunk));
    }
    return dropped;
  }

  private Map<String, VerifiedKeys.State> stored(List<String> ids) {
    String marks = String.join(",", ids.stream().map(id -> "?").toList());
    try (Connection c = metadata.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT key_id, salt, hash, roles, revoked_at FROM api_key WHERE key_id IN ("
                    + marks
                    + ")")) {
      for (int i = 0; i < ids.size(); i++) {
        s.setString(i + 1, ids.get(i));
      }
      Map<String, VerifiedKeys.State> states = new HashMap<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          states.put(r.getString("key_id"), state(r));
        }
      }
      return states;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read API keys: " + e.getMessage(), e);
    }
  }

  /** The state of a key as a row of api_key holds it (key_id, salt, hash, roles, revoked_at). */
  static VerifiedKeys.State state(ResultSet r) throws SQLException {
    return new VerifiedKeys.State(
        r.getString("salt"),
        r.getString("hash"),
        new LinkedHashSet<>(Arrays.asList(r.getString("roles").split(","))),
        r.getTimestamp("revoked_at") != null);
  }
}
