package dev.daas.gateway.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one role may do on one source. Entities the policy does not name are denied (default deny).
 *
 * @param role the role name
 * @param source the source name
 * @param grants one grant per entity
 * @param limits bounds on this role's requests
 */
public record RolePolicy(String role, String source, List<EntityGrant> grants, RoleLimits limits) {
  public RolePolicy {
    requireNonNull(role, "role is null");
    requireNonNull(source, "source is null");
    grants = List.copyOf(requireNonNull(grants, "grants is null"));
    limits = limits == null ? RoleLimits.NONE : limits;
  }
}
