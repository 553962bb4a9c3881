package dev.daas.server.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTest {
  private static final long[] BOUNDS = {100, 250, 500, 1000};

  @Test
  void addsCountsBucketByBucketWhenTheBoundsAreEqual() {
    assertThat(
            Histogram.merge(BOUNDS, new long[] {1, 2, 3, 4, 5}, BOUNDS, new long[] {1, 1, 1, 1, 1}))
        .containsExactly(2, 3, 4, 5, 6);
  }

  @Test
  void putsBucketsOfOtherBoundsIntoTheFirstBucketThatCoversThem() {
    long[] merged =
        Histogram.merge(BOUNDS, new long[5], new long[] {200, 2000}, new long[] {7, 8, 9});
    assertThat(merged).containsExactly(0, 7, 0, 0, 17);
  }

  @Test
  void estimatesQuantilesAsTheBoundOfTheirBucketCappedByTheMaximum() {
    long[] counts = {0, 40, 60, 15, 5};
    assertThat(Histogram.quantile(BOUNDS, counts, 4012, 0.5)).isEqualTo(500);
    assertThat(Histogram.quantile(BOUNDS, counts, 4012, 0.99)).isEqualTo(4012);
    assertThat(Histogram.quantile(BOUNDS, new long[] {3, 0, 0, 0, 0}, 42, 0.99)).isEqualTo(42);
    assertThat(Histogram.quantile(BOUNDS, new long[5], 0, 0.5)).isNull();
  }

  @Test
  void encodesAndDecodesCommaSeparated() {
    assertThat(Histogram.decode(Histogram.encode(new long[] {1, 22, 333})))
        .containsExactly(1, 22, 333);
    assertThat(Histogram.decode("")).isEmpty();
  }
}
