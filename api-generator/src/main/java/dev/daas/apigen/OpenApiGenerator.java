package dev.daas.apigen;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a recovered {@link DataModel} into the OpenAPI 3.0.3 document of its data API (see the HTTP
 * data API contract). Stateless and thread-safe; the same model and options always give the same
 * document, and {@link #toJson}/{@link #toYaml} the same bytes.
 */
public final class OpenApiGenerator {
  public static final String OPENAPI_VERSION = "3.0.3";

  /** Builds the document. */
  public OpenAPI generate(DataModel model, ApiDocumentOptions options) {
    requireNonNull(model, "model is null");
    requireNonNull(options, "options is null");
    rejectDuplicateEntities(model);
    DocumentNames names = DocumentNames.of(model);

    Components components = new Components();
    components.setSchemas(new LinkedHashMap<>());
    SharedComponents.addTo(components, options);
    components.addParameters(QueryParameters.LIMIT, QueryParameters.limit(options));
    components.addParameters(QueryParameters.CURSOR, QueryParameters.cursor());

    Paths paths = new Paths();
    List<Tag> tags = new ArrayList<>();
    EntityOperations operations = new EntityOperations(options);
    for (Entity entity : model.entities()) {
      List<Embed> embeds = embeds(model, entity);
      String rowSchema = names.rowSchema(entity.name());
      components.addSchemas(rowSchema, EntitySchemas.row(entity, embeds, names::rowSchema));
      components.addSchemas(names.pageSchema(entity.name()), EntitySchemas.page(entity, rowSchema));
      tags.add(new Tag().name(entity.name()).description(Descriptions.entity(entity)));
      String path = "/" + Names.pathSegment(entity.name());
      paths.addPathItem(
          path, operations.list(entity, embeds, names.listOperation(entity.name()), names));
      if (entity.identifyingKey().isPresent()) {
        paths.addPathItem(
            path + "/{" + EntityOperations.KEY + "}",
            operations.get(entity, embeds, names.getOperation(entity.name()), names));
      }
    }

    OpenAPI document = new OpenAPI(SpecVersion.V30);
    document.setOpenapi(OPENAPI_VERSION);
    document.setInfo(info(model, options));
    document.setServers(
        List.of(new Server().url(options.serverUrl()).description("Source " + model.source())));
    document.setTags(tags.isEmpty() ? null : tags);
    document.setPaths(paths);
    document.setComponents(components);
    document.setSecurity(List.of(new SecurityRequirement().addList(SharedComponents.BEARER)));
    return document;
  }

  /** {@link #generate} then {@link #toJson}. */
  public String generateJson(DataModel model, ApiDocumentOptions options) {
    return toJson(generate(model, options));
  }

  /** {@link #generate} then {@link #toYaml}. */
  public String generateYaml(DataModel model, ApiDocumentOptions options) {
    return toYaml(generate(model, options));
  }

  /** Pretty-printed JSON through swagger-core's OpenAPI 3.0 mapper. */
  public static String toJson(OpenAPI document) {
    return write(Json.mapper(), document);
  }

  /** YAML through swagger-core's OpenAPI 3.0 mapper. */
  public static String toYaml(OpenAPI document) {
    return write(Yaml.mapper(), document);
  }

  private static String write(ObjectMapper mapper, OpenAPI document) {
    requireNonNull(document, "document is null");
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new DaasException(
          ErrorCode.INTERNAL, "the OpenAPI document could not be serialised", Map.of(), e);
    }
  }

  private static Info info(DataModel model, ApiDocumentOptions options) {
    String product = model.databaseProduct() == null ? "" : " (" + model.databaseProduct() + ")";
    return new Info()
        .title(options.title())
        .version(options.version())
        .description(
            "Read access to the legacy source `"
                + model.source()
                + "`"
                + product
                + ", generated from its recovered data model: "
                + model.entities().size()
                + " entities, "
                + model.relationships().size()
                + " relationships. Lists are paged with an opaque cursor; errors are RFC 9457"
                + " problem documents (application/problem+json) with a stable code.");
  }

  /**
   * The entity's embeds that can be described: the other entity exists, and the name clashes with
   * no attribute and no earlier embed (the model promises both; a broken model must not break the
   * document).
   */
  private static List<Embed> embeds(DataModel model, Entity entity) {
    Set<String> taken = new HashSet<>();
    entity.attributes().stream().map(Attribute::name).forEach(taken::add);
    List<Embed> embeds = new ArrayList<>();
    for (Embed embed : Embed.of(model, entity.name())) {
      if (model.entity(embed.target()).isPresent() && taken.add(embed.name())) {
        embeds.add(embed);
      }
    }
    return embeds;
  }

  private static void rejectDuplicateEntities(DataModel model) {
    Set<String> seen = new HashSet<>();
    for (Entity entity : model.entities()) {
      if (!seen.add(entity.name())) {
        throw new DaasException(
            ErrorCode.INTERNAL,
            "the model of source "
                + model.source()
                + " lists entity "
                + entity.name()
                + " twice; entity names must be unique within a source");
      }
    }
  }
}
