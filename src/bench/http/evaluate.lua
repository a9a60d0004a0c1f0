-- POST /api/households/{id}/evaluations for a random household: one of the ids in the file HOUSEHOLD_IDS (one a
-- line), or else one of HOUSEHOLDS households registered by register.py (520102-B000001…).
-- DELAY_MS paces each connection (wrk's closed loop otherwise runs flat out).
local ids = {}
local file = os.getenv("HOUSEHOLD_IDS")
if file then
  for line in io.lines(file) do ids[#ids + 1] = line end
else
  for n = 1, tonumber(os.getenv("HOUSEHOLDS") or "2000") do ids[n] = string.format("520102-B%06d", n) end
end
local pause = tonumber(os.getenv("DELAY_MS") or "0")
wrk.method = "POST"
wrk.headers["Authorization"] = os.getenv("AUTH")
request = function()
  return wrk.format(nil, "/api/households/" .. ids[math.random(1, #ids)] .. "/evaluations?asOf=2020-06-30")
end
delay = function() return pause end
