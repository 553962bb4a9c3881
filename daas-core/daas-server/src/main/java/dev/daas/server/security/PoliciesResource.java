package dev.daas.server.security;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.sources.LiveSources;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Role policies of a source: {@code /admin/v1/sources/{name}/policies/{role}}. */
@Path("/admin/v1/sources/{name}/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PoliciesResource {
  @Inject PolicyStore policies;
  @Inject LiveSources sources;

  @GET
  public List<PolicyStore.Stored> list(@PathParam("name") String source) {
    return policies.list(source);
  }

  @GET
  @Path("{role}")
  public PolicyStore.Stored get(@PathParam("name") String source, @PathParam("role") String role) {
    return policies.get(source, role);
  }

  /** Validated against the source's current model; every violation is listed. */
  @PUT
  @Path("{role}")
  public PolicyStore.Stored put(
      @PathParam("name") String source, @PathParam("role") String role, PolicyBody body) {
    if (body == null) {
      throw new DaasException(ErrorCode.VALIDATION_FAILED, "The request body is empty");
    }
    return policies.save(source, role, body, sources.get(source).model());
  }

  @DELETE
  @Path("{role}")
  public Response delete(@PathParam("name") String source, @PathParam("role") String role) {
    policies.delete(source, role);
    return Response.noContent().build();
  }
}
