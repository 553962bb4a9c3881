package dev.daas.recovery.infer;

import static java.util.Objects.requireNonNull;

import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.Relationship;
import dev.daas.model.RelationshipKind;
import dev.daas.recovery.evidence.CheckResult;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.RecoveryInput;
import dev.daas.recovery.evidence.StatementEvidence;
import dev.daas.recovery.sql.StatementAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recovers keys, relationships, readable names and value domains from all evidence of a source, in
 * two phases so that the data stays outside: {@link #plan} lists the bounded data checks it wants
 * (uniqueness of candidate keys first, then inclusion of candidate references, so call it until it
 * returns nothing, passing the results gathered so far), and {@link #recover} builds the result
 * from the evidence and whatever check results exist. Missing results lower confidence; they never
 * fail. Deterministic: the same input and results give an equal result.
 */
public final class ModelInference {
  private RecoveryInput cachedInput;
  private Workload cachedWorkload;

  /** The checks still wanted, given the results already answered; empty when done. */
  public List<DataCheck> plan(RecoveryInput input, List<CheckResult> answered) {
    requireNonNull(input, "input is null");
    Run run = run(input, answered);
    Set<DataCheck> done = new HashSet<>();
    answered.forEach(r -> done.add(r.check()));
    int budget = Math.max(0, input.thresholds().maxChecks() - done.size());
    List<DataCheck> keyChecks =
        run.keys.checks(run.keyCandidates).stream().filter(c -> !done.contains(c)).toList();
    if (!keyChecks.isEmpty()) {
      return keyChecks.stream().limit(budget).toList();
    }
    return RelationshipDecision.checks(run.candidates, run.registry).stream()
        .filter(c -> !done.contains(c))
        .distinct()
        .limit(budget)
        .toList();
  }

  public RecoveryResult recover(RecoveryInput input, List<CheckResult> results) {
    requireNonNull(input, "input is null");
    Run run = run(input, results);
    List<InferredRelationship> all =
        RelationshipDecision.decide(
            input.catalog(), run.candidates, run.registry, run.outcomes, input.thresholds());
    List<InferredRelationship> emitted =
        all.stream().filter(InferredRelationship::emitted).toList();
    DataModel model =
        ModelAssembly.assemble(input.source(), input.catalog(), run.inferredKeys, emitted);
    Set<String> inModel = new HashSet<>();
    model.relationships().forEach(r -> inModel.add(key(r)));
    List<Relationship> candidates =
        ModelAssembly.assemble(input.source(), input.catalog(), run.inferredKeys, all)
            .relationships()
            .stream()
            .filter(r -> r.kind() == RelationshipKind.INFERRED && !inModel.contains(key(r)))
            .toList();
    EvidenceChannel literalChannel =
        input.statements().stream().anyMatch(s -> s.channel() == EvidenceChannel.PROBE)
            ? EvidenceChannel.PROBE
            : EvidenceChannel.STATEMENT_STATS;
    Map<String, String> readableNames =
        ReadableNames.of(model, run.analyzer.lookup(), input.mappings());
    List<RecoveryResult.ValueDomain> valueDomains =
        ValueDomains.of(
            model,
            run.analyzer.lookup(),
            run.workload.literals,
            literalChannel,
            input.values(),
            input.thresholds().maxEnumValues());
    DataModel annotated =
        WriteActivity.annotate(
            ModelAnnotations.annotate(model, readableNames, valueDomains),
            run.analyzer.lookup(),
            input.activity());
    return new RecoveryResult(
        annotated.withCandidates(candidates),
        candidates,
        List.copyOf(run.inferredKeys.values()),
        all,
        manyToMany(model),
        readableNames,
        valueDomains,
        new RecoveryResult.StatementSummary(
            run.workload.templates,
            run.workload.parsedTemplates,
            run.workload.skimmed,
            run.workload.statements,
            run.workload.unparsed));
  }

  private static String key(Relationship r) {
    return r.fromEntity() + r.fromAttributes() + r.toEntity() + r.toAttributes();
  }

  private record Run(
      StatementAnalyzer analyzer,
      Workload workload,
      Map<DataCheck, Boolean> outcomes,
      KeyInference keys,
      Map<String, List<KeyInference.Candidate>> keyCandidates,
      Map<String, InferredKey> inferredKeys,
      KeyRegistry registry,
      RelationshipCandidates candidates) {}

  private Run run(RecoveryInput input, List<CheckResult> results) {
    StatementAnalyzer analyzer = new StatementAnalyzer(input.catalog());
    Workload workload = workload(input, analyzer, input.statements());
    Map<DataCheck, Boolean> outcomes = new HashMap<>();
    for (CheckResult r : results == null ? List.<CheckResult>of() : results) {
      if (!r.conclusive()) {
        continue;
      }
      boolean holds =
          r.check() instanceof DataCheck.Inclusion
              ? r.violations() <= input.thresholds().orphanTolerance() * r.rowsExamined()
              : r.violations() == 0;
      outcomes.put(r.check(), holds);
    }
    KeyInference keys =
        new KeyInference(input.catalog(), analyzer.lookup(), input.mappings(), workload);
    Map<String, List<KeyInference.Candidate>> keyCandidates = keys.candidates();
    Map<String, InferredKey> inferred =
        keys.decide(keyCandidates, outcomes, input.thresholds().primaryKey());
    KeyRegistry registry = new KeyRegistry(input.catalog(), inferred);
    RelationshipCandidates candidates =
        new RelationshipCandidates(input.catalog(), analyzer.lookup(), registry);
    candidates.joins(workload.joins);
    candidates.orm(input.mappings());
    candidates.naming();
    return new Run(
        analyzer, workload, outcomes, keys, keyCandidates, inferred, registry, candidates);
  }

  /**
   * Parsing is the expensive part: plan and recover called with the same {@link RecoveryInput}
   * instance (compared by identity) parse its statements once.
   */
  private synchronized Workload workload(
      RecoveryInput input, StatementAnalyzer analyzer, List<StatementEvidence> statements) {
    if (cachedInput != input) {
      cachedWorkload = Workload.of(analyzer, statements);
      cachedInput = input;
    }
    return cachedWorkload;
  }

  /** Entities whose primary key is split exactly between two relationships to other entities. */
  static List<RecoveryResult.ManyToMany> manyToMany(DataModel model) {
    List<RecoveryResult.ManyToMany> result = new ArrayList<>();
    for (Entity e : model.entities()) {
      if (e.primaryKey() == null || e.primaryKey().attributes().size() < 2) {
        continue;
      }
      Set<String> pk = new LinkedHashSet<>(e.primaryKey().attributes());
      List<Relationship> out =
          model.relationships().stream().filter(r -> r.fromEntity().equals(e.name())).toList();
      found:
      for (int i = 0; i < out.size(); i++) {
        for (int j = i + 1; j < out.size(); j++) {
          Set<String> union = new HashSet<>(out.get(i).fromAttributes());
          union.addAll(out.get(j).fromAttributes());
          if (union.equals(pk)
              && out.get(i).fromAttributes().size() + out.get(j).fromAttributes().size()
                  == pk.size()) {
            result.add(
                new RecoveryResult.ManyToMany(
                    e.name(),
                    out.get(i).toEntity(),
                    out.get(i).name(),
                    out.get(j).toEntity(),
                    out.get(j).name()));
            break found;
          }
        }
      }
    }
    return result;
  }
}
