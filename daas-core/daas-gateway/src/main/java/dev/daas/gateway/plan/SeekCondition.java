package dev.daas.gateway.plan;

import dev.daas.model.Attribute;
import dev.daas.model.query.Condition;
import dev.daas.model.query.SortKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The keyset predicate "rows after this position" for an order in which nulls are greater than
 * every value (ascending: nulls last; descending: nulls first). For keys k1..kn and a position
 * v1..vn it is the disjunction over i of (k1 = v1 AND ... AND k(i-1) = v(i-1) AND ki after vi),
 * where "equal" to a null position is IS NULL and "after" is:
 *
 * <ul>
 *   <li>ascending, vi not null: {@code ki > vi OR ki IS NULL}; vi null: nothing comes after
 *   <li>descending, vi not null: {@code ki < vi}; vi null: {@code ki IS NOT NULL}
 * </ul>
 */
public final class SeekCondition {
  private SeekCondition() {}

  public static Condition after(List<SortKey> orderBy, List<Object> position) {
    if (orderBy.size() != position.size() || orderBy.isEmpty()) {
      throw new IllegalArgumentException(
          "a position needs one value per sort key: " + orderBy.size() + " keys");
    }
    List<Condition> alternatives = new ArrayList<>();
    List<Condition> equalPrefix = new ArrayList<>();
    for (int i = 0; i < orderBy.size(); i++) {
      SortKey key = orderBy.get(i);
      Object value = position.get(i);
      Condition after = after(key, value);
      if (after != null) {
        List<Condition> terms = new ArrayList<>(equalPrefix);
        terms.add(after);
        alternatives.add(Condition.and(terms));
      }
      equalPrefix.add(equalTo(key.attribute(), value));
    }
    if (alternatives.isEmpty()) {
      return nothing(orderBy.get(0).attribute());
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new Condition.Or(alternatives);
  }

  private static Condition after(SortKey key, Object value) {
    Attribute attribute = key.attribute();
    if (!key.descending()) {
      if (value == null) {
        return null;
      }
      Condition greater = new Condition.Compare(attribute, Condition.Operator.GT, value);
      // a not-null column needs no null branch, which keeps the predicate index-friendly
      return !attribute.nullable()
          ? greater
          : new Condition.Or(List.of(greater, new Condition.IsNull(attribute, false)));
    }
    return value == null
        ? new Condition.IsNull(attribute, true)
        : new Condition.Compare(attribute, Condition.Operator.LT, value);
  }

  private static Condition equalTo(Attribute attribute, Object value) {
    return value == null
        ? new Condition.IsNull(attribute, false)
        : new Condition.Compare(attribute, Condition.Operator.EQ, value);
  }

  /** A condition no row satisfies, written with predicates every connector renders. */
  private static Condition nothing(Attribute attribute) {
    return new Condition.And(
        List.of(new Condition.IsNull(attribute, false), new Condition.IsNull(attribute, true)));
  }
}
