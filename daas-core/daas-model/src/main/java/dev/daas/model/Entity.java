package dev.daas.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A table or view exposed by the data API.
 *
 * @param name the API name, unique within the source
 * @param schema the schema (or, on MySQL and MariaDB, the database) holding the table
 * @param table the table name exactly as the database spells it
 * @param kind table or view
 * @param description the table comment, or null
 * @param attributes the fields, in column order
 * @param primaryKey the primary key, or null where the entity has none (it is then list-only)
 * @param uniqueKeys unique constraints and unique indexes other than the primary key
 * @param indexes every index of the table
 * @param evidence why the entity exists in the model
 * @param readableName a name for people recovered from the ORM class name or by spelling out the
 *     table name ({@code order_line} for {@code T_ORD_LN}), or null where none differs from {@code
 *     name}
 */
public record Entity(
    String name,
    String schema,
    String table,
    EntityKind kind,
    String description,
    List<Attribute> attributes,
    Key primaryKey,
    List<Key> uniqueKeys,
    List<Index> indexes,
    List<Evidence> evidence,
    String readableName) {
  public Entity {
    requireNonNull(name, "name is null");
    requireNonNull(table, "table is null");
    requireNonNull(kind, "kind is null");
    attributes = List.copyOf(requireNonNull(attributes, "attributes is null"));
    uniqueKeys = uniqueKeys == null ? List.of() : List.copyOf(uniqueKeys);
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** This entity with other attributes and readable name, everything else kept. */
  public Entity withAttributes(List<Attribute> newAttributes, String newReadableName) {
    return new Entity(
        name,
        schema,
        table,
        kind,
        description,
        newAttributes,
        primaryKey,
        uniqueKeys,
        indexes,
        evidence,
        newReadableName);
  }

  /** This entity with other evidence, everything else kept. */
  public Entity withEvidence(List<Evidence> newEvidence) {
    return new Entity(
        name,
        schema,
        table,
        kind,
        description,
        attributes,
        primaryKey,
        uniqueKeys,
        indexes,
        newEvidence,
        readableName);
  }

  public Optional<Attribute> attribute(String apiName) {
    return attributes.stream().filter(a -> a.name().equals(apiName)).findFirst();
  }

  /** The attribute with this API name; fails if there is none (the model is inconsistent). */
  public Attribute requireAttribute(String apiName) {
    return attribute(apiName)
        .orElseThrow(
            () ->
                new IllegalStateException("entity " + name + " has no attribute named " + apiName));
  }

  /**
   * The key that addresses a row in the data API: the primary key, else the first unique key whose
   * attributes are all non-null. Its attributes must all be orderable (see {@link
   * DataType#isOrderable()}), since the key also makes the order of pages total and goes into
   * cursors and paths; a binary or json key leaves the entity list-only.
   */
  public Optional<Key> identifyingKey() {
    if (primaryKey != null && orderable(primaryKey)) {
      return Optional.of(primaryKey);
    }
    return uniqueKeys.stream()
        .filter(k -> k.attributes().stream().noneMatch(a -> requireAttribute(a).nullable()))
        .filter(this::orderable)
        .findFirst();
  }

  private boolean orderable(Key key) {
    return key.attributes().stream().allMatch(a -> requireAttribute(a).type().isOrderable());
  }
}
