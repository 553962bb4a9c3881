package dev.daas.probe;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Agent options from the agent argument and an optional properties file; the argument wins. */
public final class ProbeOptions {
  final String server;
  final String source;
  final String token;
  final long intervalMillis;
  final long maxMemoryBytes;
  final List<String> include;
  final List<String> exclude;
  final boolean enabled;
  final String log;
  final boolean failForTesting;
  /** Option {@code install}: {@code async}, {@code sync}, or null for the default per attach. */
  final String install;

  private ProbeOptions(Map<String, String> values) {
    this.server = trimSlash(values.get("server"));
    this.source = values.get("source");
    this.token = values.get("token");
    this.intervalMillis = parseDuration(values.get("interval"), 5000L);
    this.maxMemoryBytes = parseSize(values.get("maxMemory"), 8L * 1024 * 1024);
    this.include = splitList(values.get("include"));
    this.exclude = splitList(values.get("exclude"));
    this.enabled = !"false".equalsIgnoreCase(values.get("enabled"));
    this.log = values.get("log");
    this.failForTesting = "true".equalsIgnoreCase(values.get("failForTesting"));
    String install = values.get("install");
    this.install = "sync".equalsIgnoreCase(install) || "async".equalsIgnoreCase(install)
        ? install.toLowerCase() : null;
    if (install != null && this.install == null) {
      AgentLog.warn("install '" + install + "' is neither async nor sync; using the default", null);
    }
  }

  /**
   * Parses {@code key=value,key=value}. A piece without {@code =} continues the previous value, so
   * list options can be written as {@code include=com.acme,org.legacy}.
   */
  public static ProbeOptions parse(String argument) {
    Map<String, String> fromArgument = parseArgument(argument);
    Map<String, String> merged = new LinkedHashMap<String, String>();
    String config = fromArgument.get("config");
    if (config != null) {
      merged.putAll(readProperties(config));
    }
    merged.putAll(fromArgument);
    return new ProbeOptions(merged);
  }

  static Map<String, String> parseArgument(String argument) {
    Map<String, String> values = new LinkedHashMap<String, String>();
    if (argument == null || argument.trim().isEmpty()) {
      return values;
    }
    String lastKey = null;
    for (String piece : argument.split(",")) {
      int eq = piece.indexOf('=');
      if (eq > 0) {
        lastKey = piece.substring(0, eq).trim();
        values.put(lastKey, piece.substring(eq + 1).trim());
      } else if (lastKey != null && !piece.trim().isEmpty()) {
        values.put(lastKey, values.get(lastKey) + "," + piece.trim());
      }
    }
    return values;
  }

  private static Map<String, String> readProperties(String path) {
    Map<String, String> values = new LinkedHashMap<String, String>();
    try {
      InputStream in = new FileInputStream(path);
      try {
        Properties properties = new Properties();
        properties.load(in);
        for (String name : properties.stringPropertyNames()) {
          values.put(name, properties.getProperty(name).trim());
        }
      } finally {
        in.close();
      }
    } catch (Exception e) {
      AgentLog.warn("cannot read config file " + path, e);
    }
    return values;
  }

  /**
   * Whether to instrument on a background thread: by default at launch (the host's start-up must
   * not wait for ByteBuddy), not when attached by pid (only the attach request waits, and it can
   * then report that instrumentation is in place).
   */
  boolean installAsync(String attach) {
    return install == null ? "launch".equals(attach) : "async".equals(install);
  }

  boolean canSend() {
    return server != null && source != null && token != null;
  }

  static long parseDuration(String text, long defaultMillis) {
    if (text == null || text.isEmpty()) {
      return defaultMillis;
    }
    try {
      String t = text.trim().toLowerCase();
      if (t.endsWith("ms")) {
        return Long.parseLong(t.substring(0, t.length() - 2));
      }
      if (t.endsWith("s")) {
        return Long.parseLong(t.substring(0, t.length() - 1)) * 1000L;
      }
      if (t.endsWith("m")) {
        return Long.parseLong(t.substring(0, t.length() - 1)) * 60_000L;
      }
      return Long.parseLong(t) * 1000L;
    } catch (NumberFormatException e) {
      AgentLog.warn("interval '" + text + "' is not a duration like 5s, 500ms or 1m", null);
      return defaultMillis;
    }
  }

  static long parseSize(String text, long defaultBytes) {
    if (text == null || text.isEmpty()) {
      return defaultBytes;
    }
    try {
      String t = text.trim().toLowerCase();
      long factor = 1;
      char unit = t.charAt(t.length() - 1);
      if (unit == 'k') {
        factor = 1024L;
      } else if (unit == 'm') {
        factor = 1024L * 1024;
      } else if (unit == 'g') {
        factor = 1024L * 1024 * 1024;
      }
      String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
      return Long.parseLong(digits) * factor;
    } catch (RuntimeException e) {
      AgentLog.warn("maxMemory '" + text + "' is not a size like 8m, 512k or 1g", null);
      return defaultBytes;
    }
  }

  private static List<String> splitList(String text) {
    if (text == null || text.trim().isEmpty()) {
      return Collections.emptyList();
    }
    List<String> result = new ArrayList<String>();
    for (String part : text.split("[,;]")) {
      if (!part.trim().isEmpty()) {
        result.add(part.trim());
      }
    }
    return Collections.unmodifiableList(result);
  }

  private static String trimSlash(String url) {
    if (url == null) {
      return null;
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
