#!/usr/bin/env python3
"""How caucus grows with the corpus: one table over every size bench/run.sh measured.

    bench/growth.py [--results bench]

Reads the committed reports bench/results-<size>.md for 10M, 200M, 1G and 5G (whichever
exist; each written by `bench/run.sh --size SIZE`) and prints Markdown tables: build time,
peak memory, index size and update times per size, the whole-process query medians per
class, and for each size after the first, how much each figure grew against how much the
text grew. Each size names the commit it was measured at: sizes run at different commits
compare different code, and the table says so.
"""

import argparse
import os
import re

SIZES = ["10M", "200M", "1G", "5G"]
CLASSES = ["rare", "common", "two_words", "phrase", "who", "filtered"]


def number(cell):
    m = re.search(r"-?\d+(?:\.\d+)?", cell.replace(",", ""))
    return float(m.group()) if m else None


def rows_of(lines, title):
    """The body rows (lists of cells) of the first table after a line starting with `title`."""
    at = next((i for i, line in enumerate(lines) if line.startswith(title)), None)
    if at is None:
        return []
    rows, seen = [], False
    for line in lines[at + 1:]:
        if line.startswith("|"):
            seen = True
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                rows.append(cells)
        elif seen:
            break
    return rows[1:]  # without the header row


def parse(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    head = re.match(r"### (\S+): ([\d.]+) MB of text, (\d+) papers, (\d+) passages", lines[0])
    if not head:
        raise SystemExit(f"{path}: not a bench/run.sh report")
    commit = re.search(r"\(([0-9a-f]{7,})[ )]", "\n".join(lines[:4]))
    build = {r[0]: r for r in rows_of(lines, "**Index build from scratch**")}
    reindex = {r[0].split(" (")[0]: number(r[1]) for r in rows_of(lines, "**Re-index after changes**")}
    queries = {r[0]: (number(r[1]), number(r[3])) for r in rows_of(lines, "**Queries as whole processes**")}
    return {
        "text": float(head.group(2)),
        "papers": int(head.group(3)),
        "passages": int(head.group(4)),
        "commit": commit.group(1) if commit else "?",
        "wall": number(build["wall time (s)"][1]),
        "fts5": number(build["wall time (s)"][2]),
        "mbps": number(build["throughput (MB/s of text)"][1]),
        "rss": number(build["peak RSS (MB)"][1]),
        "size": number(build["index size (MB)"][1]),
        "ratio": number(build["index size / text"][1]),
        "reindex": reindex,
        "queries": queries,
    }


def fmt(x, digits=1):
    return "–" if x is None else f"{x:.{digits}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--results", default=os.path.dirname(os.path.abspath(__file__)))
    a = ap.parse_args()
    rows = [(s, parse(p)) for s in SIZES
            if os.path.exists(p := os.path.join(a.results, f"results-{s}.md"))]
    if not rows:
        raise SystemExit(f"no results-<size>.md in {a.results}: run bench/run.sh --size SIZE first")

    print("| size | commit | text MB | papers | passages | build s | MB/s | FTS5 build s | FTS5 / caucus "
          "| peak MB | index / text | no change s | 1 changed s | 1 % changed s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, r in rows:
        u = r["reindex"]
        print(f"| {size} | `{r['commit']}` | {r['text']:.0f} | {r['papers']} | {r['passages']} "
              f"| {r['wall']:.1f} | {r['mbps']:.1f} | {r['fts5']:.1f} | {r['fts5'] / r['wall']:.2f} "
              f"| {r['rss']:.0f} | {r['ratio']:.2f} | {fmt(u.get('no change'), 2)} "
              f"| {fmt(u.get('1 paper'), 2)} | {fmt(u.get('1% of papers'), 2)} |")
    print()
    print("Whole-process query medians (ms), caucus (rg):\n")
    print("| size | " + " | ".join(CLASSES) + " |")
    print("|---|" + "---:|" * len(CLASSES))
    for size, r in rows:
        cells = []
        for cls in CLASSES:
            m, g = r["queries"].get(cls, (None, None))
            cells.append("–" if m is None else f"{m:.1f} ({g:.0f})")
        print(f"| {size} | " + " | ".join(cells) + " |")
    if len(rows) > 1:
        print()
        print("Growth from one size to the next: text ×, then each figure × (linear: the same as the text; "
              "a query should grow far less):\n")
        print("| from → to | text | build time | peak memory | index size | " + " | ".join(CLASSES) + " |")
        print("|---|---:|---:|---:|---:|" + "---:|" * len(CLASSES))
        for (s0, r0), (s1, r1) in zip(rows, rows[1:]):
            cells = []
            for cls in CLASSES:
                m0, m1 = r0["queries"].get(cls, (None,))[0], r1["queries"].get(cls, (None,))[0]
                cells.append("–" if m0 is None or m1 is None else f"{m1 / m0:.2f}")
            print(f"| {s0} → {s1} | {r1['text'] / r0['text']:.1f} | {r1['wall'] / r0['wall']:.1f} "
                  f"| {r1['rss'] / r0['rss']:.1f} | {r1['size'] / r0['size']:.1f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
