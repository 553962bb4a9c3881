package dev.daas.apigen;

import java.nio.charset.StandardCharsets;

/** Turns model names into names OpenAPI and SDK generators accept. */
final class Names {
  private Names() {}

  /**
   * {@code order_line} becomes {@code OrderLine}, {@code T_CUST} becomes {@code TCust}; characters
   * outside {@code [A-Za-z0-9]} separate words. The result matches {@code ^[A-Za-z][A-Za-z0-9]*$}.
   */
  static String pascalCase(String name) {
    StringBuilder out = new StringBuilder();
    boolean upperNext = true;
    boolean previousLower = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetterOrDigit(c)) {
        upperNext = true;
        previousLower = false;
        continue;
      }
      boolean upper = Character.isUpperCase(c);
      if (upperNext || (upper && previousLower)) {
        out.append(Character.toUpperCase(c));
      } else if (upper) {
        // keeps "T_CUST" readable as "TCust" instead of "TCUST"
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
      previousLower = Character.isLowerCase(c) || Character.isDigit(c);
      upperNext = false;
    }
    if (out.length() == 0 || !Character.isLetter(out.charAt(0))) {
      out.insert(0, 'E');
    }
    return out.toString();
  }

  /**
   * Percent-encodes everything but RFC 3986 unreserved characters, so any entity name yields one
   * path segment without template braces.
   */
  static String pathSegment(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isAsciiLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
