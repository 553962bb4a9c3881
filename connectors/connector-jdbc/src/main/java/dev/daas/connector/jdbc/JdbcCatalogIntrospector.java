package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import dev.daas.model.catalog.Catalog;
import dev.daas.model.connector.CatalogIntrospector;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the configured schemas, or the database's default schema when none are configured. */
final class JdbcCatalogIntrospector implements CatalogIntrospector {
  private final String source;
  private final List<String> schemas;
  private final DataSource dataSource;
  private final JdbcDialect dialect;

  JdbcCatalogIntrospector(
      String source, List<String> schemas, DataSource dataSource, JdbcDialect dialect) {
    this.source = requireNonNull(source, "source is null");
    this.schemas = List.copyOf(requireNonNull(schemas, "schemas is null"));
    this.dataSource = requireNonNull(dataSource, "dataSource is null");
    this.dialect = requireNonNull(dialect, "dialect is null");
  }

  @Override
  public Catalog introspect() {
    try (Connection connection = dataSource.getConnection()) {
      CatalogReader reader = dialect.catalogReader();
      List<String> included = schemas.isEmpty() ? reader.defaultSchemas(connection) : schemas;
      if (included.isEmpty()) {
        throw new DaasException(
            ErrorCode.VALIDATION_FAILED,
            "source "
                + source
                + " names no schema and its connection has no default database;"
                + " name the database in the URL or list the schemas",
            Map.of("source", source));
      }
      return reader.read(connection, included);
    } catch (SQLException e) {
      throw SqlErrors.translate(source, dialect, e);
    }
  }
}
