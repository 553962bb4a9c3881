-- The ERP sample's JDBC-heavy read pages, in a fixed rotation (ids the sample's seed data has).
local paths = {}
for i = 1, 60 do
  paths[#paths + 1] = "/customers/" .. i
  paths[#paths + 1] = "/customers/" .. i .. "/orders"
  paths[#paths + 1] = "/orders/" .. (i * 2)
  if i % 10 == 0 then paths[#paths + 1] = "/customers?stat=A" end
end
local n = 0
request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end
