package dev.daas.gateway.policy;

import dev.daas.gateway.parse.FilterExpr;
import dev.daas.gateway.plan.Conditions;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a policy against the model it is saved for and reports every problem at once: a source,
 * entity or field the model lacks, a grant without operations, an entity granted twice, a mask on a
 * hidden field, a row filter that does not parse, names unknown fields, compares a field with a
 * value of the wrong type, or uses a claim as a LIKE pattern (its {@code %} and {@code _} would be
 * wildcards).
 */
public final class PolicyValidator {
  private PolicyValidator() {}

  /** Fails with {@code VALIDATION_FAILED} listing every violation in message and details. */
  public static void validate(RolePolicy policy, DataModel model) {
    List<String> violations = violations(policy, model);
    if (!violations.isEmpty()) {
      StringBuilder message =
          new StringBuilder("the policy of role '")
              .append(policy.role())
              .append("' on source '")
              .append(policy.source())
              .append("' has ")
              .append(violations.size())
              .append(violations.size() == 1 ? " problem: " : " problems: ");
      for (int i = 0; i < violations.size(); i++) {
        message.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(violations.get(i));
      }
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          message.toString(),
          Map.of("role", policy.role(), "violations", violations));
    }
  }

  /** Every violation, in policy order; empty for a valid policy. */
  public static List<String> violations(RolePolicy policy, DataModel model) {
    List<String> violations = new ArrayList<>();
    if (policy.role().isBlank()) {
      violations.add("the role name is empty");
    }
    if (!policy.source().equals(model.source())) {
      violations.add(
          "the policy is for source '"
              + policy.source()
              + "' but the model is of source '"
              + model.source()
              + "'");
      return violations;
    }
    Set<String> seen = new HashSet<>();
    for (EntityGrant grant : policy.grants()) {
      String where = "entity '" + grant.entity() + "'";
      if (!seen.add(grant.entity())) {
        violations.add(where + " is granted more than once; merge its grants");
      }
      Optional<Entity> found = model.entity(grant.entity());
      if (found.isEmpty()) {
        violations.add(where + " is not in the model");
        continue;
      }
      Entity entity = found.get();
      if (grant.operations().isEmpty()) {
        violations.add(where + ": the grant allows no operation");
      }
      for (String field : grant.columns().fields()) {
        if (entity.attribute(field).isEmpty()) {
          violations.add(
              where
                  + ": the column "
                  + grant.columns().mode().name().toLowerCase(java.util.Locale.ROOT)
                  + " list names unknown field '"
                  + field
                  + "'");
        }
      }
      Set<String> masked = new HashSet<>();
      for (ColumnMask mask : grant.masks()) {
        if (entity.attribute(mask.field()).isEmpty()) {
          violations.add(where + ": a mask names unknown field '" + mask.field() + "'");
        } else if (!grant.columns().shows(mask.field())) {
          violations.add(
              where + ": field '" + mask.field() + "' is masked but hidden by the column rule");
        } else if (!masked.add(mask.field())) {
          violations.add(where + ": field '" + mask.field() + "' is masked twice");
        }
      }
      if (grant.rowFilter() != null) {
        rowFilter(entity, grant.rowFilter(), where, violations);
      }
    }
    return violations;
  }

  private static void rowFilter(Entity entity, String text, String where, List<String> violations) {
    ClaimFilter filter;
    try {
      filter = ClaimFilter.parse(text);
    } catch (DaasException e) {
      violations.add(where + ": row filter: " + e.getMessage());
      return;
    }
    predicates(entity, filter, filter.expr, where, violations);
  }

  /** Checks each predicate alone, so one bad predicate does not hide the others. */
  private static void predicates(
      Entity entity, ClaimFilter filter, FilterExpr node, String where, List<String> violations) {
    if (node instanceof FilterExpr.And and) {
      and.operands().forEach(o -> predicates(entity, filter, o, where, violations));
    } else if (node instanceof FilterExpr.Or or) {
      or.operands().forEach(o -> predicates(entity, filter, o, where, violations));
    } else if (node instanceof FilterExpr.Not not) {
      predicates(entity, filter, not.operand(), where, violations);
    } else {
      predicate(entity, filter, node, where, violations);
    }
  }

  private static void predicate(
      Entity entity, ClaimFilter filter, FilterExpr node, String where, List<String> violations) {
    List<FilterExpr.Literal> claims = new ArrayList<>();
    FilterExpr constant = node;
    if (node instanceof FilterExpr.Comparison comparison
        && filter.claimOf(comparison.value()).isPresent()) {
      claims.add(comparison.value());
      constant = new FilterExpr.IsNull(comparison.field(), false);
    } else if (node instanceof FilterExpr.InList in) {
      List<FilterExpr.Literal> constants = new ArrayList<>();
      for (FilterExpr.Literal value : in.values()) {
        (filter.claimOf(value).isPresent() ? claims : constants).add(value);
      }
      constant =
          constants.isEmpty()
              ? new FilterExpr.IsNull(in.field(), false)
              : new FilterExpr.InList(in.field(), constants, in.negated());
    } else if (node instanceof FilterExpr.Like like && filter.claimOf(like.pattern()).isPresent()) {
      violations.add(
          where
              + ": row filter at position "
              + like.pattern().position()
              + ": a claim cannot be a LIKE pattern; compare it with = or IN");
      return;
    }
    try {
      Conditions.resolve(entity, constant);
    } catch (DaasException e) {
      violations.add(where + ": row filter: " + e.getMessage());
      return;
    }
    if (!claims.isEmpty()) {
      String field =
          node instanceof FilterExpr.Comparison comparison
              ? comparison.field().name()
              : ((FilterExpr.InList) node).field().name();
      Attribute attribute = entity.requireAttribute(field);
      if (!attribute.type().isOrderable()) {
        violations.add(
            where
                + ": row filter compares field '"
                + field
                + "' of type "
                + attribute.type()
                + " with a claim; only IS NULL and IS NOT NULL apply to it");
      }
    }
  }
}
