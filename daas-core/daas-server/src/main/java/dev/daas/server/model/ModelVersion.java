package dev.daas.server.model;

import dev.daas.model.DataModel;
import java.time.Instant;

/** A model snapshot in memory: the model and which version of it this is. */
public record ModelVersion(int version, String contentHash, Instant createdAt, DataModel model) {}
