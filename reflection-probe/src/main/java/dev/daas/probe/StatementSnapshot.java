package dev.daas.probe;

import java.util.Set;
import java.util.TreeSet;

/** Plain values of an aggregate over one or more intervals; merged when a send fails. */
final class StatementSnapshot {
  final StatementKey key;
  long count;
  long errors;
  long rows;
  long sumMicros;
  long maxMicros;
  final long[] counts;
  final Set<String> columnsRead;
  /** SQL texts with literals (value sampling only), at most {@link StatementAggregate#MAX_SAMPLES}. */
  final Set<String> samples;

  StatementSnapshot(StatementKey key, long count, long errors, long rows, long sumMicros,
      long maxMicros, long[] counts, Set<String> columnsRead, java.util.Collection<String> samples) {
    this.key = key;
    this.count = count;
    this.errors = errors;
    this.rows = rows;
    this.sumMicros = sumMicros;
    this.maxMicros = maxMicros;
    this.counts = counts;
    this.columnsRead = new TreeSet<String>(columnsRead);
    this.samples = new TreeSet<String>(samples);
  }

  void merge(StatementSnapshot other) {
    count += other.count;
    errors += other.errors;
    rows += other.rows;
    sumMicros += other.sumMicros;
    maxMicros = Math.max(maxMicros, other.maxMicros);
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    columnsRead.addAll(other.columnsRead);
    for (String sample : other.samples) {
      if (samples.size() < StatementAggregate.MAX_SAMPLES) {
        samples.add(sample);
      }
    }
  }
}
