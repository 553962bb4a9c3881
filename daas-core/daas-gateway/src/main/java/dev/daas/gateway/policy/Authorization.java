package dev.daas.gateway.policy;

import static java.util.Objects.requireNonNull;

import dev.daas.gateway.plan.PlanLimits;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The effective policy of one caller on one source, built by {@link Policies#effective}: for each
 * entity and operation, an {@link EntityAccess}, and the caller's request limits. An entity or
 * operation without access is denied. The plan stage consults it once per request; the respond
 * stage and change-stream delivery shape rows with {@link #visibleRow}.
 */
public final class Authorization {
  private final String source;
  private final Map<String, Map<Operation, EntityAccess>> access;
  private final RoleLimits limits;
  private final boolean unrestricted;

  Authorization(
      String source, Map<String, Map<Operation, EntityAccess>> access, RoleLimits limits) {
    this(source, access, limits, false);
  }

  private Authorization(
      String source,
      Map<String, Map<Operation, EntityAccess>> access,
      RoleLimits limits,
      boolean unrestricted) {
    this.unrestricted = unrestricted;
    this.source = requireNonNull(source, "source is null");
    Map<String, Map<Operation, EntityAccess>> copy = new LinkedHashMap<>();
    access.forEach((entity, byOperation) -> copy.put(entity, Map.copyOf(byOperation)));
    this.access = Map.copyOf(copy);
    this.limits = requireNonNull(limits, "limits is null");
  }

  /**
   * Everything allowed on every entity: for callers outside access control (an admin, or a
   * deployment that does not enable it). The plan it gives equals the plan without authorization.
   */
  public static Authorization unrestricted(DataModel model) {
    Map<String, Map<Operation, EntityAccess>> access = new LinkedHashMap<>();
    for (Entity entity : model.entities()) {
      EntityAccess full = EntityAccess.unrestricted(entity);
      Map<Operation, EntityAccess> byOperation = new EnumMap<>(Operation.class);
      for (Operation operation : Operation.values()) {
        byOperation.put(operation, full);
      }
      access.put(entity.name(), byOperation);
    }
    return new Authorization(model.source(), access, RoleLimits.NONE, true);
  }

  /** Whether this is {@link #unrestricted}: everything allowed, nothing masked. */
  public boolean isUnrestricted() {
    return unrestricted;
  }

  public String source() {
    return source;
  }

  public boolean allows(String entity, Operation operation) {
    return access(entity, operation).isPresent();
  }

  public Optional<EntityAccess> access(String entity, Operation operation) {
    return Optional.ofNullable(access.getOrDefault(entity, Map.of()).get(operation));
  }

  /** The access, or {@code FORBIDDEN} naming the entity and operation (never the roles). */
  public EntityAccess require(String entity, Operation operation) {
    return access(entity, operation)
        .orElseThrow(
            () ->
                new DaasException(
                    ErrorCode.FORBIDDEN,
                    "the caller may not "
                        + operation.name().toLowerCase(Locale.ROOT)
                        + " entity '"
                        + entity
                        + "' of source '"
                        + source
                        + "': no policy of the caller's roles allows it",
                    Map.of(
                        "entity", entity, "operation", operation.name().toLowerCase(Locale.ROOT))));
  }

  /** The caller's role limits applied to the gateway's: each bound is the smaller of the two. */
  public PlanLimits narrow(PlanLimits base) {
    int maxLimit =
        limits.maxLimit() == null ? base.maxLimit() : Math.min(base.maxLimit(), limits.maxLimit());
    int depth =
        limits.maxEmbedDepth() == null
            ? base.maxEmbedDepth()
            : Math.min(base.maxEmbedDepth(), limits.maxEmbedDepth());
    var timeout =
        limits.queryTimeout() == null
                || limits.queryTimeout().compareTo(base.statementTimeout()) > 0
            ? base.statementTimeout()
            : limits.queryTimeout();
    return new PlanLimits(
        Math.min(base.defaultLimit(), maxLimit), maxLimit, depth, base.maxEmbeddedRows(), timeout);
  }

  /**
   * A change event's row as a subscriber may see it: empty when the caller may not subscribe to the
   * entity or no row filter of its roles holds for the row; else the row with hidden fields and
   * keys that are not fields removed and masked fields masked.
   *
   * @param row the row by field API name, values of the types of {@code TypedValues}
   */
  public Optional<Map<String, Object>> visibleRow(String entity, Map<String, Object> row) {
    return visibleRow(entity, Operation.SUBSCRIBE, row);
  }

  /** As {@link #visibleRow(String, Map)} for any operation. */
  public Optional<Map<String, Object>> visibleRow(
      String entity, Operation operation, Map<String, Object> row) {
    requireNonNull(row, "row is null");
    return access(entity, operation).flatMap(a -> a.shape(row, false));
  }
}
