package dev.daas.server.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SourcesAdminTest {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  private static final String PASSWORD = "Pa55-never-shown";

  @Inject AgroalDataSource metadata;

  private final List<String> logLines = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logLines.add(
              String.valueOf(record.getMessage())
                  + " "
                  + java.util.Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLogs() {
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    Logger.getLogger("").removeHandler(capture);
  }

  @Test
  void registersASourceWithoutEverShowingOrLoggingItsPasswordAndStoresItEncrypted()
      throws Exception {
    String url = TestingSources.h2("admin_pw", PASSWORD);

    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body("admin-pw", url, "sa", PASSWORD))
        .post("/admin/v1/sources")
        .then()
        .statusCode(201)
        .header("Location", containsString("/admin/v1/sources/admin-pw"))
        .body("name", equalTo("admin-pw"))
        .body("hasPassword", equalTo(true))
        .body("modelVersion", equalTo(1))
        .body(not(containsString(PASSWORD)));

    given().get("/admin/v1/sources").then().statusCode(200).body(not(containsString(PASSWORD)));
    given()
        .get("/admin/v1/sources/admin-pw")
        .then()
        .statusCode(200)
        .body("reachable", equalTo(true))
        .body(not(containsString(PASSWORD)));

    try (Connection c = metadata.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select password_secret from source where name = 'admin-pw'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).startsWith("v1:").doesNotContain(PASSWORD);
    }
    assertThat(logLines).noneMatch(line -> line.contains(PASSWORD));
  }

  @Test
  void rejectsADuplicateName() {
    String url = TestingSources.h2("admin_dup", "");
    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body("admin-dup", url, "sa", ""))
        .post("/admin/v1/sources")
        .then()
        .statusCode(201);

    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body("admin-dup", url, "sa", ""))
        .post("/admin/v1/sources")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("conflict"));
  }

  @Test
  void listsEveryInvalidFieldAtOnce() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"Bad Name\",\"url\":\"ftp://x\",\"schemas\":[\"a,b\"]}")
        .post("/admin/v1/sources")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("validation-failed"))
        .body("violations.field", hasItem("name"))
        .body("violations.field", hasItem("url"))
        .body("violations.field", hasItem("schemas"));
  }

  @Test
  void refusesAPasswordHiddenInTheUrl() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"pw-url\",\"url\":\"jdbc:postgresql://127.0.0.1/test?user=x&password=secret\"}")
        .post("/admin/v1/sources")
        .then()
        .statusCode(400)
        .body("violations[0].message", containsString("must not hold a password"))
        .body(not(containsString("secret\"")));
  }

  @Test
  void refusesEveryFormOfPasswordInTheUrl() {
    for (String url :
        List.of(
            "jdbc:mysql://(host=127.0.0.1,user=app,password=secret)/erp",
            "jdbc:postgresql://127.0.0.1/test?sslpassword=secret",
            "jdbc:mariadb://app:secret@127.0.0.1/test",
            "jdbc:postgresql://127.0.0.1/test?PASSWORD = secret")) {
      given()
          .contentType(ContentType.JSON)
          .body("{\"name\":\"pw-forms\",\"url\":\"" + url + "\"}")
          .post("/admin/v1/sources")
          .then()
          .statusCode(400)
          .body("violations.field", hasItem("url"));
    }
    given().get("/admin/v1/sources/pw-forms").then().statusCode(404);
  }

  @Test
  void refusesUrlOptionsThatWouldRunCodeOnTheServer() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"h2-init\",\"url\":\"jdbc:h2:mem:x;INIT=CREATE ALIAS EXEC AS 'String e(String c)'\"}")
        .post("/admin/v1/sources")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("url"))
        .body("violations.message", hasItem(containsString("INIT")));
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"pg-factory\",\"url\":\"jdbc:postgresql://127.0.0.1/test?socketFactory=org.example.Evil\"}")
        .post("/admin/v1/sources")
        .then()
        .statusCode(400)
        .body("violations.message", hasItem(containsString("socketFactory")));
  }

  @Test
  void refusesNullOrTooManySchemasWithoutAServerError() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"schemas-null\",\"url\":\"jdbc:h2:mem:s\",\"schemas\":[null]}")
        .post("/admin/v1/sources")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("schemas"));
    String many = "[" + String.join(",", java.util.Collections.nCopies(65, "\"s\"")) + "]";
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"schemas-many\",\"url\":\"jdbc:h2:mem:s\",\"schemas\":" + many + "}")
        .post("/admin/v1/sources")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("schemas"));
  }

  @Test
  void rejectsUnknownFieldsAndMalformedJson() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"url\":\"jdbc:h2:mem:x\",\"pasword\":\"typo\"}")
        .post("/admin/v1/sources")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"))
        .body("detail", containsString("pasword"));

    given()
        .contentType(ContentType.JSON)
        .body("{\"name\":")
        .post("/admin/v1/sources")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"));
  }

  @Test
  void makesANewModelVersionOnlyWhenTheCatalogChanged() throws Exception {
    String url = TestingSources.h2("admin_versions", "");
    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body("admin-versions", url, "sa", ""))
        .post("/admin/v1/sources")
        .then()
        .statusCode(201);

    given()
        .post("/admin/v1/sources/admin-versions/introspect")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("changed", equalTo(false));

    TestingSources.execute(
        url, "sa", "", "CREATE TABLE T_NEW (ID INT PRIMARY KEY, NM VARCHAR(10))");

    given()
        .post("/admin/v1/sources/admin-versions/introspect")
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("changed", equalTo(true));
    given()
        .get("/admin/v1/sources/admin-versions/model/versions")
        .then()
        .statusCode(200)
        .body("version", equalTo(List.of(2, 1)))
        .body("[0].contentHash", notNullValue());
    given()
        .get("/admin/v1/sources/admin-versions/model?version=1")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("entities.name", not(hasItem("t_new")));
    given()
        .get("/admin/v1/sources/admin-versions/model")
        .then()
        .statusCode(200)
        .body("formatVersion", equalTo(1))
        .body("version", equalTo(2))
        .body("entities.name", hasItem("t_new"))
        .body("entities.find { it.name == 't_cust' }.table", equalTo("T_CUST"))
        .body("entities.find { it.name == 't_cust' }.kind", equalTo("table"))
        .body("relationships.find { it.fromEntity == 't_ord' }.kind", equalTo("declared"))
        .body("relationships.find { it.fromEntity == 't_ord' }.confidence", equalTo(1.0f));
    given()
        .get("/admin/v1/sources/admin-versions/model?version=9")
        .then()
        .statusCode(404)
        .body("code", equalTo("not-found"));
  }

  @Test
  void forgetsARemovedSource() {
    String url = TestingSources.h2("admin_delete", "");
    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body("admin-delete", url, "sa", ""))
        .post("/admin/v1/sources")
        .then()
        .statusCode(201);

    given().delete("/admin/v1/sources/admin-delete").then().statusCode(204);

    given()
        .get("/admin/v1/sources/admin-delete")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("unknown-source"));
    given()
        .get("/api/v1/admin-delete/t_cust")
        .then()
        .statusCode(404)
        .body("code", equalTo("unknown-source"));
  }

  @Test
  void registersAnUnreachableSourceAndSaysWhy() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"admin-down\",\"url\":\"jdbc:postgresql://127.0.0.1:1/nothing\",\"user\":\"x\",\"password\":\"y\"}")
        .post("/admin/v1/sources")
        .then()
        .statusCode(201)
        .body("lastError", notNullValue());

    given()
        .get("/admin/v1/sources/admin-down")
        .then()
        .statusCode(200)
        .body("reachable", equalTo(false));
    given()
        .post("/admin/v1/sources/admin-down/introspect")
        .then()
        .statusCode(503)
        .header("Retry-After", notNullValue())
        .body("code", equalTo("source-unavailable"));
    long started = System.nanoTime();
    given()
        .get("/q/health/well")
        .then()
        .statusCode(503)
        .body(
            "checks.find { it.name == 'sources' }.data.'admin-down'",
            containsString("unreachable"));
    assertThat(System.nanoTime() - started)
        .isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(8));
    given().delete("/admin/v1/sources/admin-down").then().statusCode(204);
  }

  @Test
  void membersOfTheWrongJsonTypeAreProblemsNamingTheMemberNotTheValue() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\":\"' OR '1'='1\"}")
        .post("/admin/v1/sources/nosuch/cdc")
        .then()
        .statusCode(400)
        .contentType(containsString("application/problem+json"))
        .body("code", equalTo("validation-failed"))
        .body("field", equalTo("enabled"))
        .body("detail", equalTo("Field 'enabled' must be true or false"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\":true,\"tables\":[\"a.b\",{\"x\":1}]}")
        .post("/admin/v1/sources/nosuch/cdc")
        .then()
        .statusCode(400)
        .body("field", equalTo("tables[1]"))
        .body("detail", equalTo("Field 'tables[1]' must be a string"));
  }
}
