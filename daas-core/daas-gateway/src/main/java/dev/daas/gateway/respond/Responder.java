package dev.daas.gateway.respond;

import static java.util.Objects.requireNonNull;

import dev.daas.gateway.parse.DataRequest;
import dev.daas.gateway.plan.Cursor;
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
        next = cursorAfter(request, plan, rows.get(pageSize - 1));
      }
    }
    List<Map<String, Object>> data = new ArrayList<>(rows.size());
    rows.forEach(row -> data.add(project(plan, row)));
    return new Page(data, pageSize, next);
  }

  /** A get-by-key response: the one row, or {@code NOT_FOUND}. */
  public Map<String, Object> single(DataRequest request, QueryPlan plan, QueryResult result) {
    requireNonNull(request, "request is null");
    requireNonNull(plan, "plan is null");
    requireNonNull(result, "result is null");
    if (result.rows().isEmpty()) {
      throw new DaasException(
          ErrorCode.NOT_FOUND,
          "entity '" + plan.entity().name() + "' has no row with this key",
          Map.of("entity", plan.entity().name()));
    }
    return project(plan, result.rows().get(0));
  }

  /** Projects one row and its embedded rows to the plan's output. */
  public static Map<String, Object> project(QueryPlan plan, Map<String, Object> row) {
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
            children.add(project(embed.child(), asRow(child)));
          }
        }
        projected.put(embed.name(), Collections.unmodifiableList(children));
      } else {
        projected.put(embed.name(), value == null ? null : project(embed.child(), asRow(value)));
      }
    }
    return Collections.unmodifiableMap(projected);
  }

  private static String cursorAfter(DataRequest request, QueryPlan plan, Map<String, Object> row) {
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
            Cursor.filterFingerprint(request.filter()),
            values)
        .encode();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asRow(Object value) {
    return (Map<String, Object>) value;
  }
}
