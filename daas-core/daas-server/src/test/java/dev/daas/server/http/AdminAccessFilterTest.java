package dev.daas.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

class AdminAccessFilterTest {

  @Test
  void letsInLoopbackCallersOnly() {
    assertThat(AdminAccessFilter.isLoopback(SocketAddress.inetSocketAddress(40000, "127.0.0.1")))
        .isTrue();
    assertThat(AdminAccessFilter.isLoopback(SocketAddress.inetSocketAddress(40000, "::1")))
        .isTrue();
    assertThat(AdminAccessFilter.isLoopback(SocketAddress.inetSocketAddress(40000, "10.1.2.3")))
        .isFalse();
    assertThat(AdminAccessFilter.isLoopback(SocketAddress.inetSocketAddress(40000, "192.168.0.7")))
        .isFalse();
    assertThat(AdminAccessFilter.isLoopback(null)).isFalse();
  }
}
