package dev.daas.probe;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/** The single daemon thread that sends batches; application threads never touch the network. */
final class Sender implements Runnable {
  private static final long HEARTBEAT_MILLIS = 60_000L;
  private static final long MAX_BACKOFF_MILLIS = 60_000L;
  private static final Pattern ENABLED = Pattern.compile("\"enabled\"\\s*:\\s*(true|false)");
  private static final Pattern SAMPLING = Pattern.compile("\"valueSampling\"\\s*:\\s*(true|false)");
  private static final Pattern INTERVAL = Pattern.compile("\"sendIntervalSeconds\"\\s*:\\s*(\\d+)");

  private final ProbeOptions options;
  private final Aggregator aggregator;
  private final CallSites callSites;
  private final BatchWriter.Probe probe;
  private final Instrumentation instrumentation;
  final ConcurrentLinkedQueue<String> mappings = new ConcurrentLinkedQueue<String>();
  private final Random random = new Random();
  private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
  private volatile long intervalMillis;
  private volatile boolean running = true;
  private volatile boolean quiet;
  private long sequence;
  private long lastEndMillis;
  private long lastSendMillis;
  private int failures;
  private Batch pending;
  private boolean serverEnabled = true;

  Sender(ProbeOptions options, Aggregator aggregator, CallSites callSites, BatchWriter.Probe probe,
      Instrumentation instrumentation) {
    this.options = options;
    this.aggregator = aggregator;
    this.callSites = callSites;
    this.probe = probe;
    this.instrumentation = instrumentation;
    this.intervalMillis = options.intervalMillis;
    this.lastEndMillis = System.currentTimeMillis();
    this.lastSendMillis = 0;
  }

  void start() {
    Thread thread = new Thread(this, "daas-probe-sender");
    thread.setDaemon(true);
    thread.start();
    try {
      Thread hook = new Thread(new Runnable() {
        @Override
        public void run() {
          running = false;
          cycle(true);
        }
      }, "daas-probe-final-flush");
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (Throwable t) {
      AgentLog.warn("cannot register the final flush", t);
    }
  }

  @Override
  public void run() {
    while (running) {
      try {
        Thread.sleep(failures == 0 ? intervalMillis : backoffMillis());
        if (running) {
          cycle(false);
        }
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        AgentLog.warn("sender cycle failed", t);
      }
    }
  }

  private long backoffMillis() {
    long base = Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(failures - 1, 16));
    return base / 2 + (long) (random.nextDouble() * (base / 2));
  }

  /**
   * Builds and sends one batch. The final flush at shutdown gives up rather than wait for a slow
   * server, so the host's exit is never held up for long.
   */
  void cycle(boolean finalFlush) {
    ProbeAgent.TYPE_CACHE.clear();
    try {
      if (!lock.tryLock(finalFlush ? 500 : 60_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      buildAndSend(finalFlush);
    } finally {
      lock.unlock();
    }
  }

  private void buildAndSend(boolean finalFlush) {
    if (quiet) {
      return;
    }
    long now = System.currentTimeMillis();
    List<StatementSnapshot> snapshots = aggregator.drain();
    List<String> newMappings = new ArrayList<String>();
    for (String m; (m = mappings.poll()) != null; ) {
      newMappings.add(m);
    }
    Batch batch;
    if (snapshots.isEmpty() && newMappings.isEmpty() && pending != null) {
      batch = pending;
    } else {
      batch = new Batch();
      batch.sequence = ++sequence;
      batch.intervalStartMillis = lastEndMillis;
      batch.intervalEndMillis = now;
      for (StatementSnapshot s : snapshots) {
        batch.add(s);
      }
      batch.mappingsJson.addAll(newMappings);
      if (pending != null) {
        batch.absorb(pending);
      }
      lastEndMillis = now;
    }
    pending = null;
    boolean heartbeatDue = now - lastSendMillis >= HEARTBEAT_MILLIS;
    if (batch.isEmpty() && !heartbeatDue) {
      sequence--; // an empty batch that is not sent takes no number
      return;
    }
    send(batch, finalFlush);
  }

  private void send(Batch batch, boolean finalFlush) {
    int status;
    String body = "";
    try {
      String json = BatchWriter.write(options.source, batch, probe, frameworks(),
          new long[] {aggregator.droppedStatements.get(), aggregator.droppedObservations.get(),
              aggregator.droppedMappings.get(), aggregator.droppedBatches.get()});
      HttpURLConnection connection =
          (HttpURLConnection) new URL(options.server + "/probe/v1/batches").openConnection();
      connection.setConnectTimeout(finalFlush ? 1000 : 5000);
      connection.setReadTimeout(finalFlush ? 1000 : 5000);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Authorization", "Bearer " + options.token);
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setRequestProperty("Content-Encoding", "gzip");
      connection.setRequestProperty("DaaS-Probe-Protocol", "1");
      OutputStream out = new GZIPOutputStream(connection.getOutputStream());
      try {
        out.write(json.getBytes("UTF-8"));
      } finally {
        out.close();
      }
      status = connection.getResponseCode();
      InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
      if (in != null) {
        body = readSmall(in);
      }
      connection.disconnect();
    } catch (Throwable t) {
      fail(batch, "cannot send to " + options.server + " (" + t.getClass().getSimpleName() + ")");
      return;
    }
    lastSendMillis = System.currentTimeMillis();
    if (status >= 200 && status < 300) {
      failures = 0;
      applyResponse(body);
    } else if (status == 401 || status == 403) {
      AgentLog.warn("the server refused the probe token (HTTP " + status + "); the probe goes quiet", null);
      running = false;
      quiet = true;
      JdbcHooks.stop();
    } else if (status == 400 || status == 413) {
      failures = 0;
      aggregator.droppedBatches.incrementAndGet();
      AgentLog.warn("the server rejected batch " + batch.sequence + " (HTTP " + status + "); discarded", null);
    } else {
      fail(batch, "the server answered HTTP " + status);
    }
  }

  private void fail(Batch batch, String message) {
    failures++;
    AgentLog.warn(message + "; retrying with backoff", null);
    if (batch.estimateBytes() > aggregator.maxBytes()) {
      aggregator.droppedBatches.incrementAndGet();
      aggregator.droppedStatements.addAndGet(batch.statements.size());
      aggregator.droppedMappings.addAndGet(batch.mappingsJson.size());
    } else {
      pending = batch;
    }
  }

  private void applyResponse(String body) {
    Matcher enabled = ENABLED.matcher(body);
    if (enabled.find()) {
      boolean on = Boolean.parseBoolean(enabled.group(1));
      if (on != serverEnabled) {
        serverEnabled = on;
        if (on) {
          JdbcHooks.install(aggregator, callSites);
          AgentLog.info("the server switched the probe on");
        } else {
          JdbcHooks.stop();
          aggregator.drain(); // observed before the switch: the server no longer wants them
          AgentLog.info("the server switched the probe off; heartbeats only");
        }
      }
    }
    Matcher sampling = SAMPLING.matcher(body);
    boolean sample = sampling.find() && Boolean.parseBoolean(sampling.group(1));
    if (sample != JdbcHooks.sampleValues) {
      JdbcHooks.sampleValues = sample;
      AgentLog.info("the server switched value sampling " + (sample ? "on" : "off"));
    }
    Matcher interval = INTERVAL.matcher(body);
    if (interval.find()) {
      long seconds = Long.parseLong(interval.group(1));
      if (seconds >= 1 && seconds <= 300) {
        intervalMillis = seconds * 1000L;
      }
    }
  }

  private List<String> frameworks() {
    List<String> found = new ArrayList<String>();
    try {
      boolean servletJavax = false, servletJakarta = false, jpaJavax = false, jpaJakarta = false;
      boolean hibernate = false, spring = false, mybatis = false, jaxrs = false;
      for (Class<?> c : instrumentation.getAllLoadedClasses()) {
        String n = c.getName();
        servletJavax |= n.equals("javax.servlet.http.HttpServlet");
        servletJakarta |= n.equals("jakarta.servlet.http.HttpServlet");
        jpaJavax |= n.equals("javax.persistence.Entity");
        jpaJakarta |= n.equals("jakarta.persistence.Entity");
        hibernate |= n.equals("org.hibernate.Session");
        spring |= n.equals("org.springframework.web.servlet.DispatcherServlet");
        mybatis |= n.equals("org.apache.ibatis.session.SqlSession");
        jaxrs |= n.equals("javax.ws.rs.Path") || n.equals("jakarta.ws.rs.Path");
      }
      add(found, servletJavax, "servlet-javax");
      add(found, servletJakarta, "servlet-jakarta");
      add(found, jpaJavax || JpaMappings.javaxSeen, "jpa-javax");
      add(found, jpaJakarta || JpaMappings.jakartaSeen, "jpa-jakarta");
      add(found, hibernate || HibernateMappings.seen, "hibernate");
      add(found, spring, "spring-mvc");
      add(found, mybatis || MyBatisMappings.seen, "mybatis");
      add(found, jaxrs, "jax-rs");
    } catch (Throwable t) {
      AgentLog.warn("cannot list loaded classes", t);
    }
    return found;
  }

  private static void add(List<String> list, boolean present, String name) {
    if (present) {
      list.add(name);
    }
  }

  private static String readSmall(InputStream in) throws java.io.IOException {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      byte[] chunk = new byte[4096];
      int n;
      while ((n = in.read(chunk)) > 0 && buffer.size() < 65536) {
        buffer.write(chunk, 0, n);
      }
      return buffer.toString("UTF-8");
    } finally {
      in.close();
    }
  }
}
