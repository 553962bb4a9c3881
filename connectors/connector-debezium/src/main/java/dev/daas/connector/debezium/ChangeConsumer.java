package dev.daas.connector.debezium;

import java.util.List;

/**
 * Receives captured changes, one batch at a time, in log order, on one engine thread. The batch's
 * offsets are saved only after this returns normally; if it throws, the engine stops and the status
 * turns failed, and a restart delivers the batch again. Must not block for long: capture waits for
 * it.
 */
@FunctionalInterface
public interface ChangeConsumer {
  void accept(List<ChangeEvent> batch) throws Exception;
}
