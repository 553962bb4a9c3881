package dev.daas.apigen;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.ArrayList;

/** The schema of one attribute value, following the JSON encoding of the data API contract. */
final class AttributeSchemas {
  static final String LOCAL_TIMESTAMP_PATTERN =
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?$";
  static final String TIME_PATTERN = "^\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?$";

  /** The largest precision whose integers always fit a signed 64-bit integer. */
  private static final int LONG_DIGITS = 18;

  private AttributeSchemas() {}

  /** The property schema: type, format, nullability, read-only and provenance. */
  static Schema<?> property(Entity entity, Attribute attribute) {
    Schema<?> schema = valueSchema(attribute);
    String note = typeNote(attribute);
    String provenance = Descriptions.attribute(entity, attribute);
    schema.description(note.isEmpty() ? provenance : provenance + " " + note);
    if (attribute.nullable()) {
      schema.nullable(true);
    }
    if (attribute.generated()) {
      schema.readOnly(true);
    }
    VendorExtensions.attribute(schema, attribute);
    return schema;
  }

  /** Type, format and value constraints only: what a key part in a path looks like. */
  static Schema<?> valueSchema(Attribute attribute) {
    return switch (attribute.type()) {
      case INTEGER -> integer(attribute);
      case DECIMAL -> new NumberSchema().format("decimal");
      case FLOAT -> new NumberSchema().format("double");
      case BOOLEAN -> new BooleanSchema();
      case DATE -> new StringSchema().format("date");
      case TIME -> new StringSchema().format("time").pattern(TIME_PATTERN);
      // RFC 3339 date-time requires an offset: generated clients parse it as OffsetDateTime and
      // would fail on local timestamps, so those get a pattern instead of the format.
      case TIMESTAMP -> new StringSchema().pattern(LOCAL_TIMESTAMP_PATTERN);
      case TIMESTAMP_TZ -> new StringSchema().format("date-time");
      case BINARY -> new StringSchema().format("byte");
      case JSON -> new Schema<>();
      case UUID -> new StringSchema().format("uuid");
      case ENUM -> enumeration(attribute);
      case STRING -> string(attribute);
      case OTHER -> new StringSchema();
    };
  }

  private static Schema<?> integer(Attribute attribute) {
    IntegerSchema schema = new IntegerSchema();
    // integers wider than a long (numeric(30,0)) are still served as JSON integers
    boolean fitsLong = attribute.precision() == null || attribute.precision() <= LONG_DIGITS;
    return schema.format(fitsLong ? "int64" : null);
  }

  private static Schema<?> enumeration(Attribute attribute) {
    StringSchema schema = new StringSchema();
    if (!attribute.enumValues().isEmpty()) {
      schema._enum(new ArrayList<>(attribute.enumValues()));
    }
    return schema;
  }

  private static Schema<?> string(Attribute attribute) {
    StringSchema schema = new StringSchema();
    if (attribute.maxLength() != null && attribute.maxLength() > 0) {
      schema.maxLength(attribute.maxLength());
    }
    return schema;
  }

  private static String typeNote(Attribute attribute) {
    DataType type = attribute.type();
    return switch (type) {
      case INTEGER ->
          attribute.precision() != null && attribute.precision() > LONG_DIGITS
              ? "An integer that may exceed the 64-bit range."
              : "";
      case DECIMAL ->
          "An exact decimal number: every digit is served as stored, never rounded and"
              + " never in exponent notation; parse it as a decimal, not a binary float.";
      case TIME -> "A local time of day, HH:MM:SS with optional fraction, no offset.";
      case TIMESTAMP ->
          "A timestamp, local, no offset (ISO-8601 yyyy-MM-ddTHH:mm:ss with"
              + " optional fraction).";
      case TIMESTAMP_TZ -> "A timestamp with offset (ISO-8601, e.g. 2024-01-31T13:45:00Z).";
      case BINARY ->
          "Base64-encoded bytes"
              + (attribute.maxLength() == null
                  ? "."
                  : ", at most " + attribute.maxLength() + " bytes.");
      case JSON -> "Any JSON value, served as stored. Not filterable.";
      case OTHER -> "The text form of a native type without portable equivalent. Not sortable.";
      default -> "";
    };
  }
}
