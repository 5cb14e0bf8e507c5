//! Collecting the text of one block from a rich format (Markdown, HTML, DOCX, ODT):
//! whitespace collapsed as a reader sees it, explicit line breaks kept as separate
//! lines, and a count of how much of the text is bold.

use super::super::blocks::{Block, BlockKind, SrcLine};

/// How a piece of text counts when deciding whether a whole paragraph is bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Plain,
    Bold,
    /// Counts neither way: note markers like "[3]" inside a bold heading.
    Neutral,
}

impl Weight {
    pub(crate) fn bold_if(bold: bool) -> Weight {
        if bold {
            Weight::Bold
        } else {
            Weight::Plain
        }
    }
}

/// The text of one block being collected.
#[derive(Debug, Default)]
pub(crate) struct TextBuf {
    done: Vec<(String, Option<u32>)>,
    current: String,
    current_line: Option<u32>,
    /// Whitespace was seen since the last character.
    space: bool,
    plain_chars: usize,
    bold_chars: usize,
    neutral_chars: usize,
}

impl TextBuf {
    pub(crate) fn push(&mut self, text: &str, weight: Weight) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            // Soft hyphens and zero-width characters are invisible to readers.
            if matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}'
            ) {
                continue;
            }
            if self.space && !self.current.is_empty() {
                self.current.push(' ');
            }
            self.space = false;
            self.current.push(c);
            match weight {
                Weight::Plain => self.plain_chars += 1,
                Weight::Bold => self.bold_chars += 1,
                Weight::Neutral => self.neutral_chars += 1,
            }
        }
    }

    /// A separator that reads as a space (a tab, a cell boundary).
    pub(crate) fn space(&mut self) {
        self.space = true;
    }

    /// Records the source line of the current line, if it has none yet.
    pub(crate) fn mark_line(&mut self, line: u32) {
        if self.current_line.is_none() {
            self.current_line = Some(line);
        }
    }

    /// Ends the current line; the next text starts a new one.
    pub(crate) fn line_break(&mut self) {
        let text = std::mem::take(&mut self.current);
        let line = self.current_line.take();
        if !text.is_empty() {
            self.done.push((text, line));
        }
        self.space = false;
    }

    /// Whether the text so far ends with this character.
    pub(crate) fn ends_with(&self, c: char) -> bool {
        self.current.trim_end().ends_with(c)
    }

    /// No visible text has been collected.
    pub(crate) fn is_empty(&self) -> bool {
        self.plain_chars + self.bold_chars + self.neutral_chars == 0
    }

    /// All of the (countable) text is bold.
    pub(crate) fn all_bold(&self) -> bool {
        self.bold_chars > 0 && self.plain_chars == 0
    }

    /// Takes the lines collected so far and starts afresh.
    pub(crate) fn take_lines(&mut self, page: Option<u32>) -> Vec<SrcLine> {
        self.line_break();
        let lines = std::mem::take(&mut self.done)
            .into_iter()
            .map(|(text, line)| SrcLine::new(text, line, page))
            .collect();
        *self = TextBuf::default();
        lines
    }

    /// Takes the text collected so far as one line (for a table cell).
    pub(crate) fn take_text(&mut self) -> String {
        let lines = self.take_lines(None);
        let mut text = String::new();
        for line in lines {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&line.text);
        }
        text
    }

    /// Turns the collected text into a block of `kind`, promoting a paragraph that is
    /// entirely bold to [`BlockKind::BoldParagraph`]. `None` when there is no text.
    pub(crate) fn take_block(&mut self, kind: BlockKind) -> Option<Block> {
        let kind = if kind == BlockKind::Paragraph && self.all_bold() {
            BlockKind::BoldParagraph
        } else {
            kind
        };
        let lines = self.take_lines(None);
        (!lines.is_empty()).then(|| Block::new(kind, lines))
    }
}

/// The cells of a table row joined as one line, or `None` when every cell is empty.
pub(crate) fn row_line(cells: &[String]) -> Option<String> {
    if cells.iter().all(|c| c.trim().is_empty()) {
        return None;
    }
    Some(
        cells
            .iter()
            .map(|c| c.trim())
            .collect::<Vec<_>>()
            .join(" | "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_and_breaks_make_lines() {
        let mut buf = TextBuf::default();
        buf.push("  Country:\t", Weight::Bold);
        buf.push("Belgium ", Weight::Plain);
        buf.line_break();
        buf.push("Topic:", Weight::Plain);
        buf.space();
        buf.push("Water", Weight::Plain);
        let lines = buf.take_lines(None);
        let texts: Vec<_> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Country: Belgium", "Topic: Water"]);
        assert!(buf.is_empty());
    }

    #[test]
    fn runs_without_whitespace_join_into_one_word() {
        let mut buf = TextBuf::default();
        buf.push("Hel", Weight::Plain);
        buf.push("lo", Weight::Bold);
        assert_eq!(buf.take_text(), "Hello");
    }

    #[test]
    fn bold_paragraphs_ignore_neutral_markers() {
        let mut buf = TextBuf::default();
        buf.push("Past Actions", Weight::Bold);
        buf.push("[2]", Weight::Neutral);
        assert!(buf.all_bold());
        let block = buf.take_block(BlockKind::Paragraph).unwrap();
        assert_eq!(block.kind, BlockKind::BoldParagraph);
        assert_eq!(block.lines[0].text, "Past Actions[2]");
        assert!(buf.take_block(BlockKind::Paragraph).is_none());
    }

    #[test]
    fn line_numbers_stick_to_their_line() {
        let mut buf = TextBuf::default();
        buf.mark_line(3);
        buf.push("a", Weight::Plain);
        buf.mark_line(9);
        buf.line_break();
        buf.mark_line(4);
        buf.push("b", Weight::Plain);
        let lines = buf.take_lines(Some(2));
        assert_eq!((lines[0].line, lines[1].line), (Some(3), Some(4)));
        assert_eq!(lines[1].page, Some(2));
    }

    #[test]
    fn table_rows() {
        assert_eq!(
            row_line(&["A".into(), " B ".into()]).as_deref(),
            Some("A | B")
        );
        assert_eq!(row_line(&[" ".into(), String::new()]), None);
    }
}
