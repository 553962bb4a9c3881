package dev.daas.model;

/**
 * The portable type system: every native column type maps to one of these. The JSON encoding of
 * each is documented in docs/model.md and docs/api-guide.md.
 */
public enum DataType {
  STRING,
  INTEGER,
  DECIMAL,
  FLOAT,
  BOOLEAN,
  DATE,
  TIME,
  TIMESTAMP,
  TIMESTAMP_TZ,
  BINARY,
  JSON,
  UUID,
  ENUM,
  /** A native type with no portable equivalent (arrays, geometry, ...): served as its text form. */
  OTHER;

  /** Whether values of this type can be compared, sorted and used in a keyset cursor. */
  public boolean isOrderable() {
    return this != BINARY && this != JSON && this != OTHER;
  }
}
