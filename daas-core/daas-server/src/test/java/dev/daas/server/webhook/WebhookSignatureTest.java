package dev.daas.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Signatures as a receiver checks them, and the retry backoff. */
class WebhookSignatureTest {
  @Test
  void signsTimestampDotBodyWithHmacSha256AsAnyHmacLibraryComputesIt() {
    // python3 -c "import hmac,hashlib;print(hmac.new(b'whsec_test',
    //   b'1700000000.{\"a\":1}',hashlib.sha256).hexdigest())"
    assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"a\":1}"))
        .isEqualTo(
            "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
  }

  @Test
  void verificationFailsForAnotherBodySecretOrTimestamp() {
    String header = WebhookSignature.header("whsec_a", 100, "{}");
    assertThat(WebhookSignature.verify("whsec_a", header, "{}")).isTrue();
    assertThat(WebhookSignature.verify("whsec_a", header, "{ }")).isFalse();
    assertThat(WebhookSignature.verify("whsec_b", header, "{}")).isFalse();
    assertThat(WebhookSignature.verify("whsec_a", header.replace("t=100", "t=101"), "{}"))
        .isFalse();
    assertThat(WebhookSignature.verify("whsec_a", "v1=00", "{}")).isFalse();
  }

  @Test
  void newSecretsAreRandomAndPrefixed() {
    String secret = WebhookSignature.newSecret();
    assertThat(secret).startsWith("whsec_").hasSize(6 + 43);
    assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
  }

  @Test
  void backoffDoublesUpToTheCapWithJitterBetweenHalfAndAll() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
    RandomGenerator none = fixed(0.0);
    RandomGenerator all = fixed(0.999999);
    assertThat(backoff.millis(1, none)).isEqualTo(500);
    assertThat(backoff.millis(1, all)).isEqualTo(999);
    assertThat(backoff.millis(3, none)).isEqualTo(2000);
    assertThat(backoff.millis(3, all)).isEqualTo(3999);
    assertThat(backoff.millis(30, none)).isEqualTo(5000);
    assertThat(backoff.millis(30, all)).isEqualTo(9999);
  }

  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }
}
