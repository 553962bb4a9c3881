package dev.daas.server.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A registered webhook as stored; {@code cursor} is the sequence of the last change handled. The
 * sealed secret is never serialized.
 */
public record Webhook(
    String id,
    String source,
    @JsonIgnore long sourceId,
    String url,
    List<String> entities,
    String role,
    String description,
    @JsonIgnore String sealedSecret,
    long cursor,
    Instant createdAt) {}
