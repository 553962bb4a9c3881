package dev.daas.connector.debezium;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link OffsetStore} in memory: survives an engine restart within one JVM, not a JVM restart.
 * Meant for tests and for sources whose capture may start over.
 */
public final class InMemoryOffsetStore implements OffsetStore {
  private final Map<String, Map<String, String>> offsets = new ConcurrentHashMap<>();
  private final Map<String, List<String>> histories = new ConcurrentHashMap<>();

  @Override
  public Map<String, String> loadOffsets(String source) {
    return offsets.getOrDefault(source, Map.of());
  }

  @Override
  public void saveOffsets(String source, Map<String, String> values) {
    offsets.put(source, Map.copyOf(values));
  }

  @Override
  public List<String> loadSchemaHistory(String source) {
    List<String> history = histories.get(source);
    if (history == null) {
      return List.of();
    }
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  @Override
  public void appendSchemaHistory(String source, String record) {
    List<String> history = histories.computeIfAbsent(source, s -> new ArrayList<>());
    synchronized (history) {
      history.add(record);
    }
  }

  @Override
  public void delete(String source) {
    offsets.remove(source);
    histories.remove(source);
  }
}
