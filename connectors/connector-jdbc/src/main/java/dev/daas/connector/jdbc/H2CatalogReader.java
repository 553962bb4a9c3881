package dev.daas.connector.jdbc;

import dev.daas.model.DataType;
import dev.daas.model.EntityKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads H2 2.x's INFORMATION_SCHEMA, one query per kind of fact. */
final class H2CatalogReader implements CatalogReader {
  @Override
  public List<String> defaultSchemas(Connection connection) {
    return List.of("PUBLIC");
  }

  @Override
  public Catalog read(Connection connection, List<String> schemas) throws SQLException {
    String in = "(" + CatalogQuery.placeholders(schemas.size()) + ")";
    CatalogBuilder builder = new CatalogBuilder();
    CatalogQuery.run(
        connection,
        "select TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, REMARKS from INFORMATION_SCHEMA.TABLES"
            + " where TABLE_SCHEMA in "
            + in,
        schemas,
        row -> {
          String type = row.getString(3);
          if ("VIEW".equals(type) || "BASE TABLE".equals(type)) {
            builder.table(
                row.getString(1),
                row.getString(2),
                "VIEW".equals(type) ? EntityKind.VIEW : EntityKind.TABLE,
                row.getString(4));
          }
        });
    Map<String, List<String>> enumLabels = new HashMap<>();
    CatalogQuery.run(
        connection,
        "select OBJECT_SCHEMA, OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME"
            + " from INFORMATION_SCHEMA.ENUM_VALUES where OBJECT_TYPE = 'TABLE' and OBJECT_SCHEMA in "
            + in
            + " order by OBJECT_SCHEMA, OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL",
        schemas,
        row ->
            enumLabels
                .computeIfAbsent(
                    row.getString(1) + "." + row.getString(2) + "." + row.getString(3),
                    k -> new ArrayList<>())
                .add(row.getString(4)));
    CatalogQuery.run(
        connection,
        "select TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, IS_NULLABLE, COLUMN_DEFAULT, REMARKS,"
            + " DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
            + " DTD_IDENTIFIER, IS_IDENTITY, IS_GENERATED from INFORMATION_SCHEMA.COLUMNS"
            + " where TABLE_SCHEMA in "
            + in
            + " order by TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION",
        schemas,
        row -> builder.column(row.getString(1), row.getString(2), column(row, enumLabels)));
    String constraints =
        "select tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.COLUMN_NAME"
            + " from INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
            + " join INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
            + " on k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
            + " and k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " where tc.CONSTRAINT_TYPE = ? and tc.TABLE_SCHEMA in "
            + in
            + " order by tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION";
    List<Object> primary = new ArrayList<>(List.of("PRIMARY KEY"));
    primary.addAll(schemas);
    CatalogQuery.run(
        connection,
        constraints,
        primary,
        row ->
            builder.primaryKeyColumn(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    List<Object> unique = new ArrayList<>(List.of("UNIQUE"));
    unique.addAll(schemas);
    CatalogQuery.run(
        connection,
        constraints,
        unique,
        row ->
            builder.uniqueColumn(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    CatalogQuery.run(
        connection,
        "select fk.TABLE_SCHEMA, fk.TABLE_NAME, fk.CONSTRAINT_NAME, fk.COLUMN_NAME,"
            + " uk.TABLE_SCHEMA, uk.TABLE_NAME, uk.COLUMN_NAME"
            + " from INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
            + " join INFORMATION_SCHEMA.KEY_COLUMN_USAGE fk"
            + " on fk.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
            + " and fk.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
            + " join INFORMATION_SCHEMA.KEY_COLUMN_USAGE uk"
            + " on uk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
            + " and uk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
            + " and uk.ORDINAL_POSITION = fk.POSITION_IN_UNIQUE_CONSTRAINT"
            + " where fk.TABLE_SCHEMA in "
            + in
            + " order by fk.TABLE_SCHEMA, fk.TABLE_NAME, fk.CONSTRAINT_NAME, fk.ORDINAL_POSITION",
        schemas,
        builder::foreignKeyColumn);
    CatalogQuery.run(
        connection,
        "select i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME"
            + " from INFORMATION_SCHEMA.INDEXES i join INFORMATION_SCHEMA.INDEX_COLUMNS c"
            + " on c.INDEX_SCHEMA = i.INDEX_SCHEMA and c.INDEX_NAME = i.INDEX_NAME"
            + " and c.TABLE_NAME = i.TABLE_NAME"
            + " where i.TABLE_SCHEMA in "
            + in
            + " order by i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION",
        schemas,
        row -> {
          String type = row.getString(4);
          boolean uniqueIndex = "PRIMARY KEY".equals(type) || "UNIQUE INDEX".equals(type);
          builder.indexColumn(
              row.getString(1),
              row.getString(2),
              row.getString(3),
              row.getString(5),
              uniqueIndex,
              uniqueIndex);
        });
    return builder.build(product(connection));
  }

  private static Column column(ResultSet row, Map<String, List<String>> enumLabels)
      throws SQLException {
    String dataType = row.getString("DATA_TYPE");
    DataType type = H2Types.map(dataType);
    boolean decimal = type == DataType.DECIMAL;
    boolean sized = type == DataType.STRING || type == DataType.BINARY;
    String enumKey =
        row.getString(1) + "." + row.getString(2) + "." + row.getString("DTD_IDENTIFIER");
    return new Column(
        row.getString("COLUMN_NAME"),
        type,
        dataType.toLowerCase(Locale.ROOT),
        "YES".equals(row.getString("IS_NULLABLE")),
        row.getString("COLUMN_DEFAULT"),
        row.getString("REMARKS"),
        sized ? CatalogQuery.nullableInt(row, "CHARACTER_MAXIMUM_LENGTH") : null,
        decimal ? CatalogQuery.nullableInt(row, "NUMERIC_PRECISION") : null,
        decimal ? CatalogQuery.nullableInt(row, "NUMERIC_SCALE") : null,
        type == DataType.ENUM ? enumLabels.getOrDefault(enumKey, List.of()) : List.of(),
        "YES".equals(row.getString("IS_IDENTITY"))
            || "ALWAYS".equals(row.getString("IS_GENERATED")));
  }

  /** {@code H2 2.4.240} without the build date. */
  private static String product(Connection connection) throws SQLException {
    String version = connection.getMetaData().getDatabaseProductVersion();
    int space = version.indexOf(' ');
    return "H2 " + (space > 0 ? version.substring(0, space) : version);
  }
}
