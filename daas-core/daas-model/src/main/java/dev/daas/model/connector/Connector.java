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
   * What is wrong with this configuration before anything connects: options of the URL that could
   * harm the server (run code, read local files, load classes) or that carry credentials. Each
   * entry is one sentence for the person who registers the source; empty when acceptable.
   */
  default java.util.List<String> configurationProblems(SourceConfig config) {
    return java.util.List.of();
  }

  /**
   * Prepares a connection to the source. Must not fail when the database is down: connections are
   * made lazily and a down database shows up as {@link SourceStatus#reachable()} false.
   */
  SourceConnection connect(SourceConfig config);
}
