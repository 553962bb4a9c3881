package dev.daas.server.security;

import static dev.daas.server.security.TestingSecurity.SOURCE;
import static dev.daas.server.security.TestingSecurity.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.daas.server.TestingAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys, the admin role, policies management, rate limits and the audit log over HTTP. */
@QuarkusTest
class KeysAndPoliciesTest {
  @BeforeEach
  void setUp() {
    TestingAuth.anonymous();
    TestingSecurity.sourceWithReaderPolicy();
  }

  @Test
  void refusesRequestsWithoutCredentialsAsking401WithBearerChallenge() {
    for (String path :
        List.of("/api/v1/sec/t_cust", "/admin/v1/keys", "/api/v1", "/admin/v1/audit")) {
      given()
          .get(path)
          .then()
          .statusCode(401)
          .header("WWW-Authenticate", startsWith("Bearer"))
          .contentType("application/problem+json")
          .body("code", equalTo("unauthorized"));
    }
  }

  @Test
  void refusesWrongKeysAndOtherSchemes() {
    for (String header :
        List.of(
            "Bearer daas_000000000000_notakey",
            "Bearer daas_zz_x",
            "Bearer not-a-key",
            "Bearer " + TestingAuth.ADMIN_KEY + "x",
            "Basic YWRtaW46YWRtaW4=",
            "Bearer ")) {
      given().header("Authorization", header).get("/api/v1/sec/t_cust").then().statusCode(401);
    }
  }

  @Test
  void showsAKeyOnceAndRotatesAndRevokesIt() {
    String[] created = TestingSecurity.key("lifecycle", "reader");
    assertThat(created[1]).startsWith("daas_" + created[0] + "_");
    String listing =
        given().header("Authorization", TestingAuth.ADMIN).get("/admin/v1/keys").asString();
    assertThat(listing).contains(created[0]).doesNotContain(created[1]);
    assertThat(listing).doesNotContain("\"key\":\"daas_");

    given()
        .header("Authorization", bearer(created[1]))
        .get("/api/v1/sec/t_cust")
        .then()
        .statusCode(200);

    Response rotated =
        given()
            .header("Authorization", TestingAuth.ADMIN)
            .post("/admin/v1/keys/" + created[0] + "/rotate");
    assertThat(rotated.statusCode()).as(rotated.asString()).isEqualTo(200);
    String newKey = rotated.jsonPath().getString("key");
    assertThat(newKey).startsWith("daas_" + created[0] + "_").isNotEqualTo(created[1]);
    given()
        .header("Authorization", bearer(created[1]))
        .get("/api/v1/sec/t_cust")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", bearer(newKey))
        .get("/api/v1/sec/t_cust")
        .then()
        .statusCode(200);

    given()
        .header("Authorization", TestingAuth.ADMIN)
        .delete("/admin/v1/keys/" + created[0])
        .then()
        .statusCode(200)
        .body("revoked", org.hamcrest.Matchers.notNullValue());
    given()
        .header("Authorization", bearer(newKey))
        .get("/api/v1/sec/t_cust")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .post("/admin/v1/keys/" + created[0] + "/rotate")
        .then()
        .statusCode(409);
  }

  @Test
  void refusesTheAdminApiToAKeyWithoutTheAdminRole() {
    String[] reader = TestingSecurity.key("not-admin", "reader");
    for (String path : List.of("/admin/v1/keys", "/admin/v1/sources", "/admin/v1/audit")) {
      given()
          .header("Authorization", bearer(reader[1]))
          .get(path)
          .then()
          .statusCode(403)
          .body("code", equalTo("forbidden"));
    }
    given()
        .header("Authorization", bearer(reader[1]))
        .contentType(ContentType.JSON)
        .body("{\"name\":\"x\",\"roles\":[\"admin\"]}")
        .post("/admin/v1/keys")
        .then()
        .statusCode(403);
  }

  @Test
  void anAdminKeyCreatedThroughTheApiMayUseTheAdminApi() {
    String[] admin = TestingSecurity.key("second-admin", "admin");
    given().header("Authorization", bearer(admin[1])).get("/admin/v1/keys").then().statusCode(200);
  }

  @Test
  void rejectsAPolicyNamingUnknownThingsListingEveryViolation() {
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .contentType(ContentType.JSON)
        .body(
            """
            {"grants":[
              {"entity":"nope","operations":["read"]},
              {"entity":"t_cust","operations":["read","fly"]},
              {"entity":"t_ord","operations":["read"],"columns":{"mode":"allow","fields":["ghost"]}}]}
            """)
        .put("/admin/v1/sources/sec/policies/broken")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"))
        .body("violations.size()", equalTo(3))
        .body("detail", containsString("'nope' is not in the model"))
        .body("detail", containsString("ghost"));
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .get("/admin/v1/sources/sec/policies/broken")
        .then()
        .statusCode(404);
  }

  @Test
  void storesPoliciesWithTheModelVersionAndDeletesThem() {
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .get("/admin/v1/sources/sec/policies")
        .then()
        .statusCode(200)
        .body("role", hasItems("reader"));
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .get("/admin/v1/sources/sec/policies/reader")
        .then()
        .statusCode(200)
        .body("modelVersion", equalTo(1))
        .body("policy.grants[0].entity", equalTo("t_cust"));
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .contentType(ContentType.JSON)
        .body("{\"grants\":[{\"entity\":\"t_ord\",\"operations\":[\"read\"]}]}")
        .put("/admin/v1/sources/sec/policies/temp")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .delete("/admin/v1/sources/sec/policies/temp")
        .then()
        .statusCode(204);
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .get("/admin/v1/sources/sec/policies/temp")
        .then()
        .statusCode(404);
  }

  @Test
  void limitsARoleWith429AndRetryAfter() {
    String[] limited = TestingSecurity.key("limited", "limited");
    int limitedAnswers = 0;
    Response last = null;
    for (int i = 0; i < 5; i++) {
      last = given().header("Authorization", bearer(limited[1])).get("/api/v1/sec/t_ord");
      if (last.statusCode() == 429) {
        limitedAnswers++;
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(last.jsonPath().getString("code")).isEqualTo("rate-limited");
      } else {
        // no policy for role "limited": default deny
        assertThat(last.statusCode()).isEqualTo(403);
      }
    }
    assertThat(limitedAnswers).isEqualTo(2);
  }

  @Test
  void auditsCallsWithoutSecretsOrRowValues() throws Exception {
    String[] reader = TestingSecurity.key("audited", "reader");
    given()
        .header("Authorization", bearer(reader[1]))
        .get("/api/v1/sec/t_cust?filter=cust_id > 0")
        .then()
        .statusCode(200);
    given()
        .header("Authorization", bearer(reader[1]))
        .get("/api/v1/sec/t_aud")
        .then()
        .statusCode(403);
    String caller = "key:" + reader[0];
    List<Map<String, Object>> events = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      events =
          given()
              .header("Authorization", TestingAuth.ADMIN)
              .queryParam("caller", caller)
              .queryParam("source", SOURCE)
              .get("/admin/v1/audit")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("");
      if (events.size() >= 2) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(events).hasSize(2);
    Map<String, Object> denied = events.get(0);
    assertThat(denied).containsEntry("entity", "t_aud").containsEntry("status", 403);
    Map<String, Object> read = events.get(1);
    assertThat(read)
        .containsEntry("entity", "t_cust")
        .containsEntry("operation", "read")
        .containsEntry("filter", "cust_id > 0")
        .containsEntry("rows", 2)
        .containsEntry("status", 200)
        .containsEntry("roles", "reader");
    String everything =
        given()
            .header("Authorization", TestingAuth.ADMIN)
            .queryParam("limit", 1000)
            .get("/admin/v1/audit")
            .asString();
    assertThat(everything)
        .doesNotContain(reader[1])
        .doesNotContain(TestingAuth.ADMIN_KEY)
        .doesNotContain("Bearer")
        .doesNotContain("daas_" + reader[0] + "_")
        .doesNotContain("Ada")
        .doesNotContain("Bob");
  }

  @Test
  void setsSecurityHeaders() {
    given()
        .header("Authorization", TestingAuth.ADMIN)
        .get("/admin/v1/keys")
        .then()
        .statusCode(200)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", containsString("default-src 'none'"));
  }
}
