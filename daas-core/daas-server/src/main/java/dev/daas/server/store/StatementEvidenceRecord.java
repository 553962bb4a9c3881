package dev.daas.server.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Merged observations of one (template, call site, entry point) of a source. */
@Entity
@Table(name = "statement_evidence")
public class StatementEvidenceRecord {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "source_id", nullable = false)
  public Long sourceId;

  @Column(name = "evidence_key", nullable = false)
  public String evidenceKey;

  @Column(name = "template_hash", nullable = false)
  public String templateHash;

  @Column(nullable = false, columnDefinition = "text")
  public String template;

  public String operation;

  @Column(name = "db_product")
  public String dbProduct;

  @Column(name = "db_url")
  public String dbUrl;

  @Column(name = "db_user")
  public String dbUser;

  @Column(name = "call_site_class")
  public String callSiteClass;

  @Column(name = "call_site_method")
  public String callSiteMethod;

  @Column(name = "call_site_line")
  public Integer callSiteLine;

  @Column(name = "entry_kind")
  public String entryKind;

  @Column(name = "entry_method")
  public String entryMethod;

  @Column(name = "entry_name")
  public String entryName;

  public long executions;
  public long errors;

  @Column(name = "row_count")
  public long rowCount;

  @Column(name = "latency_sum_micros")
  public long latencySumMicros;

  @Column(name = "latency_max_micros")
  public long latencyMaxMicros;

  /** Comma-separated upper bounds in microseconds. */
  @Column(name = "histogram_bounds")
  public String histogramBounds;

  /** Comma-separated counts, one more than the bounds. */
  @Column(name = "histogram_counts")
  public String histogramCounts;

  /** Comma-separated column labels. */
  @Column(name = "columns_read", columnDefinition = "text")
  public String columnsRead;

  /** Value samples: a JSON array of SQL texts with literals, or null. */
  @Column(length = 16000)
  public String samples;

  @Column(name = "first_seen", nullable = false)
  public Instant firstSeen;

  @Column(name = "last_seen", nullable = false)
  public Instant lastSeen;
}
