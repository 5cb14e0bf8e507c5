#!/usr/bin/env python3
"""The SQLite FTS5 baseline of the benchmark (Python 3 standard library only).

    fts5.py build CORPUS DB            index every .txt paper from scratch
    fts5.py update CORPUS DB LISTFILE  re-index the papers named in LISTFILE
                                       (paths relative to CORPUS): delete + insert
    fts5.py count DB                   number of passages
    fts5.py latency DB QUERIES_TSV [SECONDS]
                                       in-process timings of the benchmark queries

One row per passage, the same passages caucus indexes: the paper's header lines
(up to the first blank line) and the section heading lines are skipped, every other
blank-line separated paragraph is a passage. (The generated corpus keeps paragraphs
under caucus's 120-word split, so the two tools hold exactly the same passages;
bench.py checks the counts.)

Schema: a plain table `passages(id, file, country, committee, text)` with an index
on country (and one on file, for updates), and an FTS5 table `p(text)` over it as
external content, with the porter tokenizer. bm25 ranking, snippet() and
GROUP BY country all work on it.
"""

import json
import os
import re
import sqlite3
import sys
import time

HEADING = re.compile(r"^(?:[IVXLC]+\.\s.*|Bibliography|References|Works Cited|Sources)$")

SCHEMA = """
CREATE TABLE passages(id INTEGER PRIMARY KEY, file TEXT NOT NULL, country TEXT NOT NULL,
                      committee TEXT NOT NULL, text TEXT NOT NULL);
CREATE VIRTUAL TABLE p USING fts5(text, content='passages', content_rowid='id',
                                  tokenize='porter unicode61 remove_diacritics 2');
"""
INDEXES = """
CREATE INDEX passages_country ON passages(country);
CREATE INDEX passages_file ON passages(file);
"""


def passages(path):
    """(country, committee code, [passage text]) of one paper."""
    with open(path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    header = blocks[0].split("\n")
    country = committee = ""
    for line in header:
        k, _, v = line.partition(":")
        if k == "Country":
            country = v.strip()
        elif k == "Committee":
            m = re.search(r"\(([^)]+)\)\s*$", v)
            committee = m.group(1) if m else v.strip()
    out = []
    for b in blocks[1:]:
        b = b.strip()
        if not b or HEADING.match(b):
            continue
        out.append(" ".join(b.split("\n")))
    return country, committee, out


def papers(corpus):
    for d, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                full = os.path.join(d, name)
                yield os.path.relpath(full, corpus), full


def connect(db):
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA cache_size=-262144")  # 256 MiB, as caucus's writer budget
    return con


def insert(con, rel, full):
    country, committee, texts = passages(full)
    for t in texts:
        cur = con.execute("INSERT INTO passages(file, country, committee, text) VALUES (?,?,?,?)",
                          (rel, country, committee, t))
        con.execute("INSERT INTO p(rowid, text) VALUES (?,?)", (cur.lastrowid, t))
    return len(texts)


def build(corpus, db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    con = connect(db)
    con.executescript(SCHEMA)
    con.execute("BEGIN")
    n = 0
    for rel, full in papers(corpus):
        n += insert(con, rel, full)
    for stmt in filter(str.strip, INDEXES.split(";")):
        con.execute(stmt)
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print(json.dumps({"passages": n}))


def update(corpus, db, listfile):
    with open(listfile) as f:
        rels = [l.strip() for l in f if l.strip()]
    con = connect(db)
    con.execute("BEGIN")
    n = 0
    for rel in rels:
        for rowid, text in con.execute("SELECT id, text FROM passages WHERE file = ?", (rel,)).fetchall():
            con.execute("INSERT INTO p(p, rowid, text) VALUES ('delete', ?, ?)", (rowid, text))
        con.execute("DELETE FROM passages WHERE file = ?", (rel,))
        full = os.path.join(corpus, rel)
        if os.path.exists(full):
            n += insert(con, rel, full)
    con.execute("COMMIT")
    con.close()
    print(json.dumps({"papers": len(rels), "passages": n}))


def count(db):
    con = sqlite3.connect(db)
    print(con.execute("SELECT count(*) FROM passages").fetchone()[0])


# ---- queries: the FTS5 equivalent of a caucus query --------------------------------

def match_expr(query, all_words):
    """caucus syntax (plain words or one quoted phrase) -> FTS5 MATCH expression.
    Plain words: OR for a ranked search (caucus ranks any-word matches, all words
    first), AND for `who` (caucus counts passages with all the words)."""
    q = query.strip()
    if q.startswith('"') and q.endswith('"'):
        return '"' + q.strip('"').replace('"', '') + '"'
    words = re.findall(r"\w+", q)
    return (" AND " if all_words else " OR ").join(words)


def sql_for(cmd, committee, query):
    m = match_expr(query, cmd == "who").replace("'", "''")
    where = f"p MATCH '{m}'"
    if committee != "-":
        where += f" AND d.committee = '{committee}'"
    if cmd == "who":
        return (f"SELECT d.country, count(*) AS passages, count(DISTINCT d.file) AS papers, min(p.rank) AS best "
                f"FROM p JOIN passages d ON d.id = p.rowid WHERE {where} GROUP BY d.country ORDER BY best;")
    return (f"SELECT d.country, d.committee, d.file, snippet(p, 0, '[', ']', '…', 16) "
            f"FROM p JOIN passages d ON d.id = p.rowid WHERE {where} ORDER BY p.rank LIMIT 10; "
            f"SELECT count(*) FROM p JOIN passages d ON d.id = p.rowid WHERE {where};")


def read_queries(path):
    out = []
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                out.append(line.split("\t"))
    return out


def latency(db, qfile, seconds=1.0):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    for qid, cls, cmd, committee, query in read_queries(qfile):
        stmts = [s.strip() + ";" for s in sql_for(cmd, committee, query).split(";") if s.strip()]

        def run():
            rows = 0
            for s in stmts:
                rows += len(con.execute(s).fetchall())
            return rows

        run()
        times = []
        start = time.perf_counter()
        while len(times) < 10 or (time.perf_counter() - start < seconds and len(times) < 2000):
            t = time.perf_counter()
            run()
            times.append((time.perf_counter() - t) * 1e6)
        times.sort()
        pick = lambda p: times[min(len(times) - 1, round((len(times) - 1) * p))]
        print(json.dumps({"id": qid, "class": cls, "n": len(times), "median_us": pick(0.5), "p95_us": pick(0.95)}))


def main():
    a = sys.argv[1:]
    if a[:1] == ["build"] and len(a) == 3:
        build(a[1], a[2])
    elif a[:1] == ["update"] and len(a) == 4:
        update(a[1], a[2], a[3])
    elif a[:1] == ["count"] and len(a) == 2:
        count(a[1])
    elif a[:1] == ["latency"] and len(a) in (3, 4):
        latency(a[1], a[2], float(a[3]) if len(a) == 4 else 1.0)
    elif a[:1] == ["sql"] and len(a) == 4:
        print(sql_for(a[1], a[2], a[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
