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
 * @param dropSlot optional, with {@code enabled: false} only: also drop what capture keeps (the
 *     PostgreSQL replication slot, which otherwise holds WAL until capture resumes, its
 *     publication, and the stored offsets); capture enabled again starts afresh, and changes made
 *     in between are never delivered
 */
public record CdcRequest(
    Boolean enabled, String snapshotMode, List<String> tables, Boolean dropSlot) {}
