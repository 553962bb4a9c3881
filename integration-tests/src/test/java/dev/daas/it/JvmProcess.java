package dev.daas.it;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM of its own (a legacy sample, its load driver, the agent's attach command) whose output goes
 * to a log file next to the server logs, so that a failing test can show what it printed.
 */
final class JvmProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("READY port=(\\d+)");

  private final Process process;
  private final Path log;

  private JvmProcess(Process process, Path log) {
    this.process = requireNonNull(process, "process is null");
    this.log = requireNonNull(log, "log is null");
  }

  /** Starts {@code java <arguments>} with its output in {@code target/it-servers/<name>-*.log}. */
  static JvmProcess start(String name, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    try {
      Path parent = Files.createDirectories(Path.of("target", "it-servers").toAbsolutePath());
      Path log = Files.createTempFile(parent, name + "-", ".log");
      Files.writeString(log, "=== " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new JvmProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** A jar built by another module of the repository, relative to this module's directory. */
  static Path builtJar(String... pathFromRoot) {
    Path jar = Path.of("..", pathFromRoot).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError("the jar " + jar + " is missing; build its module first");
    }
    return jar;
  }

  /** Waits, bounded, for the sample's {@code READY port=N} line and returns N. */
  int awaitReadyPort(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher ready = READY.matcher(output());
      if (ready.find()) {
        return Integer.parseInt(ready.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "the process exited with " + process.exitValue() + " before READY\n" + tail());
      }
      ServerProcess.sleep(100);
    }
    throw new AssertionError("no READY line within " + timeout.toSeconds() + " s\n" + tail());
  }

  /** Waits, bounded, for a line containing {@code text} in the process's output. */
  void awaitOutput(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (output().contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "the process exited with " + process.exitValue() + " before '" + text + "'\n" + tail());
      }
      ServerProcess.sleep(100);
    }
    throw new AssertionError("no '" + text + "' within " + timeout.toSeconds() + " s\n" + tail());
  }

  /** Waits, bounded, for the process to end and returns its exit code. */
  int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        throw new AssertionError("did not exit within " + timeout.toSeconds() + " s\n" + tail());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  long pid() {
    return process.pid();
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String tail() {
    List<String> lines = output().lines().toList();
    return "--- last lines of "
        + log
        + " ---\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
