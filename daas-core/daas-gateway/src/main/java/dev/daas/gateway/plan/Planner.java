package dev.daas.gateway.plan;

import static java.util.Objects.requireNonNull;

import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.parse.SortTerm;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.Key;
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

  public QueryPlan plan(DataModel model, DataRequest request, PlanLimits limits) {
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
    Selection selection = Selection.of(request.fields(), request.embeds(), limits.maxEmbedDepth());
    if (request.byKey()) {
      Condition where = keyCondition(entity, request.key());
      return build(model, entity, selection, List.of(), where, List.of(), 1, limits);
    }
    int limit = request.limit() == null ? limits.defaultLimit() : request.limit();
    if (limit > limits.maxLimit()) {
      throw new DaasException(
          ErrorCode.LIMIT_TOO_LARGE,
          "limit " + limit + " is larger than the maximum " + limits.maxLimit(),
          Map.of("limit", limit, "maxLimit", limits.maxLimit()));
    }
    List<SortKey> orderBy = orderBy(entity, request.sort());
    List<Condition> where = new ArrayList<>();
    if (request.filter() != null) {
      where.add(FilterPlanner.plan(entity, request.filter()));
    }
    if (request.cursor() != null) {
      where.add(CursorSeek.seek(entity, request, orderBy));
    }
    return build(
        model, entity, selection, List.of(), Condition.and(where), orderBy, limit + 1, limits);
  }

  /** The request's sort made total by the identifying key, or by every orderable attribute. */
  static List<SortKey> orderBy(Entity entity, List<SortTerm> terms) {
    List<SortKey> orderBy = new ArrayList<>();
    for (SortTerm term : terms) {
      Attribute attribute = PlanErrors.attribute(entity, term.field(), "sort", null);
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

  /**
   * Clients that percent-encode a whole path parameter send {@code 10%2C2} for the composite key
   * {@code 10,2}. When the parts do not match the key and the one part splits into exactly the
   * key's parts, read it that way: no request with the right number of parts is reinterpreted.
   */
  private static List<String> unjoinedKey(List<String> values, int parts) {
    if (parts > 1 && values.size() == 1) {
      List<String> split = List.of(values.get(0).split(",", -1));
      if (split.size() == parts) {
        return split;
      }
    }
    return values;
  }

  private static Condition keyCondition(Entity entity, List<String> values) {
    Key key =
        entity
            .identifyingKey()
            .orElseThrow(
                () ->
                    new DaasException(
                        ErrorCode.NO_KEY,
                        "entity '"
                            + entity.name()
                            + (entity.primaryKey() == null
                                ? "' has no primary or identifying unique key"
                                : "' has no key that can address a row: its primary key has a"
                                    + " binary, json or other field")
                            + "; list it instead",
                        Map.of("entity", entity.name())));
    values = unjoinedKey(values, key.attributes().size());
    if (values.size() != key.attributes().size()) {
      throw new DaasException(
          ErrorCode.BAD_KEY,
          "the key of '"
              + entity.name()
              + "' has "
              + key.attributes().size()
              + " part(s) ("
              + String.join(", ", key.attributes())
              + ") but "
              + values.size()
              + " were given; separate parts with ',' and write a comma in a value as %2C",
          Map.of("entity", entity.name(), "key", key.attributes()));
    }
    List<Condition> equalities = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Attribute attribute = entity.requireAttribute(key.attributes().get(i));
      Object value;
      try {
        value = ValueConverter.fromText(attribute, values.get(i));
      } catch (IllegalArgumentException e) {
        throw new DaasException(
            ErrorCode.BAD_KEY,
            "key part "
                + (i + 1)
                + " ("
                + attribute.name()
                + ") does not fit its type "
                + attribute.type()
                + ": expected "
                + e.getMessage(),
            Map.of("entity", entity.name(), "field", attribute.name(), "part", i + 1));
      }
      equalities.add(new Condition.Compare(attribute, Condition.Operator.EQ, value));
    }
    return Condition.and(equalities);
  }

  private static QueryPlan build(
      DataModel model,
      Entity entity,
      Selection selection,
      List<Attribute> joinAttributes,
      Condition where,
      List<SortKey> orderBy,
      int limit,
      PlanLimits limits) {
    List<Attribute> output = new ArrayList<>();
    for (String name : selection.fields) {
      if (selection.embeds.containsKey(name)) {
        continue; // naming an embedded relationship among the fields is harmless
      }
      Attribute attribute = PlanErrors.attribute(entity, name, "fields", null);
      if (!output.contains(attribute)) {
        output.add(attribute);
      }
    }
    if (output.isEmpty()) {
      output.addAll(entity.attributes());
    }
    List<EmbedPlan> embeds = new ArrayList<>();
    Set<Attribute> needed = new LinkedHashSet<>(output);
    needed.addAll(joinAttributes);
    orderBy.forEach(k -> needed.add(k.attribute()));
    for (Map.Entry<String, Selection> embed : selection.embeds.entrySet()) {
      EmbedPlan plan = embed(model, entity, embed.getKey(), embed.getValue(), limits);
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
      DataModel model, Entity parent, String name, Selection selection, PlanLimits limits) {
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
      List<Attribute> parentAttributes =
          (toOne ? relationship.fromAttributes() : relationship.toAttributes())
              .stream().map(parent::requireAttribute).toList();
      List<Attribute> childAttributes =
          (toOne ? relationship.toAttributes() : relationship.fromAttributes())
              .stream().map(child::requireAttribute).toList();
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
              null,
              childOrder,
              limits.maxEmbeddedRows(),
              limits);
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
