package dev.daas.model.connector;

import dev.daas.model.catalog.Catalog;

/** Reads tables, views, columns, keys, indexes and comments of the configured schemas. */
public interface CatalogIntrospector {
  /**
   * @throws dev.daas.model.error.DaasException with {@code SOURCE_UNAVAILABLE} when the database
   *     cannot be reached
   */
  Catalog introspect();
}
