package dev.daas.probe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Live counters of one key, updated by application threads without locks. */
final class StatementAggregate {
  static final long[] BOUNDS = {100, 250, 500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 1000000};
  private static final int MAX_COLUMNS = 256;
  /** Value sampling: distinct SQL texts with their literals kept, per aggregate and interval. */
  static final int MAX_SAMPLES = 5;
  static final int MAX_SAMPLE_CHARS = 1000;

  final StatementKey key;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong sumMicros = new AtomicLong();
  private final AtomicLong maxMicros = new AtomicLong();
  private final AtomicLongArray histogram = new AtomicLongArray(BOUNDS.length + 1);
  private final Set<String> columnsRead =
      java.util.Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

  private final Set<String> samples =
      java.util.Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
  private volatile boolean columnsDirty;

  StatementAggregate(StatementKey key) {
    this.key = key;
  }

  void record(long micros, boolean failed, long rowCount) {
    count.incrementAndGet();
    if (failed) {
      errors.incrementAndGet();
    }
    if (rowCount > 0) {
      rows.addAndGet(rowCount);
    }
    sumMicros.addAndGet(micros);
    long max = maxMicros.get();
    while (micros > max && !maxMicros.compareAndSet(max, micros)) {
      max = maxMicros.get();
    }
    histogram.incrementAndGet(bucket(micros));
  }

  void addRows(long n) {
    rows.addAndGet(n);
  }

  void columnRead(String label) {
    if (label != null && !columnsRead.contains(label) && columnsRead.size() < MAX_COLUMNS
        && columnsRead.add(label)) {
      columnsDirty = true;
    }
  }

  /** Keeps {@code sql} as a sample; false when full or already kept (nothing was added). */
  boolean sample(String sql) {
    if (samples.size() >= MAX_SAMPLES) {
      return false;
    }
    String text = sql.length() > MAX_SAMPLE_CHARS ? sql.substring(0, MAX_SAMPLE_CHARS) : sql;
    return samples.add(text);
  }

  static int bucket(long micros) {
    for (int i = 0; i < BOUNDS.length; i++) {
      if (micros <= BOUNDS[i]) {
        return i;
      }
    }
    return BOUNDS.length;
  }

  /** Takes what was recorded since the last snapshot; null when nothing was. */
  StatementSnapshot drain() {
    long c = count.getAndSet(0);
    long r = rows.getAndSet(0);
    boolean newColumns = columnsDirty;
    columnsDirty = false;
    java.util.List<String> taken = new java.util.ArrayList<String>(samples);
    samples.removeAll(taken);
    if (c == 0 && r == 0 && !newColumns && taken.isEmpty()) {
      return null;
    }
    long[] counts = new long[BOUNDS.length + 1];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = histogram.getAndSet(i, 0);
    }
    return new StatementSnapshot(
        key, c, errors.getAndSet(0), r, sumMicros.getAndSet(0), maxMicros.getAndSet(0), counts,
        new java.util.TreeSet<String>(columnsRead), taken);
  }
}
