package dev.daas.server.cdc;

import java.util.List;

/** A stream's replay from the durable change log: one entity of one source, and its horizon. */
public record LogReplay(ChangeLog log, ChangeLogRetention retention, long sourceId, String entity)
    implements ChangeSubscriber.Replay {
  @Override
  public List<ChangeRecord> after(long sequence, int limit) {
    return log.after(sourceId, entity, sequence, limit);
  }

  @Override
  public long prunedThrough() {
    return retention.prunedThrough(sourceId, List.of(entity));
  }
}
