package dev.daas.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A registered source. The password is only ever held sealed ({@code passwordSecret}). */
@Entity
@Table(name = "source")
public class SourceRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, unique = true)
  public String name;

  @Column(nullable = false)
  public String url;

  public String username;

  @Column(name = "password_secret")
  public String passwordSecret;

  /** Comma-separated; schema names cannot hold commas on the databases we support. */
  @Column(nullable = false)
  public String schemas;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "last_introspected_at")
  public Instant lastIntrospectedAt;

  @Column(name = "last_error")
  public String lastError;
}
