package dev.daas.connector.debezium;

import static java.util.Objects.requireNonNull;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures the changes of one source with a Debezium embedded engine and hands them, normalised, to
 * a {@link ChangeConsumer}. Offsets (and MariaDB/MySQL schema history) go to an {@link OffsetStore}
 * after each batch the consumer accepted, so a new engine on the same store resumes where the last
 * one stopped. One engine per source; {@link #start()} once, {@link #stop()} once.
 */
public final class CaptureEngine implements AutoCloseable {
  /** Longest a stop waits for an engine that is still starting its tasks. */
  static final Duration START_WAIT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(CaptureEngine.class);

  private final CaptureConfig config;
  private final OffsetStore store;
  private final ChangeConsumer consumer;
  private final String bindingId = UUID.randomUUID().toString();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicReference<CaptureStatus> status =
      new AtomicReference<>(new CaptureStatus(CaptureState.NEW, null, Instant.now(), 0, 0));
  private final ConnectionWatch watch;
  private DebeziumEngine<io.debezium.engine.ChangeEvent<SourceRecord, SourceRecord>> engine;
  private ExecutorService executor;
  private volatile boolean stopping;

  public CaptureEngine(CaptureConfig config, OffsetStore store, ChangeConsumer consumer) {
    this.config = requireNonNull(config, "config is null");
    this.store = requireNonNull(store, "store is null");
    this.consumer = requireNonNull(consumer, "consumer is null");
    this.watch = new ConnectionWatch(config.captureName());
  }

  public CaptureConfig config() {
    return config;
  }

  /**
   * Runs the preflight checks and, when they pass, starts capturing in the background. Returns the
   * problems found; when there are any the engine does not start and its status is {@link
   * CaptureState#FAILED} with their messages.
   */
  public synchronized List<PreflightProblem> start() {
    if (status.get().state() != CaptureState.NEW) {
      throw new IllegalStateException("capture of " + config.source() + " was already started");
    }
    List<PreflightProblem> problems = CapturePreflight.check(config);
    if (!problems.isEmpty()) {
      String message =
          problems.stream().map(PreflightProblem::message).collect(Collectors.joining(" "));
      setState(CaptureState.FAILED, message);
      return problems;
    }
    String stored = store.loadOffsets(config.source()).get(StoreRegistry.SEQUENCE_KEY);
    sequence.set(stored == null ? 0 : Long.parseLong(stored));
    StoreRegistry.register(bindingId, new StoreRegistry.Binding(config.source(), store, sequence));
    ChangeEventNormaliser normaliser = new ChangeEventNormaliser(config.source(), sequence);
    engine =
        DebeziumEngine.create(Connect.class)
            .using(DebeziumProperties.of(config, bindingId))
            .using(new Callbacks())
            .using(this::completed)
            .notifying((records, committer) -> handle(normaliser, records, committer))
            .build();
    executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "daas-capture-" + config.source());
              thread.setDaemon(true);
              return thread;
            });
    setState(CaptureState.STARTING, null);
    executor.execute(engine);
    return List.of();
  }

  /** The current status; reports {@link CaptureState#RECONNECTING} while the connection is lost. */
  public CaptureStatus status() {
    CaptureStatus current = status.get();
    if (current.state() == CaptureState.RUNNING || current.state() == CaptureState.RECONNECTING) {
      boolean lost = watch.connectionLost();
      if (lost && current.state() == CaptureState.RUNNING) {
        setState(
            CaptureState.RECONNECTING,
            "lost the connection to the database; reconnecting with back-off");
      } else if (!lost && current.state() == CaptureState.RECONNECTING) {
        setState(CaptureState.RUNNING, null);
      }
    }
    CaptureStatus latest = status.get();
    return new CaptureStatus(
        latest.state(), latest.message(), latest.since(), delivered.get(), sequence.get());
  }

  /** Whether the engine reads the database log right now (connected, past any snapshot). */
  public boolean isStreaming() {
    return watch.connected();
  }

  /**
   * Stops capturing, waiting for the batch in progress and its offset save. The slot, publication
   * and stored offsets stay, so a new engine resumes; {@link CaptureAdmin#drop} removes them.
   */
  public synchronized void stop() {
    stopping = true;
    try {
      if (engine != null && status.get().state() != CaptureState.FAILED) {
        closeWhenStarted();
      }
    } catch (IOException | IllegalStateException e) {
      LOG.warn("closing the capture engine of {} failed", config.source(), e);
    } finally {
      if (executor != null) {
        executor.shutdown();
        try {
          if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      StoreRegistry.unregister(bindingId);
      if (status.get().state() != CaptureState.FAILED) {
        setState(CaptureState.STOPPED, null);
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Closes the Debezium engine. An engine still starting its tasks refuses to close (it would leak
   * them), so a stop that comes right after the start waits, up to {@link #START_WAIT}, for the
   * tasks to be up and closes then.
   */
  private void closeWhenStarted() throws IOException {
    long deadline = System.nanoTime() + START_WAIT.toNanos();
    while (true) {
      try {
        engine.close();
        return;
      } catch (IllegalStateException e) {
        boolean starting = String.valueOf(e.getMessage()).contains("tasks are starting");
        if (!starting || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private void handle(
      ChangeEventNormaliser normaliser,
      List<io.debezium.engine.ChangeEvent<SourceRecord, SourceRecord>> records,
      DebeziumEngine.RecordCommitter<io.debezium.engine.ChangeEvent<SourceRecord, SourceRecord>>
          committer)
      throws InterruptedException {
    List<ChangeEvent> batch = new ArrayList<>(records.size());
    for (io.debezium.engine.ChangeEvent<SourceRecord, SourceRecord> record : records) {
      ChangeEvent event = normaliser.normalise(record.value());
      if (event != null) {
        batch.add(event);
      }
    }
    if (!batch.isEmpty()) {
      try {
        consumer.accept(batch);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("the change consumer failed: " + e.getMessage(), e);
      }
      delivered.addAndGet(batch.size());
    }
    for (io.debezium.engine.ChangeEvent<SourceRecord, SourceRecord> record : records) {
      committer.markProcessed(record);
    }
    committer.markBatchFinished();
  }

  private void completed(boolean success, String message, Throwable error) {
    if (stopping) {
      // Our own stop: the engine may report work it abandoned while shutting down (a rejected
      // task of its closed executor). Nothing of it was committed, so it is redelivered on the
      // next start; stop() records STOPPED.
      return;
    }
    if (success && error == null) {
      setState(CaptureState.STOPPED, message);
      return;
    }
    String reason = error == null ? message : rootMessage(error);
    LOG.warn("capture of {} failed: {}", config.source(), reason, error);
    setState(CaptureState.FAILED, reason);
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String root = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return error.getMessage() == null || error.getMessage().equals(root)
        ? root
        : error.getMessage() + " (" + root + ")";
  }

  private void setState(CaptureState state, String message) {
    status.set(new CaptureStatus(state, message, Instant.now(), delivered.get(), sequence.get()));
  }

  /** Moves to running when the connector's task runs. */
  private final class Callbacks implements DebeziumEngine.ConnectorCallback {
    @Override
    public void taskStarted() {
      if (!stopping) {
        setState(CaptureState.RUNNING, null);
      }
    }
  }
}
