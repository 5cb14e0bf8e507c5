//! The structured text every file format is reduced to before a paper is parsed:
//! blocks (headings, paragraphs, list items, notes, table rows) made of source lines
//! that remember where they stand (line, page).

/// One physical line of extracted text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrcLine {
    pub text: String,
    /// 1-based line in the source file, when the format has lines (txt, md).
    pub line: Option<u32>,
    /// 1-based page, when the format has pages (pdf).
    pub page: Option<u32>,
}

impl SrcLine {
    pub fn new(text: impl Into<String>, line: Option<u32>, page: Option<u32>) -> Self {
        SrcLine {
            text: text.into(),
            line,
            page,
        }
    }
}

/// What a block is, as far as its file format can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading whose level the format states (Markdown `#`, DOCX "Heading 2", `<h3>`).
    Heading(u8),
    /// A paragraph; plain-text formats cannot tell headings from paragraphs, so the
    /// paper parser decides later whether a short paragraph is really a heading.
    Paragraph,
    /// A paragraph that is entirely bold or underlined in a rich format: a heading
    /// unless it is long.
    BoldParagraph,
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A footnote or endnote, kept as a passage of its own "Notes" section.
    Note,
    /// One row of a table, cells joined with " | ".
    TableRow,
    /// A line of a page header or footer (DOCX): read for header fields, never a
    /// passage.
    Margin,
}

/// A run of lines that belong together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The lines as extracted; hard-wrapped lines are joined (and line-break hyphens
    /// healed) by the paper parser, so extractors should keep them as they are.
    pub lines: Vec<SrcLine>,
}

impl Block {
    pub fn new(kind: BlockKind, lines: Vec<SrcLine>) -> Self {
        Block { kind, lines }
    }

    /// A block of one line.
    pub fn single(
        kind: BlockKind,
        text: impl Into<String>,
        line: Option<u32>,
        page: Option<u32>,
    ) -> Self {
        Block {
            kind,
            lines: vec![SrcLine::new(text, line, page)],
        }
    }

    pub fn first_line(&self) -> Option<u32> {
        self.lines.iter().find_map(|l| l.line)
    }

    pub fn first_page(&self) -> Option<u32> {
        self.lines.iter().find_map(|l| l.page)
    }
}

/// Groups plain lines (a .txt file, or the lines of a PDF page in reading order) into
/// paragraph blocks: a blank line ends a block. Header lines (`Country: X`) and
/// Markdown-style heading lines stay blocks of their own even without blank lines
/// around them, since papers often stack them.
pub fn blocks_from_lines(lines: Vec<SrcLine>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Vec<SrcLine> = Vec::new();
    let push_paragraph = |current: &mut Vec<SrcLine>, blocks: &mut Vec<Block>| {
        // A short title line glued under a paragraph's last sentence, with no blank
        // line between ("... ratified the Treaty.\nCuba") titles what follows.
        let tail = (current.len() >= 2
            && trailing_title(
                &current[current.len() - 2].text,
                &current[current.len() - 1].text,
            ))
        .then(|| current.pop())
        .flatten();
        // A heading set directly over its paragraph ("Background" over its first
        // sentence) is a block of its own.
        if current.len() >= 2
            && super::structure::heads_paragraph(&current[0].text, &current[1].text)
        {
            let rest = current.split_off(1);
            blocks.push(Block::new(
                BlockKind::Paragraph,
                std::mem::replace(current, rest),
            ));
        }
        if !current.is_empty() {
            blocks.push(Block::new(BlockKind::Paragraph, std::mem::take(current)));
        }
        if let Some(line) = tail {
            blocks.push(Block::new(BlockKind::Paragraph, vec![line]));
        }
    };
    let flush = |current: &mut Vec<SrcLine>, blocks: &mut Vec<Block>| {
        for mut part in line_paragraphs(std::mem::take(current)) {
            push_paragraph(&mut part, blocks);
        }
    };
    for line in lines {
        let trimmed = line.text.trim();
        if trimmed.is_empty() {
            flush(&mut current, &mut blocks);
            continue;
        }
        if stands_alone(trimmed) {
            flush(&mut current, &mut blocks);
            blocks.push(Block::new(BlockKind::Paragraph, vec![line]));
            continue;
        }
        // A bullet starts a new block: list items are passages of their own.
        if is_bullet(trimmed) {
            flush(&mut current, &mut blocks);
            current.push(line);
            continue;
        }
        current.push(line);
    }
    flush(&mut current, &mut blocks);
    blocks
}

/// A line longer than any hard wrap: a run of lines holding one is written one
/// paragraph to a line (as a word processor saves plain text), not wrapped.
const WIDER_THAN_A_WRAP: usize = 160;

/// A run of lines without blank lines between them, cut into its paragraphs when
/// it is written one paragraph to a line: after each line that ends a sentence, and
/// around a title's line (a few words with no stop: "A. Cooperation") and a rule
/// ("---"). Wrapped text (every line narrower than [`WIDER_THAN_A_WRAP`]) stays one
/// run; a line that ends with a comma ("Mr. President,") or a greeting stays with
/// the next.
fn line_paragraphs(run: Vec<SrcLine>) -> Vec<Vec<SrcLine>> {
    if !run
        .iter()
        .any(|l| l.text.trim().chars().count() > WIDER_THAN_A_WRAP)
    {
        return vec![run];
    }
    let mut out = Vec::new();
    let mut part = Vec::new();
    for line in run {
        let text = line.text.trim();
        let bare = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '*', '_']);
        let ends = bare.ends_with(['.', '!', '?', ':', ';']);
        let rule = !text.chars().any(char::is_alphanumeric);
        let title = !ends
            && !bare.ends_with([',', '-', '–', '—'])
            && text.split_whitespace().nth(6).is_none()
            && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !super::structure::is_salutation(text);
        if (rule || title) && !part.is_empty() {
            out.push(std::mem::take(&mut part));
        }
        part.push(line);
        if ends || rule || title {
            out.push(std::mem::take(&mut part));
        }
    }
    if !part.is_empty() {
        out.push(part);
    }
    out
}

/// Whether `last`, the last line of a block, is a title standing under the sentence
/// `prev` ends rather than the end of its paragraph: a paragraph's own last line ends
/// with its sentence, a title is a few capitalised words with no stop, and the line
/// before it ends a sentence of some length.
fn trailing_title(prev: &str, last: &str) -> bool {
    let (prev, last) = (prev.trim(), last.trim());
    let ends_sentence = prev
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?']);
    let words = last.split_whitespace().count();
    ends_sentence
        && prev.split_whitespace().count() >= 8
        && (1..=5).contains(&words)
        && !last.ends_with(['.', ',', ';', ':', '!', '?', '"', '”', '-'])
        && !is_bullet(last)
        && last.starts_with(|c: char| c.is_uppercase())
        && super::structure::is_title_case(last)
        && last.chars().any(char::is_alphabetic)
}

/// Lines that are a block by themselves even when not separated by blank lines.
fn stands_alone(line: &str) -> bool {
    line.starts_with('#') || super::header::parse_field_line(line).is_some()
}

pub(crate) fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(
        (chars.next(), chars.next()),
        (
            Some('-' | '*' | '•' | '–' | '▪' | '◦' | '·'),
            Some(' ' | '\t')
        )
    ) && !line.starts_with("**")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<SrcLine> {
        text.lines()
            .enumerate()
            .map(|(i, l)| SrcLine::new(l, Some(i as u32 + 1), None))
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_header_lines_stand_alone() {
        let blocks = blocks_from_lines(lines(
            "Country: Chile\nCommittee: DISEC\n\nFirst line of a\nwrapped paragraph.\n\nSecond.",
        ));
        assert_eq!(blocks.len(), 4);
        assert_eq!(blocks[0].lines[0].text, "Country: Chile");
        assert_eq!(blocks[1].lines[0].text, "Committee: DISEC");
        assert_eq!(blocks[2].lines.len(), 2);
        assert_eq!(blocks[2].first_line(), Some(4));
        assert_eq!(blocks[3].lines[0].text, "Second.");
    }

    #[test]
    fn a_paragraph_to_a_line_is_a_paragraph_each() {
        // As a word processor saves plain text: no blank lines, one long line per
        // paragraph. A line ending without a stop stays with the next one, but for a
        // title's line and a rule, which stand alone.
        let long = "The delegation recalls that the treaty was signed by every state of the region, and that its verification regime has worked for three decades without a single breach being found";
        let text = format!(
            "{long}.\n---\nMr. President,\n{long}, as the Assembly knows.\nA short paragraph.\n**Thank you.**\n{long}\nII. Position\nA. Cooperation\n{long}."
        );
        let blocks = blocks_from_lines(lines(&text));
        let firsts: Vec<Option<u32>> = blocks.iter().map(Block::first_line).collect();
        let expected: Vec<Option<u32>> = [1, 2, 3, 5, 6, 7, 8, 9, 10].map(Some).to_vec();
        assert_eq!(firsts, expected, "{blocks:?}");
        let sizes: Vec<usize> = blocks.iter().map(|b| b.lines.len()).collect();
        assert_eq!(sizes, [1, 1, 2, 1, 1, 1, 1, 1, 1], "{blocks:?}");
        // Wrapped lines, however many end a sentence, stay one paragraph.
        let wrapped = "The delegation recalls that the treaty was signed.\nEvery state of the region has\nratified it since.\nIts regime has worked.";
        assert_eq!(blocks_from_lines(lines(wrapped)).len(), 1);
    }

    #[test]
    fn a_title_glued_under_a_paragraph_stands_alone() {
        let blocks = blocks_from_lines(lines(
            "Solomon Islands signed and ratified the Treaty on the Prohibition of Nuclear Weapons.\nCuba\n\nMr. President,",
        ));
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert_eq!(blocks[1].lines[0].text, "Cuba");
        assert_eq!(blocks[1].first_line(), Some(2));
        // A wrapped paragraph's last line ends its sentence, or continues one.
        for text in [
            "The delegation recalls that the treaty was signed by every state of the\nRepublic of Korea.",
            "The delegation recalls that the treaty was signed by every state of the\nUnited Nations",
            "Short line.\nCuba",
            "The delegation recalls that the treaty was signed by all of them.\nthe end",
        ] {
            let blocks = blocks_from_lines(lines(text));
            assert_eq!(blocks.len(), 1, "{text}: {blocks:?}");
        }
    }

    #[test]
    fn a_heading_set_over_its_paragraph_stands_alone() {
        for (text, heading) in [
            ("Background\nSince the withdrawal of the mission, armed groups have moved freely.", "Background"),
            ("Japan's Position\nJapan holds that peace operations need clear mandates and funds.", "Japan's Position"),
            ("SECURITY AND SUSTAINABILITY\nThe greatest delusion we feed ourselves is that they are separate endeavours.", "SECURITY AND SUSTAINABILITY"),
            ("Candidacy for Security Council\nThe irony is that generations before us did not have an established forum such as this one.", "Candidacy for Security Council"),
            // Wholly in bold, over a line however short.
            ("**Artificial Intelligence and Beyond**  \nDear colleagues,  \nThere is no freedom in a world where each individual is reduced to data.", "**Artificial Intelligence and Beyond**  "),
        ] {
            let blocks = blocks_from_lines(lines(text));
            assert_eq!(blocks.len(), 2, "{text}: {blocks:?}");
            assert_eq!(blocks[0].lines[0].text, heading);
            assert_eq!(blocks[1].first_line(), Some(2));
        }
        // The first line of a wrapped paragraph, a greeting, a point's number word, a
        // word cut at the line's end and a justified line copied from a PDF all stay
        // in their paragraph.
        for text in [
            "The delegation of Japan recalls that the Council has renewed\nThe mandate every year since 2013.",
            "Mr. President\nDistinguished delegates, it is an honour to address this Assembly today.",
            "**First:**\nWhile there is no alternative to the multilateral system, it must be reformed now.",
            "The Treaty on the Non-\nProliferation of Nuclear Weapons entered into force in 1970 and binds us all.",
            "59.\tAt \tthe \tInternational \tDevelopment\nAssociation (IDA) for Africa Heads of State Summit in Nairobi in April this year, Sierra",
            "Short title\nShort line.",
            "**Thank you.**\nDear colleagues,",
            "**Consider this:** nearly 40 countries\nAre under sanctions.",
        ] {
            let blocks = blocks_from_lines(lines(text));
            assert_eq!(blocks.len(), 1, "{text}: {blocks:?}");
        }
    }

    #[test]
    fn bullets_start_their_own_block() {
        let blocks = blocks_from_lines(lines("- [1] One source.\n- [2] Another\n  continued."));
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1].lines.len(), 2);
    }
}
