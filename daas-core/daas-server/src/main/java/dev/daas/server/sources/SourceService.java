package dev.daas.server.sources;

import dev.daas.model.DataModel;
import dev.daas.model.catalog.Catalog;
import dev.daas.model.connector.SourceConfig;
import dev.daas.model.connector.SourceConnection;
import dev.daas.model.connector.SourceStatus;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import dev.daas.server.cdc.SourceRemoved;
import dev.daas.server.config.DaasConfig;
import dev.daas.server.model.IntrospectionResult;
import dev.daas.server.model.ModelJson;
import dev.daas.server.recovery.ModelRecovery;
import dev.daas.server.secrets.Secrets;
import dev.daas.server.store.MetadataStore;
import dev.daas.server.store.ModelSnapshotRecord;
import dev.daas.server.store.SnapshotSummary;
import dev.daas.server.store.SourceRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Registers, lists, removes and introspects sources; keeps their model versions. */
@ApplicationScoped
public class SourceService {
  private static final Logger LOG = Logger.getLogger(SourceService.class);

  @Inject MetadataStore store;
  @Inject Secrets secrets;
  @Inject SourceConnections connections;
  @Inject DaasConfig config;
  @Inject ModelRecovery modelRecovery;
  @Inject Event<SourceRemoved> removals;

  private final Map<String, Object> introspectionLocks = new ConcurrentHashMap<>();

  /** Registers a source and introspects it at once when it is reachable. */
  public SourceView create(SourceRequest request) {
    boolean urlGiven = request.url() != null && !request.url().isBlank();
    SourceConfig probe =
        urlGiven ? config("candidate", request.url(), null, null, List.of()) : null;
    boolean accepted = urlGiven && connections.accepts(probe);
    SourceValidation.check(
        request, accepted, accepted ? connections.configurationProblems(probe) : List.of());
    List<String> schemas = request.schemas() == null ? List.of() : List.copyOf(request.schemas());
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                if (store.source(request.name()).isPresent()) {
                  throw conflict(request.name());
                }
                SourceRecord record = new SourceRecord();
                record.name = request.name();
                record.url = request.url();
                record.username = request.user();
                record.passwordSecret =
                    request.password() == null ? null : secrets.seal(request.password());
                record.schemas = String.join(",", schemas);
                record.createdAt = Instant.now();
                record.updatedAt = record.createdAt;
                store.persist(record);
              });
    } catch (PersistenceException e) {
      // Two registrations of one name raced past the check: the unique constraint decided.
      throw conflict(request.name());
    }
    LOG.infof("Registered source %s (%s)", request.name(), request.url());
    try {
      introspect(request.name());
    } catch (DaasException e) {
      LOG.warnf("Source %s registered but not introspected: %s", request.name(), e.getMessage());
    }
    return view(request.name(), false);
  }

  private static DaasException conflict(String name) {
    return new DaasException(ErrorCode.CONFLICT, "A source named " + name + " exists already");
  }

  public List<SourceView> list() {
    return QuarkusTransaction.requiringNew()
        .call(() -> store.sources().stream().map(r -> toView(r, null)).toList());
  }

  /** The source, with its reachability checked now when {@code checkReachability}. */
  public SourceView view(String name, boolean checkReachability) {
    SourceView view = QuarkusTransaction.requiringNew().call(() -> toView(require(name), null));
    if (!checkReachability) {
      return view;
    }
    SourceStatus status = connections.connection(sourceConfig(name)).status();
    return new SourceView(
        view.name(),
        view.url(),
        view.user(),
        view.hasPassword(),
        view.schemas(),
        view.createdAt(),
        view.updatedAt(),
        view.lastIntrospectedAt(),
        view.lastError(),
        view.modelVersion(),
        status.reachable(),
        status.reachable() ? "reachable" : status.message());
  }

  public void delete(String name) {
    // Capture (dev.daas.server.cdc) stops and drops its slot while the settings are still readable.
    removals.fire(new SourceRemoved(name));
    QuarkusTransaction.requiringNew().run(() -> store.delete(require(name)));
    introspectionLocks.remove(name);
    connections.close(name);
    LOG.infof("Removed source %s", name);
  }

  /**
   * Reads the catalog, recovers the model and stores it as a new version if it changed. One
   * introspection per source at a time on this instance; a concurrent one on another instance that
   * wins the version number makes this one re-read the stored result instead of failing.
   */
  public IntrospectionResult introspect(String name) {
    Object lock = introspectionLocks.computeIfAbsent(name, k -> new Object());
    synchronized (lock) {
      try {
        return introspectOnce(name);
      } catch (PersistenceException e) {
        LOG.infof("Source %s was introspected concurrently elsewhere; reading its result", name);
        return introspectOnce(name);
      }
    }
  }

  private IntrospectionResult introspectOnce(String name) {
    SourceConfig sourceConfig = sourceConfig(name);
    long started = System.nanoTime();
    Catalog catalog;
    SourceConnection connection;
    try {
      connection = connections.connection(sourceConfig);
      catalog = connection.catalog().introspect();
    } catch (DaasException e) {
      recordError(name, e.getMessage());
      throw e;
    }
    ModelRecovery.Outcome outcome = modelRecovery.recover(name, catalog, connection);
    DataModel model = outcome.model();
    String json = ModelJson.write(model);
    String hash = ModelJson.hash(json);
    long millis = (System.nanoTime() - started) / 1_000_000;
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              SourceRecord source = require(name);
              source.lastIntrospectedAt = Instant.now();
              source.lastError = null;
              Optional<ModelSnapshotRecord> latest = store.latestSnapshot(source.id);
              if (latest.isPresent() && latest.get().contentHash.equals(hash)) {
                ModelSnapshotRecord same = latest.get();
                return new IntrospectionResult(
                    name,
                    same.version,
                    hash,
                    false,
                    same.entityCount,
                    same.relationshipCount,
                    same.createdAt,
                    millis,
                    outcome.summary());
              }
              ModelSnapshotRecord snapshot = new ModelSnapshotRecord();
              snapshot.sourceId = source.id;
              snapshot.version = latest.map(s -> s.version + 1).orElse(1);
              snapshot.contentHash = hash;
              snapshot.formatVersion = model.formatVersion();
              snapshot.entityCount = model.entities().size();
              snapshot.relationshipCount = model.relationships().size();
              snapshot.modelJson = json;
              snapshot.createdAt = Instant.now();
              store.persist(snapshot);
              LOG.infof(
                  "Source %s: model version %d (%d entities, %d relationships) in %d ms",
                  name, snapshot.version, snapshot.entityCount, snapshot.relationshipCount, millis);
              return new IntrospectionResult(
                  name,
                  snapshot.version,
                  hash,
                  true,
                  snapshot.entityCount,
                  snapshot.relationshipCount,
                  snapshot.createdAt,
                  millis,
                  outcome.summary());
            });
  }

  /** The stored snapshot (newest when {@code version} is empty). */
  public ModelSnapshotRecord snapshot(String name, Optional<Integer> version) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              SourceRecord source = require(name);
              Optional<ModelSnapshotRecord> snapshot =
                  version.isPresent()
                      ? store.snapshot(source.id, version.get())
                      : store.latestSnapshot(source.id);
              return snapshot.orElseThrow(
                  () ->
                      version.isPresent()
                          ? new DaasException(
                              ErrorCode.NOT_FOUND,
                              "Source " + name + " has no model version " + version.get(),
                              Map.of("version", version.get()))
                          : new DaasException(
                              ErrorCode.NO_MODEL,
                              "Source "
                                  + name
                                  + " has no model yet: it has not been introspected (POST"
                                  + " /admin/v1/sources/"
                                  + name
                                  + "/introspect)"));
            });
  }

  /** The newest version's number and hash without its document, or empty without a model. */
  public Optional<SnapshotSummary> latestVersion(String name) {
    return QuarkusTransaction.requiringNew()
        .call(() -> store.snapshotSummaries(require(name).id, 1).stream().findFirst());
  }

  public List<SnapshotSummary> versions(String name) {
    return QuarkusTransaction.requiringNew().call(() -> store.snapshotSummaries(require(name).id));
  }

  /** The connection settings of a source, password opened; never leaves the server. */
  public SourceConfig sourceConfig(String name) {
    return QuarkusTransaction.requiringNew().call(() -> toConfig(require(name)));
  }

  /** What a data request needs to know of a source, read in one transaction. */
  public record Current(SourceConfig config, Optional<SnapshotSummary> latest) {}

  public Current current(String name) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              SourceRecord r = require(name);
              return new Current(
                  toConfig(r), store.snapshotSummaries(r.id, 1).stream().findFirst());
            });
  }

  private SourceConfig toConfig(SourceRecord r) {
    return config(
        r.name,
        r.url,
        r.username,
        r.passwordSecret == null ? null : secrets.open(r.passwordSecret),
        schemas(r));
  }

  private SourceConfig config(
      String name, String url, String user, String password, List<String> schemas) {
    return new SourceConfig(
        name,
        url,
        user,
        password,
        schemas,
        config.sources().maxPoolSize(),
        config.sources().connectTimeout(),
        config.api().queryTimeout());
  }

  private void recordError(String name, String message) {
    QuarkusTransaction.requiringNew()
        .run(() -> store.source(name).ifPresent(r -> r.lastError = truncate(message)));
  }

  private SourceRecord require(String name) {
    return store
        .source(name)
        .orElseThrow(
            () ->
                new DaasException(
                    ErrorCode.UNKNOWN_SOURCE,
                    "No source is named " + name,
                    Map.of("source", name)));
  }

  private SourceView toView(SourceRecord r, Boolean reachable) {
    Integer version = store.latestVersion(r.id).orElse(null);
    return new SourceView(
        r.name,
        r.url,
        r.username,
        r.passwordSecret != null,
        schemas(r),
        r.createdAt,
        r.updatedAt,
        r.lastIntrospectedAt,
        r.lastError,
        version,
        reachable,
        null);
  }

  private static List<String> schemas(SourceRecord r) {
    return r.schemas.isEmpty() ? List.of() : Arrays.asList(r.schemas.split(","));
  }

  private static String truncate(String message) {
    if (message == null) {
      return null;
    }
    return message.length() > 2000 ? message.substring(0, 2000) : message;
  }
}
