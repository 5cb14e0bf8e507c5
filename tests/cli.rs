//! Behaviour a user sees, by running the built binary on small corpora made here:
//! indexing (incremental counts, bad files), search, who, --missing, filters, JSON,
//! bad queries and exit codes.

mod common;

use common::{json_lines, of_type, run, stderr, stdout};
use std::fs;
use std::path::{Path, PathBuf};

struct Fixture {
    _dir: tempfile::TempDir,
    corpus: PathBuf,
    index: PathBuf,
}

const BELGIUM: &str = "Country: Kingdom of Belgium\n\nCommittee: Commission on Narcotic Drugs (CND)\n\nTopic: Online Drug Trafficking\n\nI. Background\n\nDarknet marketplaces rely on escrow systems<sup>[1]</sup> and bitcoin tumbling to protect buyers.\n\nII. Position\n\nBelgium supports an international task force on darknet markets, working with Colombia and Peru.\n\nIII. Proposed Solutions\n\nThe task force should share intelligence through Europol.\n\nBibliography\n\n- [1] United Nations Office on Drugs and Crime, World Drug Report 2019.\n";
const RUSSIA: &str = "Delegation: Russian Federation\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBackground\n\nThe Russian Federation opposes any legalisation and defends national control of the internet.\n\nPosition\n\nWe reject the so-called harm reduction approach and insist on strict prohibition.\n";
const PERU: &str = "**Country:** Peru\n**Committee:** Commission on Narcotic Drugs\n**Topic:** Online Drug Trafficking\n\n## Background\n\nCoca growers need alternative development and shared responsibility from consuming states.\n\n## Solutions\n\nWe propose that escrows used by traffickers be traced by a regional task force.\n";
const CHILE: &str = "Country: Chile\nCommittee: DISEC\nTopic: Lethal Autonomous Weapons Systems\n\nBackground\n\nChile calls for meaningful human control over autonomous weapons and a binding treaty.\n";

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(corpus.join("cnd")).unwrap();
    fs::create_dir_all(corpus.join("disec")).unwrap();
    fs::write(corpus.join("cnd/belgium.txt"), BELGIUM).unwrap();
    fs::write(corpus.join("cnd/russia.txt"), RUSSIA).unwrap();
    fs::write(corpus.join("cnd/peru.md"), PERU).unwrap();
    fs::write(corpus.join("disec/chile.txt"), CHILE).unwrap();
    let index = dir.path().join("index");
    Fixture {
        corpus,
        index,
        _dir: dir,
    }
}

fn index(f: &Fixture) -> serde_json::Value {
    let o = run(&f.index, &["index", f.corpus.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    of_type(&lines, "summary")[0].clone()
}

fn code(o: &std::process::Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

#[test]
fn index_is_incremental_and_counts_what_changed() {
    let f = fixture();
    let s = index(&f);
    assert_eq!(
        (s["new"].as_u64(), s["papers"].as_u64()),
        (Some(4), Some(4))
    );
    let s = index(&f);
    assert_eq!(
        (s["new"].as_u64(), s["unchanged"].as_u64()),
        (Some(0), Some(4))
    );
    fs::write(
        f.corpus.join("cnd/russia.txt"),
        RUSSIA.replace("strict prohibition", "zero tolerance"),
    )
    .unwrap();
    fs::remove_file(f.corpus.join("disec/chile.txt")).unwrap();
    fs::write(
        f.corpus.join("cnd/iran.txt"),
        RUSSIA.replace("Russian Federation", "Iran"),
    )
    .unwrap();
    let s = index(&f);
    assert_eq!(s["new"].as_u64(), Some(1));
    assert_eq!(s["changed"].as_u64(), Some(1));
    assert_eq!(s["removed"].as_u64(), Some(1));
    assert_eq!(s["unchanged"].as_u64(), Some(2));
    // The change is searchable, the removed paper is gone.
    let o = run(&f.index, &["who", "zero tolerance", "--json"]);
    let names: Vec<String> = of_type(&json_lines(&o), "country")
        .iter()
        .map(|c| c["country"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, vec!["Russia".to_owned()]);
    let o = run(&f.index, &["who", "strict prohibition", "--json"]);
    let names: Vec<String> = of_type(&json_lines(&o), "country")
        .iter()
        .map(|c| c["country"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, vec!["Iran".to_owned()]);
    assert_eq!(code(&run(&f.index, &["search", "autonomous"])), 1);
    // A touched but unchanged file is not re-read as changed.
    let content = fs::read(f.corpus.join("cnd/belgium.txt")).unwrap();
    fs::write(f.corpus.join("cnd/belgium.txt"), content).unwrap();
    let s = index(&f);
    assert_eq!(
        (s["changed"].as_u64(), s["unchanged"].as_u64()),
        (Some(0), Some(4))
    );
    let s = {
        let o = run(
            &f.index,
            &["index", f.corpus.to_str().unwrap(), "--rebuild", "--json"],
        );
        of_type(&json_lines(&o), "summary")[0].clone()
    };
    assert_eq!(s["new"].as_u64(), Some(4));
}

/// Every file in the index folder with its size and modification time.
fn snapshot(dir: &Path) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let m = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                m.len(),
                m.modified().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_run_with_nothing_to_do_writes_nothing() {
    let f = fixture();
    index(&f);
    let before = snapshot(&f.index);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let s = index(&f);
    assert_eq!(
        (s["unchanged"].as_u64(), s["papers"].as_u64()),
        (Some(4), Some(4))
    );
    assert_eq!(
        snapshot(&f.index),
        before,
        "a run with no change wrote files"
    );
    let o = run(&f.index, &["who", "escrow", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("changed since"), "{}", stderr(&o));
    // A touched file (same text, new time) is recorded with its new time.
    let record = |dir: &Path| {
        fs::metadata(dir.join("caucus-files.bin"))
            .unwrap()
            .modified()
            .unwrap()
    };
    let was = record(&f.index);
    let content = fs::read(f.corpus.join("cnd/belgium.txt")).unwrap();
    fs::write(f.corpus.join("cnd/belgium.txt"), content).unwrap();
    index(&f);
    assert_ne!(record(&f.index), was);
    let again = snapshot(&f.index);
    std::thread::sleep(std::time::Duration::from_millis(20));
    index(&f);
    assert_eq!(snapshot(&f.index), again);
    // A file skipped as unreadable is said again on every run, changed or not.
    fs::write(f.corpus.join("cnd/blob.txt"), b"abc\0\0\0\x01\x02binary").unwrap();
    for _ in 0..2 {
        let o = run(&f.index, &["index", f.corpus.to_str().unwrap(), "--json"]);
        let lines = json_lines(&o);
        let warned: Vec<_> = of_type(&lines, "warning")
            .iter()
            .filter_map(|w| w["file"].as_str().map(str::to_owned))
            .collect();
        assert!(warned.iter().any(|w| w.ends_with("blob.txt")), "{warned:?}");
        assert_eq!(of_type(&lines, "summary")[0]["papers"].as_u64(), Some(4));
    }
}

#[test]
fn a_run_cut_off_before_saving_its_record_never_indexes_a_paper_twice() {
    let f = fixture();
    index(&f);
    let count = |f: &Fixture| {
        let o = run(&f.index, &["who", "task force", "--json"]);
        of_type(&json_lines(&o), "summary")[0]["total_passages"].as_u64()
    };
    let before = count(&f);
    // The commit happened but the file record was lost (or is older than it).
    fs::remove_file(f.index.join("caucus-files.bin")).unwrap();
    let s = index(&f);
    assert_eq!(s["papers"].as_u64(), Some(4));
    assert_eq!(count(&f), before);
}

#[test]
fn who_groups_by_country_with_exact_counts_and_missing() {
    let f = fixture();
    index(&f);
    let o = run(&f.index, &["who", "task force", "--json"]);
    assert_eq!(code(&o), 0);
    let lines = json_lines(&o);
    let rows = of_type(&lines, "country");
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["country"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Belgium", "Peru"]);
    assert_eq!(rows[0]["passages"].as_u64(), Some(2));
    assert_eq!(rows[0]["papers"].as_u64(), Some(1));
    assert!(rows[0]["best"]["location"]
        .as_str()
        .unwrap()
        .starts_with("cnd/belgium.txt:"));
    // Colombia and Peru are named in Belgium's paper: naming is not authoring.
    let o = run(&f.index, &["who", "colombia", "--json"]);
    let names: Vec<String> = of_type(&json_lines(&o), "country")
        .iter()
        .map(|c| c["country"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, vec!["Belgium"]);
    // --missing lists the countries of the filtered papers that do not mention it.
    let o = run(
        &f.index,
        &[
            "who",
            "task force",
            "--committee",
            "CND",
            "--missing",
            "--json",
        ],
    );
    let lines = json_lines(&o);
    let summary = of_type(&lines, "summary")[0];
    assert_eq!(summary["missing"], serde_json::json!(["Russia"]));
    let o = run(&f.index, &["who", "task force", "--missing"]);
    assert!(
        stdout(&o).contains("Not mentioning it (2): Chile, Russia"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn search_ranks_highlights_filters_and_locates() {
    let f = fixture();
    index(&f);
    let o = run(&f.index, &["search", "escrow", "--json"]);
    let lines = json_lines(&o);
    let hits = of_type(&lines, "hit");
    // Stemming: escrow finds escrows; both papers.
    assert_eq!(hits.len(), 2);
    let belgium = hits.iter().find(|h| h["country"] == "Belgium").unwrap();
    assert_eq!(belgium["location"], "cnd/belgium.txt:9");
    assert_eq!(belgium["section_kind"], "background");
    assert_eq!(belgium["citations"], serde_json::json!([1]));
    let snip = &belgium["snippets"][0];
    let text = snip["text"].as_str().unwrap();
    let [a, b] = [
        snip["highlights"][0][0].as_u64().unwrap() as usize,
        snip["highlights"][0][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(&text[a..b], "escrow");
    // A phrase is one highlight span.
    let o = run(
        &f.index,
        &["search", "\"task force\"", "--json", "--country", "Peru"],
    );
    let lines = json_lines(&o);
    let hit = of_type(&lines, "hit")[0];
    assert_eq!(hit["country"], "Peru");
    let snip = &hit["snippets"][0];
    let (a, b) = (
        snip["highlights"][0][0].as_u64().unwrap() as usize,
        snip["highlights"][0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&snip["text"].as_str().unwrap()[a..b], "task force");
    // Filters by committee name or code, section, and country in the question.
    for args in [
        vec![
            "search",
            "binding treaty",
            "--committee",
            "disarmament and international security committee",
            "--json",
        ],
        vec!["search", "binding treaty", "--committee", "DISEC", "--json"],
    ] {
        let o = run(&f.index, &args);
        assert_eq!(of_type(&json_lines(&o), "hit").len(), 1, "{args:?}");
    }
    let o = run(
        &f.index,
        &["search", "task force", "--section", "solutions", "--json"],
    );
    let lines = json_lines(&o);
    assert!(of_type(&lines, "hit")
        .iter()
        .all(|h| h["section_kind"] == "solutions"));
    let o = run(
        &f.index,
        &[
            "search",
            "what does Russia say about harm reduction",
            "--json",
        ],
    );
    let lines = json_lines(&o);
    let hits = of_type(&lines, "hit");
    assert!(!hits.is_empty() && hits.iter().all(|h| h["country"] == "Russia"));
    // Passages with all the words rank above those with some.
    let o = run(&f.index, &["search", "darknet escrow", "--json"]);
    let lines = json_lines(&o);
    assert_eq!(of_type(&lines, "hit")[0]["country"], "Belgium");
    // Boolean syntax and exclusion.
    let o = run(
        &f.index,
        &[
            "search",
            "(escrow OR prohibition) -country:Russia",
            "--json",
        ],
    );
    let lines = json_lines(&o);
    let countries: Vec<&str> = of_type(&lines, "hit")
        .iter()
        .map(|h| h["country"].as_str().unwrap())
        .collect();
    assert!(!countries.contains(&"Russia") && !countries.is_empty());
}

#[test]
fn bad_queries_and_unknown_filters_are_clear_errors() {
    let f = fixture();
    index(&f);
    let o = run(&f.index, &["search", "\"task force"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("unclosed quote"), "{}", stderr(&o));
    assert!(stderr(&o).starts_with("caucus: error:"));
    let o = run(&f.index, &["search", "escrow", "--country", "Belgum"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("did you mean Belgium"),
        "{}",
        stderr(&o)
    );
    let o = run(&f.index, &["who", "(escrow OR"]);
    assert_eq!(code(&o), 2);
    // Nothing found is exit 1, not an error.
    let o = run(&f.index, &["search", "zyxxyq"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("No passage matches"));
}

#[test]
fn bad_files_are_skipped_with_a_warning_and_nothing_is_lost() {
    let f = fixture();
    index(&f);
    fs::write(
        f.corpus.join("cnd/garbage.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3],
    )
    .unwrap();
    fs::write(f.corpus.join("cnd/photo.png"), [137u8, 80, 78, 71]).unwrap();
    // A previously good paper turned into binary keeps its indexed version.
    fs::write(f.corpus.join("cnd/russia.txt"), [0u8, 0, 0, 1]).unwrap();
    let o = run(&f.index, &["index", f.corpus.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("cnd/garbage.txt: binary file"), "{err}");
    assert!(err.contains("cnd/russia.txt"), "{err}");
    assert!(stdout(&o).contains("2 skipped"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("1 other file ignored"),
        "{}",
        stdout(&o)
    );
    let o = run(&f.index, &["who", "prohibition", "--json"]);
    assert_eq!(of_type(&json_lines(&o), "country")[0]["country"], "Russia");
}

#[test]
fn a_second_writer_gets_a_clear_busy_error() {
    let f = fixture();
    index(&f);
    // Hold tantivy's writer lock the way a running `caucus index` does.
    let lock = f.index.join(".tantivy-writer.lock");
    let file = fs::File::create(&lock).unwrap();
    fs2::FileExt::lock_exclusive(&file).unwrap();
    let o = run(&f.index, &["index", f.corpus.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("being updated by another process"),
        "{}",
        stderr(&o)
    );
    // Searching while it is locked still works.
    assert_eq!(code(&run(&f.index, &["search", "escrow"])), 0);
}

#[test]
fn a_query_on_a_missing_index_builds_it_from_corpus_first() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("corpus")).unwrap();
    fs::write(dir.path().join("corpus/belgium.txt"), BELGIUM).unwrap();
    let o = common::bin()
        .current_dir(dir.path())
        .args(["who", "darknet escrow"])
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("indexing corpus/ first"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("Belgium"));
    assert!(Path::new(&dir.path().join("index/meta.json")).exists());
    // Once the corpus changes, a query says so.
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(dir.path().join("corpus/peru.md"), PERU).unwrap();
    let o = common::bin()
        .current_dir(dir.path())
        .args(["who", "escrow"])
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("changed since the index was built"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_command_speaks_json_and_colour_follows_the_terminal() {
    let f = fixture();
    index(&f);
    for args in [
        vec!["search", "task force"],
        vec!["who", "task force"],
        vec!["list"],
    ] {
        let mut a = args.clone();
        a.push("--json");
        let o = run(&f.index, &a);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert!(!json_lines(&o).is_empty());
        // Not a terminal: no escape codes in text output.
        let o = run(&f.index, &args);
        assert!(!stdout(&o).contains('\x1b'), "{args:?}");
    }
    let o = run(&f.index, &["--color", "always", "search", "task force"]);
    assert!(
        stdout(&o).contains("\x1b[1;31mtask force\x1b[0m"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn include_and_exclude_globs_narrow_the_walk() {
    let f = fixture();
    let o = run(
        &f.index,
        &[
            "index",
            f.corpus.to_str().unwrap(),
            "--include",
            "*.md",
            "--json",
        ],
    );
    assert_eq!(
        of_type(&json_lines(&o), "summary")[0]["papers"].as_u64(),
        Some(1)
    );
    let o = run(
        &f.index,
        &[
            "index",
            f.corpus.to_str().unwrap(),
            "--exclude",
            "cnd/*",
            "--json",
        ],
    );
    let lines = json_lines(&o);
    let s = of_type(&lines, "summary")[0];
    assert_eq!(
        (s["papers"].as_u64(), s["removed"].as_u64()),
        (Some(1), Some(1))
    );
    let o = run(
        &f.index,
        &["index", f.corpus.to_str().unwrap(), "--include", "["],
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("bad glob"), "{}", stderr(&o));
}

/// A country's best passage is what it wrote, not the title of a source it cites:
/// a short bibliography entry naming the subject outscores prose by BM25 alone.
#[test]
fn prose_ranks_above_the_bibliography_entry_that_names_the_subject() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(
        corpus.join("austria.txt"),
        "Country: Austria\nCommittee: DISEC\nTopic: Autonomous Weapons\n\nPosition\n\nAustria has long argued in Geneva and in New York that meaningful human control over the use of force must be kept in every weapon system, and it calls for negotiations on a treaty that prohibits lethal autonomous weapons systems which cannot be used under such control.\n\nWorks Cited\n\nUnited Nations General Assembly. \"Lethal Autonomous Weapons Systems.\" 2023.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    assert!(run(&index, &["index", corpus.to_str().unwrap()])
        .status
        .success());

    let lines = json_lines(&run(
        &index,
        &["who", "lethal autonomous weapons", "--json"],
    ));
    let rows = of_type(&lines, "country");
    assert_eq!(rows.len(), 1);
    // Both passages count; the prose is shown.
    assert_eq!(rows[0]["passages"], 2, "{:?}", rows[0]);
    assert_eq!(rows[0]["best"]["section_kind"], "position", "{:?}", rows[0]);

    let lines = json_lines(&run(
        &index,
        &["search", "lethal autonomous weapons", "--json"],
    ));
    let hits = of_type(&lines, "hit");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0]["section_kind"], "position");
    assert_eq!(hits[1]["section_kind"], "bibliography");
}

/// A corpus of these (file, text) papers, indexed; the folder lives as long as the
/// returned guard.
fn indexed(papers: &[(&str, String)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    for (file, text) in papers {
        fs::write(corpus.join(file), text).unwrap();
    }
    let index = dir.path().join("index");
    let o = run(&index, &["index", corpus.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    (dir, index)
}

#[test]
fn a_passage_that_is_only_a_heading_ranks_after_every_passage_with_text() {
    // A heading line too long for the parser to take as one stays a passage of its
    // own; short and dense, it out-scores the prose under plain BM25.
    let (_dir, index) = indexed(&[
        (
            "belgium.md",
            "Country: Belgium\nCommittee: CND\nTopic: Online Drug Trafficking\n\n## Background\n\nDarknet markets sell drugs to buyers across Europe, and escrow holds the money until delivery.\n\nOcean Shipping Routes And Darknet Escrow Between Antwerp And Rotterdam Ports\n\nBelgium asks for a task force on darknet escrow services that hold payments for vendors.\n".to_owned(),
        ),
        (
            "france.txt",
            "Country: France\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBackground\n\nFrance notes that darknet vendors rely on escrow to win the trust of buyers, and that this escrow is where investigators can follow the money.\n".to_owned(),
        ),
    ]);
    let o = run(&index, &["search", "darknet escrow", "--full", "--json"]);
    let lines = json_lines(&o);
    let hits = of_type(&lines, "hit");
    let texts: Vec<&str> = hits.iter().map(|h| h["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert!(texts[3].starts_with("Ocean Shipping Routes"), "{texts:?}");
    // It still counts and is found when nothing else is.
    let o = run(&index, &["search", "Rotterdam ports", "--full", "--json"]);
    let lines = json_lines(&o);
    assert_eq!(of_type(&lines, "hit").len(), 1);
}

#[test]
fn a_piece_of_the_paragraph_that_only_repeats_a_word_is_not_joined() {
    // One long paragraph, cut into several passages: the first names the United
    // States, the last holds every word asked for. The hit is the last piece alone.
    let filler = "Our fishers, farmers and teachers have told this Assembly year after year how the changing weather reaches every village on every coast. ".repeat(5);
    let (_dir, index) = indexed(&[(
        "tuvalu.txt",
        format!("Country: Tuvalu\nCommittee: GA\nTopic: General Debate\n\nBackground\n\nWe thank the United States for its support of our schools. {filler}Small island states watch sea level rise take their land, and we ask every nation to act.\n"),
    )]);
    for cmd in ["search", "who"] {
        let o = run(&index, &[cmd, "island states sea level rise", "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let lines = json_lines(&o);
        let hit = if cmd == "search" {
            of_type(&lines, "hit")[0].clone()
        } else {
            of_type(&lines, "country")[0]["best"].clone()
        };
        assert!(hit.get("joined").is_none(), "{cmd}: {hit}");
        let snippets = hit["snippets"].as_array().unwrap();
        assert_eq!(snippets.len(), 1, "{cmd}: {snippets:?}");
        assert!(snippets[0]["text"]
            .as_str()
            .unwrap()
            .contains("sea level rise"));
    }
}

#[test]
fn only_the_pieces_next_to_a_hit_join_it() {
    // One paragraph cut into several passages: "bitcoin" in the first, "escrow" in
    // the last. Matches are made over a piece and its neighbour, so the last piece is
    // no part of the first one's hit, whatever word of the query it holds (the
    // paragraph is one hit).
    let filler = "Our customs officers have followed the parcels that cross our ports and airports for several years, and they have learned how sellers hide pills in ordinary goods. ".repeat(4);
    let (_dir, index) = indexed(&[(
        "belgium.txt",
        format!("Country: Belgium\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBackground\n\nBuyers pay in bitcoin. {filler}{filler}{filler}Vendors rely on escrow services.\n"),
    )]);
    let o = run(&index, &["search", "escrow OR bitcoin", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    let hits = of_type(&lines, "hit");
    assert_eq!(hits.len(), 1, "{hits:?}");
    for hit in hits {
        let own = hit["passage"].as_u64().unwrap();
        let joined = hit
            .get("joined")
            .and_then(|j| j.as_array())
            .cloned()
            .unwrap_or_default();
        assert!(
            joined
                .iter()
                .all(|n| n.as_u64().unwrap().abs_diff(own) == 1),
            "{hit}"
        );
        assert_eq!(hit["snippets"].as_array().unwrap().len(), 1, "{hit}");
    }
}

#[test]
fn stance_reads_more_of_a_paper_written_in_short_paragraphs() {
    // Short paragraphs that only name escrow rank first; the one sentence that takes a
    // side is long, so it ranks fifth. Three short passages are too little text to
    // judge a stance from: more of the country's best passages are read.
    let mut text =
        "Country: Belgium\nCommittee: CND\nTopic: Online Drug Trafficking\n\n".to_owned();
    for line in [
        "Escrow was discussed.",
        "Escrow came up again.",
        "Escrow is a word.",
        "Escrow was noted.",
    ] {
        text.push_str(line);
        text.push_str("\n\n");
    }
    text.push_str("Belgium strongly supports the regulation of escrow services that hold the payments of buyers on darknet markets, since the police and the customs services of every member state have asked for it.\n");
    let (_dir, index) = indexed(&[("belgium.txt", text)]);
    let o = run(&index, &["who", "escrow", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    let row = of_type(&lines, "country")[0].clone();
    assert_eq!(row["stance"], "support", "{row}");
}

#[test]
fn a_mixed_stance_shows_a_sentence_for_each_side() {
    let (_dir, index) = indexed(&[(
        "belgium.txt",
        "Country: Belgium\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBelgium strongly supports a register of escrow agents run by the customs services of every member state.\n\nBelgium firmly rejects escrow services that let anonymous vendors hold the payments of buyers on darknet markets.\n".to_owned(),
    )]);
    let o = run(&index, &["who", "escrow", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    let row = of_type(&lines, "country")[0].clone();
    assert_eq!(row["stance"], "mixed", "{row}");
    let sides = [&row["evidence"]["side"], &row["counter_evidence"]["side"]];
    assert!(sides.contains(&&serde_json::json!("support")), "{row}");
    assert!(sides.contains(&&serde_json::json!("oppose")), "{row}");
    let o = run(&index, &["who", "escrow"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("for: Belgium strongly supports"), "{text}");
    assert!(text.contains("against: Belgium firmly rejects"), "{text}");
    // A side taken alone shows one sentence, as "stance:".
    let o = run(&index, &["who", "register of escrow agents"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("stance: Belgium strongly supports"), "{text}");
    assert!(!text.contains("against:"), "{text}");
}

#[test]
fn a_hit_joined_across_a_cut_is_shown_whole_with_full() {
    // One paragraph of about 190 words: "darknet" opens it and "escrow" closes it, so the
    // passage cut falls between them.
    let filler = "Belgium has followed the parcels that cross its ports and airports for several years, and its customs officers have learned how sellers hide pills in ordinary goods. ".repeat(6);
    let (_dir, index) = indexed(&[(
        "belgium.txt",
        format!("Country: Belgium\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBackground\n\nDarknet marketplaces are where most of these sales begin. {filler}Buyers pay through escrow services that hold the money until delivery.\n"),
    )]);
    let o = run(&index, &["search", "darknet escrow", "--full", "--json"]);
    let lines = json_lines(&o);
    let hits = of_type(&lines, "hit");
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = hits[0];
    assert!(!hit["joined"].as_array().unwrap().is_empty(), "{hit}");
    // The whole text is both pieces, in reading order, each snippet a whole piece.
    let text = hit["text"].as_str().unwrap();
    assert!(text.starts_with("Darknet marketplaces"), "{text}");
    assert!(text.ends_with("until delivery."), "{text}");
    let snippets = hit["snippets"].as_array().unwrap();
    assert_eq!(snippets.len(), 2, "{snippets:?}");
    let pieces: Vec<&str> = snippets
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(pieces.join(" "), text);
    assert!(snippets
        .iter()
        .all(|s| !s["highlights"].as_array().unwrap().is_empty()));
    // Without --full, the pieces are windows around the words, not whole passages.
    let o = run(&index, &["search", "darknet escrow", "--json"]);
    let lines = json_lines(&o);
    let hit = of_type(&lines, "hit")[0];
    assert!(hit.get("text").is_none());
    let shown: usize = hit["snippets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().len())
        .sum();
    assert!(shown < text.len(), "{hit}");
}

#[test]
fn an_index_without_cut_paragraphs_says_so_and_finds_the_cut_once_there_is_one() {
    let summary = |index: &Path| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(index.join("caucus.json")).unwrap()).unwrap()
    };
    let short = "Country: Peru\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBackground\n\nDarknet escrow services hold the money until delivery.\n".to_owned();
    let (dir, index) = indexed(&[("peru.txt", short)]);
    assert_eq!(summary(&index)["catalog"]["no_split_paragraphs"], true);
    let o = run(&index, &["who", "darknet escrow", "--json"]);
    let rows = json_lines(&o);
    assert_eq!(of_type(&rows, "country").len(), 1, "{rows:?}");
    // One country: no word on how the rows are ranked.
    let text = stdout(&run(&index, &["who", "darknet escrow"]));
    assert!(
        text.contains("1 country mentions it in 1 passage.\n"),
        "{text}"
    );
    assert!(!text.contains("ranked"), "{text}");
    // A paragraph of about 190 words, "darknet" at its start and "escrow" at its end.
    let filler = "Belgium has followed the parcels that cross its ports and airports for several years, and its customs officers have learned how sellers hide pills in ordinary goods. ".repeat(6);
    fs::write(
        dir.path().join("papers/belgium.txt"),
        format!("Country: Belgium\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBackground\n\nDarknet marketplaces are where most of these sales begin. {filler}Buyers pay through escrow services that hold the money until delivery.\n"),
    )
    .unwrap();
    let o = run(
        &index,
        &["index", dir.path().join("papers").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(summary(&index)["catalog"]["no_split_paragraphs"], false);
    let o = run(&index, &["who", "darknet escrow", "--json"]);
    let rows = json_lines(&o);
    let countries: Vec<&str> = of_type(&rows, "country")
        .iter()
        .map(|r| r["country"].as_str().unwrap())
        .collect();
    assert!(countries.contains(&"Belgium"), "{countries:?}");
    assert!(countries.contains(&"Peru"), "{countries:?}");
}

#[test]
fn another_name_for_all_the_words_outranks_some_of_them() {
    let paper = |country: &str, body: &str| {
        format!("Country: {country}\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBackground\n\n{body}\n")
    };
    let (_dir, index) = indexed(&[
        (
            "usa.txt",
            paper(
                "United States",
                "The DEA works with partners in every region to close online markets.",
            ),
        ),
        (
            "nigeria.txt",
            paper(
                "Nigeria",
                "Drug enforcement agencies need training, and drug enforcement needs money.",
            ),
        ),
        (
            "peru.txt",
            paper(
                "Peru",
                "Drug crops are replaced by coffee and cocoa in the valleys.",
            ),
        ),
    ]);
    // "DEA" names all three words; Nigeria's passage holds two of them.
    let o = run(
        &index,
        &["search", "Drug Enforcement Administration", "--json"],
    );
    let lines = json_lines(&o);
    let countries: Vec<&str> = of_type(&lines, "hit")
        .iter()
        .map(|h| h["country"].as_str().unwrap())
        .collect();
    assert_eq!(countries.first(), Some(&"United States"), "{countries:?}");
}

#[test]
fn who_falls_back_on_most_of_the_words_and_says_so() {
    let f = fixture();
    index(&f);
    let countries = |o: &std::process::Output| -> Vec<String> {
        of_type(&json_lines(o), "country")
            .iter()
            .map(|c| c["country"].as_str().unwrap().to_owned())
            .collect()
    };
    // No passage has all three: Chile's has the two rarer ones. Belgium's "escrow"
    // and Russia's "control" alone are too small a share of the question.
    let o = run(&f.index, &["who", "escrow human control", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(countries(&o), vec!["Chile"]);
    let lines = json_lines(&o);
    let summary = of_type(&lines, "summary")[0];
    assert_eq!(summary["partial"]["min_share"].as_f64(), Some(0.5));
    assert!(summary.get("unused").is_none(), "{summary}");
    let text = stdout(&run(&f.index, &["who", "escrow human control"]));
    assert!(text.contains("No passage has every word of"), "{text}");
    assert!(text.contains("1 country mentions part of it"), "{text}");
    // A word no paper uses is named, and the rest still answers.
    let o = run(
        &f.index,
        &["who", "escrow traced regional zyqorblat", "--json"],
    );
    assert_eq!(countries(&o), vec!["Peru"]);
    let lines = json_lines(&o);
    let summary = of_type(&lines, "summary")[0];
    assert_eq!(summary["unused"], serde_json::json!(["zyqorblat"]));
    let partial = &summary["partial"];
    // Every word some paper uses, first: Belgium's "escrow" alone does not count.
    assert_eq!(partial["min_share"].as_f64(), Some(1.0));
    let text = stdout(&run(&f.index, &["who", "escrow traced regional zyqorblat"]));
    assert!(text.contains("every word that some paper uses"), "{text}");
    assert!(text.contains("No paper uses: zyqorblat."), "{text}");
    // When most of the words are in no paper, the answer would be about something else.
    let o = run(&f.index, &["who", "escrow zyqorblat quenthavex", "--json"]);
    assert_eq!(code(&o), 1);
    let lines = json_lines(&o);
    assert_eq!(
        of_type(&lines, "summary")[0]["unused"],
        serde_json::json!(["zyqorblat", "quenthavex"])
    );
    let text = stdout(&run(&f.index, &["who", "escrow zyqorblat quenthavex"]));
    assert!(
        text.contains("No paper uses: zyqorblat, quenthavex."),
        "{text}"
    );
    // A query every word of which matches somewhere is answered as before.
    let o = run(&f.index, &["who", "task force", "--json"]);
    let lines = json_lines(&o);
    assert!(of_type(&lines, "summary")[0].get("partial").is_none());
    // An explicit AND, or a single word, means exactly that: no fallback.
    let o = run(&f.index, &["who", "escrow AND human AND control", "--json"]);
    assert_eq!(code(&o), 1);
    assert!(countries(&o).is_empty());
    let o = run(&f.index, &["who", "zyqorblat", "--json"]);
    assert_eq!(code(&o), 1);
}

#[test]
fn an_index_from_an_older_parser_says_so_and_is_read_again() {
    let paper = "Country: Peru\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBackground\n\nDarknet escrow services hold the money until delivery.\n".to_owned();
    let (dir, index) = indexed(&[("peru.txt", paper)]);
    let o = run(&index, &["who", "darknet escrow"]);
    assert!(!stderr(&o).contains("older caucus"), "{}", stderr(&o));
    // As if an older caucus had written it.
    let path = index.join("caucus.json");
    let mut summary: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    summary["parser_version"] = serde_json::json!(1);
    fs::write(&path, serde_json::to_string(&summary).unwrap()).unwrap();
    let o = run(&index, &["who", "darknet escrow"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("built by an older caucus") && stderr(&o).contains("caucus index"),
        "{}",
        stderr(&o)
    );
    // `caucus index` reads every paper again, and the note is gone.
    let o = run(
        &index,
        &["index", dir.path().join("papers").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // Read again, not kept as unchanged.
    assert!(
        stdout(&o).contains("1 new, 0 changed, 0 unchanged"),
        "{}",
        stdout(&o)
    );
    let o = run(&index, &["who", "darknet escrow"]);
    assert!(!stderr(&o).contains("older caucus"), "{}", stderr(&o));
}

#[test]
fn the_stance_shown_is_a_sentence_that_names_what_was_asked() {
    // The best passage takes its side from a sentence that refers back ("it would
    // ..."); another passage says it outright. The row shows the one that names it.
    let (_dir, index) = indexed(&[(
        "nz.txt",
        "Country: New Zealand\nCommittee: GA\nTopic: Reform\n\nWe discussed the veto and the veto again at length, veto after veto. It would undermine the Charter.\n\nNew Zealand fought against the veto at San Francisco in the year the Charter was signed, with other small states.\n".to_owned(),
    )]);
    let o = run(&index, &["who", "veto", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    let row = of_type(&lines, "country")[0];
    assert_eq!(row["stance"], "oppose", "{row}");
    let sentence = row["evidence"]["sentence"].as_str().unwrap();
    assert!(sentence.contains("veto"), "{sentence}");
}

#[test]
fn a_file_name_with_a_line_break_prints_on_one_line() {
    let f = fixture();
    // Also one whose country the file name does not give, so `list` shows it too.
    fs::write(
        f.corpus.join("cnd/peru\nnotes.txt"),
        "Country: Peru\n\nPeru backs alternative development for coca growers.\n",
    )
    .unwrap();
    fs::write(
        f.corpus.join("cnd/draft\t1.txt"),
        "Notes on coca growers.\n",
    )
    .unwrap();
    index(&f);
    let o = run(&f.index, &["who", "coca growers"]);
    let out = stdout(&o);
    assert!(out.contains("cnd/peru\\nnotes.txt:3"), "{out}");
    assert!(
        !out.lines().any(|l| l.trim_start().starts_with("notes.txt")),
        "{out}"
    );
    let o = run(&f.index, &["list"]);
    let out = stdout(&o);
    assert!(out.contains("cnd/draft\\t1.txt ("), "{out}");
    // JSON keeps the name as it is.
    let o = run(&f.index, &["who", "coca growers", "--json"]);
    assert!(stdout(&o).contains("peru\\nnotes.txt\""), "{}", stdout(&o));
}

#[test]
fn a_dash_word_excludes_it_as_the_readme_says() {
    let f = fixture();
    index(&f);
    // Belgium's task force works through Europol; Peru's does not name it.
    let o = run(&f.index, &["search", "task", "force", "-europol", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines = json_lines(&o);
    let hits: Vec<String> = of_type(&lines, "hit")
        .iter()
        .map(|h| format!("{} {}", h["file"], h["section"]))
        .collect();
    // Peru's solution and Belgium's position stay; Belgium's solution, which names
    // Europol, goes.
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().any(|h| h.contains("peru.md")), "{hits:?}");
    assert!(
        !hits
            .iter()
            .any(|h| h.contains("Solutions") && h.contains("belgium")),
        "{hits:?}"
    );
    let all = run(&f.index, &["search", "task", "force", "--json"]);
    assert_eq!(of_type(&json_lines(&all), "hit").len(), 3);
    // An option after the query is still an option.
    let o = run(
        &f.index,
        &["search", "task", "force", "-europol", "-n", "1"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(&f.index, &["who", "escrow", "-bitcoin", "--json"]);
    let countries: Vec<String> = of_type(&json_lines(&o), "country")
        .iter()
        .filter_map(|d| d["country"].as_str().map(str::to_owned))
        .collect();
    // Belgium's escrow sentence names bitcoin; Peru's does not.
    assert_eq!(countries, ["Peru"], "{}", stdout(&o));
}

#[test]
fn items_of_a_list_take_the_side_its_introduction_puts_them_forward_on() {
    // Bare noun phrases say nothing of a side; the sentence before them does.
    let list = "- A regional deposit scheme for bottles sold in the region;\n\n- A levy on virgin polymers paid by their producers.\n";
    let (_dir, index) = indexed(&[
        (
            "kenya.txt",
            format!("Country: Kenya\nCommittee: UNEP\nTopic: Marine Litter\n\nKenya has fought plastic litter on its coast for a decade.\n\nKenya proposes the following measures:\n\n{list}"),
        ),
        (
            "chile.txt",
            format!("Country: Chile\nCommittee: UNEP\nTopic: Marine Litter\n\nChile has studied plastic litter on its coast for a decade.\n\nThe region's debate has turned on two ideas:\n\n{list}"),
        ),
    ]);
    let o = run(&index, &["who", "deposit scheme", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    let stance_of = |country: &str| {
        of_type(&lines, "country")
            .iter()
            .find(|r| r["country"] == country)
            .map(|r| r["stance"].clone())
    };
    assert_eq!(stance_of("Kenya"), Some(serde_json::json!("support")));
    assert_eq!(stance_of("Chile"), Some(serde_json::json!("mention")));
}

#[test]
fn a_country_filter_takes_the_initials_of_a_union() {
    let (_dir, index) = indexed(&[
        (
            "eu.txt",
            "Country: European Union\nCommittee: UNEP\nTopic: Marine Litter\n\nThe European Union supports a global treaty on plastic pollution.\n".to_owned(),
        ),
        (
            "belgium.txt",
            "Country: Belgium\nCommittee: UNEP\nTopic: Marine Litter\n\nBelgium supports a global treaty on plastic pollution.\n".to_owned(),
        ),
    ]);
    let o = run(&index, &["who", "plastic", "--country", "EU", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    let rows = of_type(&lines, "country");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["country"], "European Union");
    // Initials that name nothing are still an error that suggests.
    let o = run(&index, &["who", "plastic", "--country", "AU"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
