package dev.daas.server.cdc.ws;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.Map;

/** The {@code ?after=} of a WebSocket change stream: a change sequence to resume after. */
final class ResumePoint {
  private ResumePoint() {}

  /** The sequence, or null (live changes only) when absent. */
  static Long parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long sequence = Long.parseLong(value.trim());
      if (sequence >= 0) {
        return sequence;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DaasException(
        ErrorCode.VALIDATION_FAILED,
        "after must be an event id (a sequence number >= 0), not '" + value + "'",
        Map.of("field", "after"));
  }
}
