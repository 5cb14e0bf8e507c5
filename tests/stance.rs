//! Stance on the bundled corpus: each judged (country, query) pair of
//! tests/relevance/stance is answered by the real `who --json` and compared with the
//! judgment, read from the papers by a person. Prints accuracy, macro-F1, oppose
//! precision and the confusion matrix beside a baseline that calls every match a
//! mention (`cargo test --release --test stance -- --nocapture`), and holds them to
//! floors. Also checks the stance filters and question forms through the binary.

mod common;

use common::{corpus_index, json_lines, of_type, repo, run, stdout};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
struct Judged {
    id: String,
    query: String,
    committee: String,
    country: String,
    stance: String,
}

fn judgments() -> Vec<Judged> {
    let dir = repo().join("tests/relevance/stance");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let v: Vec<Judged> = serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap();
        out.extend(v);
    }
    out
}

const LABELS: [&str; 4] = ["support", "oppose", "mixed", "mention"];

struct Scores {
    accuracy: f64,
    macro_f1: f64,
    oppose_precision: f64,
}

fn score(pairs: &[(&str, &str)]) -> Scores {
    let n = pairs.len() as f64;
    let correct = pairs.iter().filter(|(j, p)| j == p).count() as f64;
    let mut f1s = Vec::new();
    let mut oppose_precision = 0.0;
    for label in LABELS {
        let tp = pairs
            .iter()
            .filter(|(j, p)| *j == label && *p == label)
            .count() as f64;
        let predicted = pairs.iter().filter(|(_, p)| *p == label).count() as f64;
        let judged = pairs.iter().filter(|(j, _)| *j == label).count() as f64;
        let precision = if predicted > 0.0 { tp / predicted } else { 0.0 };
        let recall = if judged > 0.0 { tp / judged } else { 0.0 };
        if label == "oppose" {
            oppose_precision = precision;
        }
        if judged > 0.0 {
            f1s.push(if precision + recall > 0.0 {
                2.0 * precision * recall / (precision + recall)
            } else {
                0.0
            });
        }
    }
    Scores {
        accuracy: correct / n,
        macro_f1: f1s.iter().sum::<f64>() / f1s.len() as f64,
        oppose_precision,
    }
}

/// Floors: just below the last measurement (0.858, 0.807, 0.980; see
/// bench/stance_eval/results.md); raise them as stance improves. The issue asks for 0.85,
/// 0.80 and 0.90, and all three are met.
const ACCURACY_FLOOR: f64 = 0.85;
const MACRO_F1_FLOOR: f64 = 0.80;
const OPPOSE_PRECISION_FLOOR: f64 = 0.97;

#[test]
fn stance_of_judged_pairs() {
    let index = corpus_index();
    let all = judgments();
    assert!(all.len() >= 200, "only {} judged pairs", all.len());
    // One `who` per query and committee.
    let mut answers: BTreeMap<(String, String), BTreeMap<String, String>> = BTreeMap::new();
    for j in &all {
        let key = (j.query.clone(), j.committee.clone());
        if answers.contains_key(&key) {
            continue;
        }
        let o = run(
            &index,
            &["who", &j.query, "--committee", &j.committee, "--json"],
        );
        let lines = json_lines(&o);
        let rows = of_type(&lines, "country")
            .into_iter()
            .map(|r| {
                (
                    r["country"].as_str().unwrap().to_owned(),
                    r["stance"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        answers.insert(key, rows);
    }
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    let mut unmatched = 0;
    let mut errors = Vec::new();
    for j in &all {
        let rows = &answers[&(j.query.clone(), j.committee.clone())];
        // A country `who` does not find has taken no stance caucus can show.
        let predicted = match rows.get(&j.country) {
            Some(s) => s.as_str(),
            None => {
                unmatched += 1;
                "mention"
            }
        };
        if predicted != j.stance {
            errors.push(format!(
                "  {:<28} judged {:<8} got {:<8} {:?}",
                j.id, j.stance, predicted, j.query
            ));
        }
        pairs.push((j.stance.as_str(), predicted));
    }
    let caucus = score(&pairs);
    let baseline_pairs: Vec<(&str, &str)> = pairs.iter().map(|(j, _)| (*j, "mention")).collect();
    let baseline = score(&baseline_pairs);
    println!(
        "{} judged pairs, {} not found by who",
        pairs.len(),
        unmatched
    );
    println!("           accuracy  macro-F1  oppose precision");
    for (name, s) in [("caucus", &caucus), ("baseline", &baseline)] {
        println!(
            "{name:<10} {:>8.3} {:>9.3} {:>17.3}",
            s.accuracy, s.macro_f1, s.oppose_precision
        );
    }
    println!("confusion (rows judged, columns caucus):");
    println!("{:>10}{}", "", LABELS.map(|l| format!("{l:>9}")).join(""));
    for judged in LABELS {
        let row: Vec<String> = LABELS
            .iter()
            .map(|p| {
                format!(
                    "{:>9}",
                    pairs.iter().filter(|(j, q)| *j == judged && q == p).count()
                )
            })
            .collect();
        println!("{judged:>10}{}", row.join(""));
    }
    println!("errors:\n{}", errors.join("\n"));
    assert!(
        caucus.accuracy >= ACCURACY_FLOOR,
        "accuracy {:.3} under the floor",
        caucus.accuracy
    );
    assert!(
        caucus.macro_f1 >= MACRO_F1_FLOOR,
        "macro-F1 {:.3} under the floor",
        caucus.macro_f1
    );
    assert!(
        caucus.oppose_precision >= OPPOSE_PRECISION_FLOOR,
        "oppose precision {:.3} under the floor",
        caucus.oppose_precision
    );
    assert!(caucus.accuracy > baseline.accuracy + 0.3);
}

#[test]
fn who_stance_filter_and_questions() {
    let index = corpus_index();
    let stances = |args: &[&str]| -> Vec<(String, String)> {
        let o = run(&index, args);
        of_type(&json_lines(&o), "country")
            .into_iter()
            .map(|r| {
                (
                    r["country"].as_str().unwrap().to_owned(),
                    r["stance"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let all = stances(&["who", "harm reduction", "--json"]);
    assert!(
        all.iter().any(|(c, s)| c == "Russia" && s == "oppose"),
        "{all:?}"
    );
    assert!(
        all.iter().any(|(c, s)| c == "Portugal" && s == "support"),
        "{all:?}"
    );
    let oppose = stances(&["who", "harm reduction", "--stance", "oppose", "--json"]);
    assert!(!oppose.is_empty() && oppose.iter().all(|(_, s)| s == "oppose"));
    assert!(oppose.len() < all.len());
    // The question asks for the same filter.
    for q in [
        "which countries oppose harm reduction",
        "who is against harm reduction",
        "who rejects harm reduction",
    ] {
        assert_eq!(stances(&["who", q, "--json"]), oppose, "{q}");
    }
    let support = stances(&["who", "who supports harm reduction", "--json"]);
    assert!(!support.is_empty() && support.iter().all(|(_, s)| s == "support"));
    assert_eq!(
        stances(&["who", "who backs harm reduction", "--json"]),
        support
    );
    // The summary says what the question was read as, in JSON and in text.
    let o = run(
        &index,
        &["who", "which countries oppose harm reduction", "--json"],
    );
    let summary = of_type(&json_lines(&o), "summary")[0].clone();
    assert_eq!(summary["read_as"]["stance"], "oppose");
    assert_eq!(summary["stance"], "oppose");
    let text = stdout(&run(
        &index,
        &["who", "which countries oppose harm reduction"],
    ));
    assert!(text.contains("only countries that oppose it"), "{text}");
    // The count is of the countries taking that stance, and says so.
    let n = oppose.len();
    assert!(
        text.contains(&format!("{n} countries oppose it in")),
        "{text}"
    );
    assert!(text.contains("stance:"), "{text}");
    // Russia's row carries its evidence: the sentence and the cue inside it.
    let o = run(
        &index,
        &["who", "harm reduction", "--country", "Russia", "--json"],
    );
    let row = of_type(&json_lines(&o), "country")[0].clone();
    let sentence = row["evidence"]["sentence"].as_str().unwrap();
    let [a, b] = [
        row["evidence"]["cues"][0][0].as_u64().unwrap() as usize,
        row["evidence"]["cues"][0][1].as_u64().unwrap() as usize,
    ];
    assert!(
        sentence[a..b].to_lowercase().contains("reject"),
        "{sentence}"
    );
    // A bad stance value is an error naming it.
    let o = run(&index, &["who", "harm reduction", "--stance", "maybe"]);
    assert_eq!(o.status.code(), Some(2));
    // A stance nobody takes says how many mention it, instead of "no country
    // mentions it" (Portugal supports harm reduction).
    let args = [
        "who",
        "harm reduction",
        "--country",
        "Portugal",
        "--stance",
        "oppose",
    ];
    let o = run(&index, &args);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains("No country opposes \"harm reduction\"; 1 country mentions it"),
        "{text}"
    );
    let o = run(&index, &[&args[..], &["--json"]].concat());
    let summary = of_type(&json_lines(&o), "summary")[0].clone();
    assert_eq!(summary["total_countries"], 0);
    assert_eq!(summary["mentioning"], 1);
    // Without a stance the field is left out, and a word nobody writes still reads
    // as unmentioned.
    let o = run(&index, &["who", "harm reduction", "--json"]);
    assert!(of_type(&json_lines(&o), "summary")[0]
        .get("mentioning")
        .is_none());
    // Asked as a question, with a filter, it says "it".
    let o = run(
        &index,
        &[
            "who",
            "which countries oppose harm reduction country:Portugal",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("No country opposes it; 1 country mentions it"),
        "{}",
        stdout(&o)
    );
    let o = run(&index, &["who", "zyqorblat", "--stance", "oppose"]);
    assert!(stdout(&o).contains("No country mentions \"zyqorblat\"."));
}

#[test]
fn compare_on_an_issue() {
    let index = corpus_index();
    let o = run(
        &index,
        &[
            "compare",
            "Russia",
            "Portugal",
            "--on",
            "harm reduction",
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let lines = json_lines(&o);
    let c = of_type(&lines, "comparison")[0].clone();
    assert_eq!(c["verdict"], "disagree");
    assert_eq!(c["first_row"]["stance"], "oppose");
    assert_eq!(c["second_row"]["stance"], "support");
    let text = stdout(&run(
        &index,
        &["compare", "Russia", "Portugal", "--on", "harm reduction"],
    ));
    assert!(text.contains("They disagree"), "{text}");
    assert!(text.contains("cnd/russia.txt"), "{text}");
    // Two countries on the same side agree; one that never writes of it does not.
    let o = run(
        &index,
        &[
            "compare",
            "Russia",
            "China",
            "--on",
            "harm reduction",
            "--json",
        ],
    );
    assert_eq!(
        of_type(&json_lines(&o), "comparison")[0]["verdict"],
        "agree"
    );
    let o = run(
        &index,
        &[
            "compare",
            "Russia",
            "Brazil",
            "--on",
            "harm reduction",
            "--json",
        ],
    );
    assert_eq!(
        of_type(&json_lines(&o), "comparison")[0]["verdict"],
        "only_first"
    );
}

#[test]
fn allies_on_an_issue() {
    let index = corpus_index();
    let o = run(
        &index,
        &["allies", "Russia", "--on", "harm reduction", "--json"],
    );
    let lines = json_lines(&o);
    let allies = of_type(&lines, "ally");
    assert!(!allies.is_empty());
    assert!(allies.iter().all(|a| a["stance"] == "oppose"));
    assert!(allies.iter().any(|a| a["country"] == "China"));
    let o = run(
        &index,
        &[
            "allies",
            "Russia",
            "--on",
            "harm reduction",
            "--opponents",
            "--json",
        ],
    );
    let lines = json_lines(&o);
    let opponents = of_type(&lines, "opponent");
    assert!(opponents.iter().all(|a| a["stance"] == "support"));
    assert!(opponents.iter().any(|a| a["country"] == "Portugal"));
    let text = stdout(&run(
        &index,
        &["allies", "Russia", "--on", "harm reduction"],
    ));
    assert!(text.contains("as Russia does"), "{text}");
}

#[test]
fn questions_and_limits_that_cannot_fail_silently() {
    let index = corpus_index();
    // Only common words: an error, said once.
    let o = run(&index, &["who", "the of and"]);
    assert_eq!(o.status.code(), Some(2));
    let err = common::stderr(&o);
    assert_eq!(err.matches("common words").count(), 1, "{err}");
    // -n 0 shows nothing: an error.
    let o = run(&index, &["search", "escrow", "-n", "0"]);
    assert_eq!(o.status.code(), Some(2));
    // A topic no paper has is an error listing the topics there are.
    let o = run(&index, &["who", "escrow", "--topic", "nuclear"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("Online Drug Trafficking"));
    // A misspelt country in a question gets a suggestion.
    let o = run(&index, &["search", "what does Belguim say about escrow"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("Belgium"));
    // A question about a group keeps the group as search words.
    let o = run(
        &index,
        &[
            "search",
            "what do small island states say about sea level rise",
            "--json",
        ],
    );
    let lines = json_lines(&o);
    let summary = of_type(&lines, "summary")[0].clone();
    let ignored = summary["read_as"]["ignored"].as_array().unwrap();
    assert!(ignored.iter().any(|w| w == "say"));
    assert!(!ignored.iter().any(|w| w == "island"));
}
