-- wrk script: GET /events with the filters analysts use, in turn, and the latency
-- percentiles wrk's own summary leaves out (p50, p95, p99).
-- Run: wrk -t2 -c8 -d20s -s bench/events-latency.lua http://127.0.0.1:8000
local paths = {
  "/events?country=AF&type=ASSAULT",
  "/events?factuality=asserted&date_from=2019-01-01&date_to=2019-12-31",
  "/events?bbox=30,10,60,40&limit=100",
  "/events?source=White%20House&q=Syria",
  "/events?type=PROTEST&offset=10&limit=10",
  "/events?speaker=Trump",
}
local i = 0

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d in %.1f s, %.1f per second; errors: %d non-2xx, %d socket\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
