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
    boolean generated) {
  public Attribute {
    requireNonNull(name, "name is null");
    requireNonNull(column, "column is null");
    requireNonNull(type, "type is null");
    requireNonNull(nativeType, "nativeType is null");
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
  }
}
