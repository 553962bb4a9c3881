package dev.daas.server.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;

/** A source with a reader policy, and keys, for the security tests. */
final class TestingSecurity {
  static final String SOURCE = "sec";

  /** customers: status A only, c_bal hidden, c_nm hashed; orders: read; nothing else. */
  static final String READER_POLICY =
      """
      {"grants":[
        {"entity":"t_cust","operations":["read"],
         "columns":{"mode":"deny","fields":["c_bal"]},
         "masks":[{"field":"c_nm","kind":"hash"}],
         "rowFilter":"c_stat = 'A'"},
        {"entity":"t_ord","operations":["read","subscribe"]}],
       "limits":{"maxLimit":100}}
      """;

  private TestingSecurity() {}

  /** Registers the source (idempotent) and saves the reader policy. */
  static void sourceWithReaderPolicy() {
    String url = TestingSources.h2("security_api", "");
    int status =
        given()
            .header("Authorization", TestingAuth.ADMIN)
            .contentType(ContentType.JSON)
            .body(TestingSources.body(SOURCE, url, "sa", ""))
            .post("/admin/v1/sources")
            .statusCode();
    assertThat(status).isIn(201, 409);
    Response saved =
        given()
            .header("Authorization", TestingAuth.ADMIN)
            .contentType(ContentType.JSON)
            .body(READER_POLICY)
            .put("/admin/v1/sources/" + SOURCE + "/policies/reader");
    assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(200);
  }

  /** Creates a key with these roles and returns {id, key}. */
  static String[] key(String name, String... roles) {
    Response created =
        given()
            .header("Authorization", TestingAuth.ADMIN)
            .contentType(ContentType.JSON)
            .body(
                "{\"name\":\""
                    + name
                    + "\",\"roles\":[\""
                    + String.join("\",\"", List.of(roles))
                    + "\"]}")
            .post("/admin/v1/keys");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    return new String[] {created.jsonPath().getString("id"), created.jsonPath().getString("key")};
  }

  static String bearer(String key) {
    return "Bearer " + key;
  }
}
