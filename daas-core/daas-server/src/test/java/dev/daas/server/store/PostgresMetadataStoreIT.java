package dev.daas.server.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metadata store on the local PostgreSQL: the same migrations and behaviour as on H2. */
@QuarkusTest
@TestProfile(PostgresMetadataStoreIT.OnPostgres.class)
class PostgresMetadataStoreIT {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  static final String DATABASE = "daas_it_metadata";
  static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  public static class OnPostgres implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.db-kind", "postgresql",
          "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
          "quarkus.datasource.username", "postgres",
          "quarkus.datasource.password", "");
    }

    @Override
    public java.util.List<TestResourceEntry> testResources() {
      return java.util.List.of(new TestResourceEntry(FreshDatabase.class));
    }
  }

  /** Drops and re-creates the store's database before the application starts. */
  public static class FreshDatabase implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + DATABASE);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "cannot prepare " + DATABASE + " on the local PostgreSQL", e);
      }
      return Map.of();
    }

    @Override
    public void stop() {}
  }

  @Test
  void keepsSourcesAndModelVersionsInPostgres() throws Exception {
    String url = TestingSources.h2("pg_store", "pw");
    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body("on-pg", url, "sa", "pw"))
        .post("/admin/v1/sources")
        .then()
        .statusCode(201)
        .body("modelVersion", equalTo(1));
    given().get("/api/v1/on-pg/t_cust/1").then().statusCode(200).body("c_nm", equalTo("Ada"));

    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select s.password_secret, m.version, length(m.model_json) from source s"
                        + " join model_snapshot m on m.source_id = s.id where s.name = 'on-pg'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("v1:").doesNotContain("pw\"");
      assertThat(rs.getInt(2)).isEqualTo(1);
      assertThat(rs.getInt(3)).isGreaterThan(100);
    }
  }
}
