//! The file formats a paper can come in (plain text, Markdown, HTML, DOCX, ODT, PDF)
//! and their extraction into blocks of source lines, the input of the paper parser.

mod archive;
mod docx;
mod html;
mod markdown;
mod odt;
mod pdf;
mod pdf_layout;
mod rich;
mod xml;

#[cfg(test)]
#[path = "../../../tests/support/fixtures.rs"]
pub(crate) mod fixtures;

/// Views of extracted blocks that the format tests compare against.
#[cfg(test)]
pub(crate) mod test_util {
    use crate::paper::blocks::{Block, BlockKind};

    /// Each block's lines joined with " / ".
    pub(crate) fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| {
                b.lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" / ")
            })
            .collect()
    }

    pub(crate) fn kinds(blocks: &[Block]) -> Vec<BlockKind> {
        blocks.iter().map(|b| b.kind).collect()
    }
}

use std::path::Path;

use super::blocks::{blocks_from_lines, Block, SrcLine};
use super::text;

/// The kinds of file caucus reads, told apart by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Docx,
    Odt,
    Pdf,
    Html,
}

impl Format {
    /// By extension, case-insensitive: txt/text, md/markdown, docx, odt, pdf, html/htm/xhtml.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "pdf" => Some(Format::Pdf),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The short name shown to users and stored in the index: "txt", "pdf", ...
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }

    /// Whether the format has pages, so that passages can cite page numbers.
    pub fn has_pages(self) -> bool {
        matches!(self, Format::Pdf)
    }
}

const MIB: u64 = 1024 * 1024;

/// Size limits that keep a hostile or broken file from exhausting memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest file read at all; checked by the caller before reading.
    pub max_file_bytes: u64,
    /// Most bytes inflated from one file, across all the zip entries (DOCX, ODT) or
    /// compressed streams (PDF) that are read.
    pub max_unzipped_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 50 * MIB,
            max_unzipped_bytes: 200 * MIB,
        }
    }
}

impl Limits {
    /// The inflation limit in whole megabytes, rounded up, as shown to users.
    fn unzipped_mb(&self) -> u64 {
        self.max_unzipped_bytes.div_ceil(MIB)
    }
}

/// Why a file gave no blocks. Messages are shown to users after the file name.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("binary file, not text")]
    Binary,
    #[error("not a valid {0} file: {1}")]
    Corrupt(&'static str, String),
    #[error("PDF is encrypted")]
    Encrypted,
    #[error("no text layer (scanned images?) — needs OCR")]
    NoText,
    #[error("archive entry {0} expands past {1} MB (zip bomb?)")]
    TooLarge(String, u64),
    #[error("document is password-protected")]
    Protected,
}

/// Extracts a paper's blocks. Text is decoded with [`text::decode`] and split into
/// lines, then grouped by [`blocks_from_lines`] (with `SrcLine.line` = 1-based line).
pub fn extract(format: Format, bytes: &[u8], limits: &Limits) -> Result<Vec<Block>, ExtractError> {
    match format {
        Format::Text => Ok(extract_text(&decode_text(bytes)?)),
        Format::Markdown => Ok(markdown::extract(&decode_text(bytes)?)),
        Format::Html => html::extract(bytes, limits),
        Format::Docx => docx::extract(bytes, limits),
        Format::Odt => odt::extract(bytes, limits),
        Format::Pdf => pdf::extract(bytes, limits),
    }
}

/// [`extract`] taking the bytes: a text file's bytes become its text without a
/// copy when they are UTF-8, so a huge file is not held as bytes and text at once.
pub fn extract_owned(
    format: Format,
    bytes: Vec<u8>,
    limits: &Limits,
) -> Result<Vec<Block>, ExtractError> {
    match format {
        Format::Text => Ok(extract_text(&decode_text_owned(bytes)?)),
        Format::Markdown => Ok(markdown::extract(&decode_text_owned(bytes)?)),
        _ => extract(format, &bytes, limits),
    }
}

fn decode_text_owned(bytes: Vec<u8>) -> Result<String, ExtractError> {
    text::decode_owned(bytes)
        .map(|(text, _)| text)
        .map_err(|text::DecodeError::Binary| ExtractError::Binary)
}

fn decode_text(bytes: &[u8]) -> Result<String, ExtractError> {
    text::decode(bytes)
        .map(|(text, _)| text)
        .map_err(|text::DecodeError::Binary| ExtractError::Binary)
}

fn extract_text(text: &str) -> Vec<Block> {
    if text.contains('\u{c}') {
        return blocks_from_lines(paged_lines(text));
    }
    let lines = text
        .lines()
        .enumerate()
        .map(|(i, line)| SrcLine::new(line, Some(line_number(i)), None))
        .collect();
    blocks_from_lines(lines)
}

/// The lines of a text with form feeds between its pages (a PDF converted by
/// `pdftotext`): each page break is a blank line (a paragraph cut by it is joined
/// again later), and a line among the first two of two pages or more after the first
/// (a running header, "Position Paper - Chile - UNEP"), or among the last two of two
/// pages or more (a running footer), is dropped there. The first page keeps its top:
/// it is often the title the running header repeats.
/// How many lines at the top and at the bottom of a page may be its running header or
/// footer.
const EDGE_LINES: usize = 2;

fn paged_lines(text: &str) -> Vec<SrcLine> {
    // (line index, page, text) with the form feeds taken out.
    let mut raw: Vec<(usize, usize, &str)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for (k, part) in line.split('\u{c}').enumerate() {
            if k > 0 {
                let page = raw.last().map_or(0, |r| r.1) + 1;
                raw.push((i, page, ""));
            }
            let page = raw.last().map_or(0, |r| r.1);
            raw.push((i, page, part));
        }
    }
    let pages = raw.last().map_or(0, |r| r.1) + 1;
    // The first two and the last two lines with text on each page: a page number may
    // stand outside a running footer or header.
    let mut tops: Vec<Vec<usize>> = vec![Vec::new(); pages];
    let mut bottoms: Vec<Vec<usize>> = vec![Vec::new(); pages];
    for (at, (_, page, t)) in raw.iter().enumerate() {
        if !t.trim().is_empty() {
            if tops[*page].len() < EDGE_LINES {
                tops[*page].push(at);
            }
            let b = &mut bottoms[*page];
            if b.len() == EDGE_LINES {
                b.remove(0);
            }
            b.push(at);
        }
    }
    // How many pages each text opens (after the first) or closes.
    let tally = |edges: &[Vec<usize>], skip: usize| {
        let mut n: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for page in edges.iter().skip(skip) {
            let mut seen: Vec<&str> = Vec::new();
            for &at in page {
                let t = raw[at].2.trim();
                if !seen.contains(&t) {
                    seen.push(t);
                    *n.entry(t).or_default() += 1;
                }
            }
        }
        n
    };
    let (opens, closes) = (tally(&tops, 1), tally(&bottoms, 0));
    let mut dropped = vec![false; raw.len()];
    for page in 0..pages {
        for &at in tops[page].iter().filter(|_| page > 0) {
            dropped[at] |= opens[raw[at].2.trim()] >= 2;
        }
        for &at in &bottoms[page] {
            dropped[at] |= closes[raw[at].2.trim()] >= 2;
        }
    }
    raw.iter()
        .zip(dropped)
        .filter(|(_, gone)| !gone)
        .map(|((i, _, t), _)| SrcLine::new(*t, Some(line_number(*i)), None))
        .collect()
}

/// 1-based line number from a 0-based index, saturating on absurdly long files.
fn line_number(index: usize) -> u32 {
    u32::try_from(index).map_or(u32::MAX, |i| i.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::blocks::BlockKind;

    #[test]
    fn format_from_extension_ignores_case() {
        assert_eq!(
            Format::from_path(Path::new("a/Belgium.DOCX")),
            Some(Format::Docx)
        );
        assert_eq!(
            Format::from_path(Path::new("b.markdown")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("c.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("c.xhtml")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("d.text")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("e.doc")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
        assert_eq!(Format::Pdf.name(), "pdf");
        assert!(Format::Pdf.has_pages());
        assert!(!Format::Docx.has_pages());
    }

    #[test]
    fn text_lines_are_numbered_from_one() {
        let blocks = extract(
            Format::Text,
            b"Country: Chile\r\nTopic: Water\r\n\r\nFirst line\r\nsecond line",
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[2].kind, BlockKind::Paragraph);
        assert_eq!(blocks[2].lines[1].text, "second line");
        assert_eq!(blocks[2].lines[1].line, Some(5));
        assert_eq!(blocks[2].lines[1].page, None);
    }

    /// Every line's text, block after block.
    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks
            .iter()
            .flat_map(|b| b.lines.iter().map(|l| l.text.as_str()))
            .collect()
    }

    #[test]
    fn pages_of_a_converted_pdf_lose_their_running_header_and_footer() {
        let text = "Position Paper - Chile - UNEP\nCountry: Chile\nCommittee: UNEP\n\nBackground\nChile has created marine protected areas that cover much of its\nwaters and funds patrols by the navy and by local fishing crews with\nenviron-\nModel UN 2025\nPage 1 of 2\n\u{c}Position Paper - Chile - UNEP\nmental safeguards in every licence.\nModel UN 2025\nPage 2 of 2\n\u{c}Position Paper - Chile - UNEP\nAnnex\nModel UN 2025\n";
        let blocks = extract(Format::Text, text.as_bytes(), &Limits::default()).unwrap();
        let lines = texts(&blocks);
        // The first page keeps its title; the other pages lose the running header,
        // and every page its running footer.
        assert_eq!(
            lines
                .iter()
                .filter(|l| l.contains("Position Paper"))
                .count(),
            1,
            "{lines:?}"
        );
        assert!(
            !lines.iter().any(|l| l.contains("Model UN 2025")),
            "{lines:?}"
        );
        // Lines keep their numbers in the file.
        let annex = blocks
            .iter()
            .flat_map(|b| &b.lines)
            .find(|l| l.text == "Annex")
            .unwrap();
        assert_eq!(annex.line, Some(16));
        // The paragraph cut by the page break is one passage, its word healed.
        let paper = crate::paper::parse(&blocks, std::path::Path::new("chile.txt"));
        assert!(
            paper.passages.iter().any(|p| p
                .text
                .contains("fishing crews with environmental safeguards")),
            "{:?}",
            paper.passages
        );
        // A line that tops only one later page is kept.
        let text = "Country: Chile\n\nFirst page text here.\n\u{c}Annex A\nSecond page text.\n\u{c}Annex B\nThird page text.\n";
        let blocks = extract(Format::Text, text.as_bytes(), &Limits::default()).unwrap();
        let all = texts(&blocks);
        assert!(
            all.contains(&"Annex A") && all.contains(&"Annex B"),
            "{all:?}"
        );
    }

    #[test]
    fn binary_text_is_refused() {
        let err = extract(Format::Text, b"\x89PNG\0\0\x01", &Limits::default()).unwrap_err();
        assert!(matches!(err, ExtractError::Binary));
        let err = extract(Format::Markdown, b"\0\0\0", &Limits::default()).unwrap_err();
        assert_eq!(err.to_string(), "binary file, not text");
    }

    #[test]
    fn error_messages_read_plainly() {
        assert_eq!(
            ExtractError::Corrupt("DOCX", "not a zip archive".into()).to_string(),
            "not a valid DOCX file: not a zip archive"
        );
        assert_eq!(
            ExtractError::TooLarge("word/document.xml".into(), 200).to_string(),
            "archive entry word/document.xml expands past 200 MB (zip bomb?)"
        );
        let limits = Limits {
            max_unzipped_bytes: 1,
            ..Limits::default()
        };
        assert_eq!(limits.unzipped_mb(), 1);
    }
}
