import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commit-to-delivery latency and throughput of a DaaS change stream (docs/benchmarks.md).
 *
 * <p>Writes rows into {@code <schema>.ev} whose {@code sent} column holds this JVM's nanoTime at
 * commit, reads the SSE stream of that table from the server, and reports, per phase: changes
 * delivered, changes per second, and p50/p99/max of (receipt - commit). Phase "rate": one change
 * per transaction at a fixed rate; phase "max": batches of 100 per transaction as fast as possible.
 *
 * <p>Usage: java -cp postgresql.jar CdcLatency.java SERVER SOURCE SCHEMA KEY RATE SECONDS
 */
public class CdcLatency {
  private static final Pattern SENT = Pattern.compile("\"sent\":(\\d+)");
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

  public static void main(String[] args) throws Exception {
    String server = args[0], source = args[1], schema = args[2], key = args[3];
    int rate = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong received = new AtomicLong();
    Thread reader = new Thread(() -> read(server, source, key, latencies, received), "sse");
    reader.setDaemon(true);
    reader.start();
    Thread.sleep(1000);

    long written = write(schema, rate, seconds, 1);
    report("rate " + rate + "/s", written, seconds, latencies, received);

    latencies.clear();
    received.set(0);
    long start = System.nanoTime();
    written = write(schema, Integer.MAX_VALUE, seconds, 100);
    long writeNanos = System.nanoTime() - start;
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (received.get() < written && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long total = System.nanoTime() - start;
    System.out.printf("max: wrote %d in %.1f s (%.0f/s); delivered %d in %.1f s -> %.0f changes/s%n",
        written, writeNanos / 1e9, written / (writeNanos / 1e9), received.get(), total / 1e9,
        received.get() / (total / 1e9));
  }

  private static long write(String schema, int rate, int seconds, int perTransaction)
      throws Exception {
    long written = 0;
    try (Connection c = DriverManager.getConnection(PG, "postgres", "");
        Statement st = c.createStatement();
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO " + schema + ".ev (sent) VALUES (?)")) {
      // synchronous_commit stays on: with it off, PostgreSQL flushes WAL (and logical decoding
      // sees the commit) only every wal_writer_delay (200 ms), which would dominate the latency.
      c.setAutoCommit(perTransaction == 1);
      long begin = System.nanoTime();
      long end = begin + seconds * 1_000_000_000L;
      while (System.nanoTime() < end) {
        if (rate != Integer.MAX_VALUE) {
          long due = begin + written * 1_000_000_000L / rate;
          while (System.nanoTime() < due) {
            Thread.onSpinWait();
          }
        }
        for (int i = 0; i < perTransaction; i++) {
          insert.setLong(1, System.nanoTime());
          insert.executeUpdate();
        }
        if (perTransaction > 1) {
          c.commit();
        }
        written += perTransaction;
      }
    }
    return written;
  }

  private static void read(String server, String source, String key, List<Long> latencies,
      AtomicLong received) {
    try {
      HttpRequest request = HttpRequest.newBuilder(
              URI.create(server + "/api/v1/" + source + "/ev/changes"))
          .header("Accept", "text/event-stream")
          .header("Authorization", "Bearer " + key)
          .build();
      HttpResponse<java.io.InputStream> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        System.err.println("stream answered " + response.statusCode());
        System.exit(1);
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("data:")) {
          Matcher m = SENT.matcher(line);
          if (m.find()) {
            latencies.add(System.nanoTime() - Long.parseLong(m.group(1)));
            received.incrementAndGet();
          }
        }
      }
    } catch (Exception e) {
      System.err.println("stream ended: " + e);
    }
  }

  private static void report(String phase, long written, int seconds, List<Long> latencies,
      AtomicLong received) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (received.get() < written && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    List<Long> sorted;
    synchronized (latencies) {
      sorted = new ArrayList<>(latencies);
    }
    Collections.sort(sorted);
    System.out.printf("%s: wrote %d (%.0f/s), delivered %d; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        phase, written, written / (double) seconds, received.get(),
        pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
  }

  private static double pct(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
  }
}
