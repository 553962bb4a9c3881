package dev.daas.connector.jdbc;

import java.sql.SQLException;
import java.util.UUID;
import org.jooq.SQLDialect;

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
