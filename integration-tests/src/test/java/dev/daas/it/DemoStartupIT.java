package dev.daas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled demo source: ready on the first start, unchanged by a restart. */
class DemoStartupIT {

  @Test
  void demoSourceAnswersRightAfterReadinessAndKeepsItsModelVersionAcrossARestart() {
    try (ServerProcess server =
        ServerProcess.withFreshDataDir(Map.of("daas.demo.enabled", "true")).start()) {
      assertDemoAnswers(new DataApi(server.baseUri()));
      server.stop();

      server.start();
      DataApi api = new DataApi(server.baseUri());
      Response versions = api.get("/admin/v1/sources/demo/model/versions");
      assertThat(versions.statusCode()).as(versions.asString()).isEqualTo(200);
      assertThat(versions.jsonPath().getList("version", Integer.class)).containsExactly(1);
      assertThat(api.get("/admin/v1/sources").jsonPath().getList("name", String.class))
          .containsExactly("demo");
      assertDemoAnswers(api);
      assertThat(server.lastStartLog()).doesNotContain("Created the demo legacy database");
    }
  }

  private static void assertDemoAnswers(DataApi api) {
    Response customers = api.get("/api/v1/demo/t_cust", "limit", "5");
    assertThat(customers.statusCode()).as(customers.asString()).isEqualTo(200);
    assertThat(customers.jsonPath().getList("data")).hasSize(5);
    assertThat(customers.jsonPath().getString("page.next")).isNotBlank();
  }
}
