package dev.daas.model.connector;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How to reach one legacy database. The password never appears in {@link #toString()}.
 *
 * @param name source name
 * @param url connection URL, e.g. {@code jdbc:postgresql://host/db}
 * @param user user name, or null
 * @param password password, or null
 * @param schemas schemas (databases on MySQL/MariaDB) to include; empty means the default schema
 * @param maxPoolSize upper bound of pooled connections
 * @param connectTimeout how long to wait for a connection before the source counts as down
 * @param queryTimeout how long a statement may run
 */
public record SourceConfig(
    String name,
    String url,
    String user,
    String password,
    List<String> schemas,
    int maxPoolSize,
    Duration connectTimeout,
    Duration queryTimeout) {
  public SourceConfig {
    requireNonNull(name, "name is null");
    requireNonNull(url, "url is null");
    schemas = schemas == null ? List.of() : List.copyOf(schemas);
    requireNonNull(connectTimeout, "connectTimeout is null");
    requireNonNull(queryTimeout, "queryTimeout is null");
    if (maxPoolSize < 1) {
      throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
    }
  }

  @Override
  public String toString() {
    return "SourceConfig[name="
        + name
        + ", url="
        + url
        + ", user="
        + user
        + ", password="
        + (password == null ? "<none>" : "<redacted>")
        + ", schemas="
        + schemas
        + "]";
  }
}
