package dev.daas.connector.debezium;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What a capture engine is doing, for the source's status.
 *
 * @param state the state
 * @param message why it failed or what it waits for, readable by the integrator (never holds
 *     credentials); null when running normally
 * @param since when the state was entered
 * @param eventsDelivered change events handed to the consumer since this engine started
 * @param lastSequence the sequence number of the last event delivered (or stored, before any)
 */
public record CaptureStatus(
    CaptureState state, String message, Instant since, long eventsDelivered, long lastSequence) {
  public CaptureStatus {
    requireNonNull(state, "state is null");
    requireNonNull(since, "since is null");
  }
}
