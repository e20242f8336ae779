-- wrk script: one of the corpus layer's lists (LIST=/linked-events, /claims, ...), with the
-- filters an analyst uses in turn, and the percentiles wrk's summary leaves out.
-- Run: LIST=/claims wrk -t2 -c8 -d15s -s bench/story-latency.lua http://127.0.0.1:8000
local lists = {
  ["/linked-events"] = {
    "/linked-events", "/linked-events?type=ASSAULT", "/linked-events?factuality=disputed",
    "/linked-events?actor=Houthis", "/linked-events?country=SY&date_from=2030-01",
    "/linked-events?bbox=30,10,60,40&limit=100", "/linked-events?q=Syria", "/linked-events?source=Copy%207",
    "/linked-events?background=yes", "/linked-events?offset=500",
  },
  ["/claims"] = {
    "/claims", "/claims?status=refuted", "/claims?actor=United%20States", "/claims?q=control",
    "/claims?stance=deny", "/claims?source=Wikinews&date_from=2025", "/claims?track_kind=source&track_name=Copy%203",
  },
  ["/contradictions"] = {
    "/contradictions", "/contradictions?kind=figure", "/contradictions?kind=denial", "/contradictions?actor=army",
    "/contradictions?country=SY", "/contradictions?q=killed&date_from=2030",
  },
  ["/track-record"] = {
    "/track-record", "/track-record?kind=source&sort=refuted", "/track-record?kind=speaker&sort=open&order=asc",
    "/track-record?name=army", "/track-record?offset=100",
  },
  ["/actors"] = {
    "/actors", "/actors?name=army", "/actors?type=PERSON", "/actors?offset=200&limit=100",
  },
}
local paths = lists[os.getenv("LIST") or "/linked-events"]
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
