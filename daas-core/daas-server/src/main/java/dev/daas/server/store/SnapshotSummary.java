package dev.daas.server.store;

import java.time.Instant;

/** A model version without its document. */
public record SnapshotSummary(
    int version,
    String contentHash,
    int formatVersion,
    int entities,
    int relationships,
    Instant createdAt) {}
