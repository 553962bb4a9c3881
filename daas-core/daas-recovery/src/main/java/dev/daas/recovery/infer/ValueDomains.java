package dev.daas.recovery.infer;

import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.EvidenceChannel;
import dev.daas.recovery.evidence.ObservedValues;
import dev.daas.recovery.sql.CatalogLookup;
import dev.daas.recovery.sql.ColumnRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Enum-like attributes: string or integer columns, not part of a key, for which statements compared
 * literals or sampling saw values, with at least two and at most {@code maxValues} distinct values
 * (an open domain: others may appear); and every column of an enum type, whose labels are a closed
 * domain the database enforces.
 */
final class ValueDomains {
  private ValueDomains() {}

  static List<RecoveryResult.ValueDomain> of(
      DataModel model,
      CatalogLookup lookup,
      Map<ColumnRef, Set<String>> literals,
      EvidenceChannel literalChannel,
      List<ObservedValues> observed,
      int maxValues) {
    Map<ColumnRef, Set<String>> values = new TreeMap<>();
    Map<ColumnRef, List<Evidence>> evidence = new TreeMap<>();
    literals.forEach(
        (c, v) -> {
          values.computeIfAbsent(c, k -> new TreeSet<>()).addAll(v);
          evidence
              .computeIfAbsent(c, k -> new ArrayList<>())
              .add(new Evidence(literalChannel, "literals compared in statements", v.size()));
        });
    for (ObservedValues o : observed) {
      int dot = o.table().lastIndexOf('.');
      lookup
          .table(dot < 0 ? null : o.table().substring(0, dot), o.table().substring(dot + 1))
          .ifPresent(
              t ->
                  lookup
                      .column(t, o.column())
                      .ifPresent(
                          c -> {
                            ColumnRef ref = new ColumnRef(t.qualifiedName(), c);
                            values.computeIfAbsent(ref, k -> new TreeSet<>()).addAll(o.values());
                            evidence
                                .computeIfAbsent(ref, k -> new ArrayList<>())
                                .add(
                                    new Evidence(
                                        o.channel(), "values observed", o.values().size()));
                          }));
    }
    List<RecoveryResult.ValueDomain> domains = new ArrayList<>();
    for (Entity e : model.entities()) {
      String table = e.schema() == null ? e.table() : e.schema() + "." + e.table();
      Set<String> keyed = new TreeSet<>();
      if (e.primaryKey() != null) {
        keyed.addAll(e.primaryKey().attributes());
      }
      for (Attribute a : e.attributes()) {
        ColumnRef ref = new ColumnRef(table, a.column());
        Set<String> v = values.get(ref);
        if (a.type() == DataType.ENUM && !a.enumValues().isEmpty()) {
          List<Evidence> ev = new ArrayList<>();
          ev.add(Evidence.catalog("enum type " + a.nativeType()));
          ev.addAll(evidence.getOrDefault(ref, List.of()));
          domains.add(new RecoveryResult.ValueDomain(e.name(), a.name(), a.enumValues(), true, ev));
          continue;
        }
        boolean kind = a.type() == DataType.STRING || a.type() == DataType.INTEGER;
        if (v != null
            && kind
            && !keyed.contains(a.name())
            && v.size() >= 2
            && v.size() <= maxValues) {
          domains.add(
              new RecoveryResult.ValueDomain(
                  e.name(), a.name(), List.copyOf(v), false, evidence.get(ref)));
        }
      }
    }
    return domains;
  }
}
