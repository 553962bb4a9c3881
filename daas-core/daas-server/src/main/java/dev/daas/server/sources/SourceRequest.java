package dev.daas.server.sources;

import java.util.List;

/** The body of {@code POST /admin/v1/sources}. */
public record SourceRequest(
    String name, String url, String user, String password, List<String> schemas) {}
