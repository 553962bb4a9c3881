package dev.daas.server.cdc;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Sources with capture for the change stream tests, and the local databases they read. */
final class TestingCdc {
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test";
  static final Duration WAIT = Duration.ofSeconds(60);

  private TestingCdc() {}

  static void register(String name, String url, String user, String schema) {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\""
                + name
                + "\",\"url\":\""
                + url
                + "\",\"user\":\""
                + user
                + "\",\"schemas\":[\""
                + schema
                + "\"]}")
        .post("/admin/v1/sources")
        .then()
        .statusCode(201);
  }

  /** Enables capture with the body given and waits until the engine reads the log. */
  static void enableAndAwaitStreaming(String source, String body) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/admin/v1/sources/" + source + "/cdc")
        .then()
        .statusCode(200);
    awaitStreaming(source);
  }

  /** Waits until the source's engine reads the log. */
  static void awaitStreaming(String source) {
    awaitTrue(
        source + " streaming",
        () ->
            given()
                .get("/admin/v1/sources/" + source + "/cdc")
                .then()
                .statusCode(200)
                .extract()
                .<Boolean>path("streaming"));
  }

  /** The API name of the entity over a table, from the source's current model. */
  static String entityOf(String source, String table) {
    return given()
        .get("/admin/v1/sources/" + source + "/model")
        .then()
        .statusCode(200)
        .extract()
        .path("entities.find { it.table == '" + table + "' }.name");
  }

  static void awaitTrue(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** Drops slots and publications with the prefix, then (re)creates the PostgreSQL schema. */
  static void createSchema(String slotPrefix, String schema, String... ddl) throws SQLException {
    dropSlotsAndPublications(slotPrefix);
    execute(POSTGRES, "postgres", "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    execute(POSTGRES, "postgres", "CREATE SCHEMA " + schema);
    execute(POSTGRES, "postgres", ddl);
  }

  /** Drops slots and publications with the prefix and the PostgreSQL schema. */
  static void dropSchema(String slotPrefix, String schema) throws SQLException {
    dropSlotsAndPublications(slotPrefix);
    execute(POSTGRES, "postgres", "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  static void execute(String url, String user, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, null);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static List<String> strings(String url, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** Drops the replication slots and publications whose names start with the prefix. */
  static void dropSlotsAndPublications(String prefix) throws SQLException {
    for (String slot :
        strings(
            POSTGRES,
            "SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE '" + prefix + "%'")) {
      execute(
          POSTGRES,
          "postgres",
          "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = '"
              + slot
              + "' AND active_pid IS NOT NULL");
      execute(POSTGRES, "postgres", "SELECT pg_drop_replication_slot('" + slot + "')");
    }
    for (String publication :
        strings(
            POSTGRES, "SELECT pubname FROM pg_publication WHERE pubname LIKE '" + prefix + "%'")) {
      execute(POSTGRES, "postgres", "DROP PUBLICATION IF EXISTS \"" + publication + "\"");
    }
  }
}
