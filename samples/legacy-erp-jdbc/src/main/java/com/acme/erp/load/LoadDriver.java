package com.acme.erp.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Exercises every page with deterministic pseudo-random ids: request i always does the same thing
 * for the same seed. Usage: {@code --base http://127.0.0.1:8081 --requests N --threads T [--seed S]}.
 */
public final class LoadDriver {
  /** Outcome of a run. */
  public record Summary(
      int requests, int errors, double p50Ms, double p99Ms, double rps, String firstError) {
    public String line() {
      return String.format(
          Locale.ROOT,
          "requests=%d errors=%d p50_ms=%.2f p99_ms=%.2f rps=%.1f",
          requests, errors, p50Ms, p99Ms, rps);
    }
  }

  private record Call(String method, String path, String form, Set<Integer> expected) {}

  private LoadDriver() {}

  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:8081";
    int requests = 1000;
    int threads = 4;
    long seed = 42;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--base" -> base = args[i + 1];
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException(
            "unknown option " + args[i] + " (accepted: --base, --requests, --threads, --seed)");
      }
    }
    Summary s = run(base, requests, threads, seed);
    System.out.println(s.line());
    if (s.errors() > 0) {
      System.err.println("first error: " + s.firstError());
      System.exit(1);
    }
  }

  public static Summary run(String base, int requests, int threads, long seed)
      throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long[] nanos = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      pool.execute(
          () -> {
            int i;
            while ((i = next.getAndIncrement()) < requests) {
              Call call = call(new Random(seed * 1_000_003L + i));
              long s = System.nanoTime();
              String err = send(http, base, call);
              nanos[i] = System.nanoTime() - s;
              if (err != null) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, err);
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    double secs = (System.nanoTime() - t0) / 1e9;
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Summary(
        requests,
        errors.get(),
        pct(sorted, 0.50),
        pct(sorted, 0.99),
        requests / Math.max(secs, 1e-9),
        firstError.get());
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int idx = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(idx, 0)] / 1e6;
  }

  private static Call call(Random r) {
    Set<Integer> ok = Set.of(200);
    int page = r.nextInt(100);
    if (page < 10) {
      return new Call("GET", r.nextBoolean() ? "/customers" : "/customers?stat=A", null, ok);
    } else if (page < 30) {
      return new Call("GET", "/customers/" + (1 + r.nextInt(60)), null, ok);
    } else if (page < 45) {
      return new Call("GET", "/customers/" + (1 + r.nextInt(60)) + "/orders", null, ok);
    } else if (page < 75) {
      return new Call("GET", "/orders/" + (1 + r.nextInt(150)), null, ok);
    } else if (page < 88) {
      StringBuilder f = new StringBuilder("cust=" + (1 + r.nextInt(50)));
      int lines = 1 + r.nextInt(3);
      for (int l = 0; l < lines; l++) {
        f.append("&prd=").append(1 + r.nextInt(40)).append("&qty=").append(1 + r.nextInt(5));
      }
      // 409: the customer is not active or a product is no longer sellable; both are normal
      return new Call("POST", "/orders", f.toString(), Set.of(201, 409));
    } else if (page < 92) {
      return new Call("POST", "/customers/" + (51 + r.nextInt(10)) + "/block", "", ok);
    } else if (page < 96) {
      return new Call("GET", "/reports/revenue", null, ok);
    } else {
      return new Call("GET", "/customers/" + (100000 + r.nextInt(1000)), null, Set.of(404));
    }
  }

  private static String send(HttpClient http, String base, Call call) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(30));
    if (call.form() != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(call.form()));
    }
    try {
      HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (!call.expected().contains(resp.statusCode())) {
        return call.method() + " " + call.path() + " -> " + resp.statusCode() + " " + resp.body();
      }
      return null;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return call.method() + " " + call.path() + " -> " + e;
    }
  }
}
