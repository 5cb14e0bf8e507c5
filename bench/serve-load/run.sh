#!/usr/bin/env bash
# Load on `caucus serve` (issue 15): the generated benchmark corpus (200M by default),
# indexed once, served from 127.0.0.1; 2 clients send 10,000 requests to /api/search
# and then 10,000 to /api/who; p50/p90/p99, errors and the server's memory (VmRSS)
# before and after each run.
#
#   bench/serve-load/run.sh [--size 200M] [--clients 2] [--requests 10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE=200M CLIENTS=2 REQUESTS=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --requests) REQUESTS=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
WORK=bench/work
mkdir -p "$WORK"
cargo build --release --quiet
cargo build --release --quiet --manifest-path bench/serve-load/Cargo.toml --target-dir target
CAUCUS=target/release/caucus
LOAD=target/release/caucus-serve-load
CORPUS=$WORK/corpus-$SIZE INDEX=$WORK/index-$SIZE
[ -d "$CORPUS" ] || python3 bench/gen_corpus.py --out "$CORPUS" --size "$SIZE"
[ -f "$INDEX/meta.json" ] || "$CAUCUS" --index "$INDEX" index "$CORPUS"

OUT=$(mktemp)
"$CAUCUS" --index "$INDEX" --json serve --port 0 >"$OUT" 2>/dev/null &
PID=$!
trap 'kill -INT $PID 2>/dev/null || true; rm -f "$OUT"' EXIT
for _ in $(seq 100); do grep -q '"url"' "$OUT" && break; sleep 0.1; done
PORT=$(sed -n 's/.*"url":"http:\/\/127.0.0.1:\([0-9]*\)\/".*/\1/p' "$OUT")
[ -n "$PORT" ] || { echo "caucus serve did not start" >&2; exit 1; }
echo "caucus serve on port $PORT (pid $PID), index $INDEX ($(du -sh "$INDEX" | cut -f1))"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for api in ${APIS:-search who who-plain}; do
  # One pass over the queries first, so every run starts warm.
  SERVER_PID=$PID "$LOAD" --port "$PORT" --clients 1 --requests 20 --paths "bench/serve-load/$api.paths" --label "warm-$api" >/dev/null
  SERVER_PID=$PID "$LOAD" --port "$PORT" --clients "$CLIENTS" --requests "$REQUESTS" \
    --paths "bench/serve-load/$api.paths" --label "$api"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
