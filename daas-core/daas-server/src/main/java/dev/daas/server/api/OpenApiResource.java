package dev.daas.server.api;

import dev.daas.apigen.ApiDocumentOptions;
import dev.daas.apigen.OpenApiGenerator;
import dev.daas.server.config.DaasConfig;
import dev.daas.server.model.ModelVersion;
import dev.daas.server.sources.LiveSources;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenAPI document of a source's data API, generated from its current model version and kept
 * until the version changes. Browse it with Swagger UI at {@code
 * /q/swagger-ui/?url=/api/v1/<source>/openapi.json}.
 */
@Path("/api/v1/{source}")
public class OpenApiResource {
  @Inject LiveSources sources;
  @Inject DaasConfig config;

  private final OpenApiGenerator generator = new OpenApiGenerator();
  private final Map<String, String> documents = new ConcurrentHashMap<>();

  @GET
  @Path("openapi.json")
  @Produces("application/json")
  public Response json(@PathParam("source") String source) {
    return document(source, "json");
  }

  @GET
  @Path("openapi.yaml")
  @Produces("application/yaml")
  public Response yaml(@PathParam("source") String source) {
    return document(source, "yaml");
  }

  private Response document(String source, String format) {
    ModelVersion model = sources.get(source).model();
    String cacheKey = source + "|" + model.contentHash() + "|" + model.version() + "|" + format;
    String document =
        documents.computeIfAbsent(
            cacheKey,
            k -> {
              documents.keySet().removeIf(old -> old.startsWith(source + "|"));
              ApiDocumentOptions options =
                  new ApiDocumentOptions(
                      "DaaS data API: " + source,
                      Integer.toString(model.version()),
                      "/api/v1/" + source,
                      config.api().defaultLimit(),
                      config.api().maxLimit(),
                      config.api().maxEmbedDepth());
              return format.equals("json")
                  ? generator.generateJson(model.model(), options)
                  : generator.generateYaml(model.model(), options);
            });
    return Response.ok(document).header(DataResource.MODEL_VERSION_HEADER, model.version()).build();
  }
}
