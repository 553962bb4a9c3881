package dev.daas.server.probe;

import java.time.Instant;
import java.util.List;

/** A validated batch of docs/probe-protocol.md, version 1. */
public record ProbeBatch(
    String source,
    long sequence,
    Instant intervalStart,
    Instant intervalEnd,
    Probe probe,
    List<Statement> statements,
    List<Mapping> mappings,
    Dropped dropped) {

  public record Probe(
      String id,
      long pid,
      String host,
      String jvm,
      String application,
      String agentVersion,
      Instant startedAt,
      Instant attachedAt,
      String attach,
      List<String> frameworks) {}

  /** One aggregate per (template, call site, entry point); absent parts are null. */
  public record Statement(
      String template,
      String operation,
      String dbProduct,
      String dbUrl,
      String dbUser,
      String callSiteClass,
      String callSiteMethod,
      Integer callSiteLine,
      String entryKind,
      String entryMethod,
      String entryName,
      long count,
      long errors,
      long rows,
      long latencySum,
      long latencyMax,
      long[] bounds,
      long[] counts,
      List<String> columnsRead,
      List<String> samples) {}

  /** An ORM mapping; {@code json} is the member as sent, kept whole. */
  public record Mapping(String kind, String className, String table, String json) {}

  public record Dropped(long statements, long observations, long mappings, long batches) {}
}
