package dev.daas.gateway.policy;

import dev.daas.model.query.Condition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Evaluates a {@link Condition} on a row in memory with SQL's three-valued logic: a row matches
 * only when the condition is true. Values it cannot compare (different kinds) count as unknown, so
 * doubt denies. Strings compare by code point. For databases whose default collations ignore case,
 * accents and trailing spaces (MariaDB, MySQL) a row must match both by code point and with strings
 * folded that way ({@link #fold}), so whichever the column's collation, the matcher never admits a
 * row the database would not: {@code code <> 'a'} does not admit {@code 'A'} (a possible visible
 * row dropped, never a hidden one shown; docs/security.md, Known limits). Values must be of the
 * Java types of {@code TypedValues} (change events are decoded into them first): times with an
 * offset compare as instants, UUIDs in PostgreSQL's order (unsigned bytes).
 */
final class RowMatcher {
  private static final Pattern COMBINING = Pattern.compile("\\p{M}+");

  private RowMatcher() {}

  static boolean matches(Condition condition, Map<String, Object> row) {
    return matches(condition, row, false);
  }

  /**
   * Whether the row matches; with {@code foldedToo}, it must also match with strings folded as a
   * case- and accent-insensitive collation compares them.
   */
  static boolean matches(Condition condition, Map<String, Object> row, boolean foldedToo) {
    return condition == null
        || (Boolean.TRUE.equals(evaluate(condition, row, false))
            && (!foldedToo || Boolean.TRUE.equals(evaluate(condition, row, true))));
  }

  private static Boolean evaluate(Condition condition, Map<String, Object> row, boolean folded) {
    if (condition instanceof Condition.And and) {
      Boolean result = true;
      for (Condition operand : and.operands()) {
        Boolean value = evaluate(operand, row, folded);
        if (Boolean.FALSE.equals(value)) {
          return false;
        }
        result = value == null ? null : result;
      }
      return result;
    } else if (condition instanceof Condition.Or or) {
      Boolean result = false;
      for (Condition operand : or.operands()) {
        Boolean value = evaluate(operand, row, folded);
        if (Boolean.TRUE.equals(value)) {
          return true;
        }
        result = value == null ? null : result;
      }
      return result;
    } else if (condition instanceof Condition.Not not) {
      Boolean value = evaluate(not.operand(), row, folded);
      return value == null ? null : !value;
    } else if (condition instanceof Condition.IsNull isNull) {
      return (row.get(isNull.attribute().name()) == null) != isNull.negated();
    } else if (condition instanceof Condition.Compare compare) {
      Integer result = compare(row.get(compare.attribute().name()), compare.value(), folded);
      if (result == null) {
        return null;
      }
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
      boolean unknown = false;
      for (Object candidate : in.values()) {
        Integer result = compare(value, candidate, folded);
        if (result == null) {
          unknown = true;
        } else if (result == 0) {
          return !in.negated();
        }
      }
      return unknown ? null : in.negated();
    } else if (condition instanceof Condition.Like like) {
      Object value = row.get(like.attribute().name());
      if (!(value instanceof String text)) {
        return null;
      }
      boolean matched =
          folded
              ? likePattern(fold(like.pattern())).matcher(fold(text)).matches()
              : likePattern(like.pattern()).matcher(text).matches();
      return matched != like.negated();
    }
    return null; // TupleIn and anything newer: unknown, which denies
  }

  /** Compares like SQL; null when either side is null or the kinds differ. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Integer compare(Object left, Object right, boolean folded) {
    if (left == null || right == null) {
      return null;
    }
    if (folded && left instanceof String a && right instanceof String b) {
      return Integer.signum(fold(a).compareTo(fold(b)));
    }
    if (left instanceof Number a && right instanceof Number b) {
      if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
        return Double.compare(a.doubleValue(), b.doubleValue());
      }
      return decimal(a).compareTo(decimal(b));
    }
    if (left instanceof OffsetDateTime a && right instanceof OffsetDateTime b) {
      // SQL compares the instants; compareTo would also order equal instants by their offsets
      return Integer.signum(a.toInstant().compareTo(b.toInstant()));
    }
    if (left instanceof UUID a && right instanceof UUID b) {
      // PostgreSQL orders uuids as unsigned bytes; UUID.compareTo compares signed longs
      int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
      return Integer.signum(
          high != 0
              ? high
              : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()));
    }
    if (left.getClass() == right.getClass() && left instanceof Comparable comparable) {
      return Integer.signum(comparable.compareTo(right));
    }
    return null;
  }

  /**
   * A string as a case-, accent- and trailing-space-insensitive collation compares it (the defaults
   * of MariaDB and MySQL): trailing spaces dropped, accents removed, lower case.
   */
  static String fold(String text) {
    String trimmed = text.stripTrailing();
    String decomposed = Normalizer.normalize(trimmed, Normalizer.Form.NFD);
    return COMBINING.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }

  private static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    return BigDecimal.valueOf(number.longValue());
  }

  /** LIKE with % and _ as wildcards and \ as the escape character. */
  static Pattern likePattern(String like) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
