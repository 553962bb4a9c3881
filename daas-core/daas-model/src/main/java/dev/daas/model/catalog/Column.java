package dev.daas.model.catalog;

import static java.util.Objects.requireNonNull;

import dev.daas.model.DataType;
import java.util.List;

/**
 * A column as the catalog describes it.
 *
 * @param name column name as the database spells it
 * @param type portable type the connector mapped the native type to
 * @param nativeType the native type name, e.g. {@code varchar}, {@code numeric}, {@code mood}
 * @param nullable whether null is admitted
 * @param defaultValue default expression, or null
 * @param comment column comment, or null
 * @param maxLength maximum length for character/binary types, or null
 * @param precision numeric precision, or null
 * @param scale numeric scale, or null
 * @param enumValues the labels of an enum type, else empty
 * @param generated identity/auto-increment/generated column
 */
public record Column(
    String name,
    DataType type,
    String nativeType,
    boolean nullable,
    String defaultValue,
    String comment,
    Integer maxLength,
    Integer precision,
    Integer scale,
    List<String> enumValues,
    boolean generated) {
  public Column {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(nativeType, "nativeType is null");
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
  }
}
