-- wrk script: GET one order by primary key, the key drawn at random from 1..KEY_MAX.
--   wrk -t2 -c16 -d20s --latency -s get-by-key.lua http://127.0.0.1:18080
-- Each thread seeds its own generator from its index, so runs are repeatable.
local key_max = tonumber(os.getenv("KEY_MAX") or "200000")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

-- The server requires a key (run.sh exports DAAS_BENCH_KEY and starts the server with it).
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("DAAS_BENCH_KEY") or "")

function init(args)
  math.randomseed(1000 + (id or 0))
end

function request()
  return wrk.format("GET", "/api/v1/bench/ord/" .. math.random(1, key_max))
end
