package dev.daas.gateway.plan;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Converts request text (string literals, number literals, key parts) to the Java type that carries
 * values of an attribute's {@link DataType} (see {@code TypedValues}). Failures throw {@link
 * IllegalArgumentException} whose message says what was expected, never the value itself; callers
 * turn it into the error code that fits their parameter.
 *
 * <p>Timestamps: TIMESTAMP accepts {@code 2024-01-31T13:45:00}, a space instead of {@code T}, or a
 * date alone (midnight), and rejects an offset. TIMESTAMP_TZ accepts an ISO-8601 offset date-time
 * and reads one without offset, or a date alone, as UTC.
 */
public final class ValueConverter {
  /** Beyond this many digits a number is refused: no column holds it and it costs memory. */
  private static final int MAX_DIGITS = 1000;

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DATE_ONLY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private ValueConverter() {}

  /** What a value of the attribute looks like, for error messages. */
  public static String expected(Attribute attribute) {
    return switch (attribute.type()) {
      case STRING, OTHER -> "a string";
      case INTEGER -> "an integer";
      case DECIMAL -> "a decimal number";
      case FLOAT -> "a number";
      case BOOLEAN -> "true or false";
      case DATE -> "a date like 2024-01-31";
      case TIME -> "a time like 13:45:00";
      case TIMESTAMP -> "a timestamp like 2024-01-31T13:45:00 (without offset)";
      case TIMESTAMP_TZ -> "a timestamp like 2024-01-31T13:45:00Z";
      case UUID -> "a UUID like 123e4567-e89b-12d3-a456-426614174000";
      case ENUM ->
          attribute.enumValues().isEmpty()
              ? "a string"
              : "one of " + String.join(", ", attribute.enumValues());
      case BINARY -> "no value: binary fields cannot be compared";
      case JSON -> "no value: json fields cannot be compared";
    };
  }

  /** Converts the text of a number literal; only numeric attributes accept one. */
  public static Object fromNumber(Attribute attribute, String text) {
    return switch (attribute.type()) {
      case INTEGER, DECIMAL, FLOAT -> fromText(attribute, text);
      default -> throw mismatch(attribute);
    };
  }

  /** Converts a boolean literal; only boolean attributes accept one. */
  public static Object fromBoolean(Attribute attribute, boolean value) {
    if (attribute.type() != DataType.BOOLEAN) {
      throw mismatch(attribute);
    }
    return value;
  }

  /** Converts a string literal; numbers and booleans must be written unquoted. */
  public static Object fromString(Attribute attribute, String text) {
    return switch (attribute.type()) {
      case INTEGER, DECIMAL, FLOAT, BOOLEAN -> throw mismatch(attribute);
      default -> fromText(attribute, text);
    };
  }

  /** Converts free text, such as a part of a key in the path, of any orderable type. */
  public static Object fromText(Attribute attribute, String text) {
    try {
      return switch (attribute.type()) {
        case STRING, OTHER -> withoutNul(text);
        case ENUM -> enumValue(attribute, withoutNul(text));
        case INTEGER -> integer(attribute, text);
        case DECIMAL -> decimal(attribute, text);
        case FLOAT -> floating(attribute, text);
        case BOOLEAN -> bool(attribute, text);
        case DATE -> LocalDate.parse(text);
        case TIME -> LocalTime.parse(text);
        case TIMESTAMP -> timestamp(attribute, text);
        case TIMESTAMP_TZ -> timestampWithOffset(text);
        case UUID -> uuid(attribute, text);
        case BINARY, JSON -> throw mismatch(attribute);
      };
    } catch (DateTimeParseException e) {
      throw mismatch(attribute);
    }
  }

  /** No SQL character type holds U+0000; PostgreSQL refuses the whole statement. */
  public static String withoutNul(String text) {
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("text without the NUL character (U+0000)");
    }
    return text;
  }

  private static Object enumValue(Attribute attribute, String text) {
    if (!attribute.enumValues().isEmpty() && !attribute.enumValues().contains(text)) {
      throw mismatch(attribute);
    }
    return text;
  }

  private static Object integer(Attribute attribute, String text) {
    BigDecimal number = number(attribute, text);
    BigInteger value;
    try {
      value = number.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw mismatch(attribute);
    }
    return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0
        ? (Object) value.longValueExact()
        : value;
  }

  private static BigDecimal decimal(Attribute attribute, String text) {
    return number(attribute, text);
  }

  private static Double floating(Attribute attribute, String text) {
    double value = number(attribute, text).doubleValue();
    if (Double.isInfinite(value)) {
      throw mismatch(attribute);
    }
    return value;
  }

  private static BigDecimal number(Attribute attribute, String text) {
    if (!NUMBER.matcher(text).matches()) {
      throw mismatch(attribute);
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw mismatch(attribute);
    }
    // 1e999999999 is a short text for a huge number: refuse it before anyone expands it
    int integerDigits = number.precision() - number.scale();
    if (integerDigits > MAX_DIGITS || number.scale() > MAX_DIGITS) {
      throw mismatch(attribute);
    }
    return number;
  }

  private static Boolean bool(Attribute attribute, String text) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw mismatch(attribute);
  }

  private static LocalDateTime timestamp(Attribute attribute, String text) {
    if (DATE_ONLY.matcher(text).matches()) {
      return LocalDate.parse(text).atStartOfDay();
    }
    return LocalDateTime.parse(withT(text));
  }

  private static OffsetDateTime timestampWithOffset(String text) {
    if (DATE_ONLY.matcher(text).matches()) {
      return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    String iso = withT(text);
    try {
      return OffsetDateTime.parse(iso);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
    }
  }

  private static String withT(String text) {
    return text.length() > 10 && text.charAt(10) == ' '
        ? text.substring(0, 10) + 'T' + text.substring(11)
        : text;
  }

  private static UUID uuid(Attribute attribute, String text) {
    if (!UUID_TEXT.matcher(text).matches()) {
      throw mismatch(attribute);
    }
    return UUID.fromString(text);
  }

  private static IllegalArgumentException mismatch(Attribute attribute) {
    return new IllegalArgumentException(expected(attribute));
  }
}
