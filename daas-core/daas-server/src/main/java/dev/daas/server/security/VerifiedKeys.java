package dev.daas.server.security;

import dev.daas.gateway.policy.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys verified recently, so the slow hash is paid once per {@code
 * daas.security.key-cache-ttl}. Each entry remembers the stored state it was verified against
 * (salt, hash, roles); {@link KeySync} compares that with the metadata store every {@code
 * daas.security.key-sync-interval} and drops entries whose key was revoked, rotated, changed or
 * removed, by any instance.
 */
@ApplicationScoped
public class VerifiedKeys {
  /** The stored state of a key a verification relied on. */
  record State(String salt, String hash, Set<String> roles, boolean revoked) {}

  private record Entry(String fingerprint, Caller caller, State state, long until) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** The caller of a key verified before, while the entry is fresh and the key is the same. */
  Caller get(String id, String fingerprint) {
    Entry entry = entries.get(id);
    if (entry != null
        && entry.until() > System.nanoTime()
        && KeyHasher.same(entry.fingerprint(), fingerprint)) {
      return entry.caller();
    }
    return null;
  }

  void put(String id, String fingerprint, Caller caller, State state, long untilNanos) {
    entries.put(id, new Entry(fingerprint, caller, state, untilNanos));
  }

  void forget(String id) {
    entries.remove(id);
  }

  /** Ids with an entry, expired ones dropped first. */
  List<String> ids() {
    long now = System.nanoTime();
    entries.values().removeIf(e -> e.until() <= now);
    return List.copyOf(entries.keySet());
  }

  /**
   * Drops the entries of these ids whose stored state is no longer the one they were verified
   * against ({@code stored} lacks removed keys).
   *
   * @return how many entries were dropped
   */
  int retain(List<String> ids, Map<String, State> stored) {
    int dropped = 0;
    for (String id : ids) {
      Entry entry = entries.get(id);
      if (entry != null && !Objects.equals(entry.state(), stored.get(id))) {
        entries.remove(id, entry);
        dropped++;
      }
    }
    return dropped;
  }
}
