package dev.daas.server.security;

import java.time.Instant;

/**
 * One audited call. Holds no secret (no key, no header, no body) and no value of any row: {@code
 * filter} is the caller's own filter text.
 */
public record AuditEvent(
    Long id,
    Instant at,
    String caller,
    String roles,
    String method,
    String path,
    String source,
    String entity,
    String operation,
    String filter,
    Integer rows,
    int status,
    long latencyMs) {}
