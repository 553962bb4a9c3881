package dev.daas.it;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real DaaS server jar in a JVM of its own, on a free port of 127.0.0.1 and a data directory
 * chosen by the test. It can be stopped and started again on the same data directory, which is how
 * restarts are tested.
 */
public final class ServerProcess implements AutoCloseable {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
  private static final String HOST = "127.0.0.1";

  /** The bootstrap admin key every test server gets ({@code daas.security.admin-key}). */
  public static final String ADMIN_KEY = "it-admin-key-0123456789abcdef";

  private final Path dataDir;
  private final Map<String, String> options;
  private final Path log;
  private Process process;
  private int port;
  private boolean keepPort;
  private int starts;

  private ServerProcess(Path dataDir, Map<String, String> options) {
    this.dataDir = requireNonNull(dataDir, "dataDir is null");
    this.options = new LinkedHashMap<>(requireNonNull(options, "options is null"));
    this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
  }

  /** A server on a fresh data directory, demo source disabled unless an option enables it. */
  public static ServerProcess withFreshDataDir(Map<String, String> options) {
    try {
      Path parent = Files.createDirectories(Path.of("target", "it-servers").toAbsolutePath());
      return new ServerProcess(Files.createTempDirectory(parent, "data-"), options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server and waits until {@code /q/health/ready} answers 200. */
  public ServerProcess start() {
    launch(Map.of());
    waitUntilReady();
    return this;
  }

  /** Starts the server with extra options that hold for this start only, without waiting. */
  public ServerProcess launch(Map<String, String> extraOptions) {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the server is running already");
    }
    port = keepPort && port != 0 ? port : freePort();
    starts++;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("quarkus.http.port", Integer.toString(port));
    all.put("quarkus.http.host", HOST);
    all.put("daas.data-dir", dataDir.toString());
    all.put("daas.demo.enabled", "false");
    all.put("daas.security.admin-key", ADMIN_KEY);
    all.putAll(options);
    all.putAll(extraOptions);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    all.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(serverJar().toString());
    try {
      Files.writeString(
          log,
          "=== start " + starts + ": " + String.join(" ", command) + System.lineSeparator(),
          StandardCharsets.UTF_8,
          starts == 1
              ? new java.nio.file.OpenOption[0]
              : new java.nio.file.OpenOption[] {java.nio.file.StandardOpenOption.APPEND});
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .directory(dataDir.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
    return this;
  }

  /** Waits, bounded, for readiness; fails with the log's tail when the server does not come up. */
  public void waitUntilReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the server exited with code "
                + process.exitValue()
                + " before it was ready\n"
                + tail());
      }
      if (status("/q/health/ready") == 200) {
        return;
      }
      sleep(200);
    }
    stop();
    throw new AssertionError(
        "the server was not ready within " + READY_TIMEOUT.toSeconds() + " s\n" + tail());
  }

  /** Waits, bounded, for the process to end by itself and returns its exit code. */
  public int waitForExit() {
    try {
      if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        stop();
        throw new AssertionError(
            "the server did not exit by itself within "
                + EXIT_TIMEOUT.toSeconds()
                + " s\n"
                + tail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the server to exit", e);
    }
  }

  /** Later starts listen on the port of the first one (clients keep their address). */
  public ServerProcess keepingItsPort() {
    keepPort = true;
    return this;
  }

  /** Kills the server at once (SIGKILL), as a crash or an OOM killer would. */
  public void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL after 20 s) and waits until it is gone. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  public String baseUri() {
    return "http://" + HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path logFile() {
    return log;
  }

  /** The whole log of every start so far. */
  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log of the latest start only. */
  public String lastStartLog() {
    String text = logText();
    int start = text.lastIndexOf("=== start " + starts + ":");
    return start < 0 ? text : text.substring(start);
  }

  /** The last lines of the log, for failure messages. */
  public String tail() {
    List<String> lines = logText().lines().toList();
    return "--- last lines of "
        + log
        + " ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private int status(String path) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(baseUri() + path).toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(2000);
      try {
        return connection.getResponseCode();
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return -1;
    }
  }

  private static Path serverJar() {
    String configured = System.getProperty("daas.server.jar");
    Path jar =
        configured != null
            ? Path.of(configured)
            : Path.of("..", "daas-core", "daas-server", "target", "quarkus-app", "quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError(
          "the server jar "
              + jar.toAbsolutePath().normalize()
              + " is missing; build it with: mvn -B -o -q install -DskipTests -pl"
              + " daas-core/daas-server");
    }
    return jar.toAbsolutePath().normalize();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
