package dev.daas.apigen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out names that differ from every name handed out or reserved before, ignoring case: SDK
 * generators turn schema names into file names, and some file systems ignore case.
 */
final class UniqueNames {
  private final Set<String> taken = new HashSet<>();

  void reserve(String name) {
    taken.add(key(name));
  }

  /** The wanted name, or the wanted name with the smallest free numeric suffix from 2 on. */
  String allocate(String wanted) {
    String candidate = wanted;
    for (int suffix = 2; taken.contains(key(candidate)); suffix++) {
      candidate = wanted + suffix;
    }
    taken.add(key(candidate));
    return candidate;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
