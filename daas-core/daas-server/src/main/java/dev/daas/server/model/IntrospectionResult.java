package dev.daas.server.model;

import java.time.Instant;

/**
 * What an introspection produced.
 *
 * @param changed false when the recovered model equals the current version (no new version)
 * @param recovery what evidence the recovery used and what it inferred beyond the catalog
 */
public record IntrospectionResult(
    String source,
    int version,
    String contentHash,
    boolean changed,
    int entities,
    int relationships,
    Instant createdAt,
    long durationMillis,
    dev.daas.server.recovery.RecoverySummary recovery) {}
