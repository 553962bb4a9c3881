package dev.daas.gateway.plan;

import dev.daas.gateway.parse.FilterExpr;
import dev.daas.model.Entity;
import dev.daas.model.query.Condition;

/**
 * Resolves a parsed filter against an entity into a typed {@link Condition}, exactly as the plan
 * stage does for the {@code filter} parameter, so policy row filters obey the same rules.
 */
public final class Conditions {
  private Conditions() {}

  /** Fails with the planner's errors ({@code UNKNOWN_FIELD}, {@code TYPE_MISMATCH}, ...). */
  public static Condition resolve(Entity entity, FilterExpr filter) {
    return FilterPlanner.plan(entity, filter);
  }
}
