package dev.daas.apigen;

import dev.daas.model.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Components every document has: the page and problem schemas and the error responses. */
final class SharedComponents {
  static final String PAGE = "Page";
  static final String PROBLEM = "Problem";
  static final String BAD_REQUEST = "BadRequest";
  static final String NOT_FOUND = "NotFound";
  static final String SOURCE_UNAVAILABLE = "SourceUnavailable";
  static final String QUERY_TIMEOUT = "QueryTimeout";
  static final String UNAUTHORIZED = "Unauthorized";
  static final String FORBIDDEN = "Forbidden";
  static final String RATE_LIMITED = "RateLimited";
  static final String BEARER = "bearerAuth";
  static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

  private SharedComponents() {}

  static void addTo(Components components, ApiDocumentOptions options) {
    components.addSchemas(PAGE, page(options));
    components.addSchemas(PROBLEM, problem());
    components.addResponses(
        BAD_REQUEST,
        problemResponse(
            "The request is not valid: unknown-parameter, malformed-filter, unknown-field,"
                + " type-mismatch, not-filterable, malformed-sort, malformed-fields, invalid-limit,"
                + " limit-too-large, bad-cursor, unknown-embed, embed-too-deep, bad-key, no-key."));
    components.addResponses(
        NOT_FOUND,
        problemResponse(
            "Unknown source or entity, or no row with this key: unknown-source,"
                + " unknown-entity, not-found."));
    components.addResponses(
        SOURCE_UNAVAILABLE,
        problemResponse("The legacy database cannot be reached: source-unavailable.")
            .addHeaderObject(
                "Retry-After", retryAfter("Seconds after which a retry may succeed.")));
    components.addResponses(
        QUERY_TIMEOUT, problemResponse("The statement ran out of time: query-timeout."));
    components.addResponses(
        UNAUTHORIZED,
        problemResponse("No valid API key or token was sent: unauthorized.")
            .addHeaderObject(
                "WWW-Authenticate",
                new Header().description("Bearer realm=\"daas\"").schema(new StringSchema())));
    components.addResponses(
        FORBIDDEN,
        problemResponse(
            "The caller's policy does not allow this entity, field or operation: forbidden."));
    components.addResponses(
        RATE_LIMITED,
        problemResponse("Too many requests for the caller: rate-limited.")
            .addHeaderObject(
                "Retry-After", retryAfter("Seconds after which the caller may send again.")));
    components.addSecuritySchemes(
        BEARER,
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .description(
                "An API key (daas_...) or a JWT from the configured OpenID Connect issuer, sent as"
                    + " Authorization: Bearer <credential>."));
  }

  private static Header retryAfter(String description) {
    return new Header()
        .description(description)
        .schema(new IntegerSchema().format("int32").minimum(java.math.BigDecimal.ZERO));
  }

  static String schemaRef(String name) {
    return "#/components/schemas/" + name;
  }

  static String responseRef(String name) {
    return "#/components/responses/" + name;
  }

  private static Schema<?> page(ApiDocumentOptions options) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put(
        "limit",
        new IntegerSchema()
            .format("int32")
            .minimum(java.math.BigDecimal.ONE)
            .maximum(java.math.BigDecimal.valueOf(options.maxLimit()))
            .description("The page size applied."));
    properties.put(
        "next",
        new StringSchema()
            .nullable(true)
            .description(
                "Opaque cursor of the next page, to pass as the cursor parameter; null on the last"
                    + " page."));
    return new ObjectSchema()
        .description("Where this page stands in the result.")
        .properties(properties)
        .required(List.of("limit", "next"));
  }

  private static Schema<?> problem() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put(
        "type",
        new StringSchema()
            .format("uri")
            .description("https://daas.dev/problems/ followed by the code."));
    properties.put("title", new StringSchema().description("Short summary of the problem kind."));
    properties.put(
        "status", new IntegerSchema().format("int32").description("The HTTP status code."));
    properties.put(
        "detail", new StringSchema().description("What was wrong and what is accepted."));
    List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::slug).toList();
    properties.put(
        "code", new StringSchema()._enum(codes).description("Stable machine-readable error code."));
    properties.put(
        "instance", new StringSchema().description("The request path the problem is about."));
    return new ObjectSchema()
        .description(
            "An RFC 9457 problem document. Further members carry details, e.g. position, expected"
                + " and found for malformed-filter.")
        .properties(properties)
        .required(List.of("type", "title", "status", "code"))
        .additionalProperties(Boolean.TRUE);
  }

  private static ApiResponse problemResponse(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_MEDIA_TYPE,
                    new MediaType().schema(new Schema<>().$ref(schemaRef(PROBLEM)))));
  }
}
