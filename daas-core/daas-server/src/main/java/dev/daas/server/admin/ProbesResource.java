package dev.daas.server.admin;

import dev.daas.server.probe.EvidenceQueries;
import dev.daas.server.probe.ProbeViews.ProbeView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The probe agents that have reported, newest first. */
@Path("/admin/v1/probes")
@Produces(MediaType.APPLICATION_JSON)
public class ProbesResource {
  @Inject EvidenceQueries evidence;

  @GET
  public List<ProbeView> list() {
    return evidence.probes();
  }
}
