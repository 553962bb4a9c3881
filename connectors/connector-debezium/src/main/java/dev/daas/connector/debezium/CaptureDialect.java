package dev.daas.connector.debezium;

import java.util.Locale;

/** The databases whose logs can be captured, with their JDBC scheme and default port. */
public enum CaptureDialect {
  POSTGRES("postgresql", 5432),
  MARIADB("mariadb", 3306),
  MYSQL("mysql", 3306);

  private final String jdbcScheme;
  private final int defaultPort;

  CaptureDialect(String jdbcScheme, int defaultPort) {
    this.jdbcScheme = jdbcScheme;
    this.defaultPort = defaultPort;
  }

  /** The sub-protocol of its JDBC URLs: {@code postgresql}, {@code mariadb}, {@code mysql}. */
  public String jdbcScheme() {
    return jdbcScheme;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /**
   * The dialect of a JDBC URL. {@code jdbc:mysql:} URLs count as MySQL; a MariaDB server reached
   * through one must be registered as {@link #MARIADB}, because Debezium's MySQL connector refuses
   * MariaDB.
   */
  public static CaptureDialect fromJdbcUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    for (CaptureDialect dialect : values()) {
      if (lower.startsWith("jdbc:" + dialect.jdbcScheme + ":")) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "change data capture supports PostgreSQL, MariaDB and MySQL URLs, not '"
            + url.replaceAll("[?;].*", "")
            + "'");
  }
}
