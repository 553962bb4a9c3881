package dev.daas.server.cdc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stream resuming after changes the log's retention removed is told so before anything else. */
@QuarkusTest
class ChangeGapTest {
  private static final String SOURCE = "gaps";
  private static final String PATH = "/api/v1/gaps/t_cust/changes";

  @Inject ChangeLog log;
  @Inject ChangeLogRetention retention;
  @Inject CdcSettingsStore settingsStore;
  @Inject AgroalDataSource metadata;
  @Inject ObjectMapper json;

  @BeforeEach
  void source() {
    TestingAuth.asAdmin();
    int status =
        given()
            .contentType(ContentType.JSON)
            .body(TestingSources.body(SOURCE, TestingSources.h2("change_gaps", ""), "sa", ""))
            .post("/admin/v1/sources")
            .statusCode();
    assertThat(status).isIn(201, 409);
  }

  @Test
  void aResumePointBehindTheRetainedLogGetsAGapEventThenTheOldestKeptChanges() throws Exception {
    long sourceId = settingsStore.requireSourceId(SOURCE);
    long s = log.lastSequence(sourceId);
    log.append(
        sourceId,
        LongStream.rangeClosed(s + 1, s + 5)
            .mapToObj(q -> CoarseChangesTest.customer(q, "C" + q, "A"))
            .toList(),
        (schema, table) -> "t_cust");

    assertThat(TestingRetention.pruneThrough(metadata, retention, sourceId, s + 3)).isEqualTo(3);
    assertThat(retention.prunedThrough(sourceId, List.of("t_cust"))).isEqualTo(s + 3);

    try (TestingSse behind = TestingSse.open(PATH, Long.toString(s + 1))) {
      List<TestingSse.Event> events = behind.take(3, Duration.ofSeconds(10));
      assertThat(events.get(0).name()).isEqualTo("gap");
      assertThat(events.get(0).id()).isEqualTo(Long.toString(s + 3));
      JsonNode gap = json.readTree(events.get(0).data());
      assertThat(gap.path("after").asLong()).isEqualTo(s + 1);
      assertThat(gap.path("oldestAvailable").asLong()).isEqualTo(s + 4);
      assertThat(events.subList(1, 3))
          .extracting(TestingSse.Event::name, TestingSse.Event::id)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("change", Long.toString(s + 4)),
              org.assertj.core.groups.Tuple.tuple("change", Long.toString(s + 5)));
    }
    try (TestingSse atTheHorizon = TestingSse.open(PATH, Long.toString(s + 3))) {
      List<TestingSse.Event> events = atTheHorizon.take(1, Duration.ofSeconds(10));
      assertThat(events.get(0).name()).as("nothing was lost after it").isEqualTo("change");
      assertThat(events.get(0).id()).isEqualTo(Long.toString(s + 4));
    }
  }

  @Test
  void changesOfOtherEntitiesPrunedAfterTheResumePointAreNoGap() throws Exception {
    long sourceId = settingsStore.requireSourceId(SOURCE);
    long s = log.lastSequence(sourceId);
    log.append(
        sourceId,
        List.of(CoarseChangesTest.customer(s + 1, "Cat", "A")),
        (schema, table) -> "t_cust");
    log.append(
        sourceId,
        LongStream.rangeClosed(s + 2, s + 4)
            .mapToObj(q -> CoarseChangesTest.customer(q, "O" + q, "A"))
            .toList(),
        (schema, table) -> "t_ord");
    log.append(
        sourceId,
        List.of(CoarseChangesTest.customer(s + 5, "Dan", "A")),
        (schema, table) -> "t_cust");

    TestingRetention.pruneThrough(metadata, retention, sourceId, s + 4);

    assertThat(retention.prunedThrough(sourceId, List.of("t_ord"))).isEqualTo(s + 4);
    try (TestingSse resumed = TestingSse.open(PATH, Long.toString(s + 1))) {
      List<TestingSse.Event> events = resumed.take(1, Duration.ofSeconds(10));
      assertThat(events.get(0).name()).isEqualTo("change");
      assertThat(events.get(0).id()).isEqualTo(Long.toString(s + 5));
    }
  }
}
