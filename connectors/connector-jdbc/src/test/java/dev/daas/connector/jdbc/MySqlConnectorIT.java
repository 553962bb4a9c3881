package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.DataType;
import dev.daas.model.catalog.Column;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite against MySQL, which this machine does not run: pass {@code
 * -Ddaas.it.mysql.url=jdbc:mysql://host:3306/test} (user root, no password) to run it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(
    named = "daas.it.mysql.url",
    matches = "jdbc:mysql:.+",
    disabledReason =
        "no MySQL server configured: set -Ddaas.it.mysql.url=jdbc:mysql://host:3306/test to run")
class MySqlConnectorIT extends AbstractJdbcConnectorIT {
  private static final String S = "it_connector_mysql";
  private static final String URL = System.getProperty("daas.it.mysql.url", "");

  @BeforeAll
  @Override
  void createFixture() throws java.sql.SQLException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        URL.startsWith("jdbc:mysql:"),
        "no MySQL server configured: set -Ddaas.it.mysql.url=jdbc:mysql://host:3306/test to run");
    super.createFixture();
  }

  @org.junit.jupiter.api.AfterAll
  @Override
  void dropFixture() throws java.sql.SQLException {
    if (URL.startsWith("jdbc:mysql:")) {
      super.dropFixture();
    }
  }

  @Override
  String url() {
    return URL;
  }

  @Override
  String user() {
    return "root";
  }

  @Override
  String schema() {
    return S;
  }

  @Override
  JdbcDialect dialect() {
    return new MariaDbDialect(true);
  }

  @Override
  String dropSchema() {
    return "drop database if exists " + S;
  }

  @Override
  List<String> setRatios() {
    String table = S + ".T_CUST";
    return List.of(
        "update " + table + " set C_RATIO = 0.1 where C_NM in ('Alice', 'O''Brien_100%')",
        "update " + table + " set C_RATIO = 0.2 where C_NM = 'Carol'");
  }

  @Override
  String countCustomers() {
    return "select count(*) from " + S + ".T_CUST";
  }

  @Override
  List<String> fixture() {
    return MariaDbConnectorIT.fixture(S, false);
  }

  @Test
  void readsMySqlsNativeJsonTypeAndProduct() {
    assertThat(catalog.databaseProduct()).startsWith("MySQL ");
    Column meta =
        model.table("T_CUST").columns().stream()
            .filter(c -> c.name().equals("C_META"))
            .findFirst()
            .orElseThrow();
    assertThat(meta.type()).isEqualTo(DataType.JSON);
  }
}
