package dev.daas.gateway.plan;

import dev.daas.model.query.Condition;
import dev.daas.model.query.SortKey;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Evaluates conditions and orders rows in memory the way SQL does: comparisons with null are
 * unknown (null here), a row qualifies only when its condition is true, and nulls sort as greater
 * than every value. A stand-in database for pagination tests.
 */
final class ConditionEvaluator {
  private ConditionEvaluator() {}

  static boolean matches(Condition condition, Map<String, Object> row) {
    return condition == null || Boolean.TRUE.equals(evaluate(condition, row));
  }

  static Comparator<Map<String, Object>> order(List<SortKey> orderBy) {
    return (left, right) -> {
      for (SortKey key : orderBy) {
        int result =
            compareNullsGreater(
                left.get(key.attribute().name()), right.get(key.attribute().name()));
        if (result != 0) {
          return key.descending() ? -result : result;
        }
      }
      return 0;
    };
  }

  private static Boolean evaluate(Condition condition, Map<String, Object> row) {
    if (condition instanceof Condition.And and) {
      Boolean result = true;
      for (Condition operand : and.operands()) {
        Boolean value = evaluate(operand, row);
        if (Boolean.FALSE.equals(value)) {
          return false;
        }
        result = value == null ? null : result;
      }
      return result;
    } else if (condition instanceof Condition.Or or) {
      Boolean result = false;
      for (Condition operand : or.operands()) {
        Boolean value = evaluate(operand, row);
        if (Boolean.TRUE.equals(value)) {
          return true;
        }
        result = value == null ? null : result;
      }
      return result;
    } else if (condition instanceof Condition.Not not) {
      Boolean value = evaluate(not.operand(), row);
      return value == null ? null : !value;
    } else if (condition instanceof Condition.IsNull isNull) {
      return (row.get(isNull.attribute().name()) == null) != isNull.negated();
    } else if (condition instanceof Condition.Compare compare) {
      Object value = row.get(compare.attribute().name());
      if (value == null) {
        return null;
      }
      int result = compareValues(value, compare.value());
      return switch (compare.operator()) {
        case EQ -> result == 0;
        case NE -> result != 0;
        case LT -> result < 0;
        case LE -> result <= 0;
        case GT -> result > 0;
        case GE -> result >= 0;
      };
    } else if (condition instanceof Condition.In in) {
      Object value = row.get(in.attribute().name());
      if (value == null) {
        return null;
      }
      boolean found = in.values().stream().anyMatch(v -> compareValues(value, v) == 0);
      return found != in.negated();
    }
    throw new UnsupportedOperationException("not evaluated in tests: " + condition);
  }

  static int compareNullsGreater(Object left, Object right) {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : 1) : -1;
    }
    return compareValues(left, right);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object left, Object right) {
    return ((Comparable) left).compareTo(right);
  }
}
