package dev.daas.model.error;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A typed error raised by any stage: a stable code, a message meant for the caller, and details
 * (for example the position of a filter error). Messages never hold secrets or row values.
 */
public class DaasException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> details;

  public DaasException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public DaasException(ErrorCode code, String message, Map<String, Object> details) {
    this(code, message, details, null);
  }

  public DaasException(
      ErrorCode code, String message, Map<String, Object> details, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code is null");
    this.details = Map.copyOf(requireNonNull(details, "details is null"));
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }
}
