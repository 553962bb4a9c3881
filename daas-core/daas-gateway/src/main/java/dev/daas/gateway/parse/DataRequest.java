package dev.daas.gateway.parse;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A syntactically valid data API request, not yet checked against a model: the output of the parse
 * stage.
 *
 * @param entity the entity API name from the path
 * @param filter the filter expression, or null
 * @param sort sort terms as written, possibly empty
 * @param limit the requested page size, or null for the default
 * @param cursor the opaque cursor of a previous page, or null
 * @param fields field paths as written ({@code name}, {@code orders.total}); empty means all
 * @param embeds relationship paths as written ({@code orders}, {@code orders.lines})
 * @param key decoded key values in key order for a get-by-key request; null for a list request
 */
public record DataRequest(
    String entity,
    FilterExpr filter,
    List<SortTerm> sort,
    Integer limit,
    String cursor,
    List<String> fields,
    List<String> embeds,
    List<String> key) {
  public DataRequest {
    requireNonNull(entity, "entity is null");
    sort = sort == null ? List.of() : List.copyOf(sort);
    fields = fields == null ? List.of() : List.copyOf(fields);
    embeds = embeds == null ? List.of() : List.copyOf(embeds);
    key = key == null ? null : List.copyOf(key);
  }

  /** A list request with no parameters. */
  public static DataRequest list(String entity) {
    return new DataRequest(entity, null, List.of(), null, null, List.of(), List.of(), null);
  }

  /** Whether this reads one row by its key rather than a page of rows. */
  public boolean byKey() {
    return key != null;
  }
}
