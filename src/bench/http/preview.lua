-- POST /api/recommendations with the policy's first worked example (the body in preview.json).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("AUTH")
local dir = os.getenv("BENCH_DIR") or "src/bench/http"
local f = io.open(dir .. "/preview.json", "r"); wrk.body = f:read("*a"); f:close()
local pause = tonumber(os.getenv("DELAY_MS") or "0")
delay = function() return pause end
