package dev.daas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The key that seals source passwords: a malformed key or a key other than the one the metadata
 * store was sealed with stops the server at once, with a message that says what to do.
 */
class SecretsKeyStartupIT {
  private static final String KEY = "daas.secrets.key";

  @Test
  void serverRefusesToStartWithAKeyThatIsNotBase64AndSaysHowToMakeOne() {
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of(KEY, "not-base64"))) {
      server.launch(Map.of());
      assertThat(server.waitForExit()).as(server.tail()).isNotZero();
      assertThat(server.lastStartLog()).contains(KEY).contains("openssl rand -base64 32");
    }
  }

  @Test
  void serverRefusesAnotherKeyThanTheStoreWasSealedWithAndServesAgainWithTheOriginal() {
    String keyA = key(1);
    String keyB = key(2);
    LegacyDatabase.postgres().load();
    try (ServerProcess server = ServerProcess.withFreshDataDir(Map.of())) {
      server.launch(Map.of(KEY, keyA)).waitUntilReady();
      DataApi api = new DataApi(server.baseUri());
      api.register(
          "sealed", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "s3cret", "it_legacy");
      assertProducts(api);
      server.stop();

      server.launch(Map.of(KEY, keyB));
      assertThat(server.waitForExit()).as(server.tail()).isNotZero();
      assertThat(server.lastStartLog())
          .contains("is not the key this metadata store was encrypted with");

      server.launch(Map.of(KEY, keyA)).waitUntilReady();
      assertProducts(new DataApi(server.baseUri()));
    }
  }

  private static void assertProducts(DataApi api) {
    Response response = api.get("/api/v1/sealed/t_prd", "limit", "3");
    assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
    assertThat(response.jsonPath().getList("data")).hasSize(3);
    Response source = api.get("/admin/v1/sources/sealed");
    assertThat(source.jsonPath().getBoolean("hasPassword")).isTrue();
    assertThat(source.asString()).doesNotContain("s3cret");
  }

  /** Base64 of 32 bytes, all equal to {@code fill}. */
  private static String key(int fill) {
    byte[] raw = new byte[32];
    java.util.Arrays.fill(raw, (byte) fill);
    return Base64.getEncoder().encodeToString(raw);
  }
}
