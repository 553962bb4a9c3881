package dev.daas.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leases on the (H2) metadata store, as two server instances would contend for them; the second
 * instance is a second holder name over the same store.
 */
@QuarkusTest
class LeasesTest {
  @Inject Leases leases;

  private String name;

  @BeforeEach
  void freshName() {
    name = "test:" + UUID.randomUUID();
  }

  @Test
  void onlyOneInstanceHoldsTheLeaseUntilItIsReleased() {
    Duration ttl = Duration.ofMinutes(1);

    assertThat(leases.acquire(name, ttl, "a")).isTrue();
    assertThat(leases.acquire(name, ttl, "b")).isFalse();
    assertThat(leases.acquire(name, ttl, "a")).as("renewal").isTrue();
    assertThat(leases.holderOf(name)).hasValue("a");

    leases.release(name, "b");
    assertThat(leases.holderOf(name)).as("only the holder releases").hasValue("a");
    leases.release(name, "a");
    assertThat(leases.holderOf(name)).isEmpty();
    assertThat(leases.acquire(name, ttl, "b")).isTrue();
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsFormerHolderCannotRenewIt() throws Exception {
    assertThat(leases.acquire(name, Duration.ofMillis(200), "a")).isTrue();
    Thread.sleep(400);

    assertThat(leases.holderOf(name)).isEmpty();
    assertThat(leases.acquire(name, Duration.ofMinutes(1), "b")).isTrue();
    assertThat(leases.acquire(name, Duration.ofMinutes(1), "a")).isFalse();
  }

  @Test
  void leasesOfDifferentJobsAreIndependentAndThisInstanceHasAHolderName() {
    Duration ttl = Duration.ofMinutes(1);

    assertThat(leases.acquire(name, ttl)).isTrue();
    assertThat(leases.acquire(name + ":other", ttl, "b")).isTrue();
    assertThat(leases.holderOf(name)).hasValue(leases.holder());
    assertThat(leases.holder()).contains("/");
  }
}
