#!/usr/bin/env python3
"""Times `caucus index` on an indexed corpus: runs with nothing to do, and runs after one
paper changed, as whole processes.

    bench/one_change.py [--caucus target/release/caucus] [--size 1G] [--runs 7]

Uses the corpus and index `bench/run.sh --size SIZE` left in bench/work/. One paper is
rewritten (a word changed, a line added) and restored on alternate runs, so every timed
run re-indexes exactly one changed paper; each run's JSON summary is checked to say so.
The paper is restored and the index brought back in step at the end, even on failure.
"""

import argparse
import json
import os
import statistics
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def index(caucus, idx, corpus):
    start = time.perf_counter()
    out = subprocess.run([caucus, "--index", idx, "--json", "index", corpus],
                         capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - start
    summary = json.loads([l for l in out.splitlines() if '"summary"' in l][-1])
    return wall, summary


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--caucus", default=os.path.join(HERE, "..", "target", "release", "caucus"))
    ap.add_argument("--size", default="1G")
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    work = os.path.join(HERE, "work")
    corpus = os.path.join(work, f"corpus-{a.size}")
    idx = os.path.join(work, f"caucus-index-{a.size}")
    if not os.path.isdir(idx):
        raise SystemExit(f"no index at {idx}: run bench/run.sh --size {a.size} first")
    folder = sorted(d for d in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, d)))[0]
    paper = os.path.join(corpus, folder, sorted(os.listdir(os.path.join(corpus, folder)))[0])
    original = open(paper, "rb").read()
    changed = original.replace(b" the ", b" this ", 1) + b"\n\nA revised closing line.\n"
    # In step first: the corpus may have been left changed by an interrupted run.
    index(a.caucus, idx, corpus)
    still, one = [], []
    try:
        for _ in range(a.runs):
            wall, s = index(a.caucus, idx, corpus)
            if s["new"] or s["changed"] or s["removed"]:
                raise SystemExit(f"an unchanged corpus re-indexed papers: {s}")
            still.append(wall)
        for r in range(a.runs):
            with open(paper, "wb") as f:
                f.write(changed if r % 2 == 0 else original)
            wall, s = index(a.caucus, idx, corpus)
            if s["changed"] != 1:
                raise SystemExit(f"expected one changed paper, the summary says {s}")
            one.append(wall)
    finally:
        with open(paper, "wb") as f:
            f.write(original)
        index(a.caucus, idx, corpus)
    for label, xs in (("nothing to do", still), ("one changed paper", one)):
        print(f"{label:18s} median {statistics.median(xs):.3f} s  min {min(xs):.3f}  max {max(xs):.3f}  "
              f"({len(xs)} runs: {' '.join(f'{x:.2f}' for x in xs)})")


if __name__ == "__main__":
    main()
