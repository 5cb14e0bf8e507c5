#!/usr/bin/env bash
# How steady `caucus blocs` is against the UN regional groups when the text changes:
# each 2024 statement is cut after half its words, and again into thirds; the first
# halves, the second halves and each third are indexed as corpora of their own, and
# bench/blocs_eval.sh's measure (ARI, AMI) is printed for the full statements and for
# each part. The row "consensus centred d=0" is what `caucus blocs` does.
#
#   bench/blocs_halves.sh [DATA_DIR]
#
# DATA_DIR holds ungd-2024/ and un-regional-groups.csv, as for bench/blocs_eval.sh.
set -euo pipefail
source "$(dirname "$0")/blocs_data.sh"
work="$(mktemp -d /tmp/caucus-blocs-halves.XXXXXX)"
trap 'rm -rf "$work"' EXIT
python3 - "$data/ungd-2024" "$work" <<'PY'
import os, sys
src, out = sys.argv[1], sys.argv[2]
parts = ("full", "first", "second", "third1", "third2", "third3")
for part in parts:
    os.makedirs(os.path.join(out, part))
for name in sorted(os.listdir(src)):
    if not name.endswith(".txt"):
        continue
    lines = open(os.path.join(src, name), encoding="utf-8", errors="replace").read().split("\n")
    head, body = lines[:3], lines[3:]
    total = sum(len(l.split()) for l in body)
    # Cut after the line where the running word count passes each share.
    def cut_at(share):
        seen = 0
        for i, line in enumerate(body):
            seen += len(line.split())
            if seen >= total * share:
                return i + 1
        return len(body)
    half, a, b = cut_at(1 / 2), cut_at(1 / 3), cut_at(2 / 3)
    texts = (body, body[:half], body[half:], body[:a], body[a:b], body[b:])
    for part, text in zip(parts, texts):
        with open(os.path.join(out, part, name), "w", encoding="utf-8") as f:
            f.write("\n".join(head + [""] + text))
PY
for part in full first second third1 third2 third3; do
    target/release/caucus --index "$work/idx-$part" index "$work/$part" >/dev/null 2>&1
    echo "== $part"
    BLOCS_EVAL_FEATURES=default BLOCS_EVAL_METHOD=consensus \
        target/release/examples/blocs_eval "$work/idx-$part" "$data/un-regional-groups.csv" GA 2>/dev/null
done
