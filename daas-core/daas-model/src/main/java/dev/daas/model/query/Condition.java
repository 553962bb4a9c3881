package dev.daas.model.query;

import static java.util.Objects.requireNonNull;

import dev.daas.model.Attribute;
import java.util.List;

/**
 * A resolved, typed row condition: attributes come from the model and values are already converted
 * to the Java type of the attribute's {@link dev.daas.model.DataType} (see {@link TypedValues}).
 * Connectors render it with bound parameters only.
 */
public sealed interface Condition {

  record And(List<Condition> operands) implements Condition {
    public And {
      operands = List.copyOf(operands);
    }
  }

  record Or(List<Condition> operands) implements Condition {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  record Not(Condition operand) implements Condition {
    public Not {
      requireNonNull(operand, "operand is null");
    }
  }

  /** {@code attribute op value}; value is never null (null tests are {@link IsNull}). */
  record Compare(Attribute attribute, Operator operator, Object value) implements Condition {
    public Compare {
      requireNonNull(attribute, "attribute is null");
      requireNonNull(operator, "operator is null");
      requireNonNull(value, "value is null");
    }
  }

  record In(Attribute attribute, List<Object> values, boolean negated) implements Condition {
    public In {
      requireNonNull(attribute, "attribute is null");
      values = List.copyOf(values);
    }
  }

  /** SQL LIKE with {@code %} and {@code _} wildcards and {@code \} as the escape character. */
  record Like(Attribute attribute, String pattern, boolean negated) implements Condition {
    public Like {
      requireNonNull(attribute, "attribute is null");
      requireNonNull(pattern, "pattern is null");
    }
  }

  record IsNull(Attribute attribute, boolean negated) implements Condition {
    public IsNull {
      requireNonNull(attribute, "attribute is null");
    }
  }

  /** Rows whose tuple of attributes equals one of the tuples: joins embedded rows to parents. */
  record TupleIn(List<Attribute> attributes, List<List<Object>> tuples) implements Condition {
    public TupleIn {
      attributes = List.copyOf(attributes);
      tuples = tuples.stream().map(List::copyOf).toList();
    }
  }

  enum Operator {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE
  }

  static Condition and(List<Condition> operands) {
    List<Condition> present = operands.stream().filter(c -> c != null).toList();
    if (present.isEmpty()) {
      return null;
    }
    return present.size() == 1 ? present.get(0) : new And(present);
  }
}
