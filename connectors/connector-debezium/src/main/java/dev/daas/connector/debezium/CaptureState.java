package dev.daas.connector.debezium;

/** Where a capture engine is in its life. */
public enum CaptureState {
  /** Not started yet. */
  NEW,
  /** Started; the connector has not reported its task running yet. */
  STARTING,
  /** Capturing (snapshot or log). */
  RUNNING,
  /** The database connection was lost; the engine retries with back-off by itself. */
  RECONNECTING,
  /** Stopped by an error or by a failed preflight check; see the status message. */
  FAILED,
  /** Stopped on request. */
  STOPPED
}
