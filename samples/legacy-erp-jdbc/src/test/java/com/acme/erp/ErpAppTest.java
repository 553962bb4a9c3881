package com.acme.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.erp.batch.NightlyRun;
import com.acme.erp.db.ConnMgr;
import com.acme.erp.db.SchemaSetup;
import com.acme.erp.load.LoadDriver;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErpAppTest {
  private static Main app;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    AppConfig cfg = new AppConfig();
    cfg.port = 0;
    cfg.dbUrl = "jdbc:h2:mem:erp-web-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    app = Main.start(cfg);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
  }

  @Test
  void customerOneHasTheSeededNameAndAddress() throws Exception {
    HttpResponse<String> r = Http.get(base + "/customers/1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("\"c_nm\":\"" + SchemaSetup.FIRST_CUSTOMER_NAME + "\"")
        .contains("\"addr\":[{");
  }

  @Test
  void unknownCustomerIsNotFound() throws Exception {
    assertThat(Http.get(base + "/customers/99999").statusCode()).isEqualTo(404);
    assertThat(Http.get(base + "/customers/99999/orders").statusCode()).isEqualTo(404);
  }

  @Test
  void listFiltersByStatusCode() throws Exception {
    HttpResponse<String> r = Http.get(base + "/customers?stat=I");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"c_stat\":\"I\"").doesNotContain("\"c_stat\":\"A\"");
    assertThat(Http.get(base + "/customers?stat=X%27%20OR%20%271%27%3D%271").statusCode()).isEqualTo(400);
  }

  @Test
  void postedOrderCanBeReadBackWithItsLines() throws Exception {
    HttpResponse<String> post = Http.postForm(base + "/orders", "cust=1&prd=3&qty=2&prd=5&qty=1");
    assertThat(post.statusCode()).isEqualTo(201);
    Matcher m = Pattern.compile("\"ord_no\":(\\d+)").matcher(post.body());
    assertThat(m.find()).isTrue();
    int no = Integer.parseInt(m.group(1));
    assertThat(no).isGreaterThan(SchemaSetup.ORDERS);

    HttpResponse<String> get = Http.get(base + "/orders/" + no);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body())
        .contains("\"o_stat\":\"N\"")
        .contains("\"ln_no\":1,\"qty\":2")
        .contains("\"ln_no\":2,\"qty\":1")
        .contains("\"prd_id\":3")
        .contains("\"prd_id\":5");
    assertThat(Http.get(base + "/customers/1/orders").body()).contains("\"ord_no\":" + no);
  }

  @Test
  void blockedCustomerCannotOrder() throws Exception {
    assertThat(Http.postForm(base + "/customers/44/block", "").statusCode()).isEqualTo(200);
    assertThat(Http.get(base + "/customers/44").body()).contains("\"c_stat\":\"B\"");
    assertThat(Http.postForm(base + "/orders", "cust=44&prd=1&qty=1").statusCode())
        .isEqualTo(409);
  }

  @Test
  void revenueReportHasOneRowPerRegion() throws Exception {
    HttpResponse<String> r = Http.get(base + "/reports/revenue");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body().split("\"reg_cd\"", -1)).hasSize(6);
  }

  @Test
  void loadDriverExercisesEveryPageWithoutErrors() throws Exception {
    LoadDriver.Summary s = LoadDriver.run(base, 400, 4, 7);
    assertThat(s.firstError()).isNull();
    assertThat(s.errors()).isZero();
    assertThat(s.requests()).isEqualTo(400);
    assertThat(s.line()).startsWith("requests=400 errors=0 p50_ms=");
  }

  @Test
  void nightlyRunShipsOldOpenOrdersOnceOnly() throws Exception {
    ConnMgr db = new ConnMgr("jdbc:h2:mem:erp-batch-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
        "sa", "", null);
    SchemaSetup.run(db);
    // open orders 101..149 dated 2024-01-01 + 2*n; business date is the newest order (n=149)
    assertThat(NightlyRun.run(db).shipped()).isEqualTo(31);
    assertThat(NightlyRun.run(db).shipped()).isZero();
    db.shutdown();
  }
}
