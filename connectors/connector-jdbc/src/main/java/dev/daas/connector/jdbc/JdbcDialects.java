package dev.daas.connector.jdbc;

import java.util.List;
import java.util.Optional;

/** Picks the dialect from the URL scheme, the one thing known before a connection exists. */
final class JdbcDialects {
  static final List<String> ACCEPTED_PREFIXES =
      List.of("jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:", "jdbc:h2:");

  private JdbcDialects() {}

  static Optional<JdbcDialect> forUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Optional.of(new PostgresDialect());
    }
    if (url.startsWith("jdbc:mariadb:")) {
      return Optional.of(new MariaDbDialect(false));
    }
    if (url.startsWith("jdbc:mysql:")) {
      return Optional.of(new MariaDbDialect(true));
    }
    if (url.startsWith("jdbc:h2:")) {
      return Optional.of(new H2Dialect());
    }
    return Optional.empty();
  }
}
