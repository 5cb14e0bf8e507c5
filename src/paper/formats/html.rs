//! HTML papers: the main text of a page as headings, paragraphs, list items and table
//! rows, without scripts, styles, navigation, site headers and footers, forms or
//! hidden parts.

use scraper::{CaseSensitivity, Html, Node};

use super::super::blocks::{Block, BlockKind, SrcLine};
use super::rich::{row_line, TextBuf, Weight};
use super::{decode_text, ExtractError, Limits};

/// Extracts the blocks of an HTML paper.
pub(crate) fn extract(bytes: &[u8], _limits: &Limits) -> Result<Vec<Block>, ExtractError> {
    let text = decode_html(bytes)?;
    let doc = Html::parse_document(&within_depth(&text, MAX_NESTING));
    let mut walker = Walker::default();
    // An explicit walk rather than recursion: deeply nested markup must not overflow
    // the stack.
    let root = doc.tree.root();
    let mut node = root;
    let mut entered = walker.open(node.value());
    loop {
        if entered {
            if let Some(child) = node.first_child() {
                node = child;
                entered = walker.open(node.value());
                continue;
            }
            walker.close(node.value());
        }
        loop {
            if node.id() == root.id() {
                return Ok(walker.finish());
            }
            if let Some(sibling) = node.next_sibling() {
                node = sibling;
                entered = walker.open(node.value());
                break;
            }
            match node.parent() {
                Some(parent) => {
                    node = parent;
                    walker.close(node.value());
                }
                None => return Ok(walker.finish()),
            }
        }
    }
}

/// How deep elements may nest before the tags below are dropped (their text kept).
/// The HTML parser checks open elements against the whole stack, so its time grows
/// with the square of the depth: 20,000 nested `div`s took 1.6 s and 50,000 took 11 s,
/// while no real page nests more than a few dozen deep.
const MAX_NESTING: usize = 1_000;

/// Elements that never hold content, so never add depth.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The markup with every tag nested deeper than `max` removed, and its closing tag
/// with it; text stays where it was. Markup within the depth comes back untouched.
/// A rough scan of tags, not a parser: it only has to be right on well-nested
/// markup, and only pages nested past `max` are changed at all.
fn within_depth(html: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let mut out: Option<String> = None;
    let (mut depth, mut dropped, mut copied, mut at) = (0usize, 0usize, 0usize, 0usize);
    while let Some(lt) = html[at..].find('<').map(|i| at + i) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(html.len(), |end| lt + end + 3);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        at = lt + gt + 1;
        let closing = tag.starts_with('/');
        let bare = tag.trim_start_matches('/');
        let name = &bare[..bare
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(bare.len())];
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        if name.is_empty() || VOID.iter().any(|v| is(v)) || tag.ends_with('/') {
            continue;
        }
        if !closing && (is("script") || is("style")) {
            // Raw text up to its closing tag, which is passed over with it.
            at = closing_tag(html, at, name)
                .and_then(|close| html[close..].find('>').map(|gt| close + gt + 1))
                .unwrap_or(html.len());
            continue;
        }
        let skip = if closing {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= max {
            dropped += 1;
            true
        } else {
            depth += 1;
            false
        };
        if skip {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[copied..lt]);
            copied = at;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut out) => {
            out.push_str(&html[copied..]);
            std::borrow::Cow::Owned(out)
        }
    }
}

/// Where `</name` (in any case) next starts at or after `from`.
fn closing_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(i) = html[at..].find("</") {
        let start = at + i;
        let after = start + 2;
        if bytes
            .get(after..after + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        {
            return Some(start);
        }
        at = after;
    }
    None
}

/// Decodes the page: a byte order mark or valid UTF-8 decide; otherwise a charset
/// declared in the first bytes; otherwise Windows-1252 (see `text::decode`).
fn decode_html(bytes: &[u8]) -> Result<String, ExtractError> {
    let text = decode_text(bytes)?;
    if std::str::from_utf8(bytes).is_ok()
        || bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
    {
        return Ok(text);
    }
    match declared_charset(bytes)
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
    {
        Some(encoding) => Ok(encoding.decode(bytes).0.into_owned()),
        None => Ok(text),
    }
}

fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Elements whose content is never part of the paper.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video", "del",
];

/// Class and id words of a site's furniture around a paper: navigation, footers,
/// share buttons, comments, bylines.
const CHROME: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "footer",
    "foot",
    "comments",
    "comment",
    "share",
    "sharing",
    "social",
    "masthead",
    "breadcrumb",
    "breadcrumbs",
    "crumbs",
    "sidebar",
    "byline",
    "cookie",
    "cookies",
    "related",
    "widget",
    "advert",
    "ads",
    "banner",
    "toolbar",
];

/// Whether an element's class or id marks it as site furniture ("site-footer",
/// `id="comments"`).
fn is_site_chrome(class: Option<&str>, id: Option<&str>) -> bool {
    class
        .into_iter()
        .chain(id)
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|w| CHROME.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// Elements that start and end a block of text.
const BLOCK_LEVEL: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "ul",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Heading(u8),
    Item,
    /// A footnotes section (`role="doc-endnotes"`, `class="footnotes"`).
    Notes,
    /// An item of a footnotes section.
    Note,
    Other,
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    buf: TextBuf,
    contexts: Vec<Context>,
    bold: usize,
    pre: usize,
    /// Open `<article>`/`<main>` elements: a header or footer inside one belongs to
    /// the paper, not to the site.
    sectioning: usize,
    /// Cells of the table row being read (outermost table only).
    row: Option<Vec<String>>,
    /// Depth of open cells: nested tables are read into the outer cell.
    cells: usize,
    /// Text of the open `<sup>`: a note number in it becomes a "[3]" marker.
    sup: Option<String>,
    /// Notes read so far, to number them.
    notes: usize,
    /// The "[3]" marker of a note item, written before its first text.
    note_marker: Option<String>,
    /// A `<dt>` term just closed: its `<dd>` continues the line ("Committee: ECOSOC").
    after_term: bool,
}

impl Walker {
    /// Handles an opening node; false when its content is to be skipped.
    fn open(&mut self, node: &Node) -> bool {
        match node {
            Node::Text(text) => {
                if let Some(sup) = self.sup.as_mut() {
                    sup.push_str(text);
                } else if self.pre > 0 {
                    for (i, line) in text.split('\n').enumerate() {
                        if i > 0 {
                            self.line_break();
                        }
                        self.text(line, Weight::bold_if(self.bold > 0));
                    }
                } else {
                    self.text(text, Weight::bold_if(self.bold > 0));
                }
                true
            }
            Node::Element(el) => {
                let name = el.name();
                let role = el.attr("role");
                if self.dropped(
                    name,
                    el.attr("aria-hidden"),
                    el.attr("hidden").is_some(),
                    role,
                ) || el.has_class("footnote-back", CaseSensitivity::AsciiCaseInsensitive)
                    || is_site_chrome(el.attr("class"), el.attr("id"))
                {
                    return false;
                }
                match name {
                    "br" => self.line_break(),
                    "sup" if self.sup.is_none() => self.sup = Some(String::new()),
                    "b" | "strong" => self.bold += 1,
                    "td" | "th" => {
                        if self.cells > 0 {
                            self.buf.space();
                        } else {
                            self.flush();
                        }
                        self.cells += 1;
                    }
                    "tr" => {
                        if self.cells > 0 {
                            self.buf.space();
                        } else {
                            self.flush();
                            self.row = Some(Vec::new());
                        }
                    }
                    _ => {}
                }
                if matches!(name, "article" | "main") {
                    self.sectioning += 1;
                }
                if BLOCK_LEVEL.contains(&name) {
                    if self.cells > 0 || (name == "dd" && self.after_term) {
                        self.buf.space();
                    } else {
                        self.flush();
                    }
                    self.after_term = false;
                    if name == "pre" {
                        self.pre += 1;
                    }
                    let notes = matches!(role, Some("doc-endnotes" | "doc-footnotes"))
                        || el.has_class("footnotes", CaseSensitivity::AsciiCaseInsensitive);
                    let context = match name {
                        "li" if self.contexts.contains(&Context::Notes) => {
                            self.notes += 1;
                            self.note_marker = Some(format!("[{}]", self.notes));
                            Context::Note
                        }
                        "li" => Context::Item,
                        _ if notes => Context::Notes,
                        _ => heading_level(name).map_or(Context::Other, Context::Heading),
                    };
                    self.contexts.push(context);
                }
                true
            }
            Node::Document | Node::Fragment => true,
            Node::Doctype(_) | Node::Comment(_) | Node::ProcessingInstruction(_) => false,
        }
    }

    fn close(&mut self, node: &Node) {
        let Node::Element(el) = node else { return };
        let name = el.name();
        match name {
            "b" | "strong" => self.bold = self.bold.saturating_sub(1),
            "sup" => {
                if let Some(sup) = self.sup.take() {
                    self.push_sup(&sup);
                }
            }
            "td" | "th" => {
                self.cells = self.cells.saturating_sub(1);
                if self.cells == 0 {
                    let cell = self.buf.take_text();
                    if let Some(row) = self.row.as_mut() {
                        row.push(cell);
                    } else if !cell.is_empty() {
                        // A cell outside any row: keep its text as a paragraph.
                        self.blocks.push(Block::new(
                            BlockKind::Paragraph,
                            vec![SrcLine::new(cell, None, None)],
                        ));
                    }
                } else {
                    self.buf.space();
                }
            }
            "tr" => {
                if self.cells > 0 {
                    self.buf.space();
                } else if let Some(row) = self.row.take() {
                    // Text directly inside the row, outside cells, counts as a cell.
                    let mut row = row;
                    if !self.buf.is_empty() {
                        row.push(self.buf.take_text());
                    }
                    if let Some(text) = row_line(&row) {
                        self.blocks.push(Block::new(
                            BlockKind::TableRow,
                            vec![SrcLine::new(text, None, None)],
                        ));
                    }
                }
            }
            _ => {}
        }
        if matches!(name, "article" | "main") {
            self.sectioning = self.sectioning.saturating_sub(1);
        }
        if BLOCK_LEVEL.contains(&name) {
            if self.cells > 0 {
                self.buf.space();
            } else if name == "dt" && !self.buf.is_empty() {
                // "<dt>Committee</dt><dd>ECOSOC</dd>" is one header line.
                if !self.buf.ends_with(':') {
                    self.text(":", Weight::Neutral);
                }
                self.after_term = true;
            } else {
                self.flush();
            }
            if name == "pre" {
                self.pre = self.pre.saturating_sub(1);
            }
            self.contexts.pop();
        }
    }

    fn dropped(
        &self,
        name: &str,
        aria_hidden: Option<&str>,
        hidden: bool,
        role: Option<&str>,
    ) -> bool {
        DROPPED.contains(&name)
            || (matches!(name, "header" | "footer") && self.sectioning == 0)
            || aria_hidden.is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || hidden
            || role.is_some_and(|r| matches!(r, "navigation" | "search" | "doc-backlink"))
    }

    /// Superscript text: a note number ("3", "[3]", "3,4") as a "[3]" marker, anything
    /// else ("st" of "1st") as it is.
    fn push_sup(&mut self, text: &str) {
        let inner = text
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim();
        let is_marker = inner.chars().any(|c| c.is_ascii_digit())
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '-' | '–' | ' '));
        if is_marker {
            self.text(&format!("[{inner}]"), Weight::Neutral);
        } else {
            self.text(text, Weight::bold_if(self.bold > 0));
        }
    }

    fn text(&mut self, text: &str, weight: Weight) {
        if !text.trim().is_empty() {
            if let Some(marker) = self.note_marker.take() {
                self.buf.push(&marker, Weight::Neutral);
                self.buf.space();
            }
        }
        self.buf.push(text, weight);
    }

    fn line_break(&mut self) {
        if self.cells > 0 {
            self.buf.space();
        } else {
            self.buf.line_break();
        }
    }

    /// Emits the text collected so far as a block of the innermost context's kind.
    fn flush(&mut self) {
        let kind = self
            .contexts
            .iter()
            .rev()
            .find_map(|c| match c {
                Context::Heading(level) => Some(BlockKind::Heading(*level)),
                Context::Item => Some(BlockKind::ListItem),
                Context::Note => Some(BlockKind::Note),
                Context::Notes | Context::Other => None,
            })
            .unwrap_or(BlockKind::Paragraph);
        if let Some(block) = self.buf.take_block(kind) {
            self.blocks.push(block);
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::formats::fixtures::{self, Style};
    use crate::paper::formats::test_util::texts;

    fn run(bytes: &[u8]) -> Vec<Block> {
        extract(bytes, &Limits::default()).unwrap()
    }

    #[test]
    fn page_chrome_is_dropped_and_the_paper_kept() {
        let blocks = run(&fixtures::html(&[
            (Style::Title, "Position Paper"),
            (
                Style::Normal,
                "Country: C&ocirc;te d&rsquo;Ivoire\nCommittee: DISEC",
            ),
            (Style::Heading(2), "Background"),
            (
                Style::Normal,
                "Small arms &amp; light weapons kill.<sup>[3]</sup>",
            ),
        ]));
        let all = texts(&blocks).join("\n");
        for gone in [
            "script text",
            "Home",
            "Committees",
            "Search the site",
            "Share this",
            "Copyright",
            "Site title",
            "font-family",
        ] {
            assert!(!all.contains(gone), "{gone:?} leaked into {all}");
        }
        assert_eq!(blocks[0].kind, BlockKind::Heading(1));
        assert_eq!(blocks[1].kind, BlockKind::Paragraph);
        let header: Vec<_> = blocks[1].lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            header,
            ["Country: Côte d\u{2019}Ivoire", "Committee: DISEC"]
        );
        assert_eq!(blocks[2].kind, BlockKind::Heading(2));
        assert_eq!(
            blocks[3].lines[0].text,
            "Small arms & light weapons kill.[3]"
        );
        assert_eq!(blocks[3].lines[0].line, None);
    }

    #[test]
    fn bold_paragraphs_lists_and_tables() {
        let blocks = run(&fixtures::html(&[
            (Style::Bold, "Proposed Solutions"),
            (Style::Normal, "Only **partly** bold."),
            (Style::ListItem(0), "Parent item"),
            (Style::ListItem(1), "Child item"),
            (Style::ListItem(0), "Second item"),
            (Style::TableRow, "Year | Event"),
            (Style::TableRow, "2013 | <p>ATT</p> <p>adopted</p>"),
        ]));
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::BoldParagraph,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::TableRow,
                BlockKind::TableRow
            ]
        );
        assert_eq!(
            texts(&blocks[2..]),
            [
                "Parent item",
                "Child item",
                "Second item",
                "Year | Event",
                "2013 | ATT adopted"
            ]
        );
    }

    #[test]
    fn deleted_hidden_and_article_headers() {
        let page = "<html><body><header>Site banner</header><article><header><p>Country: Chile</p></header>\
            <p>Kept <del>deleted</del>text<span hidden>secret</span>.</p><div>Loose div text <p>inner</p> tail</div>\
            <blockquote>Quoted</blockquote><pre>line one\nline two</pre></article></body></html>";
        let blocks = run(page.as_bytes());
        assert_eq!(
            texts(&blocks),
            [
                "Country: Chile",
                "Kept text.",
                "Loose div text",
                "inner",
                "tail",
                "Quoted",
                "line one / line two"
            ]
        );
    }

    #[test]
    fn note_markers_and_footnote_sections() {
        let page = "<main><p>An approach<a href=\"#fn1\" role=\"doc-noteref\"><sup>1</sup></a> and \
            another<sup>[2, 3]</sup> on the 1<sup>st</sup> day.</p>\
            <section class=\"footnotes\" role=\"doc-endnotes\"><hr><ol>\
            <li id=\"fn1\"><p>Belgium, 2010.<a href=\"#fnref1\" role=\"doc-backlink\">back</a></p></li>\
            <li id=\"fn2\"><p>EMCDDA, 2019.<a class=\"footnote-back\" href=\"#r\">back</a></p></li>\
            </ol></section></main>";
        let blocks = run(page.as_bytes());
        assert_eq!(
            texts(&blocks),
            [
                "An approach[1] and another[2, 3] on the 1st day.",
                "[1] Belgium, 2010.",
                "[2] EMCDDA, 2019."
            ]
        );
        assert_eq!(blocks[1].kind, BlockKind::Note);
        assert_eq!(blocks[2].kind, BlockKind::Note);
    }

    #[test]
    fn legacy_charsets_are_honoured() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\"></head><body><p>Pozna".to_vec();
        page.push(0xF1); // ń in ISO-8859-2
        page.extend_from_slice(b"</p></body></html>");
        assert_eq!(run(&page)[0].lines[0].text, "Poznań");
        assert!(matches!(
            extract(b"\0\0\0\0", &Limits::default()),
            Err(ExtractError::Binary)
        ));
    }

    #[test]
    fn markup_nested_past_the_limit_keeps_its_text_and_loses_its_deep_tags() {
        // Within the limit, nothing changes, whatever the markup.
        let page = "<p>a<br>b<img src=x/><!-- <div> --><script>if (a<b) {}</script></p>";
        assert!(matches!(
            within_depth(page, 3),
            std::borrow::Cow::Borrowed(_)
        ));
        let deep = format!("<p>x{}deep{}y</p>", "<div>".repeat(6), "</div>".repeat(6));
        assert_eq!(
            within_depth(&deep, 3),
            "<p>x<div><div>deep</div></div>y</p>"
        );
        // A script's text is not read as tags.
        let script = "<div><script>'<div><div>'</SCRIPT><div>a</div></div>";
        assert_eq!(within_depth(script, 2), script);
        assert_eq!(
            within_depth(script, 1),
            "<div><script>'<div><div>'</SCRIPT>a</div>"
        );
        // A page nested 50,000 deep is read with its text (the parser lost it, after
        // 11 s).
        let page = format!(
            "<p>Country: Chile</p>{}Chile supports escrow.{}",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        let blocks = run(page.as_bytes());
        assert_eq!(texts(&blocks), ["Country: Chile", "Chile supports escrow."]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!(
            "{}deep{}",
            "<div><span>".repeat(3_000),
            "</span></div>".repeat(3_000)
        );
        let blocks = run(page.as_bytes());
        assert_eq!(texts(&blocks), ["deep"]);
    }
}
