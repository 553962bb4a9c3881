package dev.daas.server.cdc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.server.TestingAuth;
import dev.daas.server.TestingSources;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capture leases on the (H2) metadata store, as two server instances would contend for them; the
 * second instance is a second holder name over the same store.
 */
@QuarkusTest
class CdcLeasesTest {
  private static final String SOURCE = "cdc-lease";

  @Inject CdcLeases leases;
  @Inject CdcSettingsStore settingsStore;

  private long sourceId;

  @BeforeEach
  void registerSource() {
    TestingAuth.asAdmin();
    given()
        .contentType(ContentType.JSON)
        .body(TestingSources.body(SOURCE, TestingSources.h2("cdc_lease", ""), "sa", ""))
        .post("/admin/v1/sources")
        .then()
        .statusCode(201);
    sourceId = settingsStore.requireSourceId(SOURCE);
  }

  @AfterEach
  void removeSource() {
    given().delete("/admin/v1/sources/" + SOURCE);
  }

  @Test
  void onlyOneInstanceHoldsTheLeaseUntilItIsReleased() {
    Duration ttl = Duration.ofMinutes(1);

    assertThat(leases.acquire(sourceId, ttl, "a")).isTrue();
    assertThat(leases.acquire(sourceId, ttl, "b")).isFalse();
    assertThat(leases.acquire(sourceId, ttl, "a")).as("renewal").isTrue();
    assertThat(leases.holderOf(sourceId)).hasValue("a");

    leases.release(sourceId, "b");
    assertThat(leases.holderOf(sourceId)).as("only the holder releases").hasValue("a");
    leases.release(sourceId, "a");
    assertThat(leases.holderOf(sourceId)).isEmpty();
    assertThat(leases.acquire(sourceId, ttl, "b")).isTrue();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsFormerHolderCannotRenewIt() throws Exception {
    assertThat(leases.acquire(sourceId, Duration.ofMillis(200), "a")).isTrue();
    Thread.sleep(400);

    assertThat(leases.holderOf(sourceId)).isEmpty();
    assertThat(leases.acquire(sourceId, Duration.ofMinutes(1), "b")).isTrue();
    assertThat(leases.acquire(sourceId, Duration.ofMinutes(1), "a")).isFalse();
  }

  @Test
  void removingTheSourceRemovesItsLease() {
    assertThat(leases.acquire(sourceId, Duration.ofMinutes(1), "a")).isTrue();
    given().delete("/admin/v1/sources/" + SOURCE).then().statusCode(204);

    assertThat(leases.holderOf(sourceId)).isEmpty();
  }
}
