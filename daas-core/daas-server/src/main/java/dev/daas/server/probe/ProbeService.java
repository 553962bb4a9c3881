package dev.daas.server.probe;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.cdc.CoarseChanges;
import dev.daas.server.store.MetadataStore;
import dev.daas.server.store.OrmMappingRecord;
import dev.daas.server.store.ProbeInstanceRecord;
import dev.daas.server.store.ProbeSettingsRecord;
import dev.daas.server.store.ProbeStore;
import dev.daas.server.store.SourceRecord;
import dev.daas.server.store.StatementEvidenceRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Probe tokens, the per-source switch, and the aggregation of accepted batches. */
@ApplicationScoped
public class ProbeService {
  private static final Logger LOG = Logger.getLogger(ProbeService.class);

  /** Batches of one probe are merged one at a time; striped so the locks stay bounded. */
  private static final Object[] LOCKS = new Object[64];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new Object();
    }
  }

  @Inject MetadataStore sources;
  @Inject ProbeStore store;
  @Inject CoarseChanges coarse;

  /** The send interval probes use unless the source's settings name another. */
  public static final int DEFAULT_SEND_INTERVAL_SECONDS = 5;

  /** Distinct value samples kept per evidence row. */
  static final int MAX_STORED_SAMPLES = 10;

  /** What the ingest endpoint answers. */
  public record Outcome(
      boolean duplicate, boolean enabled, int sendIntervalSeconds, boolean valueSampling) {}

  /** A source's probe settings as the admin API shows them (never the token). */
  public record Settings(
      String source,
      boolean enabled,
      int sendIntervalSeconds,
      boolean valueSampling,
      boolean tokenIssued,
      Instant tokenCreatedAt) {}

  /** A change to the settings: null members stay as they are. */
  public record SettingsChange(
      Boolean enabled, Integer sendIntervalSeconds, Boolean valueSampling) {}

  /** A freshly made token, shown once. */
  public record IssuedToken(String token, Instant createdAt) {}

  public IssuedToken rotateToken(String source) {
    String token = ProbeTokens.newToken();
    Instant now = Instant.now();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ProbeSettingsRecord settings = settings(require(source));
              settings.tokenHash = ProbeTokens.hash(token);
              settings.tokenCreatedAt = now;
            });
    return new IssuedToken(token, now);
  }

  public Settings settings(String source) {
    return QuarkusTransaction.requiringNew().call(() -> view(source, settings(require(source))));
  }

  public Settings change(String source, SettingsChange change) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ProbeSettingsRecord settings = settings(require(source));
              if (change.enabled() != null) {
                settings.enabled = change.enabled();
              }
              if (change.sendIntervalSeconds() != null) {
                settings.sendIntervalSeconds = change.sendIntervalSeconds();
              }
              if (change.valueSampling() != null) {
                settings.valueSampling = change.valueSampling();
              }
              return view(source, settings);
            });
  }

  private static Settings view(String source, ProbeSettingsRecord s) {
    return new Settings(
        source, s.enabled, interval(s), s.valueSampling, s.tokenHash != null, s.tokenCreatedAt);
  }

  private static int interval(ProbeSettingsRecord s) {
    return s.sendIntervalSeconds == null ? DEFAULT_SEND_INTERVAL_SECONDS : s.sendIntervalSeconds;
  }

  /** Whether {@code token} is the probe token of {@code source}; false for unknown sources. */
  public boolean authenticates(String source, String token) {
    if (source == null || token == null) {
      return false;
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                sources
                    .source(source)
                    .flatMap(s -> store.settings(s.id))
                    .map(s -> ProbeTokens.matches(token, s.tokenHash))
                    .orElse(false));
  }

  /**
   * Merges the batch into the evidence; a batch seen for the first time then reports its writes as
   * coarse changes where capture does not run for the source ({@link CoarseChanges}).
   */
  public Outcome ingest(ProbeBatch batch) {
    Object lock = LOCKS[Math.floorMod(batch.probe().id().hashCode(), LOCKS.length)];
    Outcome outcome;
    synchronized (lock) {
      try {
        outcome = QuarkusTransaction.requiringNew().call(() -> merge(batch));
      } catch (PersistenceException e) {
        // Another probe of the source inserted the same evidence row first: merge into it.
        outcome = QuarkusTransaction.requiringNew().call(() -> merge(batch));
      }
    }
    if (!outcome.duplicate()) {
      publishWrites(batch);
    }
    return outcome;
  }

  private void publishWrites(ProbeBatch batch) {
    try {
      List<CoarseChanges.Write> writes = ProbeWrites.of(batch);
      if (!writes.isEmpty()) {
        coarse.publish(
            batch.source(),
            "probe",
            batch.intervalEnd(),
            "probe:" + batch.probe().id() + ":" + batch.sequence(),
            writes);
      }
    } catch (RuntimeException e) {
      // The evidence is stored; the notifications are best effort (docs/change-streams.md).
      LOG.warnf(
          "Source %s: coarse changes of probe batch %d not published: %s",
          batch.source(), batch.sequence(), e.toString());
    }
  }

  private Outcome merge(ProbeBatch batch) {
    SourceRecord source = require(batch.source());
    Optional<ProbeSettingsRecord> settings = store.settings(source.id);
    boolean enabled = settings.map(s -> s.enabled).orElse(true);
    boolean sampling = settings.map(s -> s.valueSampling).orElse(false);
    int interval = settings.map(ProbeService::interval).orElse(DEFAULT_SEND_INTERVAL_SECONDS);
    Instant now = Instant.now();
    ProbeInstanceRecord instance = instance(source, batch, now);
    if (!store.recordSequence(instance.id, batch.sequence(), now)) {
      return new Outcome(true, enabled, interval, sampling);
    }
    instance.batches++;
    for (ProbeBatch.Statement statement : batch.statements()) {
      instance.observations += statement.count();
      mergeStatement(source.id, statement, sampling, now);
    }
    for (ProbeBatch.Mapping mapping : batch.mappings()) {
      mergeMapping(source.id, mapping, now);
    }
    return new Outcome(false, enabled, interval, sampling);
  }

  private ProbeInstanceRecord instance(SourceRecord source, ProbeBatch batch, Instant now) {
    ProbeBatch.Probe probe = batch.probe();
    Optional<ProbeInstanceRecord> found = store.instance(probe.id());
    if (found.isPresent() && !found.get().sourceId.equals(source.id)) {
      throw new DaasException(
          ErrorCode.CONFLICT,
          "Probe " + probe.id() + " reports for another source already",
          Map.of("member", "probe.id"));
    }
    ProbeInstanceRecord record = found.orElseGet(ProbeInstanceRecord::new);
    if (record.id == null) {
      record.probeId = probe.id();
      record.sourceId = source.id;
      record.firstSeen = now;
    }
    record.pid = probe.pid();
    record.host = probe.host();
    record.jvm = probe.jvm();
    record.application = probe.application();
    record.agentVersion = probe.agentVersion();
    record.attachKind = probe.attach();
    record.frameworks = String.join(",", probe.frameworks());
    record.startedAt = probe.startedAt();
    record.attachedAt = probe.attachedAt();
    record.lastSeen = now;
    // Totals since the probe started: the newest report replaces, never adds.
    record.droppedStatements = Math.max(record.droppedStatements, batch.dropped().statements());
    record.droppedObservations =
        Math.max(record.droppedObservations, batch.dropped().observations());
    record.droppedMappings = Math.max(record.droppedMappings, batch.dropped().mappings());
    record.droppedBatches = Math.max(record.droppedBatches, batch.dropped().batches());
    if (record.id == null) {
      store.persist(record);
    }
    return record;
  }

  private void mergeStatement(
      long sourceId, ProbeBatch.Statement s, boolean sampling, Instant now) {
    Integer line = s.callSiteLine() == null || s.callSiteLine() < 0 ? null : s.callSiteLine();
    String key =
        ProbeTokens.hash(
            String.join(
                "\u0000",
                s.template(),
                String.valueOf(s.callSiteClass()),
                String.valueOf(s.callSiteMethod()),
                String.valueOf(line),
                String.valueOf(s.entryKind()),
                String.valueOf(s.entryMethod()),
                String.valueOf(s.entryName())));
    StatementEvidenceRecord record =
        store.evidence(sourceId, key).orElseGet(StatementEvidenceRecord::new);
    if (record.id == null) {
      record.sourceId = sourceId;
      record.evidenceKey = key;
      record.templateHash = ProbeTokens.hash(s.template());
      record.template = s.template();
      record.callSiteClass = s.callSiteClass();
      record.callSiteMethod = s.callSiteMethod();
      record.callSiteLine = line;
      record.entryKind = s.entryKind();
      record.entryMethod = s.entryMethod();
      record.entryName = s.entryName();
      record.histogramBounds = Histogram.encode(s.bounds());
      record.histogramCounts = Histogram.encode(new long[s.counts().length]);
      record.columnsRead = "";
      record.firstSeen = now;
    }
    record.operation = s.operation();
    record.dbProduct = s.dbProduct();
    record.dbUrl = s.dbUrl();
    record.dbUser = s.dbUser();
    record.executions += s.count();
    record.errors += s.errors();
    record.rowCount += s.rows();
    record.latencySumMicros += s.latencySum();
    record.latencyMaxMicros = Math.max(record.latencyMaxMicros, s.latencyMax());
    record.histogramCounts =
        Histogram.encode(
            Histogram.merge(
                Histogram.decode(record.histogramBounds),
                Histogram.decode(record.histogramCounts),
                s.bounds(),
                s.counts()));
    java.util.Set<String> columns = new java.util.TreeSet<>();
    if (!record.columnsRead.isEmpty()) {
      columns.addAll(java.util.Arrays.asList(record.columnsRead.split(",")));
    }
    columns.addAll(s.columnsRead());
    record.columnsRead = String.join(",", columns);
    if (sampling && !s.samples().isEmpty()) {
      // Literal values are kept only while the source allows sampling; otherwise dropped here.
      record.samples = Samples.merge(record.samples, s.samples(), MAX_STORED_SAMPLES);
    }
    record.lastSeen = now;
    if (record.id == null) {
      store.persist(record);
    }
  }

  private void mergeMapping(long sourceId, ProbeBatch.Mapping m, Instant now) {
    OrmMappingRecord record =
        store.mapping(sourceId, m.kind(), m.className()).orElseGet(OrmMappingRecord::new);
    if (record.id == null) {
      record.sourceId = sourceId;
      record.kind = m.kind();
      record.className = m.className();
      record.firstSeen = now;
    }
    record.tableName = m.table();
    record.mappingJson = m.json();
    record.lastSeen = now;
    if (record.id == null) {
      store.persist(record);
    }
  }

  private ProbeSettingsRecord settings(SourceRecord source) {
    return store
        .settings(source.id)
        .orElseGet(
            () -> {
              ProbeSettingsRecord created = new ProbeSettingsRecord();
              created.sourceId = source.id;
              created.enabled = true;
              store.persist(created);
              return created;
            });
  }

  SourceRecord require(String name) {
    return sources
        .source(name)
        .orElseThrow(
            () ->
                new DaasException(
                    ErrorCode.UNKNOWN_SOURCE,
                    "No source named " + name + "; GET /admin/v1/sources lists them"));
  }
}
