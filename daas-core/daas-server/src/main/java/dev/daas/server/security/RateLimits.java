package dev.daas.server.security;

import dev.daas.gateway.policy.Caller;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token buckets (Bucket4j) per caller and per role, in memory of this instance. A request takes one
 * token from the caller's bucket and from the bucket of each of its roles that has a limit.
 */
@ApplicationScoped
public class RateLimits {
  private static final Pattern SPEC =
      Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*(ms|s|m|h)\\s*");
  private static final int MAX_CALLERS = 100_000;

  @Inject SecurityConfig config;

  private record Limit(long tokens, Duration period) {}

  private Limit perKey;
  private final Map<String, Limit> perRole = new LinkedHashMap<>();
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    perKey = config.rateLimit().perKey().map(spec -> parse("per-key", spec)).orElse(null);
    config.rateLimit().perRole().forEach((role, spec) -> perRole.put(role, parse(role, spec)));
  }

  /** Empty when the request may go on, else the seconds to wait before retrying. */
  public OptionalLong take(Caller caller) {
    if (perKey != null) {
      OptionalLong wait = take("key:" + caller.subject(), perKey);
      if (wait.isPresent()) {
        return wait;
      }
    }
    for (String role : caller.roles()) {
      Limit limit = perRole.get(role);
      if (limit != null) {
        OptionalLong wait = take("role:" + role, limit);
        if (wait.isPresent()) {
          return wait;
        }
      }
    }
    return OptionalLong.empty();
  }

  private OptionalLong take(String name, Limit limit) {
    if (buckets.size() > MAX_CALLERS) {
      buckets.clear();
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            name,
            n ->
                Bucket.builder()
                    .addLimit(
                        l ->
                            l.capacity(limit.tokens()).refillGreedy(limit.tokens(), limit.period()))
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
    return OptionalLong.of(Math.max(1, seconds));
  }

  static Limit parse(String name, String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches() || Long.parseLong(m.group(1)) < 1 || Long.parseLong(m.group(2)) < 1) {
      throw new IllegalArgumentException(
          "rate limit " + name + " must be <requests>/<period> such as 100/1s, not '" + spec + "'");
    }
    long amount = Long.parseLong(m.group(2));
    Duration period =
        switch (m.group(3)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    return new Limit(Long.parseLong(m.group(1)), period);
  }

  Optional<Limit> perKey() {
    return Optional.ofNullable(perKey);
  }
}
