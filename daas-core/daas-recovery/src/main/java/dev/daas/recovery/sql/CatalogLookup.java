package dev.daas.recovery.sql;

import static java.util.Objects.requireNonNull;

import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import dev.daas.model.catalog.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds catalog tables and columns by the names a statement uses: case-insensitively (legacy SQL
 * rarely matches the catalog's case), with or without schema. An unqualified name that several
 * schemas hold resolves to none, since guessing would invent relationships.
 */
public final class CatalogLookup {
  private final Map<String, Table> qualified = new HashMap<>();
  private final Map<String, List<Table>> unqualified = new HashMap<>();
  private final Map<Table, Map<String, String>> columns = new HashMap<>();

  public CatalogLookup(Catalog catalog) {
    requireNonNull(catalog, "catalog is null");
    for (Table table : catalog.tables()) {
      qualified.put(key(table.qualifiedName()), table);
      unqualified.computeIfAbsent(key(table.name()), k -> new java.util.ArrayList<>()).add(table);
      Map<String, String> byKey = new HashMap<>();
      for (Column column : table.columns()) {
        byKey.putIfAbsent(key(column.name()), column.name());
      }
      columns.put(table, byKey);
    }
  }

  /** The table named {@code schema.name} or, with a null schema, {@code name} in one schema. */
  public Optional<Table> table(String schema, String name) {
    if (name == null) {
      return Optional.empty();
    }
    if (schema != null) {
      Table t = qualified.get(key(schema + "." + name));
      if (t != null) {
        return Optional.of(t);
      }
    }
    List<Table> candidates = unqualified.getOrDefault(key(name), List.of());
    return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
  }

  /** The table with this qualified name as {@link Table#qualifiedName()} spells it. */
  public Optional<Table> table(String qualifiedName) {
    return Optional.ofNullable(qualified.get(key(qualifiedName)));
  }

  /** The column's name as the catalog spells it, if the table has such a column. */
  public Optional<String> column(Table table, String name) {
    return Optional.ofNullable(columns.getOrDefault(table, Map.of()).get(key(name)));
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
