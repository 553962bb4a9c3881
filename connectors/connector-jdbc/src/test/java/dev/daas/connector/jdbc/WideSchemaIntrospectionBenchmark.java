package dev.daas.connector.jdbc;

import dev.daas.model.catalog.Catalog;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Introspects a wide PostgreSQL schema ({@code bench_wide}: N tables of 8 columns, each with a
 * primary key, an index and a foreign key to the previous table) five times through the connector
 * and prints each time and the median. Argument: N, default 1000.
 */
public final class WideSchemaIntrospectionBenchmark {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final String SCHEMA = "bench_wide";
  private static final int RUNS = 5;

  private WideSchemaIntrospectionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long setupStart = System.nanoTime();
    createSchema(tables);
    System.out.printf(
        "created %d tables in schema %s in %d ms%n",
        tables, SCHEMA, (System.nanoTime() - setupStart) / 1_000_000);
    SourceConfig config =
        new SourceConfig(
            "bench",
            URL,
            "postgres",
            null,
            List.of(SCHEMA),
            2,
            Duration.ofSeconds(5),
            Duration.ofSeconds(60));
    List<Long> times = new ArrayList<>();
    try (SourceConnection connection = new JdbcConnector().connect(config)) {
      for (int run = 1; run <= RUNS; run++) {
        long start = System.nanoTime();
        Catalog catalog = connection.catalog().introspect();
        long millis = (System.nanoTime() - start) / 1_000_000;
        times.add(millis);
        long columns = catalog.tables().stream().mapToLong(t -> t.columns().size()).sum();
        long foreignKeys = catalog.tables().stream().mapToLong(t -> t.foreignKeys().size()).sum();
        System.out.printf(
            "run %d: %d ms (%d tables, %d columns, %d foreign keys)%n",
            run, millis, catalog.tables().size(), columns, foreignKeys);
      }
    }
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    System.out.printf("median of %d runs: %d ms%n", RUNS, sorted.get(RUNS / 2));
  }

  private static void createSchema(int tables) throws Exception {
    try (Connection connection = DriverManager.getConnection(URL, "postgres", null);
        Statement statement = connection.createStatement()) {
      // Dropping or creating thousands of tables in one transaction exhausts the lock table
      // (max_locks_per_transaction): both go in batches of 100 tables.
      dropTables(statement);
      statement.execute("drop schema if exists " + SCHEMA + " cascade");
      statement.execute("create schema " + SCHEMA);
      connection.setAutoCommit(false);
      for (int i = 0; i < tables; i++) {
        String name = SCHEMA + ".t_" + i;
        statement.addBatch(
            "create table "
                + name
                + " (id integer primary key, code varchar(20) not null, label text,"
                + " amount numeric(12, 2), created timestamptz default now(), active boolean,"
                + " payload jsonb, prev_id integer"
                + (i == 0 ? "" : " references " + SCHEMA + ".t_" + (i - 1) + " (id)")
                + ")");
        statement.addBatch("create index ix_t_" + i + "_code on " + name + " (code)");
        statement.addBatch("comment on table " + name + " is 'benchmark table " + i + "'");
        if (i % 100 == 99) {
          statement.executeBatch();
          connection.commit();
        }
      }
      statement.executeBatch();
      connection.commit();
    }
  }

  private static void dropTables(Statement statement) throws Exception {
    List<String> names = new ArrayList<>();
    try (var rows =
        statement.executeQuery(
            "select tablename from pg_tables where schemaname = '" + SCHEMA + "'")) {
      while (rows.next()) {
        names.add(SCHEMA + ".\"" + rows.getString(1) + "\"");
      }
    }
    for (int start = 0; start < names.size(); start += 100) {
      statement.execute(
          "drop table if exists "
              + String.join(", ", names.subList(start, Math.min(start + 100, names.size())))
              + " cascade");
    }
  }
}
