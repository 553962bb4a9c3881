package dev.daas.recovery.sql;

import dev.daas.model.catalog.Table;
import dev.daas.recovery.sql.Scope.Output;
import dev.daas.recovery.sql.Scope.Resolved;
import dev.daas.recovery.sql.Scope.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Walks queries and FROM items into {@link Scope}s: each select sees its own FROM items and, for
 * correlated subqueries, those of the enclosing selects; derived tables and CTEs map their output
 * columns back onto the catalog columns they pass through. Expressions go to {@link
 * ExpressionWalker}; what is found goes to the {@link StatementFacts}.
 */
final class QueryWalker {
  final CatalogLookup lookup;
  final StatementFacts facts;
  private int nextId;

  QueryWalker(CatalogLookup lookup, StatementFacts facts) {
    this.lookup = lookup;
    this.facts = facts;
  }

  /** Walks a query; returns its output columns. */
  List<Output> select(Select select, Scope parent, Map<String, List<Output>> outerCtes) {
    Map<String, List<Output>> ctes = withItems(select.getWithItemsList(), parent, outerCtes);
    List<Output> outputs = List.of();
    if (select instanceof PlainSelect plain) {
      outputs = plain(plain, parent, ctes);
    } else if (select instanceof SetOperationList set) {
      for (Select member : set.getSelects()) {
        List<Output> o = select(member, parent, ctes);
        outputs = outputs.isEmpty() ? o : outputs;
      }
    } else if (select instanceof ParenthesedSelect parenthesed) {
      outputs = select(parenthesed.getSelect(), parent, ctes);
    }
    List<OrderByElement> order = select.getOrderByElements();
    if (order != null && !(select instanceof PlainSelect)) {
      Scope scope = new Scope(parent, ctes);
      order.forEach(o -> expression(o.getExpression(), scope));
    }
    return outputs;
  }

  /** The CTEs visible after a WITH clause: the outer ones and those it defines. */
  Map<String, List<Output>> withItems(
      List<WithItem<?>> items, Scope parent, Map<String, List<Output>> outer) {
    if (items == null || items.isEmpty()) {
      return outer;
    }
    Map<String, List<Output>> ctes = new HashMap<>(outer);
    for (WithItem<?> item : items) {
      if (item.getSelect() == null) {
        continue;
      }
      List<Output> outputs = select(item.getSelect(), parent, ctes);
      ctes.put(
          CatalogLookup.key(item.getUnquotedAliasName()), renamed(outputs, item.getWithItemList()));
    }
    return ctes;
  }

  private static List<Output> renamed(List<Output> outputs, List<SelectItem<?>> names) {
    if (names == null || names.isEmpty()) {
      return outputs;
    }
    List<Output> result = new ArrayList<>();
    for (int i = 0; i < outputs.size() && i < names.size(); i++) {
      result.add(new Output(SqlTables.name(names.get(i).toString()), outputs.get(i).column()));
    }
    return result;
  }

  private List<Output> plain(PlainSelect plain, Scope parent, Map<String, List<Output>> ctes) {
    if (plain.getTop() != null) {
      throw new StatementWalker.ForeignDialect("TOP");
    }
    if (plain.getOracleHierarchical() != null) {
      throw new StatementWalker.ForeignDialect("CONNECT BY");
    }
    Scope scope = new Scope(parent, ctes);
    if (plain.getFromItem() != null) {
      addFromItem(plain.getFromItem(), scope);
    }
    joins(plain.getJoins(), scope);
    List<Output> outputs = new ArrayList<>();
    for (SelectItem<?> item : plain.getSelectItems()) {
      Expression e = item.getExpression();
      expression(e, scope);
      Resolved r = e instanceof Column c ? resolve(c, scope) : null;
      String name =
          item.getAlias() != null
              ? item.getAlias().getUnquotedName()
              : e instanceof Column c ? c.getUnquotedColumnName() : e.toString();
      outputs.add(new Output(name, r));
    }
    expression(plain.getWhere(), scope);
    GroupByElement group = plain.getGroupBy();
    if (group != null && group.getGroupByExpressionList() != null) {
      group.getGroupByExpressionList().forEach(g -> expression((Expression) g, scope));
    }
    expression(plain.getHaving(), scope);
    if (plain.getOrderByElements() != null) {
      plain.getOrderByElements().forEach(o -> expression(o.getExpression(), scope));
    }
    return outputs;
  }

  void joins(List<Join> joins, Scope scope) {
    if (joins == null) {
      return;
    }
    for (Join join : joins) {
      List<Source> before = List.copyOf(scope.sources);
      addFromItem(join.getRightItem(), scope);
      List<Source> right = scope.sources.subList(before.size(), scope.sources.size());
      if (join.getOnExpressions() != null) {
        join.getOnExpressions().forEach(on -> expression(on, scope));
      }
      if (join.getUsingColumns() != null) {
        for (Column c : join.getUsingColumns()) {
          equateFirst(before, List.copyOf(right), c.getUnquotedColumnName());
        }
      }
      if (join.isNatural()) {
        for (Source r : List.copyOf(right)) {
          if (r.table() != null) {
            r.table().columns().forEach(c -> equateFirst(before, List.of(r), c.name()));
          }
        }
      }
    }
  }

  /** USING and NATURAL: the first left occurrence that has the column equals the right one. */
  private void equateFirst(List<Source> left, List<Source> right, String column) {
    Resolved l =
        left.stream()
            .map(s -> Scope.resolveIn(s, column, lookup))
            .filter(r -> r != null)
            .findFirst()
            .orElse(null);
    for (Source s : right) {
      Resolved r = Scope.resolveIn(s, column, lookup);
      if (l != null && r != null) {
        facts.column(l.ref());
        facts.column(r.ref());
        facts.equality(l, r);
      }
    }
  }

  /** Adds the occurrences a FROM item brings into the scope, walking derived tables. */
  void addFromItem(FromItem item, Scope scope) {
    String alias = item.getAlias() == null ? null : item.getAlias().getUnquotedName();
    if (item instanceof net.sf.jsqlparser.schema.Table t) {
      String name = t.getUnquotedName();
      String schema = t.getUnquotedSchemaName();
      List<Output> cte = schema == null ? scope.cte(name) : null;
      String sourceName = CatalogLookup.key(alias != null ? alias : name);
      if (cte != null) {
        scope.sources.add(new Source(nextId++, sourceName, null, Scope.derived(cte)));
        return;
      }
      Table table = lookup.table(schema, name).orElse(null);
      if (table == null) {
        facts.unknownTable(schema == null ? name : schema + "." + name);
      } else {
        facts.table(table.qualifiedName());
      }
      scope.sources.add(new Source(nextId++, sourceName, table, null));
    } else if (item instanceof ParenthesedSelect sub) {
      List<Output> outputs = select(sub.getSelect(), scope, scope.ctes);
      if (sub.getAlias() != null && sub.getAlias().getAliasColumns() != null) {
        List<Output> renamed = new ArrayList<>();
        var names = sub.getAlias().getAliasColumns();
        for (int i = 0; i < outputs.size() && i < names.size(); i++) {
          renamed.add(new Output(SqlTables.name(names.get(i).name), outputs.get(i).column()));
        }
        outputs = renamed;
      }
      scope.sources.add(
          new Source(
              nextId++,
              alias == null ? "" : CatalogLookup.key(alias),
              null,
              Scope.derived(outputs)));
    } else if (item instanceof ParenthesedFromItem nested) {
      addFromItem(nested.getFromItem(), scope);
      joins(nested.getJoins(), scope);
    }
  }

  Resolved resolve(Column column, Scope scope) {
    return scope.resolve(column, lookup);
  }

  void expression(Expression expression, Scope scope) {
    if (expression != null) {
      expression.accept(new ExpressionWalker(this, scope), null);
    }
  }
}
