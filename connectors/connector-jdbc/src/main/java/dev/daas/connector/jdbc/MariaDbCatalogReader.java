package dev.daas.connector.jdbc;

import dev.daas.model.DataType;
import dev.daas.model.EntityKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads information_schema of MariaDB and MySQL, one query per kind of fact for all included
 * databases. Views carry the comment {@code VIEW} on MySQL, which is dropped.
 */
final class MariaDbCatalogReader implements CatalogReader {
  private static final Pattern JSON_CHECK =
      Pattern.compile("(?i)^\\s*json_valid\\(\\s*`((?:[^`]|``)+)`\\s*\\)\\s*$");
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

  @Override
  public List<String> defaultSchemas(Connection connection) throws SQLException {
    String database = connection.getCatalog();
    return database == null || database.isBlank() ? List.of() : List.of(database);
  }

  @Override
  public Catalog read(Connection connection, List<String> schemas) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    boolean mariaDb = isMariaDb(metaData);
    String in = "(" + CatalogQuery.placeholders(schemas.size()) + ")";
    CatalogBuilder builder = new CatalogBuilder();
    CatalogQuery.run(
        connection,
        "select TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_COMMENT from information_schema.TABLES"
            + " where TABLE_SCHEMA in "
            + in,
        schemas,
        row -> {
          String type = row.getString(3);
          boolean view = "VIEW".equals(type);
          if (view || "BASE TABLE".equals(type) || "SYSTEM VERSIONED".equals(type)) {
            String comment = row.getString(4);
            builder.table(
                row.getString(1),
                row.getString(2),
                view ? EntityKind.VIEW : EntityKind.TABLE,
                view && "VIEW".equals(comment) ? null : comment);
          }
        });
    Set<String> jsonColumns = mariaDb ? jsonColumns(connection, in, schemas) : Set.of();
    CatalogQuery.run(
        connection,
        "select TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_COMMENT,"
            + " DATA_TYPE, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,"
            + " EXTRA from information_schema.COLUMNS where TABLE_SCHEMA in "
            + in
            + " order by TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION",
        schemas,
        row ->
            builder.column(row.getString(1), row.getString(2), column(row, jsonColumns, mariaDb)));
    String constraints =
        "select tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.COLUMN_NAME"
            + " from information_schema.TABLE_CONSTRAINTS tc"
            + " join information_schema.KEY_COLUMN_USAGE k"
            + " on k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA and k.TABLE_NAME = tc.TABLE_NAME"
            + " and k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " where tc.CONSTRAINT_TYPE = ? and tc.TABLE_SCHEMA in "
            + in
            + " order by tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION";
    CatalogQuery.run(
        connection,
        constraints,
        prepend("PRIMARY KEY", schemas),
        row ->
            builder.primaryKeyColumn(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    CatalogQuery.run(
        connection,
        constraints,
        prepend("UNIQUE", schemas),
        row ->
            builder.uniqueColumn(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    CatalogQuery.run(
        connection,
        "select TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA,"
            + " REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME from information_schema.KEY_COLUMN_USAGE"
            + " where REFERENCED_TABLE_NAME is not null and TABLE_SCHEMA in "
            + in
            + " order by TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
        schemas,
        builder::foreignKeyColumn);
    CatalogQuery.run(
        connection,
        "select TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME"
            + " from information_schema.STATISTICS where TABLE_SCHEMA in "
            + in
            + " order by TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
        schemas,
        row -> {
          boolean unique = row.getInt(4) == 0;
          builder.indexColumn(
              row.getString(1),
              row.getString(2),
              row.getString(3),
              row.getString(5),
              unique,
              unique);
        });
    return builder.build(product(metaData, mariaDb));
  }

  /** Columns guarded by {@code json_valid(col)}: MariaDB's JSON type. Keys are schema.table.col. */
  private static Set<String> jsonColumns(Connection connection, String in, List<String> schemas)
      throws SQLException {
    Set<String> columns = new HashSet<>();
    CatalogQuery.run(
        connection,
        "select CONSTRAINT_SCHEMA, TABLE_NAME, CHECK_CLAUSE from information_schema.CHECK_CONSTRAINTS"
            + " where CONSTRAINT_SCHEMA in "
            + in,
        schemas,
        row -> {
          Matcher matcher = JSON_CHECK.matcher(row.getString(3));
          if (matcher.matches()) {
            String column = matcher.group(1).replace("``", "`");
            columns.add(row.getString(1) + "." + row.getString(2) + "." + column);
          }
        });
    return columns;
  }

  private static Column column(ResultSet row, Set<String> jsonColumns, boolean mariaDb)
      throws SQLException {
    String name = row.getString("COLUMN_NAME");
    String dataType = row.getString("DATA_TYPE");
    String columnType = row.getString("COLUMN_TYPE");
    boolean json = jsonColumns.contains(row.getString(1) + "." + row.getString(2) + "." + name);
    DataType type = MariaDbTypes.map(dataType, columnType, json);
    boolean decimal = type == DataType.DECIMAL;
    boolean sized = type == DataType.STRING || type == DataType.BINARY;
    String defaultValue = row.getString("COLUMN_DEFAULT");
    if (mariaDb && "NULL".equals(defaultValue)) {
      // MariaDB spells "no default" as the expression NULL; MySQL uses SQL null.
      defaultValue = null;
    }
    return new Column(
        name,
        type,
        json ? "json" : dataType.toLowerCase(Locale.ROOT),
        "YES".equals(row.getString("IS_NULLABLE")),
        defaultValue,
        CatalogBuilder.blankToNull(row.getString("COLUMN_COMMENT")),
        sized ? CatalogQuery.nullableInt(row, "CHARACTER_MAXIMUM_LENGTH") : null,
        decimal ? CatalogQuery.nullableInt(row, "NUMERIC_PRECISION") : null,
        decimal ? CatalogQuery.nullableInt(row, "NUMERIC_SCALE") : null,
        type == DataType.ENUM ? MariaDbTypes.enumLabels(columnType) : List.of(),
        MariaDbTypes.isGenerated(row.getString("EXTRA")));
  }

  private static List<Object> prepend(Object first, List<String> rest) {
    List<Object> all = new java.util.ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  static boolean isMariaDb(DatabaseMetaData metaData) throws SQLException {
    return metaData.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb")
        || metaData.getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
  }

  /** {@code MariaDB 10.11.19} or {@code MySQL 8.4.3}, without the distribution suffix. */
  static String product(DatabaseMetaData metaData, boolean mariaDb) throws SQLException {
    String version = metaData.getDatabaseProductVersion();
    if (version.startsWith("5.5.5-")) {
      // Old replication-compatibility prefix some MariaDB servers put before the real version.
      version = version.substring("5.5.5-".length());
    }
    Matcher matcher = VERSION.matcher(version);
    return (mariaDb ? "MariaDB" : "MySQL") + " " + (matcher.find() ? matcher.group() : version);
  }
}
