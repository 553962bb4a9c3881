package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.acme.shop.model.Customer;
import com.acme.shop.model.Order;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

/** The JSON the agent writes has the members and types of the fixtures in docs/probe-protocol. */
class WireFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FIXTURES = Path.of("..", "docs", "probe-protocol");

  @Test
  void statementBatchHasTheShapeOfTheFixture() throws Exception {
    JsonNode fixture = JSON.readTree(Files.readString(FIXTURES.resolve("batch-jdbc-servlet.json")));
    Batch batch = new Batch();
    batch.sequence = 42;
    batch.intervalStartMillis = 1_000;
    batch.intervalEndMillis = 6_000;
    DbInfo db = new DbInfo("PostgreSQL", "jdbc:postgresql://db:5432/erp?ssl=true", "erp_app");
    batch.add(snapshot(new StatementKey("select c.C_NM from T_CUST c where c.CUST_ID = ?", "select", db,
        new CallSite("com.acme.erp.dao.CustomerDao", "find", 57), EntryPoint.http("GET", "/customers/{id}")),
        Set.of("C_NM")));
    batch.add(snapshot(new StatementKey("select o.ORD_NO from T_ORD_HDR o where o.O_STAT in (?)", "select", db,
        null, EntryPoint.http("GET", "/customers/{id}/orders")), Set.of("ORD_NO")));
    batch.add(snapshot(new StatementKey("update T_CUST set C_STAT = ? where CUST_ID = ?", "update", db,
        new CallSite("com.acme.erp.dao.CustomerDao", "block", 102), EntryPoint.main("com.acme.Nightly")),
        Set.of()));
    JsonNode written = JSON.readTree(BatchWriter.write("legacy", batch, probe(), List.of("servlet-jakarta"),
        new long[] {1, 2, 3, 4}));

    JsonShape.assertSameShape("$", written, fixture);
    assertThat(written.get("sequence").asLong()).isEqualTo(42);
    assertThat(written.get("intervalStart").asText()).isEqualTo("1970-01-01T00:00:01Z");
    JsonNode first = written.get("statements").get(0);
    assertThat(first.get("database").get("url").asText()).isEqualTo("jdbc:postgresql://db:5432/erp");
    assertThat(first.get("latencyMicros").get("bounds")).isEqualTo(
        fixture.get("statements").get(0).get("latencyMicros").get("bounds"));
    assertThat(first.get("latencyMicros").get("counts")).hasSize(13);
    assertThat(written.get("statements").get(2).get("entryPoint").get("name").asText())
        .isEqualTo("com.acme.Nightly");
    assertThat(written.get("dropped").get("batches").asLong()).isEqualTo(4);
  }

  @Test
  void jpaMappingsHaveTheShapeOfTheFixture() throws Exception {
    JsonNode fixture = JSON.readTree(Files.readString(FIXTURES.resolve("batch-jpa-mappings.json")));
    Batch batch = new Batch();
    batch.sequence = 1;
    batch.mappingsJson.add(JpaMappings.toJson(TypeDescription.ForLoadedType.of(Customer.class)));
    batch.mappingsJson.add(JpaMappings.toJson(TypeDescription.ForLoadedType.of(Order.class)));
    JsonNode written = JSON.readTree(BatchWriter.write("shop", batch, probe(), List.of(), new long[4]));

    JsonShape.assertSameShape("$", written, fixture);
    JsonNode customer = written.get("mappings").get(0);
    assertThat(customer.get("table").asText()).isEqualTo("KND");
    assertThat(customer.get("fields").toString())
        .isEqualTo("[{\"field\":\"id\",\"column\":\"KND_ID\",\"id\":true},"
            + "{\"field\":\"name\",\"column\":\"KND_NM\",\"id\":false}]");
    assertThat(customer.get("relationships").get(0).get("target").asText()).isEqualTo(Order.class.getName());
    JsonNode order = written.get("mappings").get(1);
    assertThat(order.get("relationships")).isEqualTo(fixture.get("mappings").get(1).get("relationships"));
  }

  @Test
  void escapesControlCharactersAndQuotes() throws Exception {
    JsonWriter w = new JsonWriter();
    w.beginObject().member("s", "a\"b\\c\n\u0001\t").endObject();
    assertThat(JSON.readTree(w.toString()).get("s").asText()).isEqualTo("a\"b\\c\n\u0001\t");
  }

  private static StatementSnapshot snapshot(StatementKey key, Set<String> columns) {
    long[] counts = new long[13];
    counts[2] = 3;
    return new StatementSnapshot(key, 3, 1, 3, 1200, 600, counts, new TreeSet<>(columns), List.of());
  }

  private static BatchWriter.Probe probe() {
    BatchWriter.Probe p = new BatchWriter.Probe();
    p.id = "id-1";
    p.pid = 42;
    p.host = "h";
    p.jvm = "17";
    p.application = "a.Main";
    p.startedAtMillis = 0;
    p.attachedAtMillis = 0;
    p.attach = "launch";
    return p;
  }
}
