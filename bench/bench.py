#!/usr/bin/env python3
"""Measures caucus against SQLite FTS5 and ripgrep on a generated corpus; called by
bench/run.sh, which installs the tools, builds the binaries and generates the corpus.

    bench.py --size 200M --corpus DIR --work DIR --caucus BIN --latency BIN
             [--runs N] [--build-runs N] [--out results.md]

Everything runs with a warm page cache: the corpus (and each index) is read once
before it is timed. Whole-process query timings start the binary afresh every run.
"""

import argparse
import json
import os
import random
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FTS5 = [sys.executable, os.path.join(HERE, "fts5.py")]
CLASSES = ["rare", "common", "two_words", "phrase", "who", "filtered"]


class ToolFailed(Exception):
    pass


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def run_checked(cmd, ok=(0,), capture=False, shell=False):
    r = subprocess.run(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                       stderr=subprocess.PIPE, shell=shell, text=True)
    if r.returncode not in ok:
        raise ToolFailed(f"{cmd if shell else shlex.join(cmd)} exited {r.returncode}: {r.stderr[-2000:]}")
    return r.stdout if capture else None


def timed_v(cmd):
    """Runs under /usr/bin/time -v: (wall seconds, peak RSS MB, stdout)."""
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise ToolFailed(f"{shlex.join(cmd)} exited {r.returncode}: {r.stderr[-2000:]}")
    wall = rss = None
    for line in r.stderr.splitlines():
        line = line.strip()
        if line.startswith("Elapsed (wall clock) time"):
            parts = line.rsplit(" ", 1)[1].split(":")
            wall = sum(float(p) * 60 ** i for i, p in enumerate(reversed(parts)))
        elif line.startswith("Maximum resident set size"):
            rss = int(line.rsplit(" ", 1)[1]) / 1024
    return wall, rss, r.stdout


def du(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(d, f))
    return total


def warm(path):
    """Reads every file once so that the page cache holds it."""
    for d, _, files in os.walk(path):
        for f in files:
            with open(os.path.join(d, f), "rb") as fh:
                while fh.read(1 << 20):
                    pass


def corpus_files(corpus):
    out = []
    for d, dirs, files in os.walk(corpus):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".txt"):
                out.append(os.path.relpath(os.path.join(d, f), corpus))
    return out


def median(xs):
    return statistics.median(xs)


def p95(xs):
    s = sorted(xs)
    return s[min(len(s) - 1, round((len(s) - 1) * 0.95))]


def read_queries(path):
    out = []
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                qid, cls, cmd, committee, query = line.split("\t")
                out.append(dict(id=qid, cls=cls, cmd=cmd, committee=committee, query=query))
    return out


# ---- the three tools' command lines for one query ----------------------------------

WHO_AWK = ("awk -F: '{f=$1; if ((getline l < f) > 0) {sub(/^Country: /, \"\", l); n[l]+=$NF; p[l]++}; close(f)} "
           "END {for (k in n) print n[k], p[k], k}' | sort -rn")


def caucus_cmd(a, q):
    cmd = [a.caucus, "--index", a.caucus_index, q["cmd"], q["query"]]
    if q["committee"] != "-":
        cmd += ["--committee", q["committee"]]
    return cmd


def rg_cmd(a, q):
    """The nearest rg command line: case-insensitive whole words (no stemming),
    a phrase as a fixed string; matches counted per file (-c). A paragraph is one
    line in the generated corpus, so a matching line is a matching passage. The
    committee filter searches that committee's folder only. `who` counts matching
    lines per file and reads the country from each matching file's first line."""
    path = a.corpus if q["committee"] == "-" else os.path.join(a.corpus, q["committee"].lower())
    query = q["query"].strip()
    if query.startswith('"'):
        pat = ["-F", "-e", query.strip('"')]
    else:
        pat = ["-w"] + [x for w in query.split() for x in ("-e", w)]
    base = ["rg", "-c", "-i", "--no-messages"] + pat + [path]
    if q["cmd"] == "who":
        return shlex.join(base) + " | " + WHO_AWK
    return base


def fts_cmd(a, q):
    sql = subprocess.run(FTS5 + ["sql", q["cmd"], q["committee"], q["query"]], capture_output=True, text=True,
                         check=True).stdout
    return ["sqlite3", "-readonly", a.fts_db, sql]


# ---- other load on the machine --------------------------------------------------------

def busy_seconds():
    """CPU seconds the whole machine spent busy (user+nice+system+irq+softirq+steal)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / os.sysconf("SC_CLK_TCK")


def own_seconds():
    """CPU seconds of this script and every tool it ran (waited-for children)."""
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def phase(res, name, fn, a):
    """Runs one measurement phase and records how much CPU other processes used meanwhile:
    the machine has 2 cores, so a concurrent compile makes every figure slower."""
    t, b, o = time.perf_counter(), busy_seconds(), own_seconds()
    fn(a, res)
    wall = time.perf_counter() - t
    other = max(0.0, (busy_seconds() - b) - (own_seconds() - o))
    res.setdefault("other_load", {})[name] = dict(wall=wall, other_cpu=other, other_cores=other / wall if wall else 0)
    log(f"   [{name}: {wall:.0f} s; other processes used {other / wall if wall else 0:.2f} cores meanwhile]")


# ---- measurements --------------------------------------------------------------------

def build(a, res):
    log(f"== index build from scratch ({a.build_runs} run(s) each)")
    text_mb = a.text_bytes / 1e6
    for tool in ("caucus", "fts5"):
        walls, rsss = [], []
        for i in range(a.build_runs):
            if tool == "caucus":
                shutil.rmtree(a.caucus_index, ignore_errors=True)
                wall, rss, out = timed_v([a.caucus, "--index", a.caucus_index, "--json", "index", a.corpus, "--rebuild"])
            else:
                wall, rss, out = timed_v(FTS5 + ["build", a.corpus, a.fts_db])
            walls.append(wall)
            rsss.append(rss)
            log(f"   {tool} run {i + 1}: {wall:.2f} s, peak RSS {rss:.0f} MB")
        size = du(a.caucus_index) if tool == "caucus" else du(a.fts_db)
        w = median(walls)
        res["build"][tool] = dict(wall=w, mbps=text_mb / w, rss=max(rsss), size=size, size_ratio=size / a.text_bytes,
                                  walls=walls)
    # Same passages?
    summary = json.load(open(os.path.join(a.caucus_index, "caucus.json")))
    n_caucus = summary["passages"]
    n_fts = int(run_checked(FTS5 + ["count", a.fts_db], capture=True))
    res["passages"] = dict(caucus=n_caucus, fts5=n_fts, manifest=a.manifest.get("passages"))
    log(f"   passages: caucus {n_caucus}, fts5 {n_fts}, generator {a.manifest.get('passages')}")
    if n_caucus != n_fts:
        raise ToolFailed(f"caucus holds {n_caucus} passages, FTS5 {n_fts}: not the same passages")


def queries(a, res):
    qs = read_queries(a.queries)
    log(f"== {len(qs)} queries as whole processes, warm cache, {a.runs} run(s) each after a warm-up")
    warm(a.caucus_index)
    warm(a.fts_db)
    cmds = {}
    for q in qs:
        cmds[q["id"]] = {"caucus": caucus_cmd(a, q), "rg": rg_cmd(a, q), "fts5": fts_cmd(a, q)}
    ok = {"caucus": (0, 1), "rg": (0, 1), "fts5": (0,)}
    # Warm-up and a check of what each tool found.
    found = {}
    for q in qs:
        c = cmds[q["id"]]
        out = run_checked(c["caucus"][:1] + ["--json"] + c["caucus"][1:], ok=ok["caucus"], capture=True)
        summ = [json.loads(l) for l in out.splitlines() if '"summary"' in l]
        s = summ[-1] if summ else {}
        n_c = s.get("total", s.get("total_passages", 0))
        out = run_checked(c["rg"], ok=ok["rg"], capture=True, shell=isinstance(c["rg"], str))
        if q["cmd"] == "who":
            n_r = sum(int(l.split(" ", 2)[0]) for l in out.splitlines() if l.strip())
        else:
            n_r = sum(int(l.rsplit(":", 1)[1]) for l in out.splitlines() if ":" in l)
        out = run_checked(c["fts5"], ok=ok["fts5"], capture=True)
        lines = out.splitlines()
        if q["cmd"] == "who":
            n_f = sum(int(l.split("|")[1]) for l in lines if l.count("|") >= 3)
        else:
            n_f = int(lines[-1]) if lines else 0
        found[q["id"]] = dict(caucus=n_c, rg=n_r, fts5=n_f)
    times = {q["id"]: {t: [] for t in ("caucus", "rg", "fts5")} for q in qs}
    for r in range(a.runs):
        for q in qs:
            for tool in ("caucus", "rg", "fts5"):
                c = cmds[q["id"]][tool]
                t = time.perf_counter()
                run_checked(c, ok=ok[tool], shell=isinstance(c, str))
                times[q["id"]][tool].append((time.perf_counter() - t) * 1000)
        log(f"   run {r + 1}/{a.runs} done")
    res["queries"] = [dict(q, found=found[q["id"]], ms=times[q["id"]],
                           rg_cmd=cmds[q["id"]]["rg"] if isinstance(cmds[q["id"]]["rg"], str) else shlex.join(cmds[q["id"]]["rg"]),
                           fts_sql=cmds[q["id"]]["fts5"][-1]) for q in qs]


def in_process(a, res):
    log("== in-process latency (caucus library harness, python sqlite3 for FTS5)")
    per_query = 0.2 if a.smoke else 1.0
    out = run_checked([a.latency, a.caucus_index, a.queries, str(per_query)], capture=True)
    res["latency"] = {"caucus": [json.loads(l) for l in out.splitlines() if l.strip()]}
    out = run_checked(FTS5 + ["latency", a.fts_db, a.queries, str(per_query)], capture=True)
    res["latency"]["fts5"] = [json.loads(l) for l in out.splitlines() if l.strip()]


def reindex(a, res):
    files = corpus_files(a.corpus)
    rng = random.Random(6)
    picks = rng.sample(range(len(files)), 1 + max(1, len(files) // 100))
    sets = {"1 paper": [files[picks[0]]], "1% of papers": [files[i] for i in picks[1:]]}
    backup = {}
    log("== re-index after changes")
    res["reindex"] = {}
    # A run with nothing to do, right after the build: caucus walks the corpus and
    # compares; FTS5 is told no file changed (an empty list), so it only opens.
    listfile = os.path.join(a.work, "changed.txt")
    open(listfile, "w").close()
    walls = []
    for _ in range(3):
        wall_c, rss_c, out = timed_v([a.caucus, "--index", a.caucus_index, "--json", "index", a.corpus])
        rep = json.loads([l for l in out.splitlines() if '"summary"' in l][-1])
        if rep.get("new") or rep.get("changed") or rep.get("removed"):
            raise ToolFailed(f"caucus found changes in an unchanged corpus: {rep}")
        walls.append(wall_c)
    wall_f, rss_f, _ = timed_v(FTS5 + ["update", a.corpus, a.fts_db, listfile])
    res["reindex"]["no change"] = dict(papers=0, caucus=statistics.median(walls), caucus_rss=rss_c,
                                       fts5=wall_f, fts5_rss=rss_f)
    log(f"   no change: caucus {statistics.median(walls):.3f} s (median of 3), fts5 {wall_f:.3f} s")
    try:
        for label, rels in sets.items():
            for rel in rels:
                path = os.path.join(a.corpus, rel)
                with open(path, "rb") as f:
                    backup.setdefault(rel, f.read())
                text = backup[rel].decode("utf-8")
                head, sep, rest = text.partition("\n\n")
                # A new paragraph after the header and an edited word: a revised paper.
                new = head + sep + "I. Background\n\nThis revised edition restates the position of the delegation.\n\n" \
                    + rest.replace("I. Background\n\n", "", 1).replace(" the ", " this ", 1)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
            listfile = os.path.join(a.work, "changed.txt")
            with open(listfile, "w") as f:
                f.write("\n".join(rels) + "\n")
            wall_c, rss_c, out = timed_v([a.caucus, "--index", a.caucus_index, "--json", "index", a.corpus])
            rep = json.loads([l for l in out.splitlines() if '"summary"' in l][-1])
            if rep.get("changed") != len(rels):
                raise ToolFailed(f"caucus re-indexed {rep.get('changed')} changed papers, expected {len(rels)}")
            wall_f, rss_f, _ = timed_v(FTS5 + ["update", a.corpus, a.fts_db, listfile])
            res["reindex"][label] = dict(papers=len(rels), caucus=wall_c, caucus_rss=rss_c, fts5=wall_f, fts5_rss=rss_f)
            log(f"   {label} ({len(rels)}): caucus {wall_c:.3f} s, fts5 {wall_f:.3f} s")
        n_caucus = json.load(open(os.path.join(a.caucus_index, "caucus.json")))["passages"]
        n_fts = int(run_checked(FTS5 + ["count", a.fts_db], capture=True))
        if n_caucus != n_fts:
            raise ToolFailed(f"after re-indexing caucus holds {n_caucus} passages, FTS5 {n_fts}")
    finally:
        for rel, data in backup.items():
            with open(os.path.join(a.corpus, rel), "wb") as f:
                f.write(data)


# ---- report --------------------------------------------------------------------------

def fmt_ms(x):
    return f"{x:.1f}" if x < 100 else f"{x:.0f}"


def ratio(x, y):
    return f"{x / y:.2f}" if y else "-"


def report(a, res):
    L = []
    b = res["build"]
    m = a.manifest
    L.append(f"### {a.size}: {a.text_bytes / 1e6:.1f} MB of text, {m.get('papers')} papers, "
             f"{res['passages']['caucus']} passages\n")
    L.append(f"caucus built from `{a.caucus_src}`{' (' + a.caucus_rev + ')' if a.caucus_rev else ''}; "
             f"runs per query: {a.runs}; index builds: {a.build_runs}.\n")
    ol = res.get("other_load", {})
    if ol:
        L.append("Other processes' CPU use while measuring (cores busy on average; 2 cores in all): " +
                 ", ".join(f"{k} {v['other_cores']:.2f}" for k, v in ol.items()) + ".\n")
    L.append("**Index build from scratch** (median wall time; peak RSS from `/usr/bin/time -v`)\n")
    L.append("| | caucus | FTS5 | caucus / FTS5 |")
    L.append("|---|---:|---:|---:|")
    c, f = b["caucus"], b["fts5"]
    L.append(f"| wall time (s) | {c['wall']:.2f} | {f['wall']:.2f} | {ratio(c['wall'], f['wall'])} |")
    L.append(f"| throughput (MB/s of text) | {c['mbps']:.1f} | {f['mbps']:.1f} | {ratio(c['mbps'], f['mbps'])} |")
    L.append(f"| peak RSS (MB) | {c['rss']:.0f} | {f['rss']:.0f} | {ratio(c['rss'], f['rss'])} |")
    L.append(f"| index size (MB) | {c['size'] / 1e6:.1f} | {f['size'] / 1e6:.1f} | {ratio(c['size'], f['size'])} |")
    L.append(f"| index size / text | {c['size_ratio']:.2f} | {f['size_ratio']:.2f} | |")
    L.append("")
    if "reindex" in res:
        L.append("**Re-index after changes** (wall time of the whole process, s)\n")
        L.append("| change | caucus | FTS5 (delete + insert) | caucus / FTS5 |")
        L.append("|---|---:|---:|---:|")
        for label, r in res["reindex"].items():
            L.append(f"| {label} ({r['papers']}) | {r['caucus']:.3f} | {r['fts5']:.3f} | {ratio(r['caucus'], r['fts5'])} |")
        L.append("")
    qs = res["queries"]
    L.append("**Queries as whole processes** (warm page cache, binary started each run; ms, pooled over the "
             "class's queries and runs)\n")
    L.append("| class | caucus median | caucus p95 | rg median | rg p95 | FTS5 median | FTS5 p95 | caucus / rg | caucus / FTS5 |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for cls in CLASSES:
        sel = [q for q in qs if q["cls"] == cls]
        if not sel:
            continue
        t = {tool: [x for q in sel for x in q["ms"][tool]] for tool in ("caucus", "rg", "fts5")}
        mc, mr, mf = median(t["caucus"]), median(t["rg"]), median(t["fts5"])
        L.append(f"| {cls} | {fmt_ms(mc)} | {fmt_ms(p95(t['caucus']))} | {fmt_ms(mr)} | {fmt_ms(p95(t['rg']))} | "
                 f"{fmt_ms(mf)} | {fmt_ms(p95(t['fts5']))} | {ratio(mc, mr)} | {ratio(mc, mf)} |")
    L.append("")
    lat = res.get("latency", {})
    if lat:
        L.append("**In-process latency** (index opened once; µs; caucus through its library, FTS5 through "
                 "Python's sqlite3; median of the class's per-query medians, worst per-query p95)\n")
        L.append("| class | caucus median | caucus p95 | FTS5 median | FTS5 p95 | caucus / FTS5 |")
        L.append("|---|---:|---:|---:|---:|---:|")
        byid_c = {x["id"]: x for x in lat["caucus"]}
        byid_f = {x["id"]: x for x in lat["fts5"]}
        for cls in CLASSES:
            ids = [q["id"] for q in qs if q["cls"] == cls]
            if not ids:
                continue
            mc = median([byid_c[i]["median_us"] for i in ids])
            mf = median([byid_f[i]["median_us"] for i in ids])
            pc = max(byid_c[i]["p95_us"] for i in ids)
            pf = max(byid_f[i]["p95_us"] for i in ids)
            L.append(f"| {cls} | {mc:.0f} | {pc:.0f} | {mf:.0f} | {pf:.0f} | {ratio(mc, mf)} |")
        # Stance: each `who` query also ran with stance off; the ratio is what reading
        # every country's stance adds (issue 12: at most 30%).
        who_ids = [q["id"] for q in qs if q["cmd"] == "who" and q["id"] + "-nostance" in byid_c]
        if who_ids:
            L.append("\n**Stance cost in `who`** (in-process, µs; median of per-query medians; the "
                     "ratio is with stance / without, per query, then the median and the worst)\n")
            L.append("| queries | with stance | without | ratio (median) | ratio (worst) | target |")
            L.append("|---:|---:|---:|---:|---:|---|")
            w = median([byid_c[i]["median_us"] for i in who_ids])
            wo = median([byid_c[i + "-nostance"]["median_us"] for i in who_ids])
            rs = sorted(byid_c[i]["median_us"] / max(byid_c[i + "-nostance"]["median_us"], 1e-9) for i in who_ids)
            met = "met" if median(rs) <= 1.30 else "missed"
            L.append(f"| {len(who_ids)} | {w:.0f} | {wo:.0f} | {median(rs):.2f}x | {rs[-1]:.2f}x | ≤ 1.30x ({met}) |")
        if "open" in byid_c:
            L.append(f"\ncaucus opening the index (PaperIndex::open + Summary::load + searcher): "
                     f"{byid_c['open']['median_us'] / 1000:.1f} ms.")
        L.append("")
    L.append("<details><summary>Per query: matches found and medians (ms)</summary>\n")
    L.append("| id | class | query | matches caucus / rg / FTS5 | caucus | rg | FTS5 | caucus in-process (µs) |")
    L.append("|---|---|---|---|---:|---:|---:|---:|")
    for q in qs:
        fd = q["found"]
        label = ("who " if q["cmd"] == "who" else "") + q["query"].replace("|", "\\|") + \
            (f" --committee {q['committee']}" if q["committee"] != "-" else "")
        inproc = next((x["median_us"] for x in lat.get("caucus", []) if x["id"] == q["id"]), float("nan"))
        L.append(f"| {q['id']} | {q['cls']} | `{label}` | {fd['caucus']} / {fd['rg']} / {fd['fts5']} | "
                 f"{fmt_ms(median(q['ms']['caucus']))} | {fmt_ms(median(q['ms']['rg']))} | "
                 f"{fmt_ms(median(q['ms']['fts5']))} | {inproc:.0f} |")
    L.append("\n</details>\n")
    return "\n".join(L)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--caucus", required=True)
    ap.add_argument("--caucus-src", default="")
    ap.add_argument("--caucus-rev", default="", help="commit (and local changes) of the measured tree")
    ap.add_argument("--latency", required=True)
    ap.add_argument("--queries", default=os.path.join(HERE, "queries.tsv"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--build-runs", type=int, default=1)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--out")
    a = ap.parse_args()
    a.corpus = os.path.abspath(a.corpus)
    a.caucus_index = os.path.join(a.work, f"caucus-index-{a.size}")
    a.fts_db = os.path.join(a.work, f"fts5-{a.size}.db")
    mpath = a.corpus.rstrip("/") + ".manifest.json"
    a.manifest = json.load(open(mpath)) if os.path.exists(mpath) else {}
    log("== warming the page cache with the corpus")
    warm(a.corpus)
    a.text_bytes = sum(os.path.getsize(os.path.join(a.corpus, r)) for r in corpus_files(a.corpus))
    res = {"build": {}, "size": a.size}
    try:
        phase(res, "build", build, a)
        phase(res, "queries", queries, a)
        phase(res, "in-process", in_process, a)
        phase(res, "re-index", reindex, a)
    except ToolFailed as e:
        log(f"FAILED: {e}")
        sys.exit(1)
    md = report(a, res)
    print(md)
    if a.out:
        with open(a.out, "w") as f:
            f.write(md)
        name = "smoke" if a.smoke else a.size
        with open(os.path.join(a.work, f"results-{name}.json"), "w") as f:
            json.dump(res, f, indent=1, default=str)


if __name__ == "__main__":
    main()
