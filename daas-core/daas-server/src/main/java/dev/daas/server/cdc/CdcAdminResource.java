package dev.daas.server.cdc;

import dev.daas.connector.debezium.CaptureAdmin;
import dev.daas.connector.debezium.CaptureConfig;
import dev.daas.connector.debezium.ReplicaIdentityGap;
import dev.daas.connector.debezium.SnapshotMode;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Change data capture of one source (docs/change-streams.md): settings and status, and the tables
 * that lack full before images on PostgreSQL, with the change that gives them one on request.
 */
@Path("/admin/v1/sources/{name}/cdc")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CdcAdminResource {
  @Inject CdcEngines engines;
  @Inject CdcSettingsStore settingsStore;

  /** A table without full before images and the statement that gives it one. */
  public record Gap(String table, String identity, boolean hasPrimaryKey, String fix) {}

  /** The body of the replica identity change: the tables to alter. */
  public record TablesRequest(List<String> tables) {}

  @GET
  public CdcStatus status(@PathParam("name") String name) {
    return engines.status(name);
  }

  @POST
  public CdcStatus configure(@PathParam("name") String name, CdcRequest request) {
    List<Map<String, String>> violations = new ArrayList<>();
    if (request == null || request.enabled() == null) {
      violations.add(violation("enabled", "is required: true or false"));
    }
    SnapshotMode mode = SnapshotMode.NO_DATA;
    if (request != null && request.snapshotMode() != null) {
      try {
        mode = SnapshotMode.valueOf(request.snapshotMode().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        violations.add(
            violation(
                "snapshotMode",
                "'"
                    + request.snapshotMode()
                    + "' is not one of "
                    + Arrays.stream(SnapshotMode.values())
                        .map(SnapshotMode::debeziumName)
                        .collect(Collectors.joining(", "))));
      }
    }
    List<String> tables =
        request == null || request.tables() == null ? List.of() : request.tables();
    checkTables(tables, violations);
    boolean dropSlot = request != null && Boolean.TRUE.equals(request.dropSlot());
    if (dropSlot && Boolean.TRUE.equals(request.enabled())) {
      violations.add(violation("dropSlot", "is allowed only with enabled: false"));
    }
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    CdcStatus status = engines.configure(name, new CdcSettings(request.enabled(), mode, tables));
    return dropSlot ? engines.dropRetained(name) : status;
  }

  @GET
  @Path("replica-identity")
  public Map<String, Object> replicaIdentity(@PathParam("name") String name) {
    return Map.of("source", name, "tables", gaps(config(name)));
  }

  /** Alters exactly the named tables; each must be a captured table lacking full before images. */
  @POST
  @Path("replica-identity")
  public Map<String, Object> applyFullReplicaIdentity(
      @PathParam("name") String name, TablesRequest request) {
    List<String> tables =
        request == null || request.tables() == null ? List.of() : request.tables();
    List<Map<String, String>> violations = new ArrayList<>();
    if (tables.isEmpty()) {
      violations.add(
          violation("tables", "name at least one schema.table to give full before images"));
    }
    checkTables(tables, violations);
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    CaptureConfig config = config(name);
    Set<String> lacking = gaps(config).stream().map(Gap::table).collect(Collectors.toSet());
    for (String table : tables) {
      if (!lacking.contains(table)) {
        violations.add(
            violation("tables", table + " is not a captured table lacking full before images"));
      }
    }
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    try {
      CaptureAdmin.applyFullReplicaIdentity(config, tables);
    } catch (SQLException e) {
      throw sourceError(name, e);
    }
    return Map.of("source", name, "altered", tables, "tables", gaps(config));
  }

  private CaptureConfig config(String name) {
    settingsStore.requireSourceId(name);
    return engines.captureConfig(name, settingsStore.settings(name).orElse(CdcSettings.disabled()));
  }

  private static List<Gap> gaps(CaptureConfig config) {
    try {
      return CaptureAdmin.replicaIdentityGaps(config).stream()
          .map(g -> new Gap(g.table(), g.identity(), g.hasPrimaryKey(), fix(g)))
          .toList();
    } catch (SQLException e) {
      throw sourceError(config.source(), e);
    }
  }

  private static String fix(ReplicaIdentityGap gap) {
    return gap.fixStatement();
  }

  private static void checkTables(List<String> tables, List<Map<String, String>> violations) {
    for (String table : tables) {
      if (table == null || table.indexOf('.') <= 0 || table.endsWith(".") || table.contains(",")) {
        violations.add(violation("tables", "'" + table + "' must be written schema.table"));
      }
    }
  }

  private static DaasException invalid(List<Map<String, String>> violations) {
    return new DaasException(
        ErrorCode.VALIDATION_FAILED,
        "The request has "
            + violations.size()
            + " invalid field(s): "
            + violations.stream()
                .map(v -> v.get("field") + " " + v.get("message"))
                .collect(Collectors.joining("; ")),
        Map.of("violations", List.copyOf(violations)));
  }

  private static Map<String, String> violation(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  private static DaasException sourceError(String source, SQLException e) {
    return new DaasException(
        ErrorCode.SOURCE_ERROR,
        "Source " + source + " refused the replica identity query or change: " + e.getMessage(),
        Map.of("source", source),
        e);
  }
}
