#!/usr/bin/env bash
# The update path on many files (issue 14): writes N small papers (default 100,000,
# in folders of 500) under a scratch folder, indexes them once, then times runs with
# no change, and one with a single changed paper, as whole processes.
#
#   bench/many_files.sh [N] [RUNS]          # scratch in ${TMPDIR:-/tmp}/caucus-many
#   CAUCUS=/path/to/other/caucus bench/many_files.sh   # measure another build side by side
set -euo pipefail
N="${1:-100000}"
RUNS="${2:-5}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CAUCUS="${CAUCUS:-$REPO/target/release/caucus}"
WORK="${TMPDIR:-/tmp}/caucus-many"
CORPUS="$WORK/papers-$N"
INDEX="$WORK/index-$N-$(basename "$CAUCUS")"
[[ -x "$CAUCUS" ]] || (cd "$REPO" && cargo build --release --quiet)
if [[ ! -d "$CORPUS" ]]; then
  python3 - "$CORPUS" "$N" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, f"d{i // 500:04}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"p{i:06}.txt"), "w") as f:
        f.write(f"Country: Belgium\nCommittee: CND\nTopic: Item {i // 500}\n\n"
                f"The delegation supports measure {i} of group {i // 500}.\n")
PY
fi
echo "== $N files; $CAUCUS" >&2
/usr/bin/time -f "first index: %e s wall, %M KB peak" "$CAUCUS" index "$CORPUS" --index "$INDEX" >/dev/null
ls -l "$INDEX"/caucus-files.* | awk '{print "file record: " $5 " bytes " $NF}'
times=()
for _ in $(seq "$RUNS"); do
  times+=("$( { /usr/bin/time -f "%e %U %S" "$CAUCUS" index "$CORPUS" --index "$INDEX" >/dev/null; } 2>&1 | tail -1)")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v r="$RUNS" '{a[NR]=$0} END {split(a[int((r+1)/2)], m, " "); print "no change: median " m[1] " s wall (" m[2] " user, " m[3] " sys)"}'
touch "$CORPUS/d0000/p000000.txt"; echo "edited" >> "$CORPUS/d0000/p000000.txt"
/usr/bin/time -f "one changed paper: %e s wall" "$CAUCUS" index "$CORPUS" --index "$INDEX" >/dev/null
