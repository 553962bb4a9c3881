package dev.daas.it;

import static dev.daas.it.ProbeEndToEndIT.AGENT;
import static dev.daas.it.ProbeEndToEndIT.ERP;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The legacy ERP sample on PostgreSQL declares no foreign key. Recovery finds its relationships
 * from how it really behaves: once from what the probe saw inside the running sample, once with no
 * agent at all, from the database's own statement statistics ({@code pg_stat_statements}). Either
 * way the recovered relationships are real ones (checked against the sample's schema) and can be
 * embedded through the data API.
 */
class RecoveryEndToEndIT {
  private static final Duration READY = Duration.ofSeconds(60);
  private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  /** Every relationship of the sample, as its code uses them (from table.columns to table). */
  private static final Set<String> TRUTH =
      Set.of(
          "t_emp[reg_cd] -> t_reg",
          "t_emp[mgr_id] -> t_emp",
          "t_cust[reg_cd] -> t_reg",
          "t_cust[emp_id] -> t_emp",
          "t_addr[cust_id] -> t_cust",
          "t_prd[p_grp] -> t_prd_grp",
          "t_stk[prd_id] -> t_prd",
          "t_ord_hdr[cust_id] -> t_cust",
          "t_ord_hdr[emp_id] -> t_emp",
          "t_ord_ln[ord_no] -> t_ord_hdr",
          "t_ord_ln[prd_id] -> t_prd",
          "t_inv[ord_no] -> t_ord_hdr",
          "t_pay[inv_no] -> t_inv");

  /** Joined by the sample's pages that the load driver calls. */
  private static final Set<String> EXERCISED =
      Set.of(
          "t_ord_hdr[cust_id] -> t_cust",
          "t_ord_hdr[emp_id] -> t_emp",
          "t_inv[ord_no] -> t_ord_hdr",
          "t_cust[reg_cd] -> t_reg");

  @Test
  @Timeout(300)
  void relationshipsFromWhatTheProbeSawInsideTheSample() throws Exception {
    String schema = freshSchema("erp_recovery_probe");
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of()).start()) {
      DataApi api = new DataApi(server.baseUri());
      api.register("erp", PG_URL, "postgres", null, schema);
      String token = token(api, "erp");
      String agent =
          "-javaagent:" + AGENT + "=" + ProbeEndToEndIT.agentOptions(server, "erp", token);
      try (JvmProcess erp = startErp("erp-recovery", schema, agent)) {
        int port = erp.awaitReadyPort(READY);
        erp.awaitOutput("[daas-probe] instrumented", READY);
        ProbeEndToEndIT.runLoadDriver(
            "erp-recovery-load", ERP, "com.acme.erp.load.LoadDriver", port);
        awaitStatements(api);
      }
      Map<String, Object> summary = introspect(api);
      assertThat(((Number) summary.get("probeStatements")).intValue()).isPositive();
      assertRecovered(api, summary);
    }
  }

  @Test
  @Timeout(300)
  void relationshipsFromStatementStatisticsWithNoAgent() throws Exception {
    String schema = freshSchema("erp_recovery_stats");
    try (JvmProcess erp = startErp("erp-stats", schema, null)) {
      int port = erp.awaitReadyPort(READY);
      ProbeEndToEndIT.runLoadDriver("erp-stats-load", ERP, "com.acme.erp.load.LoadDriver", port);
    }
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of()).start()) {
      DataApi api = new DataApi(server.baseUri());
      api.register("erp", PG_URL, "postgres", null, schema);
      Map<String, Object> summary = introspect(api);
      assertThat(summary.get("statisticsUnavailable")).as("%s", summary).isNull();
      assertThat(((Number) summary.get("statisticStatements")).intValue()).isPositive();
      assertThat(((Number) summary.get("probeStatements")).intValue()).isZero();
      assertRecovered(api, summary);
    }
  }

  private static void assertRecovered(DataApi api, Map<String, Object> summary) {
    Response model = api.get("/admin/v1/sources/erp/model");
    assertThat(model.statusCode()).as(model.asString()).isEqualTo(200);
    List<Map<String, Object>> relationships = model.jsonPath().getList("relationships");
    Set<String> inferred = new TreeSet<>();
    Map<String, Object> orderToCustomer = null;
    for (Map<String, Object> r : relationships) {
      assertThat(r.get("kind")).as("the sample declares no foreign key").isEqualTo("inferred");
      String signature =
          r.get("fromEntity") + "" + r.get("fromAttributes") + " -> " + r.get("toEntity");
      inferred.add(signature.replace(" ", "").replace("->", " -> "));
      assertThat(((Number) r.get("confidence")).doubleValue()).isBetween(0.0, 1.0);
      assertThat((List<?>) r.get("evidence")).as("evidence of %s", signature).isNotEmpty();
      if (signature.startsWith("t_ord_hdr[cust_id]")) {
        orderToCustomer = r;
      }
    }
    String report = "recovered " + inferred + "\nsummary " + summary;
    assertThat(TRUTH)
        .as("precision: every recovered relationship is real\n" + report)
        .containsAll(inferred);
    assertThat(inferred)
        .as("the relationships the workload exercises\n" + report)
        .containsAll(EXERCISED);

    Response order =
        api.get("/api/v1/erp/t_ord_hdr/1", "embed", (String) orderToCustomer.get("name"));
    assertThat(order.statusCode()).as(order.asString()).isEqualTo(200);
    Map<String, Object> customer = order.jsonPath().getMap(orderToCustomer.get("name") + "");
    assertThat(customer.get("cust_id")).isEqualTo(order.jsonPath().get("cust_id"));
  }

  private static Map<String, Object> introspect(DataApi api) {
    Response result = api.postJson("/admin/v1/sources/erp/introspect", "{}");
    assertThat(result.statusCode()).as(result.asString()).isEqualTo(200);
    return result.jsonPath().getMap("recovery");
  }

  private static String token(DataApi api, String source) {
    Response token = api.postJson("/admin/v1/sources/" + source + "/probe-token", "{}");
    assertThat(token.statusCode()).as(token.asString()).isBetween(200, 201);
    return token.jsonPath().getString("token");
  }

  private static void awaitStatements(DataApi api) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (ProbeEndToEndIT.statements(api, "erp").size() < 5) {
      assertThat(System.nanoTime()).as("probe evidence within 30 s").isLessThan(deadline);
      ServerProcess.sleep(500);
    }
    ServerProcess.sleep(2500); // one more send interval, so the last load's statements are in
  }

  private static JvmProcess startErp(String name, String schema, String agent) {
    List<String> args = new ArrayList<>(List.of("-Xmx256m"));
    if (agent != null) {
      args.add(agent);
    }
    args.addAll(
        List.of(
            "-jar",
            ERP.toString(),
            "--port",
            "0",
            "--db-url",
            PG_URL,
            "--db-user",
            "postgres",
            "--db-schema",
            schema));
    return JvmProcess.start(name, args);
  }

  private static String freshSchema(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
        Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      st.execute("CREATE SCHEMA " + schema);
    }
    return schema;
  }
}
