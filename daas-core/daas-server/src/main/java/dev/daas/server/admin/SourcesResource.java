package dev.daas.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.recovery.curation.CurationRecord;
import dev.daas.recovery.diff.ModelChange;
import dev.daas.recovery.diff.ModelDiff;
import dev.daas.server.model.IntrospectionResult;
import dev.daas.server.model.ModelJson;
import dev.daas.server.probe.EvidenceQueries;
import dev.daas.server.probe.ProbeService;
import dev.daas.server.probe.ProbeViews;
import dev.daas.server.recovery.Curations;
import dev.daas.server.sources.LiveSources;
import dev.daas.server.sources.SourceRequest;
import dev.daas.server.sources.SourceService;
import dev.daas.server.sources.SourceView;
import dev.daas.server.store.ModelSnapshotRecord;
import dev.daas.server.store.SnapshotSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The admin API for sources and their models. */
@Path("/admin/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourcesResource {
  @Inject SourceService sources;
  @Inject LiveSources live;
  @Inject ObjectMapper json;
  @Inject ProbeService probes;
  @Inject EvidenceQueries evidence;
  @Inject Curations curations;

  @POST
  public Response create(SourceRequest request) {
    if (request == null) {
      throw new DaasException(ErrorCode.VALIDATION_FAILED, "The request body is empty");
    }
    SourceView view = sources.create(request);
    live.invalidate(view.name());
    return Response.created(UriBuilder.fromPath("/admin/v1/sources/{name}").build(view.name()))
        .entity(view)
        .build();
  }

  @GET
  public List<SourceView> list() {
    return sources.list();
  }

  @GET
  @Path("{name}")
  public SourceView get(@PathParam("name") String name) {
    return sources.view(name, true);
  }

  @DELETE
  @Path("{name}")
  public Response delete(@PathParam("name") String name) {
    live.invalidate(name);
    sources.delete(name);
    return Response.noContent().build();
  }

  @POST
  @Path("{name}/introspect")
  @Consumes(MediaType.WILDCARD)
  public IntrospectionResult introspect(@PathParam("name") String name) {
    IntrospectionResult result = sources.introspect(name);
    live.invalidate(name);
    return result;
  }

  /** The model document of docs/model.md: version metadata, then the model itself. */
  @GET
  @Path("{name}/model")
  public ObjectNode model(@PathParam("name") String name, @QueryParam("version") String version) {
    ModelSnapshotRecord snapshot = sources.snapshot(name, parseVersion(version));
    try {
      ObjectNode model = (ObjectNode) json.readTree(snapshot.modelJson);
      ObjectNode document = json.createObjectNode();
      document.put("formatVersion", snapshot.formatVersion);
      document.put("source", name);
      document.put("version", snapshot.version);
      document.put("contentHash", snapshot.contentHash);
      document.put("createdAt", snapshot.createdAt.toString());
      model.fields().forEachRemaining(f -> document.putIfAbsent(f.getKey(), f.getValue()));
      return document;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored model of " + name + " is unreadable", e);
    }
  }

  /**
   * What changed between two model versions, each change classified for API consumers as breaking
   * or not (docs/model.md, "Model diff"). {@code to} defaults to the newest version and {@code
   * from} to the one before it.
   */
  @GET
  @Path("{name}/model/diff")
  public Map<String, Object> diff(
      @PathParam("name") String name,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    ModelSnapshotRecord newer = sources.snapshot(name, parseVersion(to));
    Optional<Integer> olderVersion = parseVersion(from);
    ModelSnapshotRecord older =
        sources.snapshot(
            name,
            olderVersion.isPresent() ? olderVersion : Optional.of(Math.max(1, newer.version - 1)));
    List<ModelChange> changes =
        ModelDiff.diff(ModelJson.read(older.modelJson), ModelJson.read(newer.modelJson));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source", name);
    body.put("from", older.version);
    body.put("to", newer.version);
    body.put("breaking", ModelDiff.breaking(changes));
    body.put(
        "changes",
        changes.stream()
            .map(
                c -> {
                  Map<String, Object> change = new LinkedHashMap<>();
                  change.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                  change.put("impact", c.impact().name().toLowerCase(Locale.ROOT));
                  change.put("entity", c.entity());
                  change.put("member", c.member());
                  change.put("before", c.before());
                  change.put("after", c.after());
                  return change;
                })
            .toList());
    return body;
  }

  /** The request of {@code PUT /admin/v1/sources/{name}/curation}. */
  public record CurationRequest(List<CurationRecord> entries) {}

  /** The source's curation entries, in their order (docs/api-guide.md, "Curation"). */
  @GET
  @Path("{name}/curation")
  public Map<String, Object> curation(@PathParam("name") String name) {
    return Map.of("source", name, "entries", curations.entries(name));
  }

  /**
   * Replaces the source's curation and recovers its model again with it: a new model version when
   * the served model changes. Answers the entries and the introspection result, whose {@code
   * recovery.curationIssues} lists entries that did not apply and why.
   */
  @PUT
  @Path("{name}/curation")
  public Map<String, Object> replaceCuration(
      @PathParam("name") String name, CurationRequest request) {
    curations.replace(name, request == null ? null : request.entries());
    IntrospectionResult result = sources.introspect(name);
    live.invalidate(name);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source", name);
    body.put("entries", curations.entries(name));
    body.put("introspection", result);
    return body;
  }

  @GET
  @Path("{name}/model/versions")
  public List<SnapshotSummary> versions(@PathParam("name") String name) {
    return sources.versions(name);
  }

  /** Creates or replaces the source's probe token; the token is shown this once only. */
  @POST
  @Path("{name}/probe-token")
  @Consumes(MediaType.WILDCARD)
  public ProbeService.IssuedToken probeToken(@PathParam("name") String name) {
    return probes.rotateToken(name);
  }

  @GET
  @Path("{name}/probe")
  public ProbeService.Settings probeSettings(@PathParam("name") String name) {
    return probes.settings(name);
  }

  /** Switches the source's probes on or off, sets their interval, allows value sampling. */
  @POST
  @Path("{name}/probe")
  public ProbeService.Settings probeSwitch(
      @PathParam("name") String name, ProbeService.SettingsChange request) {
    if (request == null
        || (request.enabled() == null
            && request.sendIntervalSeconds() == null
            && request.valueSampling() == null)) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "Name at least one of enabled, sendIntervalSeconds (1..300) and valueSampling, e.g."
              + " {\"enabled\": false}",
          Map.of("field", "enabled"));
    }
    Integer interval = request.sendIntervalSeconds();
    if (interval != null && (interval < 1 || interval > 300)) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "sendIntervalSeconds must lie in 1..300, was " + interval,
          Map.of("field", "sendIntervalSeconds"));
    }
    return probes.change(name, request);
  }

  @GET
  @Path("{name}/evidence/statements")
  public List<ProbeViews.StatementView> statements(
      @PathParam("name") String name, @QueryParam("limit") String limit) {
    return evidence.statements(name, parseLimit(limit));
  }

  @GET
  @Path("{name}/evidence/mappings")
  public List<Map<String, Object>> mappings(@PathParam("name") String name) {
    return evidence.mappings(name);
  }

  @GET
  @Path("{name}/architecture")
  public ProbeViews.Architecture architecture(@PathParam("name") String name) {
    return evidence.architecture(name);
  }

  private static int parseLimit(String limit) {
    if (limit == null || limit.isBlank()) {
      return 100;
    }
    try {
      int n = Integer.parseInt(limit);
      if (n < 1 || n > 10_000) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new DaasException(
          ErrorCode.INVALID_LIMIT,
          "limit must be an integer from 1 to 10000, was " + limit,
          Map.of("parameter", "limit"));
    }
  }

  static Optional<Integer> parseVersion(String version) {
    if (version == null || version.isBlank()) {
      return Optional.empty();
    }
    try {
      int v = Integer.parseInt(version);
      if (v < 1) {
        throw new NumberFormatException();
      }
      return Optional.of(v);
    } catch (NumberFormatException e) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "version must be a positive integer",
          Map.of("parameter", "version"));
    }
  }
}
