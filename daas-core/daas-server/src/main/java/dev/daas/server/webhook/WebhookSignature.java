package dev.daas.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook secrets and signatures. The {@code DaaS-Signature} header is {@code t=<unix seconds>,
 * v1=<hex HMAC-SHA256>}, the HMAC keyed with the secret's UTF-8 bytes over {@code <t>.<body>}
 * (docs/change-streams.md has the receiver's recipe).
 */
public final class WebhookSignature {
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret: {@code whsec_} and 32 random bytes, Base64url. */
  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The header value for a body sent at {@code timestamp} (unix seconds). */
  public static String header(String secret, long timestamp, String body) {
    return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
  }

  /** Whether a header value is a valid signature of the body: what a receiver checks. */
  public static boolean verify(String secret, String header, String body) {
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      if (part.startsWith("t=")) {
        t = part.substring(2);
      } else if (part.startsWith("v1=")) {
        v1 = part.substring(3);
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
        v1.getBytes(StandardCharsets.US_ASCII));
  }

  private static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
