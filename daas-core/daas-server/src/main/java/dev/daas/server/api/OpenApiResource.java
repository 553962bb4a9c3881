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
  private final Map<String, Documents> documents = new ConcurrentHashMap<>();

  /** Both forms of one model version's document, generated together. */
  private record Documents(int version, String contentHash, String json, String yaml) {}

  @GET
  @Path("openapi.json")
  @Produces("application/json")
  public Response json(@PathParam("source") String source) {
    ModelVersion model = sources.get(source).model();
    return ok(documents(source, model).json(), model);
  }

  @GET
  @Path("openapi.yaml")
  @Produces("application/yaml")
  public Response yaml(@PathParam("source") String source) {
    ModelVersion model = sources.get(source).model();
    return ok(documents(source, model).yaml(), model);
  }

  private Documents documents(String source, ModelVersion model) {
    Documents cached = documents.get(source);
    if (cached != null
        && cached.version() == model.version()
        && cached.contentHash().equals(model.contentHash())) {
      return cached;
    }
    ApiDocumentOptions options =
        new ApiDocumentOptions(
            "DaaS data API: " + source,
            Integer.toString(model.version()),
            "/api/v1/" + source,
            config.api().defaultLimit(),
            config.api().maxLimit(),
            config.api().maxEmbedDepth());
    var document = generator.generate(model.model(), options);
    Documents generated =
        new Documents(
            model.version(),
            model.contentHash(),
            OpenApiGenerator.toJson(document),
            OpenApiGenerator.toYaml(document));
    documents.put(source, generated);
    return generated;
  }

  private static Response ok(String body, ModelVersion model) {
    return Response.ok(body).header(DataResource.MODEL_VERSION_HEADER, model.version()).build();
  }
}
