#!/usr/bin/env bash
# Times `allies`, `compare` and `blocs` as whole processes on the ten-topic stand-in
# (bench/ungd_ten_topics.sh builds it): median wall and user time of RUNS runs each,
# with /usr/bin/time.
#
#   bench/similarity_times.sh [INDEX_DIR] [RUNS] [BINARY]
#
# INDEX_DIR defaults to /tmp/caucus-ungd10/index, RUNS to 5, BINARY to
# target/release/caucus. Give two binaries' figures side by side by running it twice.
# The first run of each command is reported on its own line: on an index where no
# command has run yet, it is the one that reads the text and keeps the profile
# features beside the index (caucus-features.bin) for the runs after it.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
index="${1:-/tmp/caucus-ungd10/index}"
runs="${2:-5}"
bin="${3:-$repo/target/release/caucus}"
if [ ! -d "$index" ]; then
    echo "skipped: no index at $index (run bench/ungd_ten_topics.sh first)"
    exit 0
fi
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
raw="$(mktemp)"
trap 'rm -f "$raw"' EXIT
for c in "allies France" "compare Belgium Netherlands" "blocs --committee GA"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "$c (first run)|%e|%U" "$bin" --index "$index" $c >/dev/null 2>>"$raw"
done
for _ in $(seq "$runs"); do
    for c in "allies France" "compare Belgium Netherlands" "blocs --committee GA"; do
        # shellcheck disable=SC2086
        /usr/bin/time -f "$c|%e|%U" "$bin" --index "$index" $c >/dev/null 2>>"$raw"
    done
done
python3 - "$raw" "$runs" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    parts = line.strip().split("|")
    if len(parts) == 3:
        rows.setdefault(parts[0], []).append((float(parts[1]), float(parts[2])))
print(f"| command | wall (median of {sys.argv[2]}) | user (median) |")
print("|---|---:|---:|")
for cmd, xs in rows.items():
    print(f"| `{cmd}` | {statistics.median(x[0] for x in xs):.2f} s | {statistics.median(x[1] for x in xs):.2f} s |")
EOF
