package dev.daas.gateway.respond;

import java.util.List;
import java.util.Map;

/**
 * One page of a list response: {@code {"data":[...],"page":{"limit":50,"next":"..."}}}. Values are
 * Java objects of the types in {@code TypedValues}; the server serialises them.
 *
 * @param data the rows, each projected to the requested fields and embeds, in response order
 * @param limit the page size that applied
 * @param next the cursor of the next page, or null on the last page
 */
public record Page(List<Map<String, Object>> data, int limit, String next) {
  public Page {
    data = List.copyOf(data);
  }
}
