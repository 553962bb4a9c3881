-- Leases that let one server instance of several do a job (docs/change-streams.md, "Operations"):
-- capture of a source (name cdc:<source id>), delivery of a webhook (webhook:<id>). The holder
-- renews its lease well before expires_at; another instance takes the job over once it expired.
-- Runs on H2 and PostgreSQL: keep to the SQL both accept (as V1).
CREATE TABLE lease (
    name VARCHAR(200) PRIMARY KEY,
    holder VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
