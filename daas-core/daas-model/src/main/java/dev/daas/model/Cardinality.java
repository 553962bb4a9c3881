package dev.daas.model;

/** Cardinality seen from the referencing ("from") side towards the referenced ("to") side. */
public enum Cardinality {
  MANY_TO_ONE,
  ONE_TO_ONE,
  MANY_TO_MANY
}
