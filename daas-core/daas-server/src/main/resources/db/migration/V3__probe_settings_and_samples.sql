-- Per-source probe settings beyond the switch, and value samples (docs/probe-protocol.md).
-- Runs on H2 and PostgreSQL: keep to the SQL both accept (as V1).

-- Send interval the server asks of the source's probes (null: the default, 5 s), and whether
-- probes may send SQL texts with their literal values (off unless an integrator turns it on).
ALTER TABLE probe_settings ADD COLUMN send_interval_seconds INTEGER;
ALTER TABLE probe_settings ADD COLUMN value_sampling BOOLEAN DEFAULT FALSE NOT NULL;

-- Up to 10 distinct SQL texts with literals per evidence row, as a JSON array; null when none.
ALTER TABLE statement_evidence ADD COLUMN samples VARCHAR(16000);
