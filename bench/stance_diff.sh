#!/usr/bin/env bash
# The `who` rows whose stance differs between two builds of caucus, over a list of
# queries, on one index (for example the 2024 General Debate statements):
#
#   bench/stance_diff.sh OLD_CAUCUS NEW_CAUCUS INDEX_DIR [QUERIES_FILE]
#
# QUERIES_FILE holds one query a line; without it, the list below. Prints
# "[query] country: old -> new" for each row that changed, then the count.
set -euo pipefail
old="$1" new="$2" index="$3"
if [ -n "${4:-}" ]; then
    mapfile -t queries < "$4"
else
    queries=(veto "nuclear weapons" "climate finance" sanctions "death penalty"
        "Security Council reform" "two-state solution" "artificial intelligence"
        "debt relief" migration "arms trade" "fossil fuels" "plastic pollution" tariffs
        "weapons of mass destruction" ceasefire occupation multilateralism terrorism
        "loss and damage" coal "renewable energy" "human rights" peacekeeping reform
        "financial architecture" cyber refugees)
fi
rows() {
    "$1" --index "$index" who "$2" --json 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    if "stance" in d and "country" in d:
        print(d["country"] + "\t" + d["stance"])'
}
changed=0
for q in "${queries[@]}"; do
    while IFS=$'\t' read -r country before after; do
        echo "[$q] $country: $before -> $after"
        changed=$((changed + 1))
    done < <(join -t $'\t' <(rows "$old" "$q" | sort) <(rows "$new" "$q" | sort) | awk -F'\t' '$2 != $3')
done
echo "$changed rows changed over ${#queries[@]} queries"
