package dev.daas.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A relationship between two entities: rows of {@code fromEntity} reference rows of {@code
 * toEntity} through equal values of the listed attributes (pairwise, in order).
 *
 * @param name the embedding name on the "from" side (to-one), unique among the from entity's
 *     attributes and relationship names
 * @param inverseName the embedding name on the "to" side (to-many), unique likewise
 * @param kind declared, inferred or curated
 * @param fromEntity API name of the referencing entity
 * @param fromAttributes API names of the referencing attributes
 * @param toEntity API name of the referenced entity
 * @param toAttributes API names of the referenced attributes
 * @param cardinality seen from the referencing side
 * @param constraintName the foreign key's name where declared, else null
 * @param confidence 0..1; 1 for declared foreign keys
 * @param evidence why the relationship is believed
 */
public record Relationship(
    String name,
    String inverseName,
    RelationshipKind kind,
    String fromEntity,
    List<String> fromAttributes,
    String toEntity,
    List<String> toAttributes,
    Cardinality cardinality,
    String constraintName,
    double confidence,
    List<Evidence> evidence) {
  public Relationship {
    requireNonNull(name, "name is null");
    requireNonNull(inverseName, "inverseName is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(fromEntity, "fromEntity is null");
    requireNonNull(toEntity, "toEntity is null");
    requireNonNull(cardinality, "cardinality is null");
    fromAttributes = List.copyOf(requireNonNull(fromAttributes, "fromAttributes is null"));
    toAttributes = List.copyOf(requireNonNull(toAttributes, "toAttributes is null"));
    if (fromAttributes.isEmpty() || fromAttributes.size() != toAttributes.size()) {
      throw new IllegalArgumentException(
          "relationship "
              + name
              + " pairs "
              + fromAttributes
              + " with "
              + toAttributes
              + ": both sides need the same, non-zero number of attributes");
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must lie in 0..1, was " + confidence);
    }
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
