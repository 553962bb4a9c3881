package dev.daas.server.ops;

import dev.daas.model.connector.SourceStatus;
import dev.daas.server.sources.SourceConnections;
import dev.daas.server.sources.SourceService;
import dev.daas.server.sources.SourceView;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Reachability of every source, in {@code /q/health} and {@code /q/health/well}. A wellness check,
 * not a readiness one: one legacy database being down must not take the whole gateway out of a load
 * balancer, since its other sources still answer.
 */
@Wellness
@ApplicationScoped
public class SourcesHealthCheck implements HealthCheck {
  @Inject SourceService sources;
  @Inject SourceConnections connections;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named("sources").up();
    for (SourceView source : sources.list()) {
      SourceStatus status;
      try {
        status = connections.connection(sources.sourceConfig(source.name())).status();
      } catch (RuntimeException e) {
        status = new SourceStatus(false, e.getMessage(), 0, 0, 0, 0);
      }
      builder.withData(
          source.name(), status.reachable() ? "reachable" : "unreachable: " + status.message());
      if (!status.reachable()) {
        builder.down();
      }
    }
    return builder.build();
  }
}
