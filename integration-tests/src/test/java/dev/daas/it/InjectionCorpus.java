package dev.daas.it;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Hostile inputs that must never reach SQL text, and a way to smuggle them into a cursor. */
final class InjectionCorpus {
  private InjectionCorpus() {}

  /** Each entry is tried in every parameter. */
  static final List<String> PAYLOADS =
      List.of(
          "' OR '1'='1",
          "x'; DROP TABLE T_CUST; --",
          "x`; DROP TABLE T_ORD_LN; --",
          "1 OR 1=1",
          "1; DELETE FROM T_ORD_HDR",
          "\"; SELECT pg_sleep(5); --",
          "'; SELECT pg_sleep(5); --",
          "1 AND SLEEP(5)",
          "' UNION SELECT NULL, version() --",
          "x\\'; DROP TABLE T_PRD; --",
          "\u2019 OR \u20181\u2019=\u20181",
          "\u02bc OR 1=1 --",
          "nul\u0000byte",
          "%00' OR 1=1 --",
          "$1",
          "?",
          "/* */ OR /**/ 1=1",
          "c_nm) OR (1=1",
          "x".repeat(3000),
          "'".repeat(1500));

  /** Far beyond what a request line may hold: the server must refuse it, not fail. */
  static final String HUGE = "A".repeat(6_000);

  /** The literal as the filter grammar writes it: quotes doubled. */
  static String quoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /**
   * A cursor with a valid checksum but values chosen by an attacker, in the documented layout
   * (version, entity, sort, filter fingerprint, tagged values, 8 checksum bytes). The checksum is
   * no signature, so the server must bind these values like any other.
   */
  static String forgedCursor(String entity, String sort, Object... values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      writeText(out, entity);
      writeText(out, sort);
      writeText(out, "");
      out.writeShort(values.length);
      for (Object value : values) {
        if (value == null) {
          out.writeByte('N');
        } else {
          out.writeByte(value instanceof Long ? 'L' : 'S');
          writeText(out, value.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] payload = bytes.toByteArray();
    byte[] all = Arrays.copyOf(payload, payload.length + 8);
    System.arraycopy(sha256(payload), 0, all, payload.length, 8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
  }

  /** The same cursor text with one character changed in the middle. */
  static String tampered(String cursor) {
    int middle = cursor.length() / 2;
    char changed = cursor.charAt(middle) == 'A' ? 'B' : 'A';
    return cursor.substring(0, middle) + changed + cursor.substring(middle + 1);
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
