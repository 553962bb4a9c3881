package dev.daas.server.http;

import dev.daas.model.error.ErrorCode;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** RFC 9457 problem documents with our stable {@code code} member. */
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://daas.dev/problems/";

  private Problem() {}

  public static Response response(
      ErrorCode code, String detail, String instance, Map<String, Object> details) {
    Map<String, Object> body = body(code, detail, instance, details);
    Response.ResponseBuilder builder = Response.status(code.status()).type(MEDIA_TYPE).entity(body);
    if (code == ErrorCode.SOURCE_UNAVAILABLE) {
      builder.header("Retry-After", "5");
    }
    return builder.build();
  }

  /** The problem document's members, for answers written outside JAX-RS. */
  public static Map<String, Object> body(
      ErrorCode code, String detail, String instance, Map<String, Object> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + code.slug());
    body.put("title", title(code));
    body.put("status", code.status());
    body.put("detail", detail);
    body.put("code", code.slug());
    if (instance != null) {
      body.put("instance", instance);
    }
    details.forEach(body::putIfAbsent);
    return body;
  }

  static String title(ErrorCode code) {
    String words = code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
