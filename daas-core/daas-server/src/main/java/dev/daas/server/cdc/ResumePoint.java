package dev.daas.server.cdc;

import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
import java.util.Map;

/** Where a change stream resumes: the sequence of the last change the client has. */
public final class ResumePoint {
  private ResumePoint() {}

  /**
   * The sequence, or null (live changes only) when absent.
   *
   * @param names how the request called it, for the message ({@code after})
   * @param field the problem's {@code field}
   */
  public static Long parse(String value, String names, String field) {
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
        names + " must be an event id (a sequence number >= 0), not '" + value + "'",
        Map.of("field", field));
  }
}
