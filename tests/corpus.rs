//! The bundled corpus reads cleanly: every paper gets its country, committee, topic
//! and sections, and the papers made messy on purpose (encodings, header variants,
//! Markdown, hard wraps, citation markers, two topics, no header) are parsed right.

mod common;

use caucus::paper::formats::{Format, Limits};
use caucus::paper::{self, Paper, SectionKind};
use std::path::{Path, PathBuf};

fn read(rel: &str) -> Paper {
    let path = common::repo().join("corpus").join(rel);
    let format = Format::from_path(&path).expect("known format");
    let bytes = std::fs::read(&path).unwrap();
    paper::read_bytes(format, &bytes, Path::new(rel), &Limits::default())
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn papers() -> Vec<String> {
    let root = common::repo().join("corpus");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        let path: PathBuf = entry.path().to_owned();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if entry.file_type().is_file() && name != "README.md" {
            out.push(
                path.strip_prefix(&root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
    out.sort();
    out
}

fn kinds(p: &Paper) -> Vec<SectionKind> {
    p.sections.iter().map(|s| s.kind).collect()
}

#[test]
fn every_paper_has_country_committee_topic_and_sections() {
    let all = papers();
    assert!(all.len() >= 90, "{} papers", all.len());
    let mut countries = std::collections::BTreeSet::new();
    for rel in &all {
        let p = read(rel);
        let folder = rel.split('/').next().unwrap().to_uppercase();
        assert!(p.warnings.is_empty(), "{rel}: {:?}", p.warnings);
        assert!(
            p.country.iso3.is_some(),
            "{rel}: country {:?} not recognised",
            p.country
        );
        assert_eq!(
            p.committee.as_ref().map(|c| c.code.as_str()),
            Some(folder.as_str()),
            "{rel}"
        );
        assert!(!p.topics.is_empty(), "{rel}: no topic");
        assert!(
            p.passages.iter().all(|x| !x.topic.is_empty()),
            "{rel}: a passage without topic"
        );
        let words = p.word_count();
        assert!((300..=1100).contains(&words), "{rel}: {words} words");
        if rel != "cnd/belgium.txt" {
            let k = kinds(&p);
            assert!(
                k.contains(&SectionKind::Solutions),
                "{rel}: no solutions section in {:?}",
                p.sections
            );
            assert!(
                k.contains(&SectionKind::Background) || k.contains(&SectionKind::Position),
                "{rel}: {:?}",
                p.sections
            );
        }
        // No decoration or markers left in the searchable text.
        for x in &p.passages {
            assert!(
                !x.text.contains("<sup>") && !x.text.contains("**"),
                "{rel}: {}",
                x.text
            );
        }
        countries.insert(p.country.name.clone());
    }
    assert!(countries.len() >= 45, "{} countries", countries.len());
}

#[test]
fn messy_headers_resolve_to_the_right_country_and_committee() {
    let cases = [
        ("cnd/belgium.txt", "Belgium", "CND"),
        ("cnd/iran.txt", "Iran", "CND"),
        ("cnd/singapore.txt", "Singapore", "CND"),
        ("cnd/peru.txt", "Peru", "CND"),
        ("cnd/mexico.md", "Mexico", "CND"),
        ("disec/pakistan.txt", "Pakistan", "DISEC"),
        ("disec/russia.txt", "Russia", "DISEC"),
        ("disec/india.txt", "India", "DISEC"),
        ("disec/brazil.md", "Brazil", "DISEC"),
        ("hrc/estonia.txt", "Estonia", "HRC"),
        ("hrc/kenya.txt", "Kenya", "HRC"),
        ("hrc/cuba.txt", "Cuba", "HRC"),
        ("hrc/china.txt", "China", "HRC"),
        ("hrc/germany.txt", "Germany", "HRC"),
        ("unea/barbados.txt", "Barbados", "UNEA"),
        ("unea/kuwait.txt", "Kuwait", "UNEA"),
        ("unea/saudi-arabia.txt", "Saudi Arabia", "UNEA"),
        ("unea/united-states.txt", "United States", "UNEA"),
        ("unea/france.md", "France", "UNEA"),
    ];
    for (rel, country, committee) in cases {
        let p = read(rel);
        assert_eq!(p.country.name, country, "{rel}");
        assert_eq!(p.committee.unwrap().code, committee, "{rel}");
    }
    let estonia = read("hrc/estonia.txt");
    assert_eq!(estonia.country.source, paper::CountrySource::FileName);
    let barbados = read("unea/barbados.txt");
    let keys: Vec<&str> = barbados.metadata.iter().map(|(k, _)| k.as_str()).collect();
    assert!(
        keys.contains(&"school") && keys.contains(&"delegate"),
        "{keys:?}"
    );
}

#[test]
fn reference_style_paper_keeps_citations_and_bibliography_entries() {
    let p = read("cnd/belgium.txt");
    assert_eq!(kinds(&p), vec![SectionKind::Bibliography]);
    assert!(p
        .passages
        .iter()
        .any(|x| !x.citations.is_empty() && x.section.is_none()));
    let bib: Vec<_> = p.passages.iter().filter(|x| x.section == Some(0)).collect();
    assert!(bib.len() >= 3, "{bib:?}");
    let portugal = read("cnd/portugal.txt");
    assert!(portugal.passages.iter().any(|x| !x.citations.is_empty()));
    let brazil = read("hrc/brazil.txt");
    assert!(brazil.passages.iter().any(|x| !x.citations.is_empty()));
    for rel in [
        "hrc/ireland.txt",
        "hrc/canada.txt",
        "unea/chile.txt",
        "unea/maldives.txt",
    ] {
        let p = read(rel);
        assert!(
            kinds(&p).contains(&SectionKind::Bibliography),
            "{rel}: {:?}",
            p.sections
        );
    }
}

#[test]
fn encodings_are_decoded() {
    let nl = read("cnd/netherlands.txt");
    let text: String = nl
        .passages
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains('“') || text.contains('’'),
        "curly quotes decoded from Windows-1252"
    );
    assert!(!text.contains('\u{FFFD}'));
    let de = read("hrc/germany.txt");
    assert_eq!(de.country.name, "Germany", "a BOM does not hide the header");
}

#[test]
fn hard_wrapped_papers_are_joined_and_hyphens_healed() {
    for (rel, word) in [
        ("disec/austria.txt", "Convention"),
        ("disec/united-states.txt", "safeguards"),
    ] {
        let p = read(rel);
        let text: String = p
            .passages
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(word), "{rel}: {word} not healed");
        // Paragraphs, not lines: passages are long.
        let mean = p.word_count() / p.passages.len().max(1);
        assert!(mean >= 25, "{rel}: mean passage of {mean} words");
    }
}

#[test]
fn markdown_numbered_and_bold_headings_make_sections() {
    for rel in [
        "disec/brazil.md",
        "disec/netherlands.md",
        "disec/japan.md",
        "unea/norway.txt",
        "unea/fiji.txt",
    ] {
        let p = read(rel);
        let k = kinds(&p);
        assert!(
            k.contains(&SectionKind::Background) && k.contains(&SectionKind::Solutions),
            "{rel}: {:?}",
            p.sections
        );
        assert!(
            p.sections.iter().all(|s| !s
                .heading
                .starts_with(|c: char| c.is_ascii_digit() || c == '#' || c == '*')),
            "{rel}: {:?}",
            p.sections
        );
    }
}

#[test]
fn two_topic_papers_tag_passages_by_topic() {
    for rel in [
        "cnd/colombia.txt",
        "cnd/bolivia.txt",
        "hrc/mexico.txt",
        "unea/peru.txt",
        "unea/fiji.txt",
    ] {
        let p = read(rel);
        assert_eq!(p.topics.len(), 2, "{rel}: {:?}", p.topics);
        for t in &p.topics {
            assert!(
                p.passages.iter().filter(|x| &x.topic == t).count() >= 2,
                "{rel}: few passages on {t}"
            );
        }
    }
}
