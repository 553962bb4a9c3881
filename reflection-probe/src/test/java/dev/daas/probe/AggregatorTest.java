package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AggregatorTest {
  private static final DbInfo DB = new DbInfo("H2", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", "sa");

  private static StatementKey key(String template) {
    return new StatementKey(template, "select", DB, new CallSite("a.B", "c", 1), EntryPoint.main("a.Main"));
  }

  @Test
  void aggregatesCountsErrorsRowsAndLatency() {
    Aggregator aggregator = new Aggregator(1 << 20);
    StatementAggregate a = aggregator.aggregateFor(key("select 1"));
    a.record(50, false, 2);
    a.record(300, true, 0);
    a.record(2_000_000, false, 1);
    assertThat(aggregator.aggregateFor(key("select 1"))).isSameAs(a);
    StatementSnapshot s = aggregator.drain().get(0);
    assertThat(s.count).isEqualTo(3);
    assertThat(s.errors).isEqualTo(1);
    assertThat(s.rows).isEqualTo(3);
    assertThat(s.sumMicros).isEqualTo(2_000_350);
    assertThat(s.maxMicros).isEqualTo(2_000_000);
    assertThat(s.counts).containsExactly(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void histogramBucketsFollowTheProtocolBounds() {
    assertThat(StatementAggregate.bucket(100)).isEqualTo(0);
    assertThat(StatementAggregate.bucket(101)).isEqualTo(1);
    assertThat(StatementAggregate.bucket(1_000_000)).isEqualTo(11);
    assertThat(StatementAggregate.bucket(1_000_001)).isEqualTo(12);
  }

  @Test
  void dropsAndCountsNewKeysBeyondTheMemoryCap() {
    Aggregator aggregator = new Aggregator(20_000);
    for (int i = 0; i < 1000; i++) {
      StatementAggregate a = aggregator.aggregateFor(key("select " + i + " from T"));
      if (a != null) {
        a.record(1, false, 0);
      }
    }
    assertThat(aggregator.usedBytes()).isLessThanOrEqualTo(20_000);
    assertThat(aggregator.size()).isBetween(1, 60);
    assertThat(aggregator.droppedStatements.get()).isEqualTo(1000 - aggregator.size());
  }

  @Test
  void drainResetsAndIdleAggregatesFreeTheirMemory() {
    Aggregator aggregator = new Aggregator(1 << 20);
    aggregator.aggregateFor(key("select 1")).record(10, false, 0);
    assertThat(aggregator.drain()).hasSize(1);
    List<StatementSnapshot> second = aggregator.drain();
    assertThat(second).isEmpty();
    assertThat(aggregator.size()).isZero();
    assertThat(aggregator.usedBytes()).isZero();
  }

  @Test
  void urlLosesItsQueryPart() {
    assertThat(DB.url).isEqualTo("jdbc:h2:mem:x");
    assertThat(new DbInfo("P", "jdbc:postgresql://h/db?password=secret", "u").url)
        .isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void weakMapFindsKeysByIdentity() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    String a = new String("k");
    String b = new String("k");
    map.put(a, "A");
    assertThat(map.get(a)).isEqualTo("A");
    assertThat(map.get(b)).isNull();
  }

  @Test
  void valueSamplesAreDistinctBoundedSentOnceAndCountAgainstTheCap() {
    Aggregator aggregator = new Aggregator(1 << 20);
    StatementAggregate a = aggregator.aggregateFor(key("select * from T where S = ?"));
    long before = aggregator.usedBytes();
    a.record(10, false, 1);
    for (int i = 0; i < 20; i++) {
      aggregator.sample(a, "select * from T where S = '" + (i % 7) + "'");
    }
    aggregator.sample(a, "select * from T where S = '" + "x".repeat(5000) + "'");
    assertThat(aggregator.usedBytes()).isGreaterThan(before);
    StatementSnapshot first = aggregator.drain().get(0);
    assertThat(first.samples).hasSize(StatementAggregate.MAX_SAMPLES)
        .allMatch(s -> s.startsWith("select * from T where S = '"));
    assertThat(aggregator.usedBytes()).isEqualTo(before);
    a.record(10, false, 1);
    assertThat(aggregator.drain().get(0).samples).isEmpty();

    Aggregator tight = new Aggregator(key("q").estimateBytes() + 100);
    StatementAggregate b = tight.aggregateFor(key("q"));
    tight.sample(b, "x".repeat(900));
    b.record(1, false, 0);
    assertThat(tight.drain().get(0).samples).as("no room under the cap").isEmpty();
  }
}
