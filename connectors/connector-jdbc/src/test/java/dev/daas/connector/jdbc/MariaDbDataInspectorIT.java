package dev.daas.connector.jdbc;

import java.util.List;

/** The inspector on the local MariaDB (performance_schema=ON); the schema is a database there. */
class MariaDbDataInspectorIT extends AbstractDataInspectorIT {
  private static final String BASE = "jdbc:mariadb://127.0.0.1:3306/";

  @Override
  String url() {
    return BASE + "test";
  }

  /** Digests count under the session's default database, as a legacy application's would. */
  @Override
  String workloadUrl() {
    return BASE + schema();
  }

  @Override
  String user() {
    return "root";
  }

  @Override
  String schema() {
    return "it_Inspect_Maria";
  }

  @Override
  JdbcDialect dialect() {
    return new MariaDbDialect(false);
  }

  @Override
  String quoted(String sql) {
    return sql.replace('"', '`');
  }

  @Override
  List<String> createSchema() {
    return List.of("create database `it_Inspect_Maria`");
  }

  @Override
  String dropSchema() {
    return "drop database if exists `it_Inspect_Maria`";
  }

  @Override
  String insertThousandCustomers() {
    return "insert into \"it_Inspect_Maria\".\"Cust Master\" select case when seq % 2 = 0 then 'N'"
        + " else 'S' end, seq, concat('n', seq % 100) from seq_1_to_1000";
  }

  @Override
  String createSlowView() {
    return "create view \"it_Inspect_Maria\".\"V_Slow\" as select sleep(4) as \"s\"";
  }
}
