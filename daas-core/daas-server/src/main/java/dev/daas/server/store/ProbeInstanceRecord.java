package dev.daas.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One start of a probe agent in a legacy JVM, with its running totals. */
@Entity
@Table(name = "probe_instance")
public class ProbeInstanceRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "probe_id", nullable = false)
  public String probeId;

  @Column(name = "source_id", nullable = false)
  public Long sourceId;

  public long pid;
  public String host;
  public String jvm;
  public String application;

  @Column(name = "agent_version")
  public String agentVersion;

  @Column(name = "attach_kind")
  public String attachKind;

  /** Comma-separated framework names as the agent reports them. */
  public String frameworks;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "attached_at")
  public Instant attachedAt;

  @Column(name = "first_seen", nullable = false)
  public Instant firstSeen;

  @Column(name = "last_seen", nullable = false)
  public Instant lastSeen;

  public long batches;
  public long observations;

  @Column(name = "dropped_statements")
  public long droppedStatements;

  @Column(name = "dropped_observations")
  public long droppedObservations;

  @Column(name = "dropped_mappings")
  public long droppedMappings;

  @Column(name = "dropped_batches")
  public long droppedBatches;
}
