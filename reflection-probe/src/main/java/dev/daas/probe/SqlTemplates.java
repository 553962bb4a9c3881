package dev.daas.probe;

import java.util.Locale;
import java.util.regex.Pattern;

/** Turns SQL text into a template without literal values, and names its operation. */
public final class SqlTemplates {
  /** Templates longer than this are cut and end with {@link #TRUNCATED_MARKER}. */
  public static final int MAX_TEMPLATE_CHARS = 8192;

  public static final String TRUNCATED_MARKER = " [truncated]";

  private static final Pattern JDBC_ESCAPE_LITERAL =
      Pattern.compile("(?i)\\{\\s*(?:d|t|ts)\\s+\\?\\s*\\}");

  private SqlTemplates() {}

  public static String normalise(String sql) {
    if (sql == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_TEMPLATE_CHARS + 64));
    int n = sql.length();
    int i = 0;
    boolean pendingSpace = false;
    int lastWordStart = -1;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingSpace = true;
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
        pendingSpace = true;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        pendingSpace = true;
        continue;
      }
      if (pendingSpace && out.length() > 0) {
        out.append(' ');
      }
      pendingSpace = false;
      if (c == '\'') {
        i = skipQuoted(sql, i, '\'');
        dropTypedLiteralKeyword(out, lastWordStart);
        out.append('?');
        lastWordStart = -1;
      } else if (c == '"' || c == '`') {
        int end = skipQuoted(sql, i, c);
        out.append(sql, i, end);
        i = end;
        lastWordStart = -1;
      } else if (c == '[') {
        int end = sql.indexOf(']', i + 1);
        end = end < 0 ? n : end + 1;
        out.append(sql, i, end);
        i = end;
        lastWordStart = -1;
      } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(sql.charAt(i + 1)))) {
        i = skipNumber(sql, i);
        foldSign(out);
        out.append('?');
        lastWordStart = -1;
      } else if (isIdentifierStart(c)) {
        int start = i;
        while (i < n && isIdentifierPart(sql.charAt(i))) {
          i++;
        }
        int len = i - start;
        if (i < n && sql.charAt(i) == '\'' && isLiteralPrefix(sql, start, len)) {
          i = skipQuoted(sql, i, '\'');
          out.append('?');
          lastWordStart = -1;
        } else {
          lastWordStart = out.length();
          out.append(sql, start, i);
        }
      } else {
        out.append(c);
        i++;
        lastWordStart = -1;
      }
    }
    String template = out.toString();
    if (template.indexOf('?') >= 0) {
      template = JDBC_ESCAPE_LITERAL.matcher(template).replaceAll("?");
      template = collapseLists(template);
    }
    if (template.length() > MAX_TEMPLATE_CHARS) {
      template =
          template.substring(0, MAX_TEMPLATE_CHARS - TRUNCATED_MARKER.length()) + TRUNCATED_MARKER;
    }
    return template;
  }

  /** The operation named by the first keyword: select, insert, update, delete, merge, call, ddl or other. */
  public static String operation(String template) {
    if (template == null) {
      return "other";
    }
    int i = 0;
    int n = template.length();
    while (i < n) {
      char c = template.charAt(i);
      if (c == '(' || c == '{' || c == '?' || c == '=' || Character.isWhitespace(c)) {
        i++;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(template.charAt(i))) {
      i++;
    }
    String word = template.substring(start, i).toLowerCase(Locale.ROOT);
    if (word.equals("select") || word.equals("with") || word.equals("values")
        || word.equals("table") || word.equals("show")) {
      return "select";
    }
    if (word.equals("insert") || word.equals("replace")) {
      return "insert";
    }
    if (word.equals("update")) {
      return "update";
    }
    if (word.equals("delete")) {
      return "delete";
    }
    if (word.equals("merge") || word.equals("upsert")) {
      return "merge";
    }
    if (word.equals("call") || word.equals("exec") || word.equals("execute")) {
      return "call";
    }
    if (word.equals("create") || word.equals("alter") || word.equals("drop")
        || word.equals("truncate") || word.equals("rename") || word.equals("comment")
        || word.equals("grant") || word.equals("revoke")) {
      return "ddl";
    }
    return "other";
  }

  /**
   * {@code IN (?, ?, ?)} becomes {@code IN (?)} and repeated {@code (?, ?), (?, ?)} tuples become
   * one. Hand-written: a regular expression overflows the stack on lists of many thousand items.
   */
  static String collapseLists(String t) {
    StringBuilder out = new StringBuilder(t.length());
    int n = t.length();
    int i = 0;
    while (i < n) {
      char c = t.charAt(i);
      if (c == '(') {
        int end = markerListEnd(t, i);
        if (end > 0) {
          String tuple = t.substring(i, end);
          if (tuple.indexOf(',') >= 0 && precededByIn(out)) {
            out.append("(?)");
            i = end;
            continue;
          }
          out.append(tuple);
          i = end;
          while (true) {
            int k = skipSpaces(t, i);
            if (k < n && t.charAt(k) == ',') {
              int m = skipSpaces(t, k + 1);
              if (t.startsWith(tuple, m)) {
                i = m + tuple.length();
                continue;
              }
            }
            break;
          }
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** The index after {@code ( ?, ?, ... )} starting at {@code open}, or -1. */
  private static int markerListEnd(String t, int open) {
    int n = t.length();
    int i = skipSpaces(t, open + 1);
    while (true) {
      if (i >= n || t.charAt(i) != '?') {
        return -1;
      }
      i = skipSpaces(t, i + 1);
      if (i < n && t.charAt(i) == ')') {
        return i + 1;
      }
      if (i >= n || t.charAt(i) != ',') {
        return -1;
      }
      i = skipSpaces(t, i + 1);
    }
  }

  private static boolean precededByIn(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    if (end < 2) {
      return false;
    }
    boolean in = Character.toUpperCase(out.charAt(end - 2)) == 'I'
        && Character.toUpperCase(out.charAt(end - 1)) == 'N';
    return in && (end == 2 || !isIdentifierPart(out.charAt(end - 3)));
  }

  private static int skipSpaces(String t, int i) {
    while (i < t.length() && t.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    int n = sql.length();
    while (i < n) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      if (quote == '\'' && sql.charAt(i) == '\\' && i + 1 < n) {
        // MySQL-style backslash escapes; harmless for other dialects in practice
        i += 2;
        continue;
      }
      i++;
    }
    return n;
  }

  private static int skipNumber(String sql, int start) {
    int n = sql.length();
    int i = start;
    if (sql.charAt(i) == '0' && i + 1 < n && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')) {
      i += 2;
      while (i < n && Character.digit(sql.charAt(i), 16) >= 0) {
        i++;
      }
      return i;
    }
    while (i < n && (isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
      i++;
    }
    if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
        j++;
      }
      if (j < n && isDigit(sql.charAt(j))) {
        i = j;
        while (i < n && isDigit(sql.charAt(i))) {
          i++;
        }
      }
    }
    // type suffixes such as 10L or 1.5D
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A sign directly after an operator or opening belongs to the literal: {@code x = -5}. */
  private static void foldSign(StringBuilder out) {
    int len = out.length();
    if (len == 0) {
      return;
    }
    char last = out.charAt(len - 1);
    if (last != '-' && last != '+') {
      return;
    }
    int j = len - 2;
    while (j >= 0 && out.charAt(j) == ' ') {
      j--;
    }
    if (j < 0 || "=<>(,".indexOf(out.charAt(j)) >= 0) {
      out.setLength(len - 1);
    }
  }

  private static void dropTypedLiteralKeyword(StringBuilder out, int lastWordStart) {
    if (lastWordStart < 0) {
      return;
    }
    int end = out.length();
    while (end > lastWordStart && out.charAt(end - 1) == ' ') {
      end--;
    }
    String word = out.substring(lastWordStart, end).toUpperCase(Locale.ROOT);
    if (word.equals("DATE") || word.equals("TIME") || word.equals("TIMESTAMP")
        || word.equals("INTERVAL")) {
      out.setLength(lastWordStart);
    }
  }

  private static boolean isLiteralPrefix(String sql, int start, int len) {
    if (len != 1) {
      return false;
    }
    char p = Character.toUpperCase(sql.charAt(start));
    return p == 'N' || p == 'E' || p == 'X' || p == 'B';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$' || c == '#' || c == '@';
  }

  private static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#' || c == '@';
  }
}
