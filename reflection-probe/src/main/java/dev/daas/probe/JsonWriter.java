package dev.daas.probe;

/** A minimal streaming JSON writer; the caller takes care of commas through {@link #member}. */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder(4096);
  private boolean needComma;

  JsonWriter beginObject() {
    separate();
    out.append('{');
    needComma = false;
    return this;
  }

  JsonWriter endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  JsonWriter beginArray() {
    separate();
    out.append('[');
    needComma = false;
    return this;
  }

  JsonWriter endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  JsonWriter name(String name) {
    separate();
    string(name);
    out.append(':');
    needComma = false;
    return this;
  }

  JsonWriter value(String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    needComma = true;
    return this;
  }

  JsonWriter value(long value) {
    separate();
    out.append(value);
    needComma = true;
    return this;
  }

  JsonWriter value(boolean value) {
    separate();
    out.append(value);
    needComma = true;
    return this;
  }

  JsonWriter nullValue() {
    separate();
    out.append("null");
    needComma = true;
    return this;
  }

  JsonWriter member(String name, String value) {
    return name(name).value(value);
  }

  JsonWriter member(String name, long value) {
    return name(name).value(value);
  }

  private void separate() {
    if (needComma) {
      out.append(',');
      needComma = false;
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
