package dev.daas.server.cdc;

import dev.daas.model.DataModel;
import dev.daas.model.Entity;
import dev.daas.model.EntityKind;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.model.ModelJson;
import dev.daas.server.sources.SourceService;
import dev.daas.server.store.ModelSnapshotRecord;
import dev.daas.server.store.SnapshotSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entity API names of captured tables, from each source's current model (so they follow curation),
 * re-read from the store when the newest version changed, checked at most every {@link #RECHECK}.
 */
@ApplicationScoped
public class EntityNames {
  static final Duration RECHECK = Duration.ofSeconds(2);

  @Inject SourceService sources;

  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(
      SnapshotSummary summary,
      DataModel model,
      Map<String, String> byTable,
      Map<String, String> byBareName,
      long checkedAt) {}

  /** The API name of a captured table; the table name itself when the model does not have it. */
  public String entityOf(String source, String schema, String table) {
    Cached cached = current(source);
    if (cached == null) {
      return table;
    }
    String exact = cached.byTable().get(qualified(schema, table));
    if (exact != null) {
      return exact;
    }
    return cached.byTable().getOrDefault(qualified(schema, table).toLowerCase(Locale.ROOT), table);
  }

  /**
   * The entity of a table as a SQL statement names it ({@code schema.table} or a bare {@code
   * table}, any case): the exact or case-insensitive qualified name, else a bare name that only one
   * entity's table has. Empty when the model has no such table.
   */
  public Optional<String> entityOfSqlName(String source, String name) {
    Cached cached = current(source);
    if (cached == null) {
      return Optional.empty();
    }
    String found = cached.byTable().get(name);
    if (found == null) {
      found = cached.byTable().get(name.toLowerCase(Locale.ROOT));
    }
    if (found == null && !name.contains(".")) {
      found = cached.byBareName().get(name.toLowerCase(Locale.ROOT));
    }
    return Optional.ofNullable(found).filter(f -> !f.isEmpty());
  }

  /** The current model of a source; unknown-source when there is no such source. */
  public Optional<DataModel> model(String source) {
    Cached cached = current(source);
    return cached == null ? Optional.empty() : Optional.of(cached.model());
  }

  /** Checks that the source exists and its model has the entity; 404 problems otherwise. */
  public void requireEntity(String source, String entity) {
    if (model(source).flatMap(m -> m.entity(entity)).isEmpty()) {
      throw new DaasException(
          ErrorCode.UNKNOWN_ENTITY,
          "Source " + source + " has no entity named " + entity,
          Map.of("source", source, "entity", entity));
    }
  }

  /** The {@code schema.table} of every table (not view) of the model. */
  public List<String> modelTables(String source) {
    return model(source).map(EntityNames::tables).orElse(List.of());
  }

  /** Forgets the source, after it was removed. */
  public void forget(String source) {
    cache.remove(source);
  }

  private Cached current(String source) {
    Cached cached = cache.get(source);
    long now = System.nanoTime();
    if (cached != null && now - cached.checkedAt() < RECHECK.toNanos()) {
      return cached;
    }
    Optional<SnapshotSummary> latest = sources.latestVersion(source);
    if (latest.isEmpty()) {
      cache.remove(source);
      return null;
    }
    SnapshotSummary summary = latest.get();
    if (cached != null
        && cached.summary().version() == summary.version()
        && cached.summary().contentHash().equals(summary.contentHash())) {
      cached =
          new Cached(cached.summary(), cached.model(), cached.byTable(), cached.byBareName(), now);
    } else {
      ModelSnapshotRecord snapshot = sources.snapshot(source, Optional.of(summary.version()));
      DataModel model = ModelJson.read(snapshot.modelJson);
      Map<String, String> byTable = new HashMap<>();
      Map<String, String> byBareName = new HashMap<>();
      for (Entity entity : model.entities()) {
        String name = qualified(entity.schema(), entity.table());
        byTable.putIfAbsent(name.toLowerCase(Locale.ROOT), entity.name());
        byTable.put(name, entity.name());
        // "" marks a bare table name that several schemas have: ambiguous, never resolved.
        if (entity.table() != null) {
          byBareName.merge(
              entity.table().toLowerCase(Locale.ROOT),
              entity.name(),
              (a, b) -> a.equals(b) ? a : "");
        }
      }
      cached = new Cached(summary, model, Map.copyOf(byTable), Map.copyOf(byBareName), now);
    }
    cache.put(source, cached);
    return cached;
  }

  private static List<String> tables(DataModel model) {
    return model.entities().stream()
        .filter(e -> e.kind() == EntityKind.TABLE && e.schema() != null)
        .map(e -> e.schema() + "." + e.table())
        .toList();
  }

  private static String qualified(String schema, String table) {
    return schema == null || schema.isEmpty() ? table : schema + "." + table;
  }
}
