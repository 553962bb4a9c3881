package dev.daas.gateway.plan;

import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.Key;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The condition of a get-by-key request: the identifying key's attributes equal to the key parts of
 * the path, each converted to its attribute's type. Under access control every key attribute must
 * be shown unmasked, since reading by a hidden key would let a caller probe its values.
 */
final class KeyCondition {
  private KeyCondition() {}

  /**
   * Clients that percent-encode a whole path parameter send {@code 10%2C2} for the composite key
   * {@code 10,2}. When the parts do not match the key and the one part splits into exactly the
   * key's parts, read it that way: no request with the right number of parts is reinterpreted.
   */
  private static List<String> unjoinedKey(List<String> values, int parts) {
    if (parts > 1 && values.size() == 1) {
      List<String> split = List.of(values.get(0).split(",", -1));
      if (split.size() == parts) {
        return split;
      }
    }
    return values;
  }

  static Condition of(Entity entity, List<String> values, Guard guard) {
    Key key =
        entity
            .identifyingKey()
            .orElseThrow(
                () ->
                    new DaasException(
                        ErrorCode.NO_KEY,
                        "entity '"
                            + entity.name()
                            + (entity.primaryKey() == null
                                ? "' has no primary or identifying unique key"
                                : "' has no key that can address a row: its primary key has a"
                                    + " binary, json or other field")
                            + "; list it instead",
                        Map.of("entity", entity.name())));
    values = unjoinedKey(values, key.attributes().size());
    if (values.size() != key.attributes().size()) {
      throw new DaasException(
          ErrorCode.BAD_KEY,
          "the key of '"
              + entity.name()
              + "' has "
              + key.attributes().size()
              + " part(s) ("
              + String.join(", ", key.attributes())
              + ") but "
              + values.size()
              + " were given; separate parts with ',' and write a comma in a value as %2C",
          Map.of("entity", entity.name(), "key", key.attributes()));
    }
    List<Condition> equalities = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      // reading by a hidden key would let a caller probe its values
      Attribute attribute = guard.conditionable(entity, key.attributes().get(i), "key", null);
      Object value;
      try {
        value = ValueConverter.fromText(attribute, values.get(i));
      } catch (IllegalArgumentException e) {
        throw new DaasException(
            ErrorCode.BAD_KEY,
            "key part "
                + (i + 1)
                + " ("
                + attribute.name()
                + ") does not fit its type "
                + attribute.type()
                + ": expected "
                + e.getMessage(),
            Map.of("entity", entity.name(), "field", attribute.name(), "part", i + 1));
      }
      equalities.add(new Condition.Compare(attribute, Condition.Operator.EQ, value));
    }
    return Condition.and(equalities);
  }
}
