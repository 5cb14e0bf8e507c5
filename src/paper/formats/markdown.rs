//! Markdown papers: headings, paragraphs (one line per source line), lists, tables,
//! block quotes and footnotes, with emphasis, links and inline HTML reduced to their
//! text and every line numbered as in the source file.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::super::blocks::{Block, BlockKind, SrcLine};
use super::line_number;
use super::rich::{row_line, TextBuf, Weight};

/// Where each source line starts, to turn byte offsets into line numbers.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(src: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex(starts)
    }

    /// The 1-based line holding byte `offset`.
    fn line(&self, offset: usize) -> u32 {
        line_number(
            self.0
                .partition_point(|&start| start <= offset)
                .saturating_sub(1),
        )
    }
}

/// A container whose text is being collected.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Container {
    Heading(u8),
    Item,
    Note,
    Verbatim,
}

struct Extractor {
    index: LineIndex,
    blocks: Vec<Block>,
    notes: Vec<Block>,
    buf: TextBuf,
    containers: Vec<Container>,
    strong: usize,
    image: usize,
    in_html_comment: bool,
    /// A note's label was just written: its first paragraph continues that line.
    note_label: bool,
    row: Vec<String>,
    row_line: Option<u32>,
}

/// Extracts the blocks of a Markdown paper.
pub(crate) fn extract(src: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut ex = Extractor {
        index: LineIndex::new(src),
        blocks: Vec::new(),
        notes: Vec::new(),
        buf: TextBuf::default(),
        containers: Vec::new(),
        strong: 0,
        image: 0,
        in_html_comment: false,
        note_label: false,
        row: Vec::new(),
        row_line: None,
    };
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        ex.event(event, range);
    }
    ex.emit(BlockKind::Paragraph);
    let Extractor {
        mut blocks, notes, ..
    } = ex;
    blocks.extend(notes);
    blocks
}

impl Extractor {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if self.containers.last() == Some(&Container::Verbatim) {
                    self.verbatim(&text, range.start);
                } else if self.image == 0 {
                    self.buf.mark_line(self.index.line(range.start));
                    self.buf.push(&text, Weight::bold_if(self.strong > 0));
                }
            }
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.buf.mark_line(self.index.line(range.start));
                self.buf.push(&text, Weight::bold_if(self.strong > 0));
            }
            Event::Html(html) => {
                let text = strip_html(&html, &mut self.in_html_comment);
                if !text.trim().is_empty() {
                    self.verbatim(&text, range.start);
                }
            }
            Event::InlineHtml(html) => {
                if is_line_break_tag(&html) {
                    self.buf.line_break();
                }
            }
            Event::FootnoteReference(label) => {
                self.buf.mark_line(self.index.line(range.start));
                self.buf.push(&format!("[{label}]"), Weight::Neutral);
            }
            Event::SoftBreak | Event::HardBreak => self.buf.line_break(),
            Event::Rule | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.emit(BlockKind::Paragraph);
                self.containers.push(Container::Heading(level as u8));
            }
            Tag::Paragraph => {
                // A second paragraph inside a list item or note continues its block.
                if std::mem::take(&mut self.note_label) {
                    // The label and the first paragraph share a line.
                } else if matches!(
                    self.containers.last(),
                    Some(Container::Item | Container::Note)
                ) {
                    self.buf.line_break();
                } else {
                    self.emit(BlockKind::Paragraph);
                }
            }
            Tag::Item => {
                self.emit(self.current_kind());
                self.containers.push(Container::Item);
            }
            // A nested list ends the text of the item it belongs to.
            Tag::List(_) => self.emit(self.current_kind()),
            Tag::FootnoteDefinition(label) => {
                self.emit(self.current_kind());
                self.containers.push(Container::Note);
                self.buf.mark_line(self.index.line(range.start));
                self.buf.push(&format!("[{label}]"), Weight::Neutral);
                self.buf.space();
                self.note_label = true;
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.emit(self.current_kind());
                self.containers.push(Container::Verbatim);
            }
            Tag::TableHead | Tag::TableRow => {
                self.row.clear();
                self.row_line = Some(self.index.line(range.start));
            }
            Tag::Strong => self.strong += 1,
            Tag::Image { .. } => self.image += 1,
            Tag::BlockQuote(_)
            | Tag::Table(_)
            | Tag::TableCell
            | Tag::Emphasis
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(level) => {
                self.emit(BlockKind::Heading(level as u8));
                self.containers.pop();
            }
            TagEnd::Paragraph => {
                if !matches!(
                    self.containers.last(),
                    Some(Container::Item | Container::Note)
                ) {
                    self.emit(BlockKind::Paragraph);
                }
            }
            TagEnd::Item => {
                self.emit(BlockKind::ListItem);
                self.containers.pop();
            }
            TagEnd::FootnoteDefinition => {
                let lines = self.buf.take_lines(None);
                if !lines.is_empty() {
                    self.notes.push(Block::new(BlockKind::Note, lines));
                }
                self.containers.pop();
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.containers.pop();
                self.emit(self.current_kind());
            }
            TagEnd::TableCell => {
                let cell = self.buf.take_text();
                self.row.push(cell);
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(text) = row_line(&self.row) {
                    self.blocks.push(Block::new(
                        BlockKind::TableRow,
                        vec![SrcLine::new(text, self.row_line, None)],
                    ));
                }
                self.row.clear();
            }
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            TagEnd::List(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::Table
            | TagEnd::Emphasis
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {}
        }
    }

    /// Text whose line structure is its own (code, HTML, front matter): one line per
    /// source line, numbered from `start`.
    fn verbatim(&mut self, text: &str, start: usize) {
        let first = self.index.line(start);
        for (i, line) in text.split('\n').enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            self.buf.line_break();
            self.buf
                .mark_line(first.saturating_add(u32::try_from(i).unwrap_or(u32::MAX)));
            self.buf.push(line, Weight::Plain);
        }
        self.buf.line_break();
    }

    /// The kind of block the text collected now belongs to.
    fn current_kind(&self) -> BlockKind {
        for container in self.containers.iter().rev() {
            match container {
                Container::Heading(level) => return BlockKind::Heading(*level),
                Container::Item => return BlockKind::ListItem,
                Container::Note => return BlockKind::Note,
                Container::Verbatim => {}
            }
        }
        BlockKind::Paragraph
    }

    fn emit(&mut self, kind: BlockKind) {
        if kind == BlockKind::Note {
            // Note text is only emitted when its definition ends.
            return;
        }
        if let Some(block) = self.buf.take_block(kind) {
            self.blocks.push(block);
        }
    }
}

/// The text of an HTML fragment: tags and comments dropped, a few entities decoded.
fn strip_html(html: &str, in_comment: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    *in_comment = false;
                }
                None => break,
            }
        } else if let Some(after) = rest.strip_prefix("<!--") {
            *in_comment = true;
            rest = after;
        } else if rest.starts_with('<') {
            match rest.find('>') {
                Some(end) => {
                    if is_line_break_tag(&rest[..=end]) {
                        out.push('\n');
                    }
                    rest = &rest[end + 1..];
                }
                None => {
                    out.push_str(rest);
                    break;
                }
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    quick_xml::escape::unescape(&out).map_or(out.clone(), |s| s.into_owned())
}

fn is_line_break_tag(html: &str) -> bool {
    let lower = html.trim().to_ascii_lowercase();
    lower.starts_with("<br")
        && lower[3..].trim_start_matches(|c: char| c == '/' || c.is_whitespace()) == ">"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::formats::fixtures::{self, Style};

    fn texts(block: &Block) -> Vec<&str> {
        block.lines.iter().map(|l| l.text.as_str()).collect()
    }

    fn from_fixture(paras: &[(Style, &str)]) -> Vec<Block> {
        let bytes = fixtures::markdown(paras);
        extract(std::str::from_utf8(&bytes).unwrap())
    }

    #[test]
    fn stacked_header_lines_stay_separate_lines_without_emphasis() {
        let blocks = extract("# Position Paper\n\n**Country:** Belgium\n**Committee:** DISEC  \n*Topic:* Small arms\n\nBody text.\n");
        assert_eq!(blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(blocks[1].kind, BlockKind::Paragraph);
        assert_eq!(
            texts(&blocks[1]),
            ["Country: Belgium", "Committee: DISEC", "Topic: Small arms"]
        );
        let lines: Vec<_> = blocks[1].lines.iter().map(|l| l.line).collect();
        assert_eq!(lines, [Some(3), Some(4), Some(5)]);
        assert_eq!(blocks[2].first_line(), Some(7));
    }

    #[test]
    fn headings_bold_paragraphs_and_wrapped_lines() {
        let blocks = from_fixture(&[
            (Style::Title, "Delegation of Chile"),
            (Style::Heading(2), "Past Actions"),
            (Style::Bold, "Proposed Solutions"),
            (Style::Normal, "Chile has long sup-\nported the treaty."),
        ]);
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(1),
                BlockKind::Heading(2),
                BlockKind::BoldParagraph,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(
            texts(&blocks[3]),
            ["Chile has long sup-", "ported the treaty."]
        );
        assert_eq!(blocks[3].lines[1].line, Some(8));
    }

    #[test]
    fn nested_list_items_are_their_own_blocks() {
        let blocks = from_fixture(&[
            (Style::Normal, "Intro."),
            (Style::ListItem(0), "First **point**"),
            (Style::ListItem(1), "A sub-point"),
            (Style::ListItem(0), "Second point"),
        ]);
        let items: Vec<_> = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| texts(b))
            .collect();
        assert_eq!(
            items,
            [
                vec!["First point"],
                vec!["A sub-point"],
                vec!["Second point"]
            ]
        );
    }

    #[test]
    fn links_code_images_and_inline_html_reduce_to_text() {
        let blocks = extract(
            "See [the treaty](https://un.org/att) and `ATT` ![logo](x.png) as noted<sup>[3]</sup>.<br>Next line\n",
        );
        assert_eq!(
            texts(&blocks[0]),
            ["See the treaty and ATT as noted[3].", "Next line"]
        );
    }

    #[test]
    fn tables_give_rows_and_footnotes_give_notes_at_the_end() {
        let blocks = from_fixture(&[
            (Style::TableRow, "Year | Event"),
            (
                Style::TableRow,
                "2013 | ATT adopted{note:UN, A/RES/67/234.}",
            ),
            (Style::Normal, "After the table."),
        ]);
        assert_eq!(blocks[0].kind, BlockKind::TableRow);
        assert_eq!(texts(&blocks[0]), ["Year | Event"]);
        assert_eq!(texts(&blocks[1]), ["2013 | ATT adopted[1]"]);
        assert_eq!(blocks[1].first_line(), Some(3));
        assert_eq!(blocks[2].kind, BlockKind::Paragraph);
        let note = blocks.last().unwrap();
        assert_eq!(note.kind, BlockKind::Note);
        assert_eq!(texts(note), ["[1] UN, A/RES/67/234."]);
        assert_eq!(note.first_line(), Some(7));
    }

    #[test]
    fn block_quotes_code_html_and_front_matter_keep_their_text() {
        let src = "---\ncountry: Chile\ncommittee: UNEA\n---\n\n> Quoted resolution text.\n\n    indented code line\n\n<div class=\"x\">\n<p>Raw &amp; html</p>\n</div>\n\n<!-- a comment -->\n";
        let blocks = extract(src);
        assert_eq!(texts(&blocks[0]), ["country: Chile", "committee: UNEA"]);
        assert_eq!(blocks[0].first_line(), Some(2));
        assert_eq!(texts(&blocks[1]), ["Quoted resolution text."]);
        assert_eq!(blocks[1].kind, BlockKind::Paragraph);
        assert_eq!(texts(&blocks[2]), ["indented code line"]);
        assert_eq!(texts(&blocks[3]), ["Raw & html"]);
        assert_eq!(blocks[3].first_line(), Some(11));
        assert_eq!(blocks.len(), 4);
    }

    #[test]
    fn strip_html_handles_comments_across_pieces() {
        let mut in_comment = false;
        assert_eq!(strip_html("a <!-- b", &mut in_comment), "a ");
        assert!(in_comment);
        assert_eq!(strip_html("c --> d<br/>e", &mut in_comment), " d\ne");
        assert!(is_line_break_tag("<BR />"));
        assert!(!is_line_break_tag("<bro>"));
    }
}
