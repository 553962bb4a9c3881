package dev.daas.server.probe;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Latency histograms as the protocol sends them: {@code counts[i]} executions at or below {@code
 * bounds[i]}, the last count for everything above the last bound.
 */
final class Histogram {
  private Histogram() {}

  /**
   * Adds {@code addCounts} (over {@code addBounds}) to {@code counts} (over {@code bounds}). With
   * other bounds, each added bucket goes to the first bucket whose bound covers its own, so
   * estimates stay upper bounds.
   */
  static long[] merge(long[] bounds, long[] counts, long[] addBounds, long[] addCounts) {
    long[] out = Arrays.copyOf(counts, counts.length);
    boolean same = Arrays.equals(bounds, addBounds) && counts.length == addCounts.length;
    for (int i = 0; i < addCounts.length; i++) {
      int target = i;
      if (!same) {
        target = bounds.length;
        if (i < addBounds.length) {
          for (int j = 0; j < bounds.length; j++) {
            if (bounds[j] >= addBounds[i]) {
              target = j;
              break;
            }
          }
        }
      }
      out[target] += addCounts[i];
    }
    return out;
  }

  /** The bound of the bucket holding quantile {@code q}, never above {@code max}; null if empty. */
  static Long quantile(long[] bounds, long[] counts, long max, double q) {
    long total = Arrays.stream(counts).sum();
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return i < bounds.length ? Math.min(bounds[i], max) : max;
      }
    }
    return max;
  }

  static String encode(long[] values) {
    return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(","));
  }

  static long[] decode(String text) {
    if (text == null || text.isBlank()) {
      return new long[0];
    }
    return Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
  }
}
