#!/usr/bin/env bash
# Writes the ten-topic stand-in for ten General Debates: every 2024 statement copied
# under ten different `Topic:` lines (1,938 papers when all 192 are present), then
# indexes it. Used to time allies/compare/blocs on a committee of ~1,900 papers.
#
#   bench/ungd_ten_topics.sh [DATA_DIR] [OUT_DIR]
#
# DATA_DIR defaults to $CAUCUS_DATA or ../shared/data (relative to the repository);
# OUT_DIR defaults to /tmp/caucus-ungd10 (corpus in OUT_DIR/corpus, index in OUT_DIR/index).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-${CAUCUS_DATA:-$repo/../shared/data}}"
out="${2:-/tmp/caucus-ungd10}"
src="$data/ungd-2024"
if [ ! -d "$src" ]; then
    echo "skipped: no statements at $src (set CAUCUS_DATA or pass the data folder)"
    exit 0
fi
bin="$repo/target/release/caucus"
[ -x "$bin" ] || (cd "$repo" && nice -n 5 cargo build --release --quiet)
rm -rf "$out"
mkdir -p "$out/corpus"
for year in 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024; do
    mkdir -p "$out/corpus/$year"
    for f in "$src"/*.txt; do
        sed "s/^Topic: .*/Topic: General Debate $year/" "$f" >"$out/corpus/$year/$(basename "$f")"
    done
done
"$bin" --index "$out/index" index "$out/corpus"
echo "corpus: $out/corpus  index: $out/index"
