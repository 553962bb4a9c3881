package dev.daas.server.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeBatchParserTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode example(String replace, String with) throws Exception {
    String text =
        Files.readString(ProbeIngestTest.FIXTURES.resolve("batch-jdbc-servlet.json"))
            .replace(replace, with);
    return JSON.readTree(text);
  }

  @SuppressWarnings("unchecked")
  private static List<String> members(DaasException e) {
    return ((List<Map<String, String>>) e.details().get("violations"))
        .stream().map(v -> v.get("member")).toList();
  }

  @Test
  void readsTheJdbcExample() throws Exception {
    ProbeBatch batch = ProbeBatchParser.parse(example("", ""));
    assertThat(batch.source()).isEqualTo("legacy");
    assertThat(batch.sequence()).isEqualTo(42);
    assertThat(batch.probe().pid()).isEqualTo(4242);
    assertThat(batch.statements()).hasSize(3);
    ProbeBatch.Statement first = batch.statements().get(0);
    assertThat(first.callSiteClass()).isEqualTo("com.acme.erp.dao.CustomerDao");
    assertThat(first.callSiteLine()).isEqualTo(57);
    assertThat(first.entryKind()).isEqualTo("http");
    assertThat(first.entryMethod()).isEqualTo("GET");
    assertThat(first.entryName()).isEqualTo("/customers/{id}");
    assertThat(first.counts()).hasSize(13);
    assertThat(batch.statements().get(2).entryName()).isEqualTo("com.acme.erp.batch.NightlyRun");
  }

  @Test
  void listsEveryViolationWithItsMember() throws Exception {
    JsonNode batch = example("\"sequence\": 42", "\"sequence\": 0").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) batch.get("statements").get(1))
        .put("operation", "explode");
    ((com.fasterxml.jackson.databind.node.ObjectNode) batch).remove("dropped");
    DaasException e =
        catchThrowableOfType(DaasException.class, () -> ProbeBatchParser.parse(batch));
    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    assertThat(members(e))
        .containsExactlyInAnyOrder("sequence", "statements[1].operation", "dropped");
    assertThat(e.getMessage()).contains("sequence");
  }

  @Test
  void acceptsStatementsWithoutCallSiteOrEntryPoint() throws Exception {
    JsonNode batch =
        example(
            "\"callSite\": {\"class\": \"com.acme.erp.dao.CustomerDao\", \"method\": \"block\","
                + " \"line\": 102}",
            "\"callSite\": null");
    assertThat(ProbeBatchParser.parse(batch).statements().get(2).callSiteClass()).isNull();
  }

  @Test
  void readsTheSourceBeforeValidating() throws Exception {
    assertThat(ProbeBatchParser.source(JSON.readTree("{\"source\": \"x\"}"))).isEqualTo("x");
    assertThat(ProbeBatchParser.source(JSON.readTree("{\"source\": 3}"))).isNull();
  }
}
