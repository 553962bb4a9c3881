package dev.daas.probe;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Runs the legacy application (or the probe's command line) in a separate JVM. */
final class ChildJvm implements AutoCloseable {
  static final String JAR = System.getProperty("probe.jar", "target/reflection-probe-0.1.0-SNAPSHOT.jar");
  static final String CLASSPATH = System.getProperty("probe.testClasses", "target/test-classes")
      + File.pathSeparator + System.getProperty("probe.h2Jar");
  static final String JAVA_17 = System.getProperty("java.home") + "/bin/java";
  static final String JAVA_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

  final Process process;
  final List<String> out = new CopyOnWriteArrayList<>();
  final List<String> err = new CopyOnWriteArrayList<>();

  private ChildJvm(List<String> command) throws Exception {
    process = new ProcessBuilder(command).start();
    pump(process.getInputStream(), out);
    pump(process.getErrorStream(), err);
  }

  static ChildJvm app(String java, String agentOptions, List<String> jvmFlags, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(java);
    if (agentOptions != null) {
      command.add("-javaagent:" + JAR + "=" + agentOptions);
    }
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(CLASSPATH);
    command.add("com.acme.legacy.LegacyApp");
    command.addAll(List.of(args));
    return new ChildJvm(command);
  }

  static ChildJvm probeCommand(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(JAVA_17, "-jar", JAR));
    command.addAll(List.of(args));
    return new ChildJvm(command);
  }

  int waitFor(long seconds) throws Exception {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("child JVM did not finish in " + seconds + " s; out=" + out + " err=" + err);
    }
    Thread.sleep(100);
    return process.exitValue();
  }

  String line(String prefix) {
    return out.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
  }

  private static void pump(java.io.InputStream in, List<String> into) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          into.add(line);
        }
      } catch (Exception ignored) {
        // the child ended
      }
    });
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
