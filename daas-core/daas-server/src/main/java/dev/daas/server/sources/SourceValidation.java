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
      Pattern.compile("(?i)([?&;:]password=)|(//[^/@]*:[^/@]*@)");

  private SourceValidation() {}

  static void check(SourceRequest request, boolean urlAccepted) {
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
    }
    if (request.user() != null && request.user().length() > 256) {
      violations.add(violation("user", "is longer than 256 characters"));
    }
    if (request.password() != null && request.password().length() > 512) {
      violations.add(violation("password", "is longer than 512 characters"));
    }
    if (request.schemas() != null) {
      for (String schema : request.schemas()) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
          violations.add(
              violation("schemas", "each schema name must be 1-128 characters without commas"));
          break;
        }
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
