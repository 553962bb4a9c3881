package dev.daas.server.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The {@code daas.webhooks.*} configuration: delivery of changes to webhooks. */
@ConfigMapping(prefix = "daas.webhooks")
public interface WebhookConfig {
  /** Attempts per event, the first included; after the last the event is dead-lettered. */
  @WithDefault("8")
  int maxAttempts();

  /** Wait before the first retry; doubled for each further one, with jitter. */
  @WithDefault("1s")
  Duration initialBackoff();

  /** Longest wait between two attempts. */
  @WithDefault("5m")
  Duration maxBackoff();

  /** How long one POST may take (connect and answer). */
  @WithDefault("10s")
  Duration timeout();

  /** How often an idle webhook looks for new changes in the change log. */
  @WithDefault("500ms")
  Duration pollInterval();

  /** Delivery threads shared by all webhooks (each webhook delivers in order, one at a time). */
  @WithDefault("2")
  int threads();

  /**
   * How long an instance's claim to deliver a webhook lasts unless renewed (every third of it);
   * where several instances share the metadata store, one delivers each webhook and another takes
   * over once the claim ran out.
   */
  @WithDefault("30s")
  Duration leaseTtl();
}
