package dev.daas.recovery.diff;

/**
 * The kinds of {@link ModelChange}. Entities are matched by their table (schema and name), else by
 * API name; attributes by column, else by API name; relationships by their columns on both sides
 * (see {@link ModelDiff}).
 */
public enum ChangeKind {
  /** The database product or version the model was read from changed. */
  DATABASE_PRODUCT_CHANGED,
  ENTITY_ADDED,
  ENTITY_REMOVED,
  /** Same table, another API name: the path segment of the data API changes. */
  ENTITY_RENAMED,
  /** Same API name, another table behind it. */
  ENTITY_TABLE_CHANGED,
  /** Table became view or the reverse. */
  ENTITY_KIND_CHANGED,
  ENTITY_DESCRIPTION_CHANGED,
  ENTITY_EVIDENCE_CHANGED,
  /** The readable name for people changed: documentation only, never a path or field name. */
  ENTITY_READABLE_NAME_CHANGED,
  PRIMARY_KEY_ADDED,
  PRIMARY_KEY_REMOVED,
  PRIMARY_KEY_CHANGED,
  /** The entity became addressable by key. */
  IDENTIFYING_KEY_ADDED,
  /** The entity became list-only. */
  IDENTIFYING_KEY_REMOVED,
  /** Keys in paths and cursors now mean other attributes. */
  IDENTIFYING_KEY_CHANGED,
  ATTRIBUTE_ADDED,
  ATTRIBUTE_REMOVED,
  /** Same column, another API name. */
  ATTRIBUTE_RENAMED,
  /** Same API name, another column behind it. */
  ATTRIBUTE_COLUMN_CHANGED,
  /** Another portable type: the JSON form or the OpenAPI type or format changes. */
  TYPE_CHANGED,
  /** Same portable type, every old value still fits (a longer string, more digits). */
  TYPE_WIDENED,
  /** Same portable type, some old values no longer fit (a shorter string, fewer digits). */
  TYPE_NARROWED,
  /** Same portable type and bounds, another native type name. */
  NATIVE_TYPE_CHANGED,
  /** The labels of an enum changed (added, removed or reordered). */
  ENUM_VALUES_CHANGED,
  NULLABILITY_CHANGED,
  DEFAULT_CHANGED,
  GENERATED_CHANGED,
  ATTRIBUTE_DESCRIPTION_CHANGED,
  /** The readable name for people changed: documentation only, never a field name. */
  ATTRIBUTE_READABLE_NAME_CHANGED,
  /**
   * The values observed or declared changed, or the domain appeared, went or became closed or open:
   * the enum type's labels themselves are {@link #ENUM_VALUES_CHANGED}.
   */
  VALUE_DOMAIN_CHANGED,
  /** Curation marked the attribute as personal data, or unmarked it. */
  PII_CHANGED,
  RELATIONSHIP_ADDED,
  RELATIONSHIP_REMOVED,
  /** The embed name on the from entity changed. */
  EMBED_NAME_CHANGED,
  /** The embed name on the to entity changed. */
  INVERSE_EMBED_NAME_CHANGED,
  CARDINALITY_CHANGED,
  /** Declared, inferred or curated: how the relationship is known. */
  RELATIONSHIP_KIND_CHANGED,
  CONSTRAINT_NAME_CHANGED,
  CONFIDENCE_CHANGED,
  RELATIONSHIP_EVIDENCE_CHANGED
}
