package dev.daas.server.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failed attempt the wait is {@code initial *
 * 2^(n-1)}, at most {@code max}, then a random share of it between a half and all of it, so
 * webhooks that failed together do not retry in lockstep.
 */
record Backoff(Duration initial, Duration max) {
  long millis(int failedAttempts, RandomGenerator random) {
    long base = initial.toMillis();
    long cap = max.toMillis();
    long wait = base;
    for (int i = 1; i < failedAttempts && wait < cap; i++) {
      wait *= 2;
    }
    wait = Math.min(wait, cap);
    return wait / 2 + (long) (random.nextDouble() * (wait - wait / 2));
  }
}
