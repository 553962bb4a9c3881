package dev.daas.server.ops;

import dev.daas.model.connector.SourceStatus;
import dev.daas.server.sources.SourceConnections;
import dev.daas.server.sources.SourceService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reachability of sources for health checks and metrics: checked in parallel, each answer kept for
 * {@link #TTL}, and a source that does not answer within {@link #WAIT} counts as unreachable, so a
 * probe of {@code /q/health} never waits on one slow database after another.
 */
@ApplicationScoped
public class SourceStatuses {
  static final Duration TTL = Duration.ofSeconds(2);
  static final Duration WAIT = Duration.ofSeconds(3);

  @Inject SourceService sources;
  @Inject SourceConnections connections;

  private final ExecutorService checks =
      Executors.newFixedThreadPool(4, DaemonThreads.named("daas-source-status"));
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(CompletableFuture<SourceStatus> status, long atNanos) {}

  /** Every registered source's status, by name. */
  public Map<String, SourceStatus> all() {
    List<String> names = new ArrayList<>();
    sources.list().forEach(s -> names.add(s.name()));
    Map<String, CompletableFuture<SourceStatus>> pending = new LinkedHashMap<>();
    names.forEach(name -> pending.put(name, check(name)));
    long deadline = System.nanoTime() + WAIT.toNanos();
    Map<String, SourceStatus> result = new LinkedHashMap<>();
    pending.forEach((name, future) -> result.put(name, await(future, deadline)));
    return result;
  }

  /** One open source's status, or null when it has no pool on this instance. */
  public SourceStatus ofOpen(String name) {
    if (!connections.isOpen(name)) {
      return null;
    }
    return await(check(name), System.nanoTime() + WAIT.toNanos());
  }

  private CompletableFuture<SourceStatus> check(String name) {
    long now = System.nanoTime();
    return cache
        .compute(
            name,
            (k, cached) ->
                cached != null && now - cached.atNanos() < TTL.toNanos()
                    ? cached
                    : new Cached(CompletableFuture.supplyAsync(() -> probe(name), checks), now))
        .status();
  }

  private SourceStatus probe(String name) {
    try {
      return connections.connection(sources.sourceConfig(name)).status();
    } catch (RuntimeException e) {
      return new SourceStatus(false, e.getMessage(), 0, 0, 0, 0);
    }
  }

  private static SourceStatus await(CompletableFuture<SourceStatus> future, long deadlineNanos) {
    try {
      long wait = Math.max(0, deadlineNanos - System.nanoTime());
      return future.get(wait, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      return new SourceStatus(false, "no answer within " + WAIT.toSeconds() + " s", 0, 0, 0, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SourceStatus(false, "interrupted", 0, 0, 0, 0);
    } catch (java.util.concurrent.ExecutionException e) {
      return new SourceStatus(false, String.valueOf(e.getCause()), 0, 0, 0, 0);
    }
  }

  @PreDestroy
  void stop() {
    checks.shutdownNow();
  }
}
