package dev.daas.model.error;

/**
 * Stable error codes. The HTTP layer maps each to its status and renders an RFC 9457 problem whose
 * {@code type} ends in the lower-case, dash-separated code. Codes are part of the API contract: add
 * new ones, never rename.
 */
public enum ErrorCode {
  UNKNOWN_SOURCE(404),
  UNKNOWN_ENTITY(404),
  UNKNOWN_FIELD(400),
  UNKNOWN_EMBED(400),
  UNKNOWN_PARAMETER(400),
  MALFORMED_FILTER(400),
  MALFORMED_SORT(400),
  MALFORMED_FIELDS(400),
  TYPE_MISMATCH(400),
  NOT_FILTERABLE(400),
  INVALID_LIMIT(400),
  LIMIT_TOO_LARGE(400),
  BAD_CURSOR(400),
  BAD_KEY(400),
  NO_KEY(400),
  EMBED_TOO_DEEP(400),
  EMBED_TOO_LARGE(400),
  NOT_FOUND(404),
  VALIDATION_FAILED(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  PAYLOAD_TOO_LARGE(413),
  CONFLICT(409),
  NO_MODEL(409),
  SOURCE_UNAVAILABLE(503),
  QUERY_TIMEOUT(504),
  SOURCE_ERROR(502),
  /** The source keeps no statement statistics (or the connector cannot read them). */
  STATEMENT_STATS_UNAVAILABLE(409),
  /** The caller's key or role made too many requests; the answer carries {@code Retry-After}. */
  RATE_LIMITED(429),
  INTERNAL(500);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The code as it appears in problem documents: {@code malformed-filter}. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
