package dev.daas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reflection probe inside the legacy samples, reporting to a real server: launched with {@code
 * -javaagent} into the JDBC sample, and attached by pid to the running JPA sample. Each sample's
 * own load driver checks that the sample kept answering right under the agent.
 */
class ProbeEndToEndIT {
  private static final Duration READY = Duration.ofSeconds(60);
  private static final Duration LOAD = Duration.ofSeconds(120);
  private static final Duration EVIDENCE = Duration.ofSeconds(30);
  // A literal after a comparison, in an IN list or as a DATE: what a template must never contain.
  private static final Pattern LITERAL_VALUE =
      Pattern.compile(
          "(=|<>|<|>)\\s*('|-?\\d)|\\bIN\\s*\\(\\s*('|-?\\d)|\\bDATE\\s*'",
          Pattern.CASE_INSENSITIVE);

  static final Path AGENT =
      JvmProcess.builtJar("reflection-probe", "target", "reflection-probe-0.1.0-SNAPSHOT.jar");
  static final Path ERP =
      JvmProcess.builtJar("samples", "legacy-erp-jdbc", "target", "legacy-erp-jdbc.jar");
  private static final Path SHOP =
      JvmProcess.builtJar("samples", "shop-jpa", "target", "shop-jpa.jar");

  @Test
  @Timeout(300)
  void legacyErpUnderTheAgentReportsItsSqlCallSitesAndEntryPointsToTheServer() {
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of()).start()) {
      DataApi api = new DataApi(server.baseUri());
      String token = registerWithToken(api, "erp");
      String agent = "-javaagent:" + AGENT + "=" + agentOptions(server, "erp", token);
      try (JvmProcess erp =
          JvmProcess.start(
              "erp", List.of("-Xmx256m", agent, "-jar", ERP.toString(), "--port", "0"))) {
        int port = erp.awaitReadyPort(READY);
        // the agent instruments in the background (option install=async, the default): the
        // sample is ready before it, and what runs before it is not observed
        erp.awaitOutput("[daas-probe] instrumented (launch, async", READY);
        runLoadDriver("erp-load", ERP, "com.acme.erp.load.LoadDriver", port);

        awaitEvidence(
            erp,
            server,
            () -> {
              List<Map<String, Object>> statements = statements(api, "erp");
              assertThat(statements)
                  .as("a select on T_CUST with its literals replaced by ?")
                  .anySatisfy(
                      s -> {
                        assertThat(s.get("operation")).isEqualTo("select");
                        assertThat((String) s.get("template"))
                            .containsIgnoringCase("T_CUST")
                            .contains("?");
                      });
              assertThat(statements)
                  .as("no template carries a literal value")
                  .allSatisfy(
                      s ->
                          assertThat(LITERAL_VALUE.matcher((String) s.get("template")).find())
                              .as((String) s.get("template"))
                              .isFalse());
              assertThat(statements)
                  .as("a call site in the application's own code")
                  .anySatisfy(
                      s ->
                          assertThat(list(s, "callSites"))
                              .anySatisfy(
                                  c ->
                                      assertThat((String) c.get("class"))
                                          .startsWith("com.acme.erp")));
              assertThat(statements)
                  .as("an http entry point")
                  .anySatisfy(
                      s ->
                          assertThat(list(s, "entryPoints"))
                              .anySatisfy(e -> assertThat(e.get("kind")).isEqualTo("http")));

              Map<String, Object> probe = onlyProbe(api, "erp");
              assertThat(probe.get("attach")).isEqualTo("launch");
              assertThat(((Number) probe.get("pid")).longValue()).isEqualTo(erp.pid());
              assertThat((List<Object>) probe.get("frameworks")).contains("servlet-jakarta");

              Response architecture = api.get("/admin/v1/sources/erp/architecture");
              assertThat(architecture.statusCode()).as(architecture.asString()).isEqualTo(200);
              List<Map<String, Object>> erpTables =
                  architecture.jsonPath().getList("components", Map.class).stream()
                      .map(c -> (Map<String, Object>) c)
                      .filter(c -> ((String) c.get("class")).startsWith("com.acme.erp"))
                      .flatMap(c -> list(c, "tables").stream())
                      .toList();
              assertThat(count(erpTables, "T_CUST", "select"))
                  .as(architecture.asString())
                  .isPositive();
              assertThat(count(erpTables, "T_ORD_HDR", "select"))
                  .as(architecture.asString())
                  .isPositive();
              assertThat(count(erpTables, "T_ORD_HDR", "insert"))
                  .as("the load driver posts orders: %s", architecture.asString())
                  .isPositive();
            });
      }
    }
  }

  @Test
  @Timeout(300)
  void attachingByPidToARunningJpaShopReportsItsMappingsAndStatements() {
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of()).start()) {
      DataApi api = new DataApi(server.baseUri());
      String token = registerWithToken(api, "shop");
      try (JvmProcess shop =
          JvmProcess.start("shop", List.of("-Xmx384m", "-jar", SHOP.toString(), "--port", "0"))) {
        int port = shop.awaitReadyPort(READY);
        try (JvmProcess attach =
            JvmProcess.start(
                "shop-attach",
                List.of(
                    "-jar",
                    AGENT.toString(),
                    "attach",
                    Long.toString(shop.pid()),
                    agentOptions(server, "shop", token)))) {
          assertThat(attach.awaitExit(READY)).as(attach.tail()).isZero();
        }
        runLoadDriver("shop-load", SHOP, "com.acme.shop.load.LoadDriver", port);

        awaitEvidence(
            shop,
            server,
            () -> {
              Map<String, Object> probe = onlyProbe(api, "shop");
              assertThat(probe.get("attach")).isEqualTo("dynamic");
              assertThat(((Number) probe.get("pid")).longValue()).isEqualTo(shop.pid());
              assertThat(statements(api, "shop"))
                  .as("statements Hibernate generated for the shop's tables")
                  .anySatisfy(
                      s ->
                          assertThat(((String) s.get("template")).toUpperCase())
                              .containsAnyOf("KND", "BEST"));

              // Hibernate loaded the entity classes before the attach; the agent still reports
              // them because it scans the classes already loaded when it attaches.
              Response mappings = api.get("/admin/v1/sources/shop/evidence/mappings");
              assertThat(mappings.statusCode()).as(mappings.asString()).isEqualTo(200);
              Map<String, Object> knd = mapping(mappings, "com.acme.shop.model.Knd");
              assertThat(knd.get("table")).isEqualTo("KND");
              assertThat(list(knd, "fields"))
                  .anySatisfy(
                      f -> {
                        assertThat(f.get("field")).isEqualTo("nr");
                        assertThat(f.get("column")).isEqualTo("KND_NR");
                        assertThat(f.get("id")).isEqualTo(true);
                      });
              Map<String, Object> best = mapping(mappings, "com.acme.shop.model.Best");
              assertThat(best.get("table")).isEqualTo("BEST");
              assertThat(list(best, "relationships"))
                  .anySatisfy(
                      r -> {
                        assertThat(r.get("kind")).isEqualTo("many_to_one");
                        assertThat(list(r, "joinColumns"))
                            .extracting(c -> c.get("name"))
                            .containsExactly("KND_NR");
                      })
                  .anySatisfy(
                      r -> {
                        assertThat(r.get("kind")).isEqualTo("many_to_many");
                        assertThat(((Map<?, ?>) r.get("joinTable")).get("name"))
                            .isEqualTo("BEST_TAG");
                      });
            });
      }
    }
  }

  static String registerWithToken(DataApi api, String source) {
    // The probe's evidence does not need the source's database, so an in-memory H2 URL will do.
    Response created =
        api.postJson(
            "/admin/v1/sources",
            "{\"name\":\"" + source + "\",\"url\":\"jdbc:h2:mem:" + source + "\",\"user\":\"sa\"}");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    Response token = api.postJson("/admin/v1/sources/" + source + "/probe-token", "{}");
    assertThat(token.statusCode()).as(token.asString()).isBetween(200, 201);
    String value = token.jsonPath().getString("token");
    assertThat(value).as(token.asString()).isNotBlank();
    return value;
  }

  static String agentOptions(ServerProcess server, String source, String token) {
    return "server=" + server.baseUri() + ",source=" + source + ",token=" + token + ",interval=1s";
  }

  /** Runs a sample's load driver, which exits 1 on any unexpected answer of the sample. */
  static void runLoadDriver(String name, Path jar, String mainClass, int port) {
    try (JvmProcess load =
        JvmProcess.start(
            name,
            List.of(
                "-cp",
                jar.toString(),
                mainClass,
                "--base",
                "http://127.0.0.1:" + port,
                "--requests",
                "200",
                "--threads",
                "2"))) {
      assertThat(load.awaitExit(LOAD))
          .as("the sample's answers under the agent\n" + load.tail())
          .isZero();
      assertThat(load.output()).contains("requests=200 errors=0");
    }
  }

  /** Repeats the checks until they pass or {@link #EVIDENCE} is over, then fails with the last. */
  private static void awaitEvidence(JvmProcess sample, ServerProcess server, Runnable checks) {
    long deadline = System.nanoTime() + EVIDENCE.toNanos();
    while (true) {
      try {
        checks.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(e.getMessage() + "\n" + sample.tail() + "\n" + server.tail(), e);
        }
      }
      ServerProcess.sleep(500);
    }
  }

  static List<Map<String, Object>> statements(DataApi api, String source) {
    Response response =
        api.get("/admin/v1/sources/" + source + "/evidence/statements", "limit", "1000");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    return response.jsonPath().getList("$", Map.class).stream()
        .map(s -> (Map<String, Object>) s)
        .toList();
  }

  /**
   * The JPA mapping the agent reported for one entity class; fails when there is none. The agent
   * also reports the class as Hibernate's metamodel sees it: that one must be there too.
   */
  private static Map<String, Object> mapping(Response mappings, String className) {
    List<Map<String, Object>> found =
        mappings.jsonPath().getList("$", Map.class).stream()
            .map(m -> (Map<String, Object>) m)
            .filter(m -> className.equals(m.get("class")))
            .toList();
    assertThat(found)
        .as("the mappings of %s in %s", className, mappings.asString())
        .extracting(m -> m.get("kind"))
        .containsExactlyInAnyOrder("jpa", "hibernate");
    return found.stream()
        .filter(m -> "jpa".equals(m.get("kind")))
        .map(m -> (Map<String, Object>) m.get("mapping"))
        .findFirst()
        .orElseThrow();
  }

  static Map<String, Object> onlyProbe(DataApi api, String source) {
    Response response = api.get("/admin/v1/probes");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    List<Map<String, Object>> probes =
        response.jsonPath().getList("$", Map.class).stream()
            .map(p -> (Map<String, Object>) p)
            .filter(p -> source.equals(p.get("source")))
            .toList();
    assertThat(probes).as(response.asString()).hasSize(1);
    return probes.get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  private static long count(List<Map<String, Object>> tables, String table, String operation) {
    return tables.stream()
        .filter(t -> table.equalsIgnoreCase((String) t.get("table")))
        .mapToLong(t -> ((Number) t.get(operation)).longValue())
        .sum();
  }
}
