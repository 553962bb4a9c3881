package dev.daas.recovery.sql;

import dev.daas.model.catalog.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
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
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Walks one parsed statement with nested name scopes: each select sees its own FROM items and, for
 * correlated subqueries, those of the enclosing selects. Derived tables and CTEs map their output
 * columns back onto the catalog columns they pass through. Single use.
 */
final class StatementWalker {

  /** A construct of another database's dialect (T-SQL TOP, Oracle CONNECT BY). */
  static final class ForeignDialect extends RuntimeException {
    ForeignDialect(String construct) {
      super(construct, null, false, false);
    }
  }

  /** A column resolved to a catalog column of one table occurrence. */
  record Resolved(int sourceId, ColumnRef ref) {}

  /** A table occurrence: a catalog table (table set), a derived table or CTE (derived set). */
  private record Source(int id, String name, Table table, Map<String, Resolved> derived) {}

  /** An output column of a select: its name and, where it passes a column through, that column. */
  record Output(String name, Resolved column) {}

  static final class Scope {
    final Scope parent;
    final List<Source> sources = new ArrayList<>();
    final Map<String, List<Output>> ctes;

    Scope(Scope parent, Map<String, List<Output>> ctes) {
      this.parent = parent;
      this.ctes = ctes;
    }
  }

  final CatalogLookup lookup;
  private int nextId;
  private final Set<String> tables = new TreeSet<>();
  private final Set<String> unknown = new TreeSet<>();
  private final Map<String, Set<String>> columns = new TreeMap<>();
  private final Map<Long, List<JoinCondition.Pair>> equalities = new TreeMap<>();
  private final Set<ColumnRef> filters = new TreeSet<>();
  private final Set<ColumnRef> written = new TreeSet<>();
  private final Set<StatementAnalysis.Literal> literals =
      new TreeSet<>(
          Comparator.comparing(StatementAnalysis.Literal::column)
              .thenComparing(StatementAnalysis.Literal::value));

  StatementWalker(CatalogLookup lookup) {
    this.lookup = lookup;
  }

  StatementAnalysis walk(Statement statement) {
    if (statement instanceof Select select) {
      select(select, null, Map.of());
    } else if (statement instanceof Insert insert) {
      insert(insert);
    } else if (statement instanceof Update update) {
      update(update);
    } else if (statement instanceof Delete delete) {
      delete(delete);
    }
    List<JoinCondition> joins =
        equalities.values().stream()
            .map(JoinCondition::of)
            .distinct()
            .sorted(Comparator.comparing(JoinCondition::toString))
            .toList();
    Map<String, Set<String>> cols = new TreeMap<>();
    columns.forEach((t, c) -> cols.put(t, Set.copyOf(c)));
    return new StatementAnalysis(
        true,
        null,
        List.copyOf(tables),
        List.copyOf(unknown),
        cols,
        joins,
        List.copyOf(filters),
        List.copyOf(written),
        List.copyOf(literals));
  }

  private void insert(Insert insert) {
    Map<String, List<Output>> ctes = withItems(insert.getWithItemsList(), null, Map.of());
    Scope scope = new Scope(null, ctes);
    addFromItem(insert.getTable(), scope);
    Source target = scope.sources.get(0);
    if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
      for (Column c : insert.getColumns()) {
        Resolved r = resolveIn(target, c.getUnquotedColumnName());
        if (r != null) {
          column(r.ref());
          written.add(r.ref());
        }
      }
    } else if (target.table() != null) {
      target.table().columns().stream()
          .map(c -> new ColumnRef(target.table().qualifiedName(), c.name()))
          .forEach(
              ref -> {
                column(ref);
                written.add(ref);
              });
    }
    Select source = insert.getSelect();
    if (source != null && !(source instanceof net.sf.jsqlparser.statement.select.Values)) {
      select(source, null, ctes);
    }
    updateSets(insert.getDuplicateUpdateSets(), scope);
  }

  private void update(Update update) {
    Map<String, List<Output>> ctes = withItems(update.getWithItemsList(), null, Map.of());
    Scope scope = new Scope(null, ctes);
    addFromItem(update.getTable(), scope);
    joins(update.getStartJoins(), scope);
    if (update.getFromItem() != null) {
      addFromItem(update.getFromItem(), scope);
    }
    joins(update.getJoins(), scope);
    updateSets(update.getUpdateSets(), scope);
    expression(update.getWhere(), scope);
  }

  private void delete(Delete delete) {
    Map<String, List<Output>> ctes = withItems(delete.getWithItemsList(), null, Map.of());
    Scope scope = new Scope(null, ctes);
    if (delete.getTable() != null) {
      addFromItem(delete.getTable(), scope);
    }
    if (delete.getUsingList() != null) {
      delete.getUsingList().forEach(t -> addFromItem(t, scope));
    }
    joins(delete.getJoins(), scope);
    expression(delete.getWhere(), scope);
  }

  private void updateSets(List<UpdateSet> sets, Scope scope) {
    if (sets == null) {
      return;
    }
    for (UpdateSet set : sets) {
      for (Column c : set.getColumns()) {
        Resolved r = resolve(c, scope);
        if (r != null) {
          column(r.ref());
          written.add(r.ref());
        }
      }
      if (set.getValues() != null) {
        set.getValues().forEach(v -> expression(v, scope));
      }
    }
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

  private Map<String, List<Output>> withItems(
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
      throw new ForeignDialect("TOP");
    }
    if (plain.getOracleHierarchical() != null) {
      throw new ForeignDialect("CONNECT BY");
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

  private void joins(List<Join> joins, Scope scope) {
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
            .map(s -> resolveIn(s, column))
            .filter(r -> r != null)
            .findFirst()
            .orElse(null);
    for (Source s : right) {
      Resolved r = resolveIn(s, column);
      if (l != null && r != null) {
        column(l.ref());
        column(r.ref());
        equality(l, r);
      }
    }
  }

  private void addFromItem(FromItem item, Scope scope) {
    String alias = item.getAlias() == null ? null : item.getAlias().getUnquotedName();
    if (item instanceof net.sf.jsqlparser.schema.Table t) {
      String name = t.getUnquotedName();
      String schema = t.getUnquotedSchemaName();
      List<Output> cte = schema == null ? scope.ctes.get(CatalogLookup.key(name)) : null;
      String sourceName = CatalogLookup.key(alias != null ? alias : name);
      if (cte == null && scope.parent != null) {
        for (Scope s = scope.parent; s != null && cte == null; s = s.parent) {
          cte = schema == null ? s.ctes.get(CatalogLookup.key(name)) : null;
        }
      }
      if (cte != null) {
        scope.sources.add(new Source(nextId++, sourceName, null, derived(cte)));
        return;
      }
      Table table = lookup.table(schema, name).orElse(null);
      if (table == null) {
        unknown.add(schema == null ? name : schema + "." + name);
      } else {
        tables.add(table.qualifiedName());
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
              nextId++, alias == null ? "" : CatalogLookup.key(alias), null, derived(outputs)));
    } else if (item instanceof ParenthesedFromItem nested) {
      addFromItem(nested.getFromItem(), scope);
      joins(nested.getJoins(), scope);
    }
  }

  private static Map<String, Resolved> derived(List<Output> outputs) {
    Map<String, Resolved> map = new HashMap<>();
    for (Output o : outputs) {
      if (o.column() != null && o.name() != null) {
        map.putIfAbsent(CatalogLookup.key(o.name()), o.column());
      }
    }
    return map;
  }

  Resolved resolve(Column column, Scope scope) {
    String name = column.getUnquotedColumnName();
    net.sf.jsqlparser.schema.Table qualifier = column.getTable();
    String qualifierName =
        qualifier == null || qualifier.getName() == null ? null : qualifier.getUnquotedName();
    for (Scope s = scope; s != null; s = s.parent) {
      if (qualifierName != null) {
        String key = CatalogLookup.key(qualifierName);
        for (Source source : s.sources) {
          boolean named =
              source.name().equals(key)
                  || (source.table() != null
                      && CatalogLookup.key(source.table().name()).equals(key));
          if (named) {
            return resolveIn(source, name);
          }
        }
      } else {
        Resolved found = null;
        int matches = 0;
        for (Source source : s.sources) {
          Resolved r = resolveIn(source, name);
          if (r != null) {
            found = r;
            matches++;
          }
        }
        if (matches == 1) {
          return found;
        }
        if (matches > 1) {
          return null; // ambiguous: the database itself would reject the statement
        }
      }
    }
    return null;
  }

  private Resolved resolveIn(Source source, String column) {
    if (source.table() != null) {
      return lookup
          .column(source.table(), column)
          .map(c -> new Resolved(source.id(), new ColumnRef(source.table().qualifiedName(), c)))
          .orElse(null);
    }
    return source.derived() == null ? null : source.derived().get(CatalogLookup.key(column));
  }

  void expression(Expression expression, Scope scope) {
    if (expression != null) {
      expression.accept(new ExpressionWalker(this, scope), null);
    }
  }

  void column(ColumnRef ref) {
    columns.computeIfAbsent(ref.table(), t -> new TreeSet<>()).add(ref.column());
  }

  void equality(Resolved a, Resolved b) {
    if (a.sourceId() == b.sourceId()) {
      return; // a.X = a.Y compares two columns of one row: no join
    }
    Resolved low = a.sourceId() < b.sourceId() ? a : b;
    Resolved high = low == a ? b : a;
    long key = ((long) low.sourceId() << 32) | high.sourceId();
    equalities
        .computeIfAbsent(key, k -> new ArrayList<>())
        .add(new JoinCondition.Pair(low.ref(), high.ref()));
  }

  void filter(ColumnRef ref, String literal) {
    filters.add(ref);
    if (literal != null) {
      literals.add(new StatementAnalysis.Literal(ref, literal));
    }
  }
}
