package dev.daas.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of a source's model, as the JSON of docs/model.md. Never updated once written. */
@Entity
@Table(name = "model_snapshot")
public class ModelSnapshotRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "source_id", nullable = false)
  public Long sourceId;

  @Column(nullable = false)
  public int version;

  @Column(name = "content_hash", nullable = false)
  public String contentHash;

  @Column(name = "format_version", nullable = false)
  public int formatVersion;

  @Column(name = "entity_count", nullable = false)
  public int entityCount;

  @Column(name = "relationship_count", nullable = false)
  public int relationshipCount;

  @Column(name = "model_json", nullable = false, columnDefinition = "text")
  public String modelJson;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
