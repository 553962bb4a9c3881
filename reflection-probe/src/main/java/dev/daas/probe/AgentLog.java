package dev.daas.probe;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;

/** The agent's own log: at most one line per distinct message per minute, never throws. */
public final class AgentLog {
  private static final long MINUTE_NANOS = 60_000_000_000L;
  private static final int MAX_TRACKED = 1000;
  private static final ConcurrentHashMap<String, Long> LAST = new ConcurrentHashMap<String, Long>();
  private static volatile PrintStream out = System.err;

  private AgentLog() {}

  static void configure(String target) {
    try {
      if (target != null && !target.isEmpty() && !"stderr".equals(target)) {
        out = new PrintStream(new FileOutputStream(target, true), true, "UTF-8");
      }
    } catch (Throwable t) {
      out = System.err;
    }
  }

  public static void warn(String message, Throwable error) {
    try {
      String text = error == null ? message : message + ": " + error;
      long now = System.nanoTime();
      Long last = LAST.get(text);
      if (last != null && now - last < MINUTE_NANOS) {
        return;
      }
      if (LAST.size() > MAX_TRACKED) {
        LAST.clear();
      }
      LAST.put(text, now);
      out.println("[daas-probe] " + text);
    } catch (Throwable ignored) {
      // the log itself must never hurt the host
    }
  }

  public static void info(String message) {
    warn(message, null);
  }
}
