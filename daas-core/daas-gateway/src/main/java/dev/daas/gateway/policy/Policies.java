package dev.daas.gateway.policy;

import dev.daas.gateway.parse.FilterExpr;
import dev.daas.gateway.plan.Conditions;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.query.Condition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Combines the policies of a caller's roles into its {@link Authorization} on one source. Only
 * policies of the caller's roles for that source count; what none of them grants is denied. A grant
 * whose row filter cannot be bound (a claim absent, null, of the wrong kind or not fitting the
 * field; a filter that no longer fits the model) is dropped for this caller: it denies, it never
 * matches rows by accident. Grants naming entities the model no longer has are ignored.
 */
public final class Policies {
  private Policies() {}

  /**
   * The caller's effective access on the model's source.
   *
   * @param maskKey the key {@link MaskKind#HASH} masks are keyed with
   */
  public static Authorization effective(
      List<RolePolicy> policies, Caller caller, DataModel model, MaskKey maskKey) {
    Map<String, Map<Operation, List<EntityAccess.Grant>>> grants = new LinkedHashMap<>();
    List<RoleLimits> limits = new ArrayList<>();
    for (RolePolicy policy : policies) {
      if (!caller.roles().contains(policy.role()) || !policy.source().equals(model.source())) {
        continue;
      }
      limits.add(policy.limits());
      for (EntityGrant grant : policy.grants()) {
        Optional<Entity> entity = model.entity(grant.entity());
        if (entity.isEmpty() || grant.operations().isEmpty()) {
          continue;
        }
        Optional<EntityAccess.Grant> resolved = resolve(entity.get(), grant, caller);
        if (resolved.isEmpty()) {
          continue;
        }
        for (Operation operation : grant.operations()) {
          grants
              .computeIfAbsent(grant.entity(), e -> new EnumMap<>(Operation.class))
              .computeIfAbsent(operation, o -> new ArrayList<>())
              .add(resolved.get());
        }
      }
    }
    Map<String, Map<Operation, EntityAccess>> access = new LinkedHashMap<>();
    boolean fold = foldsStrings(model.databaseProduct());
    grants.forEach(
        (name, byOperation) -> {
          Entity entity = model.entity(name).orElseThrow();
          Map<Operation, EntityAccess> accesses = new EnumMap<>(Operation.class);
          byOperation.forEach(
              (op, list) -> accesses.put(op, new EntityAccess(entity, list, maskKey, fold)));
          access.put(name, accesses);
        });
    return new Authorization(model.source(), access, union(limits));
  }

  private static Optional<EntityAccess.Grant> resolve(
      Entity entity, EntityGrant grant, Caller caller) {
    Condition condition = null;
    if (grant.rowFilter() != null) {
      try {
        Optional<FilterExpr> bound =
            ClaimFilter.parse(grant.rowFilter()).bind(entity, caller.claims());
        if (bound.isEmpty()) {
          return Optional.empty();
        }
        condition = Conditions.resolve(entity, bound.get());
      } catch (DaasException e) {
        return Optional.empty();
      }
    }
    Set<String> visible = new LinkedHashSet<>();
    for (Attribute attribute : entity.attributes()) {
      if (grant.columns().shows(attribute.name())) {
        visible.add(attribute.name());
      }
    }
    Map<String, ColumnMask> masks = new LinkedHashMap<>();
    for (ColumnMask mask : grant.masks()) {
      if (visible.contains(mask.field())) {
        masks.put(mask.field(), mask);
      }
    }
    return Optional.of(new EntityAccess.Grant(condition, visible, masks));
  }

  /**
   * Whether the database's default collations ignore case and accents (MariaDB, MySQL): in-memory
   * row filters then also compare strings folded ({@code RowMatcher}).
   */
  static boolean foldsStrings(String databaseProduct) {
    String product = databaseProduct == null ? "" : databaseProduct.toLowerCase(Locale.ROOT);
    return product.contains("mariadb") || product.contains("mysql");
  }

  /** The most generous bound of the roles for each part; a role without a bound has none. */
  private static RoleLimits union(List<RoleLimits> limits) {
    if (limits.isEmpty()) {
      return RoleLimits.NONE;
    }
    return new RoleLimits(
        max(limits, RoleLimits::maxLimit),
        max(limits, RoleLimits::maxEmbedDepth),
        max(limits, RoleLimits::queryTimeout));
  }

  private static <T extends Comparable<T>> T max(
      List<RoleLimits> limits, Function<RoleLimits, T> part) {
    T best = null;
    for (RoleLimits limit : limits) {
      T value = part.apply(limit);
      if (value == null) {
        return null;
      }
      best = best == null || value.compareTo(best) > 0 ? value : best;
    }
    return best;
  }
}
