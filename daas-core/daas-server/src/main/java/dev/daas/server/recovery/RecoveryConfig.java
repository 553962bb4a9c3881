package dev.daas.server.recovery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How recovery uses a source's evidence (docs/configuration.md, {@code daas.recovery.*}). */
@ConfigMapping(prefix = "daas.recovery")
public interface RecoveryConfig {
  /** Confidence from which an inferred relationship becomes part of the model (embeddable). */
  @WithDefault("0.6")
  double relationshipThreshold();

  /** Confidence from which an inferred primary key becomes part of the model. */
  @WithDefault("0.5")
  double primaryKeyThreshold();

  /** Share of orphan values an inclusion check tolerates (legacy data is rarely clean). */
  @WithDefault("0.01")
  double orphanTolerance();

  /**
   * Bounded data checks per recovery; 0 turns them off. The time budget is what protects the
   * source; 200 left naming-only references of a 100-table schema unconfirmed (docs/benchmarks.md).
   */
  @WithDefault("1000")
  int maxChecks();

  /** Rows a single data check looks at, at most. */
  @WithDefault("10000")
  int sampleRows();

  /** Time all data checks of one recovery may take together; later checks are skipped. */
  @WithDefault("20s")
  Duration checkBudget();

  /** Statements read from the database's own statistics, most called first. */
  @WithDefault("5000")
  int statementStatistics();
}
