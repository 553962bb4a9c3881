package dev.daas.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A field of an entity, backed by one column.
 *
 * @param name the API name, unique within the entity
 * @param column the column name exactly as the database spells it
 * @param type the portable type
 * @param nativeType the database's own type name, for people and for dialect-specific binding
 * @param nullable whether the column admits null
 * @param defaultValue the column default as the catalog reports it, or null
 * @param description the column comment, or null
 * @param maxLength the maximum length of character or binary columns, or null
 * @param precision numeric precision, or null
 * @param scale numeric scale, or null
 * @param enumValues allowed values of an {@link DataType#ENUM} column, else empty
 * @param generated whether the database generates the value (identity, auto increment)
 * @param readableName a name for people recovered from ORM field names or by spelling out the
 *     column name ({@code unit_price} for {@code UNIT_PRC}), or null where none differs from {@code
 *     name}
 * @param valueDomain the values seen or declared for an enum-like attribute, or null
 * @param pii whether curation marked the attribute as personal data
 */
public record Attribute(
    String name,
    String column,
    DataType type,
    String nativeType,
    boolean nullable,
    String defaultValue,
    String description,
    Integer maxLength,
    Integer precision,
    Integer scale,
    List<String> enumValues,
    boolean generated,
    String readableName,
    ValueDomain valueDomain,
    boolean pii) {
  public Attribute {
    requireNonNull(name, "name is null");
    requireNonNull(column, "column is null");
    requireNonNull(type, "type is null");
    requireNonNull(nativeType, "nativeType is null");
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
  }

  /** This attribute under another API name. */
  public Attribute withName(String newName) {
    return new Attribute(
        newName,
        column,
        type,
        nativeType,
        nullable,
        defaultValue,
        description,
        maxLength,
        precision,
        scale,
        enumValues,
        generated,
        readableName,
        valueDomain,
        pii);
  }

  /** This attribute with the readable name, value domain and PII flag given. */
  public Attribute withAnnotations(String newReadableName, ValueDomain newDomain, boolean isPii) {
    return new Attribute(
        name,
        column,
        type,
        nativeType,
        nullable,
        defaultValue,
        description,
        maxLength,
        precision,
        scale,
        enumValues,
        generated,
        newReadableName,
        newDomain,
        isPii);
  }
}
