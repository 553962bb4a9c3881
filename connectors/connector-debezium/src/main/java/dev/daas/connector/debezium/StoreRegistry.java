package dev.daas.connector.debezium;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands each running engine's {@link OffsetStore} to the offset and schema history classes that
 * Debezium instantiates by class name: the engine registers a binding under a fresh id and puts the
 * id into the Debezium configuration.
 */
final class StoreRegistry {
  /** The configuration key of the binding id, read by the offset store and the schema history. */
  static final String OFFSET_BINDING_KEY = "daas.offset.binding";

  static final String HISTORY_BINDING_KEY = "schema.history.internal.daas.binding";

  /** The offsets-map key under which the sequence high-water mark is saved. */
  static final String SEQUENCE_KEY = "daas.sequence";

  /** What an engine shares with its storage classes. */
  record Binding(String source, OffsetStore store, AtomicLong sequence) {}

  private static final Map<String, Binding> BINDINGS = new ConcurrentHashMap<>();

  private StoreRegistry() {}

  static void register(String id, Binding binding) {
    BINDINGS.put(id, binding);
  }

  static void unregister(String id) {
    BINDINGS.remove(id);
  }

  static Binding lookup(String id) {
    Binding binding = id == null ? null : BINDINGS.get(id);
    if (binding == null) {
      throw new IllegalStateException(
          "no offset store is registered under '" + id + "': start capture through CaptureEngine");
    }
    return binding;
  }
}
