package dev.daas.server.sources;

import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.model.ModelJson;
import dev.daas.server.model.ModelVersion;
import dev.daas.server.store.ModelSnapshotRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the data API needs per request, from memory: a source's connection and current model. The
 * metadata store stays the only state: every entry is revalidated against it after {@link
 * #REVALIDATE_AFTER}, so several server instances converge on the same model version within that
 * time. A source without a model is introspected on first use, at most every {@link
 * #RETRY_INTROSPECTION_AFTER}, so the API starts serving by itself once the database is back.
 */
@ApplicationScoped
public class LiveSources {
  static final Duration REVALIDATE_AFTER = Duration.ofSeconds(2);
  static final Duration RETRY_INTROSPECTION_AFTER = Duration.ofSeconds(5);

  @Inject SourceService sources;
  @Inject SourceConnections connections;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, Long> lastIntrospectionAttempt = new ConcurrentHashMap<>();

  public record Live(SourceConnection connection, ModelVersion model) {}

  private record Entry(SourceConfig config, ModelVersion model, long checkedAtNanos) {}

  public Live get(String name) {
    Entry entry = entries.get(name);
    if (entry == null || System.nanoTime() - entry.checkedAtNanos() > REVALIDATE_AFTER.toNanos()) {
      entry = revalidate(name, entry);
    }
    return new Live(connections.connection(entry.config()), entry.model());
  }

  /** Forgets what is cached of the source, after an admin change on this instance. */
  public void invalidate(String name) {
    entries.remove(name);
    lastIntrospectionAttempt.remove(name);
  }

  private Entry revalidate(String name, Entry previous) {
    SourceConfig config;
    try {
      config = sources.sourceConfig(name);
    } catch (DaasException e) {
      if (e.code() == ErrorCode.UNKNOWN_SOURCE) {
        entries.remove(name);
        connections.close(name);
      }
      throw e;
    }
    Optional<ModelSnapshotRecord> latest = latestSnapshot(name);
    if (latest.isEmpty()) {
      latest = introspectNow(name);
    }
    ModelSnapshotRecord snapshot = latest.orElseThrow();
    ModelVersion model =
        previous != null && previous.model().version() == snapshot.version
            ? previous.model()
            : new ModelVersion(
                snapshot.version,
                snapshot.contentHash,
                snapshot.createdAt,
                ModelJson.read(snapshot.modelJson));
    Entry entry = new Entry(config, model, System.nanoTime());
    entries.put(name, entry);
    return entry;
  }

  private Optional<ModelSnapshotRecord> latestSnapshot(String name) {
    try {
      return Optional.of(sources.snapshot(name, Optional.empty()));
    } catch (DaasException e) {
      if (e.code() == ErrorCode.NO_MODEL) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private Optional<ModelSnapshotRecord> introspectNow(String name) {
    long now = System.nanoTime();
    Long last = lastIntrospectionAttempt.get(name);
    if (last != null && now - last < RETRY_INTROSPECTION_AFTER.toNanos()) {
      throw new DaasException(
          ErrorCode.SOURCE_UNAVAILABLE,
          "Source " + name + " has no model yet and its database could not be read; retrying",
          Map.of("source", name));
    }
    lastIntrospectionAttempt.put(name, now);
    sources.introspect(name);
    return latestSnapshot(name);
  }
}
