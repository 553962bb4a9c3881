package dev.daas.gateway.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Which fields of an entity a grant shows: all of them, only those listed (allow list), or all but
 * those listed (deny list). Fields are API names.
 */
public record ColumnRule(Mode mode, List<String> fields) {
  /** How {@link #fields} is read. */
  public enum Mode {
    ALL,
    ALLOW,
    DENY
  }

  public static final ColumnRule ALL = new ColumnRule(Mode.ALL, List.of());

  public ColumnRule {
    requireNonNull(mode, "mode is null");
    fields = List.copyOf(requireNonNull(fields, "fields is null"));
  }

  public static ColumnRule allow(String... fields) {
    return new ColumnRule(Mode.ALLOW, List.of(fields));
  }

  public static ColumnRule deny(String... fields) {
    return new ColumnRule(Mode.DENY, List.of(fields));
  }

  /** Whether the rule shows the field. */
  public boolean shows(String field) {
    return switch (mode) {
      case ALL -> true;
      case ALLOW -> fields.contains(field);
      case DENY -> !fields.contains(field);
    };
  }
}
