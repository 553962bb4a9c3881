package dev.daas.server.admin;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.cdc.CdcSettingsStore;
import dev.daas.server.recovery.RecoveryConfig;
import dev.daas.server.recovery.RecoverySettings;
import dev.daas.server.recovery.RecoverySettingsStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source's recovery settings: its overrides of {@code daas.recovery.*} and what a recovery runs
 * with. Saving does not recover; the next introspection uses them.
 */
@Path("/admin/v1/sources/{name}/recovery-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecoverySettingsResource {
  @Inject CdcSettingsStore sources;
  @Inject RecoverySettingsStore store;
  @Inject RecoveryConfig defaults;

  @GET
  public Map<String, Object> get(@PathParam("name") String name) {
    return view(name, store.settings(sources.requireSourceId(name)));
  }

  @PUT
  public Map<String, Object> put(@PathParam("name") String name, RecoverySettings settings) {
    long sourceId = sources.requireSourceId(name);
    RecoverySettings given = settings == null ? RecoverySettings.NONE : settings;
    List<Map<String, String>> violations = given.violations();
    if (!violations.isEmpty()) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "The recovery settings are not valid: "
              + String.join(
                  "; ",
                  violations.stream().map(v -> v.get("field") + " " + v.get("message")).toList()),
          Map.of("violations", violations));
    }
    store.save(sourceId, given);
    return view(name, given);
  }

  private Map<String, Object> view(String name, RecoverySettings overrides) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source", name);
    body.put("overrides", overrides);
    body.put("effective", overrides.effective(defaults));
    return body;
  }
}
