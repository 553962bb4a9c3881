package dev.daas.probe;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Aggregates per key, bounded by an estimate of their memory; what does not fit is counted. */
final class Aggregator {
  private final ConcurrentHashMap<StatementKey, StatementAggregate> aggregates =
      new ConcurrentHashMap<StatementKey, StatementAggregate>();
  private final AtomicLong usedBytes = new AtomicLong();
  private final AtomicLong sampleBytes = new AtomicLong();
  private final long maxBytes;
  final AtomicLong droppedStatements = new AtomicLong();
  final AtomicLong droppedObservations = new AtomicLong();
  final AtomicLong droppedMappings = new AtomicLong();
  final AtomicLong droppedBatches = new AtomicLong();
  volatile boolean failForTesting;

  Aggregator(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The aggregate of the key, or null when the memory cap does not allow a new one. */
  StatementAggregate aggregateFor(StatementKey key) {
    if (failForTesting) {
      throw new IllegalStateException("injected agent failure (failForTesting=true)");
    }
    StatementAggregate existing = aggregates.get(key);
    if (existing != null) {
      return existing;
    }
    int estimate = key.estimateBytes();
    if (usedBytes.addAndGet(estimate) > maxBytes) {
      usedBytes.addAndGet(-estimate);
      droppedStatements.incrementAndGet();
      droppedObservations.incrementAndGet();
      return null;
    }
    StatementAggregate created = new StatementAggregate(key);
    StatementAggregate raced = aggregates.putIfAbsent(key, created);
    if (raced != null) {
      usedBytes.addAndGet(-estimate);
      return raced;
    }
    return created;
  }

  /**
   * Value sampling: keeps {@code sql} on the aggregate while the memory cap allows; the bytes are
   * given back when the aggregate is drained.
   */
  void sample(StatementAggregate aggregate, String sql) {
    int estimate = 2 * Math.min(sql.length(), StatementAggregate.MAX_SAMPLE_CHARS) + 48;
    if (usedBytes.addAndGet(estimate) > maxBytes) {
      usedBytes.addAndGet(-estimate);
      return;
    }
    if (aggregate.sample(sql)) {
      sampleBytes.addAndGet(estimate);
    } else {
      usedBytes.addAndGet(-estimate);
    }
  }

  /** Drains every aggregate; those idle for a whole interval are removed to free their memory. */
  List<StatementSnapshot> drain() {
    List<StatementSnapshot> result = new ArrayList<StatementSnapshot>();
    usedBytes.addAndGet(-sampleBytes.getAndSet(0));
    Iterator<Map.Entry<StatementKey, StatementAggregate>> it = aggregates.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<StatementKey, StatementAggregate> entry = it.next();
      StatementSnapshot snapshot = entry.getValue().drain();
      if (snapshot == null) {
        it.remove();
        usedBytes.addAndGet(-entry.getKey().estimateBytes());
      } else {
        result.add(snapshot);
      }
    }
    return result;
  }

  int size() {
    return aggregates.size();
  }

  long usedBytes() {
    return usedBytes.get();
  }

  long maxBytes() {
    return maxBytes;
  }
}
