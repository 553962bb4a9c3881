package dev.daas.model.connector;

/**
 * Reachability and pool usage of a source.
 *
 * @param reachable whether a connection could be had and answered
 * @param message why not, when unreachable (never holds credentials); else null
 * @param activeConnections pooled connections in use
 * @param idleConnections pooled connections idle
 * @param maxConnections pool bound
 * @param waitingThreads callers waiting for a connection
 */
public record SourceStatus(
    boolean reachable,
    String message,
    int activeConnections,
    int idleConnections,
    int maxConnections,
    int waitingThreads) {}
