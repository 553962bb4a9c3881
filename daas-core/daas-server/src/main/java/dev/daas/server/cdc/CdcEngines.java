package dev.daas.server.cdc;

import dev.daas.connector.debezium.CaptureAdmin;
import dev.daas.connector.debezium.CaptureConfig;
import dev.daas.connector.debezium.CaptureEngine;
import dev.daas.connector.debezium.CaptureState;
import dev.daas.connector.debezium.CaptureStatus;
import dev.daas.connector.debezium.ChangeEvent;
import dev.daas.connector.debezium.ChangeOperation;
import dev.daas.connector.debezium.PreflightProblem;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.ops.ChangeMetrics;
import dev.daas.server.ops.DaemonThreads;
import dev.daas.server.sources.SourceService;
import dev.daas.server.store.Leases;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one capture engine per source with capture enabled: started with the server and restarted
 * every {@code daas.cdc.restart-interval} when failed (e.g. the database was down at start),
 * stopped and cleaned up when the source is removed. Each batch goes to the change log, then to the
 * streams; the engine saves offsets only after that returned (at-least-once). Where several
 * instances share the metadata store, an engine runs only on the instance holding the source's
 * {@link Leases lease}; the others stand by and take over when it runs out.
 */
@ApplicationScoped
public class CdcEngines {
  private static final Logger LOG = Logger.getLogger(CdcEngines.class);

  @Inject SourceService sources;
  @Inject CdcSettingsStore settingsStore;
  @Inject MetadataOffsetStore offsets;
  @Inject ChangeLog log;
  @Inject ChangeHub hub;
  @Inject EntityNames names;
  @Inject SchemaDrift drift;
  @Inject CdcConfig config;
  @Inject Leases leases;
  @Inject ChangeMetrics metrics;
  @Inject ChangeLogRetention retention;

  private final Map<String, CaptureEngine> engines = new ConcurrentHashMap<>();
  private final Map<String, Long> engineSourceIds = new ConcurrentHashMap<>();

  /** Sources whose capture another instance holds, with that instance. */
  private final Map<String, String> standby = new ConcurrentHashMap<>();

  private final Map<String, List<PreflightProblem>> problems = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private ScheduledExecutorService scheduler;
  private ScheduledExecutorService renewer;

  /** Per capturing source: until when (System.nanoTime) its lease is surely held. */
  private final Map<String, Long> renewedUntil = new ConcurrentHashMap<>();

  /** Per source: when reading its slot's retained WAL last failed (System.nanoTime). */
  private final Map<String, Long> walUnreadable = new ConcurrentHashMap<>();

  /** How long a status answers without the retained WAL after the database did not answer. */
  private static final Duration WAL_RETRY = Duration.ofSeconds(15);

  void onStart(@Observes StartupEvent event) {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("daas-cdc-supervisor"));
    long restart = config.restartInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::supervise, 0, restart, TimeUnit.MILLISECONDS);
    long renew = Math.max(1, config.leaseTtl().toMillis() / 3);
    // renewal on its own thread: a slow start or stop on the supervisor must not let leases lapse
    renewer =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("daas-cdc-lease-renewal"));
    renewer.scheduleWithFixedDelay(this::renewLeases, renew, renew, TimeUnit.MILLISECONDS);
    long prune = config.pruneInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::prune, prune, prune, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (renewer != null) {
      renewer.shutdownNow();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    engines.keySet().forEach(source -> stopEngine(source));
  }

  /** Starts or stops capture of a source as the integrator asked; see {@link CdcRequest}. */
  public CdcStatus configure(String source, CdcSettings settings) {
    long sourceId = settingsStore.requireSourceId(source);
    synchronized (lock(source)) {
      if (!settings.enabled()) {
        stopEngine(source);
        problems.remove(source);
        standby.remove(source);
        settingsStore.save(sourceId, settings);
        return status(source);
      }
      CaptureConfig capture = captureConfig(source, settings);
      stopEngine(source);
      List<PreflightProblem> found = startEngine(source, sourceId, capture);
      if (!found.isEmpty()) {
        settingsStore.save(
            sourceId, new CdcSettings(false, settings.snapshotMode(), settings.tables()));
        throw new DaasException(
            ErrorCode.CONFLICT,
            "Change data capture cannot start on source "
                + source
                + ": the database lacks what it needs. "
                + String.join(" ", found.stream().map(PreflightProblem::message).toList()),
            Map.of("source", source, "problems", views(found)));
      }
      settingsStore.save(sourceId, settings);
    }
    return status(source);
  }

  /** The settings and the engine's state; unknown-source when there is no such source. */
  public CdcStatus status(String source) {
    settingsStore.requireSourceId(source);
    Optional<CdcSettings> stored = settingsStore.settings(source);
    CdcSettings settings = stored.orElse(CdcSettings.disabled());
    Long retainedWal = stored.isPresent() ? retainedWal(source, settings) : null;
    CaptureEngine engine = engines.get(source);
    List<CdcStatus.Problem> found = views(problems.getOrDefault(source, List.of()));
    String mode = settings.snapshotMode().debeziumName();
    if (engine == null) {
      String holder = settings.enabled() ? standby.get(source) : null;
      return new CdcStatus(
          source,
          settings.enabled(),
          mode,
          settings.tables(),
          List.of(),
          holder != null
              ? "STANDBY"
              : found.isEmpty() ? (settings.enabled() ? "STARTING" : "DISABLED") : "FAILED",
          false,
          holder == null ? null : "captured by server instance " + holder,
          null,
          found,
          0,
          0,
          hub.subscribers(source),
          retainedWal);
    }
    CaptureStatus s = engine.status();
    return new CdcStatus(
        source,
        settings.enabled(),
        mode,
        settings.tables(),
        engine.config().tables(),
        s.state().name(),
        engine.isStreaming(),
        s.message(),
        s.since(),
        found,
        s.eventsDelivered(),
        s.lastSequence(),
        hub.subscribers(source),
        retainedWal);
  }

  /**
   * Drops what the stopped capture of the source keeps (slot, publication, offsets), on the
   * integrator's request; capture must be disabled.
   */
  public CdcStatus dropRetained(String source) {
    long sourceId = settingsStore.requireSourceId(source);
    synchronized (lock(source)) {
      CdcSettings settings = settingsStore.settings(source).orElse(CdcSettings.disabled());
      if (settings.enabled()) {
        throw new DaasException(
            ErrorCode.CONFLICT,
            "Capture of source " + source + " is enabled; disable it before dropping its slot",
            Map.of("source", source));
      }
      Optional<String> holder = leases.holderOf(leaseName(sourceId));
      if (holder.isPresent() && !holder.get().equals(leases.holder())) {
        throw new DaasException(
            ErrorCode.CONFLICT,
            "Server instance "
                + holder.get()
                + " still captures source "
                + source
                + "; retry once it has seen capture disabled (within daas.cdc.restart-interval)",
            Map.of("source", source, "capturedBy", holder.get()));
      }
      stopEngine(source);
      try {
        CaptureAdmin.drop(captureConfig(source, settings), offsets);
      } catch (SQLException e) {
        throw new DaasException(
            ErrorCode.SOURCE_UNAVAILABLE,
            "Could not drop the replication slot of source " + source + ": " + e.getMessage(),
            Map.of("source", source));
      }
      LOG.infof("Source %s: capture's slot, publication and offsets dropped on request", source);
      releaseQuietly(source, sourceId);
    }
    return status(source);
  }

  /** WAL held by the source's slot (capture was configured); null when unknown. */
  private Long retainedWal(String source, CdcSettings settings) {
    Long failedAt = walUnreadable.get(source);
    if (failedAt != null && System.nanoTime() - failedAt < WAL_RETRY.toNanos()) {
      return null; // the database did not answer a moment ago: do not wait for it again
    }
    try {
      OptionalLong bytes = CaptureAdmin.retainedWalBytes(captureConfig(source, settings));
      walUnreadable.remove(source);
      return bytes.isPresent() ? bytes.getAsLong() : null;
    } catch (SQLException | RuntimeException e) {
      walUnreadable.put(source, System.nanoTime());
      LOG.debugf("Source %s: could not read the slot's retained WAL: %s", source, e);
      return null;
    }
  }

  /**
   * Runs {@code action} under the source's capture lock when no log-based capture runs for it: no
   * engine here (in any state) and no other instance holding its lease. Empty when capture runs, so
   * whatever the action writes to the change log never interleaves with an engine's sequences.
   */
  public <T> Optional<T> unlessCapturing(String source, long sourceId, Supplier<T> action) {
    synchronized (lock(source)) {
      if (engines.containsKey(source) || leases.holderOf(leaseName(sourceId)).isPresent()) {
        return Optional.empty();
      }
      return Optional.ofNullable(action.get());
    }
  }

  /** The capture configuration of a source with these settings; validation-failed if impossible. */
  public CaptureConfig captureConfig(String source, CdcSettings settings) {
    SourceConfig sourceConfig = sources.sourceConfig(source);
    List<String> tables =
        settings.tables().isEmpty() ? names.modelTables(source) : settings.tables();
    try {
      return CaptureConfig.fromJdbcUrl(
              source, sourceConfig.url(), sourceConfig.user(), sourceConfig.password())
          .tables(tables)
          .snapshotMode(settings.snapshotMode())
          .pollInterval(config.pollInterval())
          .maxBatchSize(config.maxBatchSize())
          .build();
    } catch (IllegalArgumentException e) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "Source " + source + " cannot be captured: " + e.getMessage(),
          Map.of("source", source));
    }
  }

  void onSourceRemoved(@Observes SourceRemoved event) {
    String source = event.source();
    try {
      synchronized (lock(source)) {
        CaptureEngine engine = engines.get(source);
        stopEngine(source);
        problems.remove(source);
        hub.endAll(source, "the source was removed");
        Optional<CdcSettings> settings = settingsStore.settings(source);
        if (engine != null || settings.isPresent()) {
          CaptureConfig capture =
              engine != null ? engine.config() : captureConfig(source, settings.get());
          CaptureAdmin.drop(capture, offsets);
          LOG.infof("Source %s: capture stopped; its offsets (slot, publication) dropped", source);
        }
        names.forget(source);
        drift.forget(source);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warnf(
          "Source %s: could not drop what capture kept (replication slot, publication): %s."
              + " Drop them by hand (docs/change-streams.md)",
          source, e.getMessage());
    } finally {
      locks.remove(source);
    }
  }

  private List<PreflightProblem> startEngine(String source, long sourceId, CaptureConfig capture) {
    long asked = System.nanoTime();
    if (!leases.acquire(leaseName(sourceId), config.leaseTtl())) {
      String holder = leases.holderOf(leaseName(sourceId)).orElse("another instance");
      if (standby.put(source, holder) == null) {
        LOG.infof("Source %s: captured by server instance %s; standing by", source, holder);
      }
      return List.of();
    }
    standby.remove(source);
    CaptureEngine engine =
        new CaptureEngine(
            capture,
            offsets,
            batch -> {
              List<ChangeRecord> logged =
                  log.append(
                      sourceId, batch, (schema, table) -> names.entityOf(source, schema, table));
              try {
                hub.publish(source, logged);
              } catch (RuntimeException e) {
                // Logged already: streams resume from the log, capture must not fail for them.
                LOG.warnf("Source %s: handing changes to streams failed: %s", source, e.toString());
              }
              Instant now = Instant.now();
              for (ChangeEvent event : batch) {
                if (event.sourceTimestamp() != null && event.operation() != ChangeOperation.READ) {
                  metrics.captured(source, Duration.between(event.sourceTimestamp(), now));
                }
              }
              try {
                drift.observe(source, batch);
              } catch (RuntimeException e) {
                LOG.warnf("Source %s: checking changes for schema drift failed: %s", source, e);
              }
            });
    List<PreflightProblem> found = engine.start();
    problems.put(source, found);
    if (found.isEmpty()) {
      engines.put(source, engine);
      engineSourceIds.put(source, sourceId);
      renewedUntil.put(source, asked + config.leaseTtl().toNanos() * 9 / 10);
      LOG.infof("Source %s: capture started (%s)", source, capture);
    } else {
      problems.put(source, found);
      releaseQuietly(source, sourceId);
      LOG.warnf("Source %s: capture cannot start: %s", source, found);
    }
    return found;
  }

  private void stopEngine(String source) {
    CaptureEngine engine = engines.remove(source);
    Long sourceId = engineSourceIds.remove(source);
    renewedUntil.remove(source);
    if (engine != null) {
      engine.stop();
    }
    if (sourceId != null) {
      releaseQuietly(source, sourceId);
    }
  }

  private void releaseQuietly(String source, long sourceId) {
    try {
      leases.release(leaseName(sourceId));
    } catch (RuntimeException e) {
      LOG.warnf("Source %s: could not release the capture lease: %s", source, e.toString());
    }
  }

  /** Renews the lease of every running engine; an engine whose lease was lost stops. */
  void renewLeases() {
    for (Map.Entry<String, Long> entry : Map.copyOf(engineSourceIds).entrySet()) {
      String source = entry.getKey();
      long asked = System.nanoTime();
      try {
        if (leases.acquire(leaseName(entry.getValue()), config.leaseTtl())) {
          renewedUntil.put(source, asked + config.leaseTtl().toNanos() * 9 / 10);
        } else {
          LOG.warnf(
              "Source %s: another server instance took over capture (lease lost); stopping here",
              source);
          stopAfterLostLease(source);
        }
      } catch (RuntimeException e) {
        LOG.warnf("Source %s: renewing the capture lease failed: %s", source, e.toString());
        Long until = renewedUntil.get(source);
        if (until != null && System.nanoTime() - until > 0) {
          LOG.warnf(
              "Source %s: the capture lease may have run out; stopping capture here until it can"
                  + " be renewed",
              source);
          stopAfterLostLease(source);
        }
      }
    }
  }

  /**
   * Takes the engine out at once (so it is no longer ours) and stops it on the supervisor thread: a
   * stop can take seconds, and renewals of other sources must not wait for it.
   */
  private void stopAfterLostLease(String source) {
    CaptureEngine engine = engines.remove(source);
    engineSourceIds.remove(source);
    renewedUntil.remove(source);
    if (engine != null) {
      scheduler.execute(engine::stop);
    }
  }

  /**
   * Starts engines of enabled sources that have none or whose engine failed, and stops engines of
   * sources disabled or removed (also through another instance). Each source's settings are read
   * again under its lock: a snapshot read before could be older than a change made meanwhile.
   */
  void supervise() {
    try {
      Set<String> sources = new TreeSet<>(settingsStore.all().keySet());
      sources.addAll(engines.keySet());
      for (String source : sources) {
        try {
          superviseOne(source);
        } catch (RuntimeException e) {
          LOG.warnf("Source %s: capture supervision failed, retrying later: %s", source, e);
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("Capture supervision failed, retrying later: %s", e.toString());
    }
  }

  private void superviseOne(String source) {
    synchronized (lock(source)) {
      Optional<CdcSettings> current = settingsStore.settings(source);
      CaptureEngine engine = engines.get(source);
      if (current.isEmpty() || !current.get().enabled()) {
        standby.remove(source);
        if (engine != null) {
          LOG.infof("Source %s: capture was disabled or removed elsewhere; stopping", source);
          stopEngine(source);
        }
        return;
      }
      CaptureConfig wanted = captureConfig(source, current.get());
      if (engine != null && engine.status().state() != CaptureState.FAILED) {
        if (sameCapture(engine.config(), wanted)) {
          return;
        }
        // changed through another instance, or the model's tables changed
        LOG.infof("Source %s: capture settings changed; restarting capture with them", source);
      }
      Optional<Long> sourceId = settingsStore.sourceId(source);
      if (sourceId.isEmpty()) {
        return;
      }
      if (engine != null) {
        LOG.infof("Source %s: restarting failed capture (%s)", source, engine.status().message());
      }
      stopEngine(source);
      startEngine(source, sourceId.get(), wanted);
    }
  }

  private static boolean sameCapture(CaptureConfig running, CaptureConfig wanted) {
    return running.snapshotMode() == wanted.snapshotMode()
        && new TreeSet<>(running.tables()).equals(new TreeSet<>(wanted.tables()));
  }

  private void prune() {
    try {
      int deleted = retention.prune(config.retention(), config.retentionRows());
      if (deleted > 0) {
        LOG.debugf("Pruned %d changes from the change log", deleted);
      }
    } catch (RuntimeException e) {
      LOG.warnf("Pruning the change log failed, retrying later: %s", e.toString());
    }
  }

  /** The name of the lease for capturing a source. */
  public static String leaseName(long sourceId) {
    return "cdc:" + sourceId;
  }

  private Object lock(String source) {
    return locks.computeIfAbsent(source, s -> new Object());
  }

  private static List<CdcStatus.Problem> views(List<PreflightProblem> found) {
    return found.stream().map(p -> new CdcStatus.Problem(p.code(), p.message())).toList();
  }
}
