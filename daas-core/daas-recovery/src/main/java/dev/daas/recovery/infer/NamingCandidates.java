package dev.daas.recovery.infer;

import dev.daas.model.EntityKind;
import dev.daas.model.EvidenceChannel;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proposes relationships from naming conventions alone: a column that repeats a table's key ({@code
 * T_ORD.CUST_ID -> T_CUST.CUST_ID}), abbreviates the table before the key's suffix ({@code
 * T_ORD.C_ID -> T_CUST.ID}), carries a role prefix ({@code BILL_CUST_ID}, {@code PARENT_CAT_ID}),
 * or columns that repeat a composite key, one of them possibly prefixed ({@code ORD_NO, ORD_LN_NO
 * -> T_ORD_LN(ORD_NO, LN_NO)}). Where several tables fit a name equally, the support is split
 * between them.
 */
final class NamingCandidates {
  private final RelationshipCandidates parent;

  NamingCandidates(RelationshipCandidates parent) {
    this.parent = parent;
  }

  void propose() {
    List<String> names = parent.tables.keySet().stream().sorted().toList();
    for (String from : names) {
      Table t = parent.tables.get(from);
      if (t.kind() != EntityKind.TABLE) {
        continue;
      }
      KeyRegistry.TableKey own = parent.keys.primary(from);
      for (Column c : t.columns()) {
        namedTargets(t, c, own);
      }
      compositeByName(t);
    }
  }

  /** A table with a single-column primary key, as naming sees it. */
  private record Target(
      String table, String key, String keyLastWord, String keyPrefix, String stem) {}

  private Map<Character, List<Target>> targetsByInitial;
  private Map<String, List<Target>> targetsByKey;
  private final Map<String, Map<String, Double>> scoresByColumnName = new HashMap<>();

  private void indexTargets() {
    targetsByInitial = new HashMap<>();
    targetsByKey = new HashMap<>();
    for (String to : parent.tables.keySet().stream().sorted().toList()) {
      KeyRegistry.TableKey key = parent.keys.primary(to);
      String stem = parent.stems.get(to);
      if (key == null || key.columns().size() != 1 || stem.isEmpty()) {
        continue;
      }
      String k = key.columns().get(0);
      List<String> words = Names.words(k);
      Target target = new Target(to, k, words.get(words.size() - 1), Names.keyPrefix(k), stem);
      targetsByInitial.computeIfAbsent(stem.charAt(0), c -> new ArrayList<>()).add(target);
      targetsByKey
          .computeIfAbsent(k.toLowerCase(java.util.Locale.ROOT), x -> new ArrayList<>())
          .add(target);
    }
  }

  /**
   * How well a column name fits each table's key by name alone, whatever table holds the column:
   * computed once per distinct column name, since references repeat names across parent.tables.
   */
  private Map<String, Double> nameScores(String column) {
    return scoresByColumnName.computeIfAbsent(
        column.toLowerCase(java.util.Locale.ROOT),
        lower -> {
          Map<String, Double> scores = new TreeMap<>();
          String prefix = Names.keyPrefix(column);
          if (!Names.keySuffixed(column) || prefix.isEmpty()) {
            return scores;
          }
          List<String> w = Names.words(column);
          String suffix = w.get(w.size() - 1);
          for (Target target : targetsByInitial.getOrDefault(prefix.charAt(0), List.of())) {
            if (!target.keyLastWord().equals(suffix) && !target.key().equalsIgnoreCase("id")) {
              continue;
            }
            double score =
                column.equalsIgnoreCase(target.key())
                    ? 1
                    : 0.9
                        * Math.max(
                            Names.abbreviates(prefix, target.stem()),
                            target.keyPrefix().isEmpty()
                                ? 0
                                : Names.abbreviates(prefix, target.keyPrefix()));
            if (score >= 0.4) {
              scores.put(target.table(), score);
            }
          }
          // Role prefixes (BILL_CUST_ID -> CUST_ID) and self references (PARENT_CAT_ID -> CAT_ID).
          for (int i = 1; i < w.size() - 1; i++) {
            String rest = String.join("_", w.subList(i, w.size()));
            if (rest.length() >= 4) {
              for (Target target : targetsByKey.getOrDefault(rest, List.of())) {
                scores.merge(target.table(), 0.8, Math::max);
              }
            }
          }
          return scores;
        });
  }

  private void namedTargets(Table t, Column c, KeyRegistry.TableKey own) {
    if (targetsByInitial == null) {
      indexTargets();
    }
    String from = t.qualifiedName();
    boolean isOwnKey = own != null && own.columns().equals(List.of(c.name()));
    Map<String, Double> scores = new TreeMap<>();
    nameScores(c.name())
        .forEach(
            (to, score) -> {
              if (to.equals(from) && score < 0.8) {
                return; // a table's own key column, unless a role names it (PARENT_CAT_ID)
              }
              if (isOwnKey
                  && (to.equals(from)
                      || Names.ownKeyScore(c.name(), parent.stems.get(to))
                          <= Names.ownKeyScore(c.name(), parent.stems.get(from)))) {
                return; // the key of its own table, not a reference to another
              }
              scores.put(to, score);
            });
    double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    long ties = scores.values().stream().filter(v -> v == best).count();
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      if (e.getValue() != best) {
        continue;
      }
      String to = e.getKey();
      List<String> toColumns = parent.keys.primary(to).columns();
      if (toColumns.equals(List.of(c.name())) && to.equals(from)
          || !parent.compatible(from, List.of(c.name()), to, toColumns)) {
        continue;
      }
      parent
          .signals(new RelationshipCandidates.Link(from, List.of(c.name()), to, toColumns))
          .add(
              0.5 * best / ties,
              EvidenceChannel.CATALOG,
              "column name " + c.name() + " fits key " + to + toColumns,
              1);
    }
  }

  private List<String> compositeTargets;

  private void compositeByName(Table t) {
    if (compositeTargets == null) {
      compositeTargets =
          parent.tables.keySet().stream()
              .filter(
                  to ->
                      parent.keys.primary(to) != null
                          && parent.keys.primary(to).columns().size() >= 2)
              .sorted()
              .toList();
    }
    for (String to : compositeTargets) {
      KeyRegistry.TableKey key = parent.keys.primary(to);
      if (to.equals(t.qualifiedName())) {
        continue;
      }
      // Each key column repeated under its own name, or with a prefix (ORD_LN_NO for LN_NO)
      // where exactly one column has it; both variants are proposed and the data decides.
      List<List<String>> variants = new ArrayList<>();
      variants.add(new ArrayList<>());
      for (String k : key.columns()) {
        List<String> options = new ArrayList<>();
        parent.lookup.column(t, k).ifPresent(options::add);
        List<String> withPrefix =
            t.columns().stream()
                .map(Column::name)
                .filter(
                    n ->
                        n.toLowerCase(java.util.Locale.ROOT)
                            .endsWith("_" + k.toLowerCase(java.util.Locale.ROOT)))
                .toList();
        if (withPrefix.size() == 1) {
          options.add(withPrefix.get(0));
        }
        List<List<String>> next = new ArrayList<>();
        for (List<String> v : variants) {
          for (String o : options) {
            if (!v.contains(o)) {
              List<String> longer = new ArrayList<>(v);
              longer.add(o);
              next.add(longer);
            }
          }
        }
        variants = next;
      }
      for (List<String> fromColumns : variants.stream().limit(4).toList()) {
        if (!parent.keys.isKey(t.qualifiedName(), fromColumns)
            && parent.compatible(t.qualifiedName(), fromColumns, to, key.columns())) {
          parent
              .signals(
                  new RelationshipCandidates.Link(
                      t.qualifiedName(), fromColumns, to, key.columns()))
              .add(
                  0.45,
                  EvidenceChannel.CATALOG,
                  "columns " + fromColumns + " repeat key of " + to,
                  1);
        }
      }
    }
  }
}
