-- Coarse change notifications and the change log's horizon (docs/change-streams.md).
-- Runs on H2 and PostgreSQL: keep to the SQL both accept (as V1).

-- channel: null for changes captured from the database log; 'probe' for coarse notifications made
-- from the writes a reflection probe observed (no key, no images). change_count: how many
-- executions a coarse notification stands for; null for captured changes.
ALTER TABLE cdc_change ADD COLUMN channel VARCHAR(16);
ALTER TABLE cdc_change ADD COLUMN change_count BIGINT;

-- Per source and entity, the highest sequence of a change of that entity that pruning removed
-- from cdc_change: a stream or webhook of the entity that resumes after a lower one has missed
-- changes and is told so.
CREATE TABLE cdc_horizon (
    source_id BIGINT NOT NULL,
    entity VARCHAR(512) NOT NULL,
    pruned_through BIGINT NOT NULL,
    PRIMARY KEY (source_id, entity),
    CONSTRAINT fk_cdc_horizon_source FOREIGN KEY (source_id) REFERENCES source (id) ON DELETE CASCADE
);
