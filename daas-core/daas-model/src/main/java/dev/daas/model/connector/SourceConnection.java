package dev.daas.model.connector;

/**
 * A live, pooled connection to one source. Capabilities are separate small interfaces; a connector
 * that lacks one returns an implementation that fails with a clear error.
 */
public interface SourceConnection extends AutoCloseable {
  CatalogIntrospector catalog();

  QueryExecutor queries();

  /**
   * Statement statistics and bounded data checks for recovery.
   *
   * @throws dev.daas.model.error.DaasException with {@code STATEMENT_STATS_UNAVAILABLE} when the
   *     connector offers neither
   */
  default DataInspector inspector() {
    throw new dev.daas.model.error.DaasException(
        dev.daas.model.error.ErrorCode.STATEMENT_STATS_UNAVAILABLE,
        "This source's connector cannot inspect statement statistics or data");
  }

  /** Checks reachability with a short timeout; never throws. */
  SourceStatus status();

  @Override
  void close();
}
