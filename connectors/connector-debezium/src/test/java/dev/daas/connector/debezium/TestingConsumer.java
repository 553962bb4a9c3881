package dev.daas.connector.debezium;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A {@link ChangeConsumer} that keeps every event with its arrival time, for assertions. */
final class TestingConsumer implements ChangeConsumer {
  /** An event and when it arrived ({@link System#nanoTime()}). */
  record Arrival(ChangeEvent event, long nanos) {}

  private final List<Arrival> arrivals = new ArrayList<>();

  @Override
  public synchronized void accept(List<ChangeEvent> batch) {
    long now = System.nanoTime();
    for (ChangeEvent event : batch) {
      arrivals.add(new Arrival(event, now));
    }
    notifyAll();
  }

  synchronized List<ChangeEvent> events() {
    return arrivals.stream().map(Arrival::event).toList();
  }

  synchronized List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  /** Waits until the events received satisfy the condition; fails after the timeout. */
  synchronized List<ChangeEvent> awaitEvents(
      Predicate<List<ChangeEvent>> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(events())) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("timed out; events so far: " + events());
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return events();
  }
}
