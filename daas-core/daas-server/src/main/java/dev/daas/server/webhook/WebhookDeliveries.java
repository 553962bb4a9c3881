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
import dev.daas.server.secrets.Secrets;
import dev.daas.server.security.Authorizations;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Runs one {@link WebhookWorker} per webhook on its own small pool ({@code daas.webhooks.threads}),
 * apart from capture and the change streams: workers read the durable change log, never the hub, so
 * a slow or dead receiver only delays its own webhook. At startup every stored webhook resumes
 * after its stored cursor.
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

  private final Map<String, WebhookWorker> workers = new ConcurrentHashMap<>();
  private final AtomicInteger threads = new AtomicInteger();
  private ScheduledExecutorService pool;
  private WebhookSender sender;

  void onStart(@Observes StartupEvent event) {
    pool =
        Executors.newScheduledThreadPool(
            Math.max(1, config.threads()),
            r -> {
              Thread thread = new Thread(r, "daas-webhook-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    sender = new WebhookSender(config.timeout());
    store.all().forEach(this::start);
  }

  void onStop(@Observes ShutdownEvent event) {
    workers.values().forEach(WebhookWorker::stop);
    if (pool != null) {
      pool.shutdownNow();
    }
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

  /** Starts delivering a webhook (after its cursor). */
  void start(Webhook webhook) {
    WebhookWorker worker =
        new WebhookWorker(
            webhook, secrets.open(webhook.sealedSecret()), this, sender, pool, config);
    WebhookWorker previous = workers.put(webhook.id(), worker);
    if (previous != null) {
      previous.stop();
    }
    worker.start();
  }

  void stop(String webhookId) {
    WebhookWorker worker = workers.remove(webhookId);
    if (worker != null) {
      worker.stop();
    }
  }

  /** Stops every worker and starts them again from the stored cursors, as after a restart. */
  void restart() {
    Set.copyOf(workers.keySet()).forEach(this::stop);
    store.all().forEach(this::start);
  }

  /** One attempt to send a (dead-lettered) event now; null when delivered, else the error. */
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
