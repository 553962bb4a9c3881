package dev.daas.connector.jdbc;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.connector.SourceConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * MariaDB and MySQL. The URL scheme picks jOOQ's rendering; the catalog reader tells the two
 * servers apart from {@link java.sql.DatabaseMetaData} because a {@code jdbc:mysql:} URL may well
 * point at MariaDB. Where they differ: MariaDB stores JSON as LONGTEXT with a json_valid check,
 * reports column defaults as SQL expressions (quoted literals, {@code NULL}) and has a UUID type
 * (10.7+); MySQL has a real JSON type and reports defaults as bare values.
 */
final class MariaDbDialect implements JdbcDialect {
  /** ER_STATEMENT_TIMEOUT (MariaDB max_statement_time), ER_QUERY_TIMEOUT (MySQL). */
  private static final int MARIADB_STATEMENT_TIMEOUT = 1969;

  private static final int MYSQL_QUERY_TIMEOUT = 3024;

  private final boolean mysql;
  private final MariaDbCatalogReader catalogReader = new MariaDbCatalogReader();
  private final MariaDbStatementStats statementStats = new MariaDbStatementStats(this);

  MariaDbDialect(boolean mysql) {
    this.mysql = mysql;
  }

  @Override
  public SQLDialect sqlDialect() {
    return mysql ? SQLDialect.MYSQL : SQLDialect.MARIADB;
  }

  @Override
  public CatalogReader catalogReader() {
    return catalogReader;
  }

  /** Neither driver binds java.util.UUID; MariaDB's UUID type compares with its text form. */
  @Override
  public Object bindable(Object value) {
    return value instanceof UUID uuid ? uuid.toString() : JdbcDialect.super.bindable(value);
  }

  /**
   * Both drivers count timeouts in milliseconds. Options of either driver go to both, since a
   * {@code jdbc:mysql:} URL may be served by MariaDB's driver and drivers ignore unknown options.
   * Where the URL could still win (MariaDB's driver prefers URL options, Connector/J per-host
   * ones), {@link JdbcUrlPolicy} refuses the URL before it gets here.
   */
  @Override
  public Map<String, String> driverProperties(SourceConfig config) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(
        "connectTimeout",
        String.valueOf(
            Math.max(JdbcPool.MIN_CONNECT_TIMEOUT_MS, config.connectTimeout().toMillis())));
    if (!config.queryTimeout().isZero() && !config.queryTimeout().isNegative()) {
      properties.put(
          "socketTimeout",
          String.valueOf(config.queryTimeout().plus(PostgresDialect.SOCKET_GRACE).toMillis()));
    }
    properties.put("allowLoadLocalInfile", "false");
    properties.put("allowUrlInLocalInfile", "false");
    properties.put("autoDeserialize", "false");
    properties.put("allowLocalInfile", "false");
    // Legacy data holds zero dates ('0000-00-00'); MariaDB's driver reads them as null already.
    properties.put("zeroDateTimeBehavior", "CONVERT_TO_NULL");
    // YEAR is an INTEGER attribute; both drivers otherwise hand it out as a java.sql.Date.
    properties.put("yearIsDateType", "false");
    return properties;
  }

  /**
   * ORDER BY sorts an ENUM by its declaration index while {@code col > 'x'} compares strings, so a
   * keyset page would skip rows. Both sort and compare the label as text: unlike FIELD(col, labels)
   * this needs no label list that can go stale when the column is altered after introspection, and
   * equality stays exactly the comparison's equality (same collation) for the seek's tie-breaker.
   */
  @Override
  public Field<Object> orderOperand(Field<Object> column, Attribute attribute) {
    return attribute.type() == DataType.ENUM
        ? DSL.field("cast({0} as char)", Object.class, column)
        : column;
  }

  @Override
  public String singlePrecisionType(Attribute attribute) {
    return "float".equalsIgnoreCase(attribute.nativeType()) ? "float" : null;
  }

  /** YEAR is read as a number whatever the driver's yearIsDateType says. */
  @Override
  public Object read(ResultSet resultSet, int index, Attribute attribute) throws SQLException {
    if (attribute.type() == DataType.INTEGER && "year".equalsIgnoreCase(attribute.nativeType())) {
      long year = resultSet.getLong(index);
      return resultSet.wasNull() ? null : (Object) year;
    }
    return JdbcDialect.super.read(resultSet, index, attribute);
  }

  @Override
  public StatementStatsReader statementStats() {
    return statementStats;
  }

  @Override
  public boolean isTimeout(SQLException exception) {
    int code = exception.getErrorCode();
    return code == MARIADB_STATEMENT_TIMEOUT || code == MYSQL_QUERY_TIMEOUT;
  }

  /** Client-side communication errors of both drivers (CR_CONN_HOST_ERROR, server gone ...). */
  @Override
  public boolean isUnavailable(SQLException exception) {
    int code = exception.getErrorCode();
    return code == 2002 || code == 2003 || code == 2006 || code == 2013;
  }
}
