package dev.daas.server.probe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class ProbeIngestTest {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  public static final Path FIXTURES = Path.of("..", "..", "docs", "probe-protocol");
  static final String LEGACY_PROBE = "6f1c0c1e-4d7e-4a38-9a55-0f4a1f1d2b70";

  @Inject AgroalDataSource metadata;

  public static String fixture(String name) {
    try {
      return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] gzip(String text) {
    return gzip(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Registers the source unless it exists, and returns a fresh probe token of it. */
  public static String sourceWithToken(String name) {
    String url = TestingSources.h2("probe_" + name.replace('-', '_'), "pw");
    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body(name, url, "sa", "pw"))
        .post("/admin/v1/sources");
    return given()
        .post("/admin/v1/sources/" + name + "/probe-token")
        .then()
        .statusCode(200)
        .extract()
        .path("token");
  }

  public static Response post(String token, String batch) {
    return given()
        .header("Authorization", "Bearer " + token)
        .header("Content-Encoding", "gzip")
        .contentType(ContentType.JSON)
        .body(gzip(batch))
        .post("/probe/v1/batches");
  }

  /** The legacy example, reported for another source by a new probe instance. */
  public static String legacyBatchFor(String source) {
    return fixture("batch-jdbc-servlet.json")
        .replace("\"source\": \"legacy\"", "\"source\": \"" + source + "\"")
        .replace(LEGACY_PROBE, UUID.randomUUID().toString());
  }

  @Test
  void storesTheExamplePayloadsAsProbesStatementsArchitectureAndMappings() throws Exception {
    String legacy = sourceWithToken("legacy");
    String shop = sourceWithToken("shop");

    post(legacy, fixture("batch-jdbc-servlet.json"))
        .then()
        .statusCode(200)
        .body("accepted", equalTo(true))
        .body("duplicate", equalTo(false))
        .body("enabled", equalTo(true))
        .body("sendIntervalSeconds", equalTo(5));
    post(shop, fixture("batch-jpa-mappings.json")).then().statusCode(200);

    List<Map<String, Object>> probes =
        given().get("/admin/v1/probes").then().statusCode(200).extract().path("");
    Map<String, Object> probe =
        probes.stream()
            .filter(p -> LEGACY_PROBE.equals(p.get("probeId")))
            .findFirst()
            .orElseThrow();
    assertThat(probe)
        .containsEntry("source", "legacy")
        .containsEntry("pid", 4242)
        .containsEntry("host", "erp-app-01")
        .containsEntry("jvm", "17.0.15+6 (Eclipse Adoptium)")
        .containsEntry("application", "com.acme.erp.Main")
        .containsEntry("attach", "launch")
        .containsEntry("frameworks", List.of("servlet-jakarta"))
        .containsEntry("batches", 1)
        .containsEntry("observations", 158);
    assertThat(probes)
        .anySatisfy(
            p ->
                assertThat(p)
                    .containsEntry("source", "shop")
                    .containsEntry("attach", "dynamic")
                    .containsEntry(
                        "frameworks", List.of("servlet-jakarta", "jpa-jakarta", "hibernate")));

    given()
        .get("/admin/v1/sources/legacy/evidence/statements")
        .then()
        .statusCode(200)
        .body("size()", equalTo(3))
        .body("[0].template", equalTo("select c.C_NM, c.C_STAT from T_CUST c where c.CUST_ID = ?"))
        .body("[0].count", equalTo(120))
        .body("[0].rows", equalTo(120))
        .body("[0].latencyMicros.meanMicros", equalTo(510))
        .body("[0].latencyMicros.maxMicros", equalTo(4012))
        .body("[0].latencyMicros.p50Micros", equalTo(500))
        .body("[0].latencyMicros.p99Micros", equalTo(2500))
        .body("[0].callSites[0].class", equalTo("com.acme.erp.dao.CustomerDao"))
        .body("[0].callSites[0].line", equalTo(57))
        .body("[0].entryPoints[0].route", equalTo(null))
        .body("[0].entryPoints[0].name", equalTo("/customers/{id}"))
        .body("[0].columnsRead", equalTo(List.of("C_NM", "C_STAT")))
        .body("[1].count", equalTo(35))
        .body("[1].errors", equalTo(1))
        .body("[2].operation", equalTo("update"));
    given()
        .queryParam("limit", 1)
        .get("/admin/v1/sources/legacy/evidence/statements")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1));

    given()
        .get("/admin/v1/sources/legacy/architecture")
        .then()
        .statusCode(200)
        .body("templates", equalTo(3))
        .body("unparsedTemplates", equalTo(0))
        .body("tables", equalTo(List.of("T_CUST", "T_ORD_HDR")))
        .body(
            "entryPoints.find { it.name == '/customers/{id}' }.tables",
            equalTo(
                List.of(
                    Map.of(
                        "table", "T_CUST", "select", 120, "insert", 0, "update", 0, "delete", 0))))
        .body(
            "entryPoints.find { it.name == 'com.acme.erp.batch.NightlyRun' }.tables[0].update",
            equalTo(3))
        .body(
            "components.find { it.class == 'com.acme.erp.dao.CustomerDao' }.tables[0]",
            equalTo(
                Map.of("table", "T_CUST", "select", 120, "insert", 0, "update", 3, "delete", 0)))
        .body(
            "components.find { it.class == 'com.acme.erp.dao.OrderDao' }.tables.table",
            equalTo(List.of("T_CUST", "T_ORD_HDR")));

    given()
        .get("/admin/v1/sources/shop/evidence/mappings")
        .then()
        .statusCode(200)
        .body(
            "class", equalTo(List.of("com.acme.shop.model.Customer", "com.acme.shop.model.Order")))
        .body("[1].table", equalTo("BEST"))
        .body("[1].mapping.relationships[1].joinTable.name", equalTo("BEST_TAG"));

    try (Connection c = metadata.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select m.kind, m.class_name, m.table_name, m.mapping_json from orm_mapping m"
                        + " join source s on s.id = m.source_id where s.name = 'shop' order by"
                        + " m.class_name")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("com.acme.shop.model.Customer");
      assertThat(rs.getString(3)).isEqualTo("KND");
      assertThat(rs.getString(4)).contains("\"column\":\"KND_NM\"");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(3)).isEqualTo("BEST");
      assertThat(rs.getString(4)).contains("BEST_TAG");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void countsARepeatedSequenceOnceAndSaysItWasADuplicate() {
    String token = sourceWithToken("probe-dup");
    String batch = legacyBatchFor("probe-dup");
    post(token, batch).then().statusCode(200).body("duplicate", equalTo(false));
    post(token, batch).then().statusCode(200).body("duplicate", equalTo(true));

    given()
        .get("/admin/v1/sources/probe-dup/evidence/statements")
        .then()
        .body("[0].count", equalTo(120))
        .body("[1].count", equalTo(35));

    String next = batch.replace("\"sequence\": 42", "\"sequence\": 43");
    post(token, next).then().statusCode(200).body("duplicate", equalTo(false));
    given()
        .get("/admin/v1/sources/probe-dup/evidence/statements")
        .then()
        .body("[0].count", equalTo(240))
        .body("[0].latencyMicros.maxMicros", equalTo(4012));
  }

  @Test
  void acceptsAnUncompressedBatch() {
    String token = sourceWithToken("probe-plain");
    given()
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body(legacyBatchFor("probe-plain"))
        .post("/probe/v1/batches")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(true));
  }

  @Test
  void rejectsMissingWrongRotatedAndOtherSourcesTokens() {
    String token = sourceWithToken("probe-auth");
    String other = sourceWithToken("probe-auth-other");
    String batch = legacyBatchFor("probe-auth");

    post("not-the-token", batch)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("unauthorized"));
    post(other, batch).then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(batch)
        .post("/probe/v1/batches")
        .then()
        .statusCode(401);
    post(token, batch.replace("\"source\": \"probe-auth\"", "\"source\": \"nowhere\""))
        .then()
        .statusCode(401);

    String rotated = sourceWithToken("probe-auth");
    post(token, batch).then().statusCode(401);
    post(rotated, batch).then().statusCode(200);
  }

  @Test
  void rejectsMalformedJsonAndNamesMissingOrWrongMembers() {
    String token = sourceWithToken("probe-bad");
    post(token, "{\"protocol\": 1, \"source\": ")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"));
    given()
        .header("Authorization", "Bearer " + token)
        .header("Content-Encoding", "gzip")
        .body("not gzip at all")
        .post("/probe/v1/batches")
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"));

    String batch = legacyBatchFor("probe-bad");
    post(token, batch.replaceFirst("\"count\": 120,", ""))
        .then()
        .statusCode(400)
        .body("code", equalTo("validation-failed"))
        .body("violations.member", hasItem("statements[0].count"));
    post(token, batch.replace("\"attach\": \"launch\"", "\"attach\": \"sideways\""))
        .then()
        .statusCode(400)
        .body("violations.member", hasItem("probe.attach"));
    post(token, batch.replace("\"protocol\": 1", "\"protocol\": 2"))
        .then()
        .statusCode(400)
        .body("violations.member", hasItem("protocol"));
    post(
            token,
            batch.replace("\"counts\": [0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]", "\"counts\": [1]"))
        .then()
        .statusCode(400)
        .body("violations.member", hasItem("statements[2].latencyMicros.counts"));

    given()
        .get("/admin/v1/sources/probe-bad/evidence/statements")
        .then()
        .body("size()", equalTo(0));
  }

  @Test
  void refusesABatchOverEightMebibytesUncompressed() {
    String token = sourceWithToken("probe-big");
    byte[] big = new byte[8 * 1024 * 1024 + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    given()
        .header("Authorization", "Bearer " + token)
        .header("Content-Encoding", "gzip")
        .contentType(ContentType.JSON)
        .body(gzip(big))
        .post("/probe/v1/batches")
        .then()
        .statusCode(413)
        .body("code", equalTo("payload-too-large"));
  }

  @Test
  void tellsProbesOfASwitchedOffSourceToStopObserving() {
    String token = sourceWithToken("probe-off");
    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\": false}")
        .post("/admin/v1/sources/probe-off/probe")
        .then()
        .statusCode(200)
        .body("enabled", equalTo(false));
    String batch = legacyBatchFor("probe-off");
    post(token, batch).then().statusCode(200).body("enabled", equalTo(false));

    given()
        .contentType(ContentType.JSON)
        .body("{\"enabled\": true}")
        .post("/admin/v1/sources/probe-off/probe")
        .then()
        .statusCode(200);
    post(token, batch.replace("\"sequence\": 42", "\"sequence\": 43"))
        .then()
        .body("enabled", equalTo(true));
  }

  @Test
  void removesASourceTogetherWithItsProbeEvidence() {
    String token = sourceWithToken("probe-gone");
    String batch = legacyBatchFor("probe-gone");
    post(token, batch).then().statusCode(200);

    given().delete("/admin/v1/sources/probe-gone").then().statusCode(204);

    given().get("/admin/v1/sources/probe-gone/evidence/statements").then().statusCode(404);
    List<Map<String, Object>> probes =
        given().get("/admin/v1/probes").then().statusCode(200).extract().path("");
    assertThat(probes).noneMatch(p -> "probe-gone".equals(p.get("source")));
    post(token, batch).then().statusCode(401);
  }

  @Test
  void answersUnknownSourcesAndBadLimitsWithProblems() {
    given().post("/admin/v1/sources/nowhere/probe-token").then().statusCode(404);
    given().get("/admin/v1/sources/nowhere/architecture").then().statusCode(404);
    sourceWithToken("probe-limit");
    given()
        .queryParam("limit", "0")
        .get("/admin/v1/sources/probe-limit/evidence/statements")
        .then()
        .statusCode(400)
        .body("code", equalTo("invalid-limit"));
  }

  @Test
  void settingsSetTheIntervalAndValueSamplingThatTheIngestAnswerCarries() {
    String token = sourceWithToken("probe-set");
    given()
        .get("/admin/v1/sources/probe-set/probe")
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true))
        .body("sendIntervalSeconds", equalTo(5))
        .body("valueSampling", equalTo(false))
        .body("tokenIssued", equalTo(true))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("token")));
    String sampled =
        legacyBatchFor("probe-set")
            .replace(
                "\"columnsRead\": [\"C_NM\", \"C_STAT\"]",
                "\"columnsRead\": [\"C_NM\", \"C_STAT\"], \"samples\":"
                    + " [\"select c.C_NM, c.C_STAT from T_CUST c where c.CUST_ID = 17\"]");
    post(token, sampled)
        .then()
        .statusCode(200)
        .body("sendIntervalSeconds", equalTo(5))
        .body("valueSampling", equalTo(false));
    String template = "select c.C_NM, c.C_STAT from T_CUST c where c.CUST_ID = ?";
    given()
        .get("/admin/v1/sources/probe-set/evidence/statements")
        .then()
        .body("find { it.template == '" + template + "' }.samples", hasSize(0));

    given()
        .contentType(ContentType.JSON)
        .body("{\"sendIntervalSeconds\": 30, \"valueSampling\": true}")
        .post("/admin/v1/sources/probe-set/probe")
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true))
        .body("sendIntervalSeconds", equalTo(30))
        .body("valueSampling", equalTo(true));
    post(token, sampled.replace("\"sequence\": 42", "\"sequence\": 43"))
        .then()
        .statusCode(200)
        .body("sendIntervalSeconds", equalTo(30))
        .body("valueSampling", equalTo(true));
    given()
        .get("/admin/v1/sources/probe-set/evidence/statements")
        .then()
        .body(
            "find { it.template == '" + template + "' }.samples",
            equalTo(List.of("select c.C_NM, c.C_STAT from T_CUST c where c.CUST_ID = 17")));
  }

  @Test
  void refusesSettingsThatAreEmptyOutOfRangeOrUnknown() {
    sourceWithToken("probe-bad-set");
    for (String body :
        List.of(
            "{}",
            "{\"sendIntervalSeconds\": 0}",
            "{\"sendIntervalSeconds\": 301}",
            "{\"enabled\": true, \"sampling\": true}")) {
      given()
          .contentType(ContentType.JSON)
          .body(body)
          .post("/admin/v1/sources/probe-bad-set/probe")
          .then()
          .statusCode(400)
          .body("code", equalTo("validation-failed"));
    }
    given()
        .get("/admin/v1/sources/probe-bad-set/probe")
        .then()
        .body("sendIntervalSeconds", equalTo(5));
    given().get("/admin/v1/sources/nowhere/probe").then().statusCode(404);
  }

  @Test
  void storesHibernateAndMyBatisMappingsOfTheOrmFixture() {
    String token = sourceWithToken("probe-orm");
    String batch =
        fixture("batch-orm-mappings.json")
            .replace("\"source\": \"shop\"", "\"source\": \"probe-orm\"")
            .replace("5d2a9e4b-1c3f-4e6a-9b7d-2f8c0a1e3b5d", UUID.randomUUID().toString());
    post(token, batch).then().statusCode(200).body("accepted", equalTo(true));
    List<Map<String, Object>> mappings =
        given()
            .get("/admin/v1/sources/probe-orm/evidence/mappings")
            .then()
            .statusCode(200)
            .extract()
            .path("");
    assertThat(mappings)
        .extracting(m -> m.get("kind") + " " + m.get("class"))
        .contains("mybatis com.acme.orm.CustomerMapper", "hibernate com.acme.orm.Account");
  }
}
