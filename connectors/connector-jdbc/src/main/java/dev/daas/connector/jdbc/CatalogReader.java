package dev.daas.connector.jdbc;

import dev.daas.model.catalog.Catalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the catalog of some schemas with one bulk query per kind of fact (tables, columns, keys,
 * indexes ...), never one round trip per table.
 */
interface CatalogReader {
  /** The schemas to read when the source names none. */
  List<String> defaultSchemas(Connection connection) throws SQLException;

  Catalog read(Connection connection, List<String> schemas) throws SQLException;
}
