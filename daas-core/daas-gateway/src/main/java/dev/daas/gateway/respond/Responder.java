package dev.daas.gateway.respond;

import static java.util.Objects.requireNonNull;

import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.plan.Cursor;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.EntityAccess;
import dev.daas.gateway.policy.Operation;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.EmbedPlan;
import dev.daas.model.query.QueryPlan;
import dev.daas.model.query.QueryResult;
import dev.daas.model.query.SortKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The respond stage: shapes the rows of a {@link QueryResult} into what the caller asked for. Each
 * row keeps the plan's {@code output} attributes in order, followed by its embeds in the order they
 * were requested (to-one: an object or null; to-many: a list), recursively. Columns the pipeline
 * fetched for itself (sort and join attributes) are left out.
 */
public final class Responder {

  /**
   * A list response: drops the look-ahead row and builds the next cursor from the last row. A plan
   * without order (a keyless entity with no orderable attribute) gets no cursor, since there is no
   * position to seek from: such an entity can only be read one page deep, the page bounded by
   * limit.
   */
  public Page page(DataRequest request, QueryPlan plan, QueryResult result) {
    return page(request, plan, result, null);
  }

  /**
   * A list response within the caller's authorization (the one the plan was made with): each row
   * and embedded row is shaped by {@link EntityAccess#shape} (hidden fields null, masked fields
   * masked, rows no grant covers dropped) and the next cursor is bound to the caller's access. When
   * more rows exist but the order includes a field the caller may not see unmasked (a hidden key),
   * no cursor can be given without revealing it, so the request fails with {@code FORBIDDEN}
   * instead of pretending the page is the last.
   */
  public Page page(
      DataRequest request, QueryPlan plan, QueryResult result, Authorization authorization) {
    requireNonNull(request, "request is null");
    requireNonNull(plan, "plan is null");
    requireNonNull(result, "result is null");
    if (plan.limit() < 2) {
      throw new IllegalArgumentException("a list plan reads one row beyond its page");
    }
    int pageSize = plan.limit() - 1;
    List<Map<String, Object>> rows = result.rows();
    String next = null;
    if (rows.size() > pageSize) {
      rows = rows.subList(0, pageSize);
      if (!plan.orderBy().isEmpty()) {
        next = cursorAfter(request, plan, rows.get(pageSize - 1), authorization);
      }
    }
    List<Map<String, Object>> data = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      Map<String, Object> shaped = project(plan, row, authorization);
      if (shaped != null) {
        data.add(shaped);
      }
    }
    return new Page(data, pageSize, next);
  }

  /** A get-by-key response: the one row, or {@code NOT_FOUND}. */
  public Map<String, Object> single(DataRequest request, QueryPlan plan, QueryResult result) {
    return single(request, plan, result, null);
  }

  /** A get-by-key response shaped by the caller's authorization; {@code NOT_FOUND} likewise. */
  public Map<String, Object> single(
      DataRequest request, QueryPlan plan, QueryResult result, Authorization authorization) {
    requireNonNull(request, "request is null");
    requireNonNull(plan, "plan is null");
    requireNonNull(result, "result is null");
    Map<String, Object> row =
        result.rows().isEmpty() ? null : project(plan, result.rows().get(0), authorization);
    if (row == null) {
      throw new DaasException(
          ErrorCode.NOT_FOUND,
          "entity '" + plan.entity().name() + "' has no row with this key",
          Map.of("entity", plan.entity().name()));
    }
    return row;
  }

  /** Projects one row and its embedded rows to the plan's output. */
  public static Map<String, Object> project(QueryPlan plan, Map<String, Object> row) {
    return project(plan, row, null);
  }

  /**
   * Projects one row and its embedded rows, shaped by the caller's authorization (null: none); null
   * when the authorization shows the caller no part of the row.
   */
  public static Map<String, Object> project(
      QueryPlan plan, Map<String, Object> row, Authorization authorization) {
    if (authorization != null) {
      EntityAccess access = authorization.require(plan.entity().name(), Operation.READ);
      Optional<Map<String, Object>> shaped = access.shape(row, true);
      if (shaped.isEmpty()) {
        return null;
      }
      row = shaped.get();
    }
    Map<String, Object> projected = new LinkedHashMap<>();
    for (String name : plan.output()) {
      projected.put(name, row.get(name));
    }
    for (EmbedPlan embed : plan.embeds()) {
      Object value = row.get(embed.name());
      if (embed.toMany()) {
        List<Map<String, Object>> children = new ArrayList<>();
        if (value != null) {
          for (Object child : (List<?>) value) {
            Map<String, Object> shaped = project(embed.child(), asRow(child), authorization);
            if (shaped != null) {
              children.add(shaped);
            }
          }
        }
        projected.put(embed.name(), Collections.unmodifiableList(children));
      } else {
        projected.put(
            embed.name(),
            value == null ? null : project(embed.child(), asRow(value), authorization));
      }
    }
    return Collections.unmodifiableMap(projected);
  }

  private static String cursorAfter(
      DataRequest request, QueryPlan plan, Map<String, Object> row, Authorization authorization) {
    String accessFingerprint = "";
    if (authorization != null) {
      EntityAccess access = authorization.require(plan.entity().name(), Operation.READ);
      for (SortKey key : plan.orderBy()) {
        if (!access.clear(key.attribute().name())) {
          throw new DaasException(
              ErrorCode.FORBIDDEN,
              "entity '"
                  + plan.entity().name()
                  + "' has more rows than the page, but it is ordered by field '"
                  + key.attribute().name()
                  + "', which the caller's policy does not show unmasked, so no cursor can be"
                  + " given; raise limit or narrow the filter",
              Map.of("entity", plan.entity().name(), "field", key.attribute().name()));
        }
      }
      accessFingerprint = access.fingerprint();
    }
    List<Object> values = new ArrayList<>();
    for (SortKey key : plan.orderBy()) {
      String name = key.attribute().name();
      if (!row.containsKey(name)) {
        throw new IllegalStateException("the executor left out sort column " + name);
      }
      values.add(row.get(name));
    }
    return new Cursor(
            plan.entity().name(),
            Cursor.sortSpec(plan.orderBy()),
            Cursor.filterFingerprint(request.filter(), accessFingerprint),
            values)
        .encode();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asRow(Object value) {
    return (Map<String, Object>) value;
  }
}
