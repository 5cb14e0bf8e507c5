//! A country's word inside a place's name is not the country: "who China" does not
//! list a paper that speaks only of the South China Sea, nor "who Sudan" one that
//! speaks only of South Sudan (`src/index/lexicon/places.tsv`). The place itself is
//! still found, and a paper naming both still mentions the country.

mod common;

use common::{json_lines, of_type, run, who_rows};
use std::fs;
use std::path::{Path, PathBuf};

fn paper(country: &str, body: &str) -> String {
    format!(
        "Country: {country}\nCommittee: General Assembly\nTopic: Peace and security\n\n{body}\n"
    )
}

fn corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("papers");
    fs::create_dir_all(&corpus).unwrap();
    let papers = [
        ("philippines", "Philippines", "The Philippines upholds the arbitral award on the South China Sea and asks every claimant to respect it."),
        ("australia", "Australia", "Australia has pressed China on peace and stability in the South China Sea, and welcomes the dialogue between the United States and China."),
        ("norway", "Norway", "Norway stands with the people of South Sudan as they prepare for their first elections."),
        ("egypt", "Egypt", "Egypt calls for a ceasefire in Sudan and for aid to reach every region of the country."),
        ("brazil", "Brazil", "Brazil welcomes the leadership of South Africa in the Group of Twenty this year."),
        ("kenya", "Kenya", "Kenya believes that Africa must have permanent seats on the Security Council."),
    ];
    for (file, country, body) in papers {
        fs::write(corpus.join(format!("{file}.txt")), paper(country, body)).unwrap();
    }
    corpus
}

fn countries(rows: &[serde_json::Value]) -> Vec<String> {
    let mut v: Vec<String> = rows
        .iter()
        .map(|r| r["country"].as_str().unwrap().to_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_country_inside_a_place_name_is_not_a_mention_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let index = dir.path().join("index");
    let out = run(&index, &["index", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", common::stderr(&out));

    assert_eq!(countries(&who_rows(&index, "China")), ["Australia"]);
    assert_eq!(countries(&who_rows(&index, "Sudan")), ["Egypt"]);
    assert_eq!(countries(&who_rows(&index, "Africa")), ["Kenya"]);

    // The places are found when they are what is asked, quoted or not.
    assert_eq!(
        countries(&who_rows(&index, "\"South China Sea\"")),
        ["Australia", "Philippines"]
    );
    assert_eq!(
        countries(&who_rows(&index, "china sea")),
        ["Australia", "Philippines"]
    );
    assert_eq!(countries(&who_rows(&index, "South Sudan")), ["Norway"]);
    assert_eq!(countries(&who_rows(&index, "south africa")), ["Brazil"]);

    // The line under the results names the places left out, and only when one was.
    let summary = |query: &str| {
        let out = run(&index, &["who", query, "--json"]);
        of_type(&json_lines(&out), "summary")[0]["read_as"]["not_inside"].clone()
    };
    assert_eq!(summary("Sudan"), serde_json::json!(["South Sudan"]));
    assert_eq!(summary("South Sudan"), serde_json::json!([]));
    assert_eq!(summary("Kenya"), serde_json::json!([]));
    let text = common::stdout(&run(&index, &["who", "China"]));
    assert!(
        text.contains("not counted where part of a place's name: China Sea"),
        "{text}"
    );

    // Australia's passage lights up China where it is the country, not in the sea's name.
    let rows = who_rows(&index, "China");
    let text = rows[0]["best"]["snippets"][0]["text"].as_str().unwrap();
    let lit: Vec<usize> = rows[0]["best"]["snippets"][0]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h[0].as_u64().unwrap() as usize)
        .collect();
    let expected: Vec<usize> = text
        .match_indices("China")
        .map(|(i, _)| i)
        .filter(|&i| !text[..i].ends_with("South "))
        .collect();
    assert_eq!(lit, expected, "{text}");
    assert_eq!(lit.len(), 2, "{text}");
}
