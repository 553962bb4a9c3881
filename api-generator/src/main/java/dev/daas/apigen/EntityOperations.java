package dev.daas.apigen;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.Key;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Objects;

/** The list and get-by-key operations of one entity. */
final class EntityOperations {
  static final String KEY = "key";
  private static final String JSON = "application/json";

  private final ApiDocumentOptions options;

  EntityOperations(ApiDocumentOptions options) {
    this.options = requireNonNull(options, "options is null");
  }

  PathItem list(Entity entity, List<Embed> embeds, String operationId, DocumentNames names) {
    Operation operation =
        new Operation()
            .operationId(operationId)
            .addTagsItem(entity.name())
            .summary("List " + entity.name() + " rows")
            .description(
                "Pages through the rows of "
                    + Descriptions.qualifiedTable(entity)
                    + ", filtered, sorted and with related rows embedded as requested. Follow"
                    + " page.next with the cursor parameter until it is null.")
            .parameters(
                List.of(
                    QueryParameters.filter(entity),
                    QueryParameters.sort(entity),
                    parameterRef(QueryParameters.LIMIT),
                    parameterRef(QueryParameters.CURSOR),
                    QueryParameters.fields(entity, embeds),
                    QueryParameters.embed(embeds, options)))
            .responses(
                responses(
                    "A page of " + entity.name() + " rows.", names.pageSchema(entity.name())));
    return new PathItem().get(operation);
  }

  PathItem get(Entity entity, List<Embed> embeds, String operationId, DocumentNames names) {
    Key key = entity.identifyingKey().orElseThrow();
    Operation operation =
        new Operation()
            .operationId(operationId)
            .addTagsItem(entity.name())
            .summary("Get one " + entity.name() + " row by its key")
            .description(
                "Reads the row of "
                    + Descriptions.qualifiedTable(entity)
                    + " whose key "
                    + Descriptions.keyParts(key)
                    + " equals the given values. Wrong number of key parts or a value that does not"
                    + " fit its type: 400 bad-key.")
            .parameters(
                List.of(
                    keyParameter(entity, key),
                    QueryParameters.fields(entity, embeds),
                    QueryParameters.embed(embeds, options)))
            .responses(responses("The " + entity.name() + " row.", names.rowSchema(entity.name())));
    return new PathItem().get(operation);
  }

  /**
   * A composite key is an array in the {@code simple} style without explode: the parts joined by
   * commas, each part percent-encoded, so a comma inside a value travels as {@code %2C}: what the
   * contract asks for, and what generated clients produce by themselves.
   */
  private static Parameter keyParameter(Entity entity, Key key) {
    List<Attribute> parts = key.attributes().stream().map(entity::requireAttribute).toList();
    StringBuilder description = new StringBuilder();
    if (parts.size() == 1) {
      description
          .append("The value of ")
          .append(parts.get(0).name())
          .append(" (")
          .append(parts.get(0).type().name().toLowerCase(java.util.Locale.ROOT))
          .append(").");
      if ("string".equals(AttributeSchemas.valueSchema(parts.get(0)).getType())) {
        description.append(" A comma inside the value is percent-encoded as %2C.");
      }
    } else {
      description.append("The ").append(parts.size()).append(" key values in key order: ");
      for (int i = 0; i < parts.size(); i++) {
        Attribute part = parts.get(i);
        description
            .append(i == 0 ? "" : ", ")
            .append(i + 1)
            .append(". ")
            .append(part.name())
            .append(" (")
            .append(part.type().name().toLowerCase(java.util.Locale.ROOT))
            .append(')');
      }
      description.append(
          "; separated by commas, a comma inside a value percent-encoded as %2C (e.g."
              + " `10,A%2CB` for the values 10 and `A,B`).");
    }
    return new PathParameter()
        .name(KEY)
        .description(description.toString())
        .required(true)
        .style(Parameter.StyleEnum.SIMPLE)
        .explode(false)
        .schema(keySchema(parts));
  }

  private static Schema<?> keySchema(List<Attribute> parts) {
    if (parts.size() == 1) {
      return AttributeSchemas.valueSchema(parts.get(0));
    }
    // arrays in 3.0 have one item schema: typed when every part has the same type, else strings
    List<Schema<?>> items = parts.stream().map(AttributeSchemas::valueSchema).toList();
    boolean uniform =
        items.stream()
            .allMatch(
                s ->
                    Objects.equals(s.getType(), items.get(0).getType())
                        && Objects.equals(s.getFormat(), items.get(0).getFormat())
                        && s.getEnum() == null
                        && s.getType() != null);
    ArraySchema array = new ArraySchema();
    // type and format only: per-part limits such as maxLength would wrongly bind every part
    Schema<?> item = new Schema<>().type(items.get(0).getType()).format(items.get(0).getFormat());
    array.items(uniform ? item : new StringSchema());
    array.minItems(parts.size()).maxItems(parts.size());
    return array;
  }

  private static ApiResponses responses(String okText, String schemaName) {
    ApiResponses responses = new ApiResponses();
    responses.addApiResponse(
        "200",
        new ApiResponse()
            .description(okText)
            .content(
                new Content()
                    .addMediaType(
                        JSON,
                        new MediaType()
                            .schema(new Schema<>().$ref(SharedComponents.schemaRef(schemaName))))));
    responses.addApiResponse("400", responseRef(SharedComponents.BAD_REQUEST));
    responses.addApiResponse("401", responseRef(SharedComponents.UNAUTHORIZED));
    responses.addApiResponse("403", responseRef(SharedComponents.FORBIDDEN));
    responses.addApiResponse("404", responseRef(SharedComponents.NOT_FOUND));
    responses.addApiResponse("429", responseRef(SharedComponents.RATE_LIMITED));
    responses.addApiResponse("503", responseRef(SharedComponents.SOURCE_UNAVAILABLE));
    responses.addApiResponse("504", responseRef(SharedComponents.QUERY_TIMEOUT));
    return responses;
  }

  private static ApiResponse responseRef(String name) {
    return new ApiResponse().$ref(SharedComponents.responseRef(name));
  }

  private static Parameter parameterRef(String name) {
    return new Parameter().$ref("#/components/parameters/" + name);
  }
}
