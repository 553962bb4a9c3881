package dev.daas.recovery.sql;

import dev.daas.recovery.sql.Scope.Output;
import dev.daas.recovery.sql.Scope.Resolved;
import dev.daas.recovery.sql.Scope.Source;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Walks one parsed statement: the written columns of insert, update and delete here, queries with
 * their nested name scopes in {@link QueryWalker}, expressions in {@link ExpressionWalker}; the
 * result collects in {@link StatementFacts}. Single use.
 */
final class StatementWalker {

  /** A construct of another database's dialect (T-SQL TOP, Oracle CONNECT BY). */
  static final class ForeignDialect extends RuntimeException {
    ForeignDialect(String construct) {
      super(construct, null, false, false);
    }
  }

  private final CatalogLookup lookup;
  private final StatementFacts facts = new StatementFacts();
  private final QueryWalker queries;

  StatementWalker(CatalogLookup lookup) {
    this.lookup = lookup;
    this.queries = new QueryWalker(lookup, facts);
  }

  StatementAnalysis walk(Statement statement) {
    if (statement instanceof Select select) {
      queries.select(select, null, Map.of());
    } else if (statement instanceof Insert insert) {
      insert(insert);
    } else if (statement instanceof Update update) {
      update(update);
    } else if (statement instanceof Delete delete) {
      delete(delete);
    }
    return facts.analysis();
  }

  private void insert(Insert insert) {
    Map<String, List<Output>> ctes = queries.withItems(insert.getWithItemsList(), null, Map.of());
    Scope scope = new Scope(null, ctes);
    queries.addFromItem(insert.getTable(), scope);
    Source target = scope.sources.get(0);
    if (insert.getColumns() != null && !insert.getColumns().isEmpty()) {
      for (Column c : insert.getColumns()) {
        Resolved r = Scope.resolveIn(target, c.getUnquotedColumnName(), lookup);
        if (r != null) {
          facts.written(r.ref());
        }
      }
    } else if (target.table() != null) {
      target.table().columns().stream()
          .map(c -> new ColumnRef(target.table().qualifiedName(), c.name()))
          .forEach(facts::written);
    }
    Select source = insert.getSelect();
    if (source != null && !(source instanceof net.sf.jsqlparser.statement.select.Values)) {
      queries.select(source, null, ctes);
    }
    updateSets(insert.getDuplicateUpdateSets(), scope);
  }

  private void update(Update update) {
    Map<String, List<Output>> ctes = queries.withItems(update.getWithItemsList(), null, Map.of());
    Scope scope = new Scope(null, ctes);
    queries.addFromItem(update.getTable(), scope);
    queries.joins(update.getStartJoins(), scope);
    if (update.getFromItem() != null) {
      queries.addFromItem(update.getFromItem(), scope);
    }
    queries.joins(update.getJoins(), scope);
    updateSets(update.getUpdateSets(), scope);
    queries.expression(update.getWhere(), scope);
  }

  private void delete(Delete delete) {
    Map<String, List<Output>> ctes = queries.withItems(delete.getWithItemsList(), null, Map.of());
    Scope scope = new Scope(null, ctes);
    if (delete.getTable() != null) {
      queries.addFromItem(delete.getTable(), scope);
    }
    if (delete.getUsingList() != null) {
      delete.getUsingList().forEach(t -> queries.addFromItem(t, scope));
    }
    queries.joins(delete.getJoins(), scope);
    queries.expression(delete.getWhere(), scope);
  }

  private void updateSets(List<UpdateSet> sets, Scope scope) {
    if (sets == null) {
      return;
    }
    for (UpdateSet set : sets) {
      for (Column c : set.getColumns()) {
        Resolved r = queries.resolve(c, scope);
        if (r != null) {
          facts.written(r.ref());
        }
      }
      if (set.getValues() != null) {
        set.getValues().forEach(v -> queries.expression(v, scope));
      }
    }
  }
}
