//! Word (DOCX) papers: paragraphs with the heading level their style gives, bold
//! paragraphs, list items, table rows and footnotes/endnotes, with tracked
//! deletions, comments, field codes and hidden text left out.

use std::collections::HashMap;

use super::super::blocks::{Block, BlockKind, SrcLine};
use super::archive::Archive;
use super::rich::{row_line, TextBuf, Weight};
use super::xml::{self, is_on, Ns, Skip, Tag, XmlEvent};
use super::{ExtractError, Limits};

const LABEL: &str = "DOCX";

/// Extracts the blocks of a DOCX paper; notes come last, in the order they are cited.
pub(crate) fn extract(bytes: &[u8], limits: &Limits) -> Result<Vec<Block>, ExtractError> {
    let mut archive = Archive::open(bytes, LABEL, limits)?;
    let main = main_part(&mut archive)?;
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels = match archive.read_text(&join(dir, &format!("_rels/{file}.rels")))? {
        Some(xml) => relationships(&xml, dir)?,
        None => Vec::new(),
    };
    let part = |kind: &str, default: &str| {
        rels.iter()
            .find(|(k, _)| k == kind)
            .map_or_else(|| join(dir, default), |(_, target)| target.clone())
    };
    let styles = match archive.read_text(&part("styles", "styles.xml"))? {
        Some(xml) => Styles::parse(&xml)?,
        None => Styles::default(),
    };
    let document = archive
        .read_text(&main)?
        .ok_or_else(|| ExtractError::Corrupt(LABEL, format!("{main} is missing")))?;
    let mut body = Reader::new(&styles);
    xml::walk(&document, LABEL, &main, |ev| body.event(ev))?;
    let mut blocks = margin_blocks(&mut archive, &rels, &styles)?;
    blocks.append(&mut body.blocks);

    for (kind, default) in [
        (NoteKind::Foot, "footnotes.xml"),
        (NoteKind::End, "endnotes.xml"),
    ] {
        let cited: Vec<_> = body.citations.iter().filter(|c| c.kind == kind).collect();
        if cited.is_empty() {
            continue;
        }
        let path = part(kind.relationship(), default);
        let Some(xml) = archive.read_text(&path)? else {
            continue;
        };
        let mut notes = Reader::new(&styles);
        xml::walk(&xml, LABEL, &path, |ev| notes.event(ev))?;
        for citation in cited {
            if let Some(mut lines) = notes.notes.remove(&citation.id) {
                if let Some(first) = lines.first_mut() {
                    first.text = format!("[{}] {}", citation.marker, first.text);
                }
                blocks.push(Block::new(BlockKind::Note, lines));
            }
        }
    }
    Ok(blocks)
}

/// The paragraphs of the page headers and footers (word/header*.xml, word/footer*.xml)
/// as `Margin` blocks: some papers keep their Committee and Delegation lines there.
/// They give header fields only and are never passages. Each distinct line is kept
/// once, however many sections repeat it.
fn margin_blocks(
    archive: &mut Archive<'_>,
    rels: &[(String, String)],
    styles: &Styles,
) -> Result<Vec<Block>, ExtractError> {
    let mut parts: Vec<&str> = rels
        .iter()
        .filter(|(kind, _)| kind == "header" || kind == "footer")
        .map(|(_, target)| target.as_str())
        .collect();
    // Headers before footers, then by part name: the same order every run.
    parts.sort_by_key(|p| (p.contains("footer"), p.to_string()));
    parts.dedup();
    let mut out: Vec<Block> = Vec::new();
    for path in parts {
        let Some(xml) = archive.read_text(path)? else {
            continue;
        };
        let mut reader = Reader::new(styles);
        xml::walk(&xml, LABEL, path, |ev| reader.event(ev))?;
        for block in reader.blocks {
            for line in block.lines {
                let seen = out
                    .iter()
                    .any(|b| b.lines.first().is_some_and(|l| l.text == line.text));
                if !line.text.trim().is_empty() && !seen {
                    out.push(Block::new(BlockKind::Margin, vec![line]));
                }
            }
        }
    }
    Ok(out)
}

/// The main document part named by the package relationships, usually word/document.xml.
fn main_part(archive: &mut Archive<'_>) -> Result<String, ExtractError> {
    if let Some(xml) = archive.read_text("_rels/.rels")? {
        if let Some((_, target)) = relationships(&xml, "")?
            .into_iter()
            .find(|(kind, _)| kind == "officeDocument")
        {
            return Ok(target);
        }
    }
    Ok("word/document.xml".to_owned())
}

/// (type, target) of the internal relationships in a .rels part: the type is the
/// last segment of its URI ("styles", "footnotes"), the target a path in the package.
fn relationships(xml: &str, dir: &str) -> Result<Vec<(String, String)>, ExtractError> {
    let mut rels = Vec::new();
    xml::walk(xml, LABEL, "relationships", |ev| {
        if let XmlEvent::Start(tag) = ev {
            if tag.name == "Relationship" && tag.attr("TargetMode") != Some("External") {
                if let (Some(kind), Some(target)) = (tag.attr("Type"), tag.attr("Target")) {
                    let kind = kind.rsplit('/').next().unwrap_or(kind).to_owned();
                    let target = match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_owned(),
                        None => join(dir, target),
                    };
                    rels.push((kind, target));
                }
            }
        }
    })?;
    Ok(rels)
}

fn join(dir: &str, path: &str) -> String {
    if dir.is_empty() {
        path.to_owned()
    } else {
        format!("{dir}/{path}")
    }
}

// ---------------------------------------------------------------------------
// Styles

#[derive(Debug, Default, Clone)]
struct StyleDef {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbered: bool,
    bold: Option<bool>,
    underline: Option<bool>,
}

/// The styles of styles.xml by id, each knowing the style it is based on.
#[derive(Debug, Default)]
struct Styles(HashMap<String, StyleDef>);

impl Styles {
    fn parse(xml: &str) -> Result<Styles, ExtractError> {
        let mut styles = HashMap::new();
        let mut current: Option<(String, StyleDef)> = None;
        let mut skip = Skip::default();
        let mut in_rpr = false;
        xml::walk(xml, LABEL, "word/styles.xml", |ev| {
            if skip.event(&ev) {
                return;
            }
            match ev {
                XmlEvent::Start(tag) if tag.ns == Ns::Word => {
                    let val = tag.attr("val");
                    match tag.name.as_str() {
                        // Conditional formats of table styles and recorded changes do
                        // not describe the style itself.
                        "tblStylePr" | "rPrChange" | "pPrChange" => skip.start(),
                        "style" => {
                            current = tag
                                .attr("styleId")
                                .map(|id| (id.to_owned(), StyleDef::default()));
                        }
                        "rPr" => in_rpr = true,
                        _ => {}
                    }
                    if let Some((_, def)) = current.as_mut() {
                        match tag.name.as_str() {
                            "name" => def.name = val.unwrap_or_default().to_owned(),
                            "basedOn" => def.based_on = val.map(str::to_owned),
                            "outlineLvl" => {
                                def.outline =
                                    val.and_then(|v| v.parse().ok()).filter(|&l: &u8| l < 9)
                            }
                            "numId" => def.numbered = val.is_some_and(|v| v != "0"),
                            "b" if in_rpr => def.bold = Some(is_on(val)),
                            "u" if in_rpr => def.underline = Some(is_on(val)),
                            _ => {}
                        }
                    }
                }
                XmlEvent::End(tag) if tag.ns == Ns::Word => match tag.name.as_str() {
                    "style" => {
                        if let Some((id, def)) = current.take() {
                            styles.insert(id, def);
                        }
                    }
                    "rPr" => in_rpr = false,
                    _ => {}
                },
                _ => {}
            }
        })?;
        Ok(Styles(styles))
    }

    /// The style and those it is based on, nearest first (cycles cut off).
    fn chain<'a>(&'a self, id: Option<&'a str>) -> impl Iterator<Item = &'a StyleDef> + 'a {
        let mut next = id;
        std::iter::from_fn(move || {
            let def = self.0.get(next?)?;
            next = def.based_on.as_deref();
            Some(def)
        })
        .take(16)
    }

    fn heading_level(&self, id: Option<&str>) -> Option<u8> {
        self.chain(id)
            .find_map(|def| heading_name_level(&def.name).or(def.outline.map(|l| l + 1)))
    }

    fn numbered(&self, id: Option<&str>) -> bool {
        self.chain(id).any(|def| def.numbered)
    }

    fn bold(&self, id: Option<&str>) -> Option<bool> {
        self.chain(id).find_map(|def| def.bold)
    }

    fn underline(&self, id: Option<&str>) -> Option<bool> {
        self.chain(id).find_map(|def| def.underline)
    }

    fn is_toc(&self, id: Option<&str>) -> bool {
        self.chain(id).next().is_some_and(|def| {
            def.name
                .to_ascii_lowercase()
                .strip_prefix("toc ")
                .is_some_and(|n| n.parse::<u8>().is_ok())
        })
    }
}

/// "heading 2" -> 2, "Title" -> 1 (Word stores built-in names in English).
fn heading_name_level(name: &str) -> Option<u8> {
    let name = name.to_ascii_lowercase();
    if name == "title" {
        return Some(1);
    }
    name.strip_prefix("heading ")?
        .trim()
        .parse()
        .ok()
        .filter(|l| (1..=9).contains(l))
}

// ---------------------------------------------------------------------------
// Document and notes

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoteKind {
    Foot,
    End,
}

impl NoteKind {
    fn relationship(self) -> &'static str {
        match self {
            NoteKind::Foot => "footnotes",
            NoteKind::End => "endnotes",
        }
    }
}

/// A note cited in the text, with the marker shown for it.
#[derive(Debug)]
struct Citation {
    kind: NoteKind,
    id: String,
    marker: String,
}

#[derive(Debug, Default)]
struct Para {
    buf: TextBuf,
    style: Option<String>,
    numbered: bool,
    outline: Option<u8>,
}

#[derive(Debug, Default)]
struct Run {
    bold: Option<bool>,
    underline: Option<bool>,
    style: Option<String>,
    hidden: bool,
}

/// Reads document.xml, or footnotes.xml/endnotes.xml into `notes`.
struct Reader<'s> {
    styles: &'s Styles,
    blocks: Vec<Block>,
    /// Open paragraphs: more than one inside text boxes.
    paras: Vec<Para>,
    run: Run,
    skip: Skip,
    in_ppr: bool,
    in_rpr: bool,
    in_text: bool,
    tables: usize,
    row: Option<Vec<String>>,
    cell: Option<TextBuf>,
    citations: Vec<Citation>,
    /// Lines of each note, by id (footnotes.xml and endnotes.xml).
    notes: HashMap<String, Vec<SrcLine>>,
    note: Option<String>,
}

impl<'s> Reader<'s> {
    fn new(styles: &'s Styles) -> Self {
        Reader {
            styles,
            blocks: Vec::new(),
            paras: Vec::new(),
            run: Run::default(),
            skip: Skip::default(),
            in_ppr: false,
            in_rpr: false,
            in_text: false,
            tables: 0,
            row: None,
            cell: None,
            citations: Vec::new(),
            notes: HashMap::new(),
            note: None,
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
                if self.in_text && !self.run.hidden {
                    let weight = Weight::bold_if(self.emphasised());
                    if let Some(para) = self.paras.last_mut() {
                        para.buf.push(text, weight);
                    }
                }
            }
        }
    }

    fn start(&mut self, tag: &Tag) {
        match tag.ns {
            Ns::Word => {}
            // The fallback repeats the chosen content for older readers.
            Ns::Compat if tag.name == "Fallback" => return self.skip.start(),
            Ns::Math if tag.name == "t" => {
                self.in_text = true;
                return;
            }
            _ => return,
        }
        let val = tag.attr("val");
        match tag.name.as_str() {
            // Deleted text, moved-away text, field instructions, recorded formatting
            // changes (which hold the old style) and section properties.
            "del" | "delText" | "delInstrText" | "instrText" | "moveFrom" | "pPrChange"
            | "rPrChange" | "sectPrChange" | "tblPrChange" | "trPrChange" | "tcPrChange"
            | "numberingChange" | "sectPr" => self.skip.start(),
            "p" => self.paras.push(Para::default()),
            "pPr" => self.in_ppr = true,
            "rPr" if !self.in_ppr => self.in_rpr = true,
            "r" => self.run = Run::default(),
            _ if self.in_ppr => {
                if let Some(para) = self.paras.last_mut() {
                    match tag.name.as_str() {
                        "pStyle" => para.style = val.map(str::to_owned),
                        "numId" => para.numbered = val.is_some_and(|v| v != "0"),
                        "outlineLvl" => {
                            para.outline = val.and_then(|v| v.parse().ok()).filter(|&l: &u8| l < 9)
                        }
                        _ => {}
                    }
                }
            }
            _ if self.in_rpr => match tag.name.as_str() {
                "b" => self.run.bold = Some(is_on(val)),
                "u" => self.run.underline = Some(is_on(val)),
                "rStyle" => self.run.style = val.map(str::to_owned),
                "vanish" => self.run.hidden = is_on(val),
                _ => {}
            },
            "t" => self.in_text = true,
            "tab" => self.with_buf(TextBuf::space),
            "br" | "cr" => self.line_break(),
            "noBreakHyphen" => self.with_buf(|buf| buf.push("-", Weight::Neutral)),
            "footnoteReference" | "endnoteReference" => {
                let kind = if tag.name == "footnoteReference" {
                    NoteKind::Foot
                } else {
                    NoteKind::End
                };
                if let Some(id) = tag.attr("id") {
                    let marker = self.cite(kind, id);
                    self.with_buf(|buf| buf.push(&format!("[{marker}]"), Weight::Neutral));
                }
            }
            "footnote" | "endnote" => {
                if matches!(
                    tag.attr("type"),
                    Some("separator" | "continuationSeparator" | "continuationNotice")
                ) {
                    self.skip.start();
                } else {
                    self.note = tag.attr("id").map(str::to_owned);
                }
            }
            "tbl" => self.tables += 1,
            "tr" if self.tables == 1 => self.row = Some(Vec::new()),
            "tc" if self.tables == 1 => self.cell = Some(TextBuf::default()),
            _ => {}
        }
    }

    fn end(&mut self, tag: &Tag) {
        if tag.ns == Ns::Math && tag.name == "t" {
            self.in_text = false;
            return;
        }
        if tag.ns != Ns::Word {
            return;
        }
        match tag.name.as_str() {
            "p" => self.end_paragraph(),
            "pPr" => self.in_ppr = false,
            "rPr" => self.in_rpr = false,
            "t" => self.in_text = false,
            "tc" if self.tables == 1 => {
                if let (Some(row), Some(mut cell)) = (self.row.as_mut(), self.cell.take()) {
                    row.push(cell.take_text());
                }
            }
            "tr" if self.tables == 1 => {
                if let Some(text) = self.row.take().as_deref().and_then(row_line) {
                    self.emit(Block::new(
                        BlockKind::TableRow,
                        vec![SrcLine::new(text, None, None)],
                    ));
                }
            }
            "tbl" => self.tables = self.tables.saturating_sub(1),
            "footnote" | "endnote" => self.note = None,
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let Some(mut para) = self.paras.pop() else {
            return;
        };
        if let Some(cell) = self.cell.as_mut() {
            let text = para.buf.take_text();
            cell.push(&text, Weight::Plain);
            cell.space();
            return;
        }
        let style = para.style.as_deref();
        if self.styles.is_toc(style) {
            // A table of contents repeats the headings.
            return;
        }
        let heading = para
            .outline
            .map(|l| l + 1)
            .or_else(|| self.styles.heading_level(style));
        let kind = match heading {
            Some(level) => BlockKind::Heading(level.min(6)),
            None if para.numbered || self.styles.numbered(style) => BlockKind::ListItem,
            None => BlockKind::Paragraph,
        };
        if let Some(block) = para.buf.take_block(kind) {
            self.emit(block);
        }
    }

    fn emit(&mut self, block: Block) {
        match &self.note {
            Some(id) => self
                .notes
                .entry(id.clone())
                .or_default()
                .extend(block.lines),
            None => self.blocks.push(block),
        }
    }

    /// The marker of a cited note: its number in citation order, footnotes and
    /// endnotes counted apart ("[3]" is what the paper parser reads as a citation).
    fn cite(&mut self, kind: NoteKind, id: &str) -> String {
        if let Some(c) = self.citations.iter().find(|c| c.kind == kind && c.id == id) {
            return c.marker.clone();
        }
        let marker = (self.citations.iter().filter(|c| c.kind == kind).count() + 1).to_string();
        self.citations.push(Citation {
            kind,
            id: id.to_owned(),
            marker: marker.clone(),
        });
        marker
    }

    /// Whether the current run is bold or underlined, directly or through its styles.
    fn emphasised(&self) -> bool {
        let para_style = self.paras.last().and_then(|p| p.style.as_deref());
        let run_style = self.run.style.as_deref();
        let bold = self
            .run
            .bold
            .or_else(|| self.styles.bold(run_style))
            .or_else(|| self.styles.bold(para_style))
            .unwrap_or(false);
        let underline = self
            .run
            .underline
            .or_else(|| self.styles.underline(run_style))
            .unwrap_or(false);
        bold || underline
    }

    fn with_buf(&mut self, f: impl FnOnce(&mut TextBuf)) {
        if let Some(para) = self.paras.last_mut() {
            f(&mut para.buf);
        }
    }

    fn line_break(&mut self) {
        self.with_buf(TextBuf::line_break);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::formats::fixtures::{self, Style};
    use crate::paper::formats::test_util::{kinds, texts};

    /// The body blocks, without the page header every fixture carries.
    fn run(bytes: &[u8]) -> Vec<Block> {
        extract(bytes, &Limits::default())
            .unwrap()
            .into_iter()
            .filter(|b| b.kind != BlockKind::Margin)
            .collect()
    }

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    #[test]
    fn headings_bold_paragraphs_lists_and_line_breaks() {
        let blocks = run(&fixtures::docx(&[
            (Style::Title, "Position Paper"),
            (Style::Normal, "**Country:** Belgium\n**Committee:** DISEC"),
            (Style::Heading(1), "Background"),
            (Style::Bold, "Past Actions"),
            (Style::Normal, "Belgium\tsigned the ATT."),
            (Style::ListItem(0), "First measure"),
            (Style::ListItem(1), "A sub-measure"),
        ]));
        assert_eq!(
            kinds(&blocks),
            [
                BlockKind::Heading(1),
                BlockKind::Paragraph,
                BlockKind::Heading(1),
                BlockKind::BoldParagraph,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem
            ]
        );
        assert_eq!(blocks[1].lines.len(), 2);
        assert_eq!(
            texts(&blocks),
            [
                "Position Paper",
                "Country: Belgium / Committee: DISEC",
                "Background",
                "Past Actions",
                "Belgium signed the ATT.",
                "First measure",
                "A sub-measure"
            ]
        );
        assert!(blocks
            .iter()
            .all(|b| b.lines.iter().all(|l| l.line.is_none() && l.page.is_none())));
    }

    #[test]
    fn notes_come_last_in_citation_order_and_tables_are_rows() {
        let blocks = run(&fixtures::docx(&[
            (
                Style::Normal,
                "Arms flows rose.{note:SIPRI Yearbook 2024.} Again{endnote:See annex.}.",
            ),
            (Style::TableRow, "Year | Event"),
            (Style::TableRow, "2013 | ATT adopted"),
            (Style::Footnote, "A/RES/67/234."),
            (Style::Normal, "After."),
        ]));
        assert_eq!(
            texts(&blocks),
            [
                "Arms flows rose.[1] Again[1].",
                "Year | Event",
                "2013 | ATT adopted[2]",
                "After.",
                "[1] SIPRI Yearbook 2024.",
                "[2] A/RES/67/234.",
                "[1] See annex."
            ]
        );
        assert_eq!(blocks[1].kind, BlockKind::TableRow);
        assert_eq!(blocks[4].kind, BlockKind::Note);
        assert_eq!(blocks[6].kind, BlockKind::Note);
    }

    #[test]
    fn tracked_deletions_comments_and_page_headers_are_left_out() {
        let blocks = extract(
            &fixtures::docx(&[(
                Style::Normal,
                "We {del:strongly oppose}{ins:support} the draft.{comment:Check this claim}",
            )]),
            &Limits::default(),
        )
        .unwrap();
        let (margins, body): (Vec<Block>, Vec<Block>) = blocks
            .into_iter()
            .partition(|b| b.kind == BlockKind::Margin);
        assert_eq!(texts(&body), ["We support the draft."]);
        // The page header is kept apart, for header fields only.
        assert_eq!(texts(&margins), ["Running header of every page"]);
    }

    #[test]
    fn inherited_styles_outline_levels_fields_and_hidden_text() {
        let styles = format!(
            "<w:styles {W}><w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:name w:val=\"My Section\"/><w:basedOn w:val=\"Heading2\"/></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Loud\"><w:name w:val=\"Loud\"/><w:rPr><w:b/></w:rPr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Bullets\"><w:name w:val=\"List Bullet\"/><w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>\
             <w:style w:type=\"table\" w:styleId=\"Grid\"><w:name w:val=\"Grid\"/><w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/></w:style></w:styles>"
        );
        let document = format!(
            "<w:document {W} xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>\
             <w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:t>Background 1</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Mine\"/></w:pPr><w:r><w:t>Inherited</w:t></w:r></w:p>\
             <w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>Outlined</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Loud\"/></w:pPr><w:r><w:t>Bold by style</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Loud\"/></w:pPr><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>Unbolded</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Bullets\"/></w:pPr><w:r><w:t>Styled bullet</w:t></w:r></w:p>\
             <w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
             <w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:t xml:space=\"preserve\"> shown &amp; kept</w:t></w:r></w:p>\
             <w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>\
             <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
             <w:r><w:t>Anchor</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:pPrChange><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Changed</w:t></w:r></w:p>\
             </w:body></w:document>"
        );
        let bytes = fixtures::zip_entries(&[
            ("word/document.xml", document.as_bytes()),
            ("word/styles.xml", styles.as_bytes()),
        ]);
        let blocks = run(&bytes);
        assert_eq!(
            texts(&blocks),
            [
                "Inherited",
                "Outlined",
                "Bold by style",
                "Unbolded",
                "Styled bullet",
                "7 shown & kept",
                "Box text",
                "Anchor",
                "Changed"
            ]
        );
        assert_eq!(
            kinds(&blocks),
            [
                BlockKind::Heading(2),
                BlockKind::Heading(3),
                BlockKind::BoldParagraph,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Heading(2)
            ]
        );
    }

    #[test]
    fn bad_packages() {
        let err = extract(&fixtures::not_a_zip_docx(), &Limits::default()).unwrap_err();
        assert_eq!(err.to_string(), "not a valid DOCX file: not a zip archive");

        let limits = Limits {
            max_unzipped_bytes: 1024 * 1024,
            ..Limits::default()
        };
        let err = extract(&fixtures::zip_bomb_docx(8 * 1024 * 1024), &limits).unwrap_err();
        assert_eq!(
            err.to_string(),
            "archive entry word/document.xml expands past 1 MB (zip bomb?)"
        );
        let err = extract(&fixtures::zip_bomb_docx_lying(8 * 1024 * 1024), &limits).unwrap_err();
        assert!(matches!(err, ExtractError::TooLarge(..)), "{err}");

        let no_document = fixtures::zip_entries(&[("word/styles.xml", b"<w:styles/>".as_slice())]);
        let err = extract(&no_document, &Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "not a valid DOCX file: word/document.xml is missing"
        );

        let broken =
            fixtures::docx_with_document_xml(&format!("<w:document {W}><w:body><w:p></w:body>"));
        let err = extract(&broken, &Limits::default()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("not a valid DOCX file: damaged XML in word/document.xml"),
            "{err}"
        );
    }

    #[test]
    fn a_real_sized_bomb_is_refused_quickly() {
        // 200 MB of zeros deflates to about 200 KB; the declared size stops it before
        // anything is inflated.
        let bytes = fixtures::zip_bomb_docx(201 * 1024 * 1024);
        assert!(
            bytes.len() < 1024 * 1024,
            "fixture is {} bytes",
            bytes.len()
        );
        let err = extract(&bytes, &Limits::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "archive entry word/document.xml expands past 200 MB (zip bomb?)"
        );
    }
}
