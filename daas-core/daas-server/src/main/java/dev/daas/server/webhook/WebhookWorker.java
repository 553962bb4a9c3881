package dev.daas.server.webhook;

import dev.daas.server.cdc.ChangeRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * Delivers one webhook's changes in log order, one at a time, on the shared delivery pool: reads
 * the change log after the cursor, shapes each change by the webhook's role, POSTs it, and moves
 * the cursor on once it was delivered, dropped by the policy or dead-lettered after the last
 * attempt. A failed attempt schedules a retry after a backoff instead of holding a thread.
 */
final class WebhookWorker {
  private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
  private static final int PAGE = 100;

  /** What the worker needs from the server. */
  interface Context {
    List<ChangeRecord> after(Webhook webhook, long sequence, int limit);

    /** The change as the webhook's role may see it, or null. */
    UnaryOperator<ChangeRecord> view(Webhook webhook);

    /** Persists the cursor; false when the webhook is gone. */
    boolean advance(String webhookId, long sequence);

    void deadLetter(Webhook webhook, ChangeRecord shown, int attempts, String error);

    /** One attempt was made: for metrics. */
    void attempted(Webhook webhook, boolean delivered, long nanos);

    /** The highest sequence of a change of the webhook's entities pruned from the log; 0: none. */
    long prunedThrough(Webhook webhook);

    /** Records that changes after {@code after} up to {@code pruned} were pruned undelivered. */
    void gap(Webhook webhook, long after, long pruned);

    /** Whether this instance still holds the webhook's lease: only then may it send. */
    boolean holds(Webhook webhook);
  }

  private final Webhook webhook;
  private final String secret;
  private final Context context;
  private final WebhookSender sender;
  private final ScheduledExecutorService pool;
  private final WebhookConfig config;
  private final Backoff backoff;
  private final Deque<ChangeRecord> page = new ArrayDeque<>();
  private volatile boolean stopped;
  private long cursor;
  private ChangeRecord shown;
  private int attempts;

  WebhookWorker(
      Webhook webhook,
      String secret,
      Context context,
      WebhookSender sender,
      ScheduledExecutorService pool,
      WebhookConfig config) {
    this.webhook = webhook;
    this.secret = secret;
    this.context = context;
    this.sender = sender;
    this.pool = pool;
    this.config = config;
    this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
    this.cursor = webhook.cursor();
  }

  void start() {
    schedule(0);
  }

  void stop() {
    stopped = true;
  }

  String source() {
    return webhook.source();
  }

  boolean isStopped() {
    return stopped;
  }

  private void schedule(long millis) {
    if (!stopped && !pool.isShutdown()) {
      pool.schedule(this::run, millis, TimeUnit.MILLISECONDS);
    }
  }

  private void run() {
    if (stopped) {
      return;
    }
    try {
      for (int i = 0; i < PAGE && !stopped; i++) {
        if (!context.holds(webhook)) {
          // the lease ran out (renewal late or failed): another instance may deliver now
          stopped = true;
          return;
        }
        long wait = step();
        if (wait > 0) {
          schedule(wait);
          return;
        }
      }
      schedule(0);
    } catch (RuntimeException e) {
      LOG.warnf("Webhook %s of %s: delivery failed: %s", webhook.id(), webhook.source(), e);
      page.clear();
      shown = null;
      schedule(config.pollInterval().toMillis());
    }
  }

  /** Handles the next change; returns how long to wait before the next step (0: go on). */
  private long step() {
    if (page.isEmpty()) {
      page.addAll(context.after(webhook, cursor, PAGE));
      long pruned = context.prunedThrough(webhook);
      if (pruned > cursor && (page.isEmpty() || page.peek().sequence() > pruned)) {
        // Read after the page: a prune before the read shows as a page starting above it.
        context.gap(webhook, cursor, pruned);
        cursor = pruned;
        if (!context.advance(webhook.id(), cursor)) {
          stopped = true;
          return 0;
        }
      }
      if (page.isEmpty()) {
        return Math.max(1, config.pollInterval().toMillis());
      }
    }
    ChangeRecord next = page.peek();
    if (shown == null) {
      shown = context.view(webhook).apply(next);
      attempts = 0;
      if (shown == null) {
        done(next);
        return 0;
      }
    }
    attempts++;
    long started = System.nanoTime();
    String error = sender.send(webhook.id(), webhook.url(), secret, next.sequence(), shown.data());
    context.attempted(webhook, error == null, System.nanoTime() - started);
    if (error == null) {
      done(next);
      return 0;
    }
    if (attempts >= config.maxAttempts()) {
      LOG.warnf(
          "Webhook %s of %s: event %d dead-lettered after %d attempts (%s)",
          webhook.id(), webhook.source(), next.sequence(), attempts, error);
      context.deadLetter(webhook, shown, attempts, error);
      done(next);
      return 0;
    }
    return Math.max(1, backoff.millis(attempts, RandomGenerator.getDefault()));
  }

  private void done(ChangeRecord record) {
    page.poll();
    shown = null;
    cursor = record.sequence();
    if (!context.advance(webhook.id(), cursor)) {
      stopped = true;
    }
  }
}
