//! Scores caucus's stance rules (`src/analysis/stance/`, compiled in as-is) against the
//! judged (country, query) pairs in `tests/relevance/stance/*.json`, without building caucus:
//! for each judgment it reads the paper, keeps the paragraphs holding every content word of
//! the query (a word matches by its first five letters), runs `passage_stance` on each with
//! the ranges of those words, then `country_stance`, and compares with the judged stance.
//!
//! cargo run --release --manifest-path bench/stance_eval/Cargo.toml -- [--errors] [--judgments DIR] [--corpus DIR]

#[path = "../../../src/analysis/stance/mod.rs"]
#[allow(dead_code)]
mod stance;

use serde::Deserialize;
use stance::{country_stance, passage_stance_in, Evidence, Reading, Stance};
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Judgment {
    id: String,
    query: String,
    country: String,
    file: String,
    stance: String,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    patterns: Vec<String>,
}

const STOP: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "by", "at", "from", "as",
    "is", "are", "its", "their", "about", "into", "under",
];

const CLASSES: [Stance; 4] = [
    Stance::Support,
    Stance::Oppose,
    Stance::Mixed,
    Stance::Mention,
];

/// Windows-1252 for the bytes that are not UTF-8.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// Blank-line separated paragraphs with hard-wrapped lines joined (a line-break hyphen
/// before a lowercase letter is dropped); list items keep their own line. Stops at a
/// bibliography heading.
fn paragraphs(text: &str) -> Vec<(String, bool)> {
    let text = text.replace("\r\n", "\n");
    let mut out = Vec::new();
    let mut proposals = false;
    for block in text.split("\n\n") {
        let mut para = String::new();
        for line in block.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let bullet = line.starts_with("- ")
                || line.starts_with("* ")
                || line.starts_with('•')
                || line
                    .split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if para.is_empty() {
                para.push_str(line);
            } else if bullet {
                para.push('\n');
                para.push_str(line);
            } else if para.ends_with('-')
                && line.chars().next().is_some_and(|c| c.is_lowercase())
                && para.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic())
            {
                para.pop();
                para.push_str(line);
            } else {
                para.push(' ');
                para.push_str(line);
            }
        }
        let head = para
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if matches!(
            head.as_str(),
            "sources" | "references" | "bibliography" | "works cited" | "notes" | "endnotes"
        ) {
            break;
        }
        // A heading ("**Proposed Solutions**", "Recommendations"): short, no full stop.
        if !head.is_empty()
            && head.split_whitespace().count() <= 6
            && !para.trim_end().ends_with('.')
        {
            proposals = [
                "solution",
                "recommend",
                "propos",
                "way forward",
                "suggest",
                "measures",
                "action plan",
            ]
            .iter()
            .any(|w| head.contains(w));
            continue;
        }
        if !para.is_empty() {
            out.push((para, proposals));
        }
    }
    out
}

fn query_words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.to_lowercase())
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

/// Ranges of the paragraph's words that match a query word, or None unless every query
/// word matches somewhere.
fn match_ranges(para: &str, words: &[String]) -> Option<Vec<Range<usize>>> {
    let mut ranges = Vec::new();
    let mut seen = vec![false; words.len()];
    let mut start = None;
    for (i, c) in para
        .char_indices()
        .chain(std::iter::once((para.len(), ' ')))
    {
        let wordy = c.is_alphanumeric() || (c == '-' && start.is_some());
        match (wordy, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = para[s..i].to_lowercase();
                let mut hit = false;
                for (k, q) in words.iter().enumerate() {
                    if w.starts_with(q.as_str()) {
                        seen[k] = true;
                        hit = true;
                    }
                }
                if hit {
                    ranges.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    seen.iter().all(|&s| s).then_some(ranges)
}

fn scan(query: &str, dirs: &[String]) {
    let words = query_words(query);
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten())
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    for f in files {
        let Ok(bytes) = std::fs::read(&f) else {
            continue;
        };
        let text = decode(&bytes);
        // The author from the file's name ("south-korea.txt"); the papers name it too.
        let author = f
            .file_stem()
            .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
            .unwrap_or_default();
        let mut ev = Vec::new();
        for (para, proposals) in paragraphs(&text) {
            if let Some(ranges) = match_ranges(&para, &words) {
                let e = passage_stance_in(
                    &para,
                    &ranges,
                    &Reading {
                        proposals,
                        author: &author,
                        ..Reading::default()
                    },
                );
                let cues: Vec<&str> = e.cues.iter().map(|c| &para[c[0]..c[1]]).collect();
                // STANCE_SCAN_FULL=1 prints the whole paragraph, for reading a label by eye.
                let sentence = if std::env::var_os("STANCE_SCAN_FULL").is_some() {
                    para.as_str()
                } else {
                    &para[e.sentence.clone()]
                };
                println!(
                    "  {} {:?}{}: {}",
                    e.stance.as_str(),
                    cues,
                    if e.explicit { " explicit" } else { "" },
                    sentence
                        .chars()
                        .take(
                            if sentence.len() > 300
                                && std::env::var_os("STANCE_SCAN_FULL").is_some()
                            {
                                2000
                            } else {
                                300
                            }
                        )
                        .collect::<String>()
                );
                ev.push(e);
            }
        }
        if !ev.is_empty() {
            let c = country_stance(&ev);
            println!(
                "{} => {} ({:.2})\n",
                f.display(),
                c.stance.as_str(),
                c.strength
            );
        }
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut judgments_dir = root.join("tests/relevance/stance");
    let mut corpus = root.join("corpus");
    let mut show_errors = false;
    let mut predictions: Option<PathBuf> = None;
    let mut probe: Option<(String, String)> = None;
    let mut probe_proposals = false;
    let mut probe_author = String::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--errors" => show_errors = true,
            "--predictions" => predictions = args.next().map(PathBuf::from),
            "--scan" => {
                // --scan QUERY DIR...: every matching paragraph of the papers in DIR with its
                // stance, and each paper's stance, to check the rules on other text.
                let q = args.next().unwrap_or_default();
                let dirs: Vec<String> = args.by_ref().collect();
                scan(&q, &dirs);
                return;
            }
            "--proposals" => probe_proposals = true,
            "--author" => probe_author = args.next().unwrap_or_default(),
            "--probe" => {
                // --probe QUERY TEXT: the stance of one passage, for checking a rule.
                let q = args.next().unwrap_or_default();
                let t = args.next().unwrap_or_default();
                probe = Some((q, t));
            }
            "--judgments" => {
                judgments_dir = args.next().map(PathBuf::from).unwrap_or(judgments_dir)
            }
            "--corpus" => corpus = args.next().map(PathBuf::from).unwrap_or(corpus),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    if let Some((q, t)) = probe {
        let words = query_words(&q);
        let ranges = match_ranges(&t, &words).unwrap_or_default();
        let e = passage_stance_in(
            &t,
            &ranges,
            &Reading {
                proposals: probe_proposals,
                author: &probe_author,
                ..Reading::default()
            },
        );
        let cues: Vec<&str> = e.cues.iter().map(|c| &t[c[0]..c[1]]).collect();
        println!(
            "{} {:?}{}: {}",
            e.stance.as_str(),
            cues,
            if e.explicit { " explicit" } else { "" },
            &t[e.sentence.clone()]
        );
        return;
    }
    let mut judgments = Vec::new();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&judgments_dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", judgments_dir.display());
            std::process::exit(2);
        }
    };
    files.sort();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
    {
        let parsed = std::fs::read_to_string(f)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str::<Vec<Judgment>>(&s).map_err(|e| e.to_string()));
        match parsed {
            Ok(js) => judgments.extend(js),
            Err(e) => eprintln!("skipping {}: {e}", f.display()),
        }
    }
    let mut confusion = [[0usize; 4]; 4]; // [gold][predicted]
    let mut no_passage = 0;
    let mut lines = String::new();
    let mut errors = Vec::new();
    let idx = |s: Stance| CLASSES.iter().position(|c| *c == s).unwrap_or(3);
    for j in &judgments {
        let Some(gold) = Stance::parse(&j.stance) else {
            eprintln!("{}: unknown stance {:?}", j.id, j.stance);
            continue;
        };
        let path = corpus.join(&j.file);
        let text = match std::fs::read(&path) {
            Ok(b) => decode(&b),
            Err(e) => {
                eprintln!("{}: cannot read {}: {e}", j.id, path.display());
                continue;
            }
        };
        let words = query_words(&j.query);
        let mut evidence: Vec<(String, Evidence)> = Vec::new();
        for (para, proposals) in paragraphs(&text) {
            if let Some(ranges) = match_ranges(&para, &words) {
                let e = passage_stance_in(
                    &para,
                    &ranges,
                    &Reading {
                        proposals,
                        author: &j.country,
                        ..Reading::default()
                    },
                );
                evidence.push((para, e));
            }
        }
        if evidence.is_empty() {
            no_passage += 1;
        }
        let ev: Vec<Evidence> = evidence.iter().map(|(_, e)| e.clone()).collect();
        let pred = country_stance(&ev).stance;
        confusion[idx(gold)][idx(pred)] += 1;
        lines.push_str(&format!("{}\t{}\t{}\n", j.id, gold.as_str(), pred.as_str()));
        if pred != gold {
            let mut detail = format!(
                "{} [{}] {} / {:?}: judged {}, predicted {}  patterns={:?}\n  judged evidence: {}\n",
                j.id,
                Path::new(&j.file).display(),
                j.country,
                j.query,
                gold.as_str(),
                pred.as_str(),
                j.patterns,
                j.evidence
            );
            for (para, e) in &evidence {
                let cues: Vec<&str> = e.cues.iter().map(|c| &para[c[0]..c[1]]).collect();
                detail.push_str(&format!(
                    "  - {} {:?}{}: {}\n",
                    e.stance.as_str(),
                    cues,
                    if e.explicit { " explicit" } else { "" },
                    &para[e.sentence.clone()]
                ));
            }
            errors.push(detail);
        }
    }
    if let Some(p) = &predictions {
        if let Err(e) = std::fs::write(p, &lines) {
            eprintln!("cannot write {}: {e}", p.display());
        }
    }
    let n: usize = confusion.iter().flatten().sum();
    if n == 0 {
        eprintln!("no judgments read from {}", judgments_dir.display());
        std::process::exit(1);
    }
    let report = |name: &str, conf: &[[usize; 4]; 4]| {
        let correct: usize = (0..4).map(|i| conf[i][i]).sum();
        let mut f1s = Vec::new();
        for (c, row) in conf.iter().enumerate() {
            let gold: usize = row.iter().sum();
            let pred: usize = (0..4).map(|g| conf[g][c]).sum();
            if gold == 0 && pred == 0 {
                continue;
            }
            let p = if pred == 0 {
                0.0
            } else {
                row[c] as f64 / pred as f64
            };
            let r = if gold == 0 {
                0.0
            } else {
                row[c] as f64 / gold as f64
            };
            f1s.push(if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            });
        }
        let opp_pred: usize = (0..4).map(|g| conf[g][1]).sum();
        let opp_p = if opp_pred == 0 {
            0.0
        } else {
            conf[1][1] as f64 / opp_pred as f64
        };
        println!(
            "{name:<10} accuracy {:.3}  macro-F1 {:.3}  oppose precision {:.3}  (n={n})",
            correct as f64 / n as f64,
            f1s.iter().sum::<f64>() / f1s.len() as f64,
            opp_p
        );
    };
    let mut baseline = [[0usize; 4]; 4];
    for g in 0..4 {
        baseline[g][3] = confusion[g].iter().sum();
    }
    report("rules", &confusion);
    report("baseline", &baseline);
    println!("\nconfusion (rows judged, columns predicted):");
    println!(
        "{:>10} {:>8} {:>8} {:>8} {:>8}",
        "", "support", "oppose", "mixed", "mention"
    );
    for (g, row) in confusion.iter().enumerate() {
        println!(
            "{:>10} {:>8} {:>8} {:>8} {:>8}",
            CLASSES[g].as_str(),
            row[0],
            row[1],
            row[2],
            row[3]
        );
    }
    println!("judgments with no matching paragraph: {no_passage}");
    if show_errors {
        println!("\nerrors:");
        for e in errors {
            println!("{e}");
        }
    }
}
