package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeOptionsTest {

  @Test
  void readsTheAgentArgumentWithDefaults() {
    ProbeOptions options = ProbeOptions.parse("server=http://daas:8080/,source=legacy,token=t1");
    assertThat(options.server).isEqualTo("http://daas:8080");
    assertThat(options.source).isEqualTo("legacy");
    assertThat(options.token).isEqualTo("t1");
    assertThat(options.intervalMillis).isEqualTo(5000);
    assertThat(options.maxMemoryBytes).isEqualTo(8L * 1024 * 1024);
    assertThat(options.enabled).isTrue();
    assertThat(options.canSend()).isTrue();
  }

  @Test
  void listOptionsContinueAfterCommas() {
    ProbeOptions options = ProbeOptions.parse("include=com.acme,org.legacy,exclude=com.acme.gen,interval=1s");
    assertThat(options.include).containsExactly("com.acme", "org.legacy");
    assertThat(options.exclude).containsExactly("com.acme.gen");
    assertThat(options.intervalMillis).isEqualTo(1000);
  }

  @Test
  void parsesDurationsAndSizes() {
    assertThat(ProbeOptions.parseDuration("250ms", 1)).isEqualTo(250);
    assertThat(ProbeOptions.parseDuration("2m", 1)).isEqualTo(120_000);
    assertThat(ProbeOptions.parseDuration("7", 1)).isEqualTo(7000);
    assertThat(ProbeOptions.parseDuration("soon", 1)).isEqualTo(1);
    assertThat(ProbeOptions.parseSize("512k", 1)).isEqualTo(512 * 1024);
    assertThat(ProbeOptions.parseSize("1g", 1)).isEqualTo(1024L * 1024 * 1024);
    assertThat(ProbeOptions.parseSize("lots", 1)).isEqualTo(1);
  }

  @Test
  void theArgumentWinsOverTheConfigFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("probe.properties");
    Files.writeString(file, "server=http://file:1\nsource=fromfile\ntoken=ft\nenabled=false\n");
    ProbeOptions options = ProbeOptions.parse("config=" + file + ",source=fromarg");
    assertThat(options.server).isEqualTo("http://file:1");
    assertThat(options.source).isEqualTo("fromarg");
    assertThat(options.enabled).isFalse();
  }

  @Test
  void missingRequiredOptionsMeanTheProbeCannotSend() {
    assertThat(ProbeOptions.parse("").canSend()).isFalse();
    assertThat(ProbeOptions.parse(null).canSend()).isFalse();
  }

  @Test
  void installsInTheBackgroundAtLaunchAndInPlaceWhenAttachedUnlessTold() {
    assertThat(ProbeOptions.parse("").installAsync("launch")).isTrue();
    assertThat(ProbeOptions.parse("").installAsync("dynamic")).isFalse();
    assertThat(ProbeOptions.parse("install=sync").installAsync("launch")).isFalse();
    assertThat(ProbeOptions.parse("install=ASYNC").installAsync("dynamic")).isTrue();
    assertThat(ProbeOptions.parse("install=later").installAsync("launch")).isTrue();
  }
}
