#!/usr/bin/env python3
"""The `who` rows whose snippets differ between two builds of caucus, over a list of
queries, each build on its own index (the same index twice when parsing is unchanged):

    bench/snippet_diff.py OLD_CAUCUS OLD_INDEX NEW_CAUCUS NEW_INDEX QUERIES_FILE [SHOW]

Prints, over the countries both builds list: rows, snippets shown by each, rows whose
snippets changed, rows with a joined piece in each; then SHOW changed rows (one per
query, picked with a fixed seed) with both builds' snippets, matches in [brackets].
"""

import json
import random
import subprocess
import sys


def rows(caucus, index, query):
    out = subprocess.run(
        [caucus, "--index", index, "who", query, "--json"],
        capture_output=True, text=True, check=False,
    ).stdout
    records = (json.loads(line) for line in out.splitlines())
    return {r["country"]: r["best"] for r in records if r["type"] == "country"}


def marked(snippet):
    text, out, last = snippet["text"], "", 0
    for a, b in snippet["highlights_chars"]:
        out += text[last:a] + "[" + text[a:b] + "]"
        last = b
    return out + text[last:]


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    old, old_index, new, new_index, queries = sys.argv[1:6]
    show = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    n = shown_old = shown_new = changed = 0
    joined = [0, 0]
    picks = []
    rng = random.Random(31)
    for query in (q.strip() for q in open(queries, encoding="utf-8")):
        if not query:
            continue
        a, b = rows(old, old_index, query), rows(new, new_index, query)
        diff = []
        for country in sorted(set(a) & set(b)):
            x, y = a[country], b[country]
            n += 1
            shown_old += len(x["snippets"])
            shown_new += len(y["snippets"])
            joined[0] += bool(x.get("joined"))
            joined[1] += bool(y.get("joined"))
            if [s["text"] for s in x["snippets"]] != [s["text"] for s in y["snippets"]]:
                changed += 1
                diff.append(country)
        if diff:
            c = rng.choice(diff)
            picks.append((query, c, a[c], b[c]))
    print(f"rows {n}, snippets {shown_old} -> {shown_new}, rows changed {changed}, "
          f"rows with a joined piece {joined[0]} -> {joined[1]}")
    for query, country, x, y in rng.sample(picks, min(show, len(picks))):
        print(f"== {query} | {country}")
        for tag, best in (("old", x), ("new", y)):
            for s in best["snippets"]:
                print(f"  {tag}: {marked(s)[:330]}")


if __name__ == "__main__":
    main()
