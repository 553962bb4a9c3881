package dev.daas.gateway.policy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that {@link MaskKind#HASH} masks are keyed with: a hashed value is HMAC-SHA256 of the
 * value under this key, so nobody without the key can confirm a guess (an e-mail address, a tax
 * number) by hashing it, as they could with a plain digest. The same key gives the same hash for
 * the same value, so masked values still group and join within one installation. The server derives
 * it from its secrets key; it never leaves the process and never appears in {@link #toString()}.
 */
public final class MaskKey {
  /** Fewest key bytes accepted: HMAC-SHA256 keys shorter than that are guessable. */
  public static final int MIN_BYTES = 16;

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  private MaskKey(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  public static MaskKey of(byte[] secret) {
    requireNonNull(secret, "secret is null");
    if (secret.length < MIN_BYTES) {
      throw new IllegalArgumentException("a mask key needs at least " + MIN_BYTES + " bytes");
    }
    return new MaskKey(secret.clone());
  }

  /** The first {@code hexChars} hex characters of HMAC-SHA256(key, text). */
  String digest(String text, int hexChars) {
    byte[] mac = macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac).substring(0, hexChars);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "MaskKey[hidden]";
  }
}
