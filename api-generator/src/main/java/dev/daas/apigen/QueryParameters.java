package dev.daas.apigen;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** The query parameters of the data API, described for one entity. */
final class QueryParameters {
  static final String LIMIT = "limit";
  static final String CURSOR = "cursor";

  static final String FILTER_GRAMMAR =
      "A boolean expression over the entity's fields, SQL-like, keywords case-insensitive:\n\n"
          + "```\n"
          + "expr      := expr OR expr | expr AND expr | NOT expr | '(' expr ')' | predicate\n"
          + "predicate := field op literal | field [NOT] IN '(' literal (',' literal)* ')'\n"
          + "           | field [NOT] LIKE string | field IS [NOT] NULL\n"
          + "op        := = | != | <> | < | <= | > | >=\n"
          + "literal   := 'single-quoted string' ('' escapes a quote) | number | true | false\n"
          + "```\n\n"
          + "NOT binds tighter than AND, AND tighter than OR. Dates, times, timestamps, uuids and"
          + " enum labels are written as strings (`created >= '2024-01-01T00:00:00'`). Errors: 400"
          + " malformed-filter (with the 0-based position), unknown-field, type-mismatch,"
          + " not-filterable.";

  private QueryParameters() {}

  static Parameter limit(ApiDocumentOptions options) {
    return new QueryParameter()
        .name(LIMIT)
        .description(
            "Rows per page, 1 to "
                + options.maxLimit()
                + ", default "
                + options.defaultLimit()
                + ". Not a positive integer: 400 invalid-limit; above the maximum: 400"
                + " limit-too-large.")
        .required(false)
        .schema(
            new IntegerSchema()
                .format("int32")
                .minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(options.maxLimit()))
                ._default(options.defaultLimit()));
  }

  static Parameter cursor() {
    return new QueryParameter()
        .name(CURSOR)
        .description(
            "The opaque page.next of the previous page, sent with the same filter and sort"
                + " (keyset pagination, stable under inserts). Undecodable, tampered or made for"
                + " another sort: 400 bad-cursor.")
        .required(false)
        .schema(new StringSchema());
  }

  /**
   * Comparisons, IN and LIKE need a type with an order (binary, json and other fields have none),
   * so only those fields are listed; IS NULL is the one predicate every field admits.
   */
  static Parameter filter(Entity entity) {
    List<String> comparable = orderable(entity);
    List<String> strings =
        entity.attributes().stream()
            .filter(a -> a.type() == DataType.STRING)
            .map(Attribute::name)
            .toList();
    return new QueryParameter()
        .name("filter")
        .description(
            FILTER_GRAMMAR
                + "\n\n`IS NULL` and `IS NOT NULL` work on every field. Fields of "
                + entity.name()
                + " that can be compared (`=`, `!=`, `<`, `<=`, `>`, `>=`, `IN`): "
                + listOrNone(comparable)
                + "; `LIKE` applies to its string fields: "
                + listOrNone(strings)
                + ". Other fields (binary, json and types without portable equivalent) admit"
                + " only the null tests; anything else on them: 400 not-filterable.")
        .required(false)
        .schema(new StringSchema())
        .example(
            entity.attributes().isEmpty()
                ? null
                : entity.attributes().get(0).name() + " IS NOT NULL");
  }

  private static List<String> orderable(Entity entity) {
    return entity.attributes().stream()
        .filter(a -> a.type().isOrderable())
        .map(Attribute::name)
        .toList();
  }

  static Parameter sort(Entity entity) {
    List<String> fields = orderable(entity);
    String keyNote =
        entity
            .identifyingKey()
            .map(
                key ->
                    " The key ("
                        + String.join(", ", key.attributes())
                        + ") is appended so the order is total.")
            .orElse(
                fields.isEmpty()
                    ? " No field of this entity can be sorted, so a listing has a single page"
                        + " (at most limit rows) and page.next is always null."
                    : " Without a usable key, the remaining sortable fields are appended; rows"
                        + " equal in all of them may be skipped or repeated between pages.");
    return new QueryParameter()
        .name("sort")
        .description(
            "Comma-separated fields; `field` sorts ascending, `-field` descending. Nulls sort"
                + " as greater than every value (last ascending, first descending)."
                + keyNote
                + " Allowed values: "
                + (fields.isEmpty()
                    ? "none"
                    : fields.stream()
                        .map(f -> "`" + f + "`, `-" + f + "`")
                        .collect(Collectors.joining(", ")))
                + ". Otherwise: 400 malformed-sort or unknown-field.")
        .required(false)
        .schema(new StringSchema());
  }

  static Parameter fields(Entity entity, List<Embed> embeds) {
    List<String> names = entity.attributes().stream().map(Attribute::name).toList();
    String embedNote =
        embeds.isEmpty()
            ? ""
            : " Fields of an embedded entity are written `embed.field` (e.g. `"
                + embeds.get(0).name()
                + ".<field>`).";
    return new QueryParameter()
        .name("fields")
        .description(
            "Comma-separated attribute names to return; default: all attributes. Attributes left"
                + " out are absent from the rows even where the schema lists them as required."
                + embedNote
                + " Attributes of "
                + entity.name()
                + ": "
                + listOrNone(names)
                + ".")
        .required(false)
        .schema(new StringSchema());
  }

  static Parameter embed(List<Embed> embeds, ApiDocumentOptions options) {
    String listed =
        embeds.isEmpty()
            ? "none"
            : embeds.stream()
                .map(
                    e ->
                        "`"
                            + e.name()
                            + "` ("
                            + (e.toMany()
                                ? "list of " + e.target() + " rows"
                                : "one " + e.target() + " row or null")
                            + ")")
                .collect(Collectors.joining(", "));
    return new QueryParameter()
        .name("embed")
        .description(
            "Comma-separated relationship paths to embed related rows, nested with dots (`a.b`;"
                + " the parent path is implied), at most "
                + options.maxEmbedDepth()
                + " levels deep (deeper: 400 embed-too-deep; unknown: 400 unknown-embed)."
                + " Embeddable here: "
                + listed
                + ".")
        .required(false)
        .schema(new StringSchema());
  }

  private static String listOrNone(List<String> names) {
    return names.isEmpty()
        ? "none"
        : names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
  }
}
