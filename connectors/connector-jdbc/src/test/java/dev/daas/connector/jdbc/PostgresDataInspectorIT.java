package dev.daas.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector on the local PostgreSQL (database test, pg_stat_statements installed there). */
class PostgresDataInspectorIT extends AbstractDataInspectorIT {
  private static final String BASE = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String NO_EXTENSION_DB = "it_inspect_noext";

  @Override
  String url() {
    return BASE + "test";
  }

  @Override
  String user() {
    return "postgres";
  }

  @Override
  String schema() {
    return "It Inspect PG";
  }

  @Override
  JdbcDialect dialect() {
    return new PostgresDialect();
  }

  @Override
  String quoted(String sql) {
    return sql;
  }

  @Override
  List<String> createSchema() {
    return List.of("create schema \"It Inspect PG\"");
  }

  @Override
  String dropSchema() {
    return "drop schema if exists \"It Inspect PG\" cascade";
  }

  @Override
  String insertThousandCustomers() {
    return "insert into \"It Inspect PG\".\"Cust Master\" select case when x % 2 = 0 then 'N'"
        + " else 'S' end, x, 'n' || (x % 100) from generate_series(1, 1000) x";
  }

  @Override
  String createSlowView() {
    return "create view \"It Inspect PG\".\"V_Slow\" as select pg_sleep(4)::text as \"s\"";
  }

  @Test
  void saysInWhichDatabaseTheExtensionIsMissing() throws SQLException {
    execute(url(), List.of("drop database if exists " + NO_EXTENSION_DB + " with (force)"));
    execute(url(), List.of("create database " + NO_EXTENSION_DB));
    try (JdbcSourceConnection other = open(BASE + NO_EXTENSION_DB)) {
      assertThatThrownBy(() -> other.inspector().statementStatistics(10))
          .isInstanceOfSatisfying(
              DaasException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.STATEMENT_STATS_UNAVAILABLE);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "source it: PostgreSQL preloads pg_stat_statements, but the extension is"
                            + " not installed in database it_inspect_noext: run CREATE EXTENSION"
                            + " pg_stat_statements in database it_inspect_noext (no restart"
                            + " needed)");
              });
    } finally {
      execute(url(), List.of("drop database if exists " + NO_EXTENSION_DB + " with (force)"));
    }
  }
}
