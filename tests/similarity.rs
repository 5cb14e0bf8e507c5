//! `blocs`, `allies`, `compare` and `list` through the binary: the same bytes on
//! every run and whatever order the files were indexed in, counts that agree,
//! "no clear blocs" on papers without blocs, and the plot options.

mod common;

use common::{corpus_index, json_lines, of_type, repo, run, stderr, stdout};
use std::path::{Path, PathBuf};

/// Copies the bundled corpus into `dest`, file by file in the given order, each
/// with its own modification time.
fn copy_corpus(dest: &Path, reverse: bool) {
    let root = repo().join("corpus");
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for f in std::fs::read_dir(&dir).unwrap() {
                files.push(f.unwrap().path());
            }
        }
    }
    files.sort();
    if reverse {
        files.reverse();
    }
    for (i, f) in files.iter().enumerate() {
        let rel = f.strip_prefix(&root).unwrap();
        let to = dest.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(f, &to).unwrap();
        let when = std::time::SystemTime::UNIX_EPOCH
            + std::time::Duration::from_secs(1_600_000_000 + (i as u64) * 97);
        std::fs::File::options()
            .write(true)
            .open(&to)
            .unwrap()
            .set_modified(when)
            .unwrap();
    }
}

fn build(corpus: &Path, index: &Path) {
    let o = run(index, &["index", corpus.to_str().unwrap()]);
    assert!(o.status.success(), "indexing failed: {}", stderr(&o));
}

#[test]
fn same_bytes_every_run_and_whatever_the_indexing_order() {
    let tmp = tempfile::tempdir().unwrap();
    let (ca, cb) = (tmp.path().join("a"), tmp.path().join("b"));
    copy_corpus(&ca, false);
    copy_corpus(&cb, true);
    let (ia, ib) = (tmp.path().join("index-a"), tmp.path().join("index-b"));
    build(&ca, &ia);
    build(&cb, &ib);
    let commands: &[&[&str]] = &[
        &["blocs"],
        &["blocs", "--json"],
        &["blocs", "--committee", "CND", "--count", "3", "--json"],
        &["allies", "Belgium"],
        &["allies", "Belgium", "--json"],
        &["allies", "China", "--opponents", "--json"],
        &["compare", "Belgium", "Netherlands"],
        &["compare", "Belgium", "Netherlands", "--json"],
        &["list"],
        &["list", "--json"],
        // Passages that score the same rank by paper and passage, not by where
        // indexing happened to put them (Russia and Brazil tie here).
        &["search", "IHL is sufficient", "-n", "20", "--json"],
        &["search", "treaty", "-n", "50", "--json"],
        &["who", "IHL is sufficient", "--json"],
        &["who", "treaty"],
    ];
    for args in commands {
        let first = run(&ia, args);
        assert!(
            first.status.code() != Some(2),
            "{args:?}: {}",
            stderr(&first)
        );
        for (index, what) in [
            (&ia, "a second run"),
            (&ib, "an index built in another order"),
        ] {
            let again = run(index, args);
            assert_eq!(stdout(&first), stdout(&again), "{args:?} differs on {what}");
            assert_eq!(first.status.code(), again.status.code());
        }
    }
}

#[test]
fn counts_agree_with_what_was_asked() {
    let index = corpus_index();
    let o = run(&index, &["blocs", "--committee", "CND", "--count", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("3 blocs among"), "{text}");
    assert!(text.contains("3 blocs, as asked"), "{text}");

    let o = run(&index, &["blocs", "--committee", "CND", "--count", "1"]);
    assert!(stdout(&o).contains("1 bloc among"), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 bloc, as asked"), "{}", stdout(&o));

    let o = run(&index, &["blocs", "--committee", "CND", "--count", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--count 0"), "{}", stderr(&o));

    let o = run(&index, &["blocs", "--committee", "CND", "--count", "30"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("at most"), "{}", stderr(&o));
    assert!(!stdout(&o).contains("0 blocs"));

    // Bloc records say which committee (and topic) they belong to.
    let o = run(&index, &["blocs", "--json"]);
    let lines = json_lines(&o);
    let blocs = of_type(&lines, "bloc");
    assert!(!blocs.is_empty());
    let committees: std::collections::BTreeSet<&str> = blocs
        .iter()
        .map(|b| b["committee"].as_str().unwrap())
        .collect();
    assert!(committees.len() >= 2, "{committees:?}");
    assert!(blocs
        .iter()
        .all(|b| b["label"].as_str().is_some_and(|l| !l.is_empty())));
    assert!(blocs
        .iter()
        .all(|b| b["codes"].as_array().unwrap().len() == b["members"].as_array().unwrap().len()));
}

#[test]
fn opponents_are_opponents_in_json_and_explain_themselves() {
    let index = corpus_index();
    let o = run(
        &index,
        &[
            "allies",
            "Belgium",
            "--committee",
            "CND",
            "--opponents",
            "-n",
            "3",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    assert!(of_type(&lines, "ally").is_empty());
    let opp = of_type(&lines, "opponent");
    assert_eq!(opp.len(), 3);
    let text = stdout(&run(
        &index,
        &[
            "allies",
            "Belgium",
            "--committee",
            "CND",
            "--opponents",
            "-n",
            "3",
        ],
    ));
    assert!(text.contains("differ most on"), "{text}");
    let text = stdout(&run(
        &index,
        &["allies", "Belgium", "--committee", "CND", "-n", "3"],
    ));
    assert!(text.contains("agree most on"), "{text}");
}

/// A committee of twelve papers whose words are drawn at random from one pool.
fn noise_corpus(dir: &Path) {
    let vocab = [
        "water",
        "energy",
        "schools",
        "roads",
        "hospitals",
        "farming",
        "fisheries",
        "tourism",
        "banking",
        "mining",
        "forests",
        "rivers",
        "housing",
        "transport",
        "vaccines",
        "internet",
        "railways",
        "ports",
        "textiles",
        "software",
    ];
    let countries = [
        "Chile", "Peru", "Kenya", "Ghana", "Japan", "Nepal", "Spain", "Italy", "Egypt", "Oman",
        "Fiji", "Cuba",
    ];
    let mut state = 11u64;
    let mut pick = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        vocab[(state >> 33) as usize % vocab.len()]
    };
    std::fs::create_dir_all(dir).unwrap();
    for c in countries {
        let mut text = format!("Country: {c}\n\nCommittee: Economic and Social Council (ECOSOC)\n\nTopic: Development\n\n");
        for _ in 0..4 {
            let words: Vec<&str> = (0..30).map(|_| pick()).collect();
            text.push_str(&format!("We invest in {}.\n\n", words.join(" and ")));
        }
        std::fs::write(dir.join(format!("{}.txt", c.to_lowercase())), text).unwrap();
    }
}

#[test]
fn no_clear_blocs_shows_the_closest_pairs() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    noise_corpus(&corpus);
    let index = tmp.path().join("index");
    build(&corpus, &index);
    let o = run(&index, &["blocs"]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{text}{}", stderr(&o));
    assert!(text.contains("no clear blocs among 12 countries"), "{text}");
    assert!(text.contains("Closest pairs instead"), "{text}");
    let o = run(&index, &["blocs", "--json"]);
    let lines = json_lines(&o);
    assert!(of_type(&lines, "bloc").is_empty());
    let summary = of_type(&lines, "summary");
    assert_eq!(summary[0]["clear"], false);
    assert_eq!(summary[0]["closest_pairs"].as_array().unwrap().len(), 10);
}

#[test]
fn plot_writes_svg_and_png_and_refuses_other_formats() {
    let index = corpus_index();
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("x.pdf");
    let o = run(
        &index,
        &[
            "blocs",
            "--committee",
            "CND",
            "--plot",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(".svg or .png"), "{}", stderr(&o));
    assert!(!pdf.exists());
    let svg = tmp.path().join("x.svg");
    let o = run(
        &index,
        &[
            "blocs",
            "--committee",
            "CND",
            "--plot",
            svg.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = std::fs::read_to_string(&svg).unwrap();
    assert!(
        doc.contains("colour-bar") && doc.contains(">Bloc 1<"),
        "{doc}"
    );
    let o = run(&index, &["blocs", "--plot", svg.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "a plot needs one committee");
}

/// allies and compare show the passages they explain themselves with as snippets
/// around the shared term; `--full` prints them whole, and JSON always carries them whole.
#[test]
fn allies_show_snippets_unless_full() {
    let index = common::corpus_index();
    let passage_lines = |args: &[&str]| -> Vec<String> {
        let out = common::run(&index, args);
        assert!(out.status.success(), "{}", common::stderr(&out));
        common::stdout(&out)
            .lines()
            .filter(|l| l.starts_with("      Belgium ") || l.starts_with("  Belgium "))
            .map(str::to_owned)
            .collect()
    };
    for cmd in [
        &["allies", "Belgium"][..],
        &["compare", "Belgium", "Russia"][..],
    ] {
        let short = passage_lines(cmd);
        let mut with_full = cmd.to_vec();
        with_full.push("--full");
        let full = passage_lines(&with_full);
        assert_eq!(short.len(), full.len(), "{cmd:?}");
        assert!(!short.is_empty(), "{cmd:?}");
        // At least one passage is long enough to be cut, and every snippet is bounded.
        assert!(
            short
                .iter()
                .zip(&full)
                .any(|(s, f)| s.len() < f.len() && s.contains('…')),
            "{cmd:?}: {short:?}"
        );
        for s in &short {
            assert!(s.chars().count() < 520, "{s}");
        }
    }
}
