package dev.daas.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest ORM mapping a probe reported for one class. */
@Entity
@Table(name = "orm_mapping")
public class OrmMappingRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "source_id", nullable = false)
  public Long sourceId;

  @Column(nullable = false)
  public String kind;

  @Column(name = "class_name", nullable = false)
  public String className;

  @Column(name = "table_name")
  public String tableName;

  @Column(name = "mapping_json", nullable = false, columnDefinition = "text")
  public String mappingJson;

  @Column(name = "first_seen", nullable = false)
  public Instant firstSeen;

  @Column(name = "last_seen", nullable = false)
  public Instant lastSeen;
}
