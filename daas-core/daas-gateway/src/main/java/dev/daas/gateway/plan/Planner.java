package dev.daas.gateway.plan;

import static java.util.Objects.requireNonNull;

import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.parse.SortTerm;
import dev.daas.gateway.policy.Authorization;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Relationship;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import dev.daas.model.query.EmbedPlan;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.SortKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan stage: resolves a {@link DataRequest} against a model snapshot into the {@link
 * QueryPlan} a connector executes. Lists read {@code limit + 1} rows in a total order (the sort,
 * then the identifying key; for keyless entities every orderable attribute) so the responder can
 * tell whether a next page exists and build its cursor; a keyless entity without orderable
 * attributes gets no order and is read one page deep. Embedded children are ordered by their
 * identifying key, and each child plan's {@code limit} is {@link PlanLimits#maxEmbeddedRows()}: the
 * most rows that embed may read for all parents of the level together (a page of 1000 parents with
 * many children each is not bounded by the parents), beyond which the connector answers {@code
 * EMBED_TOO_LARGE}.
 */
public final class Planner {

  /** Plans without access control: every entity, field and row. */
  public QueryPlan plan(DataModel model, DataRequest request, PlanLimits limits) {
    return plan(model, request, limits, Guard.NONE);
  }

  /**
   * Plans within the caller's {@link Authorization} for the model's source: the entity and every
   * embedded entity must be readable; filters, sorts, keys, cursors and joins may use only fields
   * every grant shows unmasked; selected fields must be shown by some grant (without a selection,
   * hidden fields are left out); the row condition is ANDed into the plan's and each embed's
   * condition; the cursor is bound to the access; the role limits narrow {@code limits}. Fails with
   * {@code FORBIDDEN}, naming fields and entities but never values.
   */
  public QueryPlan plan(
      DataModel model, DataRequest request, PlanLimits limits, Authorization authorization) {
    requireNonNull(authorization, "authorization is null");
    requireNonNull(model, "model is null");
    if (!authorization.source().equals(model.source())) {
      throw new IllegalArgumentException(
          "authorization is for source " + authorization.source() + ", model of " + model.source());
    }
    requireNonNull(limits, "limits is null");
    return plan(model, request, authorization.narrow(limits), new Guard(authorization));
  }

  private QueryPlan plan(DataModel model, DataRequest request, PlanLimits limits, Guard guard) {
    requireNonNull(model, "model is null");
    requireNonNull(request, "request is null");
    requireNonNull(limits, "limits is null");
    Entity entity =
        model
            .entity(request.entity())
            .orElseThrow(
                () ->
                    new DaasException(
                        ErrorCode.UNKNOWN_ENTITY,
                        "source '"
                            + model.source()
                            + "' has no entity '"
                            + PlanErrors.shorten(request.entity())
                            + "'",
                        Map.of("entity", PlanErrors.shorten(request.entity()))));
    guard.access(entity);
    Selection selection = Selection.of(request.fields(), request.embeds(), limits.maxEmbedDepth());
    if (request.byKey()) {
      Condition where = guard.rows(entity, KeyCondition.of(entity, request.key(), guard));
      return build(model, entity, selection, List.of(), where, List.of(), 1, limits, guard);
    }
    int limit = request.limit() == null ? limits.defaultLimit() : request.limit();
    if (limit > limits.maxLimit()) {
      throw new DaasException(
          ErrorCode.LIMIT_TOO_LARGE,
          "limit " + limit + " is larger than the maximum " + limits.maxLimit(),
          Map.of("limit", limit, "maxLimit", limits.maxLimit()));
    }
    List<SortKey> orderBy = orderBy(entity, request.sort(), guard);
    List<Condition> where = new ArrayList<>();
    if (request.filter() != null) {
      guard.checkFilter(entity, request.filter());
      where.add(FilterPlanner.plan(entity, request.filter()));
    }
    if (request.cursor() != null) {
      where.add(CursorSeek.seek(entity, request, orderBy, guard));
    }
    return build(
        model,
        entity,
        selection,
        List.of(),
        guard.rows(entity, Condition.and(where)),
        orderBy,
        limit + 1,
        limits,
        guard);
  }

  /** The request's sort made total by the identifying key, or by every orderable attribute. */
  static List<SortKey> orderBy(Entity entity, List<SortTerm> terms) {
    return orderBy(entity, terms, Guard.NONE);
  }

  private static List<SortKey> orderBy(Entity entity, List<SortTerm> terms, Guard guard) {
    List<SortKey> orderBy = new ArrayList<>();
    for (SortTerm term : terms) {
      Attribute attribute = guard.conditionable(entity, term.field(), "sort", null);
      if (!attribute.type().isOrderable()) {
        throw PlanErrors.notOrderable(entity, attribute, "sort by");
      }
      orderBy.add(new SortKey(attribute, term.descending()));
    }
    for (Attribute attribute : totalOrder(entity)) {
      if (orderBy.stream().noneMatch(k -> k.attribute().name().equals(attribute.name()))) {
        orderBy.add(new SortKey(attribute, false));
      }
    }
    return orderBy;
  }

  private static List<Attribute> totalOrder(Entity entity) {
    return entity
        .identifyingKey()
        .map(key -> key.attributes().stream().map(entity::requireAttribute).toList())
        .orElseGet(() -> entity.attributes().stream().filter(a -> a.type().isOrderable()).toList());
  }

  private static QueryPlan build(
      DataModel model,
      Entity entity,
      Selection selection,
      List<Attribute> joinAttributes,
      Condition where,
      List<SortKey> orderBy,
      int limit,
      PlanLimits limits,
      Guard guard) {
    List<Attribute> output = new ArrayList<>();
    for (String name : selection.fields) {
      if (selection.embeds.containsKey(name)) {
        continue; // naming an embedded relationship among the fields is harmless
      }
      Attribute attribute = guard.selectable(entity, name);
      if (!output.contains(attribute)) {
        output.add(attribute);
      }
    }
    if (output.isEmpty()) {
      output.addAll(guard.defaultOutput(entity));
    }
    List<EmbedPlan> embeds = new ArrayList<>();
    Set<Attribute> needed = new LinkedHashSet<>(output);
    needed.addAll(joinAttributes);
    orderBy.forEach(k -> needed.add(k.attribute()));
    needed.addAll(guard.shapingAttributes(entity));
    for (Map.Entry<String, Selection> embed : selection.embeds.entrySet()) {
      EmbedPlan plan = embed(model, entity, embed.getKey(), embed.getValue(), limits, guard);
      needed.addAll(plan.parentAttributes());
      embeds.add(plan);
    }
    List<Attribute> columns = entity.attributes().stream().filter(needed::contains).toList();
    return new QueryPlan(
        entity,
        columns,
        output.stream().map(Attribute::name).toList(),
        where,
        orderBy,
        limit,
        embeds,
        limits.statementTimeout());
  }

  private static EmbedPlan embed(
      DataModel model,
      Entity parent,
      String name,
      Selection selection,
      PlanLimits limits,
      Guard guard) {
    for (Relationship relationship : model.relationships()) {
      boolean toOne =
          relationship.fromEntity().equals(parent.name()) && relationship.name().equals(name);
      boolean toMany =
          relationship.toEntity().equals(parent.name()) && relationship.inverseName().equals(name);
      if (!toOne && !toMany) {
        continue;
      }
      Entity child =
          model
              .entity(toOne ? relationship.toEntity() : relationship.fromEntity())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "relationship " + relationship.name() + " names a missing entity"));
      guard.access(child);
      // a join on a hidden field would reveal its values through the rows it pairs
      List<Attribute> parentAttributes =
          (toOne ? relationship.fromAttributes() : relationship.toAttributes())
              .stream().map(a -> guard.conditionable(parent, a, "embed", null)).toList();
      List<Attribute> childAttributes =
          (toOne ? relationship.toAttributes() : relationship.fromAttributes())
              .stream().map(a -> guard.conditionable(child, a, "embed", null)).toList();
      List<SortKey> childOrder =
          child
              .identifyingKey()
              .map(
                  k ->
                      k.attributes().stream()
                          .map(a -> new SortKey(child.requireAttribute(a), false))
                          .toList())
              .orElse(List.of());
      QueryPlan childPlan =
          build(
              model,
              child,
              selection,
              childAttributes,
              guard.rows(child, null),
              childOrder,
              limits.maxEmbeddedRows(),
              limits,
              guard);
      return new EmbedPlan(name, toMany, parentAttributes, childAttributes, childPlan);
    }
    List<String> available = new ArrayList<>();
    for (Relationship relationship : model.relationships()) {
      if (relationship.fromEntity().equals(parent.name())) {
        available.add(relationship.name());
      }
      if (relationship.toEntity().equals(parent.name())) {
        available.add(relationship.inverseName());
      }
    }
    throw new DaasException(
        ErrorCode.UNKNOWN_EMBED,
        "entity '"
            + parent.name()
            + "' has no relationship '"
            + PlanErrors.shorten(name)
            + "'; "
            + (available.isEmpty()
                ? "it has no relationships"
                : "embeddable: " + String.join(", ", PlanErrors.closest(name, available))),
        Map.of("embed", PlanErrors.shorten(name), "entity", parent.name()));
  }
}
