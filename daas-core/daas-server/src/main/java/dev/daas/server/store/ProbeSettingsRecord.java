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
}
