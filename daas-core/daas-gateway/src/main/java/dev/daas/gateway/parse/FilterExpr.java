package dev.daas.gateway.parse;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed filter expression, before it is checked against a model. Positions are 0-based character
 * offsets into the filter text, so the plan stage can point at the offending part.
 */
public sealed interface FilterExpr {

  /** Renders the expression in a canonical form: equal for filters that mean the same text. */
  String canonical();

  record And(List<FilterExpr> operands) implements FilterExpr {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public String canonical() {
      return join("AND", operands);
    }
  }

  record Or(List<FilterExpr> operands) implements FilterExpr {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public String canonical() {
      return join("OR", operands);
    }
  }

  record Not(FilterExpr operand) implements FilterExpr {
    public Not {
      requireNonNull(operand, "operand is null");
    }

    @Override
    public String canonical() {
      return "(NOT " + operand.canonical() + ")";
    }
  }

  record Comparison(Field field, Operator operator, Literal value) implements FilterExpr {
    public Comparison {
      requireNonNull(field, "field is null");
      requireNonNull(operator, "operator is null");
      requireNonNull(value, "value is null");
    }

    @Override
    public String canonical() {
      return field.name() + " " + operator.symbol() + " " + value.canonical();
    }
  }

  record InList(Field field, List<Literal> values, boolean negated) implements FilterExpr {
    public InList {
      requireNonNull(field, "field is null");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("an IN list needs at least one value");
      }
    }

    @Override
    public String canonical() {
      StringBuilder text = new StringBuilder(field.name()).append(negated ? " NOT IN (" : " IN (");
      for (int i = 0; i < values.size(); i++) {
        text.append(i == 0 ? "" : ", ").append(values.get(i).canonical());
      }
      return text.append(')').toString();
    }
  }

  record Like(Field field, StringLiteral pattern, boolean negated) implements FilterExpr {
    public Like {
      requireNonNull(field, "field is null");
      requireNonNull(pattern, "pattern is null");
    }

    @Override
    public String canonical() {
      return field.name() + (negated ? " NOT LIKE " : " LIKE ") + pattern.canonical();
    }
  }

  record IsNull(Field field, boolean negated) implements FilterExpr {
    public IsNull {
      requireNonNull(field, "field is null");
    }

    @Override
    public String canonical() {
      return field.name() + (negated ? " IS NOT NULL" : " IS NULL");
    }
  }

  /** A field reference: the API name as written and where it starts. */
  record Field(String name, int position) {
    public Field {
      requireNonNull(name, "name is null");
    }
  }

  enum Operator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** A literal value as written; the plan stage converts it to the attribute's type. */
  sealed interface Literal {
    int position();

    String canonical();
  }

  /** A string literal with its {@code ''} escapes resolved. */
  record StringLiteral(String value, int position) implements Literal {
    public StringLiteral {
      requireNonNull(value, "value is null");
    }

    @Override
    public String canonical() {
      return "'" + value.replace("'", "''") + "'";
    }
  }

  /** A number kept as its source text, so decimals and big integers convert exactly. */
  record NumberLiteral(String text, int position) implements Literal {
    public NumberLiteral {
      requireNonNull(text, "text is null");
    }

    @Override
    public String canonical() {
      return text;
    }
  }

  record BooleanLiteral(boolean value, int position) implements Literal {
    @Override
    public String canonical() {
      return Boolean.toString(value);
    }
  }

  private static String join(String keyword, List<FilterExpr> operands) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < operands.size(); i++) {
      text.append(i == 0 ? "" : " " + keyword + " ").append(operands.get(i).canonical());
    }
    return text.append(')').toString();
  }
}
