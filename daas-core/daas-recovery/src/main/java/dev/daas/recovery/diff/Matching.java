package dev.daas.recovery.diff;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Pairs the elements of two models: by database name first, then by API name. */
final class Matching {
  private Matching() {}

  /** {@code schema.table}, or the table alone where there is no schema. */
  static String table(Entity entity) {
    return entity.schema() == null ? entity.table() : entity.schema() + "." + entity.table();
  }

  /** The columns behind attribute API names; a name without attribute stands for itself. */
  static List<String> columns(Entity entity, List<String> attributes) {
    return attributes.stream()
        .map(a -> entity.attribute(a).map(Attribute::column).orElse(a))
        .toList();
  }

  /** Old entity to new entity, for those that are the same. */
  static Map<Entity, Entity> entities(List<Entity> before, List<Entity> after) {
    return pair(before, after, Matching::table, Entity::name);
  }

  /** Old attribute to new attribute, for those that are the same. */
  static Map<Attribute, Attribute> attributes(List<Attribute> before, List<Attribute> after) {
    return pair(before, after, Attribute::column, Attribute::name);
  }

  private static <T> Map<T, T> pair(
      List<T> before, List<T> after, Function<T, String> primary, Function<T, String> secondary) {
    Map<T, T> pairs = new LinkedHashMap<>();
    Set<T> matched = new HashSet<>();
    Map<String, T> byPrimary = new HashMap<>();
    after.forEach(t -> byPrimary.putIfAbsent(primary.apply(t), t));
    for (T t : before) {
      T match = byPrimary.get(primary.apply(t));
      if (match != null && matched.add(match)) {
        pairs.put(t, match);
      }
    }
    Map<String, T> bySecondary = new HashMap<>();
    after.stream()
        .filter(t -> !matched.contains(t))
        .forEach(t -> bySecondary.putIfAbsent(secondary.apply(t), t));
    for (T t : before) {
      if (!pairs.containsKey(t)) {
        T match = bySecondary.remove(secondary.apply(t));
        if (match != null) {
          pairs.put(t, match);
        }
      }
    }
    return pairs;
  }
}
