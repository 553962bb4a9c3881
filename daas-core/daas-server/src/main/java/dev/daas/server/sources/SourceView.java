package dev.daas.server.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A source as the admin API shows it: never the password, only whether one is set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(
    String name,
    String url,
    String user,
    boolean hasPassword,
    List<String> schemas,
    Instant createdAt,
    Instant updatedAt,
    Instant lastIntrospectedAt,
    String lastError,
    Integer modelVersion,
    Boolean reachable,
    String reachability) {}
