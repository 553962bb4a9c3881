package dev.daas.server.sources;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a {@link SourceRequest} and reports every violation at once. */
final class SourceValidation {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
  private static final Pattern SCHEMA = Pattern.compile("[^,\\s][^,]{0,127}");
  private static final Pattern PASSWORD_IN_URL =
      Pattern.compile("(?i)(password\\s*=)|(//[^/@]*:[^/@]*@)");
  private static final int MAX_SCHEMAS = 64;
  private static final int MAX_SCHEMAS_LENGTH = 2048;
  private static final int MAX_PASSWORD_BYTES = 512;

  private SourceValidation() {}

  /**
   * @param urlAccepted whether a connector accepts the URL
   * @param urlProblems what the accepting connector finds wrong with the URL's options
   */
  static void check(SourceRequest request, boolean urlAccepted, List<String> urlProblems) {
    List<Map<String, String>> violations = new ArrayList<>();
    if (request.name() == null || !NAME.matcher(request.name()).matches()) {
      violations.add(
          violation(
              "name",
              "must match [a-z][a-z0-9_-]{0,62}: lower-case letters, digits, '_' and '-',"
                  + " starting with a letter"));
    }
    if (request.url() == null || request.url().isBlank()) {
      violations.add(violation("url", "is required, e.g. jdbc:postgresql://host:5432/db"));
    } else if (request.url().length() > 2048) {
      violations.add(violation("url", "is longer than 2048 characters"));
    } else if (PASSWORD_IN_URL.matcher(request.url()).find()) {
      violations.add(
          violation(
              "url",
              "must not hold a password: pass it in the password field, which is stored"
                  + " encrypted and never shown"));
    } else if (!urlAccepted) {
      violations.add(
          violation(
              "url",
              "no connector accepts it; supported: jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:,"
                  + " jdbc:h2:"));
    } else {
      urlProblems.forEach(problem -> violations.add(violation("url", problem)));
    }
    if (request.user() != null && request.user().length() > 256) {
      violations.add(violation("user", "is longer than 256 characters"));
    }
    if (request.password() != null
        && request.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            > MAX_PASSWORD_BYTES) {
      violations.add(violation("password", "is longer than 512 bytes in UTF-8"));
    }
    if (request.schemas() != null) {
      boolean valid = request.schemas().size() <= MAX_SCHEMAS;
      int length = 0;
      for (String schema : request.schemas()) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
          valid = false;
          break;
        }
        length += schema.length() + 1;
      }
      if (!valid || length > MAX_SCHEMAS_LENGTH) {
        violations.add(
            violation(
                "schemas",
                "at most 64 schema names of 1-128 characters each, without commas or nulls,"
                    + " 2048 characters in all"));
      }
    }
    if (!violations.isEmpty()) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "The source has " + violations.size() + " invalid field(s)",
          Map.of("violations", violations));
    }
  }

  private static Map<String, String> violation(String field, String message) {
    return Map.of("field", field, "message", message);
  }
}
