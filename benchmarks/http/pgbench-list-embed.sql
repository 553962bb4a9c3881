-- The database alone: the two statements the gateway runs for one list-embed.lua request
-- (a filtered 51-row page, then the customers of that page in one IN query).
--   pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 16 -j 2 -T 20 -f pgbench-list-embed.sql test
\set from random(1, 199000)
SELECT * FROM bench.ord WHERE status = 'A' AND id >= :from ORDER BY id LIMIT 51;
SELECT * FROM bench.cust WHERE id IN (SELECT cust_id FROM bench.ord WHERE status = 'A' AND id >= :from ORDER BY id LIMIT 51);
