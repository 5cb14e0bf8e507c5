//! The body of a paper: which blocks are headings (and of what kind of section), how
//! paragraphs become passages (hard wraps joined, line-break hyphens healed, long
//! paragraphs split at sentence ends), and citation markers.

use super::blocks::{is_bullet, Block, BlockKind};
use serde::{Deserialize, Serialize};

/// A passage stays readable: paragraphs longer than this are split at sentence ends.
pub const MAX_PASSAGE_WORDS: usize = 120;

/// The normalised kind of a section, from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Background,
    Position,
    Solutions,
    Bibliography,
    Other,
}

impl SectionKind {
    pub const ALL: [SectionKind; 5] = [
        SectionKind::Background,
        SectionKind::Position,
        SectionKind::Solutions,
        SectionKind::Bibliography,
        SectionKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Background => "background",
            SectionKind::Position => "position",
            SectionKind::Solutions => "solutions",
            SectionKind::Bibliography => "bibliography",
            SectionKind::Other => "other",
        }
    }

    /// Parses what a user types after `--section` or `section:`; accepts the kind
    /// names and a few synonyms ("policy", "refs").
    pub fn parse(s: &str) -> Option<SectionKind> {
        let s = s.trim().to_lowercase();
        SectionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .or_else(|| Some(kind_of_heading(&s)).filter(|k| *k != SectionKind::Other))
    }
}

/// Classifies a heading by its words.
pub fn kind_of_heading(heading: &str) -> SectionKind {
    let h = heading.to_lowercase();
    if h.contains("position paper") {
        // A title ("Position Paper on ..."), not the country's position section.
        return SectionKind::Other;
    }
    // Keywords match at the start of a word: "national" is not in "international".
    let has = |words: &[&str]| {
        words.iter().any(|w| {
            h.match_indices(w)
                .any(|(i, _)| i == 0 || !h[..i].ends_with(|c: char| c.is_alphanumeric()))
        })
    };
    // Sections about the past or the country's record, whatever other words they hold.
    if has(&[
        "about the country",
        "country profile",
        "country background",
        "past ",
        "experience",
        "record",
        "situation",
        "facts",
        "history",
    ]) && !has(&["solution", "recommend", "proposal"])
    {
        return SectionKind::Background;
    }
    if has(&["legal authorities", "authorities cited", "further reading"]) {
        return SectionKind::Bibliography;
    }
    if has(&["relief sought", "requests", "way ahead", "next steps"]) {
        return SectionKind::Solutions;
    }
    if has(&["arguments", "actions", "contribution", "commitment"]) {
        return SectionKind::Position;
    }
    if has(&[
        "bibliograph",
        "works cited",
        "reference",
        "sources",
        "citations",
        "endnotes",
        "footnotes",
        "notes",
        "works consulted",
        "refs",
    ]) {
        SectionKind::Bibliography
    } else if has(&[
        "solution",
        "recommend",
        "proposal",
        "proposed",
        "way forward",
        "suggest",
        "plan of action",
        "measures",
        "action plan",
        "resolution",
    ]) {
        SectionKind::Solutions
    } else if has(&[
        "position",
        "policy",
        "policies",
        "stance",
        "view",
        "national",
        "country",
        "perspective",
        "involvement",
        "stand",
        "approach",
        "our approach",
        "domestic",
    ]) {
        SectionKind::Position
    } else if has(&[
        "background",
        "introduction",
        "history",
        "overview",
        "context",
        "problem",
        "past action",
        "international action",
        "un action",
        "current situation",
        "topic",
    ]) {
        SectionKind::Background
    } else {
        SectionKind::Other
    }
}

/// Words that, alone or nearly alone on a line, make it a heading in plain text.
const HEADING_WORDS: &[&str] = &[
    "background",
    "introduction",
    "history",
    "overview",
    "position",
    "policy",
    "solutions",
    "solution",
    "recommendations",
    "proposals",
    "bibliography",
    "works cited",
    "references",
    "sources",
    "conclusion",
    "summary",
    "notes",
];

/// A heading recognised in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Heading {
    /// A section heading, its text without numbering or decoration.
    Section(String),
    /// "Topic A: Online Drug Trafficking" inside a multi-topic paper.
    Topic(char, String),
}

/// Decides whether a block is a heading; returns its clean text.
pub fn heading_of(block: &Block) -> Option<Heading> {
    // No heading runs this long, whatever the format says; counting on the lines
    // spares joining a block that may hold a whole book.
    const LONGEST_HEADING_WORDS: usize = 60;
    let long = block
        .lines
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .nth(LONGEST_HEADING_WORDS)
        .is_some();
    if long {
        return None;
    }
    let text: String = block
        .lines
        .iter()
        .map(|l| l.text.trim())
        .collect::<Vec<_>>()
        .join(" ");
    let raw = text.trim();
    if raw.is_empty() {
        return None;
    }
    if let Some(topic) = topic_heading(raw) {
        return Some(topic);
    }
    let words = raw.split_whitespace().count();
    let decided = match block.kind {
        BlockKind::Heading(_) => true,
        BlockKind::BoldParagraph => words <= 14 && !is_salutation(raw) && !is_emphasis(raw),
        BlockKind::Paragraph => {
            block.lines.len() == 1
                && looks_like_heading(raw, words)
                && !is_salutation(raw)
                && !is_emphasis(raw)
        }
        BlockKind::ListItem | BlockKind::Note | BlockKind::TableRow | BlockKind::Margin => false,
    };
    decided
        .then(|| Heading::Section(clean_heading(raw)))
        .filter(|h| match h {
            Heading::Section(s) => !s.is_empty(),
            Heading::Topic(..) => true,
        })
}

fn topic_heading(raw: &str) -> Option<Heading> {
    let clean = raw
        .trim_start_matches('#')
        .replace("**", "")
        .replace("__", "");
    let clean = clean.trim();
    let lower = clean.to_lowercase();
    // Not "Issue 1:", which opens a point of a list as often as a topic.
    if !["topic ", "agenda item "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return None;
    }
    // "Topic A:", "Topic 2 -", "Topic II.": the label ends at its separator.
    let sep = clean.find([':', '-', '–', '—', '.'])?;
    let label = clean[..sep].trim().to_lowercase();
    let letter = crate::paper::header::topic_letter(&label)?;
    let title_start = clean[sep..].strip_prefix([':', '-', '–', '—', '.'])?;
    if !letter.is_ascii_alphanumeric() || clean.split_whitespace().count() > 16 {
        return None;
    }
    let offset = clean.len() - title_start.len();
    let title = clean[offset..].trim().trim_matches('*').trim();
    Some(Heading::Topic(letter, title.to_owned()))
}

/// A form of address or a greeting said to the room ("Mr. President", "Excellencies",
/// "Ladies and gentlemen:", "Distinguished delegates", "Peace be upon you all."):
/// speeches put one on a line of its own between parts, and it is never the title
/// of what follows.
pub(crate) fn is_salutation(raw: &str) -> bool {
    let lower = raw
        .trim_matches(['*', '_', '#', ' '])
        .trim_end_matches([':', '!', ',', '.', ';', '…', ' ', '*', '_'])
        .to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    const TITLES: &[&str] = &[
        "mr", "mr.", "mister", "madam", "madame", "mrs", "mrs.", "ms", "ms.",
    ];
    const OFFICES: &[&str] = &[
        "president",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "co-chair",
        "co-chairs",
        "secretary",
        "secretary-general",
        "vice-president",
        "moderator",
        "speaker",
    ];
    const MODIFIERS: &[&str] = &[
        "distinguished",
        "dear",
        "esteemed",
        "honourable",
        "honorable",
        "fellow",
        "excellent",
    ];
    const AUDIENCES: &[&str] = &[
        "delegates",
        "delegations",
        "colleagues",
        "guests",
        "friends",
        "participants",
        "representatives",
        "members",
        "leaders",
        "ministers",
        "ambassadors",
        "chair",
        "president",
        "mr",
        "mr.",
        "madam",
    ];
    let first = words[0];
    let second = words.get(1).copied().unwrap_or("");
    (TITLES.contains(&first) && OFFICES.iter().any(|o| second.trim_end_matches(',') == *o))
        || (MODIFIERS.contains(&first) && AUDIENCES.contains(&second.trim_end_matches(',')))
        // "Excellencies", "Excellencies, heads of State": alone, or opening a list
        // of addressees ("Excellence in Education" is a title).
        || (["excellency", "excellencies", "excellence"].contains(&first.trim_end_matches(','))
            && (words.len() == 1 || first.ends_with(',')))
        || ["your excellenc", "your majest", "your highness", "your royal highness"]
            .iter()
            .any(|p| lower.starts_with(p))
        || lower.starts_with("ladies and gentlemen")
        || GREETINGS.iter().any(|g| lower.starts_with(g))
}

/// A sentence set in bold for weight ("**I choose humanity.**", "**Democracy is
/// simply non-negotiable.**"), or a line that runs on into the next ("Finally…"):
/// neither titles what follows. A sentence in Title Case, with numbering or naming
/// a part of a paper ("Statement of Policy.", "I. Background.", "Past
/// international action.") is still read as a heading.
fn is_emphasis(raw: &str) -> bool {
    let plain = raw.trim_matches(['*', '_', ' ']);
    let plain = plain.trim_end_matches(['"', '\'', '”', '’', ')']);
    if plain.ends_with('…') || plain.ends_with("...") {
        return true;
    }
    let sentence = plain.ends_with(['.', '!', '?']);
    let numbered = strip_numbering(plain).len() < plain.len();
    let bare = plain.trim_end_matches(['.', '!', '?']);
    sentence
        && !numbered
        && plain.split_whitespace().count() >= 3
        && !is_title_case(bare)
        && kind_of_heading(bare) == SectionKind::Other
}

/// Greetings and thanks a speech says on a line of its own.
const GREETINGS: &[&str] = &[
    "peace be upon you",
    "may peace be upon you",
    "assalamu alaikum",
    "as-salamu alaykum",
    "good morning",
    "good afternoon",
    "good evening",
    "thank you",
    "i thank you",
    "many thanks",
];

/// Whether `first`, the first line of a run of plain lines, is a heading set directly
/// over its paragraph with no blank line between ("Background" over "Since the
/// withdrawal of ..."): a short line that reads as a heading, not a greeting, much
/// shorter than the line under it, which opens a sentence of some length (a header's
/// lines, "Belgium" over "Position Paper", stay together). The first line of a
/// wrapped paragraph runs nearly as wide as the next, and the next goes on with its
/// sentence.
pub(crate) fn heads_paragraph(first: &str, next: &str) -> bool {
    // "First:", "Finally," over a paragraph count its points; they title nothing.
    const CONNECTIVES: &[&str] = &[
        "first",
        "firstly",
        "second",
        "secondly",
        "third",
        "thirdly",
        "fourth",
        "fourthly",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "next",
        "then",
        "also",
        "finally",
        "lastly",
        "moreover",
        "furthermore",
        "additionally",
        "however",
        "therefore",
        "thus",
        "indeed",
        "besides",
        "likewise",
        "similarly",
        "meanwhile",
        "conclusion",
        "in conclusion",
        "to conclude",
        "in closing",
        "in summary",
    ];
    let (raw, next) = (first.trim(), next.trim());
    // Asked of every block of two lines or more, whose lines may be a book long: the
    // cheap, bounded tests first.
    // A line set wholly in bold titles what follows however short the line under it
    // ("**Artificial Intelligence and Beyond**" over "Dear colleagues,").
    let bold = bold_title(raw);
    if raw.split_whitespace().nth(6).is_some()
        || (!bold && next.split_whitespace().nth(7).is_none())
    {
        return false;
    }
    let words = raw.split_whitespace().count();
    // The line under it is at least 5/3 as long.
    let under = (raw.chars().count() * 5).div_ceil(3);
    let bare = raw
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // Words spread by tabs are a justified line of text copied from a PDF ("59.\tAt
    // \tthe \tInternational \tDevelopment"), however few its characters.
    !CONNECTIVES.contains(&bare.as_str())
        && raw.matches('\t').count() < 2
        && words >= 1
        && !raw.ends_with(['-', '‐', '‑'])
        && (bold || under == 0 || next.chars().nth(under - 1).is_some())
        && next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && looks_like_heading(raw, words)
        && !is_salutation(raw)
        && !is_emphasis(raw)
}

/// A line wholly in bold ("**Title**", "__Title__") that ends with no stop.
fn bold_title(raw: &str) -> bool {
    ["**", "__"].iter().any(|m| {
        raw.strip_prefix(m)
            .and_then(|r| r.strip_suffix(m))
            .is_some_and(|inner| {
                !inner.contains(m)
                    && !inner.trim().is_empty()
                    && !inner.trim_end().ends_with(['.', '!', '?', ':', ';', ','])
            })
    })
}

/// A section's name alone, as papers title their parts: "Background", "II. COUNTRY
/// POLICY", "Past International Action:", "Works Cited", "B. Position of the
/// Government" — at most five words in Title Case or capitals, naming a kind of
/// section, with no sentence in it. A trailing colon or full stop is allowed.
pub(crate) fn section_label(line: &str) -> bool {
    const SMALL_ENDS: &[&str] = &["of", "the", "and", "on", "for", "to", "in", "a", "an", "&"];
    let t = line.trim();
    let t = t
        .strip_suffix(':')
        .or_else(|| t.strip_suffix('.'))
        .unwrap_or(t)
        .trim_end();
    // Cheap bounds first: asked of many lines.
    if t.is_empty() || t.len() > 60 || t.split_whitespace().nth(6).is_some() {
        return false;
    }
    let core = strip_numbering(t).trim();
    let words = core.split_whitespace().count();
    (1..=5).contains(&words)
        && starts_upper(core)
        && !core.contains(['.', ',', ';', '?', '!', '"', '“', '”', ':'])
        && !core
            .split_whitespace()
            .last()
            .is_some_and(|w| SMALL_ENDS.contains(&w.to_lowercase().as_str()))
        && is_title_case(core)
        && kind_of_heading(core) != SectionKind::Other
        && !is_salutation(core)
}

fn looks_like_heading(raw: &str, words: usize) -> bool {
    if raw.starts_with('#') {
        return true;
    }
    if words == 0 || words > 14 || is_bullet(raw) {
        return false;
    }
    let stripped = raw.trim_end_matches(':');
    if (stripped.starts_with("**") && stripped.ends_with("**") && stripped.len() > 4)
        || (stripped.starts_with("__") && stripped.ends_with("__") && stripped.len() > 4)
    {
        return true;
    }
    let ends_like_sentence =
        raw.ends_with(['.', ',', ';', '?', '!', '"', '”']) && !raw.ends_with("..");
    if ends_like_sentence {
        return false;
    }
    let unnumbered = strip_numbering(raw);
    let numbered = unnumbered.len() < raw.len();
    // "I. Assistance to States for curbing the illicit traffic in small arms and
    // light weapons": Roman-numbered headings carry long agenda titles.
    let roman = numbered
        && raw.split_whitespace().next().is_some_and(|t| {
            t.trim_end_matches(['.', ')', ':'])
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X'))
        });
    let lower = raw.to_lowercase();
    let names_section = HEADING_WORDS.iter().any(|w| lower.contains(w)) && words <= 8;
    let letters: Vec<char> = raw.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase()) && words <= 12;
    let titled_section =
        words <= 6 && is_title_case(raw) && kind_of_heading(raw) != SectionKind::Other;
    // "Proposed solutions:", "Colombia's experience:": a short label line ending in
    // a colon.
    // "Qatar's record", "Fiji's Experience": a country's something, alone on a line.
    let possessive = words <= 4
        && raw.split_once(['\'', '’']).is_some_and(|(who, rest)| {
            rest.starts_with("s ") && super::countries::lookup(who).is_some()
        });
    // "Statements in the Assembly": a short line in Title Case. One word alone
    // ("Nuclear", "Cuba", "Climate") titles a speech's part when it is a word of some
    // length, capitalised, with nothing but letters.
    let titled = words <= 5 && is_title_case(raw) && words >= 2;
    const NOT_TITLES: &[&str] = &[
        "thanks",
        "sincerely",
        "respectfully",
        "regards",
        "colleagues",
        "friends",
        "amen",
        "signed",
        "signature",
        "date",
        "delegate",
        "delegation",
    ];
    let one_word = words == 1
        && starts_upper(raw)
        && raw.chars().count() >= 4
        && raw.chars().all(|c| c.is_alphabetic() || c == '-')
        && !NOT_TITLES.contains(&lower.as_str());
    let label = raw.ends_with(':')
        && words <= 4
        && starts_upper(unnumbered)
        && (is_title_case(raw) || kind_of_heading(raw) != SectionKind::Other);
    (numbered && words <= 10 && starts_upper(unnumbered))
        || (roman && words <= 24 && starts_upper(unnumbered))
        || names_section
        || shouting
        || titled_section
        || label
        || possessive
        || titled
        || one_word
}

/// "Way Forward", "India's Stand", "Position of the Republic of Chile": every word
/// capitalised except short joining words.
pub(super) fn is_title_case(s: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "and", "on", "for", "to", "in", "a", "an", "at", "by", "&",
    ];
    let s = s.trim_end_matches(':');
    s.split_whitespace().all(|w| {
        SMALL.contains(&w)
            || w.starts_with(|c: char| {
                c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric()
            })
    })
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Removes "I.", "IV)", "2.", "2.1", "A." numbering at the start of a heading.
pub fn strip_numbering(s: &str) -> &str {
    let s = s.trim_start();
    let token_end = s.find([' ', '\t']).unwrap_or(s.len());
    let token = &s[..token_end];
    let core = token.trim_end_matches(['.', ')', ':']);
    if core.len() == token.len() || core.is_empty() {
        return s;
    }
    let roman = core
        .chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        && core.len() <= 5;
    let digits = core.chars().all(|c| c.is_ascii_digit() || c == '.') && core.len() <= 6;
    let letter = core.len() == 1 && core.chars().all(|c| c.is_ascii_uppercase());
    if roman || digits || letter {
        s[token_end..].trim_start()
    } else {
        s
    }
}

fn clean_heading(raw: &str) -> String {
    let no_hash = raw.trim_start_matches('#').trim();
    let no_stars = no_hash.replace("**", "").replace("__", "");
    let no_stars = no_stars
        .trim_matches(['*', '_', ' '])
        .trim_end_matches(':')
        .trim();
    strip_numbering(no_stars).trim().to_owned()
}

/// A paragraph's text ready to be indexed, with the citation numbers taken out of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CleanText {
    pub text: String,
    pub citations: Vec<u32>,
}

/// Joins hard-wrapped lines into one paragraph. A line ending in a hyphen after a
/// letter, followed by a line starting with a lower-case letter, is a word the line
/// break split: the halves are joined without the hyphen. Returns the text and, for
/// each input line, the byte offset where it starts in the text.
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> (String, Vec<usize>) {
    let mut out = String::new();
    let mut starts = Vec::new();
    let mut healing = false;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            starts.push(out.len());
            continue;
        }
        if !out.is_empty() && !healing {
            out.push(' ');
        }
        if healing {
            let lower = line.starts_with(|c: char| c.is_lowercase());
            let alnum = line.starts_with(|c: char| c.is_alphanumeric());
            if !alnum {
                // The next line does not continue a word: the hyphen was a dash.
                out.push('-');
                out.push(' ');
            } else if !lower || keeps_hyphen(&out, line) {
                // "Non-" + "Proliferation", "weapon-" + "free", "COVID-" + "19": a
                // hyphenated word the line break fell in.
                out.push('-');
            }
        }
        starts.push(out.len());
        healing = false;
        if let Some(head) = line.strip_suffix('-') {
            if head.ends_with(|c: char| c.is_alphabetic()) && !head.ends_with(" -") {
                out.push_str(head);
                healing = true;
                continue;
            }
        }
        out.push_str(line);
    }
    if healing {
        out.push('-');
    }
    (out, starts)
}

/// Whether "head-" at a line end and "tail" on the next line form a hyphenated
/// compound ("weapon-free", "non-state", "self-defence", "UN-led") rather than one
/// word the line break split ("weap-" "ons").
fn keeps_hyphen(before: &str, next_line: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "non",
        "anti",
        "self",
        "cross",
        "co",
        "ex",
        "well",
        "long",
        "short",
        "mid",
        "full",
        "part",
        "half",
        "high",
        "low",
        "large",
        "small",
        "all",
        "far",
        "state",
        "post",
        "pre",
        "multi",
        "inter",
        "intra",
        "counter",
        "socio",
        "sub",
        "semi",
        "quasi",
        "de",
        "re",
        "un",
        "eco",
        "bio",
        "cyber",
        "peace",
        "war",
        "cease",
        "one",
        "two",
        "three",
        "first",
        "second",
        "third",
        "top",
        "mass",
        "on",
        "off",
        "up",
        "fact",
        "decision",
        "policy",
        "nation",
        "capacity",
        "confidence",
        "trust",
        "gender",
        "evidence",
        "community",
        "science",
        "rights",
        "market",
        "government",
        "country",
        "sector",
        "region",
        "donor",
        "women",
        "youth",
        "child",
        "human",
        "climate",
        "nature",
        "risk",
        "nuclear",
        "weapon",
        "drug",
        "rule",
        "land",
        "sea",
        "air",
        "space",
        "health",
        "water",
        "food",
        "energy",
        "data",
        "time",
        "case",
        "life",
        "mine",
        "arms",
    ];
    const SUFFIXES: &[&str] = &[
        "free",
        "based",
        "led",
        "related",
        "wide",
        "term",
        "scale",
        "level",
        "friendly",
        "oriented",
        "specific",
        "sensitive",
        "making",
        "building",
        "keeping",
        "bound",
        "owned",
        "funded",
        "driven",
        "run",
        "borne",
        "affected",
        "generated",
        "sponsored",
        "like",
        "income",
        "centred",
        "centered",
        "focused",
        "responsive",
        "resilient",
        "intensive",
        "saving",
        "sharing",
        "up",
        "in",
        "out",
        "off",
        "down",
        "over",
        "time",
        "year",
        "party",
        "state",
        "states",
        "country",
        "countries",
        "violence",
        "proliferation",
        "military",
        "governmental",
        "discrimination",
        "trafficking",
        "operation",
        "operations",
        "development",
        "conflict",
        "colonial",
        "nuclear",
        "weapon",
        "weapons",
        "way",
        "ended",
        "binding",
        "led",
        "looking",
        "lasting",
        "standing",
        "reaching",
        "known",
        "armed",
        "general",
    ];
    let head: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail: String = next_line
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let head_lower = head.to_lowercase();
    // "UN-led": an acronym before the hyphen.
    let acronym =
        head.chars().count() >= 2 && head.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
    acronym
        || PREFIXES.contains(&head_lower.as_str())
        || SUFFIXES.contains(&tail.to_lowercase().as_str())
}

/// Takes citation markers out of a paragraph: `<sup>[3]</sup>`, `<sup>3</sup>`,
/// `[3]`, `[3, 4]`, `[3-5]`. Also drops Markdown emphasis and list bullets, which
/// are decoration in a plain-text paper.
pub fn clean_paragraph(text: &str) -> CleanText {
    let mut citations = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = strip_prefix_ci(rest, "<sup>") {
            if let Some(end) = find_ci(after, "</sup>") {
                let inner = &after[..end];
                let nums =
                    citation_numbers(inner.trim().trim_start_matches('[').trim_end_matches(']'));
                if let Some(nums) = nums {
                    citations.extend(nums);
                    rest = &after[end + "</sup>".len()..];
                    continue;
                }
                out.push_str(inner);
                rest = &after[end + "</sup>".len()..];
                continue;
            }
        }
        if rest.starts_with('[') {
            if let Some(end) = rest.find(']') {
                if let Some(nums) = citation_numbers(&rest[1..end]) {
                    citations.extend(nums);
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        let ch = rest.chars().next().unwrap_or(' ');
        // Superscript footnote marks: "weapons.¹ Canada", "States²³".
        if let Some(d) = superscript_digit(ch) {
            let mut n = d;
            let mut len = ch.len_utf8();
            for c in rest[len..].chars() {
                match superscript_digit(c) {
                    Some(d) if n < 100 => {
                        n = n * 10 + d;
                        len += c.len_utf8();
                    }
                    _ => break,
                }
            }
            if n > 0 {
                citations.push(n);
            }
            rest = &rest[len..];
            continue;
        }
        // A footnote number a PDF set as plain digits after a full stop:
        // "in 2019.3 The delegation" (a letter or bracket before the stop, a capital after).
        if ch == '.' && out.ends_with(|c: char| c.is_alphabetic() || c == ')') {
            let digits = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
            let after = &rest[1 + digits..];
            let next_is_sentence = after.is_empty()
                || (after.starts_with(' ')
                    && after.trim_start().starts_with(|c: char| c.is_uppercase()));
            if (1..=2).contains(&digits) && next_is_sentence {
                if let Ok(n) = rest[1..1 + digits].parse::<u32>() {
                    citations.push(n);
                }
                out.push('.');
                rest = after;
                continue;
            }
        }
        out.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    let mut text = strip_emphasis(out.trim());
    if is_bullet(&text) {
        text = text
            .chars()
            .skip(2)
            .collect::<String>()
            .trim_start()
            .to_owned();
    }
    // Removing a marker can leave "word ." or double spaces behind.
    let text = tidy_spaces(&text);
    citations.sort_unstable();
    citations.dedup();
    CleanText { text, citations }
}

fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    (s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix))
    .then(|| &s[prefix.len()..])
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(needle)
}

/// "3", "3, 4", "3-5", "3–5" -> the numbers; anything else (a year, a word) -> None.
fn citation_numbers(inner: &str) -> Option<Vec<u32>> {
    let inner = inner.trim();
    if inner.is_empty() || inner.len() > 24 {
        return None;
    }
    let mut nums = Vec::new();
    for part in inner.split([',', ';']) {
        let part = part.trim();
        if let Some((a, b)) = part.split_once(['-', '–']) {
            let (a, b): (u32, u32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
            if b < a || b - a > 50 {
                return None;
            }
            nums.extend(a..=b);
        } else {
            nums.push(part.parse().ok()?);
        }
    }
    // Citation numbers are small; "[2019]" is a year in brackets, not a marker.
    (nums.iter().all(|&n| n > 0 && n < 1000)).then_some(nums)
}

/// Removes `**bold**`, `__bold__`, `*italic*` markers, and turns `[text](url)` into text.
fn strip_emphasis(s: &str) -> String {
    let s = s.replace("**", "").replace("__", "");
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '*' {
            let prev_word = i > 0 && chars[i - 1].is_alphanumeric();
            let next_word = i + 1 < chars.len() && chars[i + 1].is_alphanumeric();
            // "*word" or "word*" are emphasis; "3 * 4" is not.
            if prev_word != next_word {
                i += 1;
                continue;
            }
        }
        if c == '[' {
            if let Some(close) = chars[i..].iter().position(|&c| c == ']') {
                let close = i + close;
                if chars.get(close + 1) == Some(&'(') {
                    if let Some(end) = chars[close..].iter().position(|&c| c == ')') {
                        out.extend(&chars[i + 1..close]);
                        i = close + end + 1;
                        continue;
                    }
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn tidy_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        let glue = word.starts_with(['.', ',', ';', ':', ')']) && !out.is_empty();
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits a long paragraph at sentence ends into pieces of at most `max_words`
/// words (a single longer sentence is cut at word boundaries). Returns byte ranges.
pub fn split_long(text: &str, max_words: usize) -> Vec<std::ops::Range<usize>> {
    if text.split_whitespace().count() <= max_words {
        return cut_runs(text, 0..text.len());
    }
    let sentences = sentence_ranges(text);
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut words = 0;
    let mut end = 0;
    for range in sentences {
        let n = text[range.clone()].split_whitespace().count();
        if words > 0 && words + n > max_words {
            pieces.push(start..end);
            start = range.start;
            words = 0;
        }
        if n > max_words {
            // One sentence too long for a passage: cut it at word boundaries.
            for cut in word_chunks(text, range.clone(), max_words) {
                pieces.push(cut);
            }
            start = range.end;
            words = 0;
            end = range.end;
            continue;
        }
        words += n;
        end = range.end;
    }
    if words > 0 {
        pieces.push(start..end);
    }
    pieces
        .into_iter()
        .map(|r| {
            let piece = &text[r.clone()];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            r.start + lead..r.end - trail
        })
        .filter(|r| !r.is_empty())
        .flat_map(|r| cut_runs(text, r))
        .collect()
}

/// Longest passage in bytes. Words are cut into passages by count; this bounds the
/// rare piece that has few spaces (a URL list, a base64 blob, a file of one word).
pub const MAX_PASSAGE_BYTES: usize = 8 * 1024;

/// `range` of `text` cut into runs of at most [`MAX_PASSAGE_BYTES`], at the last
/// space before the limit when there is one, else at a character boundary.
fn cut_runs(text: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_PASSAGE_BYTES {
        let mut end = start + MAX_PASSAGE_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if let Some(space) = text[start..end].rfind(char::is_whitespace) {
            if space > 0 {
                end = start + space;
            }
        }
        out.push(start..end);
        start = end;
        while start < range.end && text[start..].starts_with(char::is_whitespace) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

fn word_chunks(
    text: &str,
    range: std::ops::Range<usize>,
    max_words: usize,
) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut count = 0;
    let mut start = range.start;
    let slice = &text[range.clone()];
    let mut in_word = false;
    for (i, c) in slice.char_indices() {
        let pos = range.start + i;
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            if count == max_words {
                out.push(start..pos);
                start = pos;
                count = 0;
            }
            count += 1;
        }
    }
    out.push(start..range.end);
    out
}

/// Sentence boundaries: a '.', '!' or '?' (perhaps followed by a quote or bracket)
/// then whitespace then an upper-case letter, digit or quote. Abbreviations such as
/// "e.g." or "U.S." are not boundaries.
fn sentence_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            let followed_by_space = j < bytes.len() && bytes[j] == b' ';
            if followed_by_space && !is_abbreviation(&text[start..i]) {
                let next = text[j..].trim_start().chars().next();
                if next.is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '(')
                }) {
                    out.push(start..j);
                    start = j;
                    i = j;
                    continue;
                }
            }
        }
        i += 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn is_abbreviation(before: &str) -> bool {
    let last = before.rsplit([' ', '(']).next().unwrap_or("");
    let lower = last.to_lowercase();
    matches!(
        lower.as_str(),
        "e.g"
            | "i.e"
            | "etc"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "no"
            | "art"
            | "vs"
            | "cf"
            | "al"
            | "p"
            | "pp"
            | "inc"
            | "jr"
            | "sr"
            | "approx"
            | "fig"
            | "vol"
    ) || (last.len() <= 3 && last.contains('.'))
        || (last.len() == 1 && last.chars().all(|c| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_spaces_is_cut_into_bounded_passages() {
        let blob = "é".repeat(10_000) + " tail";
        let pieces = split_long(&blob, 120);
        assert!(pieces.len() >= 3, "{pieces:?}");
        for r in &pieces {
            assert!(r.len() <= MAX_PASSAGE_BYTES, "{r:?}");
            assert!(blob.is_char_boundary(r.start) && blob.is_char_boundary(r.end));
        }
        let joined: String = pieces.iter().map(|r| &blob[r.clone()]).collect();
        assert_eq!(joined.replace(' ', ""), blob.replace(' ', ""));
        // Long text with spaces is cut at a space, never inside a word.
        let prose = "word ".repeat(3000);
        let pieces = split_long(&prose, 100_000);
        assert!(pieces.len() >= 2);
        for r in pieces {
            assert!(prose[r].split_whitespace().all(|w| w == "word"));
        }
    }
    use crate::paper::blocks::SrcLine;

    fn para(text: &str) -> Block {
        Block::single(BlockKind::Paragraph, text, Some(1), None)
    }

    #[test]
    fn one_capitalised_word_alone_titles_a_part() {
        let h = |t: &str| heading_of(&para(t));
        for word in ["Nuclear", "Cuba", "Climate", "Peacekeeping", "Africa"] {
            assert_eq!(h(word), Some(Heading::Section(word.into())), "{word}");
        }
        for line in [
            "Thanks",
            "Sincerely",
            "Colleagues",
            "Excellencies",
            "nuclear",
            "UN",
            "2024",
            "Cuba,",
        ] {
            assert_eq!(h(line), None, "{line}");
        }
    }

    #[test]
    fn forms_of_address_and_emphasis_are_not_headings() {
        let h = |t: &str| heading_of(&para(t));
        for line in [
            "Mr. President",
            "Mr President:",
            "Madam Chair,",
            "Mr. President of the 79th Session of the United Nations General",
            "Excellencies",
            "Excellence",
            "Your Excellencies:",
            "Your Excellency Antonio Guterres",
            "Ladies and Gentlemen:",
            "Distinguished Delegates",
            "Dear colleagues",
            "**Mr President,**",
            "__Ladies and Gentlemen,__",
            "**Peace be upon you all.**",
            "Thank you.",
            "**I choose humanity.**",
            "**The future will be feminist or it will not be.**",
            "So Mr President…",
            "Of the Multilateral Development Banks…",
            "Finally...",
        ] {
            assert_eq!(h(line), None, "{line}");
            let bold = Block::single(BlockKind::BoldParagraph, line, Some(1), None);
            assert_eq!(heading_of(&bold), None, "bold {line}");
        }
        // Near misses stay headings: a title naming an office, or a modifier alone.
        assert_eq!(
            h("President's Statement"),
            Some(Heading::Section("President's Statement".into()))
        );
        assert_eq!(
            h("Distinguished Service Awards"),
            Some(Heading::Section("Distinguished Service Awards".into()))
        );
        let bold = |t: &str| heading_of(&Block::single(BlockKind::BoldParagraph, t, Some(1), None));
        assert_eq!(
            bold("Statement of Policy."),
            Some(Heading::Section("Statement of Policy.".into()))
        );
        assert!(bold("I. Background.").is_some());
        assert!(bold("Past international action.").is_some());
        assert!(h("Excellence in Education").is_some());
        assert_eq!(h("Excellencies, Heads of State and Government,"), None);
        assert!(bold("Proposed solutions").is_some());
        assert_eq!(
            h("Thanks to Partners"),
            Some(Heading::Section("Thanks to Partners".into()))
        );
        assert_eq!(
            h("Role of the Secretary-General"),
            Some(Heading::Section("Role of the Secretary-General".into()))
        );
        // A heading a format marks as one is kept whatever it says.
        let marked = Block::single(BlockKind::Heading(2), "Mr. President", Some(1), None);
        assert!(heading_of(&marked).is_some());
    }

    #[test]
    fn headings_in_plain_text() {
        let h = |t: &str| heading_of(&para(t));
        assert_eq!(
            h("I. Background"),
            Some(Heading::Section("Background".into()))
        );
        assert_eq!(
            h("2. Possible Solutions"),
            Some(Heading::Section("Possible Solutions".into()))
        );
        assert_eq!(
            h("## **Bibliography**"),
            Some(Heading::Section("Bibliography".into()))
        );
        assert_eq!(
            h("**Proposed Solutions**"),
            Some(Heading::Section("Proposed Solutions".into()))
        );
        assert_eq!(
            h("Works Cited"),
            Some(Heading::Section("Works Cited".into()))
        );
        assert_eq!(
            h("COUNTRY POLICY"),
            Some(Heading::Section("COUNTRY POLICY".into()))
        );
        assert_eq!(
            h("Topic A: Online Drug Trafficking"),
            Some(Heading::Topic('A', "Online Drug Trafficking".into()))
        );
        assert_eq!(
            h("Agenda Item 2: Hybrid warfare"),
            Some(Heading::Topic('2', "Hybrid warfare".into()))
        );
        assert_eq!(
            h("Topic Area B: Air quality"),
            Some(Heading::Topic('B', "Air quality".into()))
        );
        assert!(!matches!(
            h("Issue 1: Lack of funding"),
            Some(Heading::Topic(..))
        ));
        assert_eq!(h("Belgium supports a task force."), None);
        assert_eq!(
            h("Way Forward"),
            Some(Heading::Section("Way Forward".into()))
        );
        assert_eq!(
            h("India's Stand"),
            Some(Heading::Section("India's Stand".into()))
        );
        assert_eq!(h("India proposes that the Committee:"), None);
        assert_eq!(
            h("2019 was a record year for seizures in Antwerp and the region"),
            None
        );
    }

    #[test]
    fn section_kinds() {
        assert_eq!(kind_of_heading("Background"), SectionKind::Background);
        assert_eq!(kind_of_heading("Position of Chile"), SectionKind::Position);
        assert_eq!(kind_of_heading("National Policy"), SectionKind::Position);
        assert_eq!(
            kind_of_heading("Possible Solutions"),
            SectionKind::Solutions
        );
        assert_eq!(kind_of_heading("Recommendations"), SectionKind::Solutions);
        assert_eq!(kind_of_heading("Works Cited"), SectionKind::Bibliography);
        assert_eq!(kind_of_heading("References"), SectionKind::Bibliography);
        assert_eq!(kind_of_heading("Conclusion"), SectionKind::Other);
    }

    #[test]
    fn hard_wraps_and_line_break_hyphens_are_healed() {
        let (text, starts) = join_lines([
            "weapons that are autono-",
            "mous must remain under",
            "human control - always",
        ]);
        assert_eq!(
            text,
            "weapons that are autonomous must remain under human control - always"
        );
        assert_eq!(starts.len(), 3);
        let (text, _) = join_lines(["the anti-", "Narcotics unit"]);
        assert_eq!(text, "the anti-Narcotics unit");
        let (text, _) = join_lines(["the Treaty on the Non-", "Proliferation of Nuclear"]);
        assert_eq!(text, "the Treaty on the Non-Proliferation of Nuclear");
        let (text, _) = join_lines(["a nuclear-weapon-", "free zone of nuclear weap-", "ons"]);
        assert_eq!(text, "a nuclear-weapon-free zone of nuclear weapons");
        let (text, _) = join_lines(["the UN-", "led mission and non-", "state actors"]);
        assert_eq!(text, "the UN-led mission and non-state actors");
    }

    #[test]
    fn citation_markers_leave_the_text_but_are_kept() {
        let c = clean_paragraph(
            "strain on healthcare systems<sup>[3]</sup>, with Belgium [4, 5] seizing [2019] more.",
        );
        assert_eq!(
            c.text,
            "strain on healthcare systems, with Belgium seizing [2019] more."
        );
        assert_eq!(c.citations, vec![3, 4, 5]);
        let c = clean_paragraph("- [1] Belgium, *Communal Declaration*, 2010.");
        assert_eq!(c.text, "Belgium, Communal Declaration, 2010.");
        assert_eq!(c.citations, vec![1]);
        let c = clean_paragraph(
            "Canada signed the treaty.¹ It ratified it in 2019.² ³ Then it acted.12 More.",
        );
        assert_eq!(
            c.text,
            "Canada signed the treaty. It ratified it in 2019. Then it acted. More."
        );
        assert_eq!(c.citations, vec![1, 2, 3, 12]);
        let c = clean_paragraph("It costs 2.5 million, see section 4.2 Annex.");
        assert_eq!(c.text, "It costs 2.5 million, see section 4.2 Annex.");
        let c = clean_paragraph("See [the report](https://example.org) [2-4].");
        assert_eq!(c.text, "See the report.");
        assert_eq!(c.citations, vec![2, 3, 4]);
    }

    #[test]
    fn long_paragraphs_split_at_sentence_ends() {
        let sentence = "The delegation supports e.g. a task force with twenty members in it. ";
        let text = sentence.repeat(30);
        let pieces = split_long(text.trim(), 120);
        assert!(pieces.len() >= 2);
        for r in &pieces {
            let piece = &text[r.clone()];
            assert!(piece.split_whitespace().count() <= 120, "{piece}");
            assert!(piece.ends_with('.'), "{piece}");
            assert!(piece.starts_with("The"), "{piece}");
        }
        let short = "Short paragraph.";
        assert_eq!(split_long(short, 120), vec![0..short.len()]);
    }

    #[test]
    fn heading_blocks_from_rich_formats() {
        let b = Block::new(
            BlockKind::BoldParagraph,
            vec![SrcLine::new("Country Policy", None, None)],
        );
        assert_eq!(
            heading_of(&b),
            Some(Heading::Section("Country Policy".into()))
        );
        let b = Block::new(
            BlockKind::Heading(2),
            vec![SrcLine::new("1. Background", Some(4), None)],
        );
        assert_eq!(heading_of(&b), Some(Heading::Section("Background".into())));
    }

    #[test]
    fn section_labels_name_a_kind_of_section_and_nothing_more() {
        for yes in [
            "Background",
            "Background.",
            "Topic Background:",
            "II. COUNTRY POLICY",
            "B. Position of the Government",
            "Works Cited",
            "Possible Solutions",
            "Past International Action",
        ] {
            assert!(section_label(yes), "{yes}");
        }
        for no in [
            "Position Paper",
            "Conclusion",
            "Mr. President",
            "Background and",
            "national policy",
            "Our Friends Abroad",
            "The Background of the Crisis in the Region Today",
            "Policy, Law and Practice",
            "",
        ] {
            assert!(!section_label(no), "{no}");
        }
    }
}
