//! A killed indexer loses nothing: runs stopped dead at seeded crash points (the
//! `CAUCUS_CRASH_AT` hook aborts the process there, as `kill -9` would) and children
//! killed at seeded random moments; after each, the next run must succeed and the
//! index must hold exactly the papers and passages of a clean build.

mod common;

use caucus::index::state::Files;
use caucus::index::PaperIndex;
use common::{bin, stderr, Rng};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;
use tantivy::collector::DocSetCollector;
use tantivy::query::AllQuery;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

const COUNTRIES: &[&str] = &[
    "Belgium", "Peru", "Chile", "Brazil", "Kenya", "Japan", "Norway", "Mexico", "India", "Ghana",
    "Canada", "Egypt", "France", "Spain", "Italy", "Poland", "Nepal", "Fiji", "Qatar", "Oman",
    "Cuba", "Mali", "Chad", "Togo", "Iran", "Iraq", "Laos", "Peru", "Niger", "Sweden",
];
const WORDS: &[&str] = &[
    "darknet",
    "escrow",
    "task",
    "force",
    "precursor",
    "chemicals",
    "harm",
    "reduction",
    "cooperation",
    "sovereignty",
    "development",
    "treaty",
    "cyber",
    "crime",
    "markets",
    "control",
];

fn paper(rng: &mut Rng, country: &str, version: u64) -> String {
    let mut s = format!(
        "Country: {country}\nCommittee: Commission on Narcotic Drugs (CND)\nTopic: Online Drug Trafficking\n\nBackground\n\n"
    );
    let paragraphs = 2 + rng.below(4);
    for p in 0..paragraphs {
        let words = 12 + rng.below(30);
        for w in 0..words {
            if w > 0 {
                s.push(' ');
            }
            s.push_str(WORDS[rng.below(WORDS.len())]);
        }
        s.push_str(&format!(" version {version} paragraph {p}.\n\n"));
    }
    s
}

/// Makes one random change to the corpus: edit, add, delete or touch a paper.
fn mutate(rng: &mut Rng, corpus: &Path, version: u64) {
    let mut names: Vec<PathBuf> = fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    match rng.below(4) {
        0 | 1 if !names.is_empty() => {
            let path = &names[rng.below(names.len())];
            let country = COUNTRIES[rng.below(COUNTRIES.len())];
            fs::write(path, paper(rng, country, version)).unwrap();
        }
        2 if names.len() > 3 => {
            fs::remove_file(&names[rng.below(names.len())]).unwrap();
        }
        3 if !names.is_empty() => {
            // Touched: same bytes, new time.
            let path = &names[rng.below(names.len())];
            let bytes = fs::read(path).unwrap();
            std::thread::sleep(Duration::from_millis(2));
            fs::write(path, bytes).unwrap();
        }
        _ => {
            let country = COUNTRIES[rng.below(COUNTRIES.len())];
            let path = corpus.join(format!("paper-{version}-{}.txt", rng.below(1000)));
            fs::write(path, paper(rng, country, version)).unwrap();
        }
    }
}

fn index_cmd(corpus: &Path, index: &Path, rebuild: bool) -> std::process::Command {
    let mut c = bin();
    c.arg("--index")
        .arg(index)
        .arg("index")
        .arg(corpus)
        .arg("--json")
        .env_remove("CAUCUS_CRASH_AT");
    if rebuild {
        c.arg("--rebuild");
    }
    c
}

fn run_ok(corpus: &Path, index: &Path) -> serde_json::Value {
    let o: Output = index_cmd(corpus, index, false).output().unwrap();
    assert!(
        o.status.success(),
        "the run after a crash failed: {}",
        stderr(&o)
    );
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    out.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["type"] == "summary")
        .expect("a summary line")
}

/// Everything the index holds, in a stable order: (file, passage, country, text).
fn contents(index: &Path) -> Vec<(String, u64, String, String)> {
    let idx = PaperIndex::open(index).expect("the index opens");
    let searcher = idx.searcher().expect("a searcher");
    let docs = searcher.search(&AllQuery, &DocSetCollector).unwrap();
    let f = idx.fields;
    let mut out: Vec<_> = docs
        .into_iter()
        .map(|addr| {
            let d: TantivyDocument = searcher.doc(addr).unwrap();
            let text = |field| {
                d.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            let passage = d.get_first(f.passage).and_then(|v| v.as_u64()).unwrap();
            (text(f.file), passage, text(f.country), text(f.text))
        })
        .collect();
    out.sort();
    out
}

/// The file record without times and commit ids: path -> (hash, passages).
fn record(index: &Path) -> BTreeMap<String, (String, u32)> {
    Files::load(index)
        .expect("the file record loads")
        .files
        .into_iter()
        .map(|(k, v)| (k, (v.head().hash.to_owned(), v.passages)))
        .collect()
}

fn assert_like_clean_build(corpus: &Path, index: &Path, scratch: &Path, what: &str) {
    let clean = scratch.join("clean");
    let _ = fs::remove_dir_all(&clean);
    run_ok(corpus, &clean);
    let got = contents(index);
    let want = contents(&clean);
    assert_eq!(
        got.len(),
        want.len(),
        "{what}: {} passages after recovery, {} in a clean build",
        got.len(),
        want.len()
    );
    assert!(got == want, "{what}: the index differs from a clean build");
    assert_eq!(record(index), record(&clean), "{what}: file records differ");
}

#[test]
fn killed_runs_at_seeded_crash_points_recover_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    let mut rng = Rng(0xCA0C05);
    for i in 0..12 {
        let country = COUNTRIES[i % COUNTRIES.len()];
        fs::write(
            corpus.join(format!("p{i:02}.txt")),
            paper(&mut rng, country, 0),
        )
        .unwrap();
    }
    let index = dir.path().join("index");
    let mut crashed = 0;
    let mut tries = 0;
    for step in 1..=50u64 {
        if step % 15 == 1 {
            // Sometimes the crash hits the very first build.
            let _ = fs::remove_dir_all(&index);
        }
        for _ in 0..=rng.below(3) {
            mutate(&mut rng, &corpus, step);
        }
        // One or two crashed runs in a row, then a normal one.
        for _ in 0..1 + usize::from(rng.below(4) == 0) {
            let at = 1 + rng.below(8);
            let rebuild = rng.below(8) == 0;
            let o = index_cmd(&corpus, &index, rebuild)
                .env("CAUCUS_CRASH_AT", at.to_string())
                .output()
                .unwrap();
            tries += 1;
            if !o.status.success() {
                assert!(
                    o.status.code().is_none(),
                    "step {step}: a run failed without crashing: {}",
                    stderr(&o)
                );
                crashed += 1;
            }
        }
        run_ok(&corpus, &index);
        let what = format!("step {step}");
        assert_like_clean_build(&corpus, &index, dir.path(), &what);
        // And the run after that sees nothing to do.
        let s = run_ok(&corpus, &index);
        assert_eq!(
            (
                s["new"].as_u64(),
                s["changed"].as_u64(),
                s["removed"].as_u64()
            ),
            (Some(0), Some(0), Some(0)),
            "{what}: a second run still found work: {s}"
        );
    }
    eprintln!("crash loop: {tries} runs, {crashed} killed at a crash point, all recovered");
    assert!(crashed >= 50, "only {crashed} runs crashed");
}

#[test]
fn children_killed_at_random_moments_recover_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    let mut rng = Rng(0x5EED);
    for i in 0..150 {
        let country = COUNTRIES[i % COUNTRIES.len()];
        fs::write(
            corpus.join(format!("p{i:03}.txt")),
            paper(&mut rng, country, 0),
        )
        .unwrap();
    }
    let index = dir.path().join("index");
    run_ok(&corpus, &index);
    let mut killed = 0;
    for step in 1..=8u64 {
        for _ in 0..10 {
            mutate(&mut rng, &corpus, step);
        }
        let mut child = index_cmd(&corpus, &index, step % 4 == 0)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(5 + rng.below(120) as u64));
        if child.try_wait().unwrap().is_none() {
            killed += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        run_ok(&corpus, &index);
        assert_like_clean_build(&corpus, &index, dir.path(), &format!("kill {step}"));
    }
    eprintln!("random kills: 8 runs, {killed} killed while running, all recovered");
}

#[test]
fn a_leftover_delete_file_does_not_stop_later_runs() {
    // The state a run killed between writing deletions and committing leaves.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    let mut rng = Rng(7);
    for (i, country) in COUNTRIES.iter().enumerate().take(4) {
        fs::write(
            corpus.join(format!("p{i}.txt")),
            paper(&mut rng, country, 0),
        )
        .unwrap();
    }
    let index = dir.path().join("index");
    run_ok(&corpus, &index);
    // A run killed inside tantivy's commit, after it wrote the deletions of the
    // changed paper's old passages but before meta.json: `<segment>.<n>.del` files
    // that no commit refers to, listed (as tantivy lists every file it writes) in
    // `.managed.json` -- and, for good measure, some it was never told of.
    fs::write(corpus.join("p0.txt"), paper(&mut rng, "Peru", 1)).unwrap();
    let meta: serde_json::Value =
        serde_json::from_slice(&fs::read(index.join("meta.json")).unwrap()).unwrap();
    let managed_path = index.join(".managed.json");
    let mut managed: Vec<String> =
        serde_json::from_slice(&fs::read(&managed_path).unwrap()).unwrap();
    for segment in meta["segments"].as_array().unwrap() {
        let id = segment["segment_id"].as_str().unwrap().replace('-', "");
        for n in 0..300 {
            let name = format!("{id}.{n}.del");
            fs::write(index.join(&name), b"partial").unwrap();
            if n % 2 == 0 {
                managed.push(name);
            }
        }
    }
    fs::write(&managed_path, serde_json::to_vec(&managed).unwrap()).unwrap();
    for _ in 0..2 {
        run_ok(&corpus, &index);
    }
    assert_like_clean_build(&corpus, &index, dir.path(), "after a leftover .del");
}
