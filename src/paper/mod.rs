//! Reading a paper: file formats -> blocks -> header fields, sections and passages.
//! Everything here is pure: bytes in, a `Paper` out.

pub mod blocks;
pub mod committees;
pub mod countries;
pub mod formats;
pub mod header;
pub mod layout;
mod outline;
pub mod structure;
pub mod text;

use blocks::{Block, BlockKind, SrcLine};
use header::HeaderKey;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;
pub use structure::SectionKind;
use structure::{clean_paragraph, heading_of, join_lines, kind_of_heading, split_long, Heading};

/// Where a paper's country came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountrySource {
    Header,
    /// A title line naming the country ("Position Paper of the Republic of Chile").
    Title,
    FileName,
    Unknown,
    /// The opening sentence ("The Delegation of Japan is honoured to ...").
    Opening,
}

/// The country (or other entity) a paper speaks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperCountry {
    /// Canonical common name ("Belgium"); for a non-state, the name as written.
    pub name: String,
    /// ISO 3166-1 alpha-3 code, for UN member and observer states.
    pub iso3: Option<String>,
    /// What the paper wrote ("Kingdom of Belgium").
    pub as_written: String,
    pub source: CountrySource,
}

/// Name used for a paper whose country could not be found.
pub const UNKNOWN: &str = "unknown";

/// A committee by its short code and full name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperCommittee {
    pub code: String,
    pub name: String,
}

/// A section of a paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub kind: SectionKind,
}

/// A passage: a paragraph, a piece of a long paragraph, a list item, a note or a
/// bibliography entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// 1-based, in reading order.
    pub number: u32,
    /// Index into `Paper::sections`; `None` before the first heading.
    pub section: Option<usize>,
    pub text: String,
    pub citations: Vec<u32>,
    pub line: Option<u32>,
    pub page: Option<u32>,
    /// The topic this passage is about: the paper's topic, or in a multi-topic paper
    /// the topic whose "Topic A:" heading it stands under.
    pub topic: String,
    /// The number of the first passage of the paragraph this passage was cut from:
    /// the passage's own number unless a long paragraph was split.
    #[serde(default)]
    pub paragraph: u32,
    /// For an item of a list, the sentence that introduced the list ("Kenya proposes
    /// the following measures:"): an item is often a bare noun phrase whose side only
    /// its introduction says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
}

/// A parsed paper.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paper {
    pub country: PaperCountry,
    pub committee: Option<PaperCommittee>,
    pub topics: Vec<String>,
    /// Other header lines (School, Delegate), key lower-cased.
    pub metadata: Vec<(String, String)>,
    pub title: Option<String>,
    pub sections: Vec<Section>,
    pub passages: Vec<Passage>,
    /// Things a user should know about this paper (no country found, no text).
    pub warnings: Vec<String>,
}

impl Paper {
    pub fn section_of(&self, passage: &Passage) -> Option<&Section> {
        passage.section.and_then(|i| self.sections.get(i))
    }

    pub fn word_count(&self) -> usize {
        self.passages
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum()
    }
}

/// Parses the blocks of one file. `path` is the file's path relative to the corpus,
/// used for the country when the header has none, and for the committee when the
/// paper sits in a folder named after one.
pub fn parse(blocks: &[Block], path: &Path) -> Paper {
    parse_owned(blocks.to_vec(), path)
}

/// [`parse`] taking the blocks, so each stage reuses the text of the one before
/// rather than copying it: a paper is held about twice (blocks and passages) at
/// most, however long it is.
pub fn parse_owned(blocks: Vec<Block>, path: &Path) -> Paper {
    let blocks = layout::prepare(blocks);
    let (margins, mut blocks): (Vec<Block>, Vec<Block>) = blocks
        .into_iter()
        .partition(|b| b.kind == BlockKind::Margin);
    let (mut head, body_start) = read_header(&blocks, &margins);
    let body = layout::split_inline_labels(blocks.drain(body_start.min(blocks.len())..));
    // What is left of `blocks` is the header.
    // "The topics before the Economic and Social Council are: 1) ..., 2) ..."
    if let Some((committee, topics)) = body
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(3)
        .find_map(|b| layout::prose_topics(&block_head(b, PROSE_TOPICS_CHARS)))
    {
        if head.topics.is_empty() {
            head.topics = topics.into_iter().map(|t| (None, t)).collect();
        }
        if head.committee.is_none() {
            head.committee = committee;
        }
    }
    if head.topics.is_empty() {
        if let Some(topic) = head.title_topic.take() {
            head.topics.push((None, topic));
        }
    }
    if head.topics.is_empty() {
        // "The Delegation of Japan is honoured to address the topic of ...".
        if let Some(topic) = opening(&body, layout::opening_topic) {
            head.topics.push((None, topic));
        }
    }
    if head.topics.is_empty() {
        // One Roman-numbered heading per topic ("I. Assistance to States for curbing
        // ...", "II. The role of science ..."), with no list of topics before them.
        let numbered: Vec<String> = body
            .iter()
            .filter_map(|b| match heading_of(b) {
                Some(Heading::Section(text)) => {
                    let raw = block_text(b);
                    let roman = raw.split_whitespace().next().is_some_and(|t| {
                        matches!(t.trim_end_matches(['.', ')']), "I" | "II" | "III" | "IV")
                    });
                    let words = text.split_whitespace().count();
                    let agenda_title =
                        words >= 7 || (words >= 3 && kind_of_heading(&text) == SectionKind::Other);
                    (roman && agenda_title).then_some(text)
                }
                _ => None,
            })
            .collect();
        if numbered.len() >= 2 {
            head.topics = numbered.into_iter().map(|t| (None, t)).collect();
        }
    }
    let mut warnings = Vec::new();
    // "The Delegation of Japan is honoured to ...": a paper with no header at all.
    let country = resolve_country(
        &head,
        path,
        || {
            opening(&body, layout::opening_country)
                .or_else(|| {
                    // "Saudi Arabia believes ...": the subject of the first sentence.
                    body.iter()
                        .find(|b| b.kind == BlockKind::Paragraph)
                        .and_then(|b| layout::subject_country(&block_head(b, OPENING_CHARS)))
                })
                .or_else(|| {
                    // "Respectfully submitted, / The Delegation of Chile": a letter's
                    // signature, short and among the last two paragraphs.
                    body.iter()
                        .rev()
                        .filter(|b| b.kind == BlockKind::Paragraph)
                        .take(2)
                        .map(|b| block_head(b, OPENING_CHARS))
                        .filter(|t| t.split_whitespace().count() <= 12)
                        .find_map(|t| layout::opening_country(&t))
                })
        },
        &mut warnings,
    );
    let committee = head
        .committee
        .as_deref()
        .or(head.title_committee.as_deref())
        .map(|c| {
            let (code, name) = committees::resolve(c);
            PaperCommittee { code, name }
        })
        .filter(|c| !c.code.is_empty())
        .or_else(|| committee_from_path(path))
        .or_else(|| {
            // "The Delegation of Japan is honoured to serve on the Commission on
            // Narcotic Drugs": the body the opening names.
            opening(&body, layout::opening_committee).map(|c| PaperCommittee {
                code: c.code.to_owned(),
                name: c.name.to_owned(),
            })
        });
    let mut topics = head
        .topics
        .iter()
        .map(|(_, t)| t.clone())
        .collect::<Vec<_>>();
    let (sections, mut passages) = read_body(&body, &head.topics, &mut topics);
    if passages.is_empty() {
        // Nothing but headings (a page left in bold by an unclosed tag, a one-line
        // statement set as a title): their text is kept as passages rather than
        // the paper read as empty.
        let topic = topics.first().map_or("", String::as_str);
        for block in &body {
            add_paragraph(block, None, topic, &mut passages);
        }
        // The header took a lone sentence as the paper's title.
        if passages.is_empty() {
            if let Some(title) = &head.title {
                for block in blocks
                    .iter()
                    .filter(|b| block_text(b).trim() == title.trim())
                {
                    add_paragraph(block, None, topic, &mut passages);
                }
            }
        }
        warnings.push(
            if passages.is_empty() {
                "no text found"
            } else {
                "only a title or headings found; their text is indexed as passages"
            }
            .to_owned(),
        );
    }
    Paper {
        country,
        committee,
        topics,
        metadata: head.other,
        title: head.title,
        sections,
        passages,
        warnings,
    }
}

#[derive(Default)]
struct Head {
    country: Option<String>,
    committee: Option<String>,
    topics: Vec<(Option<char>, String)>,
    other: Vec<(String, String)>,
    title: Option<String>,
    /// What title lines give ("Position Paper of the Republic of Chile on X"): used
    /// when no labelled line gives the field.
    title_country: Option<String>,
    title_committee: Option<String>,
    title_topic: Option<String>,
    /// A header line that is nothing but a country or committee name was seen: the
    /// paper writes its header without labels, so its next title line is the topic.
    unlabelled: bool,
    /// A title line naming a body caucus does not know ("Futuristic Council on Lunar
    /// Mining"): the committee when nothing else names one.
    named_body: Option<String>,
    /// The topic was taken from an unlabelled line above the committee's: a school or
    /// the delegates' names ("Republic of Korea / Lincoln High School / DISEC /
    /// Nuclear Non-Proliferation"). The line under the committee is the topic.
    topic_above_committee: bool,
}

/// Words that make an unlabelled header line the name of a body.
const BODY_WORDS: &[&str] = &[
    "council",
    "committee",
    "assembly",
    "commission",
    "board",
    "forum",
    "court",
    "summit",
    "cabinet",
    "tribunal",
    "parliament",
    "panel",
    "senate",
    "congress",
];

impl Head {
    fn add(&mut self, key: HeaderKey, value: String) {
        match key {
            HeaderKey::Country => {
                self.country.get_or_insert(value);
            }
            HeaderKey::Committee => {
                self.committee.get_or_insert(value);
            }
            HeaderKey::Topic(letter) => {
                // "Question of: X" then "Topic I: X": one topic, with its letter.
                match self.topics.iter_mut().find(|(_, t)| *t == value) {
                    Some((l, _)) if l.is_none() => *l = letter,
                    Some((l, _)) if *l == letter => {}
                    _ => self.topics.push((letter, value)),
                }
            }
            HeaderKey::Topics => self
                .topics
                .extend(header::split_topics(&value).into_iter().map(|t| (None, t))),
            // "From: The Delegation of the Republic of Chile", in a memorandum, and
            // "Submitted by: Republic of Ghana": the country when it names one, else (a
            // person or a school) kept as written.
            // "Position: France" (the role a delegate was given), "Character: Minister
            // of Defence of Brazil" in a crisis committee: the country it names.
            HeaderKey::Other(k)
                if header::MAY_NAME_COUNTRY.contains(&k.as_str()) && self.country.is_none() =>
            {
                let named = layout::delegation_title(&value).map_or(value.clone(), |d| d.country);
                if countries::lookup(layout::strip_the(&named)).is_some() {
                    self.country = Some(named);
                } else if let Some(c) = countries::find_in_text(&value).filter(|_| k == "character")
                {
                    self.title_country.get_or_insert(c.name.to_owned());
                    self.other.push((k, value));
                } else {
                    self.other.push((k, value));
                }
            }
            // A memorandum's "To: The Chair of the Commission on Narcotic Drugs": the
            // committee, when it names a known one.
            HeaderKey::Other(k) if k == "to" && self.committee.is_none() => {
                let lower = value.to_lowercase();
                let body = ["the chairs of ", "the chair of ", "chairs of ", "chair of "]
                    .iter()
                    .find_map(|p| {
                        lower
                            .strip_prefix(p)
                            .map(|r| &value[value.len() - r.len()..])
                    })
                    .unwrap_or(&value);
                if committees::lookup(layout::strip_the(body)).is_some() {
                    self.committee = Some(body.to_owned());
                } else {
                    self.other.push((k, value));
                }
            }
            HeaderKey::Other(k) => self.other.push((k, value)),
        }
    }

    /// What a "Delegation of X to the Y" line names. In a position-paper title it
    /// counts as the title's fields; alone, as the country line it stands for.
    fn delegation_line(&mut self, d: layout::DelegationTitle, in_title: bool) {
        if in_title {
            if let Some(c) =
                countries::lookup(&d.country).or_else(|| countries::find_in_text(&d.country))
            {
                self.title_country.get_or_insert(c.name.to_owned());
            }
        } else {
            self.country.get_or_insert(d.country);
        }
        if let Some(committee) = d.committee {
            self.title_committee.get_or_insert(committee);
        }
        if let Some(topic) = d.topic {
            self.title_topic.get_or_insert(topic);
        }
    }

    /// A short line at the top that is not a `Key: value` field.
    fn title_line(&mut self, text: &str, fields: usize) {
        let first_title = self.title.is_none();
        if first_title {
            self.title = Some(text.to_owned());
        }
        // "Kingdom of Norway - First Committee - Nuclear Disarmament Verification",
        // "Position Paper — Republic of India — UNHRC": each part on its own.
        if let Some(parts) = title_parts(text) {
            for part in parts {
                // "ECOFIN | Republic of India | Topic: Sovereign Debt": a labelled part
                // is a field.
                match header::parse_field_line(part) {
                    Some((key, value)) => self.add(key, value),
                    None => self.title_line(part, fields),
                }
            }
            if first_title {
                self.title = Some(text.to_owned());
            }
            return;
        }
        // "Canada's Position on Antimicrobial Resistance".
        if let Some((country, topic)) = layout::possessive_title(text) {
            self.title_country.get_or_insert(country.name.to_owned());
            if let Some(topic) = topic {
                self.title_topic.get_or_insert(topic);
            }
            return;
        }
        if let Some(title) = layout::position_title(text) {
            // "Position Paper of the Delegation of Japan to the Security Council"
            if let Some(d) = title.entity.as_deref().and_then(layout::delegation_title) {
                self.delegation_line(d, true);
                if let Some(topic) = title.topic {
                    self.title_topic.get_or_insert(topic);
                }
                return;
            }
            if let Some(entity) = title.entity {
                if let Some(c) =
                    countries::lookup(&entity).or_else(|| countries::find_in_text(&entity))
                {
                    self.title_country.get_or_insert(c.name.to_owned());
                } else if committees::lookup(&entity).is_some() {
                    self.title_committee.get_or_insert(entity);
                }
            }
            if let Some(topic) = title.topic {
                self.title_topic.get_or_insert(topic);
            }
            return;
        }
        if fields == 0 {
            // A "Delegation of X (to the Y)" title stands for a country line, and for
            // the committee when it names one.
            if let Some(d) = layout::delegation_title(text) {
                self.delegation_line(d, false);
                return;
            }
        }
        // "Submitted by the Dominican Republic": the country, as a line of its own.
        if self.country.is_none() {
            if let Some(country) = layout::submitted_by(text) {
                self.country = Some(country);
                self.unlabelled = true;
                return;
            }
        }
        // A header written without labels: one line the country, one the committee,
        // one the topic.
        if self.country.is_none() && countries::lookup(text).is_some() {
            self.country = Some(text.to_owned());
            self.unlabelled = true;
            return;
        }
        if self.committee.is_none() && committees::lookup(text).is_some() {
            self.committee = Some(text.to_owned());
            self.topic_above_committee = self.unlabelled && self.title_topic.is_some();
            self.unlabelled = true;
            return;
        }
        let lower = text.to_lowercase();
        let names_body = lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| BODY_WORDS.contains(&w));
        if names_body && !layout::is_furniture_title(text) && self.named_body.is_none() {
            self.named_body = Some(text.to_owned());
            self.unlabelled = true;
            return;
        }
        let topic_like = !layout::is_furniture_title(text)
            && (self.unlabelled
                || fields > 0
                || self.country.is_some()
                || self.committee.is_some());
        if topic_like && self.topics.is_empty() && self.title_topic.is_none() {
            self.title_topic = Some(text.to_owned());
        } else if topic_like && self.topics.is_empty() && self.topic_above_committee {
            self.title_topic = Some(text.to_owned());
            self.topic_above_committee = false;
        }
    }

    /// A page header or footer line: labelled fields, or unlabelled parts such as
    /// "Human Rights Council, Republic of Peru". Labelled lines in the body win.
    fn margin_line(&mut self, text: &str) {
        if let Some(fields) = header::fields_of_line(text) {
            for (key, value) in fields {
                self.add(key, value);
            }
            return;
        }
        for part in text
            .split([',', '|', '–', '—', ';'])
            .flat_map(|p| p.split(" - "))
        {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            if self.country.is_none() && countries::lookup(part).is_some() {
                self.country = Some(part.to_owned());
            } else if self.committee.is_none() && committees::lookup(part).is_some() {
                self.committee = Some(part.to_owned());
            }
        }
    }
}

/// How many blocks at the start of a paper may hold header lines and titles.
const HEADER_SCAN: usize = 24;

/// Reads header fields from the first blocks; returns them and where the body starts.
/// Titles ("Position Paper", "Delegation of Fiji") and a preamble (a conference or
/// site name, a delegate's name) may stand before the fields, titles after them; the
/// first real paragraph ends the header. Page headers and footers (`margins`) fill
/// the fields the body's header leaves empty.
fn read_header(blocks: &[Block], margins: &[Block]) -> (Head, usize) {
    let mut head = Head::default();
    // What the page header and footer give: a paper whose fields stand there has
    // its topic as its first title line.
    let margin = margin_head(margins);
    head.unlabelled = margin.country.is_some() || margin.committee.is_some();
    let mut body_start = 0;
    let mut fields = 0;
    // The labels of a header table's first row ("Delegation from: | Represented by:"),
    // waiting for the row of values beneath them.
    let mut pending: Option<Vec<HeaderKey>> = None;
    let scan = blocks.len().min(HEADER_SCAN);
    for (i, block) in blocks.iter().enumerate().take(scan) {
        // A "Topic A:" line whose letter the header already gave opens that topic
        // in the body: the header is over.
        // So does a "Topic I: X" line naming a topic the header gave without a letter
        // ("Question of: X").
        let repeats_topic = block.lines.iter().any(|l| {
            matches!(header::parse_field_line(&l.text), Some((HeaderKey::Topic(Some(letter)), value))
                if head.topics.iter().any(|(seen, t)| *seen == Some(letter) || (seen.is_none() && *t == value)))
        });
        // A "## Topic A: ..." heading opens the body, even when the header listed no
        // topics.
        let topic_heading = (matches!(block.kind, BlockKind::Heading(_))
            || block
                .lines
                .first()
                .is_some_and(|l| l.text.trim_start().starts_with('#')))
            && matches!(heading_of(block), Some(Heading::Topic(..)));
        if repeats_topic || topic_heading {
            body_start = i;
            break;
        }
        if let Some(labels) = pending.take() {
            let cells = table_cells(&block_text(block));
            if cells.len() == labels.len() && block.lines.len() == 1 {
                for (key, value) in labels.into_iter().zip(cells) {
                    head.add(key, value);
                }
                fields += 1;
                body_start = i + 1;
                continue;
            }
        }
        let mut all_fields = true;
        let mut any_field = false;
        let mut titles = Vec::new();
        for line in header_lines(block) {
            if let Some(labels) = label_row(&line) {
                pending = Some(labels);
                any_field = true;
                continue;
            }
            match header::fields_of_line(&line) {
                Some(found) => {
                    any_field = true;
                    for (key, value) in found {
                        head.add(key, value);
                    }
                }
                None if names_paper(&line) => titles.push(line),
                None => all_fields = false,
            }
        }
        if any_field && all_fields {
            // A title among the fields, with no blank line between ("Delegation from:
            // Canada" over "Position Paper for the General Assembly First Committee").
            for line in titles {
                head.title_line(&line, fields);
            }
            fields += 1;
            body_start = i + 1;
            continue;
        }
        if any_field {
            // Fields and prose in one block: a paper whose header runs into its text.
            body_start = i;
            break;
        }
        if is_title(block)
            && !(fields > 0 && heading_of(block).is_some_and(|h| is_section_title(&h)))
        {
            // "Belgium — CND" over "Online drug trafficking", "HUMAN RIGHTS COUNCIL"
            // over "POSITION PAPER": a line of parts, or a line that is a country, a
            // committee or the bare words "Position Paper", is whole; what follows it
            // is another line, not its continuation.
            let whole = |l: &SrcLine| {
                let t = l.text.trim();
                countries::lookup(t).is_some()
                    || committees::lookup(t).is_some()
                    || layout::position_title(t)
                        .is_some_and(|p| p.entity.is_none() && p.topic.is_none())
            };
            match &block.lines[..] {
                [first, second]
                    if title_parts(first.text.trim()).is_some()
                        || whole(first)
                        || whole(second) =>
                {
                    head.title_line(first.text.trim(), fields);
                    head.title_line(second.text.trim(), fields);
                }
                _ => head.title_line(&block_text(block), fields),
            }
            body_start = i + 1;
            continue;
        }
        // Header lines without labels in one block: "Czech Republic / GA:6 Legal /
        // Crimes Against Humanity".
        if unlabelled_lines(block) {
            for line in &block.lines {
                head.title_line(line.text.trim().trim_start_matches('#').trim(), fields);
            }
            body_start = i + 1;
            continue;
        }
        // A preamble before the header: a site's title, an author and date line.
        let short = block
            .lines
            .iter()
            .flat_map(|l| l.text.split_whitespace())
            .nth(40)
            .is_none();
        if fields == 0 && head.country.is_none() && short && fields_ahead(&blocks[i + 1..scan]) {
            body_start = i + 1;
            continue;
        }
        break;
    }
    // Labelled lines in the body win over the page header and footer.
    let margin = margin_head(margins);
    if head.country.is_none() {
        head.country = margin.country;
    }
    if head.committee.is_none() {
        head.committee = margin.committee;
    }
    if head.topics.is_empty() {
        head.topics = margin.topics;
    }
    if head.committee.is_none() && head.title_committee.is_none() {
        head.committee = head.named_body.take();
    }
    (head, body_start)
}

fn margin_head(margins: &[Block]) -> Head {
    let mut head = Head::default();
    for line in margins.iter().flat_map(|b| &b.lines) {
        head.margin_line(&line.text);
    }
    head
}

/// Lines of a header block with a word the line break hyphenated joined again
/// ("Topic: Nuclear Disarmament and the Non-" + "Proliferation Treaty").
fn header_lines(block: &Block) -> Vec<std::borrow::Cow<'_, str>> {
    use std::borrow::Cow;
    let mut out: Vec<Cow<'_, str>> = Vec::new();
    for line in &block.lines {
        let text = line.text.trim();
        match out.last_mut() {
            Some(prev)
                if prev.ends_with('-')
                    && !prev.ends_with(" -")
                    && header::fields_of_line(text).is_none() =>
            {
                *prev = Cow::Owned(join_lines([prev.as_ref(), text]).0);
            }
            _ => out.push(Cow::Borrowed(text)),
        }
    }
    out
}

/// A block of a few short lines, none a sentence, one of them a country or a
/// committee: a header written without labels.
fn unlabelled_lines(block: &Block) -> bool {
    let lines: Vec<&str> = block
        .lines
        .iter()
        .map(|l| l.text.trim().trim_start_matches('#').trim())
        .collect();
    (2..=5).contains(&lines.len())
        && lines.iter().all(|l| {
            let words = l.split_whitespace().count();
            (1..=14).contains(&words) && !l.ends_with(['.', ',', ';'])
        })
        && lines.iter().any(|l| {
            countries::lookup(l).is_some()
                || committees::lookup(l).is_some()
                || strip_prefix_ci(l, "delegation of ").is_some()
        })
}

/// Whether a Country or Committee field stands in these blocks.
fn fields_ahead(blocks: &[Block]) -> bool {
    blocks.iter().flat_map(|b| &b.lines).any(|l| {
        label_row(&l.text).is_some()
            || header::fields_of_line(&l.text).is_some_and(|f| {
                f.iter()
                    .any(|(k, _)| matches!(k, HeaderKey::Country | HeaderKey::Committee))
            })
    })
}

/// The cells of a table row, "| a | b |" or "a | b".
fn table_cells(text: &str) -> Vec<String> {
    let inner = text.trim().trim_start_matches('|').trim_end_matches('|');
    if !inner.contains('|') && !text.trim().starts_with('|') {
        return vec![inner.trim().to_owned()];
    }
    inner.split('|').map(|c| c.trim().to_owned()).collect()
}

/// A table row made only of header labels with no values ("Delegation from: |
/// Represented by:"): the values stand in the next row.
fn label_row(text: &str) -> Option<Vec<HeaderKey>> {
    // A row of labels is short; a long line is prose, not split into cells.
    if text.len() > 1000 {
        return None;
    }
    let cells = table_cells(text);
    if cells.len() < 2 {
        return None;
    }
    cells
        .iter()
        .map(|c| {
            let label = c.trim_end_matches(':');
            match header::parse_label(&format!("{label}:")) {
                Some((key, value)) if value.is_empty() && c.ends_with(':') => Some(key),
                _ => None,
            }
        })
        .collect()
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix))
    .then(|| &s[prefix.len()..])
}

/// The parts of a title line separated by dashes or bars ("Kingdom of Norway - First
/// Committee - Nuclear Disarmament Verification"), when one of them is a country or a
/// committee. A position-paper title reads its own separators ("for the Security
/// Council - Peacekeeping"), unless it is only the words "Position Paper" before them.
fn title_parts(text: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = text
        .split(" - ")
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" — "))
        .flat_map(|p| p.split(" | "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let bare_title = |p: &str| {
        layout::position_title(p).is_some_and(|t| t.entity.is_none() && t.topic.is_none())
    };
    ((2..=4).contains(&parts.len())
        && (bare_title(parts[0]) || layout::position_title(text).is_none())
        && parts
            .iter()
            .any(|p| countries::lookup(p).is_some() || committees::lookup(p).is_some()))
    .then_some(parts)
}

/// A short line, not a sentence, that names the paper itself: "Position Paper for
/// the Security Council", "The Delegation of Nigeria to the WHO".
fn names_paper(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().nth(16).is_none()
        && !line.ends_with(['.', ';', ','])
        && (layout::position_title(line).is_some() || layout::delegation_title(line).is_some())
}

/// A section heading like "Background" is not a title even though it is short.
fn is_section_title(h: &Heading) -> bool {
    match h {
        Heading::Section(s) => kind_of_heading(s) != SectionKind::Other,
        Heading::Topic(..) => true,
    }
}

/// A short line at the top that is not prose: "Position Paper", "# Position Paper for
/// the Commission on Narcotic Drugs", "Delegation of the Republic of Fiji", "Republic
/// of Colombia". A short plain sentence ("Belgium wants the darknet closed") is the
/// paper's first paragraph, not a title, even without a full stop.
fn is_title(block: &Block) -> bool {
    // Counted on the lines, without joining them: the block may be a whole book.
    let words = block
        .lines
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .take(17)
        .count();
    if block.lines.len() > 2 || words > 16 {
        return false;
    }
    let text = block_text(block);
    let formatted = matches!(block.kind, BlockKind::Heading(_) | BlockKind::BoldParagraph)
        || block.lines.first().is_some_and(|l| {
            let t = l.text.trim();
            t.starts_with('#') || (t.starts_with("**") && t.trim_end_matches(':').ends_with("**"))
        });
    let clean = text.trim_start_matches('#').trim();
    let title_shaped = formatted || layout::looks_like_title(clean);
    words > 0
        && words <= 16
        && matches!(
            block.kind,
            BlockKind::Heading(_) | BlockKind::BoldParagraph | BlockKind::Paragraph
        )
        && title_shaped
        && (formatted || !clean.ends_with('.'))
        && !matches!(heading_of(block), Some(Heading::Section(ref s)) if kind_of_heading(s) != SectionKind::Other)
        && !matches!(heading_of(block), Some(Heading::Topic(..)))
}

/// How far into a paragraph a sentence listing the topics is looked for.
const PROSE_TOPICS_CHARS: usize = 4000;

/// [`block_text`] of the block's first lines, cut after about `max_chars`: enough
/// to read a sentence at a paragraph's start without copying a book-length one.
fn block_head(block: &Block, max_chars: usize) -> String {
    let mut chars = 0;
    let lines: Vec<SrcLine> = block
        .lines
        .iter()
        .take_while(|l| {
            let before = chars;
            chars += l.text.len();
            before < max_chars
        })
        .map(|l| {
            let cut = l
                .text
                .char_indices()
                .nth(max_chars)
                .map_or(l.text.len(), |(at, _)| at);
            SrcLine::new(&l.text[..cut], l.line, l.page)
        })
        .collect();
    block_text(&Block::new(block.kind, lines))
}

fn block_text(block: &Block) -> String {
    let text = block
        .lines
        .iter()
        .map(|l| l.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    text.trim_start_matches('#')
        .replace("**", "")
        .trim()
        .to_owned()
}

/// How much of each of the first paragraphs is read for the country they speak for.
const OPENING_CHARS: usize = 400;

/// What `read` finds in the start of the body's first two paragraphs, where a paper
/// with no header introduces its delegation.
fn opening<T>(body: &[Block], read: impl Fn(&str) -> Option<T>) -> Option<T> {
    body.iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(2)
        .find_map(|b| read(&block_head(b, OPENING_CHARS)))
}

fn resolve_country(
    head: &Head,
    path: &Path,
    opening: impl FnOnce() -> Option<&'static countries::Country>,
    warnings: &mut Vec<String>,
) -> PaperCountry {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let from_file = || countries::from_file_name(stem);
    let found = |c: &countries::Country, as_written: &str, source| PaperCountry {
        name: c.name.to_owned(),
        iso3: Some(c.iso3.to_owned()),
        as_written: as_written.to_owned(),
        source,
    };
    // The paper wins over its file name, but a user should know they disagree.
    let check_file = |c: &countries::Country, warnings: &mut Vec<String>| {
        if let Some(f) = from_file().filter(|f| f.iso3 != c.iso3) {
            warnings.push(format!(
                "the paper is from {} but its file name says {}; {} kept",
                c.name, f.name, c.name
            ));
        }
    };
    if let Some(written) = head.country.as_deref() {
        let written = written.trim();
        if let Some(c) = lookup_written_country(written) {
            check_file(c, warnings);
            return found(c, written, CountrySource::Header);
        }
        if let Some(c) = countries::closest(written) {
            warnings.push(format!(
                "country \"{written}\" is not a known name; read as {}",
                c.name
            ));
            check_file(c, warnings);
            return found(c, written, CountrySource::Header);
        }
        return PaperCountry {
            name: written.to_owned(),
            iso3: None,
            as_written: written.to_owned(),
            source: CountrySource::Header,
        };
    }
    if let Some(c) = head
        .title_country
        .as_deref()
        .and_then(countries::lookup)
        .or_else(|| head.title.as_deref().and_then(countries::find_in_text))
    {
        check_file(c, warnings);
        let written = head.title.as_deref().unwrap_or_default();
        return found(c, written, CountrySource::Title);
    }
    if let Some(c) = from_file() {
        return found(c, stem, CountrySource::FileName);
    }
    match opening() {
        Some(c) => found(c, c.name, CountrySource::Opening),
        None => {
            warnings.push(
                "no country in the header, the title, the file name or the opening sentence; recorded as unknown"
                    .to_owned(),
            );
            PaperCountry {
                name: UNKNOWN.to_owned(),
                iso3: None,
                as_written: String::new(),
                source: CountrySource::Unknown,
            }
        }
    }
}

/// A country as a header line writes it: "Kingdom of Belgium", "Delegation of the
/// Republic of Chile", "Chile (Republic of)", or a country followed by the school in
/// a flattened table ("Canada University of Southern Washington").
fn lookup_written_country(written: &str) -> Option<&'static countries::Country> {
    countries::lookup(written).or_else(|| {
        let trimmed = written
            .trim_start_matches("The ")
            .trim_start_matches("the ")
            .trim_start_matches("Delegation of ")
            .trim_start_matches("delegation of ");
        countries::lookup(trimmed)
            .or_else(|| {
                countries::lookup(
                    trimmed
                        .split(['(', ',', '|'])
                        .next()
                        .unwrap_or(trimmed)
                        .trim(),
                )
            })
            .or_else(|| {
                // The longest run of leading words that is a country.
                let words: Vec<&str> = trimmed.split_whitespace().collect();
                (1..words.len().min(8))
                    .rev()
                    .find_map(|n| countries::lookup(&words[..n].join(" ")))
            })
    })
}

/// A paper without a Committee line in a folder named after a committee ("cnd/",
/// "DISEC papers/") belongs to it; so does a file named "belgium-cnd.txt".
fn committee_from_path(path: &Path) -> Option<PaperCommittee> {
    let from_dir = path
        .parent()
        .into_iter()
        .flat_map(|p| p.components().rev())
        .filter_map(|c| c.as_os_str().to_str())
        .find_map(|name| {
            committees::lookup(name)
                .or_else(|| committees::lookup(name.split([' ', '-', '_']).next().unwrap_or("")))
        });
    // A code ("UK-DISEC") or a name of several words ("UK - Security Council",
    // "HumanRightsCouncil_Chile"): the longest run of the file name's words that
    // is a committee's name as a whole.
    let from_file = || {
        let stem = path.file_stem()?.to_str()?;
        let words = countries::file_words(stem);
        (1..=words.len().min(8)).rev().find_map(|len| {
            words
                .windows(len)
                .filter(|w| len > 1 || w[0].len() >= 3)
                .find_map(|w| committees::lookup_exact(&w.join(" ")))
        })
    };
    from_dir.or_else(from_file).map(|c| PaperCommittee {
        code: c.code.to_owned(),
        name: c.name.to_owned(),
    })
}

/// Walks the body: headings open sections (or switch topic), everything else becomes
/// passages. Bibliography sections split into one passage per entry.
fn read_body(
    blocks: &[Block],
    head_topics: &[(Option<char>, String)],
    topics: &mut Vec<String>,
) -> (Vec<Section>, Vec<Passage>) {
    let mut sections: Vec<Section> = Vec::new();
    let mut passages: Vec<Passage> = Vec::new();
    let default_topic = || match head_topics.len() {
        0 => String::new(),
        1 => head_topics[0].1.clone(),
        _ => head_topics
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    };
    let mut topic = default_topic();
    let mut notes_section: Option<usize> = None;
    let mut current: Option<usize> = None;
    let mut outline = outline::Outline::default();
    // The sentence introducing the list being read, if any.
    let mut lead: Option<String> = None;
    // Topics already listed, for a linear walk however many "Topic B:" lines come.
    let mut listed: HashSet<String> = topics.iter().cloned().collect();
    // A heading that repeats one of several listed topics ("I. The Illicit Trade in
    // Small Arms") opens that topic's part.
    let known: Vec<(String, &str)> = if head_topics.len() >= 2 {
        head_topics
            .iter()
            .map(|(_, t)| (topic_key(t), t.as_str()))
            .collect()
    } else {
        Vec::new()
    };
    for block in blocks {
        if block.kind == BlockKind::Margin {
            continue;
        }
        let heading = heading_of(block).map(|h| match h {
            Heading::Section(text) => {
                match known.iter().find(|(k, _)| same_topic(k, &topic_key(&text))) {
                    Some((_, t)) => Heading::Topic('?', (*t).to_owned()),
                    None => Heading::Section(text),
                }
            }
            other => other,
        });
        // A line alone that is one of the topics the header listed ("Plastic
        // pollution" under "Topics: Plastic pollution; Air quality") opens its part,
        // even written in lower case like a sentence.
        let heading = heading.or_else(|| {
            let [line] = block.lines.as_slice() else {
                return None;
            };
            let text = line.text.trim();
            (block.kind == BlockKind::Paragraph
                && text.split_whitespace().nth(16).is_none()
                && !text.ends_with(['.', ',', ';']))
            .then(|| known.iter().find(|(k, _)| same_topic(k, &topic_key(text))))
            .flatten()
            .map(|(_, t)| Heading::Topic('?', (*t).to_owned()))
        });
        if let Some(heading) = heading {
            lead = None;
            match heading {
                Heading::Topic(letter, title) => {
                    // Prefer the header's wording of the topic, if it named this letter.
                    let named = head_topics
                        .iter()
                        .find(|(l, _)| *l == Some(letter))
                        .map(|(_, t)| t.clone());
                    topic = named.unwrap_or_else(|| title.clone());
                    if !topic.is_empty() && listed.insert(topic.clone()) {
                        topics.push(topic.clone());
                    }
                    // The topic's heading is a section of its own, of no kind: text
                    // before its first sub-heading stands under it.
                    // As the paper wrote it ("Topic II: Access to Education").
                    let heading = if letter == '?' {
                        title
                    } else {
                        let written = block_text(block).replace("**", "").replace("__", "");
                        written.trim().trim_start_matches('#').trim().to_owned()
                    };
                    sections.push(Section {
                        heading,
                        kind: SectionKind::Other,
                    });
                    current = Some(sections.len() - 1);
                    outline.reset();
                }
                Heading::Section(text) => {
                    let level = match block.kind {
                        BlockKind::Heading(level) => Some(level),
                        _ => None,
                    };
                    let raw = block.lines.first().map_or("", |l| l.text.as_str());
                    sections.push(Section {
                        kind: outline.kind(raw, level, body_section_kind(&text)),
                        heading: text,
                    });
                    current = Some(sections.len() - 1);
                }
            }
            continue;
        }
        let section = if block.kind == BlockKind::Note {
            Some(*notes_section.get_or_insert_with(|| {
                sections.push(Section {
                    heading: "Notes".to_owned(),
                    kind: SectionKind::Bibliography,
                });
                sections.len() - 1
            }))
        } else {
            current
        };
        let in_bibliography =
            section.is_some_and(|s| sections[s].kind == SectionKind::Bibliography);
        if in_bibliography {
            add_bibliography(block, section, &topic, &mut passages);
        } else {
            let before = passages.len();
            add_paragraph(block, section, &topic, &mut passages);
            let item = block.kind == BlockKind::ListItem
                || block
                    .lines
                    .first()
                    .is_some_and(|l| is_list_marked(l.text.trim_start()));
            if item {
                for p in &mut passages[before..] {
                    p.lead.clone_from(&lead);
                }
            }
            // A paragraph ending in a colon introduces the list after it; one that
            // does not ends any list before it (an item that ends in one opens a list
            // of its own).
            let last = passages[before..].last().map(|p| p.text.as_str());
            match last.and_then(lead_in) {
                Some(new) => lead = Some(new),
                None if !item => lead = None,
                None => {}
            }
        }
    }
    (sections, passages)
}

/// A line marked as an item of a list: a bullet, or a number, a letter or a Roman
/// numeral with its stop ("3.", "b)", "iv."); not a title ("Mr. President", "Dr.
/// Smith").
pub(crate) fn is_list_marked(line: &str) -> bool {
    if blocks::is_bullet(line) {
        return true;
    }
    let line = line.strip_prefix('(').unwrap_or(line);
    let marker: &str = &line[..line.bytes().take_while(u8::is_ascii_alphanumeric).count()];
    let numbered = marker.bytes().all(|b| b.is_ascii_digit())
        || marker.len() == 1
        || marker.bytes().all(|b| b"ivxIVX".contains(&b));
    numbered
        && (1..=3).contains(&marker.len())
        && matches!(line.as_bytes().get(marker.len()), Some(b'.' | b')'))
        && line.as_bytes().get(marker.len() + 1) == Some(&b' ')
}

/// The sentence that introduces a list, when a paragraph ends with a colon: its last
/// sentence, at most [`LEAD_CHARS`] of it (the end, where the colon is).
fn lead_in(text: &str) -> Option<String> {
    const LEAD_CHARS: usize = 300;
    let text = text.trim_end();
    if !text.ends_with(':') {
        return None;
    }
    let start = text[..text.len() - 1]
        .rmatch_indices(['.', '!', '?'])
        .map(|(i, _)| i + 1)
        .find(|&i| text[i..].starts_with(char::is_whitespace))
        .unwrap_or(0);
    let mut sentence = text[start..].trim_start();
    if sentence.len() > LEAD_CHARS {
        let mut cut = sentence.len() - LEAD_CHARS;
        while !sentence.is_char_boundary(cut) {
            cut += 1;
        }
        sentence = &sentence[cut..];
    }
    Some(sentence.to_owned())
}

/// The kind of a section heading in the body: by its words, and a heading that
/// names a country and nothing else ("India and Antimicrobial Resistance") is about
/// that country's position.
fn body_section_kind(heading: &str) -> SectionKind {
    match kind_of_heading(heading) {
        SectionKind::Other if countries::find_in_text(heading).is_some() => SectionKind::Position,
        kind => kind,
    }
}

/// A topic's words, lower-cased, for comparing a heading with a listed topic.
fn topic_key(t: &str) -> String {
    structure::strip_numbering(t)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "of" | "and" | "in" | "on"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The same topic: equal words, or one's words all in the other with most of them.
fn same_topic(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let wa: HashSet<&str> = a.split(' ').collect();
    let wb: HashSet<&str> = b.split(' ').collect();
    let shared = wa.intersection(&wb).count();
    shared * 4 >= wa.len().max(wb.len()) * 3
}

fn add_paragraph(block: &Block, section: Option<usize>, topic: &str, passages: &mut Vec<Passage>) {
    // One line (a paragraph per line, or a whole file on one line) needs no
    // joining: borrow it rather than copy a line that may be the whole file.
    let (joined, starts) = match block.lines.as_slice() {
        [only] => (std::borrow::Cow::Borrowed(only.text.trim()), vec![0]),
        lines => {
            let (text, starts) = join_lines(lines.iter().map(|l| l.text.as_str()));
            (std::borrow::Cow::Owned(text), starts)
        }
    };
    let pieces = split_long(&joined, structure::MAX_PASSAGE_WORDS);
    let first = passages.len() as u32 + 1;
    for range in pieces {
        // The passage starts on the source line holding its first byte.
        let line_idx = starts.iter().rposition(|&s| s <= range.start).unwrap_or(0);
        let src = &block.lines[line_idx.min(block.lines.len().saturating_sub(1))];
        let clean = clean_paragraph(&joined[range]);
        if clean.text.chars().any(|c| c.is_alphanumeric()) {
            push(passages, clean, section, src.line, src.page, topic);
            if let Some(p) = passages.last_mut() {
                p.paragraph = first;
            }
        }
    }
}

/// A bibliography paragraph may hold several entries, one per line; a line that
/// continues the previous one (lower-case start, URL, after a trailing hyphen) is
/// joined to it. A bare URL block continues the previous entry.
fn add_bibliography(
    block: &Block,
    section: Option<usize>,
    topic: &str,
    passages: &mut Vec<Passage>,
) {
    let first = block.lines.first().map(|l| l.text.trim()).unwrap_or("");
    let is_url = |s: &str| s.starts_with("http") || s.starts_with("www.");
    if is_url(first) && block.kind == BlockKind::Paragraph {
        if let Some(last) = passages.last_mut().filter(|p| p.section == section) {
            let (joined, _) = join_lines(block.lines.iter().map(|l| l.text.as_str()));
            last.text.push(' ');
            last.text.push_str(&clean_paragraph(&joined).text);
            return;
        }
    }
    let mut entry: Vec<&blocks::SrcLine> = Vec::new();
    let flush = |entry: &mut Vec<&blocks::SrcLine>, passages: &mut Vec<Passage>| {
        if let Some(first) = entry.first() {
            let (joined, _) = join_lines(entry.iter().map(|l| l.text.as_str()));
            let clean = clean_paragraph(&joined);
            if clean.text.chars().any(|c| c.is_alphanumeric()) {
                push(passages, clean, section, first.line, first.page, topic);
            }
        }
        entry.clear();
    };
    for line in &block.lines {
        let text = line.text.trim();
        let continues = entry.last().is_some_and(|prev| {
            let prev = prev.text.trim_end();
            text.starts_with(|c: char| c.is_lowercase())
                || is_url(text)
                || prev.ends_with('-')
                || prev.ends_with('/')
                || line.text.starts_with([' ', '\t'])
        });
        if !continues {
            flush(&mut entry, passages);
        }
        entry.push(line);
    }
    flush(&mut entry, passages);
}

fn push(
    passages: &mut Vec<Passage>,
    clean: structure::CleanText,
    section: Option<usize>,
    line: Option<u32>,
    page: Option<u32>,
    topic: &str,
) {
    let number = passages.len() as u32 + 1;
    // Built by pushing, the text may hold twice its length; a paper keeps its
    // passages until they are indexed.
    let mut clean = clean;
    clean.text.shrink_to_fit();
    passages.push(Passage {
        number,
        paragraph: number,
        section,
        text: clean.text,
        citations: clean.citations,
        line,
        page,
        topic: topic.to_owned(),
        lead: None,
    });
}

/// Why a file could not be read as a paper.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Extract(#[from] formats::ExtractError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Reads one file into a paper: extracts its blocks by format, then parses them.
pub fn read_bytes(
    format: formats::Format,
    bytes: &[u8],
    rel_path: &Path,
    limits: &formats::Limits,
) -> Result<Paper, ReadError> {
    let blocks = formats::extract(format, bytes, limits)?;
    Ok(parse(&blocks, rel_path))
}

/// [`read_bytes`] for a file's bytes the caller no longer needs: plain text is
/// decoded in place, so a huge text file is not held twice.
pub fn read_owned(
    format: formats::Format,
    bytes: Vec<u8>,
    rel_path: &Path,
    limits: &formats::Limits,
) -> Result<Paper, ReadError> {
    let blocks = formats::extract_owned(format, bytes, limits)?;
    Ok(parse_owned(blocks, rel_path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use blocks::{blocks_from_lines, SrcLine};

    fn parse_text(text: &str, path: &str) -> Paper {
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| SrcLine::new(l, Some(i as u32 + 1), None))
            .collect();
        parse(&blocks_from_lines(lines), Path::new(path))
    }

    const REFERENCE_LIKE: &str = "Country: Kingdom of Belgium\n\nCommittee: Commission on Narcotic Drugs (CND)\n\nTopic: Online Drug Trafficking\n\nBelgium has long worked on drugs<sup>[1]</sup>.\n\nBelgium calls for a task force on darknet markets [2].\n\n## **Bibliography**\n\n- [1] Belgium, \"Declaration.\" *Declaration*, 2010.\n- [2] \"CRIMJUST Forum.\" *UNODC*,\n\nwww.unodc.org/some/long/url.html\n";

    #[test]
    fn a_paper_of_headings_alone_keeps_their_text() {
        // A page left in bold by an unclosed tag: one short bold sentence, read as
        // a heading.
        let blocks = [
            Block::single(BlockKind::Paragraph, "Country: Peru", Some(1), None),
            Block::single(
                BlockKind::BoldParagraph,
                "Peru supports the darknet escrow task force.",
                Some(2),
                None,
            ),
        ];
        let p = parse(&blocks, Path::new("peru.html"));
        assert_eq!(p.country.name, "Peru");
        let texts: Vec<&str> = p.passages.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, ["Peru supports the darknet escrow task force."]);
        assert_eq!(p.passages[0].line, Some(2));
        assert!(p.warnings.iter().any(|w| w.starts_with("only a title")));
        // Headings under a title, and nothing else: the headings are kept.
        let outline = [
            Block::single(BlockKind::Paragraph, "Country: Peru", Some(1), None),
            Block::single(BlockKind::Heading(1), "Position Paper", Some(2), None),
            Block::single(
                BlockKind::Heading(2),
                "Drug Trafficking Online",
                Some(3),
                None,
            ),
            Block::single(BlockKind::Heading(2), "Proposed Solutions", Some(4), None),
        ];
        let p = parse(&outline, Path::new("peru.html"));
        let texts: Vec<&str> = p.passages.iter().map(|x| x.text.as_str()).collect();
        assert!(texts.contains(&"Proposed Solutions"), "{texts:?}");
        // With no text at all, it still says so.
        let p = parse(&blocks[..1], Path::new("peru.html"));
        assert!(p.passages.is_empty());
        assert_eq!(p.warnings, ["no text found"]);
    }

    #[test]
    fn a_list_item_keeps_the_sentence_that_introduced_it() {
        let text = "Country: Kenya\nCommittee: UNEP\nTopic: Marine Litter\n\n\
            Kenya has fought plastic litter on its coast for a decade.\n\n\
            Kenya banned plastic bags in 2017. Kenya proposes the following measures:\n\n\
            - A regional deposit scheme for bottles and cans sold in the region;\n\n\
            2. A levy on virgin polymers, paid by their producers.\n\n\
            Kenya thanks the chair.\n\n\
            - A list with no introduction\n";
        let p = parse_text(text, "kenya.txt");
        let lead_of = |needle: &str| {
            p.passages
                .iter()
                .find(|x| x.text.contains(needle))
                .unwrap()
                .lead
                .clone()
        };
        let intro = Some("Kenya proposes the following measures:".to_owned());
        assert_eq!(lead_of("deposit scheme"), intro);
        assert_eq!(lead_of("virgin polymers"), intro);
        assert_eq!(lead_of("thanks the chair"), None);
        assert_eq!(lead_of("no introduction"), None);
    }

    #[test]
    fn a_sub_heading_stands_in_the_part_above_it() {
        let text = "Country: Kenya\nCommittee: UNEP\nTopic: Marine Litter\n\n\
            I. Background\n\nKenya banned plastic bags in 2017.\n\n\
            II. Position of Kenya\n\nKenya holds that producers must pay.\n\n\
            A. Regional Cooperation\n\nKenya works with its neighbours on the coast.\n\n\
            III. Proposed Solutions\n\nKenya proposes a fund.\n\n\
            A. A Deposit Scheme\n\nA deposit on every bottle sold in the region.\n\n\
            IV. Conclusion\n\nKenya looks forward to the debate.\n";
        let p = parse_text(text, "kenya.txt");
        let kind_of = |needle: &str| {
            let passage = p.passages.iter().find(|x| x.text.contains(needle)).unwrap();
            p.section_of(passage).map(|s| (s.heading.as_str(), s.kind))
        };
        assert_eq!(
            kind_of("neighbours"),
            Some(("Regional Cooperation", SectionKind::Position))
        );
        assert_eq!(
            kind_of("deposit on every"),
            Some(("A Deposit Scheme", SectionKind::Solutions))
        );
        assert_eq!(
            kind_of("looks forward"),
            Some(("Conclusion", SectionKind::Other))
        );
    }

    #[test]
    fn reference_style_paper() {
        let p = parse_text(REFERENCE_LIKE, "belgium.txt");
        assert_eq!(p.country.name, "Belgium");
        assert_eq!(p.country.iso3.as_deref(), Some("BEL"));
        assert_eq!(p.country.as_written, "Kingdom of Belgium");
        let committee = p.committee.as_ref().unwrap();
        assert_eq!(committee.code, "CND");
        assert_eq!(committee.name, "Commission on Narcotic Drugs");
        assert_eq!(p.topics, vec!["Online Drug Trafficking"]);
        assert_eq!(p.sections.len(), 1);
        assert_eq!(p.sections[0].kind, SectionKind::Bibliography);
        assert_eq!(p.passages.len(), 4);
        assert_eq!(p.passages[0].text, "Belgium has long worked on drugs.");
        assert_eq!(p.passages[0].citations, vec![1]);
        assert_eq!(p.passages[0].line, Some(7));
        assert_eq!(p.passages[0].section, None);
        assert_eq!(p.passages[1].citations, vec![2]);
        assert_eq!(
            p.passages[2].text,
            "Belgium, \"Declaration.\" Declaration, 2010."
        );
        assert!(
            p.passages[3]
                .text
                .ends_with("www.unodc.org/some/long/url.html"),
            "{}",
            p.passages[3].text
        );
        assert_eq!(p.passages[3].topic, "Online Drug Trafficking");
    }

    #[test]
    fn markdown_header_with_title_and_numbered_sections() {
        let p = parse_text(
            "# Position Paper\n\n**Country:** United Mexican States\n**Committee:** CND\n**Topic:** Online Drug Trafficking\nSchool: Colegio X\n\n## 1. Background\n\nMexico has suffered.\n\n## 2. National Position\n\nMexico argues.\n\n## 3. Proposed Solutions\n\nMexico proposes.",
            "mexico.md",
        );
        assert_eq!(p.country.name, "Mexico");
        assert_eq!(p.committee.unwrap().code, "CND");
        assert_eq!(p.title.as_deref(), Some("Position Paper"));
        assert_eq!(
            p.metadata,
            vec![("school".to_owned(), "Colegio X".to_owned())]
        );
        let kinds: Vec<_> = p.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![
                SectionKind::Background,
                SectionKind::Position,
                SectionKind::Solutions
            ]
        );
        assert_eq!(p.passages.len(), 3);
        assert_eq!(p.passages[2].section, Some(2));
    }

    #[test]
    fn multi_topic_papers_tag_passages_with_their_topic() {
        let p = parse_text(
            "Delegation: Plurinational State of Bolivia\nCommittee: CND\nTopic A: Online Drug Trafficking\nTopic B: Alternative Development\n\nTopic A: Online Drug Trafficking\n\nI. Background\n\nDarknet sales.\n\nTopic B: Alternative Development\n\nI. Background\n\nCoca leaf farmers.",
            "x.txt",
        );
        assert_eq!(p.country.name, "Bolivia");
        assert_eq!(
            p.topics,
            vec!["Online Drug Trafficking", "Alternative Development"]
        );
        assert_eq!(p.passages.len(), 2);
        assert_eq!(p.passages[0].topic, "Online Drug Trafficking");
        assert_eq!(p.passages[1].topic, "Alternative Development");
    }

    #[test]
    fn no_header_takes_country_from_file_name_and_committee_from_folder() {
        let p = parse_text(
            "Estonia believes privacy is a right.\n\nMore text here.",
            "hrc/estonia.txt",
        );
        assert_eq!(p.country.name, "Estonia");
        assert_eq!(p.country.source, CountrySource::FileName);
        assert_eq!(p.committee.unwrap().code, "HRC");
        assert_eq!(p.passages.len(), 2);
        let p = parse_text("Some text.", "misc/notes.txt");
        assert_eq!(p.country.name, UNKNOWN);
        assert_eq!(p.warnings.len(), 1);
        // A name written in one word, and a committee named in several.
        let p = parse_text("Water is a right.", "HRC_SaudiArabia_PP.txt");
        assert_eq!(p.country.name, "Saudi Arabia");
        assert_eq!(p.committee.unwrap().code, "HRC");
        let p = parse_text("Water is a right.", "UK - Security Council.txt");
        assert_eq!(p.country.name, "United Kingdom");
        assert_eq!(p.committee.unwrap().code, "UNSC");
        let p = parse_text("Water is a right.", "HumanRightsCouncil-Chile.txt");
        assert_eq!(p.committee.unwrap().code, "HRC");
        // Words that only begin a committee's name name none.
        let p = parse_text("Water is a right.", "human-rights-paper.txt");
        assert!(p.committee.is_none());
    }

    #[test]
    fn a_paper_with_nothing_else_speaks_for_the_country_its_first_sentence_opens_on() {
        let p = parse_text(
            "Saudi Arabia believes that water is a right.\n\nThe Kingdom funds desalination.",
            "paper1.txt",
        );
        assert_eq!(p.country.name, "Saudi Arabia");
        assert_eq!(p.country.source, CountrySource::Opening);
        // Only the first sentence of the first paragraph, and only as its subject.
        for text in [
            "Water is a right.\n\nSaudi Arabia believes so.",
            "Afghanistan and its neighbours share rivers.",
            "Water matters. Saudi Arabia believes so.",
        ] {
            let p = parse_text(text, "paper1.txt");
            assert_eq!(p.country.name, UNKNOWN, "{text}");
        }
        // A file name that names a country wins.
        let p = parse_text("Saudi Arabia believes so.", "chile.txt");
        assert_eq!(p.country.name, "Chile");
        // A letter signed by the delegation.
        let p = parse_text(
            "Honourable Chairs,\n\nWater scarcity affects two billion people.\n\nRespectfully submitted,\nThe Delegation of the Republic of Chile",
            "paper1.txt",
        );
        assert_eq!(p.country.name, "Chile");
        // A closing paragraph of prose that thanks another delegation is no signature.
        let p = parse_text(
            "Water scarcity affects two billion people.\n\nWe thank the delegation of France for its tireless work on the draft resolution before this committee.",
            "paper1.txt",
        );
        assert_eq!(p.country.name, UNKNOWN);
    }

    #[test]
    fn a_title_can_give_the_country_and_a_table_can_hold_the_header() {
        let p = parse_text("Position Paper of the Republic of Chile\n\nCommittee: DISEC\n\nChile supports a treaty.", "paper1.txt");
        assert_eq!(p.country.name, "Chile");
        assert_eq!(p.country.source, CountrySource::Title);
        let blocks = vec![
            Block::single(
                BlockKind::TableRow,
                "Country | Kingdom of Belgium",
                None,
                None,
            ),
            Block::single(BlockKind::TableRow, "Committee: | CND", None, None),
            Block::single(
                BlockKind::TableRow,
                "Topic | Online Drug Trafficking",
                None,
                None,
            ),
            Block::single(
                BlockKind::Paragraph,
                "Belgium supports a task force.",
                None,
                None,
            ),
        ];
        let p = parse(&blocks, Path::new("x.docx"));
        assert_eq!(p.country.name, "Belgium");
        assert_eq!(p.committee.unwrap().code, "CND");
        assert_eq!(p.topics, vec!["Online Drug Trafficking"]);
        assert_eq!(p.passages.len(), 1);
    }

    #[test]
    fn a_memo_addressed_to_a_person_names_no_committee() {
        let p = parse_text(
            "To: Ms. Jane Roe, Faculty Advisor\nFrom: The Republic of Chile\nRe: Water\n\nChile protects water.",
            "paper1.txt",
        );
        assert_eq!(p.country.name, "Chile");
        assert!(p.committee.is_none(), "{:?}", p.committee);
        assert_eq!(p.topics, ["Water"]);
    }

    #[test]
    fn delegation_titles_memos_and_dashed_titles_name_their_fields() {
        let body = "\n\nThe government supports a binding framework with funding for developing countries.";
        for (head, country, committee, topic) in [
            (
                "The Delegation of the Federal Republic of Nigeria to the World Health Organization\nTopic: Antimicrobial resistance",
                "Nigeria",
                "WHO",
                "Antimicrobial resistance",
            ),
            (
                "Position Paper of the Delegation of Japan to the Security Council\nTopic: Peacekeeping",
                "Japan",
                "UNSC",
                "Peacekeeping",
            ),
            (
                "Delegation from: Japan\nRepresented by: Hokuto High School\nPosition Paper for the Security Council on Peacekeeping in the Sahel",
                "Japan",
                "UNSC",
                "Peacekeeping in the Sahel",
            ),
            (
                "Submitted to: The Security Council\nFrom: The Delegation of the Republic of Chile\nSubject: Climate and security",
                "Chile",
                "UNSC",
                "Climate and security",
            ),
            (
                "MEMORANDUM\n\nTO: The Chair of the Human Rights Council\nFROM: The Republic of Chile\nRE: Indigenous water rights\nDATE: 3 March 2025",
                "Chile",
                "HRC",
                "Indigenous water rights",
            ),
            (
                "Position Paper — Republic of India — UNHRC\nTopic: Freedom of expression online",
                "India",
                "HRC",
                "Freedom of expression online",
            ),
            (
                "Country – Belgium\nCommittee - Commission on Narcotic Drugs\nTopic\tOnline drug trafficking",
                "Belgium",
                "CND",
                "Online drug trafficking",
            ),
            (
                "Belgium\nPosition Paper\nCommission on Narcotic Drugs\nTopic: Online drug trafficking",
                "Belgium",
                "CND",
                "Online drug trafficking",
            ),
            (
                "Belgium — CND\nOnline drug trafficking",
                "Belgium",
                "CND",
                "Online drug trafficking",
            ),
            (
                "Position Paper for the Security Council - Peacekeeping in the Sahel\nCountry: Ghana",
                "Ghana",
                "UNSC",
                "Peacekeeping in the Sahel",
            ),
            (
                "Question of: Private military companies\nForum: Disarmament and International Security Committee\nSubmitted by: Republic of Ghana",
                "Ghana",
                "DISEC",
                "Private military companies",
            ),
            (
                "United Nations Office on Drugs and Crime\nTopic: Synthetic opioids\nRepresented by: United Mexican States",
                "Mexico",
                "UNODC",
                "Synthetic opioids",
            ),
            (
                "HUMAN RIGHTS COUNCIL\nPOSITION PAPER\nDELEGATION: REPUBLIC OF SOUTH AFRICA\nTOPIC: The right to water",
                "South Africa",
                "HRC",
                "The right to water",
            ),
            (
                "Position Paper\nSecurity Council\nThe Situation in Haiti\nSubmitted by the Dominican Republic",
                "Dominican Republic",
                "UNSC",
                "The Situation in Haiti",
            ),
            (
                "País: México\nComité: UNICEF\nTema: Trabajo infantil",
                "Mexico",
                "UNICEF",
                "Trabajo infantil",
            ),
            (
                "Name: Alex Kim\nCountry Represented: Kenya\nCommittee Name: UNEP\nTopic Title: Plastic pollution",
                "Kenya",
                "UNEP",
                "Plastic pollution",
            ),
            (
                "Country:\nBelgium\nCommittee:\nCommission on Narcotic Drugs\nTopic:\nOnline drug trafficking",
                "Belgium",
                "CND",
                "Online drug trafficking",
            ),
            (
                "Country:\n\nSweden\n\nCommittee:\n\nUNEP\n\nTopic:\n\nMarine litter",
                "Sweden",
                "UNEP",
                "Marine litter",
            ),
            (
                "Country: Austria\nCommittee: CND – Commission on Narcotic Drugs\nTopic: A: Online drug trafficking",
                "Austria",
                "CND",
                "Online drug trafficking",
            ),
            (
                "Republic of Korea\nLincoln High School\nJane Doe, John Roe\nDisarmament and International Security Committee\nNuclear Non-Proliferation",
                "South Korea",
                "DISEC",
                "Nuclear Non-Proliferation",
            ),
            (
                "Mexico\nColegio Americano\nUnited Nations Human Rights Council\nThe Rights of Migrants",
                "Mexico",
                "HRC",
                "The Rights of Migrants",
            ),
            (
                "Delegate Name: Sam Lee\nPosition: France\nCommittee: UNESCO\nTopic: Heritage in conflict zones",
                "France",
                "UNESCO",
                "Heritage in conflict zones",
            ),
            (
                "Name: Ana Diaz\nCharacter: Minister of Defence of Brazil\nCommittee: Joint Crisis Committee\nTopic: The northern border",
                "Brazil",
                "JCC",
                "The northern border",
            ),
            (
                "Country: The Netherlands\nCommittee: International Court of Justice (ICJ)\nCase: Obligations of States in respect of Climate Change",
                "Netherlands",
                "ICJ",
                "Obligations of States in respect of Climate Change",
            ),
            (
                "Canada's Position on Antimicrobial Resistance\nWorld Health Organization",
                "Canada",
                "WHO",
                "Antimicrobial Resistance",
            ),
            (
                "ECOFIN | Republic of India | Topic: Sovereign debt restructuring",
                "India",
                "ECOFIN",
                "Sovereign debt restructuring",
            ),
        ] {
            let p = parse_text(&format!("{head}{body}"), "paper.txt");
            assert_eq!(p.country.name, country, "{head}");
            assert_eq!(p.committee.as_ref().map(|c| c.code.as_str()), Some(committee), "{head}");
            assert_eq!(p.topics, vec![topic], "{head}");
            assert_eq!(p.passages.len(), 1, "{head}: {:?}", p.passages);
        }
        // A sentence that opens with a label's word and a dash is not a field.
        let p = parse_text(&format!("Country: Peru\nCommittee: UNEP\nTopic - wise, the debate has moved on since the last session of the Assembly.{body}"), "paper.txt");
        assert_eq!(p.topics, Vec::<String>::new());
        assert!(
            p.passages
                .iter()
                .any(|x| x.text.contains("the debate has moved on")),
            "{:?}",
            p.passages
        );
        // A sender who is a person, or a school that submitted it, is no country.
        for sender in ["From: Maria Lopez", "Submitted by: Lincoln High School"] {
            let p = parse_text(
                &format!("{sender}\nCountry: Peru\nCommittee: UNEP{body}"),
                "paper.txt",
            );
            assert_eq!(p.country.name, "Peru", "{sender}");
        }
        // "Position:" over a short line titles a part of the body; it is no field.
        let p = parse_text(
            "Country: Denmark\nCommittee: UNEP\nTopic: Marine litter\n\nPosition:\nDenmark supports a binding treaty\n\nDenmark funds the cleaning of harbours and asks every coastal state to publish its data.",
            "paper.txt",
        );
        assert!(
            p.passages
                .iter()
                .any(|x| x.text.contains("supports a binding treaty")),
            "{:?}",
            p.passages
        );
    }

    #[test]
    fn a_paper_with_no_header_speaks_for_the_delegation_its_opening_names() {
        let p = parse_text(
            "The Delegation of the Republic of Japan is honoured to serve on the Commission on Narcotic Drugs this year.\n\nJapan has fought synthetic drug markets for decades and asks for more cooperation.",
            "paper1.txt",
        );
        assert_eq!(p.country.name, "Japan");
        assert_eq!(p.country.source, CountrySource::Opening);
        assert_eq!(p.committee.as_ref().map(|c| c.code.as_str()), Some("CND"));
        let p = parse_text(
            "The Delegation of Japan is honoured to address the topic of synthetic drug markets.\n\nJapan has fought these markets for decades.",
            "paper1.txt",
        );
        assert_eq!(p.topics, vec!["synthetic drug markets"]);
        // The file name comes first; a state named in passing, or a body named
        // outside the delegation's own sentence, is not the paper's.
        let p = parse_text(
            "The Delegation of Japan is honoured to take part.\n\nThe Security Council has met on this twice.",
            "peru-paper.txt",
        );
        assert_eq!(p.country.name, "Peru");
        assert!(p.committee.is_none(), "{:?}", p.committee);
        let p = parse_text(
            "Our delegation has studied the reports of the delegation of experts.\n\nFrance and Chile agree.",
            "paper2.txt",
        );
        assert_eq!(p.country.name, UNKNOWN);
    }

    #[test]
    fn a_line_naming_a_listed_topic_opens_its_part() {
        let p = parse_text(
            "Country: Germany\nCommittee: UNEP\nTopics: Plastic pollution; Air quality\n\nPlastic pollution\n\nGermany bans single-use bags and funds the collection of nets.\n\nAir quality\n\nGermany asks for shared monitoring of fine particles across borders.\n",
            "paper.txt",
        );
        assert_eq!(p.topics, vec!["Plastic pollution", "Air quality"]);
        let read: Vec<(&str, &str)> = p
            .passages
            .iter()
            .map(|x| (x.topic.as_str(), x.text.as_str()))
            .collect();
        assert_eq!(
            read,
            vec![
                (
                    "Plastic pollution",
                    "Germany bans single-use bags and funds the collection of nets."
                ),
                (
                    "Air quality",
                    "Germany asks for shared monitoring of fine particles across borders."
                ),
            ]
        );
        // A sentence that happens to name a topic stays a passage.
        let p = parse_text(
            "Country: Germany\nCommittee: UNEP\nTopics: Plastic pollution; Air quality\n\nPlastic pollution.\n\nGermany bans single-use bags.\n",
            "paper.txt",
        );
        assert!(
            p.passages.iter().any(|x| x.text == "Plastic pollution."),
            "{:?}",
            p.passages
        );
    }

    #[test]
    fn topics_numbered_in_roman_or_digits_open_their_part() {
        let body = "Bangladesh has long worked with its neighbours on this question and asks for more support from the Fund.";
        for (first, second) in [
            (
                "Topic I: Child marriage",
                "Topic II: Education in emergencies",
            ),
            (
                "Topic 1 - Child marriage",
                "Topic 2 - Education in emergencies",
            ),
            (
                "Topic A. Child marriage",
                "Topic B. Education in emergencies",
            ),
        ] {
            let p = parse_text(
                &format!("Country: Bangladesh\nCommittee: UNICEF\n{first}\n\n{body}\n\n{second}\n\n{body} Schools in camps come first."),
                "paper.txt",
            );
            assert_eq!(
                p.topics,
                vec!["Child marriage", "Education in emergencies"],
                "{first}"
            );
            let last = p.passages.last().unwrap();
            assert!(last.text.contains("camps"), "{:?}", p.passages);
            assert_eq!(last.topic, "Education in emergencies", "{second}");
            assert_eq!(p.sections[last.section.unwrap()].heading, second);
        }
    }

    #[test]
    fn non_state_entities_are_kept_as_written() {
        let p = parse_text(
            "Delegation: European Union\nCommittee: UNEA\n\nText.",
            "eu.txt",
        );
        assert_eq!(p.country.name, "European Union");
        assert_eq!(p.country.iso3, None);
    }
}
