package dev.daas.server.security;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

/** API keys: {@code /admin/v1/keys}. A key is shown once, when created or rotated. */
@Path("/admin/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {
  @Inject ApiKeys keys;

  /** The body of {@code POST /admin/v1/keys}. */
  public record NewKey(String name, List<String> roles) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewKey body) {
    if (body == null) {
      throw new DaasException(ErrorCode.VALIDATION_FAILED, "The request body is empty");
    }
    ApiKeyView created = keys.create(body.name(), body.roles());
    return Response.created(UriBuilder.fromPath("/admin/v1/keys/{id}").build(created.id()))
        .header("Cache-Control", "no-store")
        .entity(created)
        .build();
  }

  @GET
  public List<ApiKeyView> list() {
    return keys.list();
  }

  @POST
  @Path("{id}/rotate")
  public Response rotate(@PathParam("id") String id) {
    return Response.ok(keys.rotate(id)).header("Cache-Control", "no-store").build();
  }

  @DELETE
  @Path("{id}")
  public ApiKeyView revoke(@PathParam("id") String id) {
    return keys.revoke(id);
  }
}
