//! Papers in the layouts delegates really use (tests/fixtures/layouts, described in
//! its LAYOUTS.md and manifest.json): every fixture is built into a temporary corpus
//! (DOCX and PDF from their `.src` descriptions), indexed with the real binary, and
//! read back. Accuracy is measured per field (country, committee, topics, section
//! kinds, clean passages), printed as a table, and held above a floor set a little
//! below the measured figure.
//!
//! `cargo test --release --test layouts -- --nocapture` prints the table and every
//! miss.

mod common;
#[path = "support/fixtures.rs"]
mod fixtures;

use caucus::paper::formats::{Format, Limits};
use caucus::paper::{self, countries, Paper};
use fixtures::{PdfPage, Style};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Floors per field, set from the measurement (see the closing note of issue 10).
const FLOOR_COUNTRY: f64 = 0.97;
const FLOOR_COMMITTEE: f64 = 0.95;
const FLOOR_TOPIC: f64 = 0.90;
const FLOOR_SECTIONS: f64 = 0.85;
const FLOOR_PASSAGES: f64 = 0.95;

fn fixture_dir() -> PathBuf {
    common::repo().join("tests/fixtures/layouts")
}

struct Entry {
    file: String,
    country: String,
    committee: Option<String>,
    committee_name: Option<String>,
    topics: Vec<String>,
    sections: Vec<(String, String)>,
    bad: Vec<String>,
    must_read: Vec<String>,
    /// The file this one is a copy of (the same paper in another format).
    same_as: Option<String>,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(fixture_dir().join("manifest.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| Entry {
            file: e["file"].as_str().unwrap().to_owned(),
            country: e["country"].as_str().unwrap().to_owned(),
            committee: e["committee"].as_str().map(str::to_owned),
            committee_name: e["committee_name"].as_str().map(str::to_owned),
            topics: strings(&e["topics"]),
            sections: e["sections"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|s| {
                            (
                                s[0].as_str().unwrap_or("").to_owned(),
                                s[1].as_str().unwrap_or("").to_owned(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            bad: strings(&e["bad_passage_text"]),
            must_read: strings(&e["must_read"]),
            same_as: e["same_as"].as_str().map(str::to_owned),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Building DOCX and PDF papers from their `.src` descriptions

/// One line of a `.src` file as a styled paragraph; None for blank and `@` lines.
fn src_line(line: &str) -> Option<(Style, String)> {
    let unescape = |s: &str| s.replace("\\n", "\n").replace("\\t", "\t");
    if line.trim().is_empty() || line.starts_with('@') || line.starts_with("=== page") {
        return None;
    }
    let styled = if let Some(t) = line.strip_prefix("### ") {
        (Style::Heading(2), t)
    } else if let Some(t) = line.strip_prefix("## ") {
        (Style::Heading(1), t)
    } else if let Some(t) = line.strip_prefix("# ") {
        (Style::Title, t)
    } else if let Some(t) = line.strip_prefix("  - ") {
        (Style::ListItem(1), t)
    } else if let Some(t) = line.strip_prefix("- ") {
        (Style::ListItem(0), t)
    } else if let Some(t) = line.strip_prefix("^ ") {
        (Style::Footnote, t)
    } else if line.starts_with("| ") {
        let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
        let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
        return Some((Style::TableRow, cells.join(" | ")));
    } else if line.starts_with("**") && line.trim_end().ends_with("**") && line.len() > 4 {
        let t = line.trim_end();
        (Style::Bold, &t[2..t.len() - 2])
    } else {
        (Style::Normal, line)
    };
    Some((styled.0, unescape(styled.1)))
}

fn build_docx(src: &str) -> Vec<u8> {
    let mut header = Vec::new();
    let mut footer = Vec::new();
    let mut paras: Vec<(Style, String)> = Vec::new();
    for line in src.lines() {
        if let Some(t) = line.strip_prefix("@header:") {
            header.push(t.trim().to_owned());
        } else if let Some(t) = line.strip_prefix("@footer:") {
            footer.push(t.trim().to_owned());
        } else if let Some(p) = src_line(line) {
            paras.push(p);
        }
    }
    let paras: Vec<(Style, &str)> = paras.iter().map(|(s, t)| (*s, t.as_str())).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let footer: Vec<&str> = footer.iter().map(String::as_str).collect();
    fixtures::docx_with_margins(&paras, &header, &footer)
}

/// Characters per line of PDF body text (11 pt Helvetica on A4 with margins).
const PDF_WIDTH: usize = 88;
/// Lines per page between the running header and the page number.
const PDF_LINES: usize = 46;

/// Wraps a paragraph into lines. A `~` inside a word forces a line break there,
/// with a hyphen at the end of the line (the word's own hyphen when it has one).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let push_word = |line: &mut String, lines: &mut Vec<String>, word: &str| {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            lines.push(std::mem::take(line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    };
    for word in text.split_whitespace() {
        match word.split_once('~') {
            Some((head, tail)) => {
                let head = if head.ends_with('-') {
                    head.to_owned()
                } else {
                    format!("{head}-")
                };
                push_word(&mut line, &mut lines, &head);
                lines.push(std::mem::take(&mut line));
                push_word(&mut line, &mut lines, &tail.replace('~', ""));
            }
            None => push_word(&mut line, &mut lines, word),
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn build_pdf(src: &str) -> Vec<u8> {
    let running = src
        .lines()
        .find_map(|l| l.strip_prefix("@running:"))
        .map(|t| t.trim().to_owned());
    // Each page: (bold, text) lines; an empty text is a blank line.
    let mut pages: Vec<Vec<(bool, String)>> = vec![Vec::new()];
    for line in src.lines() {
        if line.starts_with("=== page") {
            pages.push(Vec::new());
            continue;
        }
        let Some((style, text)) = src_line(line) else {
            continue;
        };
        let (bold, text, indent) = match style {
            Style::Title | Style::Heading(_) | Style::Bold => (true, text, ""),
            Style::ListItem(0) => (false, format!("• {text}"), ""),
            Style::ListItem(_) => (false, format!("◦ {text}"), "   "),
            Style::TableRow => (false, text.replace(" | ", "   "), ""),
            _ => (false, text, ""),
        };
        let mut wrapped = wrap(&text.replace('\n', " "), PDF_WIDTH);
        for l in wrapped.iter_mut().skip(1) {
            l.insert_str(0, indent);
        }
        let page = pages.last_mut().unwrap();
        if page.len() + wrapped.len() + 1 > PDF_LINES {
            pages.push(Vec::new());
        }
        let page = pages.last_mut().unwrap();
        if !page.is_empty() {
            page.push((false, String::new()));
        }
        page.extend(wrapped.into_iter().map(|l| (bold, l)));
    }
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .filter(|p| !p.is_empty())
        .map(|lines| {
            let mut page = PdfPage::new();
            for (i, (bold, text)) in lines.iter().enumerate() {
                if text.is_empty() {
                    continue;
                }
                let y = 760.0 - 14.0 * i as f32;
                page = if *bold {
                    page.bold_line(72.0, y, 11.0, text)
                } else {
                    page.line(72.0, y, 11.0, text)
                };
            }
            match &running {
                Some(header) => page.with_running(header, "Page {page} of {pages}"),
                None => page.line(290.0, 36.0, 9.0, "{page}"),
            }
        })
        .collect();
    fixtures::pdf(&pdf_pages)
}

/// Writes every fixture, built to its final format, into `dir`; returns the names.
fn build_corpus(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let mut sources: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    sources.sort();
    for path in sources {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let (out, bytes) = if let Some(stem) = name.strip_suffix(".docx.src") {
            (
                format!("{stem}.docx"),
                build_docx(&String::from_utf8_lossy(&bytes)),
            )
        } else if let Some(stem) = name.strip_suffix(".pdf.src") {
            (
                format!("{stem}.pdf"),
                build_pdf(&String::from_utf8_lossy(&bytes)),
            )
        } else if name.ends_with(".txt") || name.ends_with(".md") || name.ends_with(".html") {
            if name == "LAYOUTS.md" {
                continue;
            }
            (name.clone(), bytes)
        } else {
            continue;
        };
        std::fs::write(dir.join(&out), bytes).unwrap();
        names.push(out);
    }
    names
}

// ---------------------------------------------------------------------------
// Scoring

/// Lower-case words without numbering ("I.", "2.") or a "Topic A:" label.
fn words_key(s: &str) -> String {
    let s = paper::structure::strip_numbering(s.trim().trim_start_matches('#').trim());
    let lower = s.replace("**", "").to_lowercase();
    let lower = match lower.strip_prefix("topic ") {
        Some(rest)
            if rest
                .chars()
                .nth(1)
                .is_some_and(|c| matches!(c, ':' | '.' | '-')) =>
        {
            rest[2..].to_owned()
        }
        _ => lower,
    };
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Tally {
    hit: f64,
    total: f64,
}

impl Tally {
    fn add(&mut self, hit: f64, total: f64) {
        self.hit += hit;
        self.total += total;
    }
    fn rate(&self) -> f64 {
        if self.total == 0.0 {
            1.0
        } else {
            self.hit / self.total
        }
    }
}

fn read(dir: &Path, name: &str) -> Paper {
    let path = dir.join(name);
    let format = Format::from_path(&path).expect("known format");
    let bytes = std::fs::read(&path).unwrap();
    paper::read_bytes(format, &bytes, Path::new(name), &Limits::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn real_world_layouts_are_read_field_by_field() {
    let entries = manifest();
    assert!(entries.len() >= 40, "{} fixtures", entries.len());
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("papers");
    std::fs::create_dir(&corpus).unwrap();
    let built = build_corpus(&corpus);
    for e in &entries {
        assert!(built.contains(&e.file), "{} is not built", e.file);
    }

    // The real binary indexes every paper, and its list agrees with the fields.
    let index = tmp.path().join("index");
    let o = common::run(&index, &["index", corpus.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let summary = common::json_lines(&o)
        .into_iter()
        .find(|v| v["type"] == "summary")
        .expect("a summary");
    // The same paper in two formats is one paper, folded into the manifest's file.
    let expected_folds: BTreeSet<(String, String)> = entries
        .iter()
        .filter_map(|e| e.same_as.clone().map(|kept| (e.file.clone(), kept)))
        .collect();
    let folds: BTreeSet<(String, String)> = summary["folded"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap_or("").to_owned(),
                        p[1].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(folds, expected_folds, "{summary}");
    assert_eq!(
        summary["papers"].as_u64(),
        Some((built.len() - expected_folds.len()) as u64),
        "{summary}"
    );
    let o = common::run(&index, &["list", "--json"]);
    let listed: BTreeSet<(String, String)> = common::json_lines(&o)
        .iter()
        .filter(|v| v["type"] == "committee")
        .flat_map(|v| {
            let code = v["code"].as_str().unwrap_or("").to_owned();
            strings(&v["countries"])
                .into_iter()
                .map(move |c| (code.clone(), c))
        })
        .collect();

    let mut country = Tally::default();
    let mut committee = Tally::default();
    let mut topic = Tally::default();
    let mut sections = Tally::default();
    let mut passages = Tally::default();
    let mut misses: Vec<String> = Vec::new();
    for e in &entries {
        let p = read(&corpus, &e.file);
        let f = &e.file;

        let want = countries::lookup(&e.country).unwrap_or_else(|| panic!("{f}: manifest country"));
        let ok = p.country.iso3.as_deref() == Some(want.iso3);
        country.add(f64::from(u8::from(ok)), 1.0);
        if !ok {
            misses.push(format!(
                "{f}: country {:?}, want {}",
                p.country.name, e.country
            ));
        }

        let got = p.committee.as_ref();
        let ok = match (&e.committee, &e.committee_name) {
            (Some(code), _) => got.is_some_and(|c| &c.code == code),
            (None, Some(name)) => got.is_some_and(|c| {
                &c.name == name
                    && c.code.len() > 2
                    && c.code
                        .chars()
                        .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '-')
            }),
            (None, None) => got.is_none(),
        };
        committee.add(f64::from(u8::from(ok)), 1.0);
        if !ok {
            misses.push(format!(
                "{f}: committee {:?}, want {:?}",
                got.map(|c| (&c.code, &c.name)),
                e.committee.as_ref().or(e.committee_name.as_ref())
            ));
        }
        if let Some(c) = got {
            if !listed.contains(&(c.code.clone(), p.country.name.clone())) {
                misses.push(format!(
                    "{f}: `list` lacks {} under {}",
                    p.country.name, c.code
                ));
            }
        }

        let got_topics: Vec<String> = p.topics.iter().map(|t| words_key(t)).collect();
        let found = e
            .topics
            .iter()
            .filter(|t| got_topics.contains(&words_key(t)))
            .count();
        let denom = e.topics.len().max(p.topics.len()).max(1);
        topic.add(found as f64 / denom as f64, 1.0);
        if found != e.topics.len() || p.topics.len() != e.topics.len() {
            misses.push(format!("{f}: topics {:?}, want {:?}", p.topics, e.topics));
        }

        // Section kinds: each expected heading found with its kind; extra headings
        // count against (the "Notes" section made for footnotes is not a heading).
        let parsed: Vec<(String, &str)> = p
            .sections
            .iter()
            .filter(|s| {
                s.heading != "Notes" || e.sections.iter().any(|(h, _)| words_key(h) == "notes")
            })
            .map(|s| (words_key(&s.heading), s.kind.as_str()))
            .collect();
        let mut right = 0;
        for (heading, kind) in &e.sections {
            let hit = parsed
                .iter()
                .any(|(h, k)| *h == words_key(heading) && k == kind);
            if hit {
                right += 1;
            } else {
                misses.push(format!(
                    "{f}: section {heading:?} ({kind}) not read; got {:?}",
                    p.sections
                        .iter()
                        .map(|s| format!("{} [{}]", s.heading, s.kind.as_str()))
                        .collect::<Vec<_>>()
                ));
            }
        }
        let denom = e.sections.len().max(parsed.len());
        sections.add(right as f64, denom as f64);
        if parsed.len() > e.sections.len() {
            misses.push(format!(
                "{f}: {} headings read, {} expected: {:?}",
                parsed.len(),
                e.sections.len(),
                p.sections
                    .iter()
                    .map(|s| s.heading.as_str())
                    .collect::<Vec<_>>()
            ));
        }

        // Clean passages: no header or site text inside, every sentence there, no
        // passage that is only a heading.
        let texts: Vec<String> = p.passages.iter().map(|x| spaces(&x.text)).collect();
        let mut clean = true;
        for bad in &e.bad {
            if let Some(t) = texts.iter().find(|t| t.contains(bad.as_str())) {
                clean = false;
                misses.push(format!("{f}: {bad:?} inside passage {t:?}"));
            }
        }
        for must in &e.must_read {
            if !texts.iter().any(|t| t.contains(&spaces(must))) {
                clean = false;
                misses.push(format!("{f}: no passage reads {must:?}"));
            }
        }
        let headings: BTreeSet<String> = e
            .sections
            .iter()
            .map(|(h, _)| words_key(h))
            .chain(p.title.iter().map(|t| words_key(t)))
            .collect();
        for t in &texts {
            if headings.contains(&words_key(t)) {
                clean = false;
                misses.push(format!("{f}: passage {t:?} is only a heading"));
            }
        }
        passages.add(f64::from(u8::from(clean)), 1.0);
    }

    println!(
        "\nLayouts: {} papers, {} files built",
        entries.len(),
        built.len()
    );
    println!(
        "{:<16} {:>8} {:>8} {:>9} {:>7}",
        "field", "right", "of", "accuracy", "floor"
    );
    let rows = [
        ("country", &country, FLOOR_COUNTRY),
        ("committee", &committee, FLOOR_COMMITTEE),
        ("topic", &topic, FLOOR_TOPIC),
        ("section kinds", &sections, FLOOR_SECTIONS),
        ("clean passages", &passages, FLOOR_PASSAGES),
    ];
    for (name, t, floor) in &rows {
        println!(
            "{:<16} {:>8.1} {:>8} {:>9.3} {:>7.2}",
            name,
            t.hit,
            t.total,
            t.rate(),
            floor
        );
    }
    println!("\nMisses ({}):", misses.len());
    for m in &misses {
        println!("  {m}");
    }
    let failing: Vec<String> = rows
        .iter()
        .filter(|(_, t, floor)| t.rate() < *floor)
        .map(|(name, t, floor)| format!("{name} {:.3} < {floor}", t.rate()))
        .collect();
    assert!(
        failing.is_empty(),
        "below the floor: {failing:?}\n{}",
        misses.join("\n")
    );
}
