package dev.daas.server.security;

import static dev.daas.server.security.TestingSecurity.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.server.TestingAuth;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Metrics name every source: only admins and scrapers with the role 'metrics' read them. */
@QuarkusTest
class MetricsAccessTest {

  @BeforeEach
  void anonymous() {
    TestingAuth.anonymous();
  }

  @Test
  void anonymousScrapesAreRefusedWithAProblem() {
    Response response = given().get("/q/metrics");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(response.jsonPath().getString("code")).isEqualTo("unauthorized");
    assertThat(response.asString()).doesNotContain("daas_requests");
    given().header("Authorization", "Bearer not-a-key").get("/q/metrics").then().statusCode(401);
  }

  @Test
  void aKeyWithoutTheMetricsRoleIsForbiddenAndOneWithItScrapes() {
    String reader = TestingSecurity.key("metrics-reader", "reader")[1];
    String scraper = TestingSecurity.key("metrics-scraper", "metrics")[1];

    given().header("Authorization", bearer(reader)).get("/q/metrics").then().statusCode(403);
    String body =
        given()
            .header("Authorization", bearer(scraper))
            .get("/q/metrics")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).contains("# TYPE");
    given().header("Authorization", TestingAuth.ADMIN).get("/q/metrics").then().statusCode(200);
  }

  @Test
  void healthStaysOpenForLoadBalancers() {
    given().get("/q/health/live").then().statusCode(200);
  }
}
