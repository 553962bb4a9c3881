package dev.daas.connector.debezium;

import static java.util.Objects.requireNonNull;

/**
 * Something the database lacks for change data capture, found before the engine starts.
 *
 * @param code a stable code, e.g. {@code WAL_LEVEL_NOT_LOGICAL}
 * @param message what is wrong and how to fix it, one or two sentences for the integrator
 */
public record PreflightProblem(String code, String message) {
  public PreflightProblem {
    requireNonNull(code, "code is null");
    requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
