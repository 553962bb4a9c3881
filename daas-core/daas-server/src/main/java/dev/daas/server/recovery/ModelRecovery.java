package dev.daas.server.recovery;

import dev.daas.model.DataModel;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.Relationship;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Table;
import dev.daas.model.connector.DataInspector;
import dev.daas.model.connector.SourceConnection;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.recovery.check.BudgetedChecks;
import dev.daas.recovery.curation.CuratedModel;
import dev.daas.recovery.curation.CurationRecord;
import dev.daas.recovery.curation.Curator;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.ObservedValues;
import dev.daas.recovery.evidence.OrmMapping;
import dev.daas.recovery.evidence.RecoveryInput;
import dev.daas.recovery.evidence.RecoveryThresholds;
import dev.daas.recovery.evidence.StatementEvidence;
import dev.daas.recovery.evidence.TableActivity;
import dev.daas.recovery.infer.ModelInference;
import dev.daas.recovery.infer.RecoveryResult;
import dev.daas.server.probe.ProbeService;
import dev.daas.server.store.MetadataStore;
import dev.daas.server.store.OrmMappingRecord;
import dev.daas.server.store.ProbeStore;
import dev.daas.server.store.StatementEvidenceRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Recovers a source's model from all its evidence: the catalog, what the probes saw (statements and
 * ORM mappings), the database's own statement statistics, and bounded checks of the data
 * (daas-recovery's {@link ModelInference}, run here because only the server may touch the source).
 */
@ApplicationScoped
public class ModelRecovery {
  private static final Logger LOG = Logger.getLogger(ModelRecovery.class);
  private static final int CHECK_ROUNDS = 3;
  private static final int MAX_CANDIDATES = 50;

  @Inject RecoveryConfig config;
  @Inject MetadataStore sources;
  @Inject ProbeStore probes;
  @Inject Curations curations;
  @Inject CdcEvidence cdc;
  @Inject RecoverySettingsStore settingsStore;
  @Inject ProbeService probe;

  private final ModelInference inference = new ModelInference();

  /** The recovered model and what went into it. */
  public record Outcome(DataModel model, RecoverySummary summary) {}

  public Outcome recover(String name, Catalog catalog, SourceConnection connection) {
    List<StatementEvidence> statements = new ArrayList<>();
    List<OrmMapping> mappings = new ArrayList<>();
    readProbeEvidence(name, statements, mappings);
    int fromProbes = statements.size();
    DataInspector inspector = inspector(connection);
    String unavailable = null;
    try {
      if (inspector == null) {
        throw new DaasException(
            ErrorCode.STATEMENT_STATS_UNAVAILABLE, "the connector cannot inspect the source");
      }
      Set<String> tableNames = tableNames(catalog);
      for (DataInspector.StatementStatistic s :
          inspector.statementStatistics(config.statementStatistics())) {
        // The statistics cover the whole database; only statements naming a table of this
        // source are worth parsing.
        if (mentionsAny(s.text(), tableNames)) {
          statements.add(
              new StatementEvidence(s.text(), s.calls(), EvidenceChannel.STATEMENT_STATS, null));
        }
      }
    } catch (DaasException e) {
      unavailable = e.getMessage();
    }
    Optional<Long> sourceId =
        QuarkusTransaction.requiringNew().call(() -> sources.source(name).map(s -> s.id));
    RecoverySettings.Effective settings =
        sourceId.map(settingsStore::settings).orElse(RecoverySettings.NONE).effective(config);
    RecoveryThresholds thresholds = settings.thresholds();
    List<ObservedValues> observed =
        sourceId.map(id -> observedValues(name, id, thresholds.maxEnumValues())).orElse(List.of());
    List<TableActivity> activity = sourceId.map(cdc::activity).orElse(List.of());
    RecoveryInput input =
        new RecoveryInput(name, catalog, statements, mappings, observed, thresholds, activity);
    BudgetedChecks checks =
        new BudgetedChecks(
            inspector,
            catalog,
            settings.maxChecks(),
            settings.checkBudget(),
            settings.sampleRows());
    List<CheckResult> results = new ArrayList<>();
    for (int round = 0; round < CHECK_ROUNDS && inspector != null; round++) {
      List<DataCheck> wanted = inference.plan(input, results);
      if (wanted.isEmpty() || !checks.runAll(wanted, results)) {
        break;
      }
    }
    RecoveryResult result = inference.recover(input, results);
    List<CurationRecord> records = curations.entries(name);
    CuratedModel curated =
        Curator.apply(result, records.stream().map(CurationRecord::toEntry).toList());
    RecoverySummary summary =
        new RecoverySummary(
            fromProbes,
            statements.size() - fromProbes,
            unavailable,
            mappings.size(),
            result.statements().parsed(),
            result.statements().unparsed(),
            checks.run(),
            checks.skipped(),
            result.inferredKeys().size(),
            (int) result.relationships().stream().filter(r -> r.emitted()).count(),
            candidates(curated.candidates()),
            records.size(),
            curated.unapplied().stream()
                .map(
                    u ->
                        new RecoverySummary.CurationIssue(
                            u.index(),
                            u.entry().type(),
                            u.outcome().name().toLowerCase(Locale.ROOT),
                            u.reason()))
                .toList(),
            curated.pii().stream().map(p -> p.entity() + "." + p.attribute()).toList());
    LOG.debugf("Source %s recovered: %s", name, summary);
    return new Outcome(CandidateViews.capped(curated.model()), summary);
  }

  private void readProbeEvidence(
      String name, List<StatementEvidence> statements, List<OrmMapping> mappings) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                sources
                    .source(name)
                    .ifPresent(
                        source -> {
                          Map<String, Long> counts = new HashMap<>();
                          Map<String, String> sites = new HashMap<>();
                          for (StatementEvidenceRecord r : probes.evidence(source.id)) {
                            counts.merge(r.template, r.executions, Long::sum);
                            if (r.callSiteClass != null) {
                              sites.putIfAbsent(
                                  r.template, r.callSiteClass + "#" + r.callSiteMethod);
                            }
                          }
                          counts.forEach(
                              (template, count) ->
                                  statements.add(
                                      new StatementEvidence(
                                          template,
                                          count,
                                          EvidenceChannel.PROBE,
                                          sites.get(template))));
                          statements.sort(Comparator.comparing(StatementEvidence::template));
                          for (OrmMappingRecord m : probes.mappings(source.id)) {
                            OrmMappingJson.read(m.mappingJson).ifPresent(mappings::add);
                          }
                        }));
  }

  /**
   * Values rows were written with, from the change log, where the source allows value sampling (the
   * probe settings' {@code valueSampling}, which governs every channel that would carry values of
   * the legacy data into the model).
   */
  private List<ObservedValues> observedValues(String name, long sourceId, int maxEnumValues) {
    if (!probe.settings(name).valueSampling()) {
      return List.of();
    }
    return cdc.values(sourceId, maxEnumValues);
  }

  private static Set<String> tableNames(Catalog catalog) {
    Set<String> names = new HashSet<>();
    for (Table t : catalog.tables()) {
      names.add(t.name().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /** Whether an identifier of the statement (quoted or not, any case) names one of the tables. */
  static boolean mentionsAny(String sql, Set<String> tableNames) {
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        int start = i;
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '_'
                || sql.charAt(i) == '$')) {
          i++;
        }
        if (tableNames.contains(sql.substring(start, i).toLowerCase(Locale.ROOT))) {
          return true;
        }
      } else {
        i++;
      }
    }
    return false;
  }

  private static DataInspector inspector(SourceConnection connection) {
    try {
      return connection.inspector();
    } catch (DaasException e) { // the SPI's answer for connectors without an inspector
      return null;
    }
  }

  private static List<RecoverySummary.Candidate> candidates(List<Relationship> candidates) {
    return candidates.stream()
        .sorted(Comparator.comparingDouble(Relationship::confidence).reversed())
        .limit(MAX_CANDIDATES)
        .map(
            r ->
                new RecoverySummary.Candidate(
                    r.fromEntity(),
                    r.fromAttributes(),
                    r.toEntity(),
                    r.toAttributes(),
                    r.confidence()))
        .toList();
  }
}
