#!/usr/bin/env bash
# p50/p95/p99 measured by wrk against a running `dateline serve`:
# - GET /events with filters, on a store of the seed and dev corpus (../shared);
# - each list of the corpus layer (/linked-events, /claims, /contradictions, /track-record,
#   /actors) with filters at 8 connections, on a store of 10,000 documents made by copying
#   the dev corpus's records (bench/big_store.py: shifted dates, other outlets' names, a
#   numbered line added to each copy). Target: p95 at most 100 ms.
# Usage: bench/latency.sh [DB] [PORT] [BIG_DB]; the large store is kept and reused (BIG_DB,
# default /tmp/dateline-latency-10k.db): delete it to make it again (about 5 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/dateline-latency.db}
PORT=${2:-8791}
BIG=${3:-/tmp/dateline-latency-10k.db}
BIN=${BIN:-.venv/bin}
SIZE=${SIZE:-10000}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk"; exit 1; }
[ -d ../shared/corpus/dev ] || { echo "../shared/corpus/dev is absent: nothing to measure on"; exit 1; }
rm -f "$DB" "$DB-wal" "$DB-shm"
$BIN/python -m dateline ingest ../shared/corpus/seed/article.txt --published 2024-12-07 --db "$DB"
$BIN/python -m dateline ingest ../shared/corpus/dev/articles.jsonl --workers 2 --db "$DB"
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null' EXIT

serve() {
  $BIN/python -m dateline serve --db "$1" --port "$PORT" &
  server=$!
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return; sleep 0.1; done
  echo "the server did not start"; exit 1
}

serve "$DB"
echo "== GET /events, $(curl -s "http://127.0.0.1:$PORT/health" | sed 's/.*"documents":\([0-9]*\).*/\1/') documents, one connection"
wrk -t1 -c1 -d15s -s bench/events-latency.lua "http://127.0.0.1:$PORT" | sed -n '/^requests:/,$p'
echo "== GET /events, eight connections"
wrk -t2 -c8 -d15s -s bench/events-latency.lua "http://127.0.0.1:$PORT" | sed -n '/^requests:/,$p'
kill $server; wait $server 2>/dev/null || true; server=

[ -f "$BIG" ] || $BIN/python bench/big_store.py "$DB" "$BIG" "$SIZE"
serve "$BIG"
documents=$(curl -s "http://127.0.0.1:$PORT/health" | sed 's/.*"documents":\([0-9]*\).*/\1/')
for list in /linked-events /claims /contradictions /track-record /actors; do
  curl -sf "http://127.0.0.1:$PORT$list" >/dev/null  # warm: the first request opens the store
  echo "== GET $list with filters, $documents documents, eight connections"
  LIST=$list wrk -t2 -c8 -d15s -s bench/story-latency.lua "http://127.0.0.1:$PORT" | sed -n '/^requests:/,$p'
done
