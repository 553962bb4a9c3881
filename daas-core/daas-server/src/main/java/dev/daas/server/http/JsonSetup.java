package dev.daas.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.daas.model.query.RawJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * JSON encoding of data values as docs/api-guide.md documents it: decimals with every digit and
 * never an exponent, ISO-8601 times that always carry seconds, json columns as JSON.
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true);
    mapper
        .getFactory()
        .configure(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature(), true);
    SimpleModule module = new SimpleModule("daas-values");
    module.addSerializer(RawJson.class, new RawJsonSerializer());
    module.addSerializer(
        LocalTime.class, new FormatSerializer<>(LocalTime.class, DateTimeFormatter.ISO_LOCAL_TIME));
    module.addSerializer(
        LocalDateTime.class,
        new FormatSerializer<>(LocalDateTime.class, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    module.addSerializer(
        OffsetDateTime.class,
        new FormatSerializer<>(OffsetDateTime.class, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    mapper.registerModule(module);
  }

  static final class RawJsonSerializer extends StdSerializer<RawJson> {
    RawJsonSerializer() {
      super(RawJson.class);
    }

    @Override
    public void serialize(RawJson value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeRawValue(value.json());
    }
  }

  static final class FormatSerializer<T extends java.time.temporal.TemporalAccessor>
      extends StdSerializer<T> {
    private final DateTimeFormatter format;

    FormatSerializer(Class<T> type, DateTimeFormatter format) {
      super(type);
      this.format = format;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(format.format(value));
    }
  }
}
