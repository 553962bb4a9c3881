package dev.daas.gateway.plan;

import dev.daas.gateway.parse.DataRequest;
import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.query.Condition;
import dev.daas.model.query.SortKey;
import dev.daas.model.query.TypedValues;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the cursor of a request into the seek condition of its plan. Cursors are forgeable (their
 * checksum is no secret), so each decoded value passes the same checks as a filter literal for its
 * sort attribute before it reaches a condition: numbers within the digit and exponent caps, text
 * without NUL, enum values among the labels. Every failure is {@code BAD_CURSOR}.
 */
final class CursorSeek {
  private CursorSeek() {}

  static Condition seek(Entity entity, DataRequest request, List<SortKey> orderBy) {
    return seek(entity, request, orderBy, Guard.NONE);
  }

  /**
   * Under access control every sort attribute, the appended key included, must be shown unmasked: a
   * forged cursor could otherwise probe a hidden key's values by where a page starts.
   */
  static Condition seek(Entity entity, DataRequest request, List<SortKey> orderBy, Guard guard) {
    if (orderBy.isEmpty()) {
      // no order means no position to continue from: such a listing has a single page
      throw Cursor.bad(
          "entity '"
              + entity.name()
              + "' has no field that can be sorted, so it is listed in one page and takes no"
              + " cursor",
          Map.of("entity", entity.name()));
    }
    for (SortKey key : orderBy) {
      guard.conditionable(entity, key.attribute().name(), "cursor", null);
    }
    Cursor cursor = Cursor.decode(request.cursor());
    if (!cursor.entity().equals(entity.name())) {
      throw Cursor.bad("cursor was made for another entity");
    }
    if (!cursor.sort().equals(Cursor.sortSpec(orderBy))) {
      throw Cursor.bad("cursor was made for another sort; keep sort unchanged between pages");
    }
    if (!cursor
        .filter()
        .equals(Cursor.filterFingerprint(request.filter(), guard.fingerprint(entity)))) {
      throw Cursor.bad(
          "cursor was made for another filter or another caller's access; keep filter unchanged"
              + " between pages");
    }
    if (cursor.values().size() != orderBy.size()) {
      throw Cursor.bad("cursor does not hold one value per sort field");
    }
    List<Object> position = new ArrayList<>(orderBy.size());
    for (int i = 0; i < orderBy.size(); i++) {
      position.add(checked(orderBy.get(i).attribute(), i, cursor.values().get(i)));
    }
    return SeekCondition.after(orderBy, position);
  }

  /** The value as a filter literal of the attribute would give it, or BAD_CURSOR. */
  static Object checked(Attribute attribute, int position, Object value) {
    if (value == null) {
      return null;
    }
    if (!fits(attribute, value)) {
      throw misfit(attribute, position, ValueConverter.expected(attribute));
    }
    if (value instanceof Double number && !Double.isFinite(number)) {
      // PostgreSQL floats hold NaN and infinities, and a page may end on one; a double is small
      return number;
    }
    try {
      return ValueConverter.fromText(attribute, value.toString());
    } catch (IllegalArgumentException e) {
      throw misfit(attribute, position, e.getMessage());
    }
  }

  private static boolean fits(Attribute attribute, Object value) {
    Class<?> type = TypedValues.javaType(attribute.type());
    return type.isInstance(value) || (type == Long.class && value instanceof BigInteger);
  }

  private static RuntimeException misfit(Attribute attribute, int position, String expected) {
    return Cursor.bad(
        "the cursor value at position "
            + position
            + " (sort field '"
            + attribute.name()
            + "') does not fit the entity's current model: expected "
            + expected,
        Map.of("position", position, "field", attribute.name()));
  }
}
