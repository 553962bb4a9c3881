package dev.daas.gateway.plan;

import static java.util.Objects.requireNonNull;

import dev.daas.gateway.parse.FilterExpr;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.SortKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A keyset pagination cursor: where the previous page ended. It records the entity, the complete
 * sort (with the appended key), a fingerprint of the filter and the last row's values of the sort
 * attributes. The text form is base64url of a versioned binary payload followed by the first 8
 * bytes of its SHA-256, so a damaged or hand-edited cursor is refused with {@code BAD_CURSOR}.
 *
 * <p>A cursor only continues the listing it was made for: a different entity, sort or filter is
 * refused, because seeking from a position taken in another listing silently skips or repeats rows.
 * Changing {@code limit}, {@code fields} or {@code embed} between pages is allowed. The checksum is
 * not a signature: anyone can forge a cursor. So its text is capped before decoding, and the
 * planner checks every decoded value against its sort attribute as strictly as a filter literal
 * ({@link CursorSeek}): a forged cursor can start a listing elsewhere, which a filter could do as
 * well, but carries no value a filter could not.
 */
public record Cursor(String entity, String sort, String filter, List<Object> values) {
  private static final byte VERSION = 1;
  private static final int CHECKSUM_BYTES = 8;

  /**
   * Longest accepted cursor text. A cursor travels in a URL, which servers cap at a few KB anyway;
   * the cap also bounds what a forged cursor makes the decoder parse.
   */
  static final int MAX_ENCODED = 8192;

  private static final int MAX_VALUES = 64;

  public Cursor {
    requireNonNull(entity, "entity is null");
    requireNonNull(sort, "sort is null");
    requireNonNull(filter, "filter is null");
    values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** The sort as recorded in a cursor: {@code name,-created,id}. */
  public static String sortSpec(List<SortKey> orderBy) {
    return orderBy.stream()
        .map(k -> (k.descending() ? "-" : "") + k.attribute().name())
        .collect(Collectors.joining(","));
  }

  /** A short fingerprint of the filter's canonical form; empty without a filter. */
  public static String filterFingerprint(FilterExpr filter) {
    if (filter == null) {
      return "";
    }
    byte[] digest = sha256(filter.canonical().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  /**
   * The filter fingerprint bound to the caller's access as well ({@code EntityAccess.fingerprint}),
   * so a cursor made under one role's policy is refused under another's; equal to {@link
   * #filterFingerprint(FilterExpr)} when the access fingerprint is empty (no access control).
   */
  public static String filterFingerprint(FilterExpr filter, String accessFingerprint) {
    requireNonNull(accessFingerprint, "accessFingerprint is null");
    String own = filterFingerprint(filter);
    return accessFingerprint.isEmpty() ? own : own + "@" + accessFingerprint;
  }

  public String encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writeText(out, entity);
      writeText(out, sort);
      writeText(out, filter);
      out.writeShort(values.size());
      for (Object value : values) {
        out.writeByte(tag(value));
        if (value != null) {
          writeText(out, text(value));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] payload = bytes.toByteArray();
    byte[] all = Arrays.copyOf(payload, payload.length + CHECKSUM_BYTES);
    System.arraycopy(sha256(payload), 0, all, payload.length, CHECKSUM_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
  }

  /** Reads a cursor's text; fails with {@code BAD_CURSOR} when it is not one this class wrote. */
  public static Cursor decode(String text) {
    if (text.length() > MAX_ENCODED) {
      throw bad("cursor is longer than " + MAX_ENCODED + " characters");
    }
    byte[] all;
    try {
      all = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw bad("cursor is not valid base64url");
    }
    if (all.length <= CHECKSUM_BYTES) {
      throw bad("cursor is too short");
    }
    byte[] payload = Arrays.copyOf(all, all.length - CHECKSUM_BYTES);
    byte[] checksum = Arrays.copyOfRange(all, payload.length, all.length);
    if (!MessageDigest.isEqual(checksum, Arrays.copyOf(sha256(payload), CHECKSUM_BYTES))) {
      throw bad("cursor checksum does not match: it was changed or damaged");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw bad("cursor version " + version + " is not supported; start again without cursor");
      }
      String entity = readText(in);
      String sort = readText(in);
      String filter = readText(in);
      int count = in.readUnsignedShort();
      if (count > MAX_VALUES) {
        throw bad("cursor holds too many values");
      }
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        char tag = (char) in.readByte();
        values.add(tag == 'N' ? null : value(tag, readText(in)));
      }
      if (in.available() > 0) {
        throw bad("cursor has trailing data");
      }
      return new Cursor(entity, sort, filter, values);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DaasException daas) {
        throw daas;
      }
      throw bad("cursor cannot be read");
    }
  }

  private static char tag(Object value) {
    if (value == null) {
      return 'N';
    } else if (value instanceof String) {
      return 'S';
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return 'L';
    } else if (value instanceof BigInteger) {
      return 'I';
    } else if (value instanceof BigDecimal) {
      return 'D';
    } else if (value instanceof Double || value instanceof Float) {
      return 'F';
    } else if (value instanceof Boolean) {
      return 'B';
    } else if (value instanceof LocalDate) {
      return 'd';
    } else if (value instanceof LocalTime) {
      return 't';
    } else if (value instanceof LocalDateTime) {
      return 'T';
    } else if (value instanceof OffsetDateTime) {
      return 'Z';
    } else if (value instanceof UUID) {
      return 'U';
    }
    throw new IllegalStateException(
        "cannot put a value of " + value.getClass().getName() + " into a cursor");
  }

  private static String text(Object value) {
    return value instanceof Float f ? Double.toString(f.doubleValue()) : value.toString();
  }

  private static Object value(char tag, String text) {
    return switch (tag) {
      case 'S' -> text;
      case 'L' -> Long.valueOf(text);
      case 'I' -> new BigInteger(text);
      case 'D' -> new BigDecimal(text);
      case 'F' -> Double.valueOf(text);
      case 'B' -> Boolean.valueOf(text);
      case 'd' -> LocalDate.parse(text);
      case 't' -> LocalTime.parse(text);
      case 'T' -> LocalDateTime.parse(text);
      case 'Z' -> OffsetDateTime.parse(text);
      case 'U' -> UUID.fromString(text);
      default -> throw bad("cursor holds a value of unknown kind");
    };
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readText(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw bad("cursor is truncated");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  static DaasException bad(String message) {
    return bad(message, Map.of());
  }

  static DaasException bad(String message, Map<String, Object> details) {
    return new DaasException(
        ErrorCode.BAD_CURSOR, message + "; use page.next as returned", details);
  }
}
