package dev.daas.gateway.plan;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Errors the planner raises, with messages that name the value and what is accepted. */
final class PlanErrors {
  private static final int SUGGESTIONS = 8;
  private static final int MAX_SHOWN = 40;

  private PlanErrors() {}

  static Attribute attribute(Entity entity, String name, String parameter, Integer position) {
    return attribute(
        entity,
        name,
        parameter,
        position,
        entity.attributes().stream().map(Attribute::name).toList());
  }

  /**
   * The attribute, or {@code UNKNOWN_FIELD} whose suggestions come from {@code shown} only, so a
   * typo never lists fields the caller's policy hides.
   */
  static Attribute attribute(
      Entity entity, String name, String parameter, Integer position, List<String> shown) {
    return entity
        .attribute(name)
        .orElseThrow(
            () -> {
              List<String> names = shown;
              List<String> closest = closest(name, names);
              Map<String, Object> details = new LinkedHashMap<>();
              details.put("field", shorten(name));
              details.put("entity", entity.name());
              details.put("parameter", parameter);
              if (position != null) {
                details.put("position", position);
              }
              return new DaasException(
                  ErrorCode.UNKNOWN_FIELD,
                  "entity '"
                      + entity.name()
                      + "' has no field '"
                      + shorten(name)
                      + "' (in "
                      + parameter
                      + (names.isEmpty() ? ")" : "); fields include: ")
                      + String.join(", ", closest)
                      + (names.size() > closest.size() ? ", ..." : ""),
                  details);
            });
  }

  /** The valid names closest to the one given, so typos point at their fix. */
  static List<String> closest(String name, List<String> valid) {
    String lower = shorten(name).toLowerCase(java.util.Locale.ROOT);
    return valid.stream()
        .sorted(
            Comparator.comparingInt(
                (String v) -> distance(lower, v.toLowerCase(java.util.Locale.ROOT))))
        .limit(SUGGESTIONS)
        .toList();
  }

  static DaasException notOrderable(Entity entity, Attribute attribute, String use) {
    return new DaasException(
        ErrorCode.NOT_FILTERABLE,
        "field '"
            + attribute.name()
            + "' of entity '"
            + entity.name()
            + "' has type "
            + attribute.type()
            + " and cannot be used to "
            + use
            + (use.startsWith("filter") ? "; only IS NULL and IS NOT NULL apply to it" : ""),
        Map.of(
            "field", attribute.name(), "entity", entity.name(), "type", attribute.type().name()));
  }

  static String shorten(String text) {
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
