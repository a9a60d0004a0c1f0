-- POST /api/households/{id}/evaluations for a random one of HOUSEHOLDS registered households.
-- DELAY_MS paces each connection (wrk's closed loop otherwise runs flat out).
local households = tonumber(os.getenv("HOUSEHOLDS") or "2000")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
wrk.method = "POST"
wrk.headers["Authorization"] = os.getenv("AUTH")
request = function()
  local path = string.format("/api/households/520102-B%06d/evaluations?asOf=2020-06-30", math.random(1, households))
  return wrk.format(nil, path)
end
delay = function() return pause end
