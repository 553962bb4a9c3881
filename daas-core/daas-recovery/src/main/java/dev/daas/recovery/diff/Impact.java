package dev.daas.recovery.diff;

/** What a model change means for clients of the data API that was generated from the model. */
public enum Impact {
  /**
   * Something a client may rely on disappears or changes meaning: a client written against the old
   * model may fail or misread data against the new one.
   */
  BREAKING,
  /** Additions, widenings and changes of documentation or provenance only. */
  NON_BREAKING
}
