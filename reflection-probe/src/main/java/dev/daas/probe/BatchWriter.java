package dev.daas.probe;

import java.util.List;

/** Writes a batch as the JSON of docs/probe-protocol.md. */
final class BatchWriter {
  private BatchWriter() {}

  /** Facts about this probe, fixed for its lifetime except the frameworks. */
  static final class Probe {
    String id;
    long pid;
    String host;
    String jvm;
    String application;
    long startedAtMillis;
    long attachedAtMillis;
    String attach;
  }

  static String write(String source, Batch batch, Probe probe, List<String> frameworks, long[] dropped) {
    JsonWriter w = new JsonWriter();
    w.beginObject();
    w.member("protocol", 1);
    w.member("source", source);
    w.member("sequence", batch.sequence);
    w.member("intervalStart", Batch.instant(batch.intervalStartMillis));
    w.member("intervalEnd", Batch.instant(batch.intervalEndMillis));
    w.name("probe").beginObject();
    w.member("id", probe.id);
    w.member("pid", probe.pid);
    w.member("host", probe.host);
    w.member("jvm", probe.jvm);
    w.member("application", probe.application);
    w.member("agentVersion", ProbeInfo.AGENT_VERSION);
    w.member("startedAt", Batch.instant(probe.startedAtMillis));
    w.member("attachedAt", Batch.instant(probe.attachedAtMillis));
    w.member("attach", probe.attach);
    w.name("frameworks").beginArray();
    for (String framework : frameworks) {
      w.value(framework);
    }
    w.endArray();
    w.endObject();
    w.name("statements").beginArray();
    for (StatementSnapshot s : batch.statements.values()) {
      writeStatement(w, s);
    }
    w.endArray();
    w.name("mappings").beginArray();
    StringBuilder raw = new StringBuilder(w.toString());
    for (int i = 0; i < batch.mappingsJson.size(); i++) {
      if (i > 0) {
        raw.append(',');
      }
      raw.append(batch.mappingsJson.get(i));
    }
    raw.append("],\"dropped\":{\"statements\":").append(dropped[0])
        .append(",\"observations\":").append(dropped[1])
        .append(",\"mappings\":").append(dropped[2])
        .append(",\"batches\":").append(dropped[3]).append("}}");
    return raw.toString();
  }

  private static void writeStatement(JsonWriter w, StatementSnapshot s) {
    StatementKey key = s.key;
    w.beginObject();
    w.member("template", key.template);
    w.member("operation", key.operation);
    w.name("database").beginObject();
    w.member("product", key.database.product);
    w.member("url", key.database.url);
    w.member("user", key.database.user);
    w.endObject();
    w.name("callSite");
    if (key.callSite == null) {
      w.nullValue();
    } else {
      w.beginObject();
      w.member("class", key.callSite.className);
      w.member("method", key.callSite.method);
      w.member("line", key.callSite.line);
      w.endObject();
    }
    w.name("entryPoint").beginObject();
    w.member("kind", key.entryPoint.kind);
    if (key.entryPoint.isHttp()) {
      w.member("method", key.entryPoint.method);
      w.member("route", key.entryPoint.name);
    } else {
      w.member("name", key.entryPoint.name);
    }
    w.endObject();
    w.member("count", s.count);
    w.member("errors", s.errors);
    w.member("rows", s.rows);
    w.name("latencyMicros").beginObject();
    w.member("sum", s.sumMicros);
    w.member("max", s.maxMicros);
    w.name("bounds").beginArray();
    for (long bound : StatementAggregate.BOUNDS) {
      w.value(bound);
    }
    w.endArray();
    w.name("counts").beginArray();
    for (long count : s.counts) {
      w.value(count);
    }
    w.endArray();
    w.endObject();
    w.name("columnsRead").beginArray();
    for (String column : s.columnsRead) {
      w.value(column);
    }
    w.endArray();
    if (!s.samples.isEmpty()) {
      w.name("samples").beginArray();
      for (String sample : s.samples) {
        w.value(sample);
      }
      w.endArray();
    }
    w.endObject();
  }
}
