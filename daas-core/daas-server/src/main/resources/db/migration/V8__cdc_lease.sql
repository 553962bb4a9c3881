-- Which server instance captures a source (docs/change-streams.md, "Several instances"): an
-- instance runs a source's capture engine only while it holds the lease, renewing it well before
-- expires_at; another instance takes over once it has expired.
-- Runs on H2 and PostgreSQL: keep to the SQL both accept (as V1).
CREATE TABLE cdc_lease (
    source_id BIGINT PRIMARY KEY,
    holder VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_cdc_lease_source FOREIGN KEY (source_id) REFERENCES source (id) ON DELETE CASCADE
);
