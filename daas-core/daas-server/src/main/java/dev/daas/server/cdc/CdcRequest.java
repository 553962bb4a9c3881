package dev.daas.server.cdc;

import java.util.List;

/**
 * The body of {@code POST /admin/v1/sources/{name}/cdc}.
 *
 * @param enabled required: start (true) or stop (false) capture
 * @param snapshotMode optional: {@code no_data} (default: changes from now on), {@code initial},
 *     {@code initial_only}, {@code never}, {@code always}, {@code when_needed}
 * @param tables optional: {@code schema.table} names to capture; absent or empty captures the
 *     tables of the source's current model
 */
public record CdcRequest(Boolean enabled, String snapshotMode, List<String> tables) {}
