//! Papers as delegates have them: the same paper saved as .txt, .md, .docx, .odt,
//! .pdf and .html reads the same; each format's structure (headings, lists, notes,
//! tables, pages) comes through; bad files are skipped with a warning naming them.

mod common;
#[path = "support/fixtures.rs"]
mod fixtures;

use caucus::paper::formats::{Format, Limits};
use caucus::paper::{self, Paper, SectionKind};
use common::{json_lines, of_type, run, stderr, stdout};
use fixtures::{PdfPage, Style};
use std::fs;
use std::path::Path;

const HEADER: [&str; 3] = [
    "Country: Republic of Chile",
    "Committee: Disarmament and International Security Committee (DISEC)",
    "Topic: Lethal Autonomous Weapons Systems",
];
const BACKGROUND: [&str; 2] = [
    "Autonomous weapons select and engage targets without further human intervention once activated.",
    "Chile endorsed the Belen Communique in 2023 together with other states of the region.",
];
const POSITION: [&str; 2] = [
    "Chile holds that meaningful human control must be retained over every use of force.",
    "Existing humanitarian law is necessary but not sufficient for systems that learn in the field.",
];
const SOLUTIONS: [&str; 2] = [
    "Negotiate a legally binding instrument with prohibitions and regulations.",
    "Create a technical review body that publishes its findings to all States.",
];
const SOURCES: [&str; 2] = [
    "International Committee of the Red Cross, Position on Autonomous Weapon Systems, 2021.",
    "Ministry of Foreign Affairs of Chile, Statement to the First Committee, 2023.",
];

fn txt() -> String {
    let mut s = HEADER.join("\n");
    s.push_str("\n\nBackground\n\n");
    s.push_str(&BACKGROUND.join("\n\n"));
    s.push_str("\n\nNational Position\n\n");
    s.push_str(&POSITION.join("\n\n"));
    s.push_str("\n\nProposed Solutions\n\n");
    s.push_str(&SOLUTIONS.map(|x| format!("- {x}")).join("\n"));
    s.push_str("\n\nBibliography\n\n");
    s.push_str(&SOURCES.join("\n"));
    s.push('\n');
    s
}

fn styled() -> Vec<(Style, &'static str)> {
    let mut v: Vec<(Style, &str)> = HEADER.iter().map(|h| (Style::Normal, *h)).collect();
    v.push((Style::Heading(1), "Background"));
    v.extend(BACKGROUND.iter().map(|p| (Style::Normal, *p)));
    v.push((Style::Heading(1), "National Position"));
    v.extend(POSITION.iter().map(|p| (Style::Normal, *p)));
    v.push((Style::Heading(1), "Proposed Solutions"));
    v.extend(SOLUTIONS.iter().map(|p| (Style::ListItem(0), *p)));
    v.push((Style::Heading(1), "Bibliography"));
    v.extend(SOURCES.iter().map(|p| (Style::ListItem(0), *p)));
    v
}

/// Wraps text at about `width` characters, as a PDF line would.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().unwrap();
        if !last.is_empty() && last.len() + word.len() + 1 > width {
            lines.push(String::new());
        }
        let last = lines.last_mut().unwrap();
        if !last.is_empty() {
            last.push(' ');
        }
        last.push_str(word);
    }
    lines
}

/// The paper on two pages, paragraphs hard-wrapped, with a running header and a
/// page-number footer on both.
fn pdf() -> Vec<u8> {
    let mut page1: Vec<String> = HEADER.iter().map(|s| s.to_string()).collect();
    page1.push(String::new());
    page1.push("Background".into());
    for p in BACKGROUND {
        page1.push(String::new());
        page1.extend(wrap(p, 70));
    }
    page1.push(String::new());
    page1.push("National Position".into());
    for p in POSITION {
        page1.push(String::new());
        page1.extend(wrap(p, 70));
    }
    let mut page2: Vec<String> = vec!["Proposed Solutions".into()];
    for p in SOLUTIONS {
        page2.push(String::new());
        page2.push(format!("- {p}"));
    }
    page2.push(String::new());
    page2.push("Bibliography".into());
    page2.push(String::new());
    page2.extend(SOURCES.iter().map(|s| s.to_string()));
    let p1: Vec<&str> = page1.iter().map(String::as_str).collect();
    let p2: Vec<&str> = page2.iter().map(String::as_str).collect();
    fixtures::pdf(&[
        PdfPage::single_column(&p1)
            .with_running("Model UN 2026 - Position Papers", "Page {page} of {pages}"),
        PdfPage::single_column(&p2)
            .with_running("Model UN 2026 - Position Papers", "Page {page} of {pages}"),
    ])
}

fn all_formats() -> Vec<(&'static str, Vec<u8>)> {
    let s = styled();
    vec![
        ("chile.txt", txt().into_bytes()),
        ("chile.md", fixtures::markdown(&s)),
        ("chile.docx", fixtures::docx(&s)),
        ("chile.odt", fixtures::odt(&s)),
        ("chile.html", fixtures::html(&s)),
        ("chile.pdf", pdf()),
    ]
}

fn parse(name: &str, bytes: &[u8]) -> Paper {
    let format = Format::from_path(Path::new(name)).unwrap();
    paper::read_bytes(format, bytes, Path::new(name), &Limits::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn one_paper_in_six_formats_reads_the_same() {
    let reference = parse("chile.txt", txt().as_bytes());
    assert_eq!(reference.passages.len(), 8, "{:#?}", reference.passages);
    for (name, bytes) in all_formats() {
        let p = parse(name, &bytes);
        assert_eq!(
            p.country,
            paper::PaperCountry {
                as_written: "Republic of Chile".into(),
                ..reference.country.clone()
            },
            "{name}"
        );
        assert_eq!(p.committee, reference.committee, "{name}");
        assert_eq!(p.topics, reference.topics, "{name}");
        let sections: Vec<(&str, SectionKind)> = p
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.kind))
            .collect();
        let expected: Vec<(&str, SectionKind)> = reference
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.kind))
            .collect();
        assert_eq!(sections, expected, "{name}");
        let texts: Vec<String> = p.passages.iter().map(|x| squash(&x.text)).collect();
        let expected: Vec<String> = reference.passages.iter().map(|x| squash(&x.text)).collect();
        assert_eq!(texts, expected, "{name}");
        let in_sections: Vec<Option<usize>> = p.passages.iter().map(|x| x.section).collect();
        let expected: Vec<Option<usize>> = reference.passages.iter().map(|x| x.section).collect();
        assert_eq!(in_sections, expected, "{name}");
    }
}

#[test]
fn every_format_is_indexed_and_found_with_its_location() {
    for (name, bytes) in all_formats() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("papers");
        fs::create_dir_all(&corpus).unwrap();
        fs::write(corpus.join(name), bytes).unwrap();
        fs::write(corpus.join("notes.xlsx"), b"not a paper").unwrap();
        let index = dir.path().join("index");
        let o = run(&index, &["index", corpus.to_str().unwrap(), "--json"]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let lines = json_lines(&o);
        let summary = of_type(&lines, "summary")[0];
        assert_eq!(summary["new"].as_u64(), Some(1), "{name}: {summary}");
        assert_eq!(summary["ignored"].as_u64(), Some(1));
        assert!(of_type(&lines, "warning").is_empty(), "{name}: {lines:?}");
        let o = run(
            &index,
            &["search", "\"meaningful human control\"", "--json"],
        );
        let lines = json_lines(&o);
        let hits = of_type(&lines, "hit");
        assert_eq!(hits.len(), 1, "{name}");
        let h = hits[0];
        assert_eq!(h["country"], "Chile");
        assert_eq!(h["committee"], "DISEC");
        assert_eq!(h["section_kind"], "position");
        assert_eq!(h["file"], name);
        let location = h["location"].as_str().unwrap();
        if name.ends_with(".pdf") {
            assert_eq!(location, "chile.pdf p.1");
            // Page 2 of the PDF, and the running header/footer were not indexed.
            let o = run(
                &index,
                &[
                    "search",
                    "technical review body",
                    "--country",
                    "Chile",
                    "--json",
                ],
            );
            let lines = json_lines(&o);
            let pdf_hit = of_type(&lines, "hit")[0];
            assert_eq!(pdf_hit["page"].as_u64(), Some(2));
            assert_eq!(pdf_hit["section_kind"], "solutions");
        } else if name.ends_with(".txt") || name.ends_with(".md") {
            assert!(location.starts_with(&format!("{name}:")), "{location}");
        }
        assert_eq!(
            run(&index, &["search", "\"Position Papers\" Model"])
                .status
                .code(),
            Some(1),
            "{name}"
        );
        assert_eq!(
            run(&index, &["search", "\"Page 1 of 2\""]).status.code(),
            Some(1),
            "{name}"
        );
    }
}

#[test]
fn six_formats_of_one_paper_count_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    for (name, bytes) in all_formats() {
        fs::write(corpus.join(name), bytes).unwrap();
    }
    let index = dir.path().join("index");
    let o = run(&index, &["index", corpus.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&o);
    let summary = of_type(&lines, "summary")[0];
    assert_eq!(summary["new"].as_u64(), Some(6), "{summary}");
    assert_eq!(summary["papers"].as_u64(), Some(1), "{summary}");
    assert_eq!(
        summary["folded"].as_array().map(Vec::len),
        Some(5),
        "{summary}"
    );
    let o = run(
        &index,
        &["search", "\"meaningful human control\"", "--json"],
    );
    let lines = json_lines(&o);
    let hits = of_type(&lines, "hit");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["file"], "chile.md");
}

#[test]
fn rich_formats_keep_lists_notes_tables_and_drop_deletions_and_comments() {
    let paras: Vec<(Style, &str)> = vec![
        (Style::Normal, "Country: Kenya"),
        (Style::Normal, "Committee: HRC"),
        (Style::Normal, "Topic: Privacy and Surveillance in the Digital Age"),
        (Style::Bold, "Country Policy"),
        (Style::Normal, "Kenya enacted the Data Protection Act{note:Data Protection Act, No. 24 of 2019.} {del:never} in 2019.{comment:check the year}"),
        (Style::TableRow, "Year | Law"),
        (Style::TableRow, "2019 | Data Protection Act"),
        (Style::ListItem(0), "Fund the Office of the Data Protection Commissioner."),
    ];
    for (name, bytes) in [
        ("kenya.docx", fixtures::docx(&paras)),
        ("kenya.odt", fixtures::odt(&paras)),
    ] {
        let p = parse(name, &bytes);
        assert_eq!(p.country.name, "Kenya", "{name}");
        assert_eq!(p.sections[0].heading, "Country Policy", "{name}");
        assert_eq!(p.sections[0].kind, SectionKind::Position, "{name}");
        let texts: Vec<&str> = p.passages.iter().map(|x| x.text.as_str()).collect();
        let all = texts.join(" | ");
        assert!(
            !all.contains("never") && !all.contains("check the year"),
            "{name}: {all}"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.contains("2019") && t.contains("Data Protection Act")),
            "{name}: {all}"
        );
        assert!(
            texts.contains(&"Fund the Office of the Data Protection Commissioner."),
            "{name}: {all}"
        );
        let notes = p
            .sections
            .iter()
            .position(|s| s.heading == "Notes")
            .unwrap_or_else(|| panic!("{name}: no notes in {:?}", p.sections));
        assert!(
            p.passages
                .iter()
                .any(|x| x.section == Some(notes) && x.text.contains("No. 24 of 2019")),
            "{name}"
        );
    }
    let html = fixtures::html(&[
        (Style::Heading(1), "Position Paper"),
        (Style::Normal, "Country: C&ocirc;te d&#39;Ivoire"),
        (Style::Normal, "Committee: UNEA"),
        (Style::Normal, "Topic: Marine Plastic Pollution"),
        (Style::Heading(2), "Background"),
        (Style::Normal, "Abidjan banned plastic bags in 2013 &amp; enforces it.<script>var tracking = 1;</script>"),
    ]);
    let p = parse("civ.html", &html);
    assert_eq!(p.country.name, "Côte d'Ivoire");
    assert_eq!(p.passages.len(), 1);
    assert_eq!(
        p.passages[0].text,
        "Abidjan banned plastic bags in 2013 & enforces it."
    );
}

#[test]
fn two_column_pdf_pages_read_column_by_column() {
    let left = [
        "Left column opens the",
        "argument about escrow.",
        "",
        "Left column second",
        "paragraph ends here.",
    ];
    let right = [
        "Right column begins",
        "with the task force.",
        "",
        "Right column closes",
        "the paper entirely.",
    ];
    let header = [
        "Country: Belgium",
        "Committee: CND",
        "Topic: Online Drug Trafficking",
    ];
    let page = PdfPage::new().text_block(56.0, 800.0, 11.0, 14.0, &header);
    let page = PdfPage {
        lines: page
            .lines
            .into_iter()
            .chain(PdfPage::two_columns(&left, &right).lines)
            .collect(),
        ..PdfPage::new()
    };
    let p = parse("belgium.pdf", &fixtures::pdf(&[page]));
    let texts: Vec<&str> = p.passages.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Left column opens the argument about escrow.",
            "Left column second paragraph ends here.",
            "Right column begins with the task force.",
            "Right column closes the paper entirely.",
        ]
    );
    assert!(p.passages.iter().all(|x| x.page == Some(1)));
}

fn index_one(
    name: &str,
    bytes: &[u8],
    extra: &[&str],
) -> (std::process::Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("good.txt"), txt()).unwrap();
    fs::write(corpus.join(name), bytes).unwrap();
    let mut args = vec!["index", corpus.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = run(&dir.path().join("index"), &args);
    (o, dir)
}

fn assert_skipped(name: &str, bytes: &[u8], extra: &[&str], reason: &str) {
    let (o, dir) = index_one(name, bytes, extra);
    assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
    let err = stderr(&o);
    let line = err
        .lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name}: no warning in {err}"));
    assert!(line.to_lowercase().contains(reason), "{name}: {line}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(stdout(&o).contains("1 skipped"), "{}", stdout(&o));
    // The rest of the corpus is there.
    let found = run(
        &dir.path().join("index"),
        &["who", "meaningful human control"],
    );
    assert_eq!(found.status.code(), Some(0));
}

#[test]
fn corrupt_truncated_pdf_is_skipped() {
    assert_skipped(
        "broken.pdf",
        &fixtures::truncated_pdf(),
        &[],
        "not a valid pdf",
    );
}

#[test]
fn encrypted_pdf_is_skipped() {
    assert_skipped("locked.pdf", &fixtures::encrypted_pdf(), &[], "encrypted");
}

#[test]
fn scanned_pdf_needs_ocr() {
    assert_skipped("scan.pdf", &fixtures::image_only_pdf(), &[], "needs ocr");
}

#[test]
fn docx_that_is_not_a_zip_is_skipped() {
    assert_skipped(
        "fake.docx",
        &fixtures::not_a_zip_docx(),
        &[],
        "not a valid docx",
    );
}

#[test]
fn zip_bomb_is_skipped() {
    assert_skipped(
        "bomb.docx",
        &fixtures::zip_bomb_docx_lying(300 * 1024 * 1024),
        &[],
        "zip bomb",
    );
}

#[test]
fn file_over_the_size_limit_is_skipped() {
    let big = txt().repeat(60_000);
    assert_skipped("huge.txt", big.as_bytes(), &["--max-file-mb", "5"], "limit");
}

#[test]
fn slow_extraction_is_skipped_after_the_time_limit() {
    // Long enough that laying it out takes well over the limit, which is still far
    // above what the small text paper beside it needs on a loaded machine.
    let pages: Vec<PdfPage> = (0..3000)
        .map(|_| {
            PdfPage::single_column(&[
                "Country: Chile",
                "",
                "A line of text that takes time to lay out.",
            ])
        })
        .collect();
    assert_skipped(
        "slow.pdf",
        &fixtures::pdf(&pages),
        &["--timeout", "0.05"],
        "longer than",
    );
}

#[test]
fn old_word_files_are_named_not_silently_ignored() {
    let (o, _dir) = index_one("minutes.doc", b"\xd0\xcf\x11\xe0 old word", &[]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("1 .doc file: caucus cannot read .doc; save as .docx"),
        "{err}"
    );
    assert!(
        stdout(&o).contains("1 other file ignored"),
        "{}",
        stdout(&o)
    );
}
