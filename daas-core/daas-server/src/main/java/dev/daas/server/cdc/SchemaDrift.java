package dev.daas.server.cdc;

import dev.daas.connector.debezium.ChangeEvent;
import dev.daas.model.Attribute;
import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.server.ops.DaemonThreads;
import dev.daas.server.sources.SourceService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Schema changes seen in captured changes: a row image whose columns differ from the columns last
 * seen for its table (at first, from the source's model) means the table was altered, so the model
 * is recovered again, which makes a new version when the result differs. Recoveries run on one
 * background thread, at most one per source per {@code daas.cdc.schema-recheck}; capture is never
 * slowed or failed by them. Only inserts and updates count: their after images carry every column
 * (a delete's before image may hold only the key).
 */
@ApplicationScoped
public class SchemaDrift {
  private static final Logger LOG = Logger.getLogger(SchemaDrift.class);

  @Inject EntityNames names;
  @Inject SourceService sources;
  @Inject CdcConfig config;

  /** Per source, per {@code schema.table}: the columns last seen. */
  private final Map<String, Map<String, Set<String>>> seen = new ConcurrentHashMap<>();

  /** Per source: when the last re-recovery was asked for (nanoTime), while one is pending. */
  private final Map<String, Long> pending = new ConcurrentHashMap<>();

  private final Map<String, Long> lastRun = new ConcurrentHashMap<>();
  private ExecutorService recoveries;

  @PostConstruct
  void start() {
    recoveries = Executors.newSingleThreadExecutor(DaemonThreads.named("daas-schema-drift"));
  }

  @PreDestroy
  void stop() {
    recoveries.shutdownNow();
  }

  /** Looks at a captured batch; asks for a re-recovery when a table's columns changed. */
  public void observe(String source, List<ChangeEvent> batch) {
    Map<String, Set<String>> tables = seen.computeIfAbsent(source, s -> new ConcurrentHashMap<>());
    String changed = null;
    for (ChangeEvent event : batch) {
      if (event.after() == null) {
        continue;
      }
      String table = event.qualifiedTable();
      Set<String> columns = new TreeSet<>(event.after().keySet());
      Set<String> before = tables.get(table);
      if (before == null) {
        before = modelColumns(source, event.schema(), event.table()).orElse(Set.of());
      }
      if (!before.equals(columns)) {
        if (changed == null) {
          changed = describe(table, before, columns);
        }
        tables.put(table, columns);
      } else {
        tables.putIfAbsent(table, columns);
      }
    }
    if (changed != null) {
      recoverLater(source, changed);
    }
  }

  /** Forgets the source, after it was removed. */
  public void forget(String source) {
    seen.remove(source);
    lastRun.remove(source);
  }

  private Optional<Set<String>> modelColumns(String source, String schema, String table) {
    Optional<DataModel> model = names.model(source);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    for (Entity entity : model.get().entities()) {
      boolean sameSchema = schema == null || schema.isEmpty() || schema.equals(entity.schema());
      if (sameSchema && entity.table().equals(table)) {
        Set<String> columns = new TreeSet<>();
        entity.attributes().stream().map(Attribute::column).forEach(columns::add);
        return Optional.of(columns);
      }
    }
    return Optional.empty();
  }

  private static String describe(String table, Set<String> before, Set<String> now) {
    Set<String> added = new TreeSet<>(now);
    added.removeAll(before);
    Set<String> removed = new TreeSet<>(before);
    removed.removeAll(now);
    return before.isEmpty()
        ? "table " + table + " is not in the model"
        : "columns of " + table + " changed (added " + added + ", removed " + removed + ")";
  }

  private void recoverLater(String source, String why) {
    if (pending.putIfAbsent(source, System.nanoTime()) != null) {
      return;
    }
    LOG.infof("Source %s: %s; recovering the model again", source, why);
    recoveries.execute(
        () -> {
          try {
            long wait =
                lastRun.getOrDefault(source, Long.MIN_VALUE / 2)
                    + config.schemaRecheck().toNanos()
                    - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
            pending.remove(source);
            lastRun.put(source, System.nanoTime());
            var result = sources.introspect(source);
            LOG.infof(
                "Source %s: recovered after a schema change: model version %d",
                source, result.version());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            pending.remove(source);
            LOG.warnf("Source %s: recovery after a schema change failed: %s", source, e.toString());
          }
        });
  }
}
