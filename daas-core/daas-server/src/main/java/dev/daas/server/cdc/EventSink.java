package dev.daas.server.cdc;

import java.util.concurrent.CompletionStage;

/** Where a change stream writes: a server-sent event connection, or a fake in tests. */
public interface EventSink {
  /** Sends one event; the stage completes when it was written out (or failed). */
  CompletionStage<?> send(String name, String id, String data);

  /** Sends a comment line, e.g. to open the stream at once. */
  CompletionStage<?> comment(String text);

  void close();

  boolean isClosed();
}
