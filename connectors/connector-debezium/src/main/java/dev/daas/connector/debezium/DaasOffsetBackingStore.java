package dev.daas.connector.debezium;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * The Kafka Connect offset store that Debezium writes to, backed by an {@link OffsetStore}. Named
 * in the {@code offset.storage} property; Debezium instantiates it, so it finds its store through
 * {@link StoreRegistry}. Offsets are JSON (Debezium's internal converter), kept as UTF-8 strings.
 * The engine calls {@code set} only after the consumer callback of a batch returned.
 */
public final class DaasOffsetBackingStore extends MemoryOffsetBackingStore {
  private StoreRegistry.Binding binding;

  @Override
  public void configure(WorkerConfig config) {
    super.configure(config);
    binding = StoreRegistry.lookup(config.originalsStrings().get(StoreRegistry.OFFSET_BINDING_KEY));
  }

  @Override
  public synchronized void start() {
    super.start();
    for (Map.Entry<String, String> entry :
        binding.store().loadOffsets(binding.source()).entrySet()) {
      if (!entry.getKey().equals(StoreRegistry.SEQUENCE_KEY)) {
        data.put(bytes(entry.getKey()), bytes(entry.getValue()));
      }
    }
  }

  @Override
  protected void save() {
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<ByteBuffer, ByteBuffer> entry : data.entrySet()) {
      if (entry.getKey() != null && entry.getValue() != null) {
        values.put(text(entry.getKey()), text(entry.getValue()));
      }
    }
    values.put(StoreRegistry.SEQUENCE_KEY, Long.toString(binding.sequence().get()));
    binding.store().saveOffsets(binding.source(), values);
  }

  @Override
  public Set<Map<String, Object>> connectorPartitions(String connectorName) {
    return Set.of();
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
