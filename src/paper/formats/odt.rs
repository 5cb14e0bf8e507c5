//! OpenDocument text (ODT) papers: headings, paragraphs (bold ones told by their
//! styles), list items, table rows and notes, with tracked deletions, annotations and
//! tables of contents left out.

use std::collections::HashMap;

use super::super::blocks::{Block, BlockKind, SrcLine};
use super::archive::Archive;
use super::rich::{row_line, TextBuf, Weight};
use super::xml::{self, Ns, Skip, Tag, XmlEvent};
use super::{ExtractError, Limits};

const LABEL: &str = "ODT";

/// Extracts the blocks of an ODT paper; notes come last, in the order they are cited.
pub(crate) fn extract(bytes: &[u8], limits: &Limits) -> Result<Vec<Block>, ExtractError> {
    let mut archive = Archive::open(bytes, LABEL, limits)?;
    if let Some(mimetype) = archive.read_text("mimetype")? {
        let mimetype = mimetype.trim();
        if !mimetype.starts_with("application/vnd.oasis.opendocument.text") {
            return Err(ExtractError::Corrupt(
                LABEL,
                format!("not a text document ({mimetype})"),
            ));
        }
    }
    if let Some(manifest) = archive.read_text("META-INF/manifest.xml")? {
        if manifest.contains("encryption-data") {
            return Err(ExtractError::Protected);
        }
    }
    let mut styles = Styles::default();
    if let Some(xml) = archive.read_text("styles.xml")? {
        styles.parse(&xml, "styles.xml")?;
    }
    let content = archive
        .read_text("content.xml")?
        .ok_or_else(|| ExtractError::Corrupt(LABEL, "content.xml is missing".into()))?;
    // Automatic styles in content.xml (bold paragraphs and spans) come on top.
    styles.parse(&content, "content.xml")?;
    let mut reader = Reader::new(&styles);
    xml::walk(&content, LABEL, "content.xml", |ev| reader.event(ev))?;
    let Reader {
        mut blocks, notes, ..
    } = reader;
    blocks.extend(notes);
    Ok(blocks)
}

// ---------------------------------------------------------------------------
// Styles

#[derive(Debug, Default, Clone)]
struct StyleDef {
    parent: Option<String>,
    display_name: Option<String>,
    outline: Option<u8>,
    bold: Option<bool>,
    underline: Option<bool>,
}

/// Paragraph and text styles by family and name, each knowing its parent.
#[derive(Debug, Default)]
struct Styles(HashMap<(String, String), StyleDef>);

impl Styles {
    fn parse(&mut self, xml: &str, part: &str) -> Result<(), ExtractError> {
        let mut current: Option<((String, String), StyleDef)> = None;
        xml::walk(xml, LABEL, part, |ev| match ev {
            XmlEvent::Start(tag) if tag.is(Ns::OdfStyle, "style") => {
                if let Some(name) = tag.attr("name") {
                    let family = tag.attr("family").unwrap_or("paragraph").to_owned();
                    let def = StyleDef {
                        parent: tag.attr("parent-style-name").map(str::to_owned),
                        display_name: tag.attr("display-name").map(str::to_owned),
                        outline: tag
                            .attr("default-outline-level")
                            .and_then(|l| l.parse().ok()),
                        ..StyleDef::default()
                    };
                    current = Some(((family, name.to_owned()), def));
                }
            }
            XmlEvent::Start(tag) if tag.is(Ns::OdfStyle, "text-properties") => {
                if let Some((_, def)) = current.as_mut() {
                    if let Some(weight) = tag.attr("font-weight") {
                        def.bold = Some(is_bold_weight(weight));
                    }
                    if let Some(underline) = tag.attr("text-underline-style") {
                        def.underline = Some(underline != "none");
                    }
                }
            }
            XmlEvent::End(tag) if tag.is(Ns::OdfStyle, "style") => {
                if let Some((key, def)) = current.take() {
                    self.0.insert(key, def);
                }
            }
            _ => {}
        })
    }

    fn chain<'a>(
        &'a self,
        family: &'a str,
        name: Option<&'a str>,
    ) -> impl Iterator<Item = (&'a str, &'a StyleDef)> + 'a {
        let mut next = name;
        std::iter::from_fn(move || {
            let name = next?;
            let def = self.0.get(&(family.to_owned(), name.to_owned()))?;
            next = def.parent.as_deref();
            Some((name, def))
        })
        .take(16)
    }

    /// Heading level of a paragraph style: its outline level, or what its name says
    /// ("Title", "Heading 2"). Producers such as pandoc use LibreOffice's built-in
    /// style names without defining them, so an undefined name counts too.
    fn heading_level(&self, name: Option<&str>) -> Option<u8> {
        let mut next = name;
        for _ in 0..16 {
            let name = next?;
            let def = self.0.get(&("paragraph".to_owned(), name.to_owned()));
            let shown = def.and_then(|d| d.display_name.as_deref()).unwrap_or(name);
            if let Some(level) = def
                .and_then(|d| d.outline)
                .or_else(|| builtin_heading_level(shown))
            {
                return Some(level);
            }
            next = def?.parent.as_deref();
        }
        None
    }

    fn bold(&self, family: &str, name: Option<&str>) -> Option<bool> {
        self.chain(family, name).find_map(|(_, def)| def.bold)
    }

    fn underline(&self, family: &str, name: Option<&str>) -> Option<bool> {
        self.chain(family, name).find_map(|(_, def)| def.underline)
    }
}

/// "Title" -> 1, "Heading 3" (or its encoded name "Heading_20_3") -> 3.
fn builtin_heading_level(name: &str) -> Option<u8> {
    let name = name.replace("_20_", " ");
    if name.eq_ignore_ascii_case("title") {
        return Some(1);
    }
    name.strip_prefix("Heading ")?
        .trim()
        .parse()
        .ok()
        .filter(|l| (1..=10).contains(l))
}

/// `bold`, or a numeric weight of 600 and up.
fn is_bold_weight(weight: &str) -> bool {
    weight == "bold" || weight.parse::<u16>().is_ok_and(|w| w >= 600)
}

// ---------------------------------------------------------------------------
// Content

#[derive(Debug, Default)]
struct Para {
    buf: TextBuf,
    style: Option<String>,
    /// The outline level of a `text:h`.
    heading: Option<u8>,
}

#[derive(Debug)]
struct OpenNote {
    citation: String,
    in_citation: bool,
    lines: Vec<SrcLine>,
    /// Paragraphs open when the note began: those opened later belong to it.
    base: usize,
}

struct Reader<'s> {
    styles: &'s Styles,
    blocks: Vec<Block>,
    notes: Vec<Block>,
    skip: Skip,
    in_body: bool,
    paras: Vec<Para>,
    /// Bold and underline of the open spans.
    spans: Vec<(Option<bool>, Option<bool>)>,
    list_items: usize,
    tables: usize,
    row: Option<Vec<String>>,
    cell: Option<TextBuf>,
    open_notes: Vec<OpenNote>,
}

impl<'s> Reader<'s> {
    fn new(styles: &'s Styles) -> Self {
        Reader {
            styles,
            blocks: Vec::new(),
            notes: Vec::new(),
            skip: Skip::default(),
            in_body: false,
            paras: Vec::new(),
            spans: Vec::new(),
            list_items: 0,
            tables: 0,
            row: None,
            cell: None,
            open_notes: Vec::new(),
        }
    }

    fn event(&mut self, ev: XmlEvent<'_>) {
        if self.skip.event(&ev) {
            return;
        }
        match ev {
            XmlEvent::Start(tag) => self.start(tag),
            XmlEvent::End(tag) => self.end(tag),
            XmlEvent::Text(text) => {
                if let Some(note) = self.open_notes.last_mut().filter(|n| n.in_citation) {
                    note.citation.push_str(text);
                } else if self.in_body {
                    let weight = Weight::bold_if(self.emphasised());
                    if let Some(para) = self.paras.last_mut() {
                        para.buf.push(text, weight);
                    }
                }
            }
        }
    }

    fn start(&mut self, tag: &Tag) {
        if tag.is(Ns::OdfOffice, "text") {
            self.in_body = true;
            return;
        }
        if !self.in_body {
            return;
        }
        match (tag.ns, tag.name.as_str()) {
            (Ns::OdfOffice, "annotation" | "annotation-end" | "forms")
            | (Ns::OdfSvg, "title" | "desc")
            | (
                Ns::OdfText,
                "tracked-changes" | "table-of-content" | "alphabetical-index"
                | "illustration-index" | "table-index" | "object-index" | "user-index"
                | "sequence-decls" | "variable-decls" | "user-field-decls",
            ) => self.skip.start(),
            (Ns::OdfText, "p") => self.paras.push(Para {
                style: tag.attr("style-name").map(str::to_owned),
                ..Para::default()
            }),
            (Ns::OdfText, "h") => self.paras.push(Para {
                style: tag.attr("style-name").map(str::to_owned),
                heading: Some(
                    tag.attr("outline-level")
                        .and_then(|l| l.parse().ok())
                        .unwrap_or(1),
                ),
                ..Para::default()
            }),
            (Ns::OdfText, "span") => {
                let style = tag.attr("style-name");
                self.spans.push((
                    self.styles.bold("text", style),
                    self.styles.underline("text", style),
                ));
            }
            (Ns::OdfText, "s") => {
                if let Some(para) = self.paras.last_mut() {
                    para.buf.space();
                }
            }
            (Ns::OdfText, "tab") => {
                if let Some(para) = self.paras.last_mut() {
                    para.buf.space();
                }
            }
            (Ns::OdfText, "line-break") => {
                let in_cell = self.cell.is_some();
                if let Some(para) = self.paras.last_mut() {
                    if in_cell {
                        para.buf.space();
                    } else {
                        para.buf.line_break();
                    }
                }
            }
            (Ns::OdfText, "list-item" | "list-header") => self.list_items += 1,
            (Ns::OdfText, "note") => self.open_notes.push(OpenNote {
                citation: String::new(),
                in_citation: false,
                lines: Vec::new(),
                base: self.paras.len(),
            }),
            (Ns::OdfText, "note-citation") => {
                if let Some(note) = self.open_notes.last_mut() {
                    note.in_citation = true;
                }
            }
            (Ns::OdfTable, "table") => self.tables += 1,
            (Ns::OdfTable, "table-row") if self.tables == 1 => self.row = Some(Vec::new()),
            (Ns::OdfTable, "table-cell") if self.tables == 1 => {
                self.cell = Some(TextBuf::default())
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: &Tag) {
        match (tag.ns, tag.name.as_str()) {
            (Ns::OdfOffice, "text") => self.in_body = false,
            (Ns::OdfText, "p" | "h") => self.end_paragraph(),
            (Ns::OdfText, "span") => {
                self.spans.pop();
            }
            (Ns::OdfText, "list-item" | "list-header") => {
                self.list_items = self.list_items.saturating_sub(1)
            }
            (Ns::OdfText, "note-citation") => {
                if let Some(note) = self.open_notes.last_mut() {
                    note.in_citation = false;
                }
            }
            (Ns::OdfText, "note") => self.end_note(),
            (Ns::OdfTable, "table-cell") if self.tables == 1 => {
                if let (Some(row), Some(mut cell)) = (self.row.as_mut(), self.cell.take()) {
                    row.push(cell.take_text());
                }
            }
            (Ns::OdfTable, "table-row") if self.tables == 1 => {
                if let Some(text) = self.row.take().as_deref().and_then(row_line) {
                    self.blocks.push(Block::new(
                        BlockKind::TableRow,
                        vec![SrcLine::new(text, None, None)],
                    ));
                }
            }
            (Ns::OdfTable, "table") => self.tables = self.tables.saturating_sub(1),
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(mut para) = self.paras.pop() else {
            return;
        };
        if let Some(note) = self.open_notes.last_mut() {
            if self.paras.len() >= note.base {
                note.lines.extend(para.buf.take_lines(None));
                return;
            }
        }
        if let Some(cell) = self.cell.as_mut() {
            let text = para.buf.take_text();
            cell.push(&text, Weight::Plain);
            cell.space();
            return;
        }
        let heading = para
            .heading
            .or_else(|| self.styles.heading_level(para.style.as_deref()));
        let kind = match heading {
            Some(level) => BlockKind::Heading(level.clamp(1, 6)),
            None if self.list_items > 0 => BlockKind::ListItem,
            None => BlockKind::Paragraph,
        };
        if let Some(block) = para.buf.take_block(kind) {
            self.blocks.push(block);
        }
    }

    /// Files the note's text as a Note block and leaves its marker in the text.
    fn end_note(&mut self) {
        let Some(mut note) = self.open_notes.pop() else {
            return;
        };
        let marker = format!("[{}]", note.citation.trim());
        if let Some(first) = note.lines.first_mut() {
            first.text = format!("{marker} {}", first.text);
        }
        if !note.lines.is_empty() {
            self.notes.push(Block::new(BlockKind::Note, note.lines));
        }
        if let Some(para) = self.paras.last_mut() {
            para.buf.push(&marker, Weight::Neutral);
        }
    }

    /// Whether the current text is bold or underlined, by its spans or paragraph style.
    fn emphasised(&self) -> bool {
        let para_style = self.paras.last().and_then(|p| p.style.as_deref());
        let bold = self
            .spans
            .iter()
            .rev()
            .find_map(|(bold, _)| *bold)
            .or_else(|| self.styles.bold("paragraph", para_style))
            .unwrap_or(false);
        let underline = self
            .spans
            .iter()
            .rev()
            .find_map(|(_, underline)| *underline)
            .or_else(|| self.styles.underline("paragraph", para_style))
            .unwrap_or(false);
        bold || underline
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::formats::fixtures::{self, Style};
    use crate::paper::formats::test_util::{kinds, texts};

    fn run(bytes: &[u8]) -> Vec<Block> {
        extract(bytes, &Limits::default()).unwrap()
    }

    #[test]
    fn headings_bold_paragraphs_lists_spaces_and_breaks() {
        let blocks = run(&fixtures::odt(&[
            (Style::Title, "Position Paper"),
            (Style::Normal, "**Country:** Belgium\n**Committee:** DISEC"),
            (Style::Heading(2), "Background"),
            (Style::Bold, "Past Actions"),
            (Style::Normal, "Belgium   signed\tthe ATT."),
            (Style::ListItem(0), "First measure"),
            (Style::ListItem(1), "A sub-measure"),
            (Style::ListItem(0), "Second measure"),
        ]));
        assert_eq!(
            texts(&blocks),
            [
                "Position Paper",
                "Country: Belgium / Committee: DISEC",
                "Background",
                "Past Actions",
                "Belgium signed the ATT.",
                "First measure",
                "A sub-measure",
                "Second measure"
            ]
        );
        assert_eq!(
            kinds(&blocks),
            [
                BlockKind::Heading(1),
                BlockKind::Paragraph,
                BlockKind::Heading(2),
                BlockKind::BoldParagraph,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::ListItem
            ]
        );
    }

    #[test]
    fn notes_tables_tracked_changes_and_annotations() {
        let blocks = run(&fixtures::odt(&[
            (Style::Normal, "We {del:strongly oppose}{ins:support} the draft.{comment:Check this}{note:SIPRI 2024.}"),
            (Style::TableRow, "Year | Event"),
            (Style::TableRow, "2013 | ATT adopted{endnote:See annex.}"),
            (Style::Normal, "After."),
        ]));
        assert_eq!(
            texts(&blocks),
            [
                "We support the draft.[1]",
                "Year | Event",
                "2013 | ATT adopted[i]",
                "After.",
                "[1] SIPRI 2024.",
                "[i] See annex."
            ]
        );
        assert_eq!(blocks[1].kind, BlockKind::TableRow);
        assert_eq!(blocks[4].kind, BlockKind::Note);
        let all = texts(&blocks).join(" ");
        assert!(!all.contains("Running header"), "{all}");
    }

    #[test]
    fn table_of_contents_and_frames() {
        let content = "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
            xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" \
            xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\"><office:body><office:text>\
            <text:table-of-content><text:index-body><text:p>Background 1</text:p></text:index-body></text:table-of-content>\
            <text:h>Untitled level</text:h>\
            <text:p>Anchor <draw:frame><svg:title>alt text</svg:title><draw:text-box><text:p>Boxed</text:p></draw:text-box></draw:frame>text</text:p>\
            </office:text></office:body></office:document-content>";
        let blocks = run(&fixtures::odt_with_content_xml(content));
        assert_eq!(texts(&blocks), ["Untitled level", "Boxed", "Anchor text"]);
        assert_eq!(blocks[0].kind, BlockKind::Heading(1));
    }

    #[test]
    fn bad_packages() {
        let err = extract(b"not a zip", &Limits::default()).unwrap_err();
        assert_eq!(err.to_string(), "not a valid ODT file: not a zip archive");
        let sheet = fixtures::zip_entries(&[(
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet".as_slice(),
        )]);
        let err = extract(&sheet, &Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "not a valid ODT file: not a text document (application/vnd.oasis.opendocument.spreadsheet)"
        );
        let locked = fixtures::zip_entries(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.text".as_slice(),
            ),
            (
                "META-INF/manifest.xml",
                b"<manifest:manifest><manifest:encryption-data/></manifest:manifest>".as_slice(),
            ),
        ]);
        assert!(matches!(
            extract(&locked, &Limits::default()),
            Err(ExtractError::Protected)
        ));
        let empty = fixtures::zip_entries(&[(
            "mimetype",
            b"application/vnd.oasis.opendocument.text".as_slice(),
        )]);
        let err = extract(&empty, &Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "not a valid ODT file: content.xml is missing"
        );
    }

    #[test]
    fn numeric_font_weights() {
        assert!(is_bold_weight("bold"));
        assert!(is_bold_weight("700"));
        assert!(!is_bold_weight("normal"));
        assert!(!is_bold_weight("400"));
    }
}
