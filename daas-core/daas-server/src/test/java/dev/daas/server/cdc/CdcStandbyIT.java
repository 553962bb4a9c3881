package dev.daas.server.cdc;

import static dev.daas.server.cdc.TestingCdc.POSTGRES;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.server.TestingAuth;
import dev.daas.server.store.Leases;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capture on one instance of several: while another instance holds the source's lease this one
 * stands by and says who captures; once the lease is free it takes capture over by itself. The
 * other instance is simulated by a lease under another holder name in the shared store.
 */
@QuarkusTest
class CdcStandbyIT {
  private static final String SCHEMA = "daas_cdc_standby";
  private static final String SLOT_PREFIX = "daas_cdcstandby";
  private static final String SOURCE = "cdcstandby";
  private static final String OTHER = "other-host/1234abcd";

  @Inject Leases leases;
  @Inject CdcSettingsStore settingsStore;

  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  @BeforeAll
  static void createTables() throws Exception {
    TestingCdc.createSchema(
        SLOT_PREFIX, SCHEMA, "CREATE TABLE " + SCHEMA + ".items (id int PRIMARY KEY, name text)");
  }

  @AfterEach
  void removeSource() {
    given().delete("/admin/v1/sources/" + SOURCE);
  }

  @AfterAll
  static void dropEverything() throws Exception {
    TestingCdc.dropSchema(SLOT_PREFIX, SCHEMA);
  }

  @Test
  void standsByWhileAnotherInstanceCapturesAndTakesOverWhenItsLeaseIsFree() {
    TestingCdc.register(SOURCE, POSTGRES, "postgres", SCHEMA);
    long sourceId = settingsStore.requireSourceId(SOURCE);
    assertThat(leases.acquire(CdcEngines.leaseName(sourceId), Duration.ofMinutes(5), OTHER))
        .isTrue();

    Response enabled =
        given()
            .contentType(ContentType.JSON)
            .body("{\"enabled\":true}")
            .post("/admin/v1/sources/" + SOURCE + "/cdc");
    assertThat(enabled.statusCode()).as(enabled.asString()).isEqualTo(200);
    assertThat(enabled.jsonPath().getString("state")).isEqualTo("STANDBY");
    assertThat(enabled.jsonPath().getString("message")).contains(OTHER);
    assertThat(enabled.jsonPath().getBoolean("streaming")).isFalse();

    leases.release(CdcEngines.leaseName(sourceId), OTHER);
    TestingCdc.awaitStreaming(SOURCE);
    assertThat(leases.holderOf(CdcEngines.leaseName(sourceId))).hasValue(leases.holder());
  }
}
