package dev.daas.recovery.infer;

import dev.daas.model.EvidenceChannel;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.Table;
import dev.daas.recovery.evidence.OrmMapping;
import dev.daas.recovery.sql.CatalogLookup;
import dev.daas.recovery.sql.JoinCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proposes relationships and gathers their support: join predicates whose one side is a key
 * (weighted by templates, call sites and executions), ORM associations, and naming conventions
 * ({@code T_ORD.CUST_ID -> T_CUST.CUST_ID}, {@code T_ORD.C_ID -> T_CUST.ID}, {@code BILL_CUST_ID ->
 * CUST_ID}, composite keys repeated by name).
 */
final class RelationshipCandidates {
  /** A proposed relationship: from table and columns to a key of the to table, pairwise. */
  record Link(String from, List<String> fromColumns, String to, List<String> toColumns) {
    Link reverse() {
      return new Link(to, toColumns, from, fromColumns);
    }

    @Override
    public String toString() {
      return from + fromColumns + " -> " + to + toColumns;
    }
  }

  final Map<Link, Signals> links = new TreeMap<>(Comparator.comparing(Link::toString));
  final CatalogLookup lookup;
  final KeyRegistry keys;
  final Map<String, Table> tables = new HashMap<>();
  final Map<String, String> stems = new HashMap<>();
  private final Map<Character, List<String>> stemsByInitial = new HashMap<>();

  RelationshipCandidates(Catalog catalog, CatalogLookup lookup, KeyRegistry keys) {
    this.lookup = lookup;
    this.keys = keys;
    for (Table t : catalog.tables()) {
      tables.put(t.qualifiedName(), t);
      String stem = Names.stem(t.name());
      stems.put(t.qualifiedName(), stem);
      if (!stem.isEmpty()) {
        stemsByInitial
            .computeIfAbsent(stem.charAt(0), c -> new ArrayList<>())
            .add(t.qualifiedName());
      }
    }
  }

  void joins(Map<JoinCondition, Workload.JoinStats> joins) {
    List<JoinCondition> sorted =
        joins.keySet().stream().sorted(Comparator.comparing(JoinCondition::toString)).toList();
    for (JoinCondition j : sorted) {
      Workload.JoinStats stats = joins.get(j);
      for (boolean leftIsFrom : new boolean[] {true, false}) {
        String from = leftIsFrom ? j.leftTable() : j.rightTable();
        String to = leftIsFrom ? j.rightTable() : j.leftTable();
        Map<String, String> toToFrom = new HashMap<>();
        for (JoinCondition.Pair p : j.pairs()) {
          String f = leftIsFrom ? p.left().column() : p.right().column();
          String t = leftIsFrom ? p.right().column() : p.left().column();
          toToFrom.putIfAbsent(t, f);
        }
        for (KeyRegistry.TableKey key : keys.of(to)) {
          if (!toToFrom.keySet().containsAll(key.columns())) {
            continue;
          }
          List<String> fromColumns = key.columns().stream().map(toToFrom::get).toList();
          if (fromColumns.stream().distinct().count() != fromColumns.size()
              || (from.equals(to) && fromColumns.equals(key.columns()))
              || !compatible(from, fromColumns, to, key.columns())) {
            continue;
          }
          double units =
              stats.templates.size()
                  + 0.5 * Math.max(0, stats.callSites.size() - 1)
                  + 0.25 * Math.log10(1 + stats.executions);
          double p = Math.min(0.95, 1 - Math.pow(0.4, units));
          if (keyToKey(from, fromColumns, to)) {
            // Two keys compared: a one-to-one extension only if the name says so (CUST_EXT.CUST_ID
            // names T_CUST); otherwise more often a report comparing unrelated serial numbers.
            p *= 0.15;
          }
          Signals s = signals(new Link(from, fromColumns, to, key.columns()));
          s.fromJoins = true;
          for (EvidenceChannel channel : stats.channels) {
            s.add(
                p / stats.channels.size(),
                channel,
                "join "
                    + j.pairs()
                    + " in "
                    + stats.templates.size()
                    + " templates from "
                    + stats.callSites.size()
                    + " call sites",
                stats.executions);
          }
        }
      }
    }
  }

  private boolean keyToKey(String from, List<String> fromColumns, String to) {
    if (from.equals(to) || fromColumns.size() != 1 || !keys.isKey(from, fromColumns)) {
      return false;
    }
    String column = fromColumns.get(0);
    return Names.ownKeyScore(column, stems.get(to)) <= Names.ownKeyScore(column, stems.get(from));
  }

  void orm(List<OrmMapping> mappings) {
    Map<String, OrmMapping> byClass = new HashMap<>();
    mappings.forEach(m -> byClass.put(m.className(), m));
    List<OrmMapping> sorted =
        mappings.stream().sorted(Comparator.comparing(OrmMapping::className)).toList();
    for (OrmMapping m : sorted) {
      Table self = lookup.table(m.schema(), m.table()).orElse(null);
      for (OrmMapping.Association a : m.relationships()) {
        OrmMapping target = byClass.get(a.target());
        Table other =
            target == null ? null : lookup.table(target.schema(), target.table()).orElse(null);
        if (self == null || other == null || a.mappedBy() != null) {
          continue;
        }
        String what = "ORM association " + m.className() + "." + a.field();
        switch (a.kind()) {
          case "many_to_one", "one_to_one" -> ormLink(self, a.joinColumns(), other, target, what);
          case "one_to_many" -> ormLink(other, a.joinColumns(), self, m, what);
          case "many_to_many" -> {
            if (a.joinTable() != null) {
              Table link = lookup.table(a.joinTable().schema(), a.joinTable().name()).orElse(null);
              if (link != null) {
                ormLink(link, a.joinTable().joinColumns(), self, m, what);
                ormLink(link, a.joinTable().inverseJoinColumns(), other, target, what);
              }
            }
          }
          default -> {}
        }
      }
    }
  }

  private void ormLink(
      Table from,
      List<OrmMapping.JoinColumn> columns,
      Table to,
      OrmMapping toMapping,
      String what) {
    if (columns.isEmpty()) {
      return;
    }
    List<String> ids =
        toMapping.fields().stream()
            .filter(OrmMapping.Field::id)
            .map(OrmMapping.Field::column)
            .toList();
    List<String> fromColumns = new ArrayList<>();
    List<String> toColumns = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      OrmMapping.JoinColumn c = columns.get(i);
      String referenced =
          c.referencedColumnName() == null || c.referencedColumnName().isEmpty()
              ? (i < ids.size() ? ids.get(i) : null)
              : c.referencedColumnName();
      String f = lookup.column(from, c.name()).orElse(null);
      String t = referenced == null ? null : lookup.column(to, referenced).orElse(null);
      if (f == null || t == null) {
        return;
      }
      fromColumns.add(f);
      toColumns.add(t);
    }
    Signals s = signals(new Link(from.qualifiedName(), fromColumns, to.qualifiedName(), toColumns));
    s.fromOrm = true;
    s.add(0.9, EvidenceChannel.PROBE, what, 1);
  }

  void naming() {
    new NamingCandidates(this).propose();
  }

  boolean compatible(String from, List<String> fromColumns, String to, List<String> toColumns) {
    Table f = tables.get(from);
    Table t = tables.get(to);
    for (int i = 0; i < fromColumns.size(); i++) {
      Column a = column(f, fromColumns.get(i));
      Column b = column(t, toColumns.get(i));
      if (a == null || b == null || !KeyRegistry.compatible(a, b)) {
        return false;
      }
    }
    return true;
  }

  private static Column column(Table t, String name) {
    return t.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  Signals signals(Link link) {
    return links.computeIfAbsent(link, l -> new Signals());
  }
}
