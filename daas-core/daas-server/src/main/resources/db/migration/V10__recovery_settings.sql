-- Per-source overrides of the recovery settings (daas.recovery.*), as a JSON object whose absent
-- or null members fall back to the configured defaults (docs/api-guide.md, recovery settings).
-- Runs on H2 and PostgreSQL: keep to the SQL both accept (as V1).
CREATE TABLE recovery_settings (
    source_id BIGINT PRIMARY KEY,
    settings_json VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_recovery_settings_source FOREIGN KEY (source_id) REFERENCES source (id) ON DELETE CASCADE
);
