package dev.daas.recovery.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Naming conventions of legacy schemas: technical table prefixes ({@code T_}, {@code TBL_}), key
 * suffixes ({@code _ID}, {@code _NO}, {@code _CD}), abbreviations ({@code CUST} for {@code
 * CUSTOMER}, {@code C} for {@code T_CUST}), and a small dictionary to spell abbreviations out.
 */
final class Names {
  private static final List<String> TABLE_PREFIXES = List.of("t_", "tbl_", "tb_", "tab_");
  static final Set<String> KEY_SUFFIXES =
      Set.of("id", "no", "nr", "num", "cd", "code", "key", "seq");

  /**
   * The de-abbreviation dictionary: whole words only (split at underscores and camel case), so
   * {@code CUST_NM} reads {@code customer_name} and {@code CUSTOM} stays as it is.
   */
  static final Map<String, String> DICTIONARY =
      Map.ofEntries(
          Map.entry("acct", "account"),
          Map.entry("addr", "address"),
          Map.entry("amt", "amount"),
          Map.entry("appt", "appointment"),
          Map.entry("bal", "balance"),
          Map.entry("cat", "category"),
          Map.entry("cd", "code"),
          Map.entry("cnt", "count"),
          Map.entry("crs", "course"),
          Map.entry("crt", "created"),
          Map.entry("ctry", "country"),
          Map.entry("cust", "customer"),
          Map.entry("dept", "department"),
          Map.entry("desc", "description"),
          Map.entry("dsc", "description"),
          Map.entry("dt", "date"),
          Map.entry("dtl", "detail"),
          Map.entry("emp", "employee"),
          Map.entry("enr", "enrollment"),
          Map.entry("hdr", "header"),
          Map.entry("inv", "invoice"),
          Map.entry("itm", "item"),
          Map.entry("ln", "line"),
          Map.entry("loc", "location"),
          Map.entry("mgr", "manager"),
          Map.entry("nm", "name"),
          Map.entry("no", "number"),
          Map.entry("nr", "number"),
          Map.entry("num", "number"),
          Map.entry("ord", "order"),
          Map.entry("pat", "patient"),
          Map.entry("pmt", "payment"),
          Map.entry("prc", "price"),
          Map.entry("prod", "product"),
          Map.entry("qty", "quantity"),
          Map.entry("reg", "region"),
          Map.entry("seq", "sequence"),
          Map.entry("stat", "status"),
          Map.entry("stu", "student"),
          Map.entry("supp", "supplier"),
          Map.entry("tel", "phone"),
          Map.entry("txn", "transaction"),
          Map.entry("typ", "type"),
          Map.entry("upd", "updated"),
          Map.entry("usr", "user"),
          Map.entry("whs", "warehouse"),
          Map.entry("wh", "warehouse"));

  private Names() {}

  // Pure functions of names, called for every column against many tables: memoised, and the
  // memo dropped when it grows past a bound so that a long-running server does not keep names.
  private static final int MEMO_BOUND = 500_000;
  private static final Map<String, List<String>> WORDS = new ConcurrentHashMap<>();
  private static final Map<String, String> SPELLED = new ConcurrentHashMap<>();
  private static final Map<String, Double> ABBREVIATES = new ConcurrentHashMap<>();

  private static <V> V memo(Map<String, V> memo, String key, Function<String, V> compute) {
    V value = memo.get(key);
    if (value == null) {
      if (memo.size() > MEMO_BOUND) {
        memo.clear();
      }
      value = compute.apply(key);
      memo.put(key, value);
    }
    return value;
  }

  /** Lower-case words of an identifier, split at underscores and lower-to-upper case changes. */
  static List<String> words(String identifier) {
    return memo(WORDS, identifier, Names::splitWords);
  }

  private static List<String> splitWords(String identifier) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      boolean boundary =
          i > 0 && Character.isUpperCase(c) && Character.isLowerCase(identifier.charAt(i - 1));
      if (c == '_' || c == ' ' || c == '-' || boundary) {
        if (word.length() > 0) {
          words.add(word.toString().toLowerCase(Locale.ROOT));
          word.setLength(0);
        }
        if (!boundary) {
          continue;
        }
      }
      word.append(c);
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(words);
  }

  /** The table name without a technical prefix, lower case, words joined by {@code _}. */
  static String stem(String table) {
    String lower = String.join("_", words(table));
    for (String prefix : TABLE_PREFIXES) {
      if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
        return lower.substring(prefix.length());
      }
    }
    return lower;
  }

  static boolean keySuffixed(String column) {
    List<String> w = words(column);
    return !w.isEmpty() && KEY_SUFFIXES.contains(w.get(w.size() - 1));
  }

  /** The words before the key suffix, joined: {@code CUST_ID} gives {@code cust}, {@code ID} "". */
  static String keyPrefix(String column) {
    List<String> w = words(column);
    return String.join("_", w.subList(0, Math.max(0, w.size() - 1)));
  }

  /**
   * How well {@code abbreviation} names {@code stem} (both lower case), 0..1: equal or equal once
   * spelled out 1; a prefix, the initials of its words or a dictionary prefix 0.7; a subsequence
   * with the same first letter 0.55; one letter that starts it 0.4.
   */
  static double abbreviates(String abbreviation, String stem) {
    return memo(ABBREVIATES, abbreviation + '\u0000' + stem, k -> score(abbreviation, stem));
  }

  private static double score(String abbreviation, String stem) {
    if (abbreviation.isEmpty() || stem.isEmpty()) {
      return 0;
    }
    if (abbreviation.equals(stem)
        || abbreviation.replace("_", "").equals(stem.replace("_", ""))
        || spelled(abbreviation).equals(spelled(stem))) {
      return 1;
    }
    String a = abbreviation.replace("_", "");
    String s = stem.replace("_", "");
    if (a.length() == 1) {
      return s.charAt(0) == a.charAt(0) ? 0.4 : 0;
    }
    StringBuilder initials = new StringBuilder();
    for (String w : stem.split("_")) {
      if (!w.isEmpty()) {
        initials.append(w.charAt(0));
      }
    }
    if (s.startsWith(a)
        || spelled(stem).replace("_", "").startsWith(spelled(abbreviation).replace("_", ""))
        || initials.toString().equals(a)) {
      return 0.7;
    }
    // A word the dictionary knows means that word (LN is line, not location).
    boolean known = DICTIONARY.containsKey(abbreviation);
    return !known && a.charAt(0) == s.charAt(0) && subsequence(a, s) ? 0.55 : 0;
  }

  /** Each word replaced by its dictionary spelling. */
  static String spelled(String lowerWords) {
    return memo(SPELLED, lowerWords, Names::spell);
  }

  private static String spell(String lowerWords) {
    List<String> out = new ArrayList<>();
    for (String w : lowerWords.split("_")) {
      out.add(DICTIONARY.getOrDefault(w, w));
    }
    return String.join("_", out);
  }

  private static boolean subsequence(String a, String s) {
    int j = 0;
    for (int i = 0; i < s.length() && j < a.length(); i++) {
      if (s.charAt(i) == a.charAt(j)) {
        j++;
      }
    }
    return j == a.length();
  }

  /**
   * How much a column looks like the key of a table with this stem: {@code ID} 0.9, a key suffix
   * after an abbreviation of the stem as {@link #abbreviates}, else 0.
   */
  static double ownKeyScore(String column, String stem) {
    List<String> w = words(column);
    if (w.size() == 1 && w.get(0).equals("id")) {
      return 0.9;
    }
    if (!keySuffixed(column)) {
      return 0;
    }
    return abbreviates(keyPrefix(column), stem);
  }
}
