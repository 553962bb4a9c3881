package dev.daas.server.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The REST front end of the data API (docs/api-guide.md). */
@Path("/api/v1/{source}")
@Produces(MediaType.APPLICATION_JSON)
public class DataResource {
  static final String MODEL_VERSION_HEADER = "DaaS-Model-Version";

  @Inject DataPipeline pipeline;

  @GET
  @Path("{entity}")
  public Response list(
      @PathParam("source") String source,
      @PathParam("entity") String entity,
      @Context UriInfo uri) {
    return ok(pipeline.list(source, entity, uri.getQueryParameters()));
  }

  /** The key segment stays percent-encoded so that an encoded comma inside a value survives. */
  @GET
  @Path("{entity}/{key}")
  public Response byKey(
      @PathParam("source") String source,
      @PathParam("entity") String entity,
      @Encoded @PathParam("key") String key,
      @Context UriInfo uri) {
    return ok(pipeline.byKey(source, entity, key, uri.getQueryParameters()));
  }

  private static Response ok(DataPipeline.Answer answer) {
    return Response.ok(answer.body()).header(MODEL_VERSION_HEADER, answer.modelVersion()).build();
  }
}
