package dev.daas.connector.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A statement as it goes to the driver: SQL text with {@code ?} and the values bound to them. */
record RenderedSql(String sql, List<Object> binds) {
  RenderedSql {
    requireNonNull(sql, "sql is null");
    // Bound values may be null in principle, which List.copyOf rejects.
    binds = Collections.unmodifiableList(new ArrayList<>(requireNonNull(binds, "binds is null")));
  }
}
