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
    long start = log.lastSequence(sourceId);
    log.append(
        sourceId,
        LongStream.rangeClosed(start + 1, start + 5)
            .mapToObj(s -> CoarseChangesTest.customer(s, "C" + s, "A"))
            .toList(),
        (schema, table) -> "t_cust");

    assertThat(TestingRetention.pruneThrough(metadata, retention, sourceId, start + 3))
        .isGreaterThanOrEqualTo(3);
    assertThat(retention.prunedThrough(sourceId)).isEqualTo(start + 3);

    try (TestingSse behind = TestingSse.open(PATH, Long.toString(start + 1))) {
      List<TestingSse.Event> events = behind.take(3, Duration.ofSeconds(10));
      assertThat(events.get(0).name()).isEqualTo("gap");
      assertThat(events.get(0).id()).isEqualTo(Long.toString(start + 3));
      JsonNode gap = json.readTree(events.get(0).data());
      assertThat(gap.path("after").asLong()).isEqualTo(start + 1);
      assertThat(gap.path("oldestAvailable").asLong()).isEqualTo(start + 4);
      assertThat(events.subList(1, 3))
          .extracting(TestingSse.Event::name, TestingSse.Event::id)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("change", Long.toString(start + 4)),
              org.assertj.core.groups.Tuple.tuple("change", Long.toString(start + 5)));
    }
    try (TestingSse atTheHorizon = TestingSse.open(PATH, Long.toString(start + 3))) {
      List<TestingSse.Event> events = atTheHorizon.take(1, Duration.ofSeconds(10));
      assertThat(events.get(0).name()).as("nothing was lost after it").isEqualTo("change");
      assertThat(events.get(0).id()).isEqualTo(Long.toString(start + 4));
    }
  }
}
