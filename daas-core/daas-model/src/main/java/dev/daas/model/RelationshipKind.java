package dev.daas.model;

/** How a relationship came to be known. */
public enum RelationshipKind {
  /** A foreign key declared in the catalog. */
  DECLARED,
  /** Inferred by recovery from observed behaviour. */
  INFERRED,
  /** Added or confirmed by a person. */
  CURATED
}
