package dev.daas.server.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.gateway.policy.Authorization;
import dev.daas.gateway.policy.Caller;
import dev.daas.gateway.policy.Operation;
import dev.daas.server.cdc.ChangeLog;
import dev.daas.server.cdc.ChangeLogRetention;
import dev.daas.server.cdc.ChangeRecord;
import dev.daas.server.cdc.ChangeView;
import dev.daas.server.cdc.EntityNames;
import dev.daas.server.cdc.SourceRemoved;
import dev.daas.server.ops.ChangeMetrics;
import dev.daas.server.ops.DaemonThreads;
import dev.daas.server.secrets.Secrets;
import dev.daas.server.security.Authorizations;
import dev.daas.server.store.Leases;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Runs one {@link WebhookWorker} per webhook on its own small pool ({@code daas.webhooks.threads}),
 * apart from capture and the change streams: workers read the durable change log, never the hub, so
 * a slow or dead receiver only delays its own webhook. A worker runs only on the instance holding
 * the webhook's {@link Leases lease}, so instances sharing the metadata store never send an event
 * twice between them; every third of {@code daas.webhooks.lease-ttl} each instance renews its
 * leases, takes free ones (webhooks created elsewhere, or whose instance died) and resumes them
 * after their stored cursor, and stops workers of webhooks deleted elsewhere.
 */
@ApplicationScoped
public class WebhookDeliveries implements WebhookWorker.Context {
  private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

  /** The entity of a dead letter that records a gap rather than a change. */
  static final String GAP_ENTITY = "*";

  @Inject WebhookStore store;
  @Inject DeadLetters deadLetters;
  @Inject WebhookConfig config;
  @Inject ChangeLog log;
  @Inject ChangeLogRetention retention;
  @Inject EntityNames names;
  @Inject Authorizations authorizations;
  @Inject Secrets secrets;
  @Inject ObjectMapper json;
  @Inject Leases leases;
  @Inject ChangeMetrics metrics;

  private final Map<String, WebhookWorker> workers = new ConcurrentHashMap<>();

  /** Webhooks stopped here on purpose (deleted): supervision leaves them alone. */
  private final Set<String> stopped = ConcurrentHashMap.newKeySet();

  /** Per webhook: until when (System.nanoTime) its lease is surely held, with a margin. */
  private final Map<String, Long> heldUntil = new ConcurrentHashMap<>();

  private ScheduledExecutorService pool;
  private ScheduledExecutorService supervisor;
  private WebhookSender sender;

  void onStart(@Observes StartupEvent event) {
    pool =
        Executors.newScheduledThreadPool(
            Math.max(1, config.threads()), DaemonThreads.numbered("daas-webhook"));
    sender = new WebhookSender(config.timeout());
    // renewal on its own thread: slow receivers holding every delivery thread must not let leases
    // run out while this instance still sends
    supervisor =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("daas-webhook-supervisor"));
    long every = Math.max(1, config.leaseTtl().toMillis() / 3);
    supervisor.scheduleWithFixedDelay(this::supervise, 0, every, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    // give the leases up so another instance takes over at once
    if (supervisor != null) {
      supervisor.shutdownNow();
    }
    Set.copyOf(workers.keySet()).forEach(this::stop);
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** Renews, takes and gives up leases; starts and stops workers to match. */
  synchronized void supervise() {
    try {
      Map<String, Webhook> stored = new HashMap<>();
      store.all().forEach(w -> stored.put(w.id(), w));
      for (String id : Set.copyOf(workers.keySet())) {
        if (!stored.containsKey(id)) {
          stop(id);
        }
      }
      for (Webhook webhook : stored.values()) {
        if (stopped.contains(webhook.id())) {
          continue;
        }
        long asked = System.nanoTime();
        boolean held = leases.acquire(leaseName(webhook.id()), config.leaseTtl());
        if (held) {
          // the store's lease lasts ttl from about now; trust it for nine tenths of that
          heldUntil.put(webhook.id(), asked + config.leaseTtl().toNanos() * 9 / 10);
        } else {
          heldUntil.remove(webhook.id());
        }
        WebhookWorker current = workers.get(webhook.id());
        if (held && (current == null || current.isStopped())) {
          run(webhook);
        } else if (!held && workers.containsKey(webhook.id())) {
          LOG.warnf(
              "Webhook %s: another server instance delivers it now; stopping here", webhook.id());
          WebhookWorker worker = workers.remove(webhook.id());
          if (worker != null) {
            worker.stop();
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("Webhook supervision failed, retrying later: %s", e.toString());
    }
  }

  static String leaseName(String webhookId) {
    return "webhook:" + webhookId;
  }

  void onSourceRemoved(@Observes SourceRemoved event) {
    workers
        .values()
        .removeIf(
            worker -> {
              if (worker.source().equals(event.source())) {
                worker.stop();
                return true;
              }
              return false;
            });
  }

  /** Starts delivering a webhook (after its cursor) when no other instance delivers it. */
  synchronized void start(Webhook webhook) {
    stopped.remove(webhook.id());
    long asked = System.nanoTime();
    if (leases.acquire(leaseName(webhook.id()), config.leaseTtl())) {
      heldUntil.put(webhook.id(), asked + config.leaseTtl().toNanos() * 9 / 10);
      run(webhook);
    }
  }

  @Override
  public boolean holds(Webhook webhook) {
    Long until = heldUntil.get(webhook.id());
    return until != null && System.nanoTime() - until < 0;
  }

  private void run(Webhook webhook) {
    WebhookWorker worker =
        new WebhookWorker(
            webhook, secrets.open(webhook.sealedSecret()), this, sender, pool, config);
    WebhookWorker previous = workers.put(webhook.id(), worker);
    if (previous != null) {
      previous.stop();
    }
    worker.start();
  }

  /** Stops delivering a webhook here (it was deleted) and gives its lease up. */
  synchronized void stop(String webhookId) {
    stopped.add(webhookId);
    heldUntil.remove(webhookId);
    WebhookWorker worker = workers.remove(webhookId);
    if (worker != null) {
      worker.stop();
    }
    try {
      leases.release(leaseName(webhookId));
    } catch (RuntimeException e) {
      LOG.warnf("Webhook %s: could not release its lease: %s", webhookId, e.toString());
    }
  }

  /** Stops every worker and starts them again from the stored cursors, as after a restart. */
  void restart() {
    Set.copyOf(workers.keySet()).forEach(this::stop);
    stopped.clear();
    supervise();
  }

  /** Whether this instance delivers the webhook now. */
  boolean delivers(String webhookId) {
    return workers.containsKey(webhookId);
  }

  /** One attempt to send a (dead-lettered) event now; null when delivered, else the error. */
  /**
   * A dead letter's event as the webhook's role may see it now: shaped again from the change log
   * under the current policy, so a field hidden or an entity denied since it failed is never sent.
   * A gap record carries no row and is sent as it is.
   */
  Reshaped reshape(Webhook webhook, DeadLetters.DeadLetter letter) {
    if (GAP_ENTITY.equals(letter.entity())) {
      return new Reshaped(letter.event(), null);
    }
    List<ChangeRecord> found =
        log.after(webhook.sourceId(), List.of(letter.entity()), letter.sequence() - 1, 1);
    if (found.isEmpty() || found.get(0).sequence() != letter.sequence()) {
      return new Reshaped(null, "expired");
    }
    ChangeRecord shown = view(webhook).apply(found.get(0));
    return shown == null ? new Reshaped(null, "withheld") : new Reshaped(shown.data(), null);
  }

  /** The body to send again, or null with why not: withheld (policy) or expired (pruned). */
  record Reshaped(String body, String reason) {}

  String sendOnce(Webhook webhook, long eventId, String body) {
    return sender.send(
        webhook.id(), webhook.url(), secrets.open(webhook.sealedSecret()), eventId, body);
  }

  @Override
  public List<ChangeRecord> after(Webhook webhook, long sequence, int limit) {
    return log.after(webhook.sourceId(), webhook.entities(), sequence, limit);
  }

  @Override
  public UnaryOperator<ChangeRecord> view(Webhook webhook) {
    var model = names.model(webhook.source());
    if (model.isEmpty()) {
      return record -> null;
    }
    Caller caller = new Caller("webhook:" + webhook.id(), Set.of(webhook.role()), Map.of());
    Authorization authorization = authorizations.of(caller, model.get());
    ChangeView view = new ChangeView(authorization, json);
    return record ->
        authorization.allows(record.entity(), Operation.SUBSCRIBE) ? view.apply(record) : null;
  }

  @Override
  public boolean advance(String webhookId, long sequence) {
    return store.advance(webhookId, sequence);
  }

  @Override
  public void deadLetter(Webhook webhook, ChangeRecord shown, int attempts, String error) {
    deadLetters.add(webhook.id(), shown.sequence(), shown.entity(), shown.data(), attempts, error);
    metrics.deadLettered(webhook.source(), webhook.id());
  }

  @Override
  public void attempted(Webhook webhook, boolean delivered, long nanos) {
    metrics.attempted(webhook.source(), webhook.id(), delivered, nanos);
  }

  @Override
  public long prunedThrough(Webhook webhook) {
    return retention.prunedThrough(webhook.sourceId(), webhook.entities());
  }

  @Override
  public void gap(Webhook webhook, long after, long pruned) {
    String reason =
        "gap: changes after "
            + after
            + " up to "
            + pruned
            + " were pruned from the change log (retention) before delivery";
    LOG.warnf("Webhook %s of %s: %s", webhook.id(), webhook.source(), reason);
    String body =
        "{\"event\":\"gap\",\"after\":"
            + after
            + ",\"oldestAvailable\":"
            + (pruned + 1)
            + ",\"reason\":\""
            + reason
            + "\"}";
    deadLetters.add(webhook.id(), pruned, GAP_ENTITY, body, 0, reason);
  }
}
