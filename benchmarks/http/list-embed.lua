-- wrk script: a filtered 50-row page of orders with their customer embedded (one embed
-- query per page). The lower id bound is random, so the pages differ:
--   GET /api/v1/bench/ord?filter=status = 'A' AND id >= N&limit=50&embed=cust
--   wrk -t2 -c16 -d20s --latency -s list-embed.lua http://127.0.0.1:18080
local id_max = tonumber(os.getenv("LIST_ID_MAX") or "199000")
local embed = os.getenv("EMBED") or "cust"
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

-- The server requires a key (run.sh exports DAAS_BENCH_KEY and starts the server with it).
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("DAAS_BENCH_KEY") or "")

function init(args)
  math.randomseed(2000 + (id or 0))
end

function request()
  local from = math.random(1, id_max)
  -- status = 'A' AND id >= <from>, percent-encoded
  local filter = "status%20%3D%20%27A%27%20AND%20id%20%3E%3D%20" .. from
  return wrk.format("GET", "/api/v1/bench/ord?filter=" .. filter .. "&limit=50&embed=" .. embed)
end
