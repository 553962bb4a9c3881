package dev.daas.server.recovery;

import dev.daas.model.Cardinality;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Evidence;
import dev.daas.model.Relationship;
import dev.daas.recovery.curation.CurationRecord;
import dev.daas.recovery.curation.TableColumns;
import java.util.Comparator;
import java.util.List;

/**
 * The candidate relationships of a stored model (ADR 0009) as the admin API lists them: strongest
 * first, each with its evidence and the curation entry that would confirm it.
 */
public final class CandidateViews {
  /** Candidates a model keeps at most, the strongest; more would only bloat every version. */
  public static final int MAX_STORED = 1_000;

  private static final Comparator<Relationship> STRONGEST_FIRST =
      Comparator.comparingDouble(Relationship::confidence)
          .reversed()
          .thenComparing(Relationship::fromEntity)
          .thenComparing(Relationship::name);

  private CandidateViews() {}

  /**
   * One candidate.
   *
   * @param name the embed name it would get on {@code fromEntity}
   * @param inverseName the embed name it would get on {@code toEntity}
   * @param confirm the entry to add to the curation ({@code PUT .../curation}) to serve it
   */
  public record CandidateView(
      String name,
      String inverseName,
      String fromEntity,
      List<String> fromAttributes,
      String toEntity,
      List<String> toAttributes,
      Cardinality cardinality,
      double confidence,
      List<Evidence> evidence,
      CurationRecord confirm) {}

  /** The candidates to store with a model: at most {@link #MAX_STORED}, in the model's order. */
  public static DataModel capped(DataModel model) {
    if (model.candidates().size() <= MAX_STORED) {
      return model;
    }
    return model.withCandidates(
        model.candidates().stream()
            .sorted(STRONGEST_FIRST)
            .limit(MAX_STORED)
            .sorted(
                Comparator.comparing(Relationship::fromEntity).thenComparing(Relationship::name))
            .toList());
  }

  public static List<CandidateView> of(DataModel model) {
    return model.candidates().stream().sorted(STRONGEST_FIRST).map(r -> view(model, r)).toList();
  }

  private static CandidateView view(DataModel model, Relationship r) {
    return new CandidateView(
        r.name(),
        r.inverseName(),
        r.fromEntity(),
        r.fromAttributes(),
        r.toEntity(),
        r.toAttributes(),
        r.cardinality(),
        r.confidence(),
        r.evidence(),
        new CurationRecord(
            "confirm-relationship",
            null,
            null,
            null,
            null,
            null,
            columns(model, r.fromEntity(), r.fromAttributes()),
            columns(model, r.toEntity(), r.toAttributes())));
  }

  private static TableColumns columns(DataModel model, String entityName, List<String> names) {
    Entity e =
        model
            .entity(entityName)
            .orElseThrow(
                () -> new IllegalStateException("candidate names no entity " + entityName));
    return new TableColumns(
        e.schema(), e.table(), names.stream().map(n -> e.requireAttribute(n).column()).toList());
  }
}
