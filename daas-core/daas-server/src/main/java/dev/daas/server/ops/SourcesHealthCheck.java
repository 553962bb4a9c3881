package dev.daas.server.ops;

import dev.daas.model.connector.SourceStatus;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Reachability of every source, in {@code /q/health} and {@code /q/health/well}. A wellness check,
 * not a readiness one (ADR 0003): one legacy database being down must not take the whole gateway
 * out of a load balancer, since its other sources still answer.
 */
@Wellness
@ApplicationScoped
public class SourcesHealthCheck implements HealthCheck {
  @Inject SourceStatuses statuses;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named("sources").up();
    for (Map.Entry<String, SourceStatus> entry : statuses.all().entrySet()) {
      SourceStatus status = entry.getValue();
      builder.withData(
          entry.getKey(), status.reachable() ? "reachable" : "unreachable: " + status.message());
      if (!status.reachable()) {
        builder.down();
      }
    }
    return builder.build();
  }
}
