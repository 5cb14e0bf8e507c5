#!/usr/bin/env bash
# The caucus benchmark (issue 6): caucus vs SQLite FTS5 vs ripgrep on a generated
# Model UN archive, in one run.
#
#   bench/run.sh --size 10M|200M|1G|5G [--runs N] [--build-runs N] [--wait-quiet SECONDS]
#   bench/run.sh --smoke                  # 10M, 1 run each; for CI
#
# Installs what is missing (ripgrep, GNU time, the sqlite3 shell) with apt-get,
# builds caucus (`cargo build --release`, target/release/caucus) and the in-process
# latency harness (bench/latency, built from a copy in bench/work/latency into the same
# target dir, so only the caucus library and the harness compile), generates the corpus
# once (cached under bench/work/), measures, prints the tables and writes
# bench/results-<size>.md (the smoke run writes bench/work/results-smoke.md).
# Exits non-zero if any step or tool fails.
#
# --wait-quiet S waits up to S seconds (default 0) before measuring until other processes
# use under 0.15 of a core (a compile beside the benchmark slows every figure); the
# results record how much CPU other processes used during each phase either way.
#
# --caucus-src DIR builds caucus (and links the harness) from another source tree of
# the same crate instead of this repository; for development only, the results say
# which tree was measured.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
WORK="$BENCH/work"
SIZE=""
RUNS=""
BUILD_RUNS=1
SMOKE=0
WAIT_QUIET=0
SRC="$REPO"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --build-runs) BUILD_RUNS="$2"; shift 2 ;;
    --smoke) SMOKE=1; shift ;;
    --caucus-src) SRC="$(cd "$2" && pwd)"; shift 2 ;;
    --wait-quiet) WAIT_QUIET="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [[ $SMOKE == 1 ]]; then
  SIZE=10M; RUNS=1; BUILD_RUNS=1
fi
[[ -n "$SIZE" ]] || { echo "usage: bench/run.sh --size 10M|200M|1G|5G [--runs N] | --smoke" >&2; exit 2; }
RUNS="${RUNS:-5}"

say() { echo "== $*" >&2; }

# ---- tools ----------------------------------------------------------------------------
need=()
command -v rg >/dev/null || need+=(ripgrep)
[[ -x /usr/bin/time ]] || need+=(time)
command -v sqlite3 >/dev/null || need+=(sqlite3)
if [[ ${#need[@]} -gt 0 ]]; then
  say "installing ${need[*]}"
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
python3 - <<'EOF'
import sqlite3
c = sqlite3.connect(":memory:")
c.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')")
EOF
sqlite3 :memory: "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61');" \
  || { echo "the sqlite3 shell has no FTS5" >&2; exit 1; }
say "tools: $(rg --version | sed -n 1p); sqlite3 $(sqlite3 --version | cut -d' ' -f1); python sqlite3 $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')"

# ---- builds ---------------------------------------------------------------------------
say "building caucus (release) in $SRC"
(cd "$SRC" && cargo build --release --quiet)
TARGET_DIR="$(cd "$SRC" && cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
CAUCUS="$TARGET_DIR/release/caucus"
[[ -x "$CAUCUS" ]] || { echo "no caucus binary at $CAUCUS" >&2; exit 1; }

say "building the latency harness"
# The harness is built from a copy under bench/work (so the tracked tree is never
# touched) that depends on the measured caucus tree by absolute path and uses that
# tree's Cargo.lock. For this repository it shares the caucus build's target dir:
# tantivy and every other dependency are reused, only the caucus library (a path
# dependency here, so a separate unit for cargo) and the harness are compiled.
LAT_SRC="$WORK/latency"
mkdir -p "$WORK"
rm -rf "$LAT_SRC"; mkdir -p "$LAT_SRC"
cp -r "$BENCH/latency/src" "$BENCH/latency/Cargo.toml" "$LAT_SRC/"
[[ -f "$SRC/Cargo.lock" ]] && cp "$SRC/Cargo.lock" "$LAT_SRC/"
sed -i "s#path = \"../..\"#path = \"$SRC\"#" "$LAT_SRC/Cargo.toml"
if [[ "$SRC" == "$REPO" ]]; then LAT_TARGET="$TARGET_DIR"; else LAT_TARGET="$WORK/target"; fi
t0=$SECONDS
CARGO_TARGET_DIR="$LAT_TARGET" cargo build --release --quiet --manifest-path "$LAT_SRC/Cargo.toml"
say "latency harness built in $((SECONDS - t0)) s"
LATENCY="$LAT_TARGET/release/caucus-latency"
# Measure copies: a `cargo build` run meanwhile in the same tree must not swap the
# binaries under a running benchmark.
mkdir -p "$WORK/bin"
cp "$CAUCUS" "$WORK/bin/caucus"; CAUCUS="$WORK/bin/caucus"
cp "$LATENCY" "$WORK/bin/caucus-latency"; LATENCY="$WORK/bin/caucus-latency"
REV="$(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || true)"
if [[ -n "$REV" ]]; then
  DIRTY="$(git -C "$SRC" status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null | wc -l)"
  [[ "$DIRTY" == 0 ]] || REV="$REV + $DIRTY changed file(s) under src/ or Cargo.*"
fi

# ---- corpus ---------------------------------------------------------------------------
mkdir -p "$WORK"
CORPUS="$WORK/corpus-$SIZE"
STAMP="$(sha256sum "$BENCH/gen_corpus.py" | cut -c1-16)-seed6"
if [[ ! -f "$CORPUS.stamp" || "$(cat "$CORPUS.stamp")" != "$STAMP" ]]; then
  say "generating the $SIZE corpus in $CORPUS"
  rm -rf "$CORPUS" "$CORPUS.stamp"
  python3 "$BENCH/gen_corpus.py" --out "$CORPUS" --size "$SIZE" --seed 6
  echo "$STAMP" > "$CORPUS.stamp"
else
  say "using the cached $SIZE corpus"
fi

# ---- wait for a quiet machine ------------------------------------------------------------
busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
if [[ "$WAIT_QUIET" -gt 0 ]]; then
  deadline=$((SECONDS + WAIT_QUIET))
  while :; do
    b0=$(busy); sleep 5; b1=$(busy)
    cores=$(awk -v d=$((b1 - b0)) -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", d / hz / 5}')
    if awk -v c="$cores" 'BEGIN {exit !(c < 0.15)}'; then say "machine quiet ($cores cores busy)"; break; fi
    if [[ $SECONDS -ge $deadline ]]; then say "machine still busy ($cores cores) after ${WAIT_QUIET} s; measuring anyway"; break; fi
    say "waiting for a quiet machine: $cores cores busy"
  done
fi

# ---- measure ----------------------------------------------------------------------------
if [[ $SMOKE == 1 ]]; then OUT="$WORK/results-smoke.md"; else OUT="$BENCH/results-$SIZE.md"; fi
say "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') memory"
SMOKE_FLAG=(); [[ $SMOKE == 1 ]] && SMOKE_FLAG=(--smoke)
python3 "$BENCH/bench.py" --size "$SIZE" --corpus "$CORPUS" --work "$WORK" \
  --caucus "$CAUCUS" --caucus-src "$SRC" --caucus-rev "$REV" --latency "$LATENCY" \
  --runs "$RUNS" --build-runs "$BUILD_RUNS" --out "$OUT" "${SMOKE_FLAG[@]}"
say "results written to $OUT"
