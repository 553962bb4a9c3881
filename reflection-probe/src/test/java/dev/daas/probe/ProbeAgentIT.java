package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The packaged agent inside a real separate JVM running the legacy application. */
class ProbeAgentIT {
  static final String EXPECTED =
      "RESULT inserted=20 first=name1/B http=name7/B blocked=1 active=11 broken=error api=name5/B";

  /** Synchronous install, so that even the first statement of the application is observed. */
  static String options(FakeCollector collector) {
    return "server=" + collector.url() + ",source=t,token=x,interval=1s,install=sync";
  }

  @Test
  void valueSamplingSendsSqlWithItsLiteralsOnlyOnceTheServerSwitchesItOn() throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      collector.valueSampling = true;
      try (ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17, options(collector), List.of(), "loop", "4")) {
        assertThat(app.waitFor(60)).isZero();
        assertThat(app.out).filteredOn(l -> l.startsWith("RESULT")).isNotEmpty().allMatch(EXPECTED::equals);
      }
      await(() -> collector.statements().stream().anyMatch(s -> s.has("samples")), 10);
      JsonNode in = collector.statements().stream()
          .filter(s -> s.get("template").asText().equals("select CUST_ID from T_CUST where C_STAT in (?)"))
          .filter(s -> s.has("samples")).findFirst().orElseThrow();
      assertThat(in.get("samples").toString())
          .isEqualTo("[\"select CUST_ID from T_CUST where C_STAT in ('A', 'X')\"]");
      assertThat(collector.statements())
          .filteredOn(s -> s.get("template").asText().equals("select C_NM, C_STAT from T_CUST where CUST_ID = ?"))
          .as("a prepared statement without literals has nothing to sample")
          .allSatisfy(s -> assertThat(s.has("samples")).isFalse());
    }
  }

  @Test
  void defaultLaunchInstrumentsInTheBackgroundAndObservesWhatRunsAfterwards() throws Exception {
    try (FakeCollector collector = new FakeCollector();
        ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17,
            "server=" + collector.url() + ",source=t,token=x,interval=1s", List.of(), "loop", "8")) {
      assertThat(app.waitFor(60)).isZero();
      assertThat(app.err).anyMatch(l -> l.startsWith("[daas-probe] instrumented (launch, async,"));
      assertThat(app.out).filteredOn(l -> l.startsWith("RESULT")).isNotEmpty().allMatch(EXPECTED::equals);
      await(() -> has(collector, "update T_CUST set C_STAT = ? where CUST_ID = ?"), 10);
      assertThat(collector.problems).isEmpty();
    }
  }

  @Test
  void launchAgentReportsTemplatesCallSitesEntryPointsAndMappingsOnJava17() throws Exception {
    reportsEverything(ChildJvm.JAVA_17);
  }

  @Test
  void launchAgentWorksOnJava25() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of(ChildJvm.JAVA_25)),
        "no Java 25 at " + ChildJvm.JAVA_25 + " on this machine");
    reportsEverything(ChildJvm.JAVA_25);
  }

  private void reportsEverything(String javaBinary) throws Exception {
    try (FakeCollector collector = new FakeCollector();
        ChildJvm app = ChildJvm.app(javaBinary, options(collector), List.of())) {
      assertThat(app.waitFor(60)).isZero();
      assertThat(app.line("RESULT")).isEqualTo(EXPECTED);
      await(() -> has(collector, "update T_CUST set C_STAT = ? where CUST_ID = ?"), 10);
      assertThat(collector.problems).isEmpty();

      JsonNode find = statement(collector, "select C_NM, C_STAT from T_CUST where CUST_ID = ?", "main");
      assertThat(find.get("operation").asText()).isEqualTo("select");
      assertThat(find.get("database").get("product").asText()).isEqualTo("H2");
      assertThat(find.get("database").get("url").asText()).isEqualTo("jdbc:h2:mem:legacy");
      assertThat(find.get("database").get("user").asText()).isEqualToIgnoringCase("sa");
      assertThat(find.get("callSite").get("class").asText()).isEqualTo("com.acme.legacy.CustomerDao");
      assertThat(find.get("callSite").get("method").asText()).isEqualTo("find");
      assertThat(find.get("entryPoint").get("name").asText()).isEqualTo("com.acme.legacy.LegacyApp");
      assertThat(find.get("count").asLong()).isEqualTo(1);
      assertThat(find.get("rows").asLong()).isEqualTo(1);
      assertThat(find.get("columnsRead").toString()).isEqualTo("[\"C_NM\",\"C_STAT\"]");

      JsonNode http = statement(collector, "select C_NM, C_STAT from T_CUST where CUST_ID = ?", "http");
      assertThat(http.get("entryPoint").get("method").asText()).isEqualTo("GET");
      assertThat(collector.statements()).anySatisfy(s -> {
        assertThat(s.get("template").asText()).isEqualTo("select C_NM, C_STAT from T_CUST where CUST_ID = ?");
        assertThat(s.get("entryPoint").toString())
            .isEqualTo("{\"kind\":\"http\",\"method\":\"GET\",\"route\":\"/customers/{id}\"}");
      });
      assertThat(collector.statements()).anySatisfy(s -> {
        assertThat(s.get("entryPoint").toString())
            .isEqualTo("{\"kind\":\"http\",\"method\":\"GET\",\"route\":\"/api/customers/{id}\"}");
        assertThat(s.get("callSite").get("method").asText()).isEqualTo("find");
      });

      JsonNode insert = statement(collector, "insert into T_CUST (CUST_ID, C_NM, C_STAT) values (?, ?, ?)", "main");
      assertThat(insert.get("operation").asText()).isEqualTo("insert");
      assertThat(insert.get("count").asLong()).isEqualTo(1);
      assertThat(insert.get("rows").asLong()).isEqualTo(20);

      JsonNode count = statement(collector, "select CUST_ID from T_CUST where C_STAT in (?)", "main");
      assertThat(count.get("rows").asLong()).isEqualTo(11);
      JsonNode update = statement(collector, "update T_CUST set C_STAT = ? where CUST_ID = ?", "main");
      assertThat(update.get("rows").asLong()).isEqualTo(1);
      assertThat(update.get("callSite").get("method").asText()).isEqualTo("block");
      JsonNode broken = statement(collector, "select * from NO_SUCH_TABLE", "main");
      assertThat(broken.get("errors").asLong()).isEqualTo(1);

      assertThat(collector.statements()).as("no literal leaves the JVM unless sampling is on")
          .allSatisfy(s -> assertThat(s.has("samples")).isFalse());

      JsonNode first = collector.batches.get(0);
      assertThat(first.get("sequence").asLong()).isEqualTo(1);
      assertThat(first.get("probe").get("attach").asText()).isEqualTo("launch");
      JsonNode last = collector.batches.get(collector.batches.size() - 1);
      assertThat(last.get("probe").get("frameworks").toString()).contains("servlet-javax", "jpa-javax");
      assertThat(collector.batches).extracting(b -> b.get("sequence").asLong()).doesNotHaveDuplicates();
      List<String> tables = collector.batches.stream()
          .flatMap(b -> java.util.stream.StreamSupport.stream(b.get("mappings").spliterator(), false))
          .map(m -> m.get("table").asText()).toList();
      assertThat(tables).contains("KND", "BEST");
    }
  }

  @Test
  void dynamicAttachByPidReportsStatements() throws Exception {
    try (FakeCollector collector = new FakeCollector();
        ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17, null, List.of(), "loop", "30")) {
      await(() -> app.line("READY") != null, 20);
      String pid = app.line("READY").substring("READY ".length());
      try (ChildJvm attach = ChildJvm.probeCommand("attach", pid, options(collector))) {
        assertThat(attach.waitFor(30)).as("attach out=%s err=%s", attach.out, attach.err).isZero();
      }
      await(() -> has(collector, "update T_CUST set C_STAT = ? where CUST_ID = ?"), 20);
      assertThat(collector.batches.get(0).get("probe").get("attach").asText()).isEqualTo("dynamic");
      JsonNode find = statement(collector, "select C_NM, C_STAT from T_CUST where CUST_ID = ?", "http");
      assertThat(find.get("callSite").get("class").asText()).isEqualTo("com.acme.legacy.CustomerDao");
      assertThat(app.out).filteredOn(l -> l.startsWith("RESULT")).allMatch(EXPECTED::equals);
    }
  }

  @Test
  void listShowsJvmsOnThisHost() throws Exception {
    try (ChildJvm app = ChildJvm.app(ChildJvm.JAVA_17, null, List.of(), "loop", "20")) {
      await(() -> app.line("READY") != null, 20);
      String pid = app.line("READY").substring("READY ".length());
      try (ChildJvm list = ChildJvm.probeCommand("list")) {
        assertThat(list.waitFor(30)).isZero();
        assertThat(list.out).anyMatch(l -> l.startsWith(pid + "\t") && l.contains("LegacyApp"));
      }
    }
  }

  static boolean has(FakeCollector collector, String template) {
    return collector.statements().stream().anyMatch(s -> s.get("template").asText().equals(template));
  }

  /** The sum of all aggregates of the template for the entry point kind, as one node. */
  static JsonNode statement(FakeCollector collector, String template, String entryKind) {
    List<JsonNode> matching = collector.statements().stream()
        .filter(s -> s.get("template").asText().equals(template))
        .filter(s -> s.get("entryPoint").get("kind").asText().equals(entryKind))
        .toList();
    assertThat(matching).as("aggregates of %s (%s) in %s", template, entryKind, collector.statements()).isNotEmpty();
    com.fasterxml.jackson.databind.node.ObjectNode sum = matching.get(0).deepCopy();
    java.util.TreeSet<String> columns = new java.util.TreeSet<>();
    matching.forEach(s -> s.get("columnsRead").forEach(c -> columns.add(c.asText())));
    com.fasterxml.jackson.databind.node.ArrayNode columnsNode = sum.putArray("columnsRead");
    columns.forEach(columnsNode::add);
    for (String counter : List.of("count", "errors", "rows")) {
      sum.put(counter, matching.stream().mapToLong(s -> s.get(counter).asLong()).sum());
    }
    return sum;
  }

  static void await(BooleanSupplier condition, long seconds) throws InterruptedException {
    long end = System.currentTimeMillis() + seconds * 1000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("condition not met within " + seconds + " s");
      }
      Thread.sleep(100);
    }
  }
}
