package dev.daas.server.cdc;

/**
 * Fired (synchronously) by the source service just before a source is removed, while its connection
 * settings can still be read: capture stops and drops what it keeps for the source.
 *
 * @param source the source name
 */
public record SourceRemoved(String source) {}
