package dev.daas.gateway.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * What one role may do with one entity.
 *
 * @param entity the entity API name
 * @param operations the operations allowed
 * @param columns which fields are visible
 * @param masks how visible fields are disguised; a field without a mask is shown as it is
 * @param rowFilter which rows, in the data API's filter grammar where a value may also be a claim
 *     of the caller ({@code region = $claims.region}); null for every row
 */
public record EntityGrant(
    String entity,
    Set<Operation> operations,
    ColumnRule columns,
    List<ColumnMask> masks,
    String rowFilter) {
  public EntityGrant {
    requireNonNull(entity, "entity is null");
    operations = Set.copyOf(requireNonNull(operations, "operations is null"));
    columns = columns == null ? ColumnRule.ALL : columns;
    masks = masks == null ? List.of() : List.copyOf(masks);
  }

  /** Read access to every field and row. */
  public static EntityGrant readAll(String entity) {
    return new EntityGrant(entity, Set.of(Operation.READ), ColumnRule.ALL, List.of(), null);
  }
}
