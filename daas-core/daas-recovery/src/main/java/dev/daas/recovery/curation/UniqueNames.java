package dev.daas.recovery.curation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Name helpers that keep API names unique. */
final class UniqueNames {
  private UniqueNames() {}

  /** {@code candidate}, or {@code candidate_2}, {@code candidate_3}... whichever is not taken. */
  static String unique(String candidate, Set<String> taken) {
    if (!taken.contains(candidate)) {
      return candidate;
    }
    for (int i = 2; ; i++) {
      String next = candidate + "_" + i;
      if (!taken.contains(next)) {
        return next;
      }
    }
  }

  /**
   * The requested renames that cannot be applied: those whose name would be shared with another
   * element or is reserved. Decided on the final names, so swapping two names works; renames that
   * clash are all refused (none wins by order), and refusing one can make another clash with the
   * name it keeps, so this repeats until nothing changes. Deterministic.
   *
   * @param current element to its name now
   * @param requested element to the name asked for
   * @param reserved names no element may take
   */
  static <K> Set<K> refused(
      Map<K, String> current, Map<K, String> requested, Set<String> reserved) {
    Set<K> refused = new LinkedHashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      Map<K, String> result = new LinkedHashMap<>(current);
      requested.forEach(
          (k, name) -> {
            if (!refused.contains(k) && current.containsKey(k)) {
              result.put(k, name);
            }
          });
      Map<String, Integer> counts = new HashMap<>();
      result.values().forEach(n -> counts.merge(n, 1, Integer::sum));
      for (Map.Entry<K, String> r : requested.entrySet()) {
        K k = r.getKey();
        if (refused.contains(k) || !current.containsKey(k) || r.getValue().equals(current.get(k))) {
          continue;
        }
        if (counts.get(r.getValue()) > 1 || reserved.contains(r.getValue())) {
          refused.add(k);
          changed = true;
        }
      }
    }
    return refused;
  }
}
