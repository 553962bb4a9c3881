-- The database alone, for the ratio in docs/benchmarks.md: the same single-row read that
-- get-by-key.lua asks the gateway for, sent by pgbench as a prepared statement.
--   pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 16 -j 2 -T 20 -f pgbench-get-by-key.sql test
\set id random(1, 200000)
SELECT * FROM bench.ord WHERE id = :id;
