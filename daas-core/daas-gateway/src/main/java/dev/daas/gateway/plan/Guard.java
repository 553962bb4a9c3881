package dev.daas.gateway.plan;

import dev.daas.gateway.parse.FilterExpr;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.EntityAccess;
import dev.daas.gateway.policy.EntityAccess.FieldState;
import dev.daas.gateway.policy.Operation;
import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's access checks for one request: which entities may be read, which fields a
 * condition, order or join may use (only those every grant shows unmasked), which fields may be
 * selected (those some grant shows) and which rows (the row condition). Without an authorization
 * everything is allowed, which keeps the planner's original behaviour. Messages name fields and
 * entities, never values.
 */
final class Guard {
  static final Guard NONE = new Guard(null);

  private final Authorization authorization;

  Guard(Authorization authorization) {
    this.authorization = authorization;
  }

  boolean active() {
    return authorization != null;
  }

  /** The read access to the entity, {@code FORBIDDEN} without; null when unguarded. */
  EntityAccess access(Entity entity) {
    return authorization == null ? null : authorization.require(entity.name(), Operation.READ);
  }

  /** The attribute, when a condition, order, key or join ({@code use}) may name it. */
  Attribute conditionable(Entity entity, String name, String parameter, Integer position) {
    Attribute attribute = attribute(entity, name, parameter, position);
    EntityAccess access = access(entity);
    if (access != null && !access.clear(name)) {
      throw hidden(entity, name, parameter, access.best(name));
    }
    return attribute;
  }

  /** The attribute, when some grant shows it (masked or not). */
  Attribute selectable(Entity entity, String name) {
    Attribute attribute = attribute(entity, name, "fields", null);
    EntityAccess access = access(entity);
    if (access != null && access.best(name) == FieldState.HIDDEN) {
      throw hidden(entity, name, "fields", FieldState.HIDDEN);
    }
    return attribute;
  }

  /** What a request that selects no field gets: every field some grant shows. */
  List<Attribute> defaultOutput(Entity entity) {
    EntityAccess access = access(entity);
    if (access == null) {
      return entity.attributes();
    }
    List<String> visible = access.visibleFields();
    return entity.attributes().stream().filter(a -> visible.contains(a.name())).toList();
  }

  /** Checks every field a filter names before it is resolved. */
  void checkFilter(Entity entity, FilterExpr expr) {
    if (expr instanceof FilterExpr.And and) {
      and.operands().forEach(o -> checkFilter(entity, o));
    } else if (expr instanceof FilterExpr.Or or) {
      or.operands().forEach(o -> checkFilter(entity, o));
    } else if (expr instanceof FilterExpr.Not not) {
      checkFilter(entity, not.operand());
    } else {
      FilterExpr.Field field;
      if (expr instanceof FilterExpr.Comparison comparison) {
        field = comparison.field();
      } else if (expr instanceof FilterExpr.InList in) {
        field = in.field();
      } else if (expr instanceof FilterExpr.Like like) {
        field = like.field();
      } else if (expr instanceof FilterExpr.IsNull isNull) {
        field = isNull.field();
      } else {
        throw new IllegalStateException("unknown filter node " + expr.getClass().getSimpleName());
      }
      conditionable(entity, field.name(), "filter", field.position());
    }
  }

  /** The row condition ANDed with the request's own; null means all rows. */
  Condition rows(Entity entity, Condition own) {
    EntityAccess access = access(entity);
    if (access == null || access.rowCondition() == null) {
      return own;
    }
    return own == null ? access.rowCondition() : Condition.and(List.of(own, access.rowCondition()));
  }

  /** Attributes the respond stage needs to decide fields per row. */
  List<Attribute> shapingAttributes(Entity entity) {
    EntityAccess access = access(entity);
    return access == null ? List.of() : access.conditionAttributes();
  }

  /** What a cursor is bound to besides entity, sort and filter: the caller's access. */
  String fingerprint(Entity entity) {
    EntityAccess access = access(entity);
    return access == null ? "" : access.fingerprint();
  }

  private Attribute attribute(Entity entity, String name, String parameter, Integer position) {
    if (authorization == null) {
      return PlanErrors.attribute(entity, name, parameter, position);
    }
    return PlanErrors.attribute(entity, name, parameter, position, access(entity).visibleFields());
  }

  private static DaasException hidden(
      Entity entity, String name, String parameter, FieldState state) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("entity", entity.name());
    details.put("field", name);
    details.put("parameter", parameter);
    String why =
        switch (state) {
          case HIDDEN -> "is hidden by the caller's policy";
          case MASKED -> "is masked by the caller's policy";
          case CLEAR -> "is hidden or masked on some rows by the caller's policy";
        };
    String rule =
        parameter.equals("fields")
            ? ""
            : "; only fields shown unmasked on every row can be used in " + parameter;
    return new DaasException(
        ErrorCode.FORBIDDEN,
        "field '" + name + "' of entity '" + entity.name() + "' " + why + rule,
        details);
  }
}
