package dev.daas.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallSitesTest {
  private final CallSites sites = new CallSites(List.of("dev.daas.probe.CallSitesTest"), List.of());

  @Test
  void walksTheStackLazilyOnJava9AndLaterAndFindsTheSameFrameAsAStackTrace() {
    assertThat(CallSites.walksLazily()).isTrue();
    CallSite walked = sites.current();
    CallSite traced = sites.fromStackTrace();
    assertThat(walked.className).isEqualTo("dev.daas.probe.CallSitesTest");
    assertThat(walked.method).isEqualTo("walksTheStackLazilyOnJava9AndLaterAndFindsTheSameFrameAsAStackTrace");
    assertThat(walked.line).isEqualTo(traced.line - 1);
  }

  @Test
  void noApplicationFrameMeansNoCallSite() {
    assertThat(new CallSites(List.of("com.nowhere."), List.of()).current()).isNull();
  }
}
