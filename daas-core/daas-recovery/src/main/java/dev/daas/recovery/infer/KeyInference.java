package dev.daas.recovery.infer;

import dev.daas.model.EntityKind;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.Table;
import dev.daas.model.catalog.TableIndex;
import dev.daas.model.catalog.UniqueConstraint;
import dev.daas.recovery.evidence.DataCheck;
import dev.daas.recovery.evidence.OrmMapping;
import dev.daas.recovery.sql.CatalogLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Primary keys for tables that declare none. Candidates come from ORM identifiers, unique
 * constraints and indexes, generated columns, and names: a column that names its own table ({@code
 * T_CUST.CUST_ID}, {@code ID}) is a key candidate unless its name fits another table better (then
 * it is a foreign key, as {@code T_ORD_LN.ORD_NO}), and the leading key-named columns form a
 * composite candidate when one of them is such a foreign key. Data checks of uniqueness confirm or
 * reject the heuristic candidates.
 */
final class KeyInference {
  private static final int CHECKS_PER_TABLE = 4;

  record Candidate(List<String> columns, Signals signals, boolean strong) {}

  private final List<Table> keyless = new ArrayList<>();
  private final Map<String, String> stems = new HashMap<>();
  private final Map<Character, List<String>> stemsByInitial = new HashMap<>();
  private final Map<String, List<OrmMapping>> mappings = new HashMap<>();

  private final Map<dev.daas.recovery.sql.ColumnRef, java.util.Set<String>> joinPartners =
      new HashMap<>();

  KeyInference(Catalog catalog, CatalogLookup lookup, List<OrmMapping> orm, Workload workload) {
    for (dev.daas.recovery.sql.JoinCondition j : workload.joins.keySet()) {
      for (dev.daas.recovery.sql.JoinCondition.Pair p : j.pairs()) {
        if (!p.left().table().equals(p.right().table())) {
          joinPartners
              .computeIfAbsent(p.left(), k -> new java.util.TreeSet<>())
              .add(p.right().table());
          joinPartners
              .computeIfAbsent(p.right(), k -> new java.util.TreeSet<>())
              .add(p.left().table());
        }
      }
    }
    for (Table t : catalog.tables()) {
      String stem = Names.stem(t.name());
      stems.put(t.qualifiedName(), stem);
      if (!stem.isEmpty()) {
        stemsByInitial
            .computeIfAbsent(stem.charAt(0), c -> new ArrayList<>())
            .add(t.qualifiedName());
      }
      if (t.kind() == EntityKind.TABLE
          && (t.primaryKey() == null || t.primaryKey().columns().isEmpty())) {
        keyless.add(t);
      }
    }
    for (OrmMapping m : orm) {
      lookup
          .table(m.schema(), m.table())
          .ifPresent(
              t -> mappings.computeIfAbsent(t.qualifiedName(), k -> new ArrayList<>()).add(m));
    }
    keyless.sort(Comparator.comparing(Table::qualifiedName));
  }

  /** How well the column names another table than its own (the best such table), 0..1.01. */
  double foreignScore(Table table, String column) {
    String prefix = Names.keyPrefix(column);
    if (prefix.isEmpty() || !Names.keySuffixed(column)) {
      return 0;
    }
    double best = 0;
    for (String other : stemsByInitial.getOrDefault(prefix.charAt(0), List.of())) {
      if (!other.equals(table.qualifiedName())) {
        // On equal scores the shorter stem owns the name: ORD_NO is T_ORD's, not T_ORD_HIST's.
        double closer =
            stems.get(other).length() < stems.get(table.qualifiedName()).length() ? 0.01 : 0;
        best = Math.max(best, Names.abbreviates(prefix, stems.get(other)) + closer);
      }
    }
    return best;
  }

  Map<String, List<Candidate>> candidates() {
    Map<String, List<Candidate>> all = new LinkedHashMap<>();
    for (Table t : keyless) {
      all.put(t.qualifiedName(), candidates(t));
    }
    return all;
  }

  List<DataCheck> checks(Map<String, List<Candidate>> candidates) {
    List<DataCheck> checks = new ArrayList<>();
    candidates.forEach(
        (table, list) ->
            list.stream()
                .filter(c -> !c.strong())
                .sorted(Comparator.comparingDouble((Candidate c) -> -c.signals().prior()))
                .limit(CHECKS_PER_TABLE)
                .forEach(c -> checks.add(new DataCheck.Uniqueness(table, c.columns()))));
    return checks;
  }

  /** The best candidate of each table at or above the threshold. */
  Map<String, InferredKey> decide(
      Map<String, List<Candidate>> candidates, Map<DataCheck, Boolean> results, double threshold) {
    Map<String, InferredKey> keys = new LinkedHashMap<>();
    candidates.forEach(
        (table, list) -> {
          InferredKey best = null;
          for (Candidate c : list) {
            DataCheck check = new DataCheck.Uniqueness(table, c.columns());
            Boolean holds = results.get(check);
            double confidence =
                Signals.withCheck(c.signals().prior(), holds, Signals.UNIQUENESS_HOLDS);
            List<dev.daas.model.Evidence> evidence = new ArrayList<>(c.signals().evidence);
            if (holds != null) {
              evidence.add(
                  new dev.daas.model.Evidence(
                      EvidenceChannel.DATA_CHECK,
                      "data check: values of "
                          + c.columns()
                          + (holds ? " are" : " are not")
                          + " unique",
                      1));
            }
            InferredKey key = new InferredKey(table, c.columns(), round(confidence), evidence);
            if (confidence >= threshold && better(key, best)) {
              best = key;
            }
          }
          if (best != null) {
            keys.put(table, best);
          }
        });
    return keys;
  }

  private static boolean better(InferredKey key, InferredKey best) {
    if (best == null) {
      return true;
    }
    if (Math.abs(key.confidence() - best.confidence()) > 1e-9) {
      return key.confidence() > best.confidence();
    }
    if (key.columns().size() != best.columns().size()) {
      return key.columns().size() < best.columns().size();
    }
    return key.columns().toString().compareTo(best.columns().toString()) < 0;
  }

  private List<Candidate> candidates(Table t) {
    Map<List<String>, Candidate> byColumns = new LinkedHashMap<>();
    for (OrmMapping m : mappings.getOrDefault(t.qualifiedName(), List.of())) {
      List<String> ids = new ArrayList<>();
      for (OrmMapping.Field f : m.fields()) {
        if (f.id()) {
          column(t, f.column()).ifPresent(ids::add);
        }
      }
      if (!ids.isEmpty()) {
        signals(byColumns, ids, true)
            .add(0.95, EvidenceChannel.PROBE, "ORM identifier of " + m.className(), 1);
      }
    }
    for (UniqueConstraint u : t.uniqueConstraints()) {
      unique(t, byColumns, u.columns(), "unique constraint " + u.name());
    }
    for (TableIndex i : t.indexes()) {
      if (i.unique()) {
        unique(t, byColumns, i.columns(), "unique index " + i.name());
      }
    }
    String stem = stems.get(t.qualifiedName());
    List<String> leading = new ArrayList<>();
    boolean leadingHasForeign = false;
    boolean stillLeading = true;
    for (Column c : t.columns()) {
      if (c.generated()) {
        signals(byColumns, List.of(c.name()), true)
            .add(0.8, EvidenceChannel.CATALOG, "generated column " + c.name(), 1);
      }
      double own = Names.ownKeyScore(c.name(), stem);
      double foreign = foreignScore(t, c.name());
      if (own > 0) {
        double prior = 0.6 * own * (foreign > own ? 0.3 : 1);
        Signals signals = signals(byColumns, List.of(c.name()), false);
        signals.add(
            prior,
            EvidenceChannel.CATALOG,
            "column name " + c.name() + " names table " + t.name(),
            1);
        java.util.Set<String> partners =
            joinPartners.get(new dev.daas.recovery.sql.ColumnRef(t.qualifiedName(), c.name()));
        if (partners != null && foreign <= own) {
          // Other tables join to a column that names this table: it is what they reference.
          signals.add(
              own * (1 - Math.pow(0.6, partners.size())),
              EvidenceChannel.CATALOG,
              "joined from " + partners.size() + " other tables",
              partners.size());
        }
      }
      if (stillLeading && Names.keySuffixed(c.name()) && !c.nullable() && leading.size() < 3) {
        leading.add(c.name());
        leadingHasForeign |= foreign >= 0.7 && foreign >= own;
      } else {
        stillLeading = false;
      }
    }
    if (leading.size() >= 2) {
      for (int n = 2; n <= leading.size(); n++) {
        signals(byColumns, List.copyOf(leading.subList(0, n)), false)
            .add(
                (leadingHasForeign ? 0.5 : 0.3) - 0.05 * (n - 2),
                EvidenceChannel.CATALOG,
                "leading key-named columns " + leading.subList(0, n),
                1);
      }
    }
    return List.copyOf(byColumns.values());
  }

  private void unique(
      Table t, Map<List<String>, Candidate> byColumns, List<String> cols, String what) {
    boolean nullable =
        cols.stream()
            .anyMatch(c -> t.columns().stream().anyMatch(x -> x.name().equals(c) && x.nullable()));
    signals(byColumns, cols, true).add(nullable ? 0.6 : 0.9, EvidenceChannel.CATALOG, what, 1);
  }

  private static Signals signals(
      Map<List<String>, Candidate> byColumns, List<String> cols, boolean strong) {
    Candidate c = byColumns.get(cols);
    if (c == null || (strong && !c.strong())) {
      Signals s = c == null ? new Signals() : c.signals();
      c = new Candidate(List.copyOf(cols), s, strong || (c != null && c.strong()));
      byColumns.put(c.columns(), c);
    }
    return c.signals();
  }

  private static Optional<String> column(Table t, String name) {
    return t.columns().stream().map(Column::name).filter(n -> n.equalsIgnoreCase(name)).findFirst();
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
