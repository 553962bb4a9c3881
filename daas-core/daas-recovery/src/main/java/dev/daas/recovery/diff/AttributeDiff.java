package dev.daas.recovery.diff;

import static dev.daas.recovery.diff.ModelDiff.change;
import static dev.daas.recovery.diff.ModelDiff.compare;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.ValueDomain;
import java.util.List;
import java.util.Objects;

/** The changes between two versions of one attribute. */
final class AttributeDiff {
  /** Integers of more digits are no longer served as OpenAPI int64 (see api-generator). */
  private static final int LONG_DIGITS = 18;

  private AttributeDiff() {}

  static void diff(String entity, Attribute before, Attribute after, List<ModelChange> changes) {
    String name = after.name();
    if (!before.name().equals(name)) {
      changes.add(
          change(ChangeKind.ATTRIBUTE_RENAMED, Impact.BREAKING, entity, name, before.name(), name));
    }
    compare(
        changes,
        ChangeKind.ATTRIBUTE_COLUMN_CHANGED,
        entity,
        name,
        before.column(),
        after.column());
    type(entity, before, after, changes);
    if (before.nullable() != after.nullable()) {
      changes.add(
          change(
              ChangeKind.NULLABILITY_CHANGED,
              after.nullable() ? Impact.BREAKING : Impact.NON_BREAKING,
              entity,
              name,
              nullability(before),
              nullability(after)));
    }
    compare(
        changes,
        ChangeKind.DEFAULT_CHANGED,
        entity,
        name,
        before.defaultValue(),
        after.defaultValue());
    compare(
        changes, ChangeKind.GENERATED_CHANGED, entity, name, before.generated(), after.generated());
    compare(
        changes,
        ChangeKind.ATTRIBUTE_DESCRIPTION_CHANGED,
        entity,
        name,
        before.description(),
        after.description());
    compare(
        changes,
        ChangeKind.ATTRIBUTE_READABLE_NAME_CHANGED,
        entity,
        name,
        before.readableName(),
        after.readableName());
    // Observed values are documentation: a client that treats them as a closed set is wrong by
    // contract (docs/model.md), so no change of them breaks a client; evidence alone is not
    // compared.
    compare(
        changes,
        ChangeKind.VALUE_DOMAIN_CHANGED,
        entity,
        name,
        domain(before.valueDomain()),
        domain(after.valueDomain()));
    compare(changes, ChangeKind.PII_CHANGED, entity, name, before.pii(), after.pii());
  }

  /** {@code [A, X] open}, or null where there is no domain. */
  private static String domain(ValueDomain d) {
    return d == null ? null : d.values() + (d.closed() ? " closed" : " open");
  }

  private static void type(
      String entity, Attribute before, Attribute after, List<ModelChange> changes) {
    String was = describe(before);
    String is = describe(after);
    if (before.type() != after.type() || beyondLong(before) != beyondLong(after)) {
      changes.add(change(ChangeKind.TYPE_CHANGED, Impact.BREAKING, entity, after.name(), was, is));
      return;
    }
    if (!before.enumValues().equals(after.enumValues())) {
      changes.add(
          change(
              ChangeKind.ENUM_VALUES_CHANGED,
              Impact.BREAKING,
              entity,
              after.name(),
              before.enumValues().toString(),
              after.enumValues().toString()));
    }
    int length = compareBound(before.maxLength(), after.maxLength());
    int digits =
        before.type() == DataType.DECIMAL
            ? Math.min(
                compareBound(integerDigits(before), integerDigits(after)),
                compareBound(before.scale(), after.scale()))
            : Math.min(
                compareBound(before.precision(), after.precision()),
                compareBound(before.scale(), after.scale()));
    if (length < 0 || digits < 0) {
      changes.add(change(ChangeKind.TYPE_NARROWED, Impact.BREAKING, entity, after.name(), was, is));
    } else if (length > 0 || digits > 0) {
      changes.add(
          change(ChangeKind.TYPE_WIDENED, Impact.NON_BREAKING, entity, after.name(), was, is));
    } else if (!before.nativeType().equals(after.nativeType())) {
      changes.add(
          change(
              ChangeKind.NATIVE_TYPE_CHANGED, Impact.NON_BREAKING, entity, after.name(), was, is));
    }
  }

  /**
   * Negative where the new bound admits fewer values, positive where more, 0 where equal; null
   * means unbounded.
   */
  private static int compareBound(Integer before, Integer after) {
    if (Objects.equals(before, after)) {
      return 0;
    }
    if (before == null) {
      return -1;
    }
    if (after == null) {
      return 1;
    }
    return Integer.compare(after, before);
  }

  private static Integer integerDigits(Attribute a) {
    return a.precision() == null ? null : a.precision() - (a.scale() == null ? 0 : a.scale());
  }

  private static boolean beyondLong(Attribute a) {
    return a.type() == DataType.INTEGER && a.precision() != null && a.precision() > LONG_DIGITS;
  }

  /** {@code string varchar(10)}, {@code decimal numeric(19,4)}. */
  private static String describe(Attribute a) {
    String type = a.type().name().toLowerCase(java.util.Locale.ROOT) + " " + a.nativeType();
    if (a.maxLength() != null) {
      return type + "(" + a.maxLength() + ")";
    }
    if (a.precision() != null) {
      return type + "(" + a.precision() + (a.scale() == null ? "" : "," + a.scale()) + ")";
    }
    return type;
  }

  private static String nullability(Attribute a) {
    return a.nullable() ? "nullable" : "not null";
  }
}
