package dev.daas.server.ops;

import dev.daas.model.connector.SourceStatus;
import dev.daas.server.sources.SourceConnections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Per-source metrics at {@code /q/metrics}: data API requests, latency, errors by code, and the
 * source's connection pool. Pool gauges read {@link SourceStatuses}, cached and bounded in time, so
 * a scrape never holds up on a slow database.
 */
@Startup
@ApplicationScoped
public class SourceMetrics {

  @Inject MeterRegistry registry;
  @Inject SourceConnections connections;
  @Inject SourceStatuses statuses;

  private final Set<String> poolGauges = ConcurrentHashMap.newKeySet();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> errors = new ConcurrentHashMap<>();

  /** Pool gauges exist from the moment a source's pool opens, before any data request. */
  @PostConstruct
  void watchPools() {
    connections.onOpen(this::registerPool);
    connections.openNames().forEach(this::registerPool);
  }

  /** Meters are looked up once per tag combination, not built again on every request. */
  public void request(String source, int status, String code, long nanos) {
    timers
        .computeIfAbsent(
            source + "|" + status,
            k ->
                Timer.builder("daas.api.requests")
                    .description("Data API requests per source")
                    .tag("source", source)
                    .tag("status", Integer.toString(status))
                    .publishPercentiles(0.5, 0.99)
                    .register(registry))
        .record(Duration.ofNanos(nanos));
    if (code != null) {
      errors
          .computeIfAbsent(
              source + "|" + code,
              k ->
                  Counter.builder("daas.api.errors")
                      .description("Data API errors per source and problem code")
                      .tag("source", source)
                      .tag("code", code)
                      .register(registry))
          .increment();
    }
  }

  private void registerPool(String source) {
    if (!poolGauges.add(source)) {
      return;
    }
    gauge(source, "daas.source.pool.active", s -> s.activeConnections());
    gauge(source, "daas.source.pool.idle", s -> s.idleConnections());
    gauge(source, "daas.source.pool.max", s -> s.maxConnections());
    gauge(source, "daas.source.pool.waiting", s -> s.waitingThreads());
    gauge(source, "daas.source.reachable", s -> s.reachable() ? 1 : 0);
  }

  private void gauge(String source, String name, ToDoubleFunction<SourceStatus> value) {
    Gauge.builder(
            name,
            () -> {
              SourceStatus status = status(source);
              return status == null ? Double.NaN : value.applyAsDouble(status);
            })
        .tag("source", source)
        .register(registry);
  }

  private SourceStatus status(String source) {
    return statuses.ofOpen(source);
  }
}
