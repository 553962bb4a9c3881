package dev.daas.server.sources;

import dev.daas.model.connector.Connector;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Live connections to sources, one pool per source. Connectors are discovered with {@link
 * ServiceLoader}: the server never names a connector class.
 */
@ApplicationScoped
public class SourceConnections {
  private static final Logger LOG = Logger.getLogger(SourceConnections.class);

  private final List<Connector> connectors =
      ServiceLoader.load(Connector.class, SourceConnections.class.getClassLoader()).stream()
          .map(ServiceLoader.Provider::get)
          .toList();
  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final List<java.util.function.Consumer<String>> openListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private record Open(SourceConfig config, SourceConnection connection) {}

  public boolean accepts(SourceConfig config) {
    return connectors.stream().anyMatch(c -> c.accepts(config));
  }

  /** What the accepting connector finds wrong with the configuration; empty if none accepts. */
  public List<String> configurationProblems(SourceConfig config) {
    return connectors.stream()
        .filter(c -> c.accepts(config))
        .findFirst()
        .map(c -> c.configurationProblems(config))
        .orElse(List.of());
  }

  /** Called with the source name whenever a pool is opened, e.g. to register its metrics. */
  public void onOpen(java.util.function.Consumer<String> listener) {
    openListeners.add(listener);
  }

  /** The connection for this configuration, reopened when the configuration changed. */
  public SourceConnection connection(SourceConfig config) {
    Open current = open.get(config.name());
    if (current != null && current.config().equals(config)) {
      return current.connection();
    }
    synchronized (this) {
      current = open.get(config.name());
      if (current != null && current.config().equals(config)) {
        return current.connection();
      }
      Connector connector =
          connectors.stream()
              .filter(c -> c.accepts(config))
              .findFirst()
              .orElseThrow(
                  () ->
                      new DaasException(
                          ErrorCode.SOURCE_ERROR,
                          "No connector accepts the URL of source " + config.name()));
      SourceConnection connection = connector.connect(config);
      Open previous = open.put(config.name(), new Open(config, connection));
      if (previous != null) {
        closeQuietly(config.name(), previous.connection());
      }
      openListeners.forEach(listener -> listener.accept(config.name()));
      return connection;
    }
  }

  public void close(String name) {
    Open previous = open.remove(name);
    if (previous != null) {
      closeQuietly(name, previous.connection());
    }
  }

  public boolean isOpen(String name) {
    return open.containsKey(name);
  }

  public java.util.Set<String> openNames() {
    return java.util.Set.copyOf(open.keySet());
  }

  @PreDestroy
  void closeAll() {
    open.keySet().forEach(this::close);
  }

  private static void closeQuietly(String name, SourceConnection connection) {
    try {
      connection.close();
    } catch (RuntimeException e) {
      LOG.warnf("Closing the connection pool of source %s failed: %s", name, e.getMessage());
    }
  }
}
