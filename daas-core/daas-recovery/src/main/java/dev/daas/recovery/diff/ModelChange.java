package dev.daas.recovery.diff;

import static java.util.Objects.requireNonNull;

/**
 * One difference between two models.
 *
 * @param kind what changed
 * @param impact what it means for API clients (see {@link ModelDiff} for the rules)
 * @param entity API name of the entity concerned (the new name where it was renamed; the from
 *     entity for relationships), or null for a change of the whole model
 * @param member API name of the attribute or relationship (its embed name on the from entity)
 *     concerned, or null for a change of the entity itself
 * @param before the value before, for people, or null (for example where something was added)
 * @param after the value after, for people, or null (for example where something was removed)
 */
public record ModelChange(
    ChangeKind kind, Impact impact, String entity, String member, String before, String after) {
  public ModelChange {
    requireNonNull(kind, "kind is null");
    requireNonNull(impact, "impact is null");
  }

  public boolean breaking() {
    return impact == Impact.BREAKING;
  }
}
