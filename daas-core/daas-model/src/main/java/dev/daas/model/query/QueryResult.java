package dev.daas.model.query;

import java.util.List;
import java.util.Map;

/**
 * Rows read by the execute stage. Each row maps attribute API names (every column of the plan) to
 * values of the Java types listed in {@link TypedValues}, and embed names to a {@code List} of
 * child rows (to-many) or a child row or null (to-one).
 */
public record QueryResult(List<Map<String, Object>> rows) {
  public QueryResult {
    rows = List.copyOf(rows);
  }
}
