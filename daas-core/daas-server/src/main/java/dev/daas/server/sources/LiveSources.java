package dev.daas.server.sources;

import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.model.ModelJson;
import dev.daas.server.model.ModelVersion;
import dev.daas.server.store.ModelSnapshotRecord;
import dev.daas.server.store.SnapshotSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What the data API needs per request, from memory: a source's connection and current model.
 *
 * <p>The metadata store stays the only state: an entry is revalidated against it after {@link
 * #REVALIDATE_AFTER} with a query of the newest version's number and hash only, and the model
 * document is read again only when they changed, so several server instances converge on the same
 * model within that time. When the store itself cannot be read, the entry in memory keeps serving.
 *
 * <p>A source without a model is introspected on first use, at most every {@link
 * #RETRY_INTROSPECTION_AFTER}, so the API starts serving by itself once the database is back. A
 * source whose database was just found unreachable answers at once for {@link #FAIL_FAST_FOR}
 * instead of holding a request thread for the whole connect timeout each time.
 */
@ApplicationScoped
public class LiveSources {
  private static final Logger LOG = Logger.getLogger(LiveSources.class);
  static final Duration REVALIDATE_AFTER = Duration.ofSeconds(2);
  static final Duration RETRY_INTROSPECTION_AFTER = Duration.ofSeconds(5);
  static final Duration FAIL_FAST_FOR = Duration.ofSeconds(1);

  @Inject SourceService sources;
  @Inject SourceConnections connections;

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, Long> lastIntrospectionAttempt = new ConcurrentHashMap<>();
  private final Map<String, Long> unavailableSince = new ConcurrentHashMap<>();

  public record Live(SourceConnection connection, ModelVersion model) {}

  private record Entry(SourceConfig config, ModelVersion model, long checkedAtNanos) {}

  public Live get(String name) {
    Entry entry = entries.get(name);
    if (entry == null || System.nanoTime() - entry.checkedAtNanos() > REVALIDATE_AFTER.toNanos()) {
      entry = revalidate(name, entry);
    }
    Long down = unavailableSince.get(name);
    if (down != null) {
      if (System.nanoTime() - down < FAIL_FAST_FOR.toNanos()) {
        throw unavailable(name);
      }
      unavailableSince.remove(name, down);
    }
    return new Live(connections.connection(entry.config()), entry.model());
  }

  /** Records that the source's database could not be reached just now. */
  public void markUnavailable(String name) {
    unavailableSince.put(name, System.nanoTime());
  }

  /** Forgets what is cached of the source, after an admin change on this instance. */
  public void invalidate(String name) {
    entries.remove(name);
    lastIntrospectionAttempt.remove(name);
    unavailableSince.remove(name);
  }

  private Entry revalidate(String name, Entry previous) {
    SourceConfig config;
    Optional<SnapshotSummary> latest;
    try {
      SourceService.Current current = sources.current(name);
      config = current.config();
      latest = current.latest();
    } catch (DaasException e) {
      if (e.code() == ErrorCode.UNKNOWN_SOURCE) {
        entries.remove(name);
        connections.close(name);
      }
      throw e;
    } catch (RuntimeException e) {
      if (previous == null) {
        throw e;
      }
      LOG.warnf("Metadata store unreadable (%s); serving source %s from memory", e, name);
      return previous;
    }
    if (latest.isEmpty()) {
      introspectNow(name);
      latest = sources.latestVersion(name);
    }
    SnapshotSummary summary = latest.orElseThrow(() -> unavailable(name));
    ModelVersion model =
        previous != null
                && previous.model().version() == summary.version()
                && previous.model().contentHash().equals(summary.contentHash())
            ? previous.model()
            : load(name, summary.version());
    Entry entry = new Entry(config, model, System.nanoTime());
    entries.put(name, entry);
    return entry;
  }

  private ModelVersion load(String name, int version) {
    ModelSnapshotRecord snapshot = sources.snapshot(name, Optional.of(version));
    return new ModelVersion(
        snapshot.version,
        snapshot.contentHash,
        snapshot.createdAt,
        ModelJson.read(snapshot.modelJson));
  }

  private void introspectNow(String name) {
    long now = System.nanoTime();
    Long last = lastIntrospectionAttempt.get(name);
    if (last != null && now - last < RETRY_INTROSPECTION_AFTER.toNanos()) {
      throw unavailable(name);
    }
    lastIntrospectionAttempt.put(name, now);
    sources.introspect(name);
  }

  private static DaasException unavailable(String name) {
    return new DaasException(
        ErrorCode.SOURCE_UNAVAILABLE,
        "Source " + name + " cannot be reached just now; retry shortly",
        Map.of("source", name));
  }
}
