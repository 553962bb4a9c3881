package dev.daas.it.recovery;

import dev.daas.model.DataType;
import dev.daas.model.catalog.Table;
import dev.daas.model.catalog.TableIndex;
import dev.daas.recovery.eval.SyntheticRows.ColumnSpec;
import dev.daas.recovery.eval.SyntheticRows.TableRows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The local database that holds an evaluation schema, named {@code eval_<style>}: on PostgreSQL a
 * schema of the dedicated database {@code eval_recovery} (its own pg_stat_statements entries, reset
 * for that database only), on MariaDB a database of its own. Tables get the generated columns, the
 * primary keys and unique indexes the evaluation case declares, and no foreign key.
 */
enum EvaluationDatabase {
  POSTGRES("jdbc:postgresql://127.0.0.1:5432/", "postgres", true),
  MARIADB("jdbc:mariadb://127.0.0.1:3306/", "root", false);

  static final String PG_DATABASE = "eval_recovery";
  private static final int BATCH = 1000;

  private final String base;
  private final String user;
  private final boolean foldsToLowerCase;

  EvaluationDatabase(String base, String user, boolean foldsToLowerCase) {
    this.base = base;
    this.user = user;
    this.foldsToLowerCase = foldsToLowerCase;
  }

  String user() {
    return user;
  }

  /** Whether the database folds the workload's unquoted names to lower case. */
  boolean foldsToLowerCase() {
    return foldsToLowerCase;
  }

  /** The URL of the source as DaaS would register it. */
  String sourceUrl(String schema) {
    return this == POSTGRES ? base + PG_DATABASE : base + schema;
  }

  /** A connection for loading and for the application's workload, in the schema. */
  Connection open(String schema) throws SQLException {
    String url =
        this == POSTGRES
            ? base
                + PG_DATABASE
                + "?currentSchema="
                + schema
                + "&stringtype=unspecified&reWriteBatchedInserts=true"
            : base + schema;
    return DriverManager.getConnection(url, user, null);
  }

  /** Drops and creates the schema (and on PostgreSQL the database with its extension once). */
  void recreate(String schema) throws SQLException {
    if (this == POSTGRES) {
      try (Connection c = DriverManager.getConnection(base + "test", user, null);
          Statement s = c.createStatement()) {
        boolean exists;
        try (var rs =
            s.executeQuery("select 1 from pg_database where datname = '" + PG_DATABASE + "'")) {
          exists = rs.next();
        }
        if (!exists) {
          s.execute("create database " + PG_DATABASE);
        }
      }
      try (Connection c = DriverManager.getConnection(base + PG_DATABASE, user, null);
          Statement s = c.createStatement()) {
        s.execute("create extension if not exists pg_stat_statements with schema public");
        s.execute("drop schema if exists " + schema + " cascade");
        s.execute("create schema " + schema);
      }
    } else {
      try (Connection c = DriverManager.getConnection(base, user, null);
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + schema);
        s.execute("create database " + schema);
      }
    }
  }

  /** Creates the tables and loads the rows in batches. */
  void load(Connection connection, List<TableRows> tables, List<Table> catalog)
      throws SQLException {
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      for (TableRows t : tables) {
        Table declared =
            catalog.stream().filter(c -> c.name().equals(t.table())).findFirst().orElseThrow();
        s.execute(createTable(t, declared));
        for (TableIndex index : declared.indexes()) {
          s.execute(
              "create unique index "
                  + name(index.name())
                  + " on "
                  + name(t.table())
                  + " ("
                  + names(index.columns())
                  + ")");
        }
      }
    }
    for (TableRows t : tables) {
      String insert =
          "insert into "
              + name(t.table())
              + " ("
              + names(t.columns().stream().map(ColumnSpec::name).toList())
              + ") values ("
              + "?, ".repeat(t.columns().size() - 1)
              + "?)";
      try (PreparedStatement p = connection.prepareStatement(insert)) {
        int pending = 0;
        for (Object[] row : t.rows()) {
          for (int i = 0; i < row.length; i++) {
            p.setObject(i + 1, row[i], sqlType(t.columns().get(i).type()));
          }
          p.addBatch();
          if (++pending == BATCH) {
            p.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          p.executeBatch();
        }
      }
    }
    connection.commit();
    if (this == POSTGRES) {
      try (Statement s = connection.createStatement()) {
        s.execute("analyze");
      }
      connection.commit();
    }
    connection.setAutoCommit(true);
  }

  /**
   * Empties the statement statistics of the evaluation database on PostgreSQL; on MariaDB the
   * digests are global (other sessions read them), so nothing is reset there and the evaluation
   * counts only what its own workload added (see {@link RealDatabaseEvaluation}).
   */
  void resetStatistics(Connection connection) throws SQLException {
    if (this == POSTGRES) {
      try (Statement s = connection.createStatement()) {
        s.execute(
            "select public.pg_stat_statements_reset(0::oid, (select oid from pg_database"
                + " where datname = current_database()), 0::bigint)");
      }
    }
  }

  private String createTable(TableRows t, Table declared) {
    List<String> columns = new ArrayList<>();
    for (ColumnSpec c : t.columns()) {
      columns.add(name(c.name()) + " " + type(c.type()) + (c.nullable() ? "" : " not null"));
    }
    if (declared.primaryKey() != null) {
      columns.add("primary key (" + names(declared.primaryKey().columns()) + ")");
    }
    return "create table " + name(t.table()) + " (" + String.join(", ", columns) + ")";
  }

  private static String type(DataType type) {
    return switch (type) {
      case STRING -> "varchar(40)";
      case DATE -> "date";
      case DECIMAL -> "decimal(12, 2)";
      default -> "integer";
    };
  }

  private static int sqlType(DataType type) {
    return switch (type) {
      case STRING -> java.sql.Types.VARCHAR;
      case DATE -> java.sql.Types.DATE;
      case DECIMAL -> java.sql.Types.DECIMAL;
      default -> java.sql.Types.INTEGER;
    };
  }

  /** Unquoted on PostgreSQL, as the workload spells them; quoted on MariaDB, as it quotes them. */
  private String name(String identifier) {
    return this == POSTGRES ? identifier : "`" + identifier + "`";
  }

  private String names(List<String> identifiers) {
    return identifiers.stream().map(this::name).collect(Collectors.joining(", "));
  }
}
