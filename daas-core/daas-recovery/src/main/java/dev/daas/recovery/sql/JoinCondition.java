package dev.daas.recovery.sql;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The column equalities that link two table occurrences of one statement, e.g. both halves of
 * {@code l.ORD_NO = s.ORD_NO AND l.LN_NO = s.LN_NO}: several pairs mean a composite join. Stored in
 * a canonical order (the smaller table first, pairs sorted) so that equal joins compare equal,
 * whichever way round the SQL wrote them.
 *
 * @param leftTable qualified name of one table
 * @param rightTable qualified name of the other (the same for a self-join)
 * @param pairs equalities, each {@code left} column of leftTable, {@code right} of rightTable
 */
public record JoinCondition(String leftTable, String rightTable, List<Pair> pairs) {

  /** One equality between a column of each side. */
  public record Pair(ColumnRef left, ColumnRef right) {
    public Pair {
      requireNonNull(left, "left is null");
      requireNonNull(right, "right is null");
    }
  }

  public JoinCondition {
    requireNonNull(leftTable, "leftTable is null");
    requireNonNull(rightTable, "rightTable is null");
    pairs = List.copyOf(pairs);
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("a join needs at least one equality");
    }
  }

  /** The canonical form of these equalities between two table occurrences. */
  public static JoinCondition of(List<Pair> equalities) {
    Pair first = equalities.get(0);
    boolean swap = first.left().table().compareTo(first.right().table()) > 0;
    List<Pair> pairs = new ArrayList<>();
    for (Pair p : equalities) {
      pairs.add(swap ? new Pair(p.right(), p.left()) : p);
    }
    if (first.left().table().equals(first.right().table())) {
      // A self-join has no natural side: put the pair list that sorts first on the left.
      List<Pair> flipped = pairs.stream().map(p -> new Pair(p.right(), p.left())).toList();
      if (key(sorted(flipped)).compareTo(key(sorted(pairs))) < 0) {
        pairs = new ArrayList<>(flipped);
      }
    }
    List<Pair> sorted = sorted(pairs).stream().distinct().toList();
    return new JoinCondition(sorted.get(0).left().table(), sorted.get(0).right().table(), sorted);
  }

  private static List<Pair> sorted(List<Pair> pairs) {
    return pairs.stream()
        .sorted(Comparator.comparing(Pair::left).thenComparing(Pair::right))
        .toList();
  }

  private static String key(List<Pair> pairs) {
    return pairs.toString();
  }
}
