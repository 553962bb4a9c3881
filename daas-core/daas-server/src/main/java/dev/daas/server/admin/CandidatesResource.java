package dev.daas.server.admin;

import dev.daas.server.model.ModelJson;
import dev.daas.server.recovery.CandidateViews;
import dev.daas.server.sources.SourceService;
import dev.daas.server.store.ModelSnapshotRecord;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The candidate relationships of a model version (ADR 0009): inferred below the threshold, kept for
 * integrators to confirm through curation; never embeddable, never in the data API.
 */
@Path("/admin/v1/sources/{name}/model/candidates")
@Produces(MediaType.APPLICATION_JSON)
public class CandidatesResource {
  @Inject SourceService sources;

  @GET
  public Map<String, Object> candidates(
      @PathParam("name") String name, @QueryParam("version") String version) {
    ModelSnapshotRecord snapshot = sources.snapshot(name, SourcesResource.parseVersion(version));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source", name);
    body.put("version", snapshot.version);
    body.put("candidates", CandidateViews.of(ModelJson.read(snapshot.modelJson)));
    return body;
  }
}
