package dev.daas.server.security;

import static dev.daas.server.security.TestingSecurity.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.server.TestingAuth;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revocation and rotation made by another instance reach this one within the sync interval. The
 * other instance is played by SQL on the shared metadata store, which is all it would do.
 */
@QuarkusTest
class KeySyncTest {
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @Inject AgroalDataSource metadata;
  @Inject KeySync sync;
  @Inject VerifiedKeys verified;

  @BeforeEach
  void setUp() {
    TestingAuth.anonymous();
    TestingSecurity.sourceWithReaderPolicy();
  }

  @Test
  void aKeyRevokedByAnotherInstanceIsRefusedWithinTheSyncInterval() throws Exception {
    String[] key = TestingSecurity.key("revoked elsewhere", "reader");
    assertThat(status(key[1])).isEqualTo(200);
    assertThat(verified.ids()).contains(key[0]);

    long start = System.nanoTime();
    execute("UPDATE api_key SET revoked_at = CURRENT_TIMESTAMP WHERE key_id = ?", key[0]);

    assertThat(refusedWithin(key[1], INTERVAL.plusSeconds(2))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(INTERVAL.plusSeconds(2));
  }

  @Test
  void aKeyRotatedByAnotherInstanceStopsWorkingWithinTheSyncInterval() throws Exception {
    String[] key = TestingSecurity.key("rotated elsewhere", "reader");
    assertThat(status(key[1])).isEqualTo(200);

    execute(
        "UPDATE api_key SET salt = '00112233445566778899aabbccddeeff',"
            + " hash = '0000000000000000000000000000000000000000000000000000000000000000',"
            + " rotated_at = CURRENT_TIMESTAMP WHERE key_id = ?",
        key[0]);

    assertThat(refusedWithin(key[1], INTERVAL.plusSeconds(2))).isTrue();
  }

  @Test
  void unchangedKeysStayVerifiedAndASyncOfThemDropsNothing() {
    String[] key = TestingSecurity.key("unchanged", "reader");
    assertThat(status(key[1])).isEqualTo(200);

    sync.sync();

    assertThat(verified.ids()).contains(key[0]);
    assertThat(status(key[1])).isEqualTo(200);
  }

  private boolean refusedWithin(String key, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (status(key) == 401) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static int status(String key) {
    return given().header("Authorization", bearer(key)).get("/api/v1/sec/t_ord").statusCode();
  }

  private void execute(String sql, String id) throws Exception {
    try (Connection c = metadata.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }
}
