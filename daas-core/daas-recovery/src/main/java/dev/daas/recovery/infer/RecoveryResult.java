package dev.daas.recovery.infer;

import static java.util.Objects.requireNonNull;

import dev.daas.model.DataModel;
import dev.daas.model.Evidence;
import dev.daas.model.Relationship;
import java.util.List;
import java.util.Map;

/**
 * What inference recovered for one source.
 *
 * @param model the model: catalog entities with inferred primary keys, readable names and value
 *     domains, declared relationships and the inferred ones at or above the threshold (kind
 *     INFERRED, with confidence and evidence), and the candidates
 * @param candidates inferred relationships below the threshold, for curation to confirm (also
 *     {@code model.candidates()})
 * @param inferredKeys the primary keys inferred, with confidence and evidence
 * @param relationships every inferred relationship, emitted or not, by table and column names
 * @param manyToMany link tables whose key is two emitted relationships
 * @param readableNames readable names by entity API name and by {@code entity.attribute}, where
 *     they differ from the API name (ORM names where observed, else de-abbreviated)
 * @param valueDomains enum-like columns and the values seen
 * @param statements what the statement analysis could and could not read
 */
public record RecoveryResult(
    DataModel model,
    List<Relationship> candidates,
    List<InferredKey> inferredKeys,
    List<InferredRelationship> relationships,
    List<ManyToMany> manyToMany,
    Map<String, String> readableNames,
    List<ValueDomain> valueDomains,
    StatementSummary statements) {

  public RecoveryResult {
    requireNonNull(model, "model is null");
    candidates = List.copyOf(candidates);
    inferredKeys = List.copyOf(inferredKeys);
    relationships = List.copyOf(relationships);
    manyToMany = List.copyOf(manyToMany);
    readableNames = Map.copyOf(readableNames);
    valueDomains = List.copyOf(valueDomains);
    requireNonNull(statements, "statements is null");
  }

  /**
   * A link table: its entity and the two relationships (by name, from the link entity) that make
   * {@code left} and {@code right} many-to-many.
   */
  public record ManyToMany(
      String linkEntity,
      String left,
      String leftRelationship,
      String right,
      String rightRelationship) {}

  /**
   * An enum-like attribute: the values seen, sorted; or, where {@code closed}, the labels of its
   * enum type in declaration order.
   */
  public record ValueDomain(
      String entity,
      String attribute,
      List<String> values,
      boolean closed,
      List<Evidence> evidence) {
    public ValueDomain {
      values = List.copyOf(values);
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * Counts of the statement evidence.
   *
   * @param templates distinct templates
   * @param parsed templates analysed, including the skimmed ones
   * @param skimmed templates recognised without parsing as reading or writing one table with no
   *     literal (they cannot hold a join), so not checked for syntax
   * @param executions executions of all templates
   * @param unparsed templates not analysed, by reason
   */
  public record StatementSummary(
      int templates, int parsed, int skimmed, long executions, Map<String, Long> unparsed) {
    public StatementSummary {
      unparsed = Map.copyOf(unparsed);
    }
  }
}
