package dev.daas.server.security;

import dev.daas.gateway.policy.ColumnMask;
import dev.daas.gateway.policy.ColumnRule;
import dev.daas.gateway.policy.EntityGrant;
import dev.daas.gateway.policy.MaskKind;
import dev.daas.gateway.policy.Operation;
import dev.daas.gateway.policy.RoleLimits;
import dev.daas.gateway.policy.RolePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON of a role's policy on a source (docs/security.md). Names of operations, column modes and
 * mask kinds are case-insensitive.
 */
public record PolicyBody(List<Grant> grants, Limits limits) {
  /** One entity's grant. */
  public record Grant(
      String entity,
      List<String> operations,
      Columns columns,
      List<Mask> masks,
      String rowFilter) {}

  /** {@code mode}: all, allow or deny. */
  public record Columns(String mode, List<String> fields) {}

  /** {@code kind}: null, hash or partial (with keepLast). */
  public record Mask(String field, String kind, Integer keepLast) {}

  /** Per-role bounds; {@code queryTimeout} as ISO-8601 (PT5S). */
  public record Limits(Integer maxLimit, Integer maxEmbedDepth, Duration queryTimeout) {}

  /** The policy, with each problem of the body's shape added to {@code violations}. */
  RolePolicy toPolicy(String role, String source, List<String> violations) {
    List<EntityGrant> converted = new ArrayList<>();
    for (Grant grant : grants == null ? List.<Grant>of() : grants) {
      if (grant == null || grant.entity() == null) {
        violations.add("a grant has no entity");
        continue;
      }
      String where = "entity '" + grant.entity() + "'";
      try {
        Set<Operation> operations = new LinkedHashSet<>();
        for (String operation :
            grant.operations() == null ? List.<String>of() : grant.operations()) {
          operations.add(Operation.valueOf(upper(operation)));
        }
        ColumnRule columns =
            grant.columns() == null
                ? ColumnRule.ALL
                : new ColumnRule(
                    ColumnRule.Mode.valueOf(upper(grant.columns().mode())),
                    grant.columns().fields() == null ? List.of() : grant.columns().fields());
        List<ColumnMask> masks = new ArrayList<>();
        for (Mask mask : grant.masks() == null ? List.<Mask>of() : grant.masks()) {
          masks.add(
              new ColumnMask(
                  mask.field(),
                  MaskKind.valueOf(upper(mask.kind())),
                  mask.keepLast() == null ? 0 : mask.keepLast()));
        }
        converted.add(
            new EntityGrant(grant.entity(), operations, columns, masks, grant.rowFilter()));
      } catch (IllegalArgumentException | NullPointerException e) {
        violations.add(
            where
                + ": "
                + (e.getMessage() == null ? "a required member is missing" : e.getMessage())
                + " (operations: read, create, update, delete, subscribe; column modes: all,"
                + " allow, deny; masks: null, hash, partial with keepLast >= 1)");
      }
    }
    RoleLimits roleLimits = RoleLimits.NONE;
    if (limits != null) {
      try {
        roleLimits =
            new RoleLimits(limits.maxLimit(), limits.maxEmbedDepth(), limits.queryTimeout());
      } catch (IllegalArgumentException e) {
        violations.add("limits: " + e.getMessage());
      }
    }
    return new RolePolicy(role, source, converted, roleLimits);
  }

  private static String upper(String name) {
    if (name == null) {
      throw new IllegalArgumentException("a name is missing");
    }
    return name.toUpperCase(Locale.ROOT);
  }
}
