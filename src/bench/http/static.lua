-- GET /dashboard.css: a small static file through the same filter chain as a preview, without a sign-in and
-- without the database: the floor of the HTTP figures (what this web stack serves on this machine at all).
-- DELAY_MS paces each connection.
wrk.method = "GET"
local pause = tonumber(os.getenv("DELAY_MS") or "0")
delay = function() return pause end
