#!/usr/bin/env bash
# p50/p95/p99 of GET /events with filters, measured by wrk against a running `dateline serve`
# on a store of the seed and dev corpus (../shared). Usage: bench/latency.sh [DB] [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-/tmp/dateline-latency.db}
PORT=${2:-8791}
BIN=.venv/bin
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk"; exit 1; }
[ -d ../shared/corpus/dev ] || { echo "../shared/corpus/dev is absent: nothing to measure on"; exit 1; }
rm -f "$DB" "$DB-wal" "$DB-shm"
$BIN/dateline ingest ../shared/corpus/seed/article.txt --published 2024-12-07 --db "$DB"
$BIN/dateline ingest ../shared/corpus/dev/articles.jsonl --workers 2 --db "$DB"
$BIN/dateline serve --db "$DB" --port "$PORT" &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
echo "== one connection"
wrk -t1 -c1 -d15s -s bench/events-latency.lua "http://127.0.0.1:$PORT" | sed -n '/^requests:/,$p'
echo "== eight connections"
wrk -t2 -c8 -d15s -s bench/events-latency.lua "http://127.0.0.1:$PORT" | sed -n '/^requests:/,$p'
