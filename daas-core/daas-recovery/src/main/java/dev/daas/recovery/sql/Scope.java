package dev.daas.recovery.sql;

import dev.daas.model.catalog.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.schema.Column;

/**
 * One name scope of a statement: the table occurrences of a select (or of the target of insert,
 * update and delete), the CTEs visible in it, and its enclosing scope for correlated references.
 * Resolves column references against them to catalog columns.
 */
final class Scope {
  /** A column resolved to a catalog column of one table occurrence. */
  record Resolved(int sourceId, ColumnRef ref) {}

  /** A table occurrence: a catalog table (table set), a derived table or CTE (derived set). */
  record Source(int id, String name, Table table, Map<String, Resolved> derived) {}

  /** An output column of a select: its name and, where it passes a column through, that column. */
  record Output(String name, Resolved column) {}

  final Scope parent;
  final List<Source> sources = new ArrayList<>();
  final Map<String, List<Output>> ctes;

  Scope(Scope parent, Map<String, List<Output>> ctes) {
    this.parent = parent;
    this.ctes = ctes;
  }

  /** The CTE of this name visible here (this scope's, else an enclosing one's), or null. */
  List<Output> cte(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      List<Output> cte = s.ctes.get(CatalogLookup.key(name));
      if (cte != null) {
        return cte;
      }
    }
    return null;
  }

  /**
   * The catalog column a reference means: by its qualifier where it has one, else the only
   * occurrence in the nearest scope that has the column; null where unknown or ambiguous.
   */
  Resolved resolve(Column column, CatalogLookup lookup) {
    String name = column.getUnquotedColumnName();
    net.sf.jsqlparser.schema.Table qualifier = column.getTable();
    String qualifierName =
        qualifier == null || qualifier.getName() == null ? null : qualifier.getUnquotedName();
    for (Scope s = this; s != null; s = s.parent) {
      if (qualifierName != null) {
        String key = CatalogLookup.key(qualifierName);
        for (Source source : s.sources) {
          boolean named =
              source.name().equals(key)
                  || (source.table() != null
                      && CatalogLookup.key(source.table().name()).equals(key));
          if (named) {
            return resolveIn(source, name, lookup);
          }
        }
      } else {
        Resolved found = null;
        int matches = 0;
        for (Source source : s.sources) {
          Resolved r = resolveIn(source, name, lookup);
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

  /** The column of this name in one occurrence, or null. */
  static Resolved resolveIn(Source source, String column, CatalogLookup lookup) {
    if (source.table() != null) {
      return lookup
          .column(source.table(), column)
          .map(c -> new Resolved(source.id(), new ColumnRef(source.table().qualifiedName(), c)))
          .orElse(null);
    }
    return source.derived() == null ? null : source.derived().get(CatalogLookup.key(column));
  }

  /** The columns a derived table or CTE passes through, by output name. */
  static Map<String, Resolved> derived(List<Output> outputs) {
    Map<String, Resolved> map = new HashMap<>();
    for (Output o : outputs) {
      if (o.column() != null && o.name() != null) {
        map.putIfAbsent(CatalogLookup.key(o.name()), o.column());
      }
    }
    return map;
  }
}
