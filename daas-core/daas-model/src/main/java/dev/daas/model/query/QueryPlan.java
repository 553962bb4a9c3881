package dev.daas.model.query;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import java.time.Duration;
import java.util.List;

/**
 * What to read from one entity, fully resolved against the model: the output of the plan stage and
 * the only input of the execute stage.
 *
 * @param entity the entity to read
 * @param columns every attribute to fetch: the selected ones plus those the pipeline needs itself
 *     (sort keys for the cursor, join attributes for embeds)
 * @param output API names of the attributes the caller asked for, in response order
 * @param where row condition, or null for all rows
 * @param orderBy ordering; made total by the planner when the entity has a key
 * @param limit maximum rows to return (the planner asks for one more than a page to detect the next
 *     page); 0 means no limit (embedded children, bounded by their parents)
 * @param embeds related entities to attach to each row
 * @param timeout statement timeout
 */
public record QueryPlan(
    Entity entity,
    List<Attribute> columns,
    List<String> output,
    Condition where,
    List<SortKey> orderBy,
    int limit,
    List<EmbedPlan> embeds,
    Duration timeout) {
  public QueryPlan {
    requireNonNull(entity, "entity is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    output = List.copyOf(requireNonNull(output, "output is null"));
    orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
    embeds = embeds == null ? List.of() : List.copyOf(embeds);
    requireNonNull(timeout, "timeout is null");
    if (limit < 0) {
      throw new IllegalArgumentException("limit is negative: " + limit);
    }
  }
}
