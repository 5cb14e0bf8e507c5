//! Papers by id: the catalogue of indexed papers (id = the paper's key in the index,
//! in hex), reading one paper's passages back from the index, and the paper page.

use super::http::escape;
use crate::analysis::similarity::plural;
use crate::index::search::{self, StoredPassage};
use crate::index::state::Files;
use crate::index::{paper_key, IndexError, PaperIndex};
use crate::query::highlight::{self, Terms};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// One indexed paper, as the catalogue knows it.
#[derive(Debug, Clone, Serialize)]
pub struct PaperInfo {
    pub id: String,
    pub file: String,
    pub country: String,
    pub committee: String,
    pub committee_name: String,
    pub topics: Vec<String>,
    pub passages: u32,
}

/// Every indexed paper, by id and by file.
#[derive(Debug, Default)]
pub struct Papers {
    by_id: BTreeMap<String, PaperInfo>,
    id_of_file: BTreeMap<String, String>,
}

/// The id a page links to: the paper's key in the index, in hex.
pub fn paper_id(file: &str) -> String {
    format!("{:016x}", paper_key(file))
}

impl Papers {
    /// Reads the index's record of its files; without it (deleted by hand) the
    /// server still answers queries, but no paper can be opened.
    pub fn load(index_dir: &Path) -> Papers {
        let mut papers = Papers::default();
        let Some(files) = Files::load(index_dir) else {
            return papers;
        };
        for (file, state) in files.files {
            let id = paper_id(&file);
            let paper = state.head();
            let (committee, committee_name) = paper
                .committee
                .map(|(code, name)| (code.to_owned(), name.to_owned()))
                .unwrap_or_default();
            papers.id_of_file.insert(file.clone(), id.clone());
            papers.by_id.insert(
                id.clone(),
                PaperInfo {
                    id,
                    file,
                    country: paper.country.to_owned(),
                    committee,
                    committee_name,
                    topics: paper.topics.iter().map(|t| t.to_string()).collect(),
                    passages: state.passages,
                },
            );
        }
        papers
    }

    pub fn get(&self, id: &str) -> Option<&PaperInfo> {
        self.by_id.get(id)
    }

    pub fn id_of(&self, file: &str) -> Option<&str> {
        self.id_of_file.get(file).map(String::as_str)
    }

    /// Papers of one country (any committee), ordered by committee then file.
    pub fn of_country(&self, country: &str) -> Vec<&PaperInfo> {
        let mut out: Vec<&PaperInfo> = self
            .by_id
            .values()
            .filter(|p| p.country == country)
            .collect();
        out.sort_by(|a, b| a.committee.cmp(&b.committee).then(a.file.cmp(&b.file)));
        out
    }
}

/// A whole paper: its catalogue entry and every passage, in reading order.
#[derive(Debug, Serialize)]
pub struct PaperText {
    #[serde(flatten)]
    pub info: PaperInfo,
    pub passages: Vec<StoredPassage>,
}

/// Reads every passage of a paper from the index.
pub fn read(
    index: &PaperIndex,
    searcher: &Searcher,
    info: &PaperInfo,
) -> Result<PaperText, IndexError> {
    let query = TermQuery::new(
        Term::from_field_text(index.fields.file, &info.file),
        IndexRecordOption::Basic,
    );
    let docs = searcher
        .search(&query, &DocSetCollector)
        .map_err(|e| index.tantivy_error(e))?;
    let mut passages = docs
        .into_iter()
        .map(|addr| search::stored(searcher, &index.fields, addr))
        .collect::<tantivy::Result<Vec<_>>>()
        .map_err(|e| index.tantivy_error(e))?;
    passages.sort_by_key(|p| p.passage);
    Ok(PaperText {
        info: info.clone(),
        passages,
    })
}

/// A passage's text with the query's matches marked, everything else escaped.
fn marked(text: &str, terms: Option<&Terms>) -> String {
    let Some(terms) = terms else {
        return escape(text);
    };
    let mut out = String::with_capacity(text.len() + 32);
    let mut at = 0;
    for r in highlight::match_ranges(text, terms) {
        if r.start < at || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            continue;
        }
        out.push_str(&escape(&text[at..r.start]));
        out.push_str("<mark>");
        out.push_str(&escape(&text[r.start..r.end]));
        out.push_str("</mark>");
        at = r.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// The body of the paper page: the header, then each section under its heading,
/// each passage anchored as `#pN` so a result can link straight to it.
pub fn render(paper: &PaperText, target: Option<u32>, terms: Option<&Terms>) -> String {
    let info = &paper.info;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<article class="paper"><header class="paper-head"><p class="crumbs"><a href="/country/{}">{}</a>"#,
        escape(&url_part(&info.country)),
        escape(&info.country)
    );
    if !info.committee.is_empty() {
        let _ = write!(
            out,
            r#" · <a href="/blocs?committee={}" title="{}">{}</a>"#,
            escape(&url_part(&info.committee)),
            escape(&info.committee_name),
            escape(&info.committee)
        );
    }
    let _ = write!(
        out,
        r#"</p><h1>{}</h1><p class="meta">{}</p>"#,
        escape(&info.country),
        escape(&info.committee_name)
    );
    for t in &info.topics {
        let _ = write!(out, r#"<p class="topic">{}</p>"#, escape(t));
    }
    let _ = write!(
        out,
        r#"<p class="file">{} · {}</p></header>"#,
        escape(&info.file),
        plural(paper.passages.len(), "passage", "passages")
    );
    let mut section: Option<&str> = None;
    let mut topic: Option<&str> = None;
    for p in &paper.passages {
        if info.topics.len() > 1 && topic != Some(p.topic.as_str()) && !p.topic.is_empty() {
            let _ = write!(out, r#"<h2 class="topic-head">{}</h2>"#, escape(&p.topic));
            topic = Some(p.topic.as_str());
            section = None;
        }
        if section != Some(p.section.as_str()) {
            if !p.section.is_empty() {
                let _ = write!(
                    out,
                    r#"<h3 class="section {}">{}</h3>"#,
                    p.section_kind.as_str(),
                    escape(&p.section)
                );
            }
            section = Some(p.section.as_str());
        }
        let class = if target == Some(p.passage) {
            "passage target"
        } else {
            "passage"
        };
        let _ = write!(
            out,
            r##"<p class="{class}" id="p{n}"><a class="loc" href="#p{n}" title="{loc}">¶{n}</a> {text}</p>"##,
            n = p.passage,
            loc = escape(&p.location()),
            text = marked(&p.text, terms),
        );
    }
    if paper.passages.is_empty() {
        out.push_str(r#"<p class="empty">This paper has no passages in the index.</p>"#);
    }
    out.push_str("</article>");
    out
}

/// Percent-encodes a value for a URL path or query.
pub fn url_part(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_escapes_text_around_and_inside_matches() {
        let mut terms = Terms::default();
        terms.add_words(vec!["script".to_owned()]);
        let html = marked("a <script>alert(1)</script> & b", Some(&terms));
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;<mark>script</mark>&gt;"), "{html}");
        assert!(html.contains("&amp; b"));
        assert_eq!(marked("<b>", None), "&lt;b&gt;");
    }

    #[test]
    fn url_part_encodes_everything_but_unreserved() {
        assert_eq!(url_part("Côte d'Ivoire"), "C%C3%B4te%20d%27Ivoire");
        assert_eq!(url_part("CND"), "CND");
    }
}
