package dev.daas.server.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a batch against docs/probe-protocol.md and reports every violation at once, each naming
 * its member ({@code statements[2].latencyMicros.counts}). Unknown members are ignored so that a
 * newer agent can add optional ones.
 */
final class ProbeBatchParser {
  static final int PROTOCOL = 1;
  private static final Set<String> OPERATIONS =
      Set.of("select", "insert", "update", "delete", "merge", "call", "ddl", "other");
  private static final Set<String> ATTACH = Set.of("launch", "dynamic");
  private static final Set<String> MAPPING_KINDS = Set.of("jpa", "hibernate", "mybatis");
  private static final int MAX_TEXT = 2048;
  private static final int MAX_TEMPLATE = 100_000;
  private static final int MAX_BUCKETS = 64;
  private static final int MAX_SAMPLES = 20;
  private static final int MAX_SAMPLE_CHARS = 4000;

  private final List<Map<String, String>> violations = new ArrayList<>();

  private ProbeBatchParser() {}

  /** The {@code source} member, read before authentication; null when absent or not a string. */
  static String source(JsonNode root) {
    JsonNode source = root == null ? null : root.get("source");
    return source != null && source.isTextual() ? source.asText() : null;
  }

  static ProbeBatch parse(JsonNode root) {
    return new ProbeBatchParser().batch(root);
  }

  private ProbeBatch batch(JsonNode root) {
    if (root == null || !root.isObject()) {
      violation("(body)", "must be a JSON object");
      throw failure();
    }
    long protocol = integer(root, "protocol", "", true, 0);
    if (protocol != PROTOCOL && violations.isEmpty()) {
      violation("protocol", "must be " + PROTOCOL);
    }
    String source = text(root, "source", "", true, 63);
    long sequence = integer(root, "sequence", "", true, 1);
    Instant start = instant(root, "intervalStart", "");
    Instant end = instant(root, "intervalEnd", "");
    ProbeBatch.Probe probe = probe(object(root, "probe", ""));
    List<ProbeBatch.Statement> statements = new ArrayList<>();
    JsonNode list = array(root, "statements", "");
    for (int i = 0; list != null && i < list.size(); i++) {
      statements.add(statement(list.get(i), "statements[" + i + "]."));
    }
    List<ProbeBatch.Mapping> mappings = new ArrayList<>();
    list = array(root, "mappings", "");
    for (int i = 0; list != null && i < list.size(); i++) {
      mappings.add(mapping(list.get(i), "mappings[" + i + "]."));
    }
    JsonNode dropped = object(root, "dropped", "");
    ProbeBatch.Dropped drops =
        dropped == null
            ? null
            : new ProbeBatch.Dropped(
                integer(dropped, "statements", "dropped.", true, 0),
                integer(dropped, "observations", "dropped.", true, 0),
                integer(dropped, "mappings", "dropped.", true, 0),
                integer(dropped, "batches", "dropped.", true, 0));
    if (!violations.isEmpty()) {
      throw failure();
    }
    return new ProbeBatch(source, sequence, start, end, probe, statements, mappings, drops);
  }

  private ProbeBatch.Probe probe(JsonNode probe) {
    if (probe == null) {
      return null;
    }
    String p = "probe.";
    String attach = text(probe, "attach", p, true, 16);
    if (attach != null && !ATTACH.contains(attach)) {
      violation(p + "attach", "must be one of " + ATTACH);
    }
    List<String> frameworks = new ArrayList<>();
    JsonNode list = array(probe, "frameworks", p);
    for (int i = 0; list != null && i < list.size(); i++) {
      if (list.get(i).isTextual()) {
        frameworks.add(list.get(i).asText());
      } else {
        violation(p + "frameworks[" + i + "]", "must be a string");
      }
    }
    return new ProbeBatch.Probe(
        text(probe, "id", p, true, 64),
        integer(probe, "pid", p, true, 0),
        text(probe, "host", p, true, 256),
        text(probe, "jvm", p, true, 256),
        text(probe, "application", p, true, 512),
        text(probe, "agentVersion", p, true, 64),
        optionalInstant(probe, "startedAt", p),
        optionalInstant(probe, "attachedAt", p),
        attach,
        frameworks);
  }

  private ProbeBatch.Statement statement(JsonNode s, String p) {
    if (!s.isObject()) {
      violation(p.substring(0, p.length() - 1), "must be an object");
      return null;
    }
    String operation = text(s, "operation", p, true, 16);
    if (operation != null && !OPERATIONS.contains(operation)) {
      violation(p + "operation", "must be one of " + OPERATIONS);
    }
    JsonNode db = optionalObject(s, "database", p);
    JsonNode call = optionalObject(s, "callSite", p);
    JsonNode entry = optionalObject(s, "entryPoint", p);
    String entryKind = null;
    String entryMethod = null;
    String entryName = null;
    if (entry != null) {
      entryKind = text(entry, "kind", p + "entryPoint.", true, 16);
      if ("http".equals(entryKind)) {
        entryMethod = text(entry, "method", p + "entryPoint.", true, 16);
        entryName = text(entry, "route", p + "entryPoint.", true, MAX_TEXT);
      } else if ("main".equals(entryKind)) {
        entryName = text(entry, "name", p + "entryPoint.", true, MAX_TEXT);
      } else if (entryKind != null) {
        violation(p + "entryPoint.kind", "must be http or main");
      }
    }
    JsonNode latency = object(s, "latencyMicros", p);
    String lp = p + "latencyMicros.";
    long[] bounds = latency == null ? null : longs(latency, "bounds", lp);
    long[] counts = latency == null ? null : longs(latency, "counts", lp);
    if (bounds != null && counts != null && counts.length != bounds.length + 1) {
      violation(lp + "counts", "must have one count more than bounds (" + bounds.length + ")");
    }
    List<String> columns = new ArrayList<>();
    JsonNode list = s.get("columnsRead");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        violation(p + "columnsRead", "must be an array of strings");
      } else {
        list.forEach(c -> columns.add(c.asText()));
      }
    }
    List<String> samples = new ArrayList<>();
    JsonNode sampleList = s.get("samples");
    if (sampleList != null && !sampleList.isNull()) {
      if (!sampleList.isArray() || sampleList.size() > MAX_SAMPLES) {
        violation(p + "samples", "must be an array of at most " + MAX_SAMPLES + " strings");
      } else {
        for (JsonNode sample : sampleList) {
          if (!sample.isTextual() || sample.asText().length() > MAX_SAMPLE_CHARS) {
            violation(p + "samples", "must hold strings of at most " + MAX_SAMPLE_CHARS + " chars");
            break;
          }
          samples.add(sample.asText());
        }
      }
    }
    return new ProbeBatch.Statement(
        text(s, "template", p, true, MAX_TEMPLATE),
        operation,
        db == null ? null : text(db, "product", p + "database.", false, 256),
        db == null ? null : text(db, "url", p + "database.", false, MAX_TEXT),
        db == null ? null : text(db, "user", p + "database.", false, 256),
        call == null ? null : text(call, "class", p + "callSite.", true, 512),
        call == null ? null : text(call, "method", p + "callSite.", true, 256),
        call == null ? null : (int) integer(call, "line", p + "callSite.", false, -1),
        entryKind,
        entryMethod,
        entryName,
        integer(s, "count", p, true, 0),
        integer(s, "errors", p, true, 0),
        integer(s, "rows", p, true, 0),
        latency == null ? 0 : integer(latency, "sum", lp, true, 0),
        latency == null ? 0 : integer(latency, "max", lp, true, 0),
        bounds,
        counts,
        columns,
        samples);
  }

  private ProbeBatch.Mapping mapping(JsonNode m, String p) {
    if (!m.isObject()) {
      violation(p.substring(0, p.length() - 1), "must be an object");
      return null;
    }
    String kind = text(m, "kind", p, true, 16);
    if (kind != null && !MAPPING_KINDS.contains(kind)) {
      violation(p + "kind", "must be one of " + MAPPING_KINDS);
    }
    return new ProbeBatch.Mapping(
        kind, text(m, "class", p, true, 512), text(m, "table", p, false, 512), m.toString());
  }

  private String text(JsonNode node, String name, String prefix, boolean required, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        violation(prefix + name, "is required");
      }
      return null;
    }
    if (!value.isTextual() || (required && value.asText().isBlank())) {
      violation(prefix + name, required ? "must be a non-empty string" : "must be a string");
      return null;
    }
    if (value.asText().length() > max) {
      violation(prefix + name, "is longer than " + max + " characters");
      return null;
    }
    return value.asText();
  }

  private long integer(JsonNode node, String name, String prefix, boolean required, long min) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        violation(prefix + name, "is required");
      }
      return min;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min) {
      violation(prefix + name, "must be an integer of at least " + min);
      return min;
    }
    return value.asLong();
  }

  private long[] longs(JsonNode node, String name, String prefix) {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray() || value.size() > MAX_BUCKETS) {
      violation(prefix + name, "must be an array of at most " + MAX_BUCKETS + " integers >= 0");
      return null;
    }
    long[] out = new long[value.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode n = value.get(i);
      if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
        violation(prefix + name + "[" + i + "]", "must be an integer >= 0");
        return null;
      }
      out[i] = n.asLong();
    }
    return out;
  }

  private Instant instant(JsonNode node, String name, String prefix) {
    if (node.get(name) == null || node.get(name).isNull()) {
      violation(prefix + name, "is required");
      return null;
    }
    return optionalInstant(node, name, prefix);
  }

  private Instant optionalInstant(JsonNode node, String name, String prefix) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      violation(prefix + name, "must be an ISO-8601 instant such as 2026-11-29T22:00:00Z");
      return null;
    }
  }

  private JsonNode object(JsonNode node, String name, String prefix) {
    JsonNode value = node.get(name);
    if (value == null || !value.isObject()) {
      violation(prefix + name, "is required and must be an object");
      return null;
    }
    return value;
  }

  private JsonNode optionalObject(JsonNode node, String name, String prefix) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      violation(prefix + name, "must be an object or null");
      return null;
    }
    return value;
  }

  private JsonNode array(JsonNode node, String name, String prefix) {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray()) {
      violation(prefix + name, "is required and must be an array");
      return null;
    }
    return value;
  }

  private void violation(String member, String message) {
    if (violations.size() < 50) {
      violations.add(Map.of("member", member, "message", message));
    }
  }

  private DaasException failure() {
    return new DaasException(
        ErrorCode.VALIDATION_FAILED,
        "The batch does not follow docs/probe-protocol.md: "
            + violations.get(0).get("member")
            + " "
            + violations.get(0).get("message")
            + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""),
        Map.of("violations", List.copyOf(violations)));
  }
}
