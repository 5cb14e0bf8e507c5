#!/usr/bin/env python3
"""Draws (or replays) the by-eye sample of stance labels on real speeches.

    python3 bench/stance_eval/ungd_sample.py sample DIR   # draw 5 passages per query, seed 2024
    python3 bench/stance_eval/ungd_sample.py show DIR     # print the labels of the saved sample

DIR is a folder of papers (the sample in results.md is of UNGD 2024 statements). The sample
is saved to ungd_sample.json beside this script as (query, file, n-th labelled paragraph of
that file), so the same passages can be read again after the rules change. Needs the
harness built: cargo build --release --manifest-path bench/stance_eval/Cargo.toml
"""
import json, os, random, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS = os.path.join(HERE, "target/release/stance_eval")
SAVED = os.path.join(HERE, "ungd_sample.json")
QUERIES = ["unilateral coercive measures", "sanctions", "nuclear weapons",
           "Security Council reform", "climate finance", "two-state solution",
           "terrorism", "occupation"]
STOP = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "by", "at",
        "from", "as", "is", "are", "its", "their", "about", "into", "under"}


def scan(query, folder, full):
    env = dict(os.environ)
    if full:
        env["STANCE_SCAN_FULL"] = "1"
    out = subprocess.run([HARNESS, "--scan", query, folder], capture_output=True,
                         text=True, env=env).stdout
    items, cur = {}, []
    for line in out.split("\n"):
        if line.startswith("  "):
            cur.append(line.strip())
        elif " => " in line:
            name = os.path.basename(line.split(" => ")[0])
            for n, label in enumerate(cur):
                items[(name, n)] = label
            cur = []
    return items


def context(query, para):
    """The sentences of a paragraph that hold a word of the query (first five letters)."""
    words = [w.lower()[:5] for w in re.findall(r"[\w-]+", query) if w.lower() not in STOP]
    body = para.split(": ", 1)[1] if ": " in para else para
    sents = re.split(r"(?<=[.!?])\s+", body)
    return [s for s in sents if any(re.search(r"\b" + re.escape(w), s.lower()) for w in words)][:4]


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("sample", "show"):
        sys.exit(__doc__)
    mode, folder = sys.argv[1], sys.argv[2]
    if mode == "sample":
        rng = random.Random(2024)
        keys = []
        for q in QUERIES:
            found = sorted(scan(q, folder, False))
            keys += [(q, f, n) for f, n in rng.sample(found, min(5, len(found)))]
        with open(SAVED, "w") as fh:
            json.dump(keys, fh, indent=0)
    with open(SAVED) as fh:
        keys = json.load(fh)
    cache = {}
    for i, (q, f, n) in enumerate(keys):
        if q not in cache:
            cache[q] = (scan(q, folder, False), scan(q, folder, True))
        short, full = cache[q]
        print(f"{i + 1:2d}. [{q}] {f}: {short.get((f, n))}")
        for s in context(q, full.get((f, n), "")):
            print("      >", s[:400])
        print()


if __name__ == "__main__":
    main()
