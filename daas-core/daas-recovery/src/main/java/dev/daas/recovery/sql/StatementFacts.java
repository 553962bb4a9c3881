package dev.daas.recovery.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the walk of one statement found, kept sorted so that the analysis does not depend on the
 * order of the statement's clauses: tables, columns, equalities between occurrences (joins),
 * filtered and written columns, compared literals.
 */
final class StatementFacts {
  private final Set<String> tables = new TreeSet<>();
  private final Set<String> unknown = new TreeSet<>();
  private final Map<String, Set<String>> columns = new TreeMap<>();
  private final Map<Long, List<JoinCondition.Pair>> equalities = new TreeMap<>();
  private final Set<ColumnRef> filters = new TreeSet<>();
  private final Set<ColumnRef> written = new TreeSet<>();
  private final Set<StatementAnalysis.Literal> literals =
      new TreeSet<>(
          Comparator.comparing(StatementAnalysis.Literal::column)
              .thenComparing(StatementAnalysis.Literal::value));

  void table(String qualifiedName) {
    tables.add(qualifiedName);
  }

  void unknownTable(String name) {
    unknown.add(name);
  }

  void column(ColumnRef ref) {
    columns.computeIfAbsent(ref.table(), t -> new TreeSet<>()).add(ref.column());
  }

  void written(ColumnRef ref) {
    column(ref);
    written.add(ref);
  }

  void equality(Scope.Resolved a, Scope.Resolved b) {
    if (a.sourceId() == b.sourceId()) {
      return; // a.X = a.Y compares two columns of one row: no join
    }
    Scope.Resolved low = a.sourceId() < b.sourceId() ? a : b;
    Scope.Resolved high = low == a ? b : a;
    long key = ((long) low.sourceId() << 32) | high.sourceId();
    equalities
        .computeIfAbsent(key, k -> new ArrayList<>())
        .add(new JoinCondition.Pair(low.ref(), high.ref()));
  }

  void filter(ColumnRef ref, String literal) {
    filters.add(ref);
    if (literal != null) {
      literals.add(new StatementAnalysis.Literal(ref, literal));
    }
  }

  StatementAnalysis analysis() {
    List<JoinCondition> joins =
        equalities.values().stream()
            .map(JoinCondition::of)
            .distinct()
            .sorted(Comparator.comparing(JoinCondition::toString))
            .toList();
    Map<String, Set<String>> cols = new TreeMap<>();
    columns.forEach((t, c) -> cols.put(t, Set.copyOf(c)));
    return new StatementAnalysis(
        true,
        null,
        List.copyOf(tables),
        List.copyOf(unknown),
        cols,
        joins,
        List.copyOf(filters),
        List.copyOf(written),
        List.copyOf(literals));
  }
}
