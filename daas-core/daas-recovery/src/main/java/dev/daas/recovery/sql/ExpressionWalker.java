package dev.daas.recovery.sql;

import java.util.List;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Visits one expression in a scope: records referenced columns, column-to-column equalities
 * (joins), columns compared with parameters or literals (filters), and walks subqueries in a child
 * scope so that correlated references resolve to the outer query's tables.
 */
final class ExpressionWalker extends ExpressionVisitorAdapter<Void> {
  private final QueryWalker walker;
  private final Scope scope;

  ExpressionWalker(QueryWalker walker, Scope scope) {
    this.walker = walker;
    this.scope = scope;
  }

  @Override
  public <S> Void visit(Column column, S context) {
    Scope.Resolved r = walker.resolve(column, scope);
    if (r != null) {
      walker.facts.column(r.ref());
    }
    return null;
  }

  @Override
  public <S> Void visit(EqualsTo equals, S context) {
    Scope.Resolved left = column(equals.getLeftExpression());
    Scope.Resolved right = column(equals.getRightExpression());
    if (left != null && right != null) {
      walker.facts.equality(left, right);
    } else {
      comparison(equals);
    }
    return super.visit(equals, context);
  }

  @Override
  public <S> Void visit(NotEqualsTo e, S context) {
    comparison(e);
    return super.visit(e, context);
  }

  @Override
  public <S> Void visit(GreaterThan e, S context) {
    comparison(e);
    return super.visit(e, context);
  }

  @Override
  public <S> Void visit(GreaterThanEquals e, S context) {
    comparison(e);
    return super.visit(e, context);
  }

  @Override
  public <S> Void visit(MinorThan e, S context) {
    comparison(e);
    return super.visit(e, context);
  }

  @Override
  public <S> Void visit(MinorThanEquals e, S context) {
    comparison(e);
    return super.visit(e, context);
  }

  @Override
  public <S> Void visit(LikeExpression e, S context) {
    comparison(e);
    return super.visit(e, context);
  }

  @Override
  public <S> Void visit(Between between, S context) {
    filter(between.getLeftExpression(), null);
    return super.visit(between, context);
  }

  @Override
  public <S> Void visit(IsNullExpression isNull, S context) {
    filter(isNull.getLeftExpression(), null);
    return super.visit(isNull, context);
  }

  @Override
  public <S> Void visit(InExpression in, S context) {
    Expression right = in.getRightExpression();
    in.getLeftExpression().accept(this, context);
    if (right instanceof ParenthesedSelect sub) {
      List<Scope.Output> outputs = walker.select(sub.getSelect(), scope, scope.ctes);
      Scope.Resolved left = column(in.getLeftExpression());
      if (left != null && outputs.size() == 1 && outputs.get(0).column() != null) {
        walker.facts.equality(left, outputs.get(0).column());
      }
      return null;
    }
    if (right instanceof ExpressionList<?> list) {
      if (list.isEmpty()) {
        filter(in.getLeftExpression(), null);
      }
      for (Expression value : list) {
        filter(in.getLeftExpression(), literal(value));
      }
    } else {
      filter(in.getLeftExpression(), null);
    }
    if (right != null) {
      right.accept(this, context);
    }
    return null;
  }

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    walker.select(select.getSelect(), scope, scope.ctes);
    return null;
  }

  @Override
  public <S> Void visit(Select select, S context) {
    walker.select(select, scope, scope.ctes);
    return null;
  }

  private void comparison(BinaryExpression e) {
    if (!(e.getRightExpression() instanceof Column)
        && !(e.getRightExpression() instanceof ParenthesedSelect)) {
      filter(e.getLeftExpression(), literal(e.getRightExpression()));
    }
    if (!(e.getLeftExpression() instanceof Column)
        && !(e.getLeftExpression() instanceof ParenthesedSelect)) {
      filter(e.getRightExpression(), literal(e.getLeftExpression()));
    }
  }

  private void filter(Expression expression, String literal) {
    Scope.Resolved r = column(expression);
    if (r != null) {
      walker.facts.filter(r.ref(), literal);
    }
  }

  private Scope.Resolved column(Expression expression) {
    return expression instanceof Column c ? walker.resolve(c, scope) : null;
  }

  private static String literal(Expression e) {
    if (e instanceof StringValue s) {
      return s.getValue();
    }
    if (e instanceof LongValue l) {
      return l.getStringValue();
    }
    if (e instanceof DoubleValue d) {
      return d.toString();
    }
    return null;
  }
}
