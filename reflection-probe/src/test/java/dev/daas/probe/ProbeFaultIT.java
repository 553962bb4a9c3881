package dev.daas.probe;

import static dev.daas.probe.ProbeAgentIT.EXPECTED;
import static dev.daas.probe.ProbeAgentIT.await;
import static dev.daas.probe.ProbeAgentIT.has;
import static dev.daas.probe.ProbeAgentIT.options;
import static dev.daas.probe.ProbeAgentIT.statement;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host keeps working and answering correctly whatever goes wrong around the probe. */
class ProbeFaultIT {

  @Test
  void collectorAbsentFromTheStartDoesNotHurtTheApplication() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long start = System.nanoTime();
    try (ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17,
        "server=http://127.0.0.1:" + closedPort + ",source=t,token=x,interval=1s,install=sync",
        List.of("-Dlinger=3000"))) {
      assertThat(app.waitFor(60)).isZero();
      assertThat(app.line("RESULT")).isEqualTo(EXPECTED);
      assertThat(millis(app.line("WORKLOAD"))).isLessThan(3000);
      assertThat(app.out).noneMatch(l -> l.contains("Exception"));
      assertThat(app.err).anyMatch(l -> l.startsWith("[daas-probe] cannot send"));
    }
    // Loose on purpose (a busy CI machine): the bound only catches an app that waits on the network.
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
  }

  @Test
  void slowCollectorNeverMakesApplicationThreadsWait() throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      collector.delayMillis = 5000;
      long start = System.nanoTime();
      try (ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17, options(collector), List.of(), "loop", "6")) {
        assertThat(app.waitFor(30)).isZero();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        List<Long> iterations = app.out.stream().filter(l -> l.startsWith("WORKLOAD")).map(ProbeFaultIT::millis).toList();
        assertThat(iterations).hasSizeGreaterThan(5);
        // The first iteration warms up the JIT; the others must not notice a server that takes
        // 5 s. Bounds are loose for a busy machine, yet far below what one wait would cost.
        assertThat(iterations.subList(1, iterations.size())).allMatch(ms -> ms < 2500);
        assertThat(app.out).filteredOn(l -> l.startsWith("RESULT")).allMatch(EXPECTED::equals);
        assertThat(elapsed).isLessThan(25_000);
      }
      assertThat(collector.batches).isNotEmpty();
    }
  }

  @Test
  void floodOfDistinctStatementsStaysUnderTheCapAndCountsDrops() throws Exception {
    try (FakeCollector collector = new FakeCollector();
        ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17, options(collector) + ",maxMemory=64k", List.of(),
            "flood", "100000")) {
      assertThat(app.waitFor(120)).isZero();
      assertThat(app.line("RESULT")).isEqualTo(EXPECTED);
      await(() -> collector.batches.stream().anyMatch(b -> b.get("dropped").get("statements").asLong() > 0), 10);
      // 64 KiB at roughly 600 bytes per aggregate
      assertThat(collector.batches).allMatch(b -> b.get("statements").size() <= 120);
      // How many are dropped depends on how many send intervals the flood spans (each accepted
      // batch frees the aggregates), so only "some, and counted" is a property of the agent.
      long dropped = collector.batches.stream().mapToLong(b -> b.get("dropped").get("statements").asLong()).max().orElse(0);
      assertThat(dropped).isPositive();
    }
  }

  @Test
  void injectedAgentFailureNeverReachesTheApplication() throws Exception {
    try (FakeCollector collector = new FakeCollector();
        ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17, options(collector) + ",failForTesting=true", List.of())) {
      assertThat(app.waitFor(60)).isZero();
      assertThat(app.line("RESULT")).isEqualTo(EXPECTED);
      assertThat(app.out).noneMatch(l -> l.contains("Exception"));
      assertThat(app.err).anyMatch(l -> l.contains("injected agent failure"));
      // rate-limited: one line per distinct message per minute
      assertThat(app.err.stream().filter(l -> l.contains("injected agent failure")).count()).isEqualTo(1);
      assertThat(collector.statements()).isEmpty();
    }
  }

  @Test
  void failedSendsAreRetriedAndMergedWithoutLosingCounts() throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      collector.status = 503;
      try (ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17, options(collector), List.of("-Dlinger=9000"))) {
        await(() -> app.line("RESULT") != null, 30);
        Thread.sleep(2500);
        int refused = collector.batches.size();
        collector.batches.clear();
        collector.status = 200;
        assertThat(app.waitFor(60)).isZero();
        assertThat(refused).isGreaterThan(0);
        assertThat(has(collector, "update T_CUST set C_STAT = ? where CUST_ID = ?")).isTrue();
        JsonNode insert = statement(collector, "insert into T_CUST (CUST_ID, C_NM, C_STAT) values (?, ?, ?)", "main");
        assertThat(insert.get("count").asLong()).isEqualTo(1);
        assertThat(insert.get("rows").asLong()).isEqualTo(20);
      }
    }
  }

  @Test
  void rejectedTokenMakesTheProbeGoQuiet() throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      collector.status = 401;
      try (ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17, options(collector), List.of("-Dlinger=4000"))) {
        assertThat(app.waitFor(60)).isZero();
        assertThat(app.line("RESULT")).isEqualTo(EXPECTED);
        assertThat(collector.batches).hasSize(1);
        assertThat(app.err).anyMatch(l -> l.contains("refused the probe token"));
      }
    }
  }

  @Test
  void serverCanSwitchTheProbeOff() throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      collector.enabled = false;
      try (ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17, options(collector), List.of(), "loop", "5")) {
        assertThat(app.waitFor(30)).isZero();
        assertThat(app.out).filteredOn(l -> l.startsWith("RESULT")).hasSizeGreaterThan(5).allMatch(EXPECTED::equals);
        assertThat(app.err).anyMatch(l -> l.contains("switched the probe off"));
        assertThat(collector.batches).isNotEmpty();
        // the first answer switched it off; one interval may still be in flight, none after it
        assertThat(collector.batches.subList(Math.min(2, collector.batches.size()), collector.batches.size()))
            .allMatch(b -> b.get("statements").isEmpty());
      }
    }
  }

  private static long millis(String workloadLine) {
    return Long.parseLong(workloadLine.split(" ")[1]);
  }
}
