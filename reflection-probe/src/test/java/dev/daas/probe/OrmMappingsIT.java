package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The packaged agent in a separate JVM running MyBatis and Hibernate (entities mapped by orm.xml
 * only): the mapped statements, result maps and the Hibernate metamodel reach the collector.
 */
class OrmMappingsIT {
  @Test
  void mybatisAndHibernateMappingsReachTheCollectorOnJava17() throws Exception {
    mappingsReachTheCollector(ChildJvm.JAVA_17);
  }

  @Test
  void mybatisAndHibernateMappingsReachTheCollectorOnJava25() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of(ChildJvm.JAVA_25)),
        "no Java 25 at " + ChildJvm.JAVA_25 + " on this machine");
    mappingsReachTheCollector(ChildJvm.JAVA_25);
  }

  private void mappingsReachTheCollector(String java) throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      Path out = Files.createTempFile("orm-app", ".out");
      Path err = Files.createTempFile("orm-app", ".err");
      Process app = new ProcessBuilder(java,
              // sync: the hooks are in place before Hibernate builds its persisters (the async
              // default may miss a factory that opens its last session before; see the attach test)
              "-javaagent:" + ChildJvm.JAR + "=" + ProbeAgentIT.options(collector) + ",install=sync",
              "-cp", appClasspath(), "com.acme.orm.OrmApp")
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try {
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("the app ends").isTrue();
        String output = Files.readString(out);
        assertThat(app.exitValue()).as("out=%s err=%s", output, Files.readString(err)).isZero();
        assertThat(output).contains("RESULT mybatis=Ada/1/2 hibernate=Ada/Nord/1");
        ProbeAgentIT.await(() -> mapping(collector, "hibernate", "com.acme.orm.Branch") != null, 10);
        assertThat(collector.problems).isEmpty();
        assertThat(Files.readString(err)).doesNotContain("[daas-probe] cannot");

        JsonNode mybatis = mapping(collector, "mybatis", "com.acme.orm.CustomerMapper");
        assertThat(mybatis).as("mybatis mapping in %s", collector.batches).isNotNull();
        assertThat(sqlById(mybatis)).containsEntry("com.acme.orm.CustomerMapper.findActive",
                "select CUST_ID, C_NM, C_STAT from T_CUST where C_STAT = ? and CUST_ID = ?")
            .containsEntry("com.acme.orm.CustomerMapper.insert",
                "insert into T_CUST (CUST_ID, C_NM, C_STAT) values (?, ?, ?)")
            .containsEntry("com.acme.orm.CustomerMapper.countBlocked",
                "select count(*) from T_CUST where C_STAT = ?");
        assertThat(mybatis.get("skipped").toString())
            .isEqualTo("[{\"id\":\"com.acme.orm.CustomerMapper.search\",\"operation\":\"select\",\"reason\":\"dynamic\"}]");
        assertThat(mybatis.get("resultMaps")).as("scalar result maps are left out").hasSize(1);
        JsonNode resultMap = mybatis.get("resultMaps").get(0);
        assertThat(resultMap.get("id").asText()).isEqualTo("com.acme.orm.CustomerMapper.customerMap");
        assertThat(resultMap.get("type").asText()).isEqualTo("com.acme.orm.Customer");
        assertThat(resultMap.get("columns").toString()).isEqualTo(
            "[{\"property\":\"id\",\"column\":\"CUST_ID\",\"id\":true},"
                + "{\"property\":\"name\",\"column\":\"C_NM\",\"id\":false},"
                + "{\"property\":\"status\",\"column\":\"C_STAT\",\"id\":false}]");

        JsonNode account = mapping(collector, "hibernate", "com.acme.orm.Account");
        assertThat(account).as("hibernate Account in %s", collector.batches).isNotNull();
        assertThat(account.get("entity").asText()).isEqualTo("Account");
        assertThat(account.get("table").asText()).isEqualToIgnoringCase("KTO");
        assertThat(account.get("fields").toString()).isEqualToIgnoringCase(
            "[{\"field\":\"number\",\"column\":\"KTO_NR\",\"id\":true},"
                + "{\"field\":\"owner\",\"column\":\"KTO_INH\",\"id\":false},"
                + "{\"field\":\"status\",\"column\":\"KTO_STAT\",\"id\":false}]");
        JsonNode branchRef = account.get("relationships").get(0);
        assertThat(branchRef.get("field").asText()).isEqualTo("branch");
        assertThat(branchRef.get("kind").asText()).isEqualTo("many_to_one");
        assertThat(branchRef.get("target").asText()).isEqualTo("com.acme.orm.Branch");
        assertThat(branchRef.get("joinColumns").get(0).get("name").asText()).isEqualToIgnoringCase("FIL_ID");
        JsonNode branch = mapping(collector, "hibernate", "com.acme.orm.Branch");
        assertThat(branch.get("table").asText()).isEqualToIgnoringCase("FIL");
        JsonNode accounts = branch.get("relationships").get(0);
        assertThat(accounts.get("kind").asText()).isEqualTo("one_to_many");
        assertThat(accounts.get("target").asText()).isEqualTo("com.acme.orm.Account");
        assertThat(accounts.get("mappedBy").asText()).isEqualTo("branch");
        JsonNode labels = account.get("relationships").get(1);
        assertThat(labels.get("kind").asText()).isEqualTo("many_to_many");
        assertThat(labels.get("joinTable").toString()).isEqualToIgnoringCase(
            "{\"name\":\"KTO_LBL\",\"joinColumns\":[\"KTO_NR\"],\"inverseJoinColumns\":[\"LBL_ID\"]}");

        JsonNode entry = mapping(collector, "hibernate", "com.acme.orm.Entry");
        assertThat(entry.get("fields").toString()).as("composite key").isEqualToIgnoringCase(
            "[{\"field\":\"key.account\",\"column\":\"BUCH_KTO\",\"id\":true},"
                + "{\"field\":\"key.line\",\"column\":\"BUCH_POS\",\"id\":true},"
                + "{\"field\":\"amount\",\"column\":\"BUCH_BTR\",\"id\":false}]");
        // the agent in a live JVM sends exactly the documents of the protocol fixture
        JsonNode fixture = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            Files.readString(Path.of("..", "docs", "probe-protocol", "batch-orm-mappings.json")));
        for (JsonNode expected : fixture.get("mappings")) {
          assertThat(mapping(collector, expected.get("kind").asText(), expected.get("class").asText()))
              .as("the fixture's %s", expected.get("class")).isEqualTo(expected);
        }

        JsonNode last = collector.batches.get(collector.batches.size() - 1);
        assertThat(last.get("probe").get("frameworks").toString()).contains("mybatis", "hibernate");
      } finally {
        app.destroyForcibly();
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
  }

  @Test
  void dynamicAttachReadsFactoriesBuiltBeforeIt() throws Exception {
    try (FakeCollector collector = new FakeCollector()) {
      Path out = Files.createTempFile("orm-app", ".out");
      Process app = new ProcessBuilder(ChildJvm.JAVA_17, "-cp", appClasspath(), "com.acme.orm.OrmApp", "loop", "30")
          .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try {
        ProbeAgentIT.await(() -> read(out).contains("READY "), 60);
        String pid = read(out).split("READY ")[1].trim().split("\\s")[0];
        try (ChildJvm attach = ChildJvm.probeCommand("attach", pid, ProbeAgentIT.options(collector))) {
          assertThat(attach.waitFor(30)).as("attach out=%s err=%s", attach.out, attach.err).isZero();
        }
        ProbeAgentIT.await(() -> mapping(collector, "hibernate", "com.acme.orm.Entry") != null
            && mapping(collector, "mybatis", "com.acme.orm.CustomerMapper") != null, 20);
        assertThat(collector.batches.get(0).get("probe").get("attach").asText()).as("attach").isEqualTo("dynamic");
        JsonNode fixture = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            Files.readString(Path.of("..", "docs", "probe-protocol", "batch-orm-mappings.json")));
        for (JsonNode expected : fixture.get("mappings")) {
          assertThat(mapping(collector, expected.get("kind").asText(), expected.get("class").asText()))
              .as("the fixture's %s", expected.get("class")).isEqualTo(expected);
        }
        String output = read(out);
        output = output.substring(0, output.lastIndexOf('\n') + 1); // the app may be mid-line
        assertThat(output.lines().filter(l -> l.startsWith("RESULT"))).as("the app's answers")
            .allMatch(l -> l.equals("RESULT mybatis=Ada/1/2 hibernate=Ada/Nord/1")
                || l.equals("RESULT mybatis=Ada/1/2 owner=Ada"));
      } finally {
        app.destroyForcibly();
        Files.deleteIfExists(out);
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  /** The test class path without the agent's unshaded classes, which must come from the jar. */
  private static String appClasspath() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String classes = new File(System.getProperty("probe.testClasses", "target/test-classes"))
        .getParentFile().toPath().resolve("classes").toAbsolutePath().normalize().toString();
    List<String> kept = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!Path.of(entry).toAbsolutePath().normalize().toString().equals(classes)) {
        kept.add(entry);
      }
    }
    assertThat(kept).as("test class path %s", classpath)
        .anyMatch(e -> e.contains("mybatis")).anyMatch(e -> e.contains("hibernate-core"));
    return String.join(File.pathSeparator, kept);
  }

  /** The latest mapping of the kind and class across all batches (the server keeps the latest). */
  static JsonNode mapping(FakeCollector collector, String kind, String className) {
    JsonNode found = null;
    for (JsonNode batch : collector.batches) {
      for (JsonNode m : batch.get("mappings")) {
        if (m.get("kind").asText().equals(kind) && m.get("class").asText().equals(className)) {
          found = m;
        }
      }
    }
    return found;
  }

  static java.util.Map<String, String> sqlById(JsonNode mybatis) {
    return StreamSupport.stream(mybatis.get("statements").spliterator(), false)
        .collect(Collectors.toMap(s -> s.get("id").asText(), s -> s.get("sql").asText()));
  }
}
