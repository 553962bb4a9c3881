package dev.daas.server.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Slow hashing of API keys: PBKDF2-HMAC-SHA256 from the JDK with a per-key salt. */
final class KeyHasher {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyHasher() {}

  static String salt() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  static String hash(String key, String salt, int iterations) {
    try {
      PBEKeySpec spec =
          new PBEKeySpec(key.toCharArray(), HexFormat.of().parseHex(salt), iterations, 256);
      byte[] hash =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      spec.clearPassword();
      return HexFormat.of().formatHex(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime provides PBKDF2WithHmacSHA256", e);
    }
  }

  /** Constant-time comparison of two hex hashes. */
  static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(), b.getBytes());
  }

  /** A fast digest, for remembering verified keys in memory without keeping them. */
  static String fingerprint(String key) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes("UTF-8")));
    } catch (Exception e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  static String randomToken(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  static String randomId() {
    byte[] value = new byte[6];
    RANDOM.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}
