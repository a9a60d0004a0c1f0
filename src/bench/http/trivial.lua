-- GET /api/me: the same security chain as a preview (Basic sign-in, the account read) and nothing else,
-- the second line under the HTTP figures (static.lua is the floor). DELAY_MS paces each connection.
wrk.method = "GET"
wrk.headers["Authorization"] = os.getenv("AUTH")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
delay = function() return pause end
