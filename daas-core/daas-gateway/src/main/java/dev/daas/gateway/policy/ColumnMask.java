package dev.daas.gateway.policy;

import static java.util.Objects.requireNonNull;

import dev.daas.model.query.RawJson;
import java.util.HexFormat;

/**
 * A mask on one field. Masked values are strings (or null) whatever the field's type.
 *
 * @param field the field's API name
 * @param kind how the value is disguised
 * @param keepLast for {@link MaskKind#PARTIAL}: how many trailing characters stay readable; a value
 *     not longer than twice that is masked whole, so short values are never shown in full
 */
public record ColumnMask(String field, MaskKind kind, int keepLast) {
  /** Hex characters of the keyed digest (HMAC-SHA256) a {@link MaskKind#HASH} mask keeps. */
  public static final int HASH_CHARS = 16;

  private static final String HIDDEN = "****";

  public ColumnMask {
    requireNonNull(field, "field is null");
    requireNonNull(kind, "kind is null");
    if (kind == MaskKind.PARTIAL && keepLast < 1) {
      throw new IllegalArgumentException("a partial mask keeps at least 1 character");
    }
  }

  public static ColumnMask nulled(String field) {
    return new ColumnMask(field, MaskKind.NULL, 0);
  }

  public static ColumnMask hashed(String field) {
    return new ColumnMask(field, MaskKind.HASH, 0);
  }

  public static ColumnMask partial(String field, int keepLast) {
    return new ColumnMask(field, MaskKind.PARTIAL, keepLast);
  }

  /**
   * The value as the caller sees it.
   *
   * @param key what {@link MaskKind#HASH} masks are keyed with
   */
  public Object apply(Object value, MaskKey key) {
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case NULL -> null;
      case HASH -> requireNonNull(key, "key is null").digest(text(value), HASH_CHARS);
      case PARTIAL -> {
        String text = text(value);
        yield text.length() <= 2 * keepLast
            ? HIDDEN
            : HIDDEN + text.substring(text.length() - keepLast);
      }
    };
  }

  /** The text a masked or text-served value is made from: hex for bytes, JSON as written. */
  static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    if (value instanceof RawJson json) {
      return json.json();
    }
    return value.toString();
  }
}
