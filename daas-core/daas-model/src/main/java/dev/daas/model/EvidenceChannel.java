package dev.daas.model;

/** Where a piece of evidence about the legacy system came from. */
public enum EvidenceChannel {
  CATALOG,
  PROBE,
  STATEMENT_STATS,
  CDC,
  CURATION
}
