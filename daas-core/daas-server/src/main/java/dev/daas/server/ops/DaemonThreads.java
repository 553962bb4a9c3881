package dev.daas.server.ops;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the server's background work: daemon threads (a stuck one never keeps the
 * JVM from exiting), named so a thread dump says what each does.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Threads all named {@code name}. */
  public static ThreadFactory named(String name) {
    return r -> daemon(r, name);
  }

  /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> daemon(r, prefix + "-" + count.incrementAndGet());
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
