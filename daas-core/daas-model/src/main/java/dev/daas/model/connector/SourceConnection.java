package dev.daas.model.connector;

/**
 * A live, pooled connection to one source. Capabilities are separate small interfaces; a connector
 * that lacks one returns an implementation that fails with a clear error.
 */
public interface SourceConnection extends AutoCloseable {
  CatalogIntrospector catalog();

  QueryExecutor queries();

  /** Checks reachability with a short timeout; never throws. */
  SourceStatus status();

  @Override
  void close();
}
