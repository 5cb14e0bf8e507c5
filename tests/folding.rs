//! Issue 10: one paper saved in several formats is one paper. It is counted once in
//! `who` and `list` and ranked once in `search`; `list` says which files were folded
//! together, and names the papers whose country or committee caucus could not read.

mod common;

use common::{json_lines, of_type, run, who_rows};
use std::fs;
use std::path::Path;

const CHILE: &str = "Country: Republic of Chile\nCommittee: Commission on Narcotic Drugs\nTopic: Online Drug Trafficking\n\nBackground\n\nDarknet marketplaces rely on escrow payments and couriers who cross the Andes with small parcels, and the trade has grown every year since the pandemic closed the land borders.\n\nPosition\n\nChile supports a regional task force on darknet escrow that would share seizure data among customs services every month and train officers to trace cryptocurrency.\n";

const PERU: &str = "Country: Peru\nCommittee: CND\nTopic: Online Drug Trafficking\n\nPeru asks the Commission to protect the farmers of coca leaf and to treat addiction as a matter of public health, and it doubts that a task force on darknet escrow can work without the consent of every government concerned.\n";

/// The Chile paper as a web page saved from a browser, with its own furniture.
fn chile_html() -> String {
    let mut html = String::from("<html><head><title>Chile position paper</title></head><body>\n");
    for block in CHILE.split("\n\n") {
        for line in block.lines() {
            html.push_str(&format!("<p>{line}</p>\n"));
        }
    }
    html.push_str("</body></html>\n");
    html
}

#[test]
fn one_paper_in_three_formats_counts_once_and_list_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(corpus.join("drafts")).unwrap();
    fs::write(corpus.join("chile.txt"), CHILE).unwrap();
    fs::write(corpus.join("drafts/chile-final.md"), CHILE).unwrap();
    fs::write(corpus.join("chile.html"), chile_html()).unwrap();
    fs::write(corpus.join("peru.txt"), PERU).unwrap();
    fs::write(
        corpus.join("notes.txt"),
        "Some thoughts on darknet escrow for the next session, written before we knew our country.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    let out = run(&index, &["index", corpus.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));

    // who: Chile once, with one paper's worth of passages.
    let rows = who_rows(&index, "darknet escrow");
    let chile: Vec<_> = rows.iter().filter(|r| r["country"] == "Chile").collect();
    assert_eq!(chile.len(), 1, "{rows:?}");
    assert_eq!(chile[0]["papers"], 1, "{:?}", chile[0]);

    // search: the task-force passage ranks once, not once per format.
    let out = run(&index, &["search", "task force", "--json"]);
    let lines = json_lines(&out);
    let hits = of_type(&lines, "hit");
    let chile_hits = hits.iter().filter(|h| h["country"] == "Chile").count();
    assert_eq!(chile_hits, 1, "{hits:?}");

    // list: the folds, kept file first in preference (Markdown), and the unplaced note.
    let out = run(&index, &["list", "--json"]);
    assert!(out.status.success());
    let lines = json_lines(&out);
    let folded: Vec<(String, String)> = of_type(&lines, "folded")
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_owned(),
                f["same_as"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        folded,
        vec![
            ("chile.html".to_owned(), "drafts/chile-final.md".to_owned()),
            ("chile.txt".to_owned(), "drafts/chile-final.md".to_owned()),
        ]
    );
    let unplaced = of_type(&lines, "unplaced");
    assert_eq!(unplaced.len(), 1, "{unplaced:?}");
    assert_eq!(unplaced[0]["file"], "notes.txt");
    let text = common::stdout(&run(&index, &["list"]));
    assert!(text.contains("chile.txt → drafts/chile-final.md"), "{text}");
    assert!(
        text.contains("notes.txt (no country, no committee)"),
        "{text}"
    );
    // Chile, Peru and the unplaced note: three papers, two countries.
    assert!(
        text.contains("3 papers from 2 countries in 1 committee."),
        "{text}"
    );

    // The kept file goes: a copy is indexed in its place, as a clean build would.
    fs::remove_file(corpus.join("drafts/chile-final.md")).unwrap();
    let out = run(&index, &["index", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let after = who_rows(&index, "darknet escrow");
    let fresh = dir.path().join("fresh");
    let out = run(&fresh, &["index", corpus.to_str().unwrap()]);
    assert!(out.status.success());
    // Scores may differ (the index keeps the old copy's word statistics until it
    // merges), what is found may not.
    let found = |rows: &[serde_json::Value]| -> Vec<String> {
        rows.iter()
            .map(|r| {
                format!(
                    "{} {} {} {}",
                    r["country"], r["papers"], r["passages"], r["best"]["file"]
                )
            })
            .collect()
    };
    assert_eq!(found(&after), found(&who_rows(&fresh, "darknet escrow")));
    let chile: Vec<_> = after.iter().filter(|r| r["country"] == "Chile").collect();
    assert_eq!(chile.len(), 1, "{after:?}");
    assert_eq!(chile[0]["papers"], 1);
}

#[test]
fn two_papers_of_one_country_on_different_texts_are_not_folded() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("chile.txt"), CHILE).unwrap();
    fs::write(
        corpus.join("chile-2.md"),
        "Country: Chile\nCommittee: CND\nTopic: Alternative Development\n\nChile funds farmers in the north who leave coca for quinoa and olives, and it asks the Commission to count such programmes as part of every national drug strategy.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    let out = run(&index, &["index", corpus.to_str().unwrap()]);
    assert!(out.status.success());
    let lines = json_lines(&run(&index, &["list", "--json"]));
    assert!(of_type(&lines, "folded").is_empty());
}

/// What a run decides about copies, and what it finds, as `list` and `who` say it.
fn folds_and_rows(index: &Path) -> (Vec<String>, Vec<String>) {
    let out = run(index, &["list", "--json"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let lines = json_lines(&out);
    let folded = of_type(&lines, "folded")
        .iter()
        .map(|f| format!("{} -> {}", f["file"], f["same_as"]))
        .collect();
    let rows = who_rows(index, "darknet escrow")
        .iter()
        .map(|r| format!("{} {} {}", r["country"], r["papers"], r["best"]["file"]))
        .collect();
    (folded, rows)
}

#[test]
fn updates_decide_copies_again_where_files_changed_as_a_fresh_build_would() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("chile.txt"), CHILE).unwrap();
    fs::write(corpus.join("chile.html"), chile_html()).unwrap();
    fs::write(corpus.join("peru.txt"), PERU).unwrap();
    let index = dir.path().join("index");
    let same_as_fresh = |step: &str| {
        let out = run(&index, &["index", corpus.to_str().unwrap()]);
        assert!(out.status.success(), "{step}: {}", common::stderr(&out));
        let fresh = dir.path().join(format!("fresh-{step}"));
        let out = run(&fresh, &["index", corpus.to_str().unwrap()]);
        assert!(out.status.success(), "{step}: {}", common::stderr(&out));
        let (now, expected) = (folds_and_rows(&index), folds_and_rows(&fresh));
        assert_eq!(now, expected, "{step}");
        now
    };
    let (folded, _) = same_as_fresh("first");
    assert_eq!(folded, vec!["\"chile.txt\" -> \"chile.html\""]);
    // Another country's paper changes: Chile's copies are not compared again, and stay
    // folded as the record says.
    fs::write(corpus.join("peru.txt"), PERU.replace("coca leaf", "coca")).unwrap();
    let (folded, _) = same_as_fresh("peru changed");
    assert_eq!(folded, vec!["\"chile.txt\" -> \"chile.html\""]);
    // A third copy, in the preferred format: it becomes the one indexed.
    fs::write(corpus.join("chile.md"), CHILE).unwrap();
    let (folded, _) = same_as_fresh("copy added");
    assert_eq!(
        folded,
        vec![
            "\"chile.html\" -> \"chile.md\"",
            "\"chile.txt\" -> \"chile.md\""
        ]
    );
    // The web page is rewritten into another paper: it is no longer a copy.
    let other = CHILE
        .replace(
            "couriers who cross the Andes",
            "ships that leave Valparaiso",
        )
        .replace(
            "share seizure data among customs services every month",
            "fund port scanners",
        )
        .replace(
            "train officers to trace cryptocurrency",
            "close the northern border crossings at night",
        )
        .replace(
            "the pandemic closed the land borders",
            "the new highway opened",
        );
    fs::write(corpus.join("chile.html"), other).unwrap();
    let (folded, rows) = same_as_fresh("copy rewritten");
    assert_eq!(folded, vec!["\"chile.txt\" -> \"chile.md\""]);
    assert!(
        rows.iter().any(|r| r.starts_with("\"Chile\" 2")),
        "{rows:?}"
    );
    // The kept file goes.
    fs::remove_file(corpus.join("chile.md")).unwrap();
    let (folded, _) = same_as_fresh("kept file removed");
    assert!(folded.is_empty(), "{folded:?}");
}
