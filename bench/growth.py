#!/usr/bin/env python3
"""How caucus grows with the corpus: one table over every size bench/run.sh measured.

    bench/growth.py [--work bench/work]

Reads bench/work/results-<size>.json for 10M, 200M, 1G and 5G (whichever exist; each
written by `bench/run.sh --size SIZE`) and prints a Markdown table: build time, peak
memory and index size, then the whole-process query medians per class, and for each
size after the first, how much each figure grew against how much the text grew.
"""

import argparse
import json
import os
import statistics

SIZES = ["10M", "200M", "1G", "5G"]
CLASSES = ["rare", "common", "two_words", "phrase", "who", "filtered"]


def load(work):
    out = []
    for size in SIZES:
        path = os.path.join(work, f"results-{size}.json")
        if os.path.exists(path):
            with open(path) as f:
                out.append((size, json.load(f)))
    return out


def papers(work, size):
    path = os.path.join(work, f"corpus-{size}.manifest.json")
    if not os.path.exists(path):
        return "–"
    with open(path) as f:
        return json.load(f).get("papers", "–")


def text_mb(res):
    b = res["build"]["caucus"]
    return b["wall"] * b["mbps"]


def query_median(res, cls, tool="caucus"):
    xs = [x for q in res["queries"] if q["cls"] == cls for x in q["ms"][tool]]
    return statistics.median(xs) if xs else None


def reindex(res, label):
    r = res.get("reindex", {}).get(label)
    return r["caucus"] if r else None


def fmt(x, digits=1):
    return "–" if x is None else f"{x:.{digits}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", default=os.path.join(os.path.dirname(__file__), "work"))
    a = ap.parse_args()
    rows = load(a.work)
    if not rows:
        raise SystemExit(f"no results-<size>.json in {a.work}: run bench/run.sh --size SIZE first")

    print("| size | text MB | papers | passages | build s | MB/s | FTS5 build s | FTS5 / caucus | peak MB "
          "| index / text | no change s | 1 changed s | 1 % changed s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, res in rows:
        c, f = res["build"]["caucus"], res["build"]["fts5"]
        print(f"| {size} | {text_mb(res):.0f} | {papers(a.work, size)} | {res['passages']['caucus']} "
              f"| {c['wall']:.1f} | {c['mbps']:.1f} | {f['wall']:.1f} | {f['wall'] / c['wall']:.2f} "
              f"| {c['rss']:.0f} | {c['size_ratio']:.2f} | {fmt(reindex(res, 'no change'), 2)} "
              f"| {fmt(reindex(res, '1 paper'), 2)} | {fmt(reindex(res, '1% of papers'), 2)} |")
    print()
    print("Whole-process query medians (ms), caucus (rg):\n")
    print("| size | " + " | ".join(CLASSES) + " |")
    print("|---|" + "---:|" * len(CLASSES))
    for size, res in rows:
        cells = []
        for cls in CLASSES:
            m, r = query_median(res, cls), query_median(res, cls, "rg")
            cells.append("–" if m is None else f"{m:.1f} ({r:.0f})")
        print(f"| {size} | " + " | ".join(cells) + " |")
    if len(rows) > 1:
        print()
        print("Growth from one size to the next: text ×, then each figure × (linear: the same as the text; "
              "a query should grow far less):\n")
        print("| from → to | text | build time | peak memory | index size | " + " | ".join(CLASSES) + " |")
        print("|---|---:|---:|---:|---:|" + "---:|" * len(CLASSES))
        for (s0, r0), (s1, r1) in zip(rows, rows[1:]):
            c0, c1 = r0["build"]["caucus"], r1["build"]["caucus"]
            cells = []
            for cls in CLASSES:
                m0, m1 = query_median(r0, cls), query_median(r1, cls)
                cells.append("–" if m0 is None or m1 is None else f"{m1 / m0:.2f}")
            print(f"| {s0} → {s1} | {text_mb(r1) / text_mb(r0):.1f} | {c1['wall'] / c0['wall']:.1f} "
                  f"| {c1['rss'] / c0['rss']:.1f} | {c1['size'] / c0['size']:.1f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
