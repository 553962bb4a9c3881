package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orm.OrmApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSessionFactory;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * The MyBatis and Hibernate mappings the agent writes, read from real framework objects (MyBatis
 * 3.5, Hibernate 7 with orm.xml-only entities), equal docs/probe-protocol/batch-orm-mappings.json.
 */
class OrmWireFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURE = Path.of("..", "docs", "probe-protocol", "batch-orm-mappings.json");

  @Test
  void mybatisAndHibernateMappingsEqualTheFixture() throws Exception {
    JsonNode fixture = JSON.readTree(Files.readString(FIXTURE));
    Batch batch = new Batch();
    batch.sequence = 3;
    batch.mappingsJson.add(mybatisDocument());
    batch.mappingsJson.addAll(hibernateDocuments());
    JsonNode written = JSON.readTree(BatchWriter.write("shop", batch, probe(), List.of("jpa-jakarta", "hibernate", "mybatis"),
        new long[4]));

    JsonShape.assertSameShape("$", written, fixture);
    assertThat(written.get("mappings")).hasSize(fixture.get("mappings").size());
    for (int i = 0; i < fixture.get("mappings").size(); i++) {
      assertThat(written.get("mappings").get(i)).as("mappings[%d]", i).isEqualTo(fixture.get("mappings").get(i));
    }
  }

  @Test
  void aNamespaceIsSentAgainWholeWhenItGainsAStatement() throws Exception {
    SqlSessionFactory factory = OrmApp.mybatis();
    java.util.concurrent.ConcurrentLinkedQueue<String> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.Queue<String> previous = JpaMappings.sink;
    JpaMappings.sink = queue;
    try {
      MyBatisMappings.statementAdded(statement(factory, "com.acme.orm.LateMapper.first", "select 1 from T_CUST"));
      MyBatisMappings.flush(factory);
      MyBatisMappings.statementAdded(statement(factory, "com.acme.orm.LateMapper.late",
          "delete from T_CUST where C_NM = 'x'"));
      MyBatisMappings.flush(factory);
      MyBatisMappings.flush(factory); // nothing changed since: nothing more is queued
    } finally {
      JpaMappings.sink = previous;
    }
    List<JsonNode> late = queue.stream().map(OrmWireFormatTest::read)
        .filter(d -> d.get("class").asText().equals("com.acme.orm.LateMapper")).toList();
    assertThat(late).hasSize(2);
    assertThat(OrmMappingsIT.sqlById(late.get(0))).containsOnlyKeys("com.acme.orm.LateMapper.first");
    assertThat(OrmMappingsIT.sqlById(late.get(1)))
        .containsEntry("com.acme.orm.LateMapper.first", "select ? from T_CUST")
        .containsEntry("com.acme.orm.LateMapper.late", "delete from T_CUST where C_NM = ?");
  }

  private static org.apache.ibatis.mapping.MappedStatement statement(SqlSessionFactory factory, String id, String sql) {
    org.apache.ibatis.session.Configuration configuration = factory.getConfiguration();
    return new org.apache.ibatis.mapping.MappedStatement.Builder(configuration, id,
        new org.apache.ibatis.builder.StaticSqlSource(configuration, sql),
        org.apache.ibatis.mapping.SqlCommandType.UNKNOWN).build();
  }

  @Test
  void aRunningSessionFactoryIsReadOnceFromItsMetamodel() throws Exception {
    JsonNode fixture = JSON.readTree(Files.readString(FIXTURE));
    java.util.concurrent.ConcurrentLinkedQueue<String> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.Queue<String> previous = JpaMappings.sink;
    JpaMappings.sink = queue;
    try (SessionFactory factory = OrmApp.hibernate("jdbc:h2:mem:orm-running;DB_CLOSE_DELAY=-1")) {
      HibernateMappings.sessionOpening(factory); // as after a dynamic attach
      HibernateMappings.sessionOpening(factory);
    } finally {
      JpaMappings.sink = previous;
    }
    List<JsonNode> documents = queue.stream().map(OrmWireFormatTest::read)
        .sorted(Comparator.comparing(d -> d.get("class").asText())).toList();
    List<JsonNode> expected = new ArrayList<>();
    fixture.get("mappings").forEach(m -> {
      if (m.get("kind").asText().equals("hibernate")) {
        expected.add(m);
      }
    });
    assertThat(documents).isEqualTo(expected);
  }

  @Test
  void readingAnUnknownObjectGivesAnEmptyMappingNotAnException() {
    JsonNode node = read(HibernateMappings.toJson(new Object(), Map.of()));
    assertThat(node.get("kind").asText()).isEqualTo("hibernate");
    assertThat(node.get("fields")).isEmpty();
    MyBatisMappings.statementAdded(new Object());
    MyBatisMappings.resultMapAdded(null);
    assertThat(MyBatisMappings.staticSql(new Object())).isNull();
  }

  private static String mybatisDocument() throws Exception {
    MyBatisMappings.flush(OrmApp.mybatis()); // reads the configuration as after a dynamic attach
    return MyBatisMappings.documents().stream()
        .filter(d -> d.contains("\"class\":\"com.acme.orm.CustomerMapper\"")).findFirst().orElseThrow();
  }

  private static List<String> hibernateDocuments() {
    try (SessionFactory factory = OrmApp.hibernate("jdbc:h2:mem:orm-wire;DB_CLOSE_DELAY=-1")) {
      var metamodel = factory.unwrap(SessionFactoryImplementor.class).getMappingMetamodel();
      List<Object> collections = new ArrayList<>();
      metamodel.forEachCollectionDescriptor(collections::add);
      Map<String, Object> byRole = HibernateMappings.byRole(collections);
      List<Object> entities = new ArrayList<>();
      metamodel.forEachEntityDescriptor(entities::add);
      entities.sort(Comparator.comparing(e -> ((org.hibernate.persister.entity.EntityPersister) e).getEntityName()));
      List<String> documents = new ArrayList<>();
      for (Object entity : entities) {
        documents.add(HibernateMappings.toJson(entity, byRole));
      }
      return documents;
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }

  private static BatchWriter.Probe probe() {
    BatchWriter.Probe p = new BatchWriter.Probe();
    p.id = "id-1";
    p.pid = 42;
    p.host = "h";
    p.jvm = "17";
    p.application = "com.acme.orm.OrmApp";
    p.attach = "launch";
    return p;
  }
}
