package dev.daas.server.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeSubscriberTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aSubscriberThatStopsReadingIsCutOffWhileAFastOneGetsEveryChange() throws Exception {
    TestingSink stalled = new TestingSink(10);
    TestingSink fast = new TestingSink(Integer.MAX_VALUE);
    AtomicBoolean stalledClosed = new AtomicBoolean();
    ChangeSubscriber slow = subscriber(null, stalled, 100, () -> stalledClosed.set(true));
    ChangeSubscriber quick = subscriber(null, fast, 100, () -> {});
    slow.start();
    quick.start();

    long offerNanos = 0;
    for (long sequence = 1; sequence <= 1000; sequence += 10) {
      List<ChangeRecord> batch = records(sequence, sequence + 9);
      long started = System.nanoTime();
      slow.offer(batch);
      quick.offer(batch);
      offerNanos += System.nanoTime() - started;
      long offered = sequence + 9;
      awaitTrue(() -> fast.sequences().size() == offered); // a client that keeps up
    }
    long offerMillis = TimeUnit.NANOSECONDS.toMillis(offerNanos);

    awaitTrue(() -> fast.sequences().size() == 1000);
    awaitTrue(stalled::isClosed);
    assertThat(fast.sequences()).isEqualTo(LongStream.rangeClosed(1, 1000).boxed().toList());
    assertThat(offerMillis).as("offering never waits for a subscriber").isLessThan(2000);
    assertThat(slow.isClosed()).isTrue();
    assertThat(stalledClosed).isTrue();
    assertThat(stalled.names()).last().isEqualTo("cut-off");
    assertThat(stalled.lastData())
        .contains("more than 100 changes waiting")
        .contains("Last-Event-ID");
  }

  @Test
  void aResumedSubscriberGetsTheLogAfterItsPointThenLiveChangesWithoutGapsOrRepeats()
      throws Exception {
    List<ChangeRecord> log = Collections.synchronizedList(new ArrayList<>(records(1, 5)));
    TestingSink sink = new TestingSink(Integer.MAX_VALUE);
    ChangeSubscriber subscriber =
        new ChangeSubscriber(
            "s",
            "items",
            2L,
            sink,
            (after, limit) -> {
              List<ChangeRecord> page = new ArrayList<>();
              synchronized (log) {
                for (ChangeRecord r : log) {
                  if (r.sequence() > after && page.size() < limit) {
                    page.add(r);
                  }
                }
              }
              return page;
            },
            executor,
            100,
            () -> {});
    subscriber.start();
    awaitTrue(() -> sink.sequences().size() == 3);
    log.addAll(records(6, 7));
    subscriber.offer(records(5, 7));
    subscriber.offer(List.of(new ChangeRecord(8, "other", "{}")));

    awaitTrue(() -> sink.sequences().size() >= 5);
    Thread.sleep(200);
    assertThat(sink.sequences()).containsExactly(3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void aPruneWhileCatchingUpShowsAsAGapEventBeforeTheChangesKept() throws Exception {
    List<ChangeRecord> log = Collections.synchronizedList(new ArrayList<>(records(1, 300)));
    java.util.concurrent.atomic.AtomicLong horizon = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    ChangeSubscriber.Replay replay =
        new ChangeSubscriber.Replay() {
          @Override
          public List<ChangeRecord> after(long sequence, int limit) {
            if (reads.incrementAndGet() == 2) {
              // retention ran between the first and the second page
              log.removeIf(r -> r.sequence() <= 280);
              horizon.set(280);
            }
            synchronized (log) {
              return log.stream().filter(r -> r.sequence() > sequence).limit(limit).toList();
            }
          }

          @Override
          public long prunedThrough() {
            return horizon.get();
          }
        };
    TestingSink sink = new TestingSink(Integer.MAX_VALUE);
    new ChangeSubscriber("s", "items", 0L, sink, replay, executor, 1000, () -> {}).start();

    awaitTrue(() -> sink.names().size() >= ChangeSubscriber.CHUNK + 1 + 20);
    List<String> names = sink.names();
    assertThat(names.subList(0, ChangeSubscriber.CHUNK)).containsOnly("change");
    assertThat(names.get(ChangeSubscriber.CHUNK)).isEqualTo("gap");
    assertThat(sink.sequences())
        .containsExactlyElementsOf(
            java.util.stream.Stream.concat(
                    LongStream.rangeClosed(1, ChangeSubscriber.CHUNK).boxed(),
                    LongStream.rangeClosed(281, 300).boxed())
                .toList());
  }

  private ChangeSubscriber subscriber(Long after, TestingSink sink, int bound, Runnable onClose) {
    return new ChangeSubscriber(
        "s", "items", after, sink, (sequence, limit) -> List.of(), executor, bound, onClose);
  }

  private static List<ChangeRecord> records(long from, long to) {
    return LongStream.rangeClosed(from, to)
        .mapToObj(s -> new ChangeRecord(s, "items", "{\"sequence\":" + s + "}"))
        .toList();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** Records events; after {@code capacity} sends its writes never complete (a stalled client). */
  private static final class TestingSink implements EventSink {
    private final int capacity;
    private final List<String[]> sent = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    TestingSink(int capacity) {
      this.capacity = capacity;
    }

    @Override
    public CompletionStage<?> send(String name, String id, String data) {
      sent.add(new String[] {name, id, data});
      return sent.size() > capacity
          ? new CompletableFuture<>()
          : CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> comment(String text) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    List<Long> sequences() {
      synchronized (sent) {
        return sent.stream()
            .filter(e -> e[0].equals("change"))
            .map(e -> Long.parseLong(e[1]))
            .toList();
      }
    }

    List<String> names() {
      synchronized (sent) {
        return sent.stream().map(e -> e[0]).toList();
      }
    }

    String lastData() {
      synchronized (sent) {
        return sent.get(sent.size() - 1)[2];
      }
    }
  }
}
