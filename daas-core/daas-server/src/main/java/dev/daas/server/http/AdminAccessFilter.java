package dev.daas.server.http;

import dev.daas.model.error.ErrorCode;
import dev.daas.server.config.DaasConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Until the admin API requires authentication, it answers callers on this host only: whoever can
 * register a source chooses which databases the server connects to. {@code
 * daas.admin.allow-remote=true} lifts the restriction, e.g. behind a proxy that authenticates.
 */
public class AdminAccessFilter {
  // Looked up on first use: filters are created during static init, before config mappings exist.
  @Inject Instance<DaasConfig> config;

  @ServerRequestFilter
  public Optional<Response> onlyLocalAdmins(
      ContainerRequestContext context, HttpServerRequest request) {
    String path = context.getUriInfo().getPath();
    if (!path.startsWith("/admin/") || config.get().admin().allowRemote()) {
      return Optional.empty();
    }
    if (isLoopback(request.remoteAddress())) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.response(
            ErrorCode.FORBIDDEN,
            "The admin API answers only callers on the server's host; set"
                + " daas.admin.allow-remote=true to open it to others",
            path,
            Map.of()));
  }

  static boolean isLoopback(SocketAddress address) {
    if (address == null || address.hostAddress() == null) {
      return false;
    }
    try {
      return InetAddress.getByName(address.hostAddress()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
