-- Benchmark schema "bench" on the local PostgreSQL database "test":
-- 20,000 customers and 200,000 orders with a declared foreign key (indexed).
-- Deterministic (generate_series and arithmetic only). Re-running rebuilds the schema from
-- scratch; run.sh runs this file only when the row counts are not already right.
--   psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -f setup-postgres.sql
\set ON_ERROR_STOP on
BEGIN;
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;

CREATE TABLE bench.cust (
  id           integer       PRIMARY KEY,
  name         varchar(100)  NOT NULL,
  email        varchar(120)  NOT NULL UNIQUE,
  status       char(1)       NOT NULL,
  region       char(3)       NOT NULL,
  credit_limit numeric(19,4) NOT NULL,
  active       boolean       NOT NULL,
  created_at   timestamptz   NOT NULL
);

CREATE TABLE bench.ord (
  id          bigint        PRIMARY KEY,
  cust_id     integer       NOT NULL REFERENCES bench.cust (id),
  status      char(1)       NOT NULL,
  ordered_at  timestamp     NOT NULL,
  ship_date   date,
  total       numeric(19,4) NOT NULL,
  currency    char(3)       NOT NULL,
  line_count  smallint      NOT NULL,
  rush        boolean       NOT NULL,
  note        varchar(200)
);
CREATE INDEX ord_cust_id_idx ON bench.ord (cust_id);

INSERT INTO bench.cust
SELECT i,
       'Customer ' || i,
       'cust' || i || '@bench.example',
       (ARRAY['A', 'A', 'A', 'I', 'B'])[1 + i % 5],
       (ARRAY['NOR', 'SUD', 'OST', 'WES'])[1 + i % 4],
       ((i::bigint * 7919) % 50000) * 10 + (i % 10000) / 10000.0,
       i % 7 <> 0,
       timestamptz '2015-01-01 00:00:00+00' + (i * 3571) * interval '1 minute'
FROM generate_series(1, 20000) AS i;

-- Status A for 40% of the orders, S and C for 30% each.
INSERT INTO bench.ord
SELECT i,
       1 + (i * 37) % 20000,
       (ARRAY['A', 'A', 'S', 'S', 'S', 'C', 'C', 'C', 'A', 'A'])[1 + i % 10],
       timestamp '2020-01-01 00:00:00' + (i * 631) * interval '1 second',
       CASE WHEN i % 10 IN (0, 1, 8, 9) THEN NULL
            ELSE date '2020-01-03' + (i * 631 / 86400) END,
       ((i::bigint * 104729) % 1000000) / 100.0 + 0.0042,
       CASE WHEN i % 9 = 0 THEN 'CHF' ELSE 'EUR' END,
       1 + i % 8,
       i % 13 = 0,
       CASE WHEN i % 4 = 0 THEN 'deliver to gate ' || (i % 12) ELSE NULL END
FROM generate_series(1, 200000) AS i;

COMMIT;
ANALYZE bench.cust;
ANALYZE bench.ord;
