package dev.daas.connector.debezium;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling waits for integration tests. */
final class TestingWaits {
  private TestingWaits() {}

  static void awaitTrue(String what, BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  /** Starts the engine, asserting no preflight problem, and waits until it streams the log. */
  static void startStreaming(CaptureEngine engine) throws InterruptedException {
    var problems = engine.start();
    if (!problems.isEmpty()) {
      throw new AssertionError("preflight problems: " + problems);
    }
    awaitTrue(
        "capture of " + engine.config().source() + " to stream; status " + engine.status(),
        engine::isStreaming,
        Duration.ofSeconds(60));
  }
}
