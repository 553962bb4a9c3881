package dev.daas.gateway.parse;

import dev.daas.gateway.parse.FilterExpr.BooleanLiteral;
import dev.daas.gateway.parse.FilterExpr.Field;
import dev.daas.gateway.parse.FilterExpr.Literal;
import dev.daas.gateway.parse.FilterExpr.NumberLiteral;
import dev.daas.gateway.parse.FilterExpr.Operator;
import dev.daas.gateway.parse.FilterExpr.StringLiteral;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Builds the {@link FilterExpr} tree from ANTLR's parse tree. */
final class FilterAstBuilder extends FilterBaseVisitor<FilterExpr> {

  @Override
  public FilterExpr visitFilter(FilterParser.FilterContext ctx) {
    return visit(ctx.orExpr());
  }

  @Override
  public FilterExpr visitOrExpr(FilterParser.OrExprContext ctx) {
    List<FilterExpr> operands = new ArrayList<>();
    ctx.andExpr().forEach(e -> operands.add(visit(e)));
    return operands.size() == 1 ? operands.get(0) : new FilterExpr.Or(operands);
  }

  @Override
  public FilterExpr visitAndExpr(FilterParser.AndExprContext ctx) {
    List<FilterExpr> operands = new ArrayList<>();
    ctx.notExpr().forEach(e -> operands.add(visit(e)));
    return operands.size() == 1 ? operands.get(0) : new FilterExpr.And(operands);
  }

  @Override
  public FilterExpr visitNotExpr(FilterParser.NotExprContext ctx) {
    FilterExpr expr = visit(ctx.primary());
    for (int i = 0; i < ctx.NOT().size(); i++) {
      expr = new FilterExpr.Not(expr);
    }
    return expr;
  }

  @Override
  public FilterExpr visitPrimary(FilterParser.PrimaryContext ctx) {
    return ctx.orExpr() != null ? visit(ctx.orExpr()) : visit(ctx.predicate());
  }

  @Override
  public FilterExpr visitComparison(FilterParser.ComparisonContext ctx) {
    return new FilterExpr.Comparison(
        field(ctx.IDENT().getSymbol()), operator(ctx.compareOp().start), literal(ctx.literal()));
  }

  @Override
  public FilterExpr visitInList(FilterParser.InListContext ctx) {
    List<Literal> values = new ArrayList<>();
    ctx.literal().forEach(l -> values.add(literal(l)));
    return new FilterExpr.InList(field(ctx.IDENT().getSymbol()), values, ctx.NOT() != null);
  }

  @Override
  public FilterExpr visitLike(FilterParser.LikeContext ctx) {
    return new FilterExpr.Like(
        field(ctx.IDENT().getSymbol()), string(ctx.STRING().getSymbol()), ctx.NOT() != null);
  }

  @Override
  public FilterExpr visitIsNull(FilterParser.IsNullContext ctx) {
    return new FilterExpr.IsNull(field(ctx.IDENT().getSymbol()), ctx.NOT() != null);
  }

  private static Field field(Token token) {
    return new Field(token.getText(), token.getStartIndex());
  }

  private static Operator operator(Token token) {
    return switch (token.getType()) {
      case FilterLexer.EQ -> Operator.EQ;
      case FilterLexer.NE -> Operator.NE;
      case FilterLexer.LT -> Operator.LT;
      case FilterLexer.LE -> Operator.LE;
      case FilterLexer.GT -> Operator.GT;
      case FilterLexer.GE -> Operator.GE;
      default -> throw new IllegalStateException("not an operator: " + token.getText());
    };
  }

  private static Literal literal(FilterParser.LiteralContext ctx) {
    Token token = ctx.start;
    return switch (token.getType()) {
      case FilterLexer.STRING -> string(token);
      case FilterLexer.NUMBER -> new NumberLiteral(token.getText(), token.getStartIndex());
      case FilterLexer.TRUE -> new BooleanLiteral(true, token.getStartIndex());
      case FilterLexer.FALSE -> new BooleanLiteral(false, token.getStartIndex());
      default -> throw new IllegalStateException("not a literal: " + token.getText());
    };
  }

  private static StringLiteral string(Token token) {
    String text = token.getText();
    String value = text.substring(1, text.length() - 1).replace("''", "'");
    return new StringLiteral(value, token.getStartIndex());
  }
}
