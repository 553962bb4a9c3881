package dev.daas.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.daas.apigen.ApiDocumentOptions;
import dev.daas.apigen.OpenApiGenerator;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.CallerModel;
import dev.daas.model.DataModel;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.config.DaasConfig;
import dev.daas.server.model.ModelVersion;
import dev.daas.server.security.Authorizations;
import dev.daas.server.security.RequestCaller;
import dev.daas.server.sources.LiveSources;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The OpenAPI document of a source's data API as the caller may use it: generated from the current
 * model version seen through the caller's policies ({@link CallerModel}: no entity, field, key or
 * relationship the policies hide; masked fields typed as the text they arrive as). Documents are
 * kept per distinct view, so callers with the same access share one, until the version changes.
 * Browse it with Swagger UI at {@code /q/swagger-ui/?url=/api/v1/<source>/openapi.json}.
 */
@Path("/api/v1/{source}")
public class OpenApiResource {
  @Inject LiveSources sources;
  @Inject DaasConfig config;
  @Inject RequestCaller caller;
  @Inject Authorizations authorizations;

  private static final int MAX_CACHED = 256;

  private final OpenApiGenerator generator = new OpenApiGenerator();
  private final Cache<View, Documents> documents =
      Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

  /** One caller view of one model version: equal views give equal documents. */
  private record View(String source, int version, String contentHash, DataModel model) {}

  /** Both forms of one view's document, generated together. */
  private record Documents(String json, String yaml) {}

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
    Authorization authorization = authorizations.of(caller.require(), model.model());
    DataModel visible = CallerModel.of(model.model(), authorization);
    if (visible.entities().isEmpty() && !authorization.isUnrestricted()) {
      // as at /api/v1/{source}: no hint that a source exists to a caller who may read none of it
      throw new DaasException(
          ErrorCode.UNKNOWN_SOURCE, "No source is named " + source, Map.of("source", source));
    }
    return documents.get(
        new View(source, model.version(), model.contentHash(), visible),
        view -> generate(source, model, visible));
  }

  private Documents generate(String source, ModelVersion model, DataModel visible) {
    ApiDocumentOptions options =
        new ApiDocumentOptions(
            "DaaS data API: " + source,
            Integer.toString(model.version()),
            "/api/v1/" + source,
            config.api().defaultLimit(),
            config.api().maxLimit(),
            config.api().maxEmbedDepth());
    var document = generator.generate(visible, options);
    return new Documents(OpenApiGenerator.toJson(document), OpenApiGenerator.toYaml(document));
  }

  private static Response ok(String body, ModelVersion model) {
    return Response.ok(body).header(DataResource.MODEL_VERSION_HEADER, model.version()).build();
  }
}
