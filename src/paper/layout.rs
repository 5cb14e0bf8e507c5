//! The layouts of real papers around their text: title lines that carry fields
//! ("Position Paper of the Republic of Chile on ..."), topics listed in prose, label
//! paragraphs that open a section ("ABOUT THE COUNTRY: ..."), and the page furniture
//! of text copied from PDFs and UN records (job numbers, document symbols, page
//! numbers, sentences cut by a page break).

use super::blocks::{Block, BlockKind, SrcLine};
use super::{committees, countries, header};

/// What a "Position Paper ..." title line says.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PositionTitle {
    /// Who the paper is from or for: a country or a committee, as written.
    pub entity: Option<String>,
    pub topic: Option<String>,
}

/// Reads a title such as "Position Paper for the Security Council", "Position paper
/// for Spain", "Position Paper of the Republic of Chile on Water Scarcity",
/// "Position Paper: Marine Plastic Pollution", "Position Paper for the General
/// Assembly, First Committee: Disarmament and International Security". None when the
/// line is no position-paper title.
pub fn position_title(text: &str) -> Option<PositionTitle> {
    let lower = text.to_lowercase();
    let at = lower.find("position paper")? + "position paper".len();
    let rest = text[at..]
        .trim_start()
        .trim_start_matches(['s', 'S'])
        .trim_start();
    let mut out = PositionTitle::default();
    let rest_lower = rest.to_lowercase();
    // "Position Paper: X", "Position Paper - X", "Position Paper on X": a topic only.
    for p in [
        "on the topic of ",
        "on ",
        "regarding ",
        "concerning ",
        "about ",
        ": ",
        "- ",
        "– ",
    ] {
        if rest_lower.starts_with(p) {
            out.topic = clean_topic(&rest[p.len()..]);
            return Some(out);
        }
    }
    let Some(entity) = [
        "of ",
        "for ",
        "by ",
        "from ",
        "submitted by ",
        "submitted to ",
    ]
    .iter()
    .find_map(|p| rest_lower.starts_with(p).then(|| &rest[p.len()..])) else {
        return Some(out);
    };
    // "... of the Republic of Chile on Water Scarcity"
    let entity_lower = entity.to_lowercase();
    let mut splits: Vec<(usize, usize)> = [
        " on the topic of ",
        " on ",
        " regarding ",
        " concerning ",
        ": ",
        " - ",
        " – ",
    ]
    .iter()
    .flat_map(|p| entity_lower.match_indices(p).map(|(i, _)| (i, p.len())))
    .collect();
    splits.sort_unstable();
    let known = |who: &str| {
        let who = strip_the(who.trim().trim_end_matches([',', '.']));
        countries::lookup(who).is_some() || committees::lookup(who).is_some()
    };
    // The first split whose left part is a known country or body; else the whole
    // line if it is one ("Commission on Narcotic Drugs"); else the first split.
    let split = splits
        .iter()
        .find(|(i, _)| known(&entity[..*i]))
        .copied()
        .or_else(|| (!known(entity)).then(|| splits.first().copied()).flatten());
    let (who, topic) = match split {
        Some((i, len)) => (&entity[..i], Some(&entity[i + len..])),
        None => (entity, None),
    };
    let who = who.trim().trim_end_matches([',', '.']);
    let who = strip_the(who);
    out.entity = (!who.is_empty()).then(|| who.to_owned());
    // "for the General Assembly, First Committee: Disarmament and International
    // Security" names a committee whose name runs on after the colon: `clean_topic`
    // gives no topic for a committee's name. Anything else after the body is the
    // topic ("for the Security Council on Peacekeeping in the Sahel"); asking whether
    // "body: rest" names a committee would always say yes, since a committee's name
    // is found inside a longer line.
    out.topic = topic.and_then(clean_topic);
    Some(out)
}

/// A title naming the delegation: "The Delegation of the Federal Republic of Nigeria
/// to the World Health Organization", "Delegation of Brazil — UNEP", "Delegation
/// from Japan to the Security Council on Peacekeeping". The country as written, and
/// the committee and topic when the line names them. None when the line does not
/// open with "(The) Delegation of/from".
pub fn delegation_title(text: &str) -> Option<DelegationTitle> {
    let text = text.trim();
    let rest = [
        "the delegation of ",
        "delegation of ",
        "the delegation from ",
        "delegation from ",
    ]
    .iter()
    .find_map(|p| {
        (text.len() > p.len()
            && text.is_char_boundary(p.len())
            && text[..p.len()].eq_ignore_ascii_case(p))
        .then(|| &text[p.len()..])
    })?;
    let lower = rest.to_lowercase();
    let mut cuts: Vec<(usize, usize)> = [" to the ", " to ", " — ", " – ", " - ", " | ", ", "]
        .iter()
        .flat_map(|sep| lower.match_indices(sep).map(|(i, m)| (i, m.len())))
        .collect();
    cuts.sort_unstable();
    for (i, len) in cuts {
        let (who, body) = (&rest[..i], &rest[i + len..]);
        let body = body.trim().trim_end_matches('.');
        // The body alone, or the body before its topic ("... on Peacekeeping").
        let mut named = vec![(body, None)];
        let body_lower = body.to_lowercase();
        for sep in [
            " on the topic of ",
            " on ",
            " regarding ",
            ": ",
            " – ",
            " — ",
            " - ",
        ] {
            for (j, _) in body_lower.match_indices(sep) {
                named.push((&body[..j], Some(&body[j + sep.len()..])));
            }
        }
        if let Some((committee, topic)) = named
            .into_iter()
            .find(|(c, _)| committees::lookup(strip_the(c.trim())).is_some())
        {
            return Some(DelegationTitle {
                country: strip_the(who.trim().trim_end_matches(',')).to_owned(),
                committee: Some(strip_the(committee.trim()).to_owned()),
                topic: topic.and_then(clean_topic),
            });
        }
    }
    Some(DelegationTitle {
        country: rest.trim().to_owned(),
        committee: None,
        topic: None,
    })
}

/// What a delegation title names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DelegationTitle {
    pub country: String,
    pub committee: Option<String>,
    pub topic: Option<String>,
}

pub(super) fn strip_the(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
        .trim()
}

fn clean_topic(s: &str) -> Option<String> {
    let t = strip_the(s.trim().trim_end_matches('.').trim());
    // "Position Paper for the Commission on Narcotic Drugs" names a committee, not a topic.
    if t.is_empty() || committees::lookup(strip_the(t)).is_some() {
        return None;
    }
    Some(t.to_owned())
}

/// A title line that is conference or site furniture, never a topic.
pub fn is_furniture_title(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "position paper",
        "model united nations",
        "model un",
        " mun",
        "mun ",
        "conference",
        "school",
        "university",
        "college",
        "academy",
        "delegate",
        "submitted",
        "example",
        "sample",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || lower.starts_with("mun")
        || lower.chars().filter(|c| c.is_ascii_digit()).count() >= 4
}

/// Whether a short line reads as a title rather than a sentence: Title Case or
/// capitals, a country or committee name, or a position-paper or conference line.
pub fn looks_like_title(text: &str) -> bool {
    /// Longer than any title; a whole paragraph is not looked through letter by letter.
    const LONGEST_TITLE: usize = 400;
    let text = text.trim();
    if text.is_empty() || text.len() > LONGEST_TITLE {
        return false;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    shouting
        || is_title_case(text)
        || is_furniture_title(text)
        || countries::lookup(text).is_some()
        || committees::lookup(text).is_some()
        || text.to_lowercase().starts_with("delegation")
}

/// Every word capitalised except short joining words; at least one capital.
fn is_title_case(s: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "and", "on", "for", "to", "in", "a", "an", "at", "by", "&", "with", "from",
        "or", "de", "del", "la", "y", "et", "des", "du", "into", "its", "their", "as", "against",
        "under", "between", "within", "through", "vs",
    ];
    let mut capitals = 0;
    let all = s.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || SMALL.contains(&w) {
            return true;
        }
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitals += 1;
        }
        first.is_uppercase() || first.is_ascii_digit()
    });
    all && capitals > 0
}

/// "The topics before the Economic and Social Council are: 1) X, 2) Y, and 3) Z." or
/// "The issues before the General Assembly First Committee are: X; and Y." Returns the
/// committee as written (when the sentence names a known one) and the topics.
pub fn prose_topics(text: &str) -> Option<(Option<String>, Vec<String>)> {
    let lower = text.to_lowercase();
    let start = [
        "topics before",
        "issues before",
        "items before",
        "questions before",
        "agenda items before",
        "topics on the agenda of",
        "topics to be discussed in",
    ]
    .iter()
    .filter_map(|p| lower.find(p).map(|i| (i, p.len())))
    .min()?;
    let after = &text[start.0 + start.1..];
    let after_lower = &lower[start.0 + start.1..];
    let verb = [" are:", " are ", " include:", " include ", " is:"]
        .iter()
        .filter_map(|v| after_lower.find(v).map(|i| (i, v.len())))
        .min()?;
    if verb.0 > 120 {
        return None;
    }
    let committee_text = strip_the(after[..verb.0].trim());
    let committee = committees::lookup(committee_text).map(|_| committee_text.to_owned());
    let list_start = verb.0 + verb.1;
    let list = &after[list_start..];
    let list = list.trim_start_matches([':', ' ']);
    // The list ends with its sentence.
    let end = sentence_end(list);
    let list = &list[..end];
    let topics = split_list(list);
    (!topics.is_empty()).then_some((committee, topics))
}

/// Byte offset of the end of the first sentence ('.' then a space and a capital, or
/// the end of the text).
fn sentence_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'.' {
            let next = s[i + 1..].trim_start();
            if next.is_empty()
                || (s[i + 1..].starts_with(' ') && next.starts_with(|c: char| c.is_uppercase()))
            {
                return i;
            }
        }
    }
    s.len()
}

/// "1) X, 2) Y, and 3) Z", "X; and Y", "(a) X; (b) Y", "X, Y, and Z".
fn split_list(list: &str) -> Vec<String> {
    let numbered = number_marks(list);
    let pieces: Vec<String> = if numbered.len() >= 2 {
        numbered
            .iter()
            .enumerate()
            .map(|(i, &(at, len))| {
                let end = numbered.get(i + 1).map_or(list.len(), |n| n.0);
                list[at + len..end].to_owned()
            })
            .collect()
    } else if list.contains(';') {
        list.split(';').map(str::to_owned).collect()
    } else {
        list.split(", ")
            .flat_map(|p| p.split(" and "))
            .map(str::to_owned)
            .collect()
    };
    pieces
        .iter()
        .map(|p| {
            let p = p.trim().trim_end_matches([',', ';', '.']).trim();
            let p = p.strip_prefix("and ").unwrap_or(p).trim();
            let p = p.strip_suffix(" and").unwrap_or(p).trim();
            p.trim_end_matches([',', ';']).trim().to_owned()
        })
        .filter(|p| p.split_whitespace().count() >= 1 && p.chars().any(char::is_alphabetic))
        .collect()
}

/// Positions of "1)", "(1)", "2.", "a)" list marks, in order, if they count 1, 2, 3...
fn number_marks(list: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = list.as_bytes();
    let mut expect = 1u32;
    let mut i = 0;
    while i < bytes.len() {
        let at_word = i == 0 || bytes[i - 1] == b' ';
        if at_word {
            let open = bytes[i] == b'(';
            let j = i + usize::from(open);
            let digits = bytes[j..].iter().take_while(|b| b.is_ascii_digit()).count();
            let letter = digits == 0
                && bytes
                    .get(j)
                    .is_some_and(|b| *b == b'a' + (expect as u8 - 1))
                && bytes.get(j + 1) == Some(&b')');
            let number = if digits > 0 {
                list[j..j + digits].parse::<u32>().ok()
            } else if letter {
                Some(expect)
            } else {
                None
            };
            let width = if digits > 0 {
                digits
            } else {
                usize::from(letter)
            };
            if let Some(n) = number {
                let close = bytes.get(j + width);
                if n == expect && matches!(close, Some(b')') | Some(b'.')) {
                    out.push((i, j + width + 1 - i));
                    expect += 1;
                    i = j + width + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// A title naming a country's own position: "Canada's Position on Antimicrobial
/// Resistance", "Japan’s Stance on Nuclear Disarmament", "Brazil's Policy". The
/// country, and the topic after "on" when there is one.
pub fn possessive_title(line: &str) -> Option<(&'static countries::Country, Option<String>)> {
    const NOUNS: &[&str] = &["position", "stance", "policy", "view", "views", "statement"];
    let line = line.trim();
    if line.split_whitespace().nth(16).is_some() || line.ends_with(['.', ',', ';']) {
        return None;
    }
    let at = line.find(['\'', '’'])?;
    let (who, rest) = (&line[..at], &line[at..]);
    let rest = rest.strip_prefix(['\'', '’'])?.strip_prefix("s ")?;
    let country = countries::lookup(strip_the(who.trim()))?;
    let mut words = rest.splitn(2, ' ');
    let noun = words.next()?.to_lowercase();
    if !NOUNS.contains(&noun.as_str()) {
        return None;
    }
    let after = words.next().unwrap_or("").trim();
    let topic = ["on ", "regarding ", "concerning ", "towards ", "toward "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .or_else(|| after.strip_prefix(": "))
        .and_then(clean_topic);
    Some((country, topic))
}

/// The country a "Submitted by the Dominican Republic" or "Presented by the
/// Delegation of Japan" line names, as written; None when it names a person or a
/// school.
pub fn submitted_by(line: &str) -> Option<String> {
    let line = line.trim().trim_end_matches('.');
    let lower = line.to_ascii_lowercase();
    let at = [
        "submitted by ",
        "presented by ",
        "represented by ",
        "written by ",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then_some(p.len()))?;
    let rest = line[at..].trim();
    let named = delegation_title(rest).map_or_else(|| rest.to_owned(), |d| d.country);
    countries::lookup(strip_the(&named)).map(|_| named)
}

/// The country an opening sentence speaks for: "The Delegation of Japan is honoured
/// to serve on ...", "the delegation of the Republic of Chile believes ...". Only the
/// words right after "delegation of" (or "from", "for") count: a paper names other
/// states too.
pub fn opening_country(text: &str) -> Option<&'static countries::Country> {
    let lower = text.to_ascii_lowercase();
    // The delegation names itself as the sentence's subject ("The Delegation of Japan
    // is ...", "As the delegation from Chile, we ..."), not as someone it addresses
    // ("We thank the delegation of France").
    let speaks = |at: usize| {
        let start = lower[..at]
            .rfind(['.', '!', '?', '\n'])
            .map_or(0, |p| p + 1);
        let before: Vec<&str> = lower[start..at].split_whitespace().collect();
        // (A letter's signature: "Respectfully submitted, the Delegation of Chile".)
        before.len() <= 4
            && before.iter().all(|w| {
                matches!(
                    w.trim_end_matches([',', ':']),
                    "the"
                        | "as"
                        | "a"
                        | "this"
                        | "our"
                        | "honourable"
                        | "honorable"
                        | "respectfully"
                        | "submitted"
                        | "sincerely"
                        | "signed"
                        | "yours"
                        | "faithfully"
                )
            })
    };
    ["delegation of ", "delegation from ", "delegation for "]
        .iter()
        .flat_map(|p| lower.match_indices(p).map(|(i, m)| (i, i + m.len())))
        .filter(|&(i, _)| speaks(i))
        .map(|(_, end)| end)
        .min()
        .and_then(|at| {
            let rest = strip_the(text[at..].trim_start());
            let mut words: Vec<&str> = Vec::new();
            for w in rest.split_whitespace().take(7) {
                let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
                words.push(bare);
                if bare.len() < w.len() {
                    break;
                }
            }
            (1..=words.len())
                .rev()
                .find_map(|n| countries::lookup(&words[..n].join(" ")))
        })
}

/// Words after a country's name that make it one of several subjects or part of a
/// longer name, not the one speaking: "Japan and Chile agree", "Japan of the 1950s".
const NOT_A_VERB: &[&str] = &[
    "and", "or", "nor", "of", "in", "as", "with", "to", "for", "at", "on", "from", "by",
];

/// The country a paper's first sentence opens on as its subject, when it speaks for
/// itself: "Saudi Arabia believes ...", "The Republic of Korea strongly supports ...",
/// "Japan's policy ...". Read only from a paper's first paragraph, after every other
/// source of its country: a paper on Afghanistan written by another state names
/// Afghanistan first far less often than a delegation names itself.
pub fn subject_country(text: &str) -> Option<&'static countries::Country> {
    let first = text.split_inclusive(['.', '!', '?', ';', ':']).next()?;
    let first = first.trim_start();
    // "As a landlocked country, Bolivia believes ...": a delegation describing itself
    // before it names itself.
    let first = match first.strip_prefix("As ").and_then(|r| r.split_once(", ")) {
        Some((intro, rest)) if intro.split_whitespace().count() <= 8 => rest,
        _ => first,
    };
    let words: Vec<&str> = strip_the(first.trim_start())
        .split_whitespace()
        .take(8)
        .collect();
    (1..words.len()).rev().find_map(|n| {
        let name = words[..n].join(" ");
        let (name, possessive) = match name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
        {
            Some(bare) => (bare.to_owned(), true),
            None => (name, false),
        };
        let next = words[n];
        let verb = possessive
            || (next.starts_with(|c: char| c.is_lowercase())
                && !NOT_A_VERB.contains(&next.trim_end_matches(',')));
        // The name ends its run cleanly: no comma or full stop inside it.
        let clean = !name.contains([',', '.', '(', ')']);
        (verb && clean && name.starts_with(|c: char| c.is_uppercase()))
            .then(|| countries::lookup(&name))
            .flatten()
    })
}

/// Of a paragraph's first two sentences, the one where the delegation speaks of itself.
fn delegation_sentence(text: &str) -> Option<&str> {
    text.split_inclusive(['.', '!', '?'])
        .take(2)
        .find(|s| s.to_ascii_lowercase().contains("delegation"))
}

/// The committee an opening sentence names where the delegation introduces itself:
/// "The Delegation of Japan is honoured to serve on the Commission on Narcotic
/// Drugs". Only a name of two words or more, written with capitals, in a sentence
/// that speaks of the delegation: an acronym ("the EU") or a body named in passing
/// elsewhere says nothing of where the paper was sent.
pub fn opening_committee(text: &str) -> Option<&'static committees::Committee> {
    let sentence = delegation_sentence(text)?;
    let words: Vec<&str> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    for start in 0..words.len() {
        if !words[start].starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        for len in (2..=10.min(words.len() - start)).rev() {
            let window = &words[start..start + len];
            // Ends on a name's word, not on "of" or "the".
            if !window[len - 1].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            if let Some(c) = committees::lookup(&window.join(" ")) {
                return Some(c);
            }
        }
    }
    None
}

/// The topic an opening sentence names where the delegation introduces itself:
/// "The Delegation of Japan is honoured to address the topic of synthetic drug
/// markets." The words after "the topic of" (or "the issue of", "the question of")
/// up to the end of the clause, when they are a short name.
pub fn opening_topic(text: &str) -> Option<String> {
    let sentence = delegation_sentence(text)?;
    let lower = sentence.to_ascii_lowercase();
    let at = ["the topic of ", "the issue of ", "the question of "]
        .iter()
        .filter_map(|p| lower.find(p).map(|i| i + p.len()))
        .min()?;
    let rest = &sentence[at..];
    let end = rest
        .find([',', ';', ':', '.', '!', '?', '('])
        .unwrap_or(rest.len());
    let topic = rest[..end].trim();
    let words = topic.split_whitespace().count();
    ((2..=10).contains(&words))
        .then(|| clean_topic(topic))
        .flatten()
}

/// Cleans the blocks before they are read: page furniture and empty table rows
/// are dropped, and a paragraph that a page break cut in two is joined again.
pub fn prepare(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let lines: Vec<SrcLine> = block
            .lines
            .into_iter()
            .filter(|l| !is_furniture(&l.text))
            .collect();
        if lines.is_empty() {
            continue;
        }
        let block = Block::new(block.kind, join_bare_labels(lines));
        // "Country:" as a paragraph of its own, its value the next one (a form's
        // fields copied out of a Word table).
        if let Some(prev) = out.last_mut() {
            if let ([label], [value]) = (prev.lines.as_slice(), block.lines.as_slice()) {
                if bare_label(&label.text) && takes_value(&value.text) {
                    let joined = format!("{} {}", label.text.trim(), value.text.trim());
                    prev.lines[0].text = joined;
                    continue;
                }
            }
        }
        if let Some(prev) = out.last_mut() {
            if continues_across_break(prev, &block) || continues_field(prev, &block) {
                prev.lines.extend(block.lines);
                continue;
            }
        }
        out.push(block);
    }
    out
}

/// A header label with nothing after it: "Country:", "**Committee:**". Not
/// "Position:", which titles a part of the body as often as a delegate's role.
fn bare_label(line: &str) -> bool {
    let t = line.trim();
    t.ends_with([':', '：'])
        && t.len() <= 40
        && header::parse_label(t).is_some_and(|(key, value)| {
            value.is_empty() && !matches!(&key, header::HeaderKey::Other(k) if k == "position")
        })
}

/// A line that can be a bare label's value: short, not a sentence ("Position:" may
/// title a paragraph in the body), and neither a label nor a field.
fn takes_value(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=12).contains(&words)
        && (words <= 3 || !t.ends_with(['.', '!', '?']))
        && !bare_label(t)
        && header::parse_field_line(t).is_none()
}

/// Lines of a block where a label stands over its value ("Country:" over
/// "Belgium"): each pair is one `Label: value` line.
fn join_bare_labels(lines: Vec<SrcLine>) -> Vec<SrcLine> {
    if !lines.iter().any(|l| bare_label(&l.text)) {
        return lines;
    }
    let mut out: Vec<SrcLine> = Vec::with_capacity(lines.len());
    for line in lines {
        if let Some(last) = out.last_mut() {
            if bare_label(&last.text) && takes_value(&line.text) {
                last.text = format!("{} {}", last.text.trim(), line.text.trim());
                continue;
            }
        }
        out.push(line);
    }
    out
}

/// A header line whose last word the line break hyphenated ("Topic: ... the Non-"),
/// and the rest of that word on the next line ("Proliferation Treaty").
fn continues_field(prev: &Block, next: &Block) -> bool {
    let (Some(last), [first]) = (prev.lines.last(), next.lines.as_slice()) else {
        return false;
    };
    let last = last.text.trim_end();
    last.ends_with('-')
        && last[..last.len() - 1].ends_with(char::is_alphabetic)
        && header::parse_field_line(last).is_some()
        && header::fields_of_line(&first.text).is_none()
        && first.text.split_whitespace().count() <= 12
}

/// A paragraph cut by a page break (or by furniture between its halves): the first
/// part stops mid-sentence and the second starts in lower case.
fn continues_across_break(prev: &Block, next: &Block) -> bool {
    let same_kind =
        prev.kind == next.kind && matches!(prev.kind, BlockKind::Paragraph | BlockKind::ListItem);
    let (Some(last), Some(first)) = (prev.lines.last(), next.lines.first()) else {
        return false;
    };
    let last = last.text.trim_end();
    let first = first.text.trim_start();
    // A word the page break hyphenated ("environ-" over "mental") may stand alone on
    // the page's last line.
    let cut_word = last.ends_with('-') && last[..last.len() - 1].ends_with(char::is_alphabetic);
    same_kind
        && (last.split_whitespace().count() >= 3 || cut_word)
        && prev
            .lines
            .iter()
            .map(|l| l.text.split_whitespace().count())
            .sum::<usize>()
            >= 8
        && !last.ends_with(['.', '!', '?', ':', ';', '"', '”', ')'])
        && first.starts_with(|c: char| c.is_lowercase())
        && !super::blocks::is_bullet(first)
}

/// Lines that are page furniture, not text: a UN job number with a page counter
/// ("15-29425 31/34"), a document symbol with a date ("A/70/PV.15 28/09/2015"), a
/// page number ("Page 2 of 3", "- 2 -", "2"), an empty table row ("| |").
pub fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if t.chars().all(|c| matches!(c, '|' | ' ' | '\t' | '-' | ':')) {
        return true;
    }
    // Page numbers and document symbols are short; prose is not copied to be sure.
    if t.len() > 80 {
        return false;
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let lower = t.to_lowercase();
    if let Some(rest) = lower.strip_prefix("page ") {
        let parts: Vec<&str> = rest.split_whitespace().collect();
        if matches!(parts.as_slice(), [n] | [n, "of", _] if n.parse::<u32>().is_ok()) {
            return true;
        }
        // "Page 1|6", "Page 2 / 6".
        let numbers: Vec<&str> = rest.split(['|', '/']).map(str::trim).collect();
        if numbers.len() == 2 && numbers.iter().all(|n| n.parse::<u32>().is_ok()) {
            return true;
        }
    }
    let page_no = |s: &str| s.len() <= 3 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if tokens.len() == 1 && page_no(tokens[0]) {
        return true;
    }
    if let [a, n, b] = tokens.as_slice() {
        if (*a == "-" || *a == "–") && (*b == "-" || *b == "–") && page_no(n) {
            return true;
        }
    }
    tokens.len() <= 3
        && tokens.iter().all(|w| is_record_token(w))
        && tokens.iter().any(|w| is_job_number(w) || is_symbol(w))
}

/// "15-29425", "24-27318": a UN document job number.
fn is_job_number(w: &str) -> bool {
    let w = w.trim_end_matches("(E)");
    match w.split_once('-') {
        Some((a, b)) => {
            a.len() == 2
                && (4..=6).contains(&b.len())
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// "A/70/PV.15", "S/PV.9000", "A/RES/77/41": a UN document symbol.
fn is_symbol(w: &str) -> bool {
    let mut parts = w.split('/');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && matches!(
            first,
            "A" | "S" | "E" | "ST" | "UNEP" | "CRC" | "CEDAW" | "HRC" | "TD"
        )
        && rest.iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        })
}

/// A token of a record's running line: job number, symbol, page counter "31/34",
/// date "28/09/2015", "(E)".
fn is_record_token(w: &str) -> bool {
    let counter = |w: &str| {
        let parts: Vec<&str> = w.split('/').collect();
        (2..=3).contains(&parts.len())
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    is_job_number(w) || is_symbol(w) || counter(w) || w == "(E)"
}

/// A paragraph opened by a label ("ABOUT THE COUNTRY: Sweden, officially ...",
/// "**Background:** The treaty ..."): the label becomes a heading and the rest a
/// paragraph of its own.
pub fn split_inline_labels(blocks: impl IntoIterator<Item = Block>) -> Vec<Block> {
    let mut out = Vec::new();
    for block in blocks.into_iter().flat_map(split_label_lines) {
        if let Some((label, rest)) = inline_label(&block) {
            let first = block
                .lines
                .first()
                .cloned()
                .unwrap_or_else(|| SrcLine::new("", None, None));
            out.push(Block::new(
                BlockKind::Heading(3),
                vec![SrcLine::new(label, first.line, first.page)],
            ));
            let mut lines = vec![SrcLine::new(rest, first.line, first.page)];
            lines.extend(block.lines.into_iter().skip(1));
            out.push(Block::new(block.kind, lines));
            continue;
        }
        out.push(block);
    }
    out
}

fn inline_label(block: &Block) -> Option<(String, String)> {
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::BoldParagraph) {
        return None;
    }
    let first = block.lines.first()?.text.trim();
    // "**Background:** text" or "**Background**: text"
    if let Some(inner) = first.strip_prefix("**") {
        let close = inner.find("**")?;
        let label = inner[..close].trim();
        let rest = inner[close + 2..].trim_start();
        let (label, rest) = match label.strip_suffix(':') {
            Some(l) => (l, rest),
            None => (label, rest.strip_prefix(':')?.trim_start()),
        };
        return label_pair(label, rest, false);
    }
    let colon = first.find(':')?;
    let label = &first[..colon];
    let rest = first[colon + 1..].trim_start();
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    // "Topic Background: Since 2000, ...", "Possible Solutions: Chile proposes ...":
    // a section's name in Title Case opening its paragraph.
    let named = super::structure::section_label(label) && opens_text(rest);
    if !(shouting || named) {
        return None;
    }
    label_pair(label, rest, true)
}

/// Text that opens a sentence: a capital, a digit or a quotation mark.
fn opens_text(rest: &str) -> bool {
    rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘(".contains(c))
}

/// A paragraph in which a section's name stands on a line of its own, after a line
/// that ends a sentence ("... in every region.\nB. Position of the Government\nChile
/// has ..."), or over a line too short to be taken for its paragraph ("WORKS
/// CITED\n\"Global Report ...\""): the name is a heading, and the lines after it a
/// paragraph of their own. Text typed with no blank lines between its parts reads so.
fn split_label_lines(block: Block) -> Vec<Block> {
    if block.kind != BlockKind::Paragraph || block.lines.len() < 2 {
        return vec![block];
    }
    let ends_sentence = |l: &SrcLine| {
        l.text
            .trim_end()
            .trim_end_matches(['"', '\'', '”', '’', ')'])
            .ends_with(['.', '!', '?'])
    };
    let cuts: Vec<bool> = (0..block.lines.len())
        .map(|i| {
            (i == 0 || ends_sentence(&block.lines[i - 1]))
                && super::structure::section_label(&block.lines[i].text)
                && block
                    .lines
                    .get(i + 1)
                    .is_some_and(|next| opens_text(next.text.trim_start()))
        })
        .collect();
    if !cuts.contains(&true) {
        return vec![block];
    }
    let mut out = Vec::new();
    let mut current = Vec::new();
    for (i, line) in block.lines.into_iter().enumerate() {
        if cuts[i] {
            if !current.is_empty() {
                out.push(Block::new(
                    BlockKind::Paragraph,
                    std::mem::take(&mut current),
                ));
            }
            let name = line
                .text
                .trim()
                .trim_end_matches(['.', ':'])
                .trim_end()
                .to_owned();
            out.push(Block::new(
                BlockKind::Heading(3),
                vec![SrcLine::new(name, line.line, line.page)],
            ));
            continue;
        }
        current.push(line);
    }
    if !current.is_empty() {
        out.push(Block::new(BlockKind::Paragraph, current));
    }
    out
}

fn label_pair(label: &str, rest: &str, shouting: bool) -> Option<(String, String)> {
    let words = label.split_whitespace().count();
    let rest_words = rest.split_whitespace().count();
    // A header field is not a section; a label needs a real text after it.
    if words == 0
        || words > 10
        || rest_words < 4
        || header::parse_field_line(&format!("{label}: {rest}")).is_some()
    {
        return None;
    }
    if !shouting && !looks_like_title(label) {
        return None;
    }
    Some((label.to_owned(), rest.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(t: &str) -> (Option<String>, Option<String>) {
        let p = position_title(t).unwrap_or_default();
        (p.entity, p.topic)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn delegation_titles_name_country_committee_and_topic() {
        let d = |t: &str| delegation_title(t).map(|d| (d.country, d.committee, d.topic));
        assert_eq!(
            d("The Delegation of the Federal Republic of Nigeria to the World Health Organization"),
            Some((
                "Federal Republic of Nigeria".to_owned(),
                some("World Health Organization"),
                None
            ))
        );
        assert_eq!(
            d("Delegation of Brazil — United Nations Environment Programme"),
            Some((
                "Brazil".to_owned(),
                some("United Nations Environment Programme"),
                None
            ))
        );
        assert_eq!(
            d("Delegation from Japan to the Security Council on Peacekeeping in the Sahel"),
            Some((
                "Japan".to_owned(),
                some("Security Council"),
                some("Peacekeeping in the Sahel")
            ))
        );
        // "to" inside a name, and no committee at all.
        assert_eq!(
            d("Delegation of Trinidad and Tobago"),
            Some(("Trinidad and Tobago".to_owned(), None, None))
        );
        assert_eq!(
            d("The Delegation of Timor-Leste to the conference"),
            Some(("Timor-Leste to the conference".to_owned(), None, None))
        );
        assert_eq!(d("Delegates of the world"), None);
        assert_eq!(d("Delegation of "), None);
    }

    #[test]
    fn position_paper_titles_carry_fields() {
        assert_eq!(
            title("Position Paper for the Security Council"),
            (some("Security Council"), None)
        );
        assert_eq!(
            title("Position Paper for the General Assembly, First Committee: Disarmament and International Security"),
            (some("General Assembly, First Committee"), None)
        );
        assert_eq!(title("Position paper for Spain"), (some("Spain"), None));
        assert_eq!(
            title("Position Paper of the Republic of Chile on Water Scarcity in Arid Regions"),
            (
                some("Republic of Chile"),
                some("Water Scarcity in Arid Regions")
            )
        );
        assert_eq!(
            title("Position Paper on Privacy in the Digital Age"),
            (None, some("Privacy in the Digital Age"))
        );
        assert_eq!(
            title("Position Paper: Marine Plastic Pollution"),
            (None, some("Marine Plastic Pollution"))
        );
        assert_eq!(
            title("Position Paper for the Commission on Narcotic Drugs"),
            (some("Commission on Narcotic Drugs"), None)
        );
        assert_eq!(
            title("Position Paper for the Security Council on Peacekeeping in the Sahel"),
            (some("Security Council"), some("Peacekeeping in the Sahel"))
        );
        assert_eq!(
            title("Position Paper for the Human Rights Council: Water and Sanitation"),
            (some("Human Rights Council"), some("Water and Sanitation"))
        );
        assert_eq!(title("Position Paper"), (None, None));
        assert_eq!(
            title("Position Paper of the Delegation of Japan to the Security Council"),
            (some("Delegation of Japan to the Security Council"), None)
        );
        assert!(position_title("Delegation of Fiji").is_none());
    }

    #[test]
    fn topics_listed_in_prose() {
        let (committee, topics) = prose_topics("The topics before the Economic and Social Council are: 1) Financing for Development, 2) Youth Employment, and 3) Rural Electrification. Kenya believes that all three matter.").unwrap();
        assert_eq!(committee.as_deref(), Some("Economic and Social Council"));
        assert_eq!(
            topics,
            [
                "Financing for Development",
                "Youth Employment",
                "Rural Electrification"
            ]
        );
        let (committee, topics) = prose_topics("The issues before the General Assembly First Committee are: Preventing an Arms Race in Outer Space; and The Illicit Trade in Small Arms and Light Weapons. Canada approaches both with care.").unwrap();
        assert_eq!(
            committee.as_deref(),
            Some("General Assembly First Committee")
        );
        assert_eq!(
            topics,
            [
                "Preventing an Arms Race in Outer Space",
                "The Illicit Trade in Small Arms and Light Weapons"
            ]
        );
        assert_eq!(prose_topics("Canada believes the topics matter."), None);
    }

    #[test]
    fn page_furniture_of_un_records_and_pdfs() {
        for line in [
            "15-29425 31/34",
            "A/70/PV.15 28/09/2015",
            "24-27318 12/28",
            "A/79/PV.9 24/09/2024",
            "Page 2 of 3",
            "Page 1|6",
            "Page 2 / 6",
            "- 2 -",
            "12",
            "| |",
            "31/34 15-29425",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "In 2015 the treaty entered into force.",
            "A/RES/77/41 called on States not to test.",
            "2030 Agenda",
            "Country: Chile",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn a_sentence_cut_by_a_page_break_is_joined() {
        let p = |t: &str| Block::single(BlockKind::Paragraph, t, None, None);
        let blocks = prepare(vec![
            p("The Minister stressed that aid must arrive early and the Republic would"),
            p("A/79/PV.9 24/09/2024"),
            p("continue to increase its contributions."),
            p("Next paragraph."),
        ]);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].lines.len(), 2);
    }

    #[test]
    fn openings_and_senders_name_the_delegation() {
        let c = |t: &str| opening_country(t).map(|c| c.iso3);
        assert_eq!(
            c("The Delegation of Japan is honoured to serve."),
            Some("JPN")
        );
        assert_eq!(
            c("The delegation of the United States of America believes that ..."),
            Some("USA")
        );
        assert_eq!(c("As the delegation from Chile, we ..."), Some("CHL"));
        assert_eq!(c("The delegation of experts met in Geneva."), None);
        assert_eq!(c("Japan and Chile agree."), None);
        assert_eq!(c("We thank the delegation of France for its work."), None);
        assert_eq!(
            c("Water matters. The Delegation of Japan agrees."),
            Some("JPN")
        );
        let s = |t: &str| subject_country(t).map(|c| c.iso3);
        assert_eq!(
            s("Saudi Arabia believes that water is a right."),
            Some("SAU")
        );
        assert_eq!(
            s("The Republic of Korea strongly supports the treaty."),
            Some("KOR")
        );
        assert_eq!(s("Japan's policy rests on three pillars."), Some("JPN"));
        assert_eq!(
            s("Japan\u{2019}s policy rests on three pillars."),
            Some("JPN")
        );
        assert_eq!(s("Japan and Chile agree."), None);
        assert_eq!(
            s("As a landlocked country, Bolivia believes water matters."),
            Some("BOL")
        );
        assert_eq!(s("As Chile said, water matters."), None);
        assert_eq!(s("Japan, like Chile, agrees."), None);
        assert_eq!(s("Water security matters to Japan."), None);
        assert_eq!(s("Since 2010 Japan has acted."), None);
        assert_eq!(s("Japan"), None);
        assert_eq!(s(""), None);
        let m = |t: &str| opening_committee(t).map(|c| c.code);
        assert_eq!(
            m("The Delegation of Japan is honoured to serve on the Commission on Narcotic Drugs."),
            Some("CND")
        );
        assert_eq!(
            m("Japan welcomes the report. The delegation of Japan sits in the Human Rights Council."),
            Some("HRC")
        );
        // An acronym, or a body named in a sentence that is not the delegation's own.
        assert_eq!(m("The Delegation of France, a member of the EU, ..."), None);
        assert_eq!(m("The Security Council met. France agrees."), None);
        let t = |s: &str| opening_topic(s);
        assert_eq!(
            t("The Delegation of Japan is honoured to address the topic of synthetic drug markets.")
                .as_deref(),
            Some("synthetic drug markets")
        );
        assert_eq!(
            t("The delegation of Chile, on the question of water scarcity in the Andes, asks ...")
                .as_deref(),
            Some("water scarcity in the Andes")
        );
        assert_eq!(t("The Delegation of Japan raises the issue of it."), None);
        assert_eq!(t("Japan has long studied the topic of drug markets."), None);
        let p = |t: &str| possessive_title(t).map(|(c, topic)| (c.iso3, topic));
        assert_eq!(
            p("Canada's Position on Antimicrobial Resistance"),
            Some(("CAN", Some("Antimicrobial Resistance".to_owned())))
        );
        assert_eq!(
            p("Japan’s Stance on Nuclear Disarmament"),
            Some(("JPN", Some("Nuclear Disarmament".to_owned())))
        );
        assert_eq!(p("Brazil's Policy"), Some(("BRA", None)));
        assert_eq!(p("Canada's Forests Are Burning"), None);
        assert_eq!(p("Our Friends' Position on Trade"), None);
        let s = |t: &str| submitted_by(t);
        assert_eq!(
            s("Submitted by the Dominican Republic").as_deref(),
            Some("the Dominican Republic")
        );
        assert_eq!(
            s("Presented by the Delegation of Japan").as_deref(),
            Some("Japan")
        );
        assert_eq!(s("Submitted by Alex Kim"), None);
        assert_eq!(s("Written by Lincoln High School"), None);
    }

    #[test]
    fn a_label_opening_a_paragraph_becomes_a_heading() {
        let p = |t: &str| Block::single(BlockKind::Paragraph, t, Some(3), None);
        let out = split_inline_labels([p(
            "ABOUT THE COUNTRY: Sweden, officially the Kingdom of Sweden, is a Nordic country.",
        )]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].kind, BlockKind::Heading(3));
        assert_eq!(out[0].lines[0].text, "ABOUT THE COUNTRY");
        assert!(out[1].lines[0].text.starts_with("Sweden, officially"));
        let out = split_inline_labels([p(
            "**Background:** The treaty entered into force in 1970 and binds most States.",
        )]);
        assert_eq!(out[0].lines[0].text, "Background");
        // Prose with a colon, and header fields, stay as they are.
        assert_eq!(
            split_inline_labels([p("In 2019 the figures were clear: seizures rose again.")]).len(),
            1
        );
        assert_eq!(
            split_inline_labels([p("Country: Sweden and its neighbours in the north")]).len(),
            1
        );
        // A section's name in Title Case opening its paragraph, in plain text.
        let out = split_inline_labels([p(
            "Past International Action: The 1989 Convention has few parties so far.",
        )]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].lines[0].text, "Past International Action");
        assert!(out[1].lines[0].text.starts_with("The 1989"));
        // Not a name of a section, or not followed by a sentence: prose.
        for prose in [
            "Our Friends Abroad: The partners of the region have helped us for years.",
            "Background: see the report of the Secretary-General for more on this.",
            "Two Goals: Peace and prosperity for all the peoples of the region.",
        ] {
            assert_eq!(split_inline_labels([p(prose)]).len(), 1, "{prose}");
        }
    }

    #[test]
    fn a_section_name_on_its_own_line_inside_a_paragraph_heads_what_follows() {
        let para = |text: &str| {
            Block::new(
                BlockKind::Paragraph,
                text.lines()
                    .enumerate()
                    .map(|(i, l)| SrcLine::new(l, Some(i as u32 + 1), None))
                    .collect(),
            )
        };
        let out = split_inline_labels([para(
            "A. Background\nNetworks recruit workers online.\nB. Position of the Government\nOman adopted a law in 2008.\nC. Proposals.\nOman proposes a registry.",
        )]);
        let shown: Vec<(BlockKind, String)> = out
            .iter()
            .map(|b| (b.kind, b.lines[0].text.clone()))
            .collect();
        assert_eq!(
            shown,
            vec![
                (BlockKind::Heading(3), "A. Background".to_owned()),
                (
                    BlockKind::Paragraph,
                    "Networks recruit workers online.".to_owned()
                ),
                (
                    BlockKind::Heading(3),
                    "B. Position of the Government".to_owned()
                ),
                (
                    BlockKind::Paragraph,
                    "Oman adopted a law in 2008.".to_owned()
                ),
                (BlockKind::Heading(3), "C. Proposals".to_owned()),
                (BlockKind::Paragraph, "Oman proposes a registry.".to_owned()),
            ]
        );
        assert_eq!(out[3].first_line(), Some(4));
        // "WORKS CITED" over a short citation.
        let out = split_inline_labels([para("WORKS CITED\n\"Global Report.\" UNODC, 2022.")]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].kind, BlockKind::Heading(3));
        // A wrapped sentence whose line happens to hold such words, or a name after a
        // line that does not end its sentence, stays in its paragraph.
        for text in [
            "Oman has long argued that the\nNational Policy\nof each state must decide.",
            "The committee should review its\nBackground\nPapers before the session.",
            "Oman adopted a law.\nNational policy\nis set by the Council.",
            "Oman adopted a law.\nBackground and\nHistory of the Issue",
        ] {
            assert_eq!(split_inline_labels([para(text)]).len(), 1, "{text}");
        }
    }

    #[test]
    fn titles_and_sentences() {
        assert!(looks_like_title("Republic of Colombia"));
        assert!(looks_like_title("International Cooperation in Mine Action"));
        assert!(looks_like_title("Special Political and Decolonization"));
        assert!(!looks_like_title(
            "Belgium wants the darknet markets closed"
        ));
    }
}
