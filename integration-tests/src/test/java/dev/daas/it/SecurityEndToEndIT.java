package dev.daas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Access control end to end on the real server jar: the admin key printed at first start, keys, a
 * reader policy on the demo source, refusals, revocation and the audit log.
 */
class SecurityEndToEndIT {
  private static final Pattern KEY = Pattern.compile("daas_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");

  @Test
  void firstStartPrintsAnAdminKeyOnceAndPoliciesHoldForAReader() throws Exception {
    try (ServerProcess server =
        ServerProcess.withFreshDataDir(
                Map.of("daas.demo.enabled", "true", "daas.security.admin-key", ""))
            .start()) {
      String log = server.lastStartLog();
      Matcher printed = KEY.matcher(log);
      assertThat(printed.find()).as(server.tail()).isTrue();
      String adminKey = printed.group();
      assertThat(printed.find()).as("the key is printed once").isFalse();
      assertThat(log).contains("First start");

      DataApi anonymous = new DataApi(server.baseUri(), null);
      Response refused = anonymous.get("/api/v1/demo/t_cust");
      DataApi.assertProblem(refused, 401, "unauthorized");
      assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
      DataApi.assertProblem(anonymous.get("/admin/v1/sources"), 401, "unauthorized");

      DataApi admin = new DataApi(server.baseUri(), "Bearer " + adminKey);
      assertThat(admin.get("/admin/v1/keys").statusCode()).isEqualTo(200);

      Response created =
          admin.postJson("/admin/v1/keys", "{\"name\":\"reports\",\"roles\":[\"reader\"]}");
      assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
      String readerId = created.jsonPath().getString("id");
      String readerKey = created.jsonPath().getString("key");
      Response saved =
          admin.putJson(
              "/admin/v1/sources/demo/policies/reader",
              """
              {"grants":[{"entity":"t_cust","operations":["read"],
                "columns":{"mode":"allow","fields":["c_id","c_nm","c_stat"]},
                "masks":[{"field":"c_nm","kind":"partial","keepLast":2}]}]}
              """);
      assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(200);

      List<String> names =
          admin
              .get("/api/v1/demo/t_cust", "limit", "5", "sort", "c_id")
              .jsonPath()
              .getList("data.c_nm");
      DataApi reader = admin.as("Bearer " + readerKey);
      Response rows = reader.get("/api/v1/demo/t_cust", "limit", "5", "sort", "c_id");
      assertThat(rows.statusCode()).as(rows.asString()).isEqualTo(200);
      List<Map<String, Object>> data = rows.jsonPath().getList("data");
      assertThat(data).hasSize(5);
      assertThat(data)
          .allSatisfy(
              row -> {
                assertThat(row.keySet()).containsExactlyInAnyOrder("c_id", "c_nm", "c_stat");
                assertThat((String) row.get("c_nm")).startsWith("****");
              });
      for (String name : names) {
        assertThat(rows.asString()).doesNotContain(name);
      }
      DataApi.assertProblem(reader.get("/api/v1/demo/t_ord_hdr"), 403, "forbidden");
      DataApi.assertProblem(reader.get("/api/v1/demo/t_cust", "sort", "c_nm"), 403, "forbidden");
      DataApi.assertProblem(
          reader.get("/api/v1/demo/t_cust", "fields", "cred_lim"), 403, "forbidden");
      DataApi.assertProblem(reader.get("/admin/v1/keys"), 403, "forbidden");

      assertThat(admin.delete("/admin/v1/keys/" + readerId).statusCode()).isEqualTo(200);
      DataApi.assertProblem(reader.get("/api/v1/demo/t_cust"), 401, "unauthorized");

      String audit = "";
      for (int attempt = 0; attempt < 50; attempt++) {
        Response events = admin.get("/admin/v1/audit", "caller", "key:" + readerId);
        audit = events.asString();
        if (events.jsonPath().getList("").size() >= 5) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(audit).contains("\"entity\":\"t_ord_hdr\"").contains("\"status\":403");
      assertThat(audit).doesNotContain(readerKey).doesNotContain(adminKey);
      for (String name : names) {
        assertThat(audit).doesNotContain(name);
      }

      server.stop();
      server.start();
      assertThat(server.lastStartLog()).doesNotContain("First start");
      assertThat(KEY.matcher(server.lastStartLog()).find()).isFalse();
      assertThat(
              new DataApi(server.baseUri(), "Bearer " + adminKey)
                  .get("/admin/v1/keys")
                  .statusCode())
          .isEqualTo(200);
    }
  }
}
