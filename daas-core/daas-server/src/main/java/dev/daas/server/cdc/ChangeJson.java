package dev.daas.server.cdc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON document of a change as streams and webhooks send it. Key and images are JSON already
 * (as stored); a coarse notification adds {@code coarse}, {@code channel} and {@code count}.
 */
final class ChangeJson {
  private ChangeJson() {}

  /** One logged row of {@code cdc_change} as it is read back. */
  record Row(
      long sequence,
      String entity,
      String operation,
      String key,
      String before,
      String after,
      Instant sourceTimestamp,
      String transactionId,
      String channel,
      Long count) {}

  static ChangeRecord record(ObjectMapper json, Row row) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("entity", row.entity());
      g.writeStringField("operation", row.operation());
      g.writeFieldName("key");
      raw(g, row.key());
      g.writeFieldName("before");
      raw(g, row.before());
      g.writeFieldName("after");
      raw(g, row.after());
      g.writeStringField(
          "sourceTimestamp",
          row.sourceTimestamp() == null ? null : row.sourceTimestamp().toString());
      g.writeStringField("transactionId", row.transactionId());
      g.writeNumberField("sequence", row.sequence());
      if (row.channel() != null) {
        g.writeBooleanField("coarse", true);
        g.writeStringField("channel", row.channel());
        g.writeNumberField("count", row.count() == null ? 0 : row.count());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ChangeRecord(row.sequence(), row.entity(), out.toString());
  }

  private static void raw(JsonGenerator g, String value) throws IOException {
    if (value == null || value.equals("null")) {
      g.writeNull();
    } else {
      g.writeRawValue(value);
    }
  }
}
