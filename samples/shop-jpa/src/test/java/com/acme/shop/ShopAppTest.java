package com.acme.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.shop.load.LoadDriver;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShopAppTest {
  private static final String URL = "jdbc:h2:mem:shop-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  private static Main app;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    app = Main.start(0, URL, "sa", "", null);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterAll
  static void stop() throws Exception {
    app.stop();
  }

  @Test
  void customerOneHasTheSeededName() throws Exception {
    HttpResponse<String> r = Http.get(base + "/customers/1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("\"knd_nm\":\"" + ShopDb.FIRST_CUSTOMER_NAME + "\"")
        .contains("\"adr\":[{\"adr_art\":\"R\"");
  }

  @Test
  void customerListFiltersByStatus() throws Exception {
    HttpResponse<String> r = Http.get(base + "/customers?sts=S");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"knd_nr\":9,").doesNotContain("\"knd_sts\":\"A\"");
    assertThat(Http.get(base + "/customers?sts=Q").statusCode()).isEqualTo(400);
  }

  @Test
  void postedOrderCanBeReadBackWithLinesAndTags() throws Exception {
    HttpResponse<String> post =
        Http.postForm(base + "/orders", "knd=1&art=1003&menge=2&art=1004&menge=1&tag=2");
    assertThat(post.statusCode()).isEqualTo(201);
    Matcher m = Pattern.compile("\"best_nr\":(\\d+)").matcher(post.body());
    assertThat(m.find()).isTrue();
    long nr = Long.parseLong(m.group(1));
    assertThat(nr).isGreaterThan(ShopDb.ORDERS);

    HttpResponse<String> get = Http.get(base + "/orders/" + nr);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body())
        .contains("\"best_sts\":\"O\"")
        .contains("\"knd_nm\":\"" + ShopDb.FIRST_CUSTOMER_NAME + "\"")
        .contains("{\"pos_nr\":1,\"art_nr\":1003,\"art_bez\":\"ARTIKEL 003\",\"menge\":2")
        .contains("{\"pos_nr\":2,\"art_nr\":1004,\"art_bez\":\"ARTIKEL 004\",\"menge\":1")
        .contains("\"tags\":[\"GESCHENK\"]");
  }

  @Test
  void suspendedCustomerAndDelistedArticleAreRejected() throws Exception {
    assertThat(Http.postForm(base + "/orders", "knd=9&art=1001&menge=1").statusCode())
        .isEqualTo(409);
    assertThat(Http.postForm(base + "/orders", "knd=1&art=1010&menge=1").statusCode())
        .isEqualTo(409);
    assertThat(Http.postForm(base + "/orders", "knd=1&art=1001").statusCode()).isEqualTo(400);
  }

  @Test
  void unknownOrderIsNotFound() throws Exception {
    assertThat(Http.get(base + "/orders/987654").statusCode()).isEqualTo(404);
  }

  @Test
  void schemaHasCompositeKeyButNoForeignKeys() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
      DatabaseMetaData md = c.getMetaData();
      for (String t : List.of("KND", "ADR", "ART", "TAG", "BEST", "BEST_POS", "BEST_TAG")) {
        try (ResultSet rs = md.getTables(null, null, t, null)) {
          assertThat(rs.next()).as("table %s exists", t).isTrue();
        }
        try (ResultSet rs = md.getImportedKeys(null, null, t)) {
          assertThat(rs.next()).as("foreign key on %s", t).isFalse();
        }
      }
      List<String> pk = new ArrayList<>();
      try (ResultSet rs = md.getPrimaryKeys(null, null, "BEST_POS")) {
        while (rs.next()) {
          pk.add(rs.getString("COLUMN_NAME"));
        }
      }
      assertThat(pk).containsExactlyInAnyOrder("BEST_NR", "POS_NR");
    }
  }

  @Test
  void loadDriverExercisesEveryPageWithoutErrors() throws Exception {
    LoadDriver.Summary s = LoadDriver.run(base, 300, 4, 7);
    assertThat(s.firstError()).isNull();
    assertThat(s.errors()).isZero();
    assertThat(s.line()).startsWith("requests=300 errors=0 p50_ms=");
  }
}
