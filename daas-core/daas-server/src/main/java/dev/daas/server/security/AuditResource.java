package dev.daas.server.security;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The audit log, newest first: {@code GET /admin/v1/audit?source=&caller=&limit=}. */
@Path("/admin/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  @Inject AuditLog audit;

  @GET
  public List<AuditEvent> list(
      @QueryParam("source") String source,
      @QueryParam("caller") String caller,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new DaasException(
          ErrorCode.INVALID_LIMIT, "limit must be 1 to 1000, not " + limit, Map.of("limit", limit));
    }
    return audit.query(source, caller, limit);
  }
}
