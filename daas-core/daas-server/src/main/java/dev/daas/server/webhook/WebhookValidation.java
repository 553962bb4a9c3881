package dev.daas.server.webhook;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.security.Authenticator;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks a {@link WebhookRequest} and reports every violation at once. */
final class WebhookValidation {
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final int MAX_URL = 2048;
  private static final int MAX_ENTITIES = 64;
  private static final int MAX_DESCRIPTION = 500;

  private WebhookValidation() {}

  /**
   * @param entities the API names of the source's current model
   * @param subscribable whether the role may subscribe to an entity of the model
   */
  static void check(WebhookRequest request, Set<String> entities, Predicate<String> subscribable) {
    List<Map<String, String>> violations = new ArrayList<>();
    String url = request.url();
    if (url == null || url.isBlank()) {
      violations.add(violation("url", "is required, e.g. https://example.com/hooks/daas"));
    } else if (url.length() > MAX_URL) {
      violations.add(violation("url", "is longer than 2048 characters"));
    } else {
      urlProblem(url).ifPresent(problem -> violations.add(violation("url", problem)));
    }
    if (request.entities() == null || request.entities().isEmpty()) {
      violations.add(violation("entities", "is required: at least one entity of the source"));
    } else if (request.entities().size() > MAX_ENTITIES) {
      violations.add(violation("entities", "at most 64 entities"));
    } else {
      for (String entity : request.entities()) {
        if (entity == null || !entities.contains(entity)) {
          violations.add(
              violation(
                  "entities", "'" + entity + "' is not an entity of the source's current model"));
        }
      }
    }
    if (request.role() == null || !ROLE.matcher(request.role()).matches()) {
      violations.add(
          violation(
              "role",
              "is required: the role whose policy filters the events, 1-64 of A-Z a-z 0-9 _ . : -"));
    } else if (Authenticator.ADMIN.equals(request.role())) {
      violations.add(
          violation(
              "role",
              "must not be 'admin': an admin sees every row and field unmasked, and a webhook"
                  + " sends what its role sees to another system; use a role with a policy"));
    } else if (request.entities() != null) {
      for (String entity : request.entities()) {
        if (entity != null && entities.contains(entity) && !subscribable.test(entity)) {
          violations.add(
              violation(
                  "role",
                  "no policy of role '"
                      + request.role()
                      + "' grants 'subscribe' on '"
                      + entity
                      + "' (PUT /admin/v1/sources/{name}/policies/{role})"));
        }
      }
    }
    if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
      violations.add(violation("description", "is longer than 500 characters"));
    }
    if (!violations.isEmpty()) {
      throw new DaasException(
          ErrorCode.VALIDATION_FAILED,
          "The webhook has " + violations.size() + " invalid field(s)",
          Map.of("violations", violations));
    }
  }

  private static java.util.Optional<String> urlProblem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return java.util.Optional.of("is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return java.util.Optional.of("must be an http:// or https:// URL");
    }
    if (uri.getHost() == null) {
      return java.util.Optional.of("has no host");
    }
    if (uri.getRawUserInfo() != null) {
      return java.util.Optional.of(
          "must not hold credentials: verify the signature instead (docs/change-streams.md)");
    }
    if (uri.getRawFragment() != null) {
      return java.util.Optional.of("must not have a #fragment");
    }
    return java.util.Optional.empty();
  }

  private static Map<String, String> violation(String field, String message) {
    return Map.of("field", field, "message", message);
  }
}
