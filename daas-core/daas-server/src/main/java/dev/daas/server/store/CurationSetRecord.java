package dev.daas.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A source's curation entries, as a JSON array of daas-recovery's CurationRecord. */
@Entity
@Table(name = "curation")
public class CurationSetRecord {
  @Id
  @Column(name = "source_id")
  public Long sourceId;

  @Column(name = "entries_json", nullable = false, columnDefinition = "text")
  public String entriesJson;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
