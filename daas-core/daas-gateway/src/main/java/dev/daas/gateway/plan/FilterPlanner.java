package dev.daas.gateway.plan;

import dev.daas.gateway.parse.FilterExpr;
import dev.daas.gateway.parse.FilterExpr.BooleanLiteral;
import dev.daas.gateway.parse.FilterExpr.Literal;
import dev.daas.gateway.parse.FilterExpr.NumberLiteral;
import dev.daas.gateway.parse.FilterExpr.StringLiteral;
import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.model.query.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a parsed filter against an entity: fields become attributes and literals become values
 * of the attribute's Java type. Binary, json and other fields admit only IS [NOT] NULL; LIKE
 * applies to string fields only.
 */
final class FilterPlanner {
  private FilterPlanner() {}

  static Condition plan(Entity entity, FilterExpr expr) {
    if (expr instanceof FilterExpr.And and) {
      return new Condition.And(operands(entity, and.operands()));
    } else if (expr instanceof FilterExpr.Or or) {
      return new Condition.Or(operands(entity, or.operands()));
    } else if (expr instanceof FilterExpr.Not not) {
      return new Condition.Not(plan(entity, not.operand()));
    } else if (expr instanceof FilterExpr.IsNull isNull) {
      return new Condition.IsNull(attribute(entity, isNull.field()), isNull.negated());
    } else if (expr instanceof FilterExpr.Comparison comparison) {
      Attribute attribute = comparable(entity, comparison.field());
      return new Condition.Compare(
          attribute,
          Condition.Operator.valueOf(comparison.operator().name()),
          value(entity, attribute, comparison.value()));
    } else if (expr instanceof FilterExpr.InList in) {
      Attribute attribute = comparable(entity, in.field());
      List<Object> values = new ArrayList<>();
      for (Literal literal : in.values()) {
        values.add(value(entity, attribute, literal));
      }
      return new Condition.In(attribute, values, in.negated());
    } else if (expr instanceof FilterExpr.Like like) {
      Attribute attribute = comparable(entity, like.field());
      if (attribute.type() != DataType.STRING) {
        throw mismatch(
            entity, attribute, like.pattern(), "LIKE applies to string fields only", "a string");
      }
      if (like.pattern().value().indexOf('\0') >= 0) {
        throw mismatch(
            entity,
            attribute,
            like.pattern(),
            "a pattern cannot hold the NUL character (U+0000)",
            "text without the NUL character (U+0000)");
      }
      return new Condition.Like(attribute, like.pattern().value(), like.negated());
    }
    throw new IllegalStateException("unknown filter node " + expr.getClass().getSimpleName());
  }

  private static List<Condition> operands(Entity entity, List<FilterExpr> operands) {
    return operands.stream().map(e -> plan(entity, e)).toList();
  }

  private static Attribute attribute(Entity entity, FilterExpr.Field field) {
    return PlanErrors.attribute(entity, field.name(), "filter", field.position());
  }

  private static Attribute comparable(Entity entity, FilterExpr.Field field) {
    Attribute attribute = attribute(entity, field);
    if (!attribute.type().isOrderable()) {
      throw PlanErrors.notOrderable(entity, attribute, "filter on");
    }
    return attribute;
  }

  private static Object value(Entity entity, Attribute attribute, Literal literal) {
    try {
      if (literal instanceof StringLiteral string) {
        return ValueConverter.fromString(attribute, string.value());
      } else if (literal instanceof NumberLiteral number) {
        return ValueConverter.fromNumber(attribute, number.text());
      } else if (literal instanceof BooleanLiteral bool) {
        return ValueConverter.fromBoolean(attribute, bool.value());
      }
      throw new IllegalStateException("unknown literal " + literal.getClass().getSimpleName());
    } catch (IllegalArgumentException e) {
      boolean quoted = literal instanceof StringLiteral;
      String hint =
          switch (attribute.type()) {
            case INTEGER, DECIMAL, FLOAT, BOOLEAN -> quoted ? "; write it without quotes" : "";
            case STRING, ENUM, UUID, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ ->
                quoted ? "" : "; write it in quotes";
            default -> "";
          };
      throw mismatch(
          entity, attribute, literal, "expected " + e.getMessage() + hint, e.getMessage());
    }
  }

  private static DaasException mismatch(
      Entity entity, Attribute attribute, Literal literal, String what, String expected) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("field", attribute.name());
    details.put("entity", entity.name());
    details.put("type", attribute.type().name());
    details.put("expected", expected);
    details.put("position", literal.position());
    return new DaasException(
        ErrorCode.TYPE_MISMATCH,
        "the value at position "
            + literal.position()
            + " of the filter does not fit field '"
            + attribute.name()
            + "' ("
            + attribute.type()
            + "): "
            + what,
        details);
  }
}
