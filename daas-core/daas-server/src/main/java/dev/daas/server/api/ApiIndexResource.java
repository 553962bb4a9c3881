package dev.daas.server.api;

import dev.daas.gateway.policy.CallerModel;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.security.Authorizations;
import dev.daas.server.security.RequestCaller;
import dev.daas.server.sources.LiveSources;
import dev.daas.server.sources.SourceService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry points that tell a developer what there is to call, with links: only sources and entities
 * the caller's policies let it read.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ApiIndexResource {
  @Inject SourceService sources;
  @Inject LiveSources live;
  @Inject RequestCaller caller;
  @Inject Authorizations authorizations;

  @GET
  public Map<String, Object> sources() {
    List<Map<String, Object>> list =
        sources.list().stream()
            .filter(s -> readable(s.name()))
            .map(
                s -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("name", s.name());
                  item.put("href", "/api/v1/" + s.name());
                  item.put("openapi", "/api/v1/" + s.name() + "/openapi.json");
                  item.put("docs", "/q/swagger-ui/?url=/api/v1/" + s.name() + "/openapi.json");
                  return item;
                })
            .toList();
    return Map.of("sources", list);
  }

  /**
   * Whether the caller may read some entity of the source; a source whose model cannot be had now
   * is left out, since what the caller may see of it cannot be decided.
   */
  private boolean readable(String source) {
    try {
      DataModel model = live.get(source).model().model();
      return !CallerModel.of(model, authorizations.of(caller.require(), model))
          .entities()
          .isEmpty();
    } catch (DaasException e) {
      return false;
    }
  }

  @GET
  @Path("{source}")
  public Map<String, Object> entities(@PathParam("source") String source) {
    LiveSources.Live current = live.get(source);
    DataModel model =
        CallerModel.of(
            current.model().model(), authorizations.of(caller.require(), current.model().model()));
    List<Map<String, Object>> entities =
        model.entities().stream()
            .map(
                (Entity e) -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("name", e.name());
                  item.put("table", e.schema() == null ? e.table() : e.schema() + "." + e.table());
                  item.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
                  item.put("href", "/api/v1/" + source + "/" + e.name());
                  item.put(
                      "key", e.identifyingKey().map(k -> (Object) k.attributes()).orElse(null));
                  return item;
                })
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    if (entities.isEmpty()) {
      // the same answer as for a source that does not exist: no hint that it does
      throw new DaasException(
          ErrorCode.UNKNOWN_SOURCE, "No source is named " + source, Map.of("source", source));
    }
    body.put("source", source);
    body.put("modelVersion", current.model().version());
    body.put("openapi", "/api/v1/" + source + "/openapi.json");
    body.put("entities", entities);
    return body;
  }
}
