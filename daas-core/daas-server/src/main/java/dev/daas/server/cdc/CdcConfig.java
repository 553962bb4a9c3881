package dev.daas.server.cdc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code daas.cdc.*} configuration: change capture and change streams. */
@ConfigMapping(prefix = "daas.cdc")
public interface CdcConfig {
  /** How long captured changes stay in the change log (and so how far back streams resume). */
  @WithDefault("24h")
  Duration retention();

  /** Most changes kept per source in the change log; the oldest go first. */
  @WithDefault("1000000")
  long retentionRows();

  /** How often the change log is pruned. */
  @WithDefault("1m")
  Duration pruneInterval();

  /** Changes buffered for one stream subscriber before it is cut off as too slow. */
  @WithDefault("10000")
  int subscriberBuffer();

  /** How often engines of enabled sources that failed or never started are started again. */
  @WithDefault("30s")
  Duration restartInterval();

  /** How long an engine waits for more changes before handing over a batch (latency). */
  @WithDefault("10ms")
  Duration pollInterval();

  /** Most changes per batch, and so per change log transaction. */
  @WithDefault("2048")
  int maxBatchSize();

  /**
   * Shortest time between two re-recoveries of one source that captured row images with columns its
   * model does not have, or without columns it has (a schema change).
   */
  @WithDefault("10s")
  Duration schemaRecheck();

  /**
   * How long a server instance's claim to capture a source lasts unless renewed (every third of
   * it); another instance takes capture over once it ran out.
   */
  @WithDefault("30s")
  Duration leaseTtl();
}
