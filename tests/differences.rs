//! `compare A B` without `--on`: the issues where two countries take different
//! stances, found from the phrases both write, each with the sentence that shows
//! each side. Run on the bundled corpus through the binary, text and JSON.

mod common;

use common::{corpus_index, json_lines, of_type, run, stdout};

#[test]
fn compare_lists_the_issues_where_stances_differ() {
    let index = corpus_index();
    let o = run(
        &index,
        &[
            "compare",
            "Netherlands",
            "China",
            "--committee",
            "CND",
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let lines = json_lines(&o);
    let c = of_type(&lines, "comparison");
    assert_eq!(c.len(), 1);
    let c = c[0];
    let checked = c["issues_checked"].as_u64().unwrap();
    let diffs = c["stance_differences"].as_array().unwrap();
    assert!(checked >= diffs.len() as u64 && checked > 0);
    // The Netherlands argues for harm reduction; China calls it a cover for tolerating
    // drug use. The evidence on each side names the issue.
    let harm = diffs
        .iter()
        .find(|d| d["issue"] == "harm reduction")
        .unwrap_or_else(|| panic!("no harm reduction in {diffs:?}"));
    assert_eq!(harm["verdict"], "disagree");
    assert_eq!(harm["first"]["country"], "Netherlands");
    assert_eq!(harm["first"]["stance"], "support");
    assert_eq!(harm["second"]["country"], "China");
    assert_eq!(harm["second"]["stance"], "oppose");
    for side in ["first", "second"] {
        let sentence = harm[side]["evidence"]["sentence"].as_str().unwrap();
        assert!(
            sentence.to_lowercase().contains("harm reduction"),
            "{side}: {sentence}"
        );
    }
    // Opposite sides come before a side against a mixed stance.
    let verdicts: Vec<&str> = diffs
        .iter()
        .map(|d| d["verdict"].as_str().unwrap())
        .collect();
    let mut sorted = verdicts.clone();
    sorted.sort_by_key(|v| *v != "disagree");
    assert_eq!(verdicts, sorted);

    let text = stdout(&run(
        &index,
        &["compare", "Netherlands", "China", "--committee", "CND"],
    ));
    assert!(text.contains("Where their stances differ"), "{text}");
    assert!(
        text.contains(
            "\"harm reduction\": They disagree: Netherlands supports it; China opposes it."
        ),
        "{text}"
    );
}

#[test]
fn countries_that_agree_show_no_difference() {
    let index = corpus_index();
    // Two countries on the same side of the committee's main split: every phrase
    // both write is checked, and none is a difference.
    let o = run(
        &index,
        &[
            "compare",
            "Netherlands",
            "Portugal",
            "--committee",
            "CND",
            "--json",
        ],
    );
    let lines = json_lines(&o);
    let c = of_type(&lines, "comparison")[0];
    let diffs = c["stance_differences"].as_array().unwrap();
    for d in diffs {
        assert_ne!(d["issue"], "harm reduction", "{d}");
    }
    let text = stdout(&run(
        &index,
        &["compare", "Netherlands", "Portugal", "--committee", "CND"],
    ));
    // The text says what the JSON holds, either way.
    if diffs.is_empty() {
        assert!(text.contains("No difference in stance found"), "{text}");
    } else {
        assert!(text.contains("Where their stances differ"), "{text}");
        for d in diffs {
            let issue = d["issue"].as_str().unwrap();
            assert!(text.contains(&format!("\"{issue}\"")), "{issue}: {text}");
        }
    }
}

#[test]
fn differences_are_the_same_every_run() {
    let index = corpus_index();
    let args = [
        "compare",
        "Germany",
        "Egypt",
        "--committee",
        "CND",
        "--json",
    ];
    let a = stdout(&run(&index, &args));
    let b = stdout(&run(&index, &args));
    assert_eq!(a, b);
}

#[test]
fn opponents_show_opposite_stances_first() {
    let index = corpus_index();
    let o = run(
        &index,
        &[
            "allies",
            "Netherlands",
            "--opponents",
            "--committee",
            "CND",
            "-n",
            "5",
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let lines = json_lines(&o);
    let opponents = of_type(&lines, "opponent");
    assert!(!opponents.is_empty());
    // Some of the Netherlands' furthest peers reject the harm reduction it argues
    // for: each such opponent shows that issue with both sides' sentences.
    let with: Vec<_> = opponents
        .iter()
        .filter_map(|r| r["stance_differences"].as_array())
        .flatten()
        .collect();
    assert!(!with.is_empty(), "no stance difference among {opponents:?}");
    for d in &with {
        assert_eq!(d["first"]["country"], "Netherlands");
        let (a, b) = (
            d["first"]["stance"].as_str().unwrap(),
            d["second"]["stance"].as_str().unwrap(),
        );
        assert_ne!(a, b, "{d}");
        assert!(["support", "oppose"].contains(&a) || ["support", "oppose"].contains(&b));
    }
    assert!(with
        .iter()
        .any(|d| d["issue"] == "harm reduction" && d["verdict"] == "disagree"));
    // In text, the issue comes before the passages that differ most.
    let text = stdout(&run(
        &index,
        &[
            "allies",
            "Netherlands",
            "--opponents",
            "--committee",
            "CND",
            "-n",
            "5",
        ],
    ));
    let issue = text.find("\"harm reduction\": They disagree").expect(&text);
    let differ = text[issue..].find("differ most on");
    assert!(differ.is_some(), "{text}");
}
