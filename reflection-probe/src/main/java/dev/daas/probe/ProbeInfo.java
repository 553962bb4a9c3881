package dev.daas.probe;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;

/** Facts about the host JVM for the {@code probe} member of a batch. */
final class ProbeInfo {
  static final String AGENT_VERSION = "0.1.0";

  private ProbeInfo() {}

  static String mainClass() {
    try {
      String command = System.getProperty("sun.java.command");
      if (command != null && !command.trim().isEmpty()) {
        String first = command.trim().split("\\s+")[0];
        int slash = Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\'));
        return slash >= 0 ? first.substring(slash + 1) : first;
      }
    } catch (Throwable ignored) {
      // fall back to the thread name
    }
    return Thread.currentThread().getName();
  }

  static long pid() {
    try {
      String name = ManagementFactory.getRuntimeMXBean().getName();
      return Long.parseLong(name.substring(0, name.indexOf('@')));
    } catch (Throwable t) {
      return -1;
    }
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Throwable t) {
      return "unknown";
    }
  }

  static String jvm() {
    String version = System.getProperty("java.runtime.version", System.getProperty("java.version"));
    String vendor = System.getProperty("java.vendor.version", System.getProperty("java.vendor"));
    return version + " (" + vendor + ")";
  }
}
