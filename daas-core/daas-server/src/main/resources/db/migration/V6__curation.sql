-- Curation of a source's recovered model (docs/api-guide.md, "Curation"): what people decided,
-- kept apart from evidence and applied again at every recovery. Runs on H2 and PostgreSQL.
CREATE TABLE curation (
    source_id BIGINT PRIMARY KEY,
    entries_json TEXT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_curation_source FOREIGN KEY (source_id) REFERENCES source (id) ON DELETE CASCADE
);
