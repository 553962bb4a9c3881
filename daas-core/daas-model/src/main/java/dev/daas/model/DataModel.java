package dev.daas.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The recovered data model of one source: what the data API serves. Its JSON form is the documented
 * contract of docs/model.md; {@link #FORMAT_VERSION} changes whenever that contract changes
 * incompatibly.
 *
 * @param formatVersion the version of the JSON contract
 * @param source the source name
 * @param databaseProduct the database product and version the model was read from
 * @param entities entities, sorted by API name
 * @param relationships relationships, sorted by name of the from entity then name
 * @param candidates inferred relationships below the confidence threshold, sorted like {@code
 *     relationships}: kept for integrators to confirm or reject through curation, never embeddable
 *     and never served by the data API (ADR 0009)
 */
public record DataModel(
    int formatVersion,
    String source,
    String databaseProduct,
    List<Entity> entities,
    List<Relationship> relationships,
    List<Relationship> candidates) {
  public static final int FORMAT_VERSION = 1;

  public DataModel {
    requireNonNull(source, "source is null");
    entities = List.copyOf(requireNonNull(entities, "entities is null"));
    relationships = List.copyOf(requireNonNull(relationships, "relationships is null"));
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
  }

  /** This model with other candidates, everything else kept. */
  public DataModel withCandidates(List<Relationship> newCandidates) {
    return new DataModel(
        formatVersion, source, databaseProduct, entities, relationships, newCandidates);
  }

  /** This model with other entities, everything else kept. */
  public DataModel withEntities(List<Entity> newEntities) {
    return new DataModel(
        formatVersion, source, databaseProduct, newEntities, relationships, candidates);
  }

  public Optional<Entity> entity(String apiName) {
    return entities.stream().filter(e -> e.name().equals(apiName)).findFirst();
  }
}
