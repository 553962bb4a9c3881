package dev.daas.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "secrets_key_check")
public class SecretsKeyCheckRecord {
  public static final int SINGLETON_ID = 1;

  @Id public Integer id;

  @Column(nullable = false)
  public String sealed;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
