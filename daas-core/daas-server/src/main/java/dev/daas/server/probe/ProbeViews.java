package dev.daas.server.probe;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** What the admin API shows of probes and their evidence. */
public final class ProbeViews {
  private ProbeViews() {}

  public record Dropped(long statements, long observations, long mappings, long batches) {}

  public record ProbeView(
      String probeId,
      String source,
      long pid,
      String host,
      String jvm,
      String application,
      String agentVersion,
      String attach,
      List<String> frameworks,
      Instant startedAt,
      Instant attachedAt,
      Instant firstSeen,
      Instant lastSeen,
      long batches,
      long observations,
      Dropped dropped) {}

  public record Latency(Long meanMicros, long maxMicros, Long p50Micros, Long p99Micros) {}

  public record CallSite(
      @JsonProperty("class") String className, String method, Integer line, long count) {}

  /** {@code name} is the route of an http entry point, the main class or thread otherwise. */
  public record EntryPoint(String kind, String method, String name, long count) {}

  public record StatementView(
      String templateHash,
      String template,
      String operation,
      long count,
      long errors,
      long rows,
      Latency latencyMicros,
      List<String> columnsRead,
      List<String> samples,
      List<CallSite> callSites,
      List<EntryPoint> entryPoints,
      Instant firstSeen,
      Instant lastSeen) {}

  public record TableCounts(String table, long select, long insert, long update, long delete) {}

  public record EntryPointTables(
      String kind, String method, String name, List<TableCounts> tables) {}

  public record ComponentTables(
      @JsonProperty("class") String className, List<TableCounts> tables) {}

  public record Architecture(
      String source,
      int templates,
      int unparsedTemplates,
      List<String> tables,
      List<EntryPointTables> entryPoints,
      List<ComponentTables> components) {}
}
