package dev.daas.apigen;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The row schema and the page schema of one entity. */
final class EntitySchemas {
  private EntitySchemas() {}

  /**
   * Attributes in column order, then the embeds as optional properties.
   *
   * @param schemaNames component schema name of each entity API name
   */
  static Schema<?> row(Entity entity, List<Embed> embeds, Function<String, String> schemaNames) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Attribute attribute : entity.attributes()) {
      properties.put(attribute.name(), AttributeSchemas.property(entity, attribute));
      if (!attribute.nullable()) {
        required.add(attribute.name());
      }
    }
    for (Embed embed : embeds) {
      properties.put(embed.name(), embedProperty(embed, schemaNames.apply(embed.target())));
    }
    ObjectSchema schema = new ObjectSchema();
    schema.description(Descriptions.entity(entity)).properties(properties);
    VendorExtensions.entity(schema, entity);
    // an empty required list is invalid in OpenAPI 3.0
    if (!required.isEmpty()) {
      schema.required(required);
    }
    return schema;
  }

  static Schema<?> page(Entity entity, String rowSchemaName) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put(
        "data",
        new ArraySchema()
            .items(ref(rowSchemaName))
            .description("The " + entity.name() + " rows of this page, in sort order."));
    properties.put("page", ref(SharedComponents.PAGE));
    return new ObjectSchema()
        .description("One page of " + entity.name() + " rows.")
        .properties(properties)
        .required(List.of("data", "page"));
  }

  private static Schema<?> embedProperty(Embed embed, String targetSchemaName) {
    String description = Descriptions.embed(embed);
    if (embed.toMany()) {
      return new ArraySchema().items(ref(targetSchemaName)).description(description);
    }
    // OpenAPI 3.0 ignores siblings of $ref: wrap it so nullable and description count
    ComposedSchema toOne = new ComposedSchema();
    toOne.addAllOfItem(ref(targetSchemaName));
    toOne.nullable(true).description(description);
    return toOne;
  }

  private static Schema<?> ref(String schemaName) {
    return new Schema<>().$ref(SharedComponents.schemaRef(schemaName));
  }
}
