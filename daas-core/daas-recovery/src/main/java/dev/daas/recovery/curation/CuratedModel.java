package dev.daas.recovery.curation;

import static java.util.Objects.requireNonNull;

import dev.daas.model.DataModel;
import dev.daas.model.Relationship;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What curation made of a recovered model.
 *
 * @param model the model the data API serves: curated names, hidden elements left out, confirmed
 *     and added relationships in, rejected ones out
 * @param candidates inferred relationships still below the threshold and neither confirmed nor
 *     rejected, named as in {@code model}
 * @param pii attributes marked as personal data, by their API names in {@code model}, sorted
 * @param unapplied entries that changed nothing, with the reason, in entry order
 */
public record CuratedModel(
    DataModel model,
    List<Relationship> candidates,
    Set<AttributePath> pii,
    List<Unapplied> unapplied) {
  public CuratedModel {
    requireNonNull(model, "model is null");
    candidates = List.copyOf(candidates);
    pii = Collections.unmodifiableSet(new LinkedHashSet<>(pii));
    unapplied = List.copyOf(unapplied);
  }

  /** An attribute by API names. */
  public record AttributePath(String entity, String attribute)
      implements Comparable<AttributePath> {
    public AttributePath {
      requireNonNull(entity, "entity is null");
      requireNonNull(attribute, "attribute is null");
    }

    @Override
    public int compareTo(AttributePath other) {
      int byEntity = entity.compareTo(other.entity);
      return byEntity != 0 ? byEntity : attribute.compareTo(other.attribute);
    }
  }

  /** Why an entry changed nothing. */
  public enum Outcome {
    /** It addresses a table, column or relationship that the model no longer has. */
    STALE,
    /** Applying it would make the model inconsistent (a name taken, a key column hidden...). */
    CONFLICTING,
    /** A later entry about the same element replaces it. */
    SUPERSEDED
  }

  /**
   * An entry that changed nothing.
   *
   * @param index its position in the list given to the curator, from 0
   * @param entry the entry
   * @param outcome why, in a word
   * @param reason why, for people
   */
  public record Unapplied(int index, CurationEntry entry, Outcome outcome, String reason) {
    public Unapplied {
      requireNonNull(entry, "entry is null");
      requireNonNull(outcome, "outcome is null");
      requireNonNull(reason, "reason is null");
    }
  }
}
