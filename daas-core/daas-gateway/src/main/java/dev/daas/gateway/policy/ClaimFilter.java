package dev.daas.gateway.policy;

import dev.daas.gateway.parse.FilterExpr;
import dev.daas.gateway.parse.FilterExpr.BooleanLiteral;
import dev.daas.gateway.parse.FilterExpr.Literal;
import dev.daas.gateway.parse.FilterExpr.NumberLiteral;
import dev.daas.gateway.parse.FilterExpr.StringLiteral;
import dev.daas.gateway.parse.FilterSyntax;
import dev.daas.model.Attribute;
import dev.daas.model.Entity;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy row filter: the data API's filter grammar, where a value may also be a claim reference
 * {@code $claims.name}. Each reference is replaced, before parsing, by a string literal of the same
 * length that holds a NUL marker (policy text may not contain NUL itself), so positions in parse
 * errors stay those of the policy text. Binding swaps the markers for literals built from the
 * caller's claim values in the parsed tree: a claim value is never parsed, so it cannot change the
 * filter's structure, and the plan stage converts it to a typed, bound value like any literal.
 */
final class ClaimFilter {
  static final String PREFIX = "$claims.";
  private static final Pattern CLAIM = Pattern.compile("\\$claims\\.([A-Za-z_][A-Za-z0-9_]*)");
  private static final char MARK = '\0';

  final String text;
  final FilterExpr expr;
  final List<String> claims;

  private ClaimFilter(String text, FilterExpr expr, List<String> claims) {
    this.text = text;
    this.expr = expr;
    this.claims = List.copyOf(claims);
  }

  /** Parses a policy filter; fails with {@code MALFORMED_FILTER} naming the position. */
  static ClaimFilter parse(String text) {
    if (text.indexOf(MARK) >= 0) {
      throw malformed("a row filter cannot hold the NUL character (U+0000)", text.indexOf(MARK));
    }
    StringBuilder marked = new StringBuilder();
    List<String> claims = new ArrayList<>();
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        inString = !inString;
      } else if (c == '$' && !inString) {
        Matcher matcher = CLAIM.matcher(text).region(i, text.length());
        if (!matcher.lookingAt()) {
          throw malformed(
              "a claim is written $claims.name, with a name of letters, digits and _", i);
        }
        String reference = matcher.group();
        String mark = MARK + Integer.toString(claims.size());
        if (mark.length() + 2 > reference.length()) {
          throw malformed("a row filter may name at most 1000000 claims", i);
        }
        claims.add(matcher.group(1));
        marked.append('\'').append(mark);
        marked.append(String.valueOf(MARK).repeat(reference.length() - 2 - mark.length()));
        marked.append('\'');
        i += reference.length() - 1;
        continue;
      }
      marked.append(c);
    }
    return new ClaimFilter(text, FilterSyntax.parse(marked.toString()), claims);
  }

  /** The claim a literal stands for, or empty for a constant. */
  Optional<String> claimOf(Literal literal) {
    if (literal instanceof StringLiteral string
        && !string.value().isEmpty()
        && string.value().charAt(0) == MARK) {
      int end = string.value().indexOf(MARK, 1);
      String index = string.value().substring(1, end < 0 ? string.value().length() : end);
      return Optional.of(claims.get(Integer.parseInt(index)));
    }
    return Optional.empty();
  }

  /**
   * The filter with every claim replaced by the caller's value as a literal that fits the field, or
   * empty when a claim is absent, null, not a string, number or boolean, or does not fit: such a
   * filter matches nothing for this caller, so its grant is dropped (deny, not "null matches").
   */
  Optional<FilterExpr> bind(Entity entity, Map<String, Object> values) {
    try {
      return Optional.of(bind(expr, entity, values));
    } catch (Unbound e) {
      return Optional.empty();
    }
  }

  private FilterExpr bind(FilterExpr node, Entity entity, Map<String, Object> values) {
    if (node instanceof FilterExpr.And and) {
      return new FilterExpr.And(and.operands().stream().map(o -> bind(o, entity, values)).toList());
    } else if (node instanceof FilterExpr.Or or) {
      return new FilterExpr.Or(or.operands().stream().map(o -> bind(o, entity, values)).toList());
    } else if (node instanceof FilterExpr.Not not) {
      return new FilterExpr.Not(bind(not.operand(), entity, values));
    } else if (node instanceof FilterExpr.Comparison comparison) {
      Literal value = literal(comparison.value(), comparison.field(), entity, values);
      return new FilterExpr.Comparison(comparison.field(), comparison.operator(), value);
    } else if (node instanceof FilterExpr.InList in) {
      List<Literal> bound =
          in.values().stream().map(v -> literal(v, in.field(), entity, values)).toList();
      return new FilterExpr.InList(in.field(), bound, in.negated());
    } else if (node instanceof FilterExpr.Like like && claimOf(like.pattern()).isPresent()) {
      // a claim value would be read as a pattern, its % and _ as wildcards; validation refuses it
      throw new Unbound();
    }
    return node;
  }

  private Literal literal(
      Literal literal, FilterExpr.Field field, Entity entity, Map<String, Object> values) {
    Optional<String> claim = claimOf(literal);
    if (claim.isEmpty()) {
      return literal;
    }
    Object value = values.get(claim.get());
    Attribute attribute = entity.attribute(field.name()).orElseThrow(Unbound::new);
    int position = literal.position();
    if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw new Unbound();
    }
    return switch (attribute.type()) {
      case INTEGER, DECIMAL, FLOAT -> {
        if (value instanceof Boolean) {
          throw new Unbound();
        }
        yield new NumberLiteral(value.toString(), position);
      }
      case BOOLEAN -> {
        String text = value.toString();
        if (!text.equals("true") && !text.equals("false")) {
          throw new Unbound();
        }
        yield new BooleanLiteral(Boolean.parseBoolean(text), position);
      }
      default -> new StringLiteral(value.toString(), position);
    };
  }

  private static DaasException malformed(String message, int position) {
    return new DaasException(
        ErrorCode.MALFORMED_FILTER,
        "malformed row filter at position " + position + ": " + message,
        Map.of("position", position));
  }

  /** A claim that cannot be bound; caught by {@link #bind(Entity, Map)}. */
  private static final class Unbound extends RuntimeException {
    Unbound() {
      super(null, null, false, false);
    }
  }
}
