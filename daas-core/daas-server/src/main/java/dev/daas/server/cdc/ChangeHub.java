package dev.daas.server.cdc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.gateway.policy.Authorization;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands logged changes to the change stream subscribers of their source. Publishing only appends to
 * each subscriber's bounded buffer, so a slow subscriber never slows capture or the others; the
 * subscribers write on a small shared pool.
 */
@ApplicationScoped
public class ChangeHub {
  @Inject ChangeLog log;
  @Inject ChangeLogRetention retention;
  @Inject CdcConfig config;
  @Inject ObjectMapper json;

  private final Map<String, Set<ChangeSubscriber>> bySource = new ConcurrentHashMap<>();
  private final AtomicInteger threads = new AtomicInteger();
  private ExecutorService writers;
  private ScheduledExecutorService heartbeats;

  @PostConstruct
  void start() {
    writers =
        Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            r -> daemon(r, "daas-change-stream-" + threads.incrementAndGet()));
    heartbeats =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "daas-change-stream-heartbeat"));
    heartbeats.scheduleWithFixedDelay(this::heartbeat, 15, 15, TimeUnit.SECONDS);
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  /** The pool that subscribers write and read the log on. */
  public ExecutorService writers() {
    return writers;
  }

  /**
   * Opens a stream of one entity's changes as the caller may see them: the changes logged after
   * {@code after} first (none when null), then live ones, written to {@code sink}. Returns the
   * started subscriber; it leaves the hub by itself when it ends.
   */
  public ChangeSubscriber open(
      String source,
      long sourceId,
      String entity,
      Long after,
      EventSink sink,
      Authorization authorization) {
    ChangeSubscriber[] self = new ChangeSubscriber[1];
    ChangeSubscriber subscriber =
        new ChangeSubscriber(
            source,
            entity,
            after,
            sink,
            new LogReplay(log, retention, sourceId, entity),
            writers,
            config.subscriberBuffer(),
            () -> unsubscribe(self[0]),
            new ChangeView(authorization, json));
    self[0] = subscriber;
    subscribe(subscriber);
    subscriber.start();
    return subscriber;
  }

  public void subscribe(ChangeSubscriber subscriber) {
    bySource
        .computeIfAbsent(subscriber.source(), s -> ConcurrentHashMap.newKeySet())
        .add(subscriber);
  }

  public void unsubscribe(ChangeSubscriber subscriber) {
    Set<ChangeSubscriber> subscribers = bySource.get(subscriber.source());
    if (subscribers != null) {
      subscribers.remove(subscriber);
    }
  }

  /** Offers the batch to every subscriber of the source; returns at once. */
  public void publish(String source, List<ChangeRecord> batch) {
    Set<ChangeSubscriber> subscribers = bySource.get(source);
    if (subscribers == null || batch.isEmpty()) {
      return;
    }
    for (ChangeSubscriber subscriber : subscribers) {
      if (subscriber.isClosed()) {
        subscribers.remove(subscriber);
      } else {
        subscriber.offer(batch);
      }
    }
  }

  /** Ends every stream of the source with a final event carrying the reason. */
  public void endAll(String source, String reason) {
    Set<ChangeSubscriber> subscribers = bySource.remove(source);
    if (subscribers != null) {
      subscribers.forEach(s -> s.end("end", reason));
    }
  }

  /** Open streams of a source. */
  public int subscribers(String source) {
    Set<ChangeSubscriber> subscribers = bySource.get(source);
    return subscribers == null ? 0 : (int) subscribers.stream().filter(s -> !s.isClosed()).count();
  }

  private void heartbeat() {
    for (Set<ChangeSubscriber> subscribers : bySource.values()) {
      for (ChangeSubscriber subscriber : subscribers) {
        if (subscriber.isClosed()) {
          subscribers.remove(subscriber);
        } else {
          writers.execute(subscriber::heartbeat);
        }
      }
    }
  }

  @PreDestroy
  void stop() {
    heartbeats.shutdownNow();
    bySource.keySet().forEach(source -> endAll(source, "the server is shutting down"));
    writers.shutdown();
  }
}
