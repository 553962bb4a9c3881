package dev.daas.server.cdc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * One change stream connection: first the changes from the durable log after the resume point, then
 * live ones. Capture only ever appends to its bounded buffer ({@link #offer}, never blocks); the
 * buffer is written out in chunks by a pump that waits for each chunk to leave before the next, so
 * a slow client fills its own buffer and, past the bound, is cut off with a final {@code cut-off}
 * event naming the last event id to resume from.
 */
public final class ChangeSubscriber {
  private static final Logger LOG = Logger.getLogger(ChangeSubscriber.class);
  static final int CHUNK = 256;

  /** Reads the durable log: up to {@code limit} changes of the entity after a sequence. */
  @FunctionalInterface
  public interface Replay {
    List<ChangeRecord> after(long sequence, int limit);

    /** The highest sequence of a change of the entity pruned from the log; 0 when none was. */
    default long prunedThrough() {
      return 0;
    }
  }

  private final String source;
  private final String entity;
  private final EventSink sink;
  private final Replay replay;
  private final Executor executor;
  private final int bound;
  private final Runnable onClose;
  private final UnaryOperator<ChangeRecord> view;
  private final Queue<ChangeRecord> buffer = new ConcurrentLinkedQueue<>();
  private final AtomicInteger buffered = new AtomicInteger();
  private final AtomicBoolean pumping = new AtomicBoolean();
  private volatile boolean replaying;
  private volatile boolean live;
  private volatile boolean closed;
  private volatile long lastSent;
  private String gap;

  /**
   * @param after resume after this sequence from the log; null streams live changes only
   */
  public ChangeSubscriber(
      String source,
      String entity,
      Long after,
      EventSink sink,
      Replay replay,
      Executor executor,
      int bound,
      Runnable onClose) {
    this(source, entity, after, sink, replay, executor, bound, onClose, UnaryOperator.identity());
  }

  /**
   * @param view the change as this subscriber may see it (its access policy applied), or null when
   *     it may not see the change at all
   */
  public ChangeSubscriber(
      String source,
      String entity,
      Long after,
      EventSink sink,
      Replay replay,
      Executor executor,
      int bound,
      Runnable onClose,
      UnaryOperator<ChangeRecord> view) {
    this.view = requireNonNull(view, "view is null");
    this.source = requireNonNull(source, "source is null");
    this.entity = requireNonNull(entity, "entity is null");
    this.sink = requireNonNull(sink, "sink is null");
    this.replay = requireNonNull(replay, "replay is null");
    this.executor = requireNonNull(executor, "executor is null");
    this.bound = bound;
    this.onClose = requireNonNull(onClose, "onClose is null");
    this.replaying = after != null;
    this.live = after == null;
    this.lastSent = after == null ? 0 : after;
  }

  public String source() {
    return source;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Opens the stream and starts sending. */
  public void start() {
    synchronized (this) {
      sink.comment("changes of " + entity);
    }
    schedule();
  }

  /**
   * Takes the batch's changes of this entity; never blocks. Cuts off a subscriber past its bound.
   */
  public void offer(List<ChangeRecord> batch) {
    if (closed || !live) {
      return;
    }
    boolean added = false;
    for (ChangeRecord record : batch) {
      if (!record.entity().equals(entity)) {
        continue;
      }
      if (buffered.incrementAndGet() > bound) {
        end(
            "cut-off",
            "subscriber fell behind: more than "
                + bound
                + " changes waiting; reconnect with Last-Event-ID to resume from the change log");
        return;
      }
      buffer.add(record);
      added = true;
    }
    if (added) {
      schedule();
    }
  }

  /**
   * Sends a comment when nothing is being written, so idle connections stay open and dead ones
   * close.
   */
  public void heartbeat() {
    if (closed || pumping.get()) {
      return;
    }
    synchronized (this) {
      try {
        sink.comment("heartbeat")
            .whenComplete(
                (ignored, error) -> {
                  if (error != null) {
                    closeQuietly();
                  }
                });
      } catch (RuntimeException e) {
        closeQuietly();
      }
    }
  }

  /** Sends a final event with the reason, closes the connection and stops. */
  public void end(String event, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    buffer.clear();
    executor.execute(
        () -> {
          synchronized (this) {
            try {
              sink.send(
                  event,
                  null,
                  "{\"reason\":\""
                      + reason.replace("\"", "'")
                      + "\",\"lastEventId\":"
                      + lastSent
                      + "}");
            } finally {
              sink.close();
            }
          }
        });
    onClose.run();
  }

  private void schedule() {
    if (pumping.compareAndSet(false, true)) {
      executor.execute(this::pump);
    }
  }

  private void pump() {
    CompletionStage<?> last = null;
    try {
      synchronized (this) {
        if (closed || sink.isClosed()) {
          closeQuietly();
          return;
        }
        List<ChangeRecord> chunk = next();
        if (gap != null) {
          last = sink.send("gap", Long.toString(lastSent), gap);
          gap = null;
        }
        for (ChangeRecord record : chunk) {
          ChangeRecord shown = view.apply(record);
          if (shown != null) {
            last = sink.send("change", Long.toString(shown.sequence()), shown.data());
          }
          lastSent = record.sequence();
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("Change stream of %s/%s failed: %s", source, entity, e.toString());
      end("error", "the change stream failed; reconnect with Last-Event-ID");
      return;
    }
    if (last == null) {
      pumping.set(false);
      if (!buffer.isEmpty() || replaying) {
        schedule();
      }
      return;
    }
    last.whenCompleteAsync(
        (ignored, error) -> {
          if (error != null) {
            closeQuietly();
          } else {
            pump();
          }
        },
        executor);
  }

  /** The next chunk: from the log while replaying, then from the buffer. */
  private List<ChangeRecord> next() {
    while (replaying) {
      List<ChangeRecord> page = replay.after(lastSent, CHUNK);
      checkGap(page);
      if (!page.isEmpty()) {
        return page;
      }
      if (!live) {
        // From now on live changes are buffered; read the log once more for those in between.
        live = true;
        continue;
      }
      replaying = false;
    }
    List<ChangeRecord> chunk = new ArrayList<>();
    ChangeRecord record;
    while (chunk.size() < CHUNK && (record = buffer.poll()) != null) {
      buffered.decrementAndGet();
      if (record.sequence() > lastSent) {
        chunk.add(record);
      }
    }
    return chunk;
  }

  /**
   * Read after the page, so a prune that ran before the read shows: changes after {@code lastSent}
   * up to the pruned sequence are gone when the page starts above it. The gap event's id is the
   * pruned sequence, so a client that reconnects with it is not told again.
   */
  private void checkGap(List<ChangeRecord> page) {
    long pruned = replay.prunedThrough();
    if (pruned <= lastSent || (!page.isEmpty() && page.get(0).sequence() <= pruned)) {
      return;
    }
    gap =
        "{\"after\":"
            + lastSent
            + ",\"oldestAvailable\":"
            + (pruned + 1)
            + ",\"reason\":\"changes of this entity after "
            + lastSent
            + " up to "
            + pruned
            + " were pruned from the change log (retention) before this stream resumed\"}";
    lastSent = pruned;
  }

  private void closeQuietly() {
    if (!closed) {
      closed = true;
      buffer.clear();
      onClose.run();
    }
    pumping.set(false);
    if (!sink.isClosed()) {
      sink.close();
    }
  }
}
