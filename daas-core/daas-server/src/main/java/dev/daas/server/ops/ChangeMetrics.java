package dev.daas.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Change capture and webhook metrics at {@code /q/metrics}: how long a captured change took from
 * its commit in the legacy database until it was in the change log ({@code daas.cdc.lag}, p50 and
 * p99, per source), and webhook delivery attempts by outcome, their duration and dead letters.
 */
@ApplicationScoped
public class ChangeMetrics {
  @Inject MeterRegistry registry;

  private final Map<String, Timer> lags = new ConcurrentHashMap<>();
  private final Map<String, Timer> attempts = new ConcurrentHashMap<>();
  private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

  /** A change committed {@code lag} before it was logged. */
  public void captured(String source, Duration lag) {
    if (lag.isNegative()) {
      return; // clocks of database and server disagree: no figure rather than a wrong one
    }
    lags.computeIfAbsent(
            source,
            s ->
                Timer.builder("daas.cdc.lag")
                    .description("Commit in the source database to the change log, per source")
                    .tag("source", s)
                    .publishPercentiles(0.5, 0.99)
                    .register(registry))
        .record(lag);
  }

  /** One POST to a webhook and how it went. */
  public void attempted(String source, String webhook, boolean delivered, long nanos) {
    String outcome = delivered ? "delivered" : "failed";
    attempts
        .computeIfAbsent(
            source + "|" + webhook + "|" + outcome,
            k ->
                Timer.builder("daas.webhook.attempts")
                    .description("Webhook delivery attempts by outcome")
                    .tag("source", source)
                    .tag("webhook", webhook)
                    .tag("outcome", outcome)
                    .register(registry))
        .record(Duration.ofNanos(nanos));
  }

  /** An event that failed every attempt. */
  public void deadLettered(String source, String webhook) {
    deadLetters
        .computeIfAbsent(
            source + "|" + webhook,
            k ->
                Counter.builder("daas.webhook.dead.letters")
                    .description("Webhook events kept as dead letters after the last attempt")
                    .tag("source", source)
                    .tag("webhook", webhook)
                    .register(registry))
        .increment();
  }
}
