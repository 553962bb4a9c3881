package dev.daas.model.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a database's catalog says about the schemas of one source: the raw physical facts, before
 * recovery turns them into a {@link dev.daas.model.DataModel}.
 *
 * @param databaseProduct product name and version, e.g. {@code PostgreSQL 15.19}
 * @param tables tables and views, sorted by schema then name
 */
public record Catalog(String databaseProduct, List<Table> tables) {
  public Catalog {
    requireNonNull(databaseProduct, "databaseProduct is null");
    tables = List.copyOf(requireNonNull(tables, "tables is null"));
  }
}
