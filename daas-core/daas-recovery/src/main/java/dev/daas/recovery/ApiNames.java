package dev.daas.recovery;

import java.util.Locale;
import java.util.Set;

/**
 * Turns database identifiers into API names: identifiers of letters, digits and underscores that
 * start with a letter or underscore. A name written entirely in upper case (the habit of H2, Oracle
 * and many legacy schemas) is lower-cased; any other name keeps its case, because MySQL and MariaDB
 * table names are case-sensitive and lower-casing could merge two tables.
 */
final class ApiNames {
  private ApiNames() {}

  static String of(String identifier) {
    String name =
        identifier.equals(identifier.toUpperCase(Locale.ROOT))
            ? identifier.toLowerCase(Locale.ROOT)
            : identifier;
    StringBuilder safe = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letterOrUnderscore = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean digit = c >= '0' && c <= '9';
      safe.append(letterOrUnderscore || digit ? c : '_');
    }
    if (safe.length() == 0 || Character.isDigit(safe.charAt(0))) {
      safe.insert(0, '_');
    }
    return safe.toString();
  }

  /** {@code candidate}, or {@code candidate_2}, {@code candidate_3}... whichever is not taken. */
  static String unique(String candidate, Set<String> taken) {
    if (!taken.contains(candidate)) {
      return candidate;
    }
    for (int i = 2; ; i++) {
      String next = candidate + "_" + i;
      if (!taken.contains(next)) {
        return next;
      }
    }
  }
}
