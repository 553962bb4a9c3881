package dev.daas.it;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy database of one product: where it is, how the test reaches it as an administrator, how
 * the server reaches it as a source, and the SQL fixture that (re)creates it.
 *
 * @param product a readable name for messages
 * @param adminUrl the JDBC URL the test uses, with its administrator's credentials
 * @param fixture the class path resource of the fixture script
 * @param sourceUrl the JDBC URL registered with the server
 * @param sourceUser the user registered with the server
 * @param schema the schema (database on MariaDB) holding the fixture
 * @param quote the identifier quote of the product
 */
public record LegacyDatabase(
    String product,
    String adminUrl,
    String fixture,
    String sourceUrl,
    String sourceUser,
    String schema,
    String quote) {

  /** Rows per table as the fixtures create them. */
  public static final Map<String, Long> ROW_COUNTS = rowCounts();

  public LegacyDatabase {
    requireNonNull(product, "product is null");
    requireNonNull(adminUrl, "adminUrl is null");
    requireNonNull(fixture, "fixture is null");
    requireNonNull(sourceUrl, "sourceUrl is null");
    requireNonNull(sourceUser, "sourceUser is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(quote, "quote is null");
  }

  public static LegacyDatabase postgres() {
    return new LegacyDatabase(
        "PostgreSQL",
        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
        "fixtures/postgresql-legacy.sql",
        "jdbc:postgresql://127.0.0.1:5432/test",
        "postgres",
        "it_legacy",
        "\"");
  }

  public static LegacyDatabase mariaDb() {
    return new LegacyDatabase(
        "MariaDB",
        "jdbc:mariadb://127.0.0.1:3306/test?user=root",
        "fixtures/mariadb-legacy.sql",
        "jdbc:mariadb://127.0.0.1:3306/it_legacy",
        "root",
        "it_legacy",
        "`");
  }

  /** Drops and re-creates the fixture. */
  public void load() {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements(readFixture())) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          throw new IllegalStateException(
              fixture + ": " + e.getMessage() + "\nin statement:\n" + sql, e);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach " + product + " at " + adminUrl, e);
    }
  }

  /** The current row count of every fixture table; a missing table fails. */
  public Map<String, Long> rowCountsNow() {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String table : ROW_COUNTS.keySet()) {
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM " + schema + "." + quote + table + quote)) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new AssertionError("a fixture table of " + product + " cannot be counted", e);
    }
    return counts;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(adminUrl);
  }

  private String readFixture() {
    try (InputStream in = LegacyDatabase.class.getClassLoader().getResourceAsStream(fixture)) {
      if (in == null) {
        throw new IllegalStateException(fixture + " is missing from the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Statements end with ';' at the end of a line; lines starting with '--' are comments. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("T_CUST", 3000L);
    counts.put("T_PRD", 40L);
    counts.put("T_ORD_HDR", 6000L);
    counts.put("T_ORD_LN", 10000L);
    counts.put("T_DLV_LN", 4000L);
    counts.put("T_AUDIT_LOG", 500L);
    return java.util.Collections.unmodifiableMap(counts);
  }
}
