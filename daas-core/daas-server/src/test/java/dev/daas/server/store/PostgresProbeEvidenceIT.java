package dev.daas.server.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.daas.server.TestingAuth;
import dev.daas.server.probe.ProbeIngestTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Probe evidence (migration V2) on the local PostgreSQL: ingest, read back, remove. */
@QuarkusTest
@TestProfile(PostgresMetadataStoreIT.OnPostgres.class)
class PostgresProbeEvidenceIT {
  @BeforeEach
  void sendAdminKey() {
    TestingAuth.asAdmin();
  }

  @Test
  void aggregatesProbeBatchesInPostgresAndDropsThemWithTheSource() {
    String token = ProbeIngestTest.sourceWithToken("pg-probe");
    String batch = ProbeIngestTest.legacyBatchFor("pg-probe");
    ProbeIngestTest.post(token, batch).then().statusCode(200).body("duplicate", equalTo(false));
    ProbeIngestTest.post(token, batch).then().statusCode(200).body("duplicate", equalTo(true));
    ProbeIngestTest.post(
            token,
            ProbeIngestTest.fixture("batch-jpa-mappings.json")
                .replace("\"source\": \"shop\"", "\"source\": \"pg-probe\""))
        .then()
        .statusCode(200);

    given()
        .get("/admin/v1/sources/pg-probe/evidence/statements")
        .then()
        .statusCode(200)
        .body("count", equalTo(List.of(120, 35, 3)))
        .body("[0].latencyMicros.p50Micros", equalTo(500));
    given()
        .get("/admin/v1/sources/pg-probe/architecture")
        .then()
        .statusCode(200)
        .body("tables", equalTo(List.of("T_CUST", "T_ORD_HDR")));

    given().delete("/admin/v1/sources/pg-probe").then().statusCode(204);
    given().get("/admin/v1/sources/pg-probe/evidence/statements").then().statusCode(404);
  }
}
