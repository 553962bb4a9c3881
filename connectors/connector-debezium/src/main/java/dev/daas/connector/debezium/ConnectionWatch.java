package dev.daas.connector.debezium;

import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Tells from Debezium's streaming metrics (JMX) whether the engine lost its database connection:
 * after it was connected once, the metric saying not connected, or gone while the task restarts,
 * means the engine is reconnecting.
 */
final class ConnectionWatch {
  private final ObjectName streaming;
  private volatile boolean wasConnected;

  ConnectionWatch(String serverName) {
    try {
      streaming =
          new ObjectName(
              "debezium.*:type=connector-metrics,context=streaming,server="
                  + ObjectName.quote(serverName).replaceAll("^\"|\"$", "")
                  + ",*");
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot watch metrics of " + serverName, e);
    }
  }

  /** Whether the connection is lost now, having been up before. */
  boolean connectionLost() {
    if (connected()) {
      wasConnected = true;
      return false;
    }
    return wasConnected;
  }

  /** Whether the engine streams from the log right now. */
  boolean connected() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    Set<ObjectName> names = server.queryNames(streaming, null);
    boolean connected = false;
    for (ObjectName name : names) {
      try {
        connected |= Boolean.TRUE.equals(server.getAttribute(name, "Connected"));
      } catch (Exception e) {
        // The MBean went away between query and read: the task is restarting.
      }
    }
    return connected;
  }
}
