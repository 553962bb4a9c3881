package dev.daas.model.connector;

/**
 * The connector SPI: a kind of legacy source the platform can read. Implementations are found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.daas.model.connector.Connector}
 * entry), never by class name.
 */
public interface Connector {
  /** A short, stable name such as {@code jdbc}. */
  String name();

  /** Whether this connector can reach a source with this configuration (by URL scheme). */
  boolean accepts(SourceConfig config);

  /**
   * Prepares a connection to the source. Must not fail when the database is down: connections are
   * made lazily and a down database shows up as {@link SourceStatus#reachable()} false.
   */
  SourceConnection connect(SourceConfig config);
}
