package dev.daas.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A source's probe token (its SHA-256 only) and whether its probes should observe. */
@Entity
@Table(name = "probe_settings")
public class ProbeSettingsRecord {
  @Id
  @Column(name = "source_id")
  public Long sourceId;

  @Column(name = "token_hash")
  public String tokenHash;

  @Column(name = "token_created_at")
  public Instant tokenCreatedAt;

  @Column(nullable = false)
  public boolean enabled;

  /** The send interval asked of probes, 1..300 s; null for the default. */
  @Column(name = "send_interval_seconds")
  public Integer sendIntervalSeconds;

  /** Whether probes may send SQL texts with their literal values. */
  @Column(name = "value_sampling", nullable = false)
  public boolean valueSampling;
}
