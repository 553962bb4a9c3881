package dev.daas.it;

import static dev.daas.it.ProbeEndToEndIT.AGENT;
import static dev.daas.it.ProbeEndToEndIT.ERP;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DaaS server killed (SIGKILL) while the legacy ERP sample runs under the probe, then started
 * again on the same address: the sample answers correctly throughout, and the probe delivers what
 * it observed while the server was gone, counted once.
 */
class ProbeServerRestartIT {
  private static final Duration READY = Duration.ofSeconds(60);
  private static final Duration EVIDENCE = Duration.ofSeconds(45);

  @Test
  @Timeout(300)
  void theProbeResumesAfterTheServerIsKilledAndRestarted() {
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of()).keepingItsPort().start()) {
      DataApi api = new DataApi(server.baseUri());
      String token = ProbeEndToEndIT.registerWithToken(api, "erp");
      String agent =
          "-javaagent:" + AGENT + "=" + ProbeEndToEndIT.agentOptions(server, "erp", token);
      try (JvmProcess erp =
          JvmProcess.start(
              "erp-restart", List.of("-Xmx256m", agent, "-jar", ERP.toString(), "--port", "0"))) {
        int port = erp.awaitReadyPort(READY);
        erp.awaitOutput("[daas-probe] instrumented", READY);
        ProbeEndToEndIT.runLoadDriver("erp-load-1", ERP, "com.acme.erp.load.LoadDriver", port);
        long before = awaitSettled(api, erp, server);

        server.kill();
        // The sample keeps answering correctly while the server is gone (the driver exits 1
        // on any unexpected answer); its observations wait in the probe.
        ProbeEndToEndIT.runLoadDriver("erp-load-2", ERP, "com.acme.erp.load.LoadDriver", port);
        Instant restarted = Instant.now();
        server.start();

        // Every request of the second load ran at least one statement.
        long after = awaitExecutions(api, erp, server, n -> n >= before + 200);
        assertThat(after).isGreaterThanOrEqualTo(before + 200);
        Map<String, Object> probe = ProbeEndToEndIT.onlyProbe(api, "erp");
        assertThat(Instant.parse((String) probe.get("lastSeen"))).isAfter(restarted);
        assertThat(erp.output()).contains("[daas-probe] cannot send");
      }
    }
  }

  /** The total once all of the first load has arrived: at least 200, unchanged for 3 s. */
  private static long awaitSettled(DataApi api, JvmProcess erp, ServerProcess server) {
    long last = awaitExecutions(api, erp, server, n -> n >= 200);
    long deadline = System.nanoTime() + EVIDENCE.toNanos();
    while (System.nanoTime() < deadline) {
      ServerProcess.sleep(3000);
      long now = total(api);
      if (now == last) {
        return now;
      }
      last = now;
    }
    throw new AssertionError("the evidence kept changing\n" + erp.tail() + "\n" + server.tail());
  }

  private static long total(DataApi api) {
    return ProbeEndToEndIT.statements(api, "erp").stream()
        .mapToLong(s -> ((Number) s.get("count")).longValue())
        .sum();
  }

  /** Total executions of all templates the server holds, awaited until {@code done} holds. */
  private static long awaitExecutions(
      DataApi api, JvmProcess erp, ServerProcess server, java.util.function.LongPredicate done) {
    long deadline = System.nanoTime() + EVIDENCE.toNanos();
    long total = 0;
    while (System.nanoTime() < deadline) {
      total = total(api);
      if (done.test(total)) {
        return total;
      }
      ServerProcess.sleep(500);
    }
    throw new AssertionError(
        "executions stayed at " + total + "\n" + erp.tail() + "\n" + server.tail());
  }
}
