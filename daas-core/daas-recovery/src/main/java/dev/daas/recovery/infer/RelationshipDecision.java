package dev.daas.recovery.infer;

import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.ForeignKey;
import dev.daas.model.catalog.Table;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.RecoveryThresholds;
import dev.daas.recovery.infer.RelationshipCandidates.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns proposed links into relationships: confidence from the combined support, the inclusion
 * check and how sure we are of the referenced key; of a link and its reverse only the stronger
 * survives (direction); a single-column link implied by an accepted composite one and supported by
 * names alone is held back ({@code SHIP_LN.ORD_NO -> ORD} beside {@code SHIP_LN(ORD_NO, LN_NO) ->
 * ORD_LN}).
 */
final class RelationshipDecision {
  private RelationshipDecision() {}

  static List<DataCheck> checks(RelationshipCandidates candidates, KeyRegistry keys) {
    List<Map.Entry<Link, Signals>> entries = new ArrayList<>(candidates.links.entrySet());
    entries.sort(
        Comparator.comparingDouble(
                (Map.Entry<Link, Signals> e) -> -score(e.getKey(), e.getValue(), keys))
            .thenComparing(e -> e.getKey().toString()));
    List<DataCheck> checks = new ArrayList<>();
    for (Map.Entry<Link, Signals> e : entries) {
      if (score(e.getKey(), e.getValue(), keys) >= 0.1) {
        checks.add(inclusion(e.getKey()));
      }
    }
    return checks;
  }

  static DataCheck.Inclusion inclusion(Link l) {
    return new DataCheck.Inclusion(l.from(), l.fromColumns(), l.to(), l.toColumns());
  }

  private static double score(Link l, Signals s, KeyRegistry keys) {
    return s.prior() * keyOrOrm(l, s, keys);
  }

  static List<InferredRelationship> decide(
      Catalog catalog,
      RelationshipCandidates candidates,
      KeyRegistry keys,
      Map<DataCheck, Boolean> results,
      RecoveryThresholds thresholds) {
    Set<Link> declared = new HashSet<>();
    for (Table t : catalog.tables()) {
      for (ForeignKey fk : t.foreignKeys()) {
        String to =
            fk.referencedSchema() == null
                ? fk.referencedTable()
                : fk.referencedSchema() + "." + fk.referencedTable();
        declared.add(new Link(t.qualifiedName(), fk.columns(), to, fk.referencedColumns()));
      }
    }
    Map<Link, Double> confidence = new LinkedHashMap<>();
    Map<Link, List<Evidence>> evidence = new LinkedHashMap<>();
    candidates.links.forEach(
        (link, signals) -> {
          if (declared.contains(link)) {
            return;
          }
          Boolean holds = results.get(inclusion(link));
          double c =
              Signals.withCheck(signals.prior(), holds, Signals.INCLUSION_HOLDS)
                  * keyOrOrm(link, signals, keys);
          List<Evidence> ev = new ArrayList<>(signals.evidence);
          if (holds != null) {
            ev.add(
                new Evidence(
                    EvidenceChannel.DATA_CHECK,
                    "data check: values of "
                        + link.fromColumns()
                        + (holds ? " are" : " are not")
                        + " all found in "
                        + link.to()
                        + link.toColumns(),
                    1));
          }
          confidence.put(link, KeyInference.round(c));
          evidence.put(link, ev);
        });
    // Direction: a link and its reverse are one relationship; keep the better-supported side.
    for (Link link : List.copyOf(confidence.keySet())) {
      Link reverse = link.reverse();
      if (confidence.containsKey(link) && confidence.containsKey(reverse)) {
        double a = confidence.get(link);
        double b = confidence.get(reverse);
        boolean keepLink = a != b ? a > b : link.toString().compareTo(reverse.toString()) < 0;
        confidence.remove(keepLink ? reverse : link);
      }
    }
    Set<Link> accepted = new HashSet<>(declared);
    confidence.forEach(
        (l, c) -> {
          if (c >= thresholds.relationship()) {
            accepted.add(l);
          }
        });
    List<InferredRelationship> result = new ArrayList<>();
    for (Map.Entry<Link, Double> e : confidence.entrySet()) {
      Link l = e.getKey();
      Signals s = candidates.links.get(l);
      boolean emitted = e.getValue() >= thresholds.relationship();
      if (emitted && !s.fromJoins && !s.fromOrm && impliedByComposite(l, accepted)) {
        emitted = false;
      }
      result.add(
          new InferredRelationship(
              l.from(),
              l.fromColumns(),
              l.to(),
              l.toColumns(),
              e.getValue(),
              evidence.get(l),
              emitted));
    }
    result.sort(Comparator.comparing(InferredRelationship::signature));
    return result;
  }

  /**
   * How much the referenced key's certainty limits the relationship's: fully for a declared key, to
   * 0.72 for a key inferred at 0.6; 0 when the columns are no key (an ORM association references
   * the target's identifier, which counts as 0.9).
   */
  private static double keyOrOrm(Link l, Signals s, KeyRegistry keys) {
    double key = keys.confidence(l.to(), l.toColumns());
    key = key == 0 && s.fromOrm ? 0.9 : key;
    return key == 0 ? 0 : 0.3 + 0.7 * key;
  }

  /** X(a) -> Z(k) where X(a, b) -> Y(a, b) and Y(a) -> Z(k) are accepted. */
  private static boolean impliedByComposite(Link l, Set<Link> accepted) {
    for (Link composite : accepted) {
      if (composite.from().equals(l.from())
          && composite.fromColumns().size() > 1
          && composite.fromColumns().containsAll(l.fromColumns())) {
        List<String> via = new ArrayList<>();
        for (String c : l.fromColumns()) {
          via.add(composite.toColumns().get(composite.fromColumns().indexOf(c)));
        }
        if (accepted.contains(new Link(composite.to(), via, l.to(), l.toColumns()))) {
          return true;
        }
      }
    }
    return false;
  }
}
