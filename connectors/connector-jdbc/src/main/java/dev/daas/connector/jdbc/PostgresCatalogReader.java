package dev.daas.connector.jdbc;

import dev.daas.model.DataType;
import dev.daas.model.EntityKind;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.catalog.Column;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads pg_catalog directly (information_schema is slow on wide schemas and hides enum labels and
 * comments): six queries in all, each covering every table of the included schemas.
 */
final class PostgresCatalogReader implements CatalogReader {
  private static final String RELATIONS =
      "c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition";

  private static final String TABLES =
      "select n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class')"
          + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
          + " where n.nspname = any(?) and "
          + RELATIONS;

  private static final String COLUMNS =
      "select n.nspname, c.relname, a.attname,"
          + " a.attnotnull or (t.typtype = 'd' and t.typnotnull) as not_null,"
          + " pg_get_expr(d.adbin, d.adrelid) as default_value,"
          + " col_description(c.oid, a.attnum) as comment,"
          + " bt.oid as type_oid, bt.typname, bt.typtype, bt.typcategory, tn.nspname as type_schema,"
          + " case when t.typtype = 'd' then t.typtypmod else a.atttypmod end as typmod,"
          + " a.attidentity <> '' or a.attgenerated <> ''"
          + " or coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false) as generated"
          + " from pg_attribute a"
          + " join pg_class c on c.oid = a.attrelid"
          + " join pg_namespace n on n.oid = c.relnamespace"
          + " join pg_type t on t.oid = a.atttypid"
          + " join pg_type bt on bt.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end"
          + " join pg_namespace tn on tn.oid = bt.typnamespace"
          + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
          + " where n.nspname = any(?) and a.attnum > 0 and not a.attisdropped and "
          + RELATIONS
          + " order by n.nspname, c.relname, a.attnum";

  private static final String ENUM_LABELS =
      "select e.enumtypid, e.enumlabel from pg_enum e"
          + " where e.enumtypid in (select a.atttypid from pg_attribute a"
          + " join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
          + " where n.nspname = any(?) and a.attnum > 0)"
          + " order by e.enumtypid, e.enumsortorder";

  private static final String KEYS =
      "select n.nspname, c.relname, con.conname, a.attname from pg_constraint con"
          + " join pg_class c on c.oid = con.conrelid"
          + " join pg_namespace n on n.oid = c.relnamespace"
          + " cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)"
          + " join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum"
          + " where con.contype = ? and n.nspname = any(?)"
          + " order by n.nspname, c.relname, con.conname, k.ord";

  private static final String FOREIGN_KEYS =
      "select n.nspname, c.relname, con.conname, a.attname, rn.nspname, rc.relname, ra.attname"
          + " from pg_constraint con"
          + " join pg_class c on c.oid = con.conrelid"
          + " join pg_namespace n on n.oid = c.relnamespace"
          + " join pg_class rc on rc.oid = con.confrelid"
          + " join pg_namespace rn on rn.oid = rc.relnamespace"
          + " cross join lateral unnest(con.conkey, con.confkey) with ordinality as k(attnum,"
          + " refnum, ord)"
          + " join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum"
          + " join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = k.refnum"
          + " where con.contype = 'f' and n.nspname = any(?)"
          + " order by n.nspname, c.relname, con.conname, k.ord";

  private static final String INDEXES =
      "select n.nspname, c.relname, ic.relname as index_name, i.indisunique,"
          + " i.indisunique and i.indpred is null as identifying, a.attname"
          + " from pg_index i"
          + " join pg_class ic on ic.oid = i.indexrelid"
          + " join pg_class c on c.oid = i.indrelid"
          + " join pg_namespace n on n.oid = c.relnamespace"
          + " cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)"
          + " left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum"
          + " where n.nspname = any(?) and k.ord <= i.indnkeyatts"
          + " order by n.nspname, c.relname, ic.relname, k.ord";

  @Override
  public List<String> defaultSchemas(Connection connection) {
    return List.of("public");
  }

  @Override
  public Catalog read(Connection connection, List<String> schemas) throws SQLException {
    Array schemaArray = connection.createArrayOf("text", schemas.toArray());
    List<Object> bySchema = List.of(schemaArray);
    CatalogBuilder builder = new CatalogBuilder();
    CatalogQuery.run(
        connection,
        TABLES,
        bySchema,
        row ->
            builder.table(
                row.getString(1),
                row.getString(2),
                "v".equals(row.getString(3)) || "m".equals(row.getString(3))
                    ? EntityKind.VIEW
                    : EntityKind.TABLE,
                row.getString(4)));
    Map<Long, List<String>> enumLabels = new HashMap<>();
    CatalogQuery.run(
        connection,
        ENUM_LABELS,
        bySchema,
        row ->
            enumLabels
                .computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                .add(row.getString(2)));
    CatalogQuery.run(
        connection,
        COLUMNS,
        bySchema,
        row -> builder.column(row.getString(1), row.getString(2), column(row, enumLabels)));
    CatalogQuery.run(
        connection,
        KEYS,
        List.of("p", schemaArray),
        row ->
            builder.primaryKeyColumn(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    CatalogQuery.run(
        connection,
        KEYS,
        List.of("u", schemaArray),
        row ->
            builder.uniqueColumn(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
    CatalogQuery.run(connection, FOREIGN_KEYS, bySchema, builder::foreignKeyColumn);
    CatalogQuery.run(
        connection,
        INDEXES,
        bySchema,
        row ->
            builder.indexColumn(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(6),
                row.getBoolean(4),
                row.getBoolean(5)));
    schemaArray.free();
    return builder.build(product(connection.getMetaData()));
  }

  private static Column column(java.sql.ResultSet row, Map<Long, List<String>> enumLabels)
      throws SQLException {
    String typeName = row.getString("typname");
    String typeType = row.getString("typtype");
    DataType type = PostgresTypes.map(typeName, typeType, row.getString("typcategory"));
    int typmod = row.getInt("typmod");
    String typeSchema = row.getString("type_schema");
    // User types outside the table's schema are qualified so enum casts find them.
    boolean qualify =
        type == DataType.ENUM
            && !typeSchema.equals(row.getString(1))
            && !typeSchema.equals("pg_catalog");
    return new Column(
        row.getString("attname"),
        type,
        qualify ? typeSchema + "." + typeName : typeName,
        !row.getBoolean("not_null"),
        row.getString("default_value"),
        row.getString("comment"),
        PostgresTypes.maxLength(typeName, typmod),
        PostgresTypes.precision(typeName, typmod),
        PostgresTypes.scale(typeName, typmod),
        type == DataType.ENUM
            ? enumLabels.getOrDefault(row.getLong("type_oid"), List.of())
            : List.of(),
        row.getBoolean("generated"));
  }

  /** {@code PostgreSQL 15.19}: the driver reports the server's own version. */
  static String product(DatabaseMetaData metaData) throws SQLException {
    String version = metaData.getDatabaseProductVersion();
    int space = version.indexOf(' ');
    return metaData.getDatabaseProductName()
        + " "
        + (space > 0 ? version.substring(0, space) : version);
  }
}
