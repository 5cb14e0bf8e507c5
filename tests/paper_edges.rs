//! Paper-reading edge cases from issue 9: many headings parse in linear time, and a
//! short first paragraph without a full stop stays searchable.

mod common;

use caucus::paper;
use caucus::paper::formats::{Format, Limits};
use std::path::Path;

/// 160,000 distinct "Topic B:" lines once took a minute (each new topic was looked
/// up in a list). Every one must still become its own topic, read in one pass.
#[test]
fn many_distinct_topic_headings_are_all_read() {
    let mut text = String::from("Country: Chile\nCommittee: DISEC\n\nChile opens the debate.\n\n");
    let n = 160_000;
    for i in 0..n {
        text.push_str(&format!(
            "Topic B: Subject number {i}\n\nChile speaks on it.\n\n"
        ));
    }
    let p = paper::read_bytes(
        Format::Text,
        text.as_bytes(),
        Path::new("chile.txt"),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(p.topics.len(), n);
    assert_eq!(p.passages.len(), n + 1);
    assert_eq!(p.passages[n].topic, format!("Subject number {}", n - 1));
}

/// A paper opening with a short sentence that has no full stop: that sentence is
/// text to search, not a title.
#[test]
fn a_short_first_paragraph_without_a_full_stop_is_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("belgium.txt"),
        "Belgium wants the darknet escrow markets closed\n\nBelgium also supports a task force on drugs sold online.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    let o = common::run(&index, &["index", corpus.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let o = common::run(&index, &["search", "escrow", "--json"]);
    let hits = common::of_type(&common::json_lines(&o), "hit").len();
    assert_eq!(hits, 1, "{}", common::stdout(&o));
    let p = paper::read_bytes(
        Format::Text,
        b"Belgium wants the darknet escrow markets closed\n\nMore text.",
        Path::new("belgium.txt"),
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(p.title, None);
    assert_eq!(p.passages.len(), 2);
}
