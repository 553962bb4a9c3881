package dev.daas.it;

import static dev.daas.it.ProbeEndToEndIT.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JPA shop sample on MariaDB (Hibernate creates its tables without foreign keys) runs under the
 * probe; recovery turns the ORM mappings and statements the probe reported into the shop's real
 * relationships, link table included, and they can be embedded through the data API.
 */
class ShopRecoveryMariaDbIT {
  private static final Duration READY = Duration.ofSeconds(90);
  private static final String DATABASE = "shop_recovery_it";
  private static final String ROOT_URL = "jdbc:mariadb://127.0.0.1:3306/test";
  private static final Path SHOP =
      JvmProcess.builtJar("samples", "shop-jpa", "target", "shop-jpa.jar");

  private static final Set<String> TRUTH =
      Set.of(
          "adr[knd_nr] -> knd",
          "best[knd_nr] -> knd",
          "best_pos[best_nr] -> best",
          "best_pos[art_nr] -> art",
          "best_tag[best_nr] -> best",
          "best_tag[tag_nr] -> tag");

  @Test
  @Timeout(300)
  void theShopsMappingsBecomeItsRelationships() throws Exception {
    try (Connection c = DriverManager.getConnection(ROOT_URL, "root", "");
        Statement st = c.createStatement()) {
      st.executeUpdate("DROP DATABASE IF EXISTS " + DATABASE);
      st.executeUpdate("CREATE DATABASE " + DATABASE);
    }
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of()).start()) {
      DataApi api = new DataApi(server.baseUri());
      String url = "jdbc:mariadb://127.0.0.1:3306/" + DATABASE;
      api.register("shop", url, "root", null, DATABASE);
      Response token = api.postJson("/admin/v1/sources/shop/probe-token", "{}");
      assertThat(token.statusCode()).as(token.asString()).isBetween(200, 201);
      String agent =
          "-javaagent:"
              + AGENT
              + "="
              + ProbeEndToEndIT.agentOptions(server, "shop", token.jsonPath().getString("token"));
      try (JvmProcess shop =
          JvmProcess.start(
              "shop-recovery",
              List.of(
                  "-Xmx384m",
                  agent,
                  "-jar",
                  SHOP.toString(),
                  "--port",
                  "0",
                  "--db-url",
                  ROOT_URL,
                  "--db-user",
                  "root",
                  "--db-name",
                  DATABASE))) {
        int port = shop.awaitReadyPort(READY);
        shop.awaitOutput("[daas-probe] instrumented", READY);
        ProbeEndToEndIT.runLoadDriver(
            "shop-recovery-load", SHOP, "com.acme.shop.load.LoadDriver", port);
        awaitMappings(api);
      }
      Response result = api.postJson("/admin/v1/sources/shop/introspect", "{}");
      assertThat(result.statusCode()).as(result.asString()).isEqualTo(200);
      assertThat(result.jsonPath().getInt("recovery.ormMappings")).isGreaterThanOrEqualTo(5);

      Response model = api.get("/admin/v1/sources/shop/model");
      List<Map<String, Object>> relationships = model.jsonPath().getList("relationships");
      Set<String> recovered = new TreeSet<>();
      Map<String, Object> orderToCustomer = null;
      for (Map<String, Object> r : relationships) {
        String signature =
            (r.get("fromEntity") + "" + r.get("fromAttributes")).replace(" ", "")
                + " -> "
                + r.get("toEntity");
        recovered.add(signature);
        assertThat((List<?>) r.get("evidence")).as(signature).isNotEmpty();
        if (signature.equals("best[knd_nr] -> knd")) {
          orderToCustomer = r;
        }
      }
      String report = "recovered " + recovered + "\n" + result.asString();
      assertThat(recovered).as(report).isEqualTo(TRUTH);

      assertThat(orderToCustomer).as(report).isNotNull();
      Response page =
          api.get("/api/v1/shop/best", "limit", "5", "embed", (String) orderToCustomer.get("name"));
      assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
      List<Map<String, Object>> orders = page.jsonPath().getList("data");
      String embed = (String) orderToCustomer.get("name");
      assertThat(orders)
          .isNotEmpty()
          .allSatisfy(
              o -> {
                Map<?, ?> customer = (Map<?, ?>) o.get(embed);
                assertThat(customer).isNotNull();
                assertThat(customer.get("knd_nr")).isEqualTo(o.get("knd_nr"));
              });
    }
  }

  private static void awaitMappings(DataApi api) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Response mappings = api.get("/admin/v1/sources/shop/evidence/mappings");
      if (mappings.statusCode() == 200 && mappings.jsonPath().getList("$").size() >= 6) {
        break;
      }
      assertThat(System.nanoTime())
          .as("mappings within 30 s: " + mappings.asString())
          .isLessThan(deadline);
      ServerProcess.sleep(500);
    }
    ServerProcess.sleep(2500);
  }
}
