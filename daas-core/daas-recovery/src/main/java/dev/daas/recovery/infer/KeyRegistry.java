package dev.daas.recovery.infer;

import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.Table;
import dev.daas.model.catalog.TableIndex;
import dev.daas.model.catalog.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of every table with how sure we are of each: declared primary keys and unique
 * constraints or indexes (1), inferred primary keys (their confidence). The referenced side of a
 * relationship must be one of them.
 */
final class KeyRegistry {
  record TableKey(List<String> columns, double confidence, boolean primary) {}

  private final Map<String, List<TableKey>> keys = new HashMap<>();

  KeyRegistry(Catalog catalog, Map<String, InferredKey> inferred) {
    for (Table t : catalog.tables()) {
      List<TableKey> list = new ArrayList<>();
      if (t.primaryKey() != null && !t.primaryKey().columns().isEmpty()) {
        list.add(new TableKey(t.primaryKey().columns(), 1, true));
      }
      InferredKey key = inferred.get(t.qualifiedName());
      if (key != null) {
        list.add(new TableKey(key.columns(), key.confidence(), true));
      }
      for (UniqueConstraint u : t.uniqueConstraints()) {
        add(list, t, u.columns());
      }
      for (TableIndex i : t.indexes()) {
        if (i.unique()) {
          add(list, t, i.columns());
        }
      }
      if (!list.isEmpty()) {
        keys.put(t.qualifiedName(), List.copyOf(list));
      }
    }
  }

  private static void add(List<TableKey> list, Table t, List<String> columns) {
    boolean nonNull =
        columns.stream()
            .allMatch(c -> t.columns().stream().anyMatch(x -> x.name().equals(c) && !x.nullable()));
    if (!columns.isEmpty() && list.stream().noneMatch(k -> k.columns().equals(columns))) {
      list.add(new TableKey(columns, nonNull ? 1 : 0.8, false));
    }
  }

  List<TableKey> of(String table) {
    return keys.getOrDefault(table, List.of());
  }

  /** The primary (declared or inferred) key, or null. */
  TableKey primary(String table) {
    List<TableKey> list = keys.get(table);
    if (list != null) {
      for (TableKey k : list) {
        if (k.primary()) {
          return k;
        }
      }
    }
    return null;
  }

  /** How sure we are that these columns are a key of the table; 0 when they are not one. */
  double confidence(String table, List<String> columns) {
    return of(table).stream()
        .filter(k -> k.columns().equals(columns))
        .mapToDouble(TableKey::confidence)
        .max()
        .orElse(0);
  }

  /** Whether the columns, in any order, are exactly a key of the table. */
  boolean isKey(String table, List<String> columns) {
    java.util.Set<String> set = java.util.Set.copyOf(columns);
    return of(table).stream().anyMatch(k -> java.util.Set.copyOf(k.columns()).equals(set));
  }

  static boolean compatible(Column a, Column b) {
    return family(a) == family(b);
  }

  private static int family(Column c) {
    return switch (c.type()) {
      case INTEGER, DECIMAL -> 1;
      case STRING, ENUM -> 2;
      case DATE, TIMESTAMP, TIMESTAMP_TZ -> 3;
      default -> 4 + c.type().ordinal();
    };
  }
}
