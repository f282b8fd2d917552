-- wrk script: POSTs the articles of a JSON Lines file (one a line) to
-- /v1/query in turn, each connection starting at its own line, and prints
-- one line "rps p50_ms p99_ms non2xx errors" at the end.
--   wrk -s tests/bench/serve_queries.lua URL -- FILE
local bodies, n, at = {}, 0, 0
local threads, started = {}, 0

function setup(thread)
    thread:set("first", started)
    started = started + 1
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then
            n = n + 1
            bodies[n] = line
        end
    end
    at = (first * 97) % n
end

function request()
    at = at % n + 1
    return wrk.format("POST", "/v1/query",
                      { ["Content-Type"] = "application/json" }, bodies[at])
end

function done(summary, latency, requests)
    local s = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format("%.1f %.1f %.1f %d %d\n", summary.requests / s,
        latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
        e.status, e.connect + e.read + e.write + e.timeout))
end
