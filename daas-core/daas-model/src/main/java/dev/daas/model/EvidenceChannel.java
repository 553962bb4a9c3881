package dev.daas.model;

/** Where a piece of evidence about the legacy system came from. */
public enum EvidenceChannel {
  CATALOG,
  PROBE,
  STATEMENT_STATS,
  CDC,
  CURATION,
  /**
   * A bounded check of the data the server ran on the source: uniqueness of a candidate key or
   * inclusion of referencing values in the referenced ones.
   */
  DATA_CHECK
}
