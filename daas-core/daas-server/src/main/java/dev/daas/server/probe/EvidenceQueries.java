package dev.daas.server.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.recovery.sql.SqlTables;
import dev.daas.server.probe.ProbeViews.Architecture;
import dev.daas.server.probe.ProbeViews.CallSite;
import dev.daas.server.probe.ProbeViews.ComponentTables;
import dev.daas.server.probe.ProbeViews.EntryPoint;
import dev.daas.server.probe.ProbeViews.EntryPointTables;
import dev.daas.server.probe.ProbeViews.Latency;
import dev.daas.server.probe.ProbeViews.ProbeView;
import dev.daas.server.probe.ProbeViews.StatementView;
import dev.daas.server.probe.ProbeViews.TableCounts;
import dev.daas.server.store.MetadataStore;
import dev.daas.server.store.OrmMappingRecord;
import dev.daas.server.store.ProbeInstanceRecord;
import dev.daas.server.store.ProbeStore;
import dev.daas.server.store.SourceRecord;
import dev.daas.server.store.StatementEvidenceRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the aggregated probe evidence for the admin API. */
@ApplicationScoped
public class EvidenceQueries {
  @Inject MetadataStore sources;
  @Inject ProbeStore store;
  @Inject ProbeService probes;
  @Inject ObjectMapper json;

  public List<ProbeView> probes() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<Long, String> names = new LinkedHashMap<>();
              sources.sources().forEach(s -> names.put(s.id, s.name));
              return store.instances().stream().map(r -> view(r, names.get(r.sourceId))).toList();
            });
  }

  private static ProbeView view(ProbeInstanceRecord r, String source) {
    return new ProbeView(
        r.probeId,
        source,
        r.pid,
        r.host,
        r.jvm,
        r.application,
        r.agentVersion,
        r.attachKind,
        r.frameworks == null || r.frameworks.isEmpty()
            ? List.of()
            : List.of(r.frameworks.split(",")),
        r.startedAt,
        r.attachedAt,
        r.firstSeen,
        r.lastSeen,
        r.batches,
        r.observations,
        new ProbeViews.Dropped(
            r.droppedStatements, r.droppedObservations, r.droppedMappings, r.droppedBatches));
  }

  /** Templates by executions, most first. */
  public List<StatementView> statements(String source, int limit) {
    List<StatementEvidenceRecord> rows = evidence(source);
    Map<String, List<StatementEvidenceRecord>> byTemplate = new LinkedHashMap<>();
    rows.forEach(r -> byTemplate.computeIfAbsent(r.templateHash, h -> new ArrayList<>()).add(r));
    return byTemplate.values().stream()
        .map(EvidenceQueries::statement)
        .sorted(
            Comparator.comparingLong(StatementView::count)
                .reversed()
                .thenComparing(StatementView::template))
        .limit(limit)
        .toList();
  }

  private static StatementView statement(List<StatementEvidenceRecord> rows) {
    StatementEvidenceRecord first = rows.get(0);
    long count = 0;
    long errors = 0;
    long rowCount = 0;
    long sum = 0;
    long max = 0;
    long[] bounds = Histogram.decode(first.histogramBounds);
    long[] counts = new long[bounds.length + 1];
    TreeSet<String> columns = new TreeSet<>();
    Map<List<Object>, Long> callSites = new LinkedHashMap<>();
    Map<List<Object>, Long> entryPoints = new LinkedHashMap<>();
    java.util.Set<String> samples = new java.util.TreeSet<>();
    Instant firstSeen = first.firstSeen;
    Instant lastSeen = first.lastSeen;
    for (StatementEvidenceRecord r : rows) {
      count += r.executions;
      errors += r.errors;
      rowCount += r.rowCount;
      sum += r.latencySumMicros;
      max = Math.max(max, r.latencyMaxMicros);
      counts =
          Histogram.merge(
              bounds,
              counts,
              Histogram.decode(r.histogramBounds),
              Histogram.decode(r.histogramCounts));
      if (!r.columnsRead.isEmpty()) {
        columns.addAll(Arrays.asList(r.columnsRead.split(",")));
      }
      samples.addAll(Samples.read(r.samples));
      if (r.callSiteClass != null) {
        callSites.merge(
            Arrays.asList(r.callSiteClass, r.callSiteMethod, r.callSiteLine),
            r.executions,
            Long::sum);
      }
      if (r.entryKind != null) {
        entryPoints.merge(
            Arrays.asList(r.entryKind, r.entryMethod, r.entryName), r.executions, Long::sum);
      }
      firstSeen = firstSeen.isBefore(r.firstSeen) ? firstSeen : r.firstSeen;
      lastSeen = lastSeen.isAfter(r.lastSeen) ? lastSeen : r.lastSeen;
    }
    Latency latency =
        new Latency(
            count == 0 ? null : sum / count,
            max,
            Histogram.quantile(bounds, counts, max, 0.5),
            Histogram.quantile(bounds, counts, max, 0.99));
    return new StatementView(
        first.templateHash,
        first.template,
        first.operation,
        count,
        errors,
        rowCount,
        latency,
        List.copyOf(columns),
        List.copyOf(samples),
        callSites.entrySet().stream()
            .sorted(Map.Entry.<List<Object>, Long>comparingByValue().reversed())
            .map(
                e ->
                    new CallSite(
                        (String) e.getKey().get(0),
                        (String) e.getKey().get(1),
                        (Integer) e.getKey().get(2),
                        e.getValue()))
            .toList(),
        entryPoints.entrySet().stream()
            .sorted(Map.Entry.<List<Object>, Long>comparingByValue().reversed())
            .map(
                e ->
                    new EntryPoint(
                        (String) e.getKey().get(0),
                        (String) e.getKey().get(1),
                        (String) e.getKey().get(2),
                        e.getValue()))
            .toList(),
        firstSeen,
        lastSeen);
  }

  /** Entry points and components (call-site classes) x tables, counted in executions. */
  public Architecture architecture(String source) {
    List<StatementEvidenceRecord> rows = evidence(source);
    Map<String, SqlTables.Analysis> analyses = new LinkedHashMap<>();
    Map<List<String>, Map<String, long[]>> entries = new TreeMap<>(EvidenceQueries::compareKeys);
    Map<String, Map<String, long[]>> components = new TreeMap<>();
    TreeSet<String> tables = new TreeSet<>();
    for (StatementEvidenceRecord r : rows) {
      SqlTables.Analysis analysis =
          analyses.computeIfAbsent(r.templateHash, h -> SqlTables.analyze(r.template));
      for (SqlTables.TableUse use : analysis.tables()) {
        tables.add(use.table());
        if (r.entryKind != null) {
          add(entries, Arrays.asList(r.entryKind, r.entryMethod, r.entryName), use, r.executions);
        }
        if (r.callSiteClass != null) {
          add(components, r.callSiteClass, use, r.executions);
        }
      }
    }
    int unparsed = (int) analyses.values().stream().filter(a -> !a.parsed()).count();
    return new Architecture(
        source,
        analyses.size(),
        unparsed,
        List.copyOf(tables),
        entries.entrySet().stream()
            .map(
                e ->
                    new EntryPointTables(
                        e.getKey().get(0),
                        e.getKey().get(1),
                        e.getKey().get(2),
                        counts(e.getValue())))
            .toList(),
        components.entrySet().stream()
            .map(e -> new ComponentTables(e.getKey(), counts(e.getValue())))
            .toList());
  }

  private static <K> void add(
      Map<K, Map<String, long[]>> into, K key, SqlTables.TableUse use, long executions) {
    long[] counts =
        into.computeIfAbsent(key, k -> new TreeMap<>())
            .computeIfAbsent(use.table(), t -> new long[4]);
    for (SqlTables.Operation operation : use.operations()) {
      counts[operation.ordinal()] += executions;
    }
  }

  private static List<TableCounts> counts(Map<String, long[]> byTable) {
    return byTable.entrySet().stream()
        .map(
            e -> {
              long[] c = e.getValue();
              return new TableCounts(e.getKey(), c[0], c[1], c[2], c[3]);
            })
        .toList();
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = Objects.compare(a.get(i), b.get(i), Comparator.nullsFirst(Comparator.naturalOrder()));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** ORM mappings the probes reported, by class; {@code mapping} is the document as sent. */
  public List<Map<String, Object>> mappings(String source) {
    List<OrmMappingRecord> rows =
        QuarkusTransaction.requiringNew().call(() -> store.mappings(probes.require(source).id));
    List<Map<String, Object>> out = new ArrayList<>();
    for (OrmMappingRecord r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", r.kind);
      m.put("class", r.className);
      m.put("table", r.tableName);
      try {
        m.put("mapping", json.readTree(r.mappingJson));
      } catch (java.io.IOException e) {
        throw new IllegalStateException("stored mapping of " + r.className + " is unreadable", e);
      }
      m.put("firstSeen", r.firstSeen);
      m.put("lastSeen", r.lastSeen);
      out.add(m);
    }
    return out;
  }

  private List<StatementEvidenceRecord> evidence(String source) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              SourceRecord record = probes.require(source);
              return store.evidence(record.id);
            });
  }
}
