//! Stance: whether a passage supports, opposes or only mentions what a query matched, and a
//! country's stance from its passages. Rule-based, over the cue lexicon in `stance_cues.tsv`.
//!
//! How a passage is read, sentence by sentence (those holding a match, the next one when it
//! refers back with "it"/"this", and the line introducing a list item):
//! - A cue takes a side on its object, the words after it up to the end of its clause
//!   ("Russia rejects X"), or on its subject ("X is premature", "X would undermine Y").
//! - Cues inside a cue's object compose: "rejects attempts to undermine X" and "opposes any
//!   weakening of X" support X; "calls for an end to X", "calls for the lifting of X" oppose
//!   it. A coordinated cue starts again from the first one ("against A and against B").
//! - A negation turns the next cue within five words ("does not support", "will never
//!   accept"); with no cue it turns what follows ("weapons that operate without X should be
//!   prohibited" supports X; "there must be no X" opposes X). "not only" is no negation.
//! - Beliefs ("believes", "considers", "notes that") take no side themselves but pass their
//!   negation on ("does not consider it necessary to negotiate X" opposes X).
//! - A conceded clause ("while we respect X,", "although", "despite") does not count; the
//!   main clause decides, and may refer back to X ("..., Russia rejects them").
//! - Said by others is no stance: "some states advocate X", "critics argue", "the Assembly
//!   rejected X", "fifty states have endorsed X"; but "States should adopt X" (a modal) and
//!   "proposes that the Council recognise X" are the author's.
//! - A cue counts only when its object holds most of the query's words in the sentence, so
//!   "condemns drug trafficking" takes no side on "a task force against drug trafficking".
//! - A list item is a proposal: a weak stance for its head noun phrase.
//! - Names are not cues ("the Strategy for Preventing ..."), nor are weak cues in the past
//!   tense ("established a working group").

use serde::{Deserialize, Serialize, Serializer};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Where a country stands on what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Support,
    Oppose,
    Mixed,
    Mention,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Mixed => "mixed",
            Stance::Mention => "mention",
        }
    }

    /// Reads `support`, `oppose`, `mixed` or `mention` (any case; `supports`, `opposes`,
    /// `mentions` and `against`/`for` are accepted too).
    pub fn parse(s: &str) -> Option<Stance> {
        match s.trim().to_ascii_lowercase().as_str() {
            "support" | "supports" | "for" => Some(Stance::Support),
            "oppose" | "opposes" | "against" => Some(Stance::Oppose),
            "mixed" => Some(Stance::Mixed),
            "mention" | "mentions" => Some(Stance::Mention),
            _ => None,
        }
    }
}

impl std::fmt::Display for Stance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

fn range_pair<S: Serializer>(r: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
    [r.start, r.end].serialize(s)
}

/// Evidence for one passage's stance: the sentence and the cue words, as byte ranges into
/// the passage text. `explicit` is true when a strong cue decided it ("rejects", "calls
/// for", "will not support", "is essential") and false for a weak one ("welcomes", "is
/// concerned", "encourages", "believes", "does not oppose"), or for a mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub stance: Stance,
    #[serde(serialize_with = "range_pair")]
    pub sentence: Range<usize>,
    pub cues: Vec<[usize; 2]>,
    pub explicit: bool,
}

/// One country's stance from its passages' evidence. `support` and `oppose` count the
/// passages taking that side (a mixed passage counts in both), `mention` those taking none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryStance {
    pub stance: Stance,
    /// 0..1: how many passages take the side and how explicitly, net of the other side.
    pub strength: f32,
    pub support: usize,
    pub oppose: usize,
    pub mention: usize,
}

/// One country's stance: the side its passages take, weighing an explicit passage twice a
/// weak one. Mixed only when both sides are taken explicitly and the smaller side weighs at
/// least half the larger; mention when no passage takes a side (or weak cues cancel out).
pub fn country_stance(evidence: &[Evidence]) -> CountryStance {
    let (mut support, mut oppose, mut mention) = (0, 0, 0);
    let (mut sw, mut ow) = (0u32, 0u32);
    let (mut s_explicit, mut o_explicit) = (false, false);
    for e in evidence {
        let w = if e.explicit { 2 } else { 1 };
        match e.stance {
            Stance::Support => {
                support += 1;
                sw += w;
                s_explicit |= e.explicit;
            }
            Stance::Oppose => {
                oppose += 1;
                ow += w;
                o_explicit |= e.explicit;
            }
            Stance::Mixed => {
                support += 1;
                oppose += 1;
                sw += w;
                ow += w;
                s_explicit |= e.explicit;
                o_explicit |= e.explicit;
            }
            Stance::Mention => mention += 1,
        }
    }
    let (hi, lo) = (sw.max(ow), sw.min(ow));
    let stance = if hi == 0 {
        Stance::Mention
    } else if s_explicit && o_explicit && lo * 2 >= hi {
        Stance::Mixed
    } else if sw == ow {
        Stance::Mention
    } else if sw > ow {
        Stance::Support
    } else {
        Stance::Oppose
    };
    let strength = match stance {
        Stance::Mention => 0.0,
        Stance::Mixed => lo as f32 / hi as f32,
        _ => {
            let margin = (hi - lo) as f32;
            margin / (margin + 2.0)
        }
    };
    CountryStance {
        stance,
        strength,
        support,
        oppose,
        mention,
    }
}

// ---------------------------------------------------------------------------------------
// The lexicon

#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Flags {
    support: bool,
    oppose: bool,
    support_subject: bool,
    oppose_subject: bool,
    flip: bool,
    frame: bool,
    negator: bool,
    nonneg: bool,
    concession: bool,
    other: bool,
    author: bool,
    /// Made of the query's own words ("banned" for "ban on X"): saying it is done, or
    /// should be, is for the query; negated, against it.
    topic: bool,
    /// A practice ("applies", "enacted", "hosted"): a stance only when the author does it.
    practice: bool,
}

impl Flags {
    fn takes_side(&self) -> bool {
        self.support || self.oppose || self.frame
    }
    fn subject_side(&self) -> bool {
        self.support_subject || self.oppose_subject
    }
}

#[derive(Debug)]
enum Pat {
    Exact(Vec<String>),
    Prefix(String),
}

impl Pat {
    fn hits(&self, w: &str) -> bool {
        match self {
            Pat::Exact(forms) => forms.iter().any(|f| f == w),
            Pat::Prefix(p) => w.starts_with(p.as_str()),
        }
    }
}

#[derive(Debug)]
struct Cue {
    words: Vec<Pat>,
    flags: Flags,
    strength: u8,
}

struct Lexicon {
    cues: Vec<Cue>,
    by_first: HashMap<String, Vec<usize>>,
    prefixed: Vec<usize>,
}

/// The verb forms of a lemma: propose -> proposes, proposed, proposing; commit ->
/// committed; rely -> relies. Over-generating is harmless: the extra forms are not words.
fn verb_forms(lemma: &str) -> Vec<String> {
    let mut v = vec![
        lemma.to_owned(),
        format!("{lemma}s"),
        format!("{lemma}es"),
        format!("{lemma}ed"),
        format!("{lemma}d"),
        format!("{lemma}ing"),
    ];
    if let Some(stem) = lemma.strip_suffix('e') {
        v.push(format!("{stem}ing"));
    }
    if let Some(stem) = lemma.strip_suffix('y') {
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
    }
    if let Some(last) = lemma.chars().last() {
        if !"aeiouwy".contains(last) {
            v.push(format!("{lemma}{last}ed"));
            v.push(format!("{lemma}{last}ing"));
        }
    }
    v
}

const LEXICON_TSV: &str = include_str!("stance_cues.tsv");

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| parse_lexicon(LEXICON_TSV))
}

fn parse_lexicon(tsv: &str) -> Lexicon {
    let mut cues = Vec::new();
    for line in tsv.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(cue), Some(class)) = (cols.next(), cols.next()) else {
            continue;
        };
        let strength = cols.next().and_then(|s| s.trim().parse().ok()).unwrap_or(1);
        let mut flags = Flags::default();
        for c in class.split(',') {
            match c.trim() {
                "support" => flags.support = true,
                "oppose" => flags.oppose = true,
                "support-subject" => flags.support_subject = true,
                "oppose-subject" => flags.oppose_subject = true,
                "flip" => flags.flip = true,
                "frame" => flags.frame = true,
                "negator" => flags.negator = true,
                "nonneg" => flags.nonneg = true,
                "concession" => flags.concession = true,
                "other" => flags.other = true,
                "self" => flags.author = true,
                "practice" => flags.practice = true,
                _ => {}
            }
        }
        let words = cue
            .split_whitespace()
            .map(|w| {
                let w = w.to_lowercase();
                if let Some(l) = w.strip_suffix('~') {
                    Pat::Exact(verb_forms(l))
                } else if let Some(p) = w.strip_suffix('*') {
                    Pat::Prefix(p.to_owned())
                } else {
                    Pat::Exact(vec![w])
                }
            })
            .collect::<Vec<_>>();
        if words.is_empty() {
            continue;
        }
        cues.push(Cue {
            words,
            flags,
            strength,
        });
    }
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    let mut prefixed = Vec::new();
    for (i, c) in cues.iter().enumerate() {
        match &c.words[0] {
            Pat::Exact(forms) => {
                for f in forms {
                    let e = by_first.entry(f.clone()).or_default();
                    if !e.contains(&i) {
                        e.push(i);
                    }
                }
            }
            Pat::Prefix(_) => prefixed.push(i),
        }
    }
    Lexicon {
        cues,
        by_first,
        prefixed,
    }
}

// ---------------------------------------------------------------------------------------
// Tokens and sentences

#[derive(Debug, Clone)]
struct Tok {
    start: usize,
    end: usize,
    /// Lowercased, curly apostrophes made straight; punctuation is its own character.
    low: String,
    word: bool,
    /// Starts with an uppercase letter.
    cap: bool,
    /// All its letters are uppercase ("WHO", "UNODC").
    upper: bool,
}

fn tokenize(text: &str, base: usize) -> Vec<Tok> {
    let mut toks = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let joiner = matches!(d, '-' | '\'' | '’' | '‑')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                if d.is_alphanumeric() || joiner {
                    j += if joiner { 2 } else { 1 };
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            let s = &text[pos..end];
            toks.push(Tok {
                start: base + pos,
                end: base + end,
                low: s.to_lowercase().replace('’', "'").replace('‑', "-"),
                word: true,
                cap: c.is_uppercase(),
                upper: s.chars().all(|ch| !ch.is_lowercase()),
            });
            i = j;
        } else {
            if matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '.' | '!' | '?') {
                toks.push(Tok {
                    start: base + pos,
                    end: base + pos + c.len_utf8(),
                    low: c.to_string(),
                    word: false,
                    cap: false,
                    upper: false,
                });
            }
            i += 1;
        }
    }
    toks
}

const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "art", "arts", "para", "paras", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr",
    "st", "vs", "fig", "vol", "pp", "p", "cf", "al", "approx", "res", "doc", "sec", "ch",
];

/// Sentence ranges: ends at `.`/`!`/`?` before an uppercase letter, digit, quote or bullet
/// (not after an abbreviation or an initial), and at a blank line or a line starting a list
/// item.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let mut cut = None;
        if c == b'.' || c == b'!' || c == b'?' {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            let ws = j >= b.len() || b[j].is_ascii_whitespace();
            let mut k = j;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            let next_ok = k >= b.len()
                || text[k..].chars().next().is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || "\"'“‘(-•*[".contains(n)
                });
            let word_before: String = text[..i]
                .chars()
                .rev()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '.')
                .collect::<String>()
                .chars()
                .rev()
                .collect::<String>()
                .to_lowercase();
            // "1. A global cap ..." or "iv. Adopt ...": a list marker opening its line, not
            // a sentence of its own.
            let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
            let marker = text[line_start..i].trim_start();
            let list_marker = c == b'.'
                && marker == word_before
                && !marker.is_empty()
                && (marker.bytes().all(|d| d.is_ascii_digit())
                    || (marker.len() <= 4 && marker.bytes().all(|d| b"ivx".contains(&d))));
            let abbrev = c == b'.'
                && (list_marker
                    || ABBREVIATIONS.contains(&word_before.as_str())
                    || (word_before.chars().count() == 1
                        && word_before.chars().all(|ch| ch.is_alphabetic()))
                    || word_before.contains('.'));
            if ws && next_ok && !abbrev {
                cut = Some(j);
            }
        } else if c == b'\n' {
            let mut k = i + 1;
            while k < b.len() && (b[k] == b' ' || b[k] == b'\t' || b[k] == b'\r') {
                k += 1;
            }
            let rest = &text[k.min(b.len())..];
            let bullet = rest.starts_with('\n')
                || rest.starts_with("- ")
                || rest.starts_with("* ")
                || rest.starts_with('•')
                || {
                    let digits = rest.bytes().take_while(|d| d.is_ascii_digit()).count();
                    digits > 0 && matches!(rest.as_bytes().get(digits), Some(b'.') | Some(b')'))
                };
            if bullet {
                cut = Some(i);
            }
        }
        if let Some(end) = cut {
            if text[start..end]
                .trim()
                .chars()
                .any(|ch| ch.is_alphanumeric())
            {
                out.push(start..end);
            }
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    if text[start..].trim().chars().any(|ch| ch.is_alphanumeric()) {
        out.push(start..text.len());
    }
    // Trim the whitespace around each sentence.
    out.into_iter()
        .map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            r.start + lead..r.end - trail
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Cues in a sentence

#[derive(Debug, Clone)]
struct CueHit {
    /// Token range of the cue.
    a: usize,
    b: usize,
    flags: Flags,
    strength: u8,
}

fn find_cues(toks: &[Tok], is_match: &[Option<usize>]) -> Vec<CueHit> {
    let lex = lexicon();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].word {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, usize)> = None; // (cue index, end token)
        let mut cands: Vec<usize> = lex.by_first.get(&toks[i].low).cloned().unwrap_or_default();
        cands.extend(
            lex.prefixed
                .iter()
                .copied()
                .filter(|&c| lex.cues[c].words[0].hits(&toks[i].low)),
        );
        for c in cands {
            let cue = &lex.cues[c];
            // Adverbs may sit inside a cue: "are also deeply concerned about".
            let mut k = i;
            let mut ok = true;
            for (n, p) in cue.words.iter().enumerate() {
                while n > 0
                    && k < toks.len()
                    && (is_adverb(&toks[k]) || INSIDE_CUE.contains(&toks[k].low.as_str()))
                    && !p.hits(&toks[k].low)
                {
                    k += 1;
                }
                if k < toks.len() && toks[k].word && p.hits(&toks[k].low) {
                    k += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            let end = k;
            if ok && best.is_none_or(|(_, e)| end > e) {
                best = Some((c, end));
            }
        }
        // Contracted negations: doesn't, won't, can't.
        if best.is_none() && (toks[i].low.ends_with("n't")) {
            hits.push(CueHit {
                a: i,
                b: i + 1,
                flags: Flags {
                    negator: true,
                    ..Flags::default()
                },
                strength: 2,
            });
            i += 1;
            continue;
        }
        match best {
            // A cue made of the query's own words is the topic, not a stance on it.
            Some((c, end)) if (i..end).all(|k| is_match[k].is_none()) => {
                let cue = &lex.cues[c];
                hits.push(CueHit {
                    a: i,
                    b: end,
                    flags: cue.flags,
                    strength: cue.strength,
                });
                i = end;
            }
            // A side-taking cue made of the query's words ("is banned" for "ban on X",
            // "reducing harm" for "harm reduction") does what the query names.
            // Not when it stands inside the query's phrase ("global bans", "abandoned
            // fishing gear"), unless it is a verb after its subject ("the Act of 2018
            // legalised cannabis").
            Some((c, end))
                if (i..end).all(|k| is_match[k].is_some())
                    && (!(i > 0 && is_match[i - 1].is_some())
                        && !is_match.get(end).is_some_and(|m| m.is_some())
                        || (toks[end - 1].low.ends_with("ed")
                            && i > 0
                            && is_match[i - 1].is_none()
                            && toks[i - 1].word
                            && !EMBEDDERS.contains(&toks[i - 1].low.as_str())
                            && !DETERMINERS.contains(&toks[i - 1].low.as_str())))
                    && {
                        let f = lex.cues[c].flags;
                        (f.support || f.oppose || f.support_subject || f.oppose_subject)
                            && !f.flip
                            && !f.frame
                    } =>
            {
                let f = lex.cues[c].flags;
                hits.push(CueHit {
                    a: i,
                    b: end,
                    flags: Flags {
                        support: f.support || f.oppose,
                        support_subject: f.support_subject || f.oppose_subject,
                        topic: true,
                        practice: f.practice,
                        ..Flags::default()
                    },
                    strength: 1,
                });
                i = end;
            }
            _ => {
                // "WHO" the organisation, not the relative pronoun.
                if toks[i].low == "who" && toks[i].upper {
                    hits.push(CueHit {
                        a: i,
                        b: i + 1,
                        flags: Flags {
                            other: true,
                            ..Flags::default()
                        },
                        strength: 0,
                    });
                }
                i += 1;
            }
        }
    }
    hits
}

/// A weak verb against something ("combat", "reduce", "close") takes only the noun phrase
/// right after it.
fn short_scope(c: &CueHit, negated: bool) -> bool {
    c.flags.oppose && c.strength <= 1 && !negated && !c.flags.flip
}

/// Adjectives that take a side on their subject only when said of it.
const ADJECTIVE_CUES: &[&str] = &[
    "premature",
    "counterproductive",
    "indispensable",
    "essential",
    "needed",
    "necessary",
    "useful",
    "legitimate",
    "unacceptable",
    "dangerous",
    "ineffective",
    "effective",
];

/// Whether the adjective at token `a` is predicated ("is essential", "consider it
/// necessary", "remains indispensable", "as premature").
fn predicative(toks: &[Tok], a: usize) -> bool {
    let complement_verb = |t: &Tok| {
        ["consider", "find", "deem", "regard", "judge"]
            .iter()
            .any(|v| t.low.starts_with(v))
    };
    if toks[..a].iter().any(complement_verb) {
        return true;
    }
    toks[..a]
        .iter()
        .rev()
        .find(|t| {
            !(is_adverb(t)
                || matches!(
                    t.low.as_str(),
                    "not"
                        | "and"
                        | "or"
                        | "so"
                        | "too"
                        | "both"
                        | "also"
                        | ","
                        | "equally"
                        | "more"
                        | "a"
                        | "an"
                        | "the"
                        | "only"
                        | "very"
                        | "fully"
                        | "entirely"
                ))
        })
        .is_some_and(|t| {
            matches!(
                t.low.as_str(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
                    | "remain"
                    | "remains"
                    | "seem"
                    | "seems"
                    | "become"
                    | "becomes"
                    | "it"
                    | "them"
                    | "as"
                    | "consider"
                    | "considers"
                    | "find"
                    | "finds"
                    | "deem"
                    | "deems"
                    | "this"
                    | "that"
            )
        })
}

/// Whether the cue at token `a` is coordinated with what came before ("and against").
fn coordinated(toks: &[Tok], a: usize) -> bool {
    toks[..a]
        .iter()
        .rev()
        .find(|t| !(is_adverb(t) || DETERMINERS.contains(&t.low.as_str())))
        .is_some_and(|t| matches!(t.low.as_str(), "and" | "or" | "," | "nor"))
}

/// Whether token `a` is the first word of its sentence, after any list marker ("(a)",
/// "2.", "iv)").
fn opens_sentence(toks: &[Tok], a: usize) -> bool {
    let words: Vec<&Tok> = toks[..a].iter().filter(|t| t.word).collect();
    match words.as_slice() {
        [] => true,
        [w] => {
            w.low.chars().count() <= 3
                && toks
                    .iter()
                    .position(|t| std::ptr::eq(t, *w))
                    .and_then(|p| toks.get(p + 1))
                    .is_some_and(|n| n.low == ")" || n.low == ".")
        }
        _ => false,
    }
}

/// Whether a token leaves the clause open (it is not a clause boundary).
fn clause_open(t: &Tok) -> bool {
    t.word || !matches!(t.low.as_str(), ";" | ":" | "—" | "–")
}

/// Words that may stand inside a cue without breaking it.
const INSIDE_CUE: &[&str] = &[
    "also",
    "very",
    "still",
    "therefore",
    "thus",
    "always",
    "again",
    "once",
    "particularly",
    "further",
];

const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "does",
    "do",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "therefore",
    "thus",
    "also",
    "further",
    "furthermore",
    "moreover",
    "hence",
    "still",
    "consistently",
    "continues",
    "continue",
    "to",
    "fully",
    "and",
    "equally",
    "once",
    "again",
    "too",
    "itself",
    "strongly",
    "firmly",
];
const BE_PRESENT: &[&str] = &["is", "are", "be", "being"];
const BE_PAST: &[&str] = &["was", "were", "been"];
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "any",
    "all",
    "its",
    "their",
    "such",
    "further",
    "greater",
    "more",
    "stronger",
    "new",
    "this",
    "these",
    "every",
    "each",
    "our",
    "renewed",
    "continued",
    "global",
    "international",
    "universal",
    "full",
    "effective",
    "immediate",
    "complete",
    "unconditional",
    "urgent",
    "strict",
    "total",
    "comprehensive",
    "possible",
];
const EMBEDDERS: &[&str] = &[
    "to", "of", "for", "on", "against", "at", "about", "over", "in", "by", "which", "that", "who",
    "towards", "toward", "with", "upon", "from", "into",
];
const LIKE: &[&str] = &[
    "like",
    "unlike",
    "with",
    "alongside",
    "including",
    "as",
    "among",
    "joins",
    "join",
    "joined",
    "and",
    "other",
];
const ANAPHORS: &[&str] = &["it", "this", "these", "them", "such"];

fn is_adverb(t: &Tok) -> bool {
    t.word && t.low.len() > 4 && t.low.ends_with("ly") && t.low != "only" && t.low != "apply"
}

/// One stance taken in a sentence: its side, strength, cue words and what it governs.
#[derive(Debug, Clone)]
struct Chain {
    /// The side taken on what comes next.
    pol: i8,
    /// The side before any flip: a coordinated flip ("against A and against B") starts
    /// again from it.
    base: i8,
    strength: u8,
    cues: Vec<[usize; 2]>,
    /// Indices into the passage's matches, with the side taken on each.
    governed: Vec<(usize, i8)>,
    anaphor: bool,
    /// Said by someone else ("some states advocate"), in a conceded clause, or a belief
    /// verb whose clause carries its own cue: does not count.
    void: bool,
    /// Said by someone other than the author.
    other: bool,
    /// Follows a conceded clause in its sentence.
    after_concession: bool,
    /// Taken by the author inside a conceded clause ("while we support X, ..."): it does
    /// not decide, but against a main clause taking the other side it makes a mix.
    conceded: bool,
    frame: bool,
    frame_neg: bool,
    head_tok: usize,
    sentence: Range<usize>,
}

impl Chain {
    /// A chain taking side `pol` at its cues, said by the author, with nothing
    /// governed yet; the literal at each use site sets what differs.
    fn new(pol: i8, cues: Vec<[usize; 2]>, head_tok: usize, sentence: Range<usize>) -> Chain {
        Chain {
            pol,
            base: pol,
            strength: 1,
            cues,
            governed: Vec::new(),
            anaphor: false,
            void: false,
            other: false,
            after_concession: false,
            conceded: false,
            frame: false,
            frame_neg: false,
            head_tok,
            sentence,
        }
    }
}

/// The stances taken in one sentence on the matches in it (and on anaphors).
fn sentence_chains(
    text: &str,
    sent: Range<usize>,
    matches: &[Range<usize>],
    with_anaphors: bool,
    proposal: bool,
    author: &[String],
) -> Vec<Chain> {
    let toks = tokenize(&text[sent.clone()], sent.start);
    // Only the matches inside this sentence, so a passage with many matches stays linear.
    let local: Vec<usize> = (0..matches.len())
        .filter(|&m| matches[m].start < sent.end && sent.start < matches[m].end)
        .collect();
    let is_match: Vec<Option<usize>> = toks
        .iter()
        .map(|t| {
            local
                .iter()
                .copied()
                .find(|&m| matches[m].start < t.end && t.start < matches[m].end)
        })
        .collect();
    let cues = find_cues(&toks, &is_match);
    let mut cue_at: Vec<Option<usize>> = vec![None; toks.len()];
    for (ci, c) in cues.iter().enumerate() {
        cue_at[c.a] = Some(ci);
    }

    // Clauses: `;`, a colon that does not close a cue, ", but", "however"; and conceded
    // clauses: a concession opening the sentence runs to its first comma, one later in
    // the sentence runs to its end.
    let mut clause = vec![0usize; toks.len()];
    let mut conceded = vec![false; toks.len()];
    let mut cid = 0;
    let mut in_concession = false;
    let mut concession_to_comma = false;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word && (t.low == ";" || t.low == "—" || t.low == "–") {
            cid += 1;
            in_concession = false;
        } else if !t.word && t.low == ":" {
            let after_cue = cues.iter().any(|c| c.b == i && c.flags.takes_side());
            if !after_cue {
                cid += 1;
                in_concession = false;
            }
        } else if t.word
            && (t.low == "but"
                || (t.low == "however"
                    && !(i > 0
                        && toks[i - 1].low == ","
                        && toks.get(i + 1).is_some_and(|n| n.low == ",")))
                || t.low == "yet"
                || (t.low == "so" && toks.get(i + 1).is_some_and(|n| n.low == "that")))
        {
            cid += 1;
            in_concession = false;
        } else if t.word
            && t.low == "and"
            && i > 0
            && toks[i - 1].low == ","
            && toks
                .get(i + 1)
                .is_some_and(|n| n.low != "to" && !n.low.ends_with("ing"))
            && !toks[..i - 1]
                .iter()
                .rev()
                .take_while(|p| clause_open(p))
                .any(|p| p.low == ",")
        {
            // ", and" after a clause with no list in it opens a new clause.
            cid += 1;
            in_concession = false;
        } else if !t.word && t.low == "," && in_concession && concession_to_comma {
            cid += 1;
            in_concession = false;
        } else if let Some(ci) = cue_at[i] {
            if cues[ci].flags.concession {
                let first = toks[..i].iter().all(|p| !p.word);
                // "while"/"whereas" inside a sentence contrast two clauses of equal weight;
                // opening one, or "although"/"despite" anywhere, they concede.
                let contrast = matches!(toks[i].low.as_str(), "while" | "whilst" | "whereas");
                // "..., while promoting X": the same subject goes on.
                let gerund = toks.get(i + 1).is_some_and(|n| n.low.ends_with("ing"));
                if contrast && !first && gerund {
                    clause[i] = cid;
                    conceded[i] = in_concession;
                    i += 1;
                    continue;
                }
                cid += 1;
                in_concession = first || !contrast;
                concession_to_comma = first;
            }
        }
        clause[i] = cid;
        conceded[i] = in_concession;
        i += 1;
    }

    // "Producer responsibility: a mandatory obligation ...": a list item may open on a
    // short label; what follows it is the proposal too.
    let label = toks.iter().position(|t| t.low == ":").is_some_and(|p| {
        p + 1 < toks.len() && clause[p + 1] == 1 && toks[..p].iter().filter(|t| t.word).count() <= 5
    });
    let mut chains: Vec<Chain> = Vec::new();
    let mut cur: Option<usize> = None;
    let mut pending_neg: Option<(usize, usize)> = None; // (token, word tokens left)
    let mut clause_flip: i8 = 1;
    let mut free_negs: Vec<usize> = Vec::new();
    let mut short: Option<usize> = None;
    let mut last_clause = usize::MAX;
    let mut i = 0;
    while i < toks.len() {
        if clause[i] != last_clause {
            last_clause = clause[i];
            cur = None;
            pending_neg = None;
            clause_flip = 1;
            free_negs.clear();
            short = None;
            if proposal && (last_clause == 0 || (last_clause == 1 && label)) {
                // A list item is a proposal: a weak stance for what it names, unless a cue
                // of its own says otherwise ("- a moratorium on X").
                chains.push(Chain::new(1, Vec::new(), 0, sent.clone()));
                cur = Some(chains.len() - 1);
            }
        }
        if let Some(ci) = cue_at[i] {
            let c = cues[ci].clone();
            let f = c.flags;
            let mut range = [toks[c.a].start, toks[c.b - 1].end];
            if f.negator
                && toks[c.a].low == "no"
                && toks.get(c.b).is_some_and(|t| {
                    t.low == "." || t.low.starts_with(|d: char| d.is_ascii_digit())
                })
            {
                // "No. 3-FZ"
                i = c.b;
                continue;
            }
            if f.negator {
                // A negation with a cue close after it negates that cue; one without
                // ("weapons that cannot be used with X", "there must be no X") turns the
                // side taken on what follows.
                let mut words = 0;
                let mut has_cue = false;
                for (k, t) in toks.iter().enumerate().skip(c.b) {
                    if clause[k] != clause[c.a]
                        || words >= 5
                        || matches!(t.low.as_str(), "and" | "or" | "but")
                    {
                        break;
                    }
                    if let Some(ci2) = cue_at[k] {
                        let g = cues[ci2].flags;
                        if g.takes_side() || g.subject_side() || g.flip {
                            has_cue = true;
                            break;
                        }
                    }
                    if t.word {
                        words += 1;
                    }
                }
                if has_cue {
                    pending_neg = Some((i, 5));
                } else if toks[c.a].low == "nor" || toks[c.a].low == "neither" {
                    // Only ever negates a cue.
                } else {
                    free_negs.push(c.a);
                    let range = [toks[c.a].start, toks[c.b - 1].end];
                    // Not from inside a relative clause: "the only way to reach buyers whom
                    // the police will never reach".
                    let relative = |cc: usize| {
                        toks[chains[cc].head_tok.min(c.a)..c.a].iter().any(|t| {
                            matches!(t.low.as_str(), "who" | "whom" | "which" | "whose" | "where")
                        })
                    };
                    match cur {
                        Some(cc) if !chains[cc].frame && !relative(cc) => {
                            chains[cc].pol = -chains[cc].pol;
                            chains[cc].cues.push(range);
                        }
                        Some(cc) if relative(cc) => {}
                        // ", not X,": X set aside for what the sentence says instead
                        // ("dialogue, not sanctions, produces results").
                        _ if (matches!(
                            toks[c.a].low.as_str(),
                            "no" | "without" | "never" | "nothing"
                        ) || (toks[c.a].low == "not"
                            && c.a > 0
                            && toks[c.a - 1].low == ","))
                            && (c.b..toks.len())
                                .filter(|&k| clause[k] == clause[c.a] && toks[k].word)
                                .take(4)
                                .any(|k| is_match[k].is_some()) =>
                        {
                            let (other, flip) = match cur {
                                Some(cc) => {
                                    chains[cc].void = true;
                                    (chains[cc].other, if chains[cc].frame_neg { -1 } else { 1 })
                                }
                                None => (false, 1),
                            };
                            chains.push(Chain {
                                void: conceded[c.a] || other,
                                other,
                                ..Chain::new(-flip, vec![range], c.a, sent.clone())
                            });
                            cur = Some(chains.len() - 1);
                        }
                        _ => {}
                    }
                }
                i = c.b;
                continue;
            }
            if f.nonneg || f.concession || f.other || f.author {
                // "- Research on X": a proposal to study X takes no side on it.
                if proposal
                    && STUDY.contains(&toks[c.a].low.as_str())
                    && cur.is_some_and(|cc| chains[cc].cues.is_empty())
                {
                    cur = None;
                }
                i = c.b;
                continue;
            }
            let negated = match pending_neg.take() {
                Some((nt, _)) => {
                    range[0] = toks[nt].start;
                    true
                }
                None => false,
            };
            // Passive: "should be adopted" takes a side on its subject; "was adopted in
            // 2015" only tells what happened.
            let mut k = c.a;
            let mut passive_present = false;
            let mut passive_past = false;
            while k > 0 {
                k -= 1;
                let t = &toks[k];
                if is_adverb(t) || t.low == "not" || t.low == "never" {
                    continue;
                }
                if BE_PRESENT.contains(&t.low.as_str()) {
                    passive_present = true;
                } else if BE_PAST.contains(&t.low.as_str()) {
                    passive_past = true;
                }
                break;
            }
            let participle = toks[c.b - 1].low.ends_with("ed") || toks[c.b - 1].low.ends_with("en");
            let side_obj = f.takes_side() && !f.subject_side();
            if side_obj && participle && c.b - c.a == 1 && passive_past {
                i = c.b;
                continue;
            }
            // A capitalised cue inside a sentence is part of a name ("the Strategy for
            // Preventing ...", "the Joint Statement on Efforts to Counter ...").
            let sentence_first = opens_sentence(&toks, c.a);
            if toks[c.a].cap && !sentence_first && !toks[c.a].upper {
                i = c.b;
                continue;
            }
            // What is done is a stance only when the author does it: "the Kingdom applies
            // data localisation", not "other states apply sanctions".
            if f.practice && !author_did(&toks, c.a, &clause, author) {
                i = c.b;
                continue;
            }
            // A participle after a determiner is an adjective: "an established forum",
            // "the proposed text".
            if c.b - c.a == 1
                && toks[c.a].low.ends_with("ed")
                && c.a > 0
                && matches!(
                    toks[c.a - 1].low.as_str(),
                    "a" | "an" | "the" | "its" | "their" | "our" | "this" | "these" | "those"
                )
                && !f.negator
            {
                i = c.b;
                continue;
            }
            // A weak cue in the past tense tells what happened ("established a working
            // group", "accepted the ruling"), not where the author stands; unless the
            // author did it ("the country adopted an EPR law", "our 2022 Act established").
            if c.strength <= 1
                && c.b - c.a == 1
                && !negated
                && !f.frame
                && !passive_present
                && toks[c.b - 1].low.ends_with("ed")
                && !toks[c.b - 1].low.contains('-')
                && !author_did(&toks, c.a, &clause, author)
            {
                i = c.b;
                continue;
            }
            let own: i8 = {
                let base = if f.support || f.support_subject || f.frame {
                    1
                } else if f.oppose || f.oppose_subject {
                    -1
                } else {
                    0
                };
                let base = base * clause_flip;
                if negated {
                    -base
                } else {
                    base
                }
            };
            let strength = if negated {
                if own < 0 {
                    2
                } else {
                    1
                }
            } else {
                c.strength.max(1)
            };
            let conceded_here = conceded[c.a];
            let subject_mode = f.subject_side()
                || (side_obj && !f.frame && participle && c.b - c.a == 1 && passive_present);
            // "legitimate online speech" is no stance; "X is legitimate" is.
            if f.subject_side()
                && c.b - c.a == 1
                && ADJECTIVE_CUES.contains(&toks[c.a].low.as_str())
                && !predicative(&toks, c.a)
            {
                i = c.b;
                continue;
            }
            // "is undermined by X": the agent is what the cue is against.
            let by_agent = f.subject_side()
                && (passive_present || passive_past)
                && participle
                && toks.get(c.b).is_some_and(|t| t.low == "by");
            if by_agent && own != 0 {
                let void = conceded_here || cur.is_some_and(|cc| chains[cc].other);
                chains.push(Chain {
                    strength,
                    void,
                    after_concession: conceded[..c.a].iter().any(|&x| x),
                    ..Chain::new(own, vec![range], c.a, sent.clone())
                });
                cur = Some(chains.len() - 1);
                i = c.b;
                continue;
            }
            if subject_mode && own != 0 {
                let mut own = own;
                if let Some(cc) = cur {
                    if chains[cc].frame {
                        // "does not consider X necessary": the belief is transparent and
                        // its negation turns what it holds.
                        chains[cc].void = true;
                        chains[cc].frame = false;
                        if chains[cc].frame_neg {
                            own = -own;
                            clause_flip = -1;
                        }
                    }
                }
                // The side is taken on what precedes the cue in its clause.
                let mut gov = Vec::new();
                let mut anaphor = false;
                // Its subject runs back to the clause start or the previous cue; a
                // coordinated verb ("... and undermines") shares an earlier subject.
                // A coordinated predicate shares the subject of the one before it: none of
                // its own after a stance ("... a violation of X and undermines"), the
                // belief's subject after a belief ("believes that X reflect ... and are
                // necessary").
                let coord = coordinated(&toks, c.a)
                    && (0..c.a)
                        .rev()
                        .take_while(|&k| clause[k] == clause[c.a])
                        .any(|k| {
                            cues.iter().any(|h| {
                                h.b == k + 1
                                    && !h.flags.frame
                                    && (h.flags.takes_side()
                                        || h.flags.subject_side()
                                        || h.flags.flip)
                            })
                        });
                for k in (0..c.a).rev() {
                    if coord || clause[k] != clause[c.a] {
                        break;
                    }
                    if cues.iter().any(|h| {
                        h.b == k + 1
                            && (h.flags.takes_side() || h.flags.subject_side() || h.flags.flip)
                    }) {
                        break;
                    }
                    if let Some(m) = is_match[k] {
                        if gov.iter().any(|(g, _)| *g == m) {
                            continue;
                        }
                        // A negation before the match in its clause turns it: "weapons
                        // that operate without X should be prohibited".
                        let negs = free_negs
                            .iter()
                            .filter(|&&n| {
                                n < k
                                    && !toks[n + 1..k].iter().any(|t| {
                                        matches!(
                                            t.low.as_str(),
                                            "," | "and" | "or" | "that" | "which" | "who"
                                        )
                                    })
                            })
                            .count();
                        let mut p = if negs % 2 == 1 { -own } else { own };
                        // Inside a stance already taken: "rejects the claim that X is
                        // essential" composes; "rejects X, which undermines Y" and "is
                        // concerned that X normalises" do not.
                        if let Some(cc) = cur {
                            if let Some(pos) = chains[cc].governed.iter().position(|(g, _)| *g == m)
                            {
                                let outer = chains[cc].governed[pos].1;
                                let head = chains[cc].head_tok;
                                let between = &toks[head.min(k)..k];
                                let complement = between.iter().any(|t| t.low == "that")
                                    && between
                                        .iter()
                                        .any(|t| PROPOSITIONS.contains(&t.low.as_str()))
                                    && !between.iter().any(|t| t.low == "which");
                                // "Lifting this embargo is necessary": a gerund subject.
                                let gerund_subject = (0..head)
                                    .rev()
                                    .take_while(|&t| clause[t] == clause[c.a])
                                    .all(|t| !toks[t].word);
                                if (complement || gerund_subject) && !chains[cc].frame {
                                    p = if outer == 0 { p } else { outer * own };
                                }
                                chains[cc].governed.remove(pos);
                            }
                        }
                        gov.push((m, p));
                    } else if with_anaphors && ANAPHORS.contains(&toks[k].low.as_str()) {
                        anaphor = true;
                    }
                }
                // The subject is the topic here, not the speaker: only a belief said by
                // someone else ("critics argue that X would ...") makes it theirs.
                let other = cur.is_some_and(|cc| chains[cc].other);
                let void = conceded_here || other;
                chains.push(Chain {
                    strength,
                    governed: gov,
                    anaphor,
                    void,
                    other,
                    conceded: conceded_here && !other,
                    after_concession: conceded[..c.a].iter().any(|&x| x),
                    ..Chain::new(own, vec![range], c.a, sent.clone())
                });
                if let Some(cc) = cur {
                    if chains[cc].frame {
                        chains[cc].void = true;
                    }
                }
                // "X protects Y": a side on X, and on Y as what it serves.
                if f.support || f.oppose {
                    let n = chains.len() - 1;
                    let pol = if f.support { own } else { -own };
                    chains.push(Chain {
                        void: chains[n].void,
                        other: chains[n].other,
                        ..Chain::new(pol, vec![range], c.a, sent.clone())
                    });
                    cur = Some(chains.len() - 1);
                    i = c.b;
                    continue;
                }
                // "it is necessary to X", "considers it essential that X": the side is taken
                // on what follows.
                let extraposed = chains.last().is_some_and(|ch| ch.governed.is_empty())
                    && toks[..c.a]
                        .iter()
                        .rev()
                        .find(|t| {
                            !is_adverb(t)
                                && !AUXILIARIES.contains(&t.low.as_str())
                                && t.low != "not"
                        })
                        .is_some_and(|t| t.low == "it")
                    && toks
                        .get(c.b..)
                        .into_iter()
                        .flatten()
                        .take(4)
                        .any(|t| t.low == "to" || t.low == "that");
                if extraposed {
                    let n = chains.len() - 1;
                    cur = Some(n);
                    i = c.b;
                    continue;
                }
                // "X would undermine Y": the author values Y.
                if f.flip && !negated {
                    match cur {
                        Some(cc) if !chains[cc].frame => {
                            chains[cc].pol = -chains[cc].pol;
                            chains[cc].cues.push(range);
                        }
                        _ => {
                            chains.push(Chain {
                                void: conceded_here || other,
                                other,
                                ..Chain::new(1, vec![range], c.a, sent.clone())
                            });
                            cur = Some(chains.len() - 1);
                        }
                    }
                }
                i = c.b;
                continue;
            }
            if f.flip && !side_obj {
                if !negated {
                    if let Some(cc) = cur {
                        if coordinated(&toks, c.a) {
                            chains[cc].pol = chains[cc].base;
                        }
                        chains[cc].pol = -chains[cc].pol;
                        chains[cc].strength = chains[cc].strength.max(c.strength.min(2));
                        chains[cc].cues.push(range);
                    }
                }
                i = c.b;
                continue;
            }
            if own == 0 {
                i = c.b;
                continue;
            }
            // A stance cue: composes with the stance it sits in ("rejects attempts to
            // undermine", "calls for the lifting of"), or starts a new one.
            let embedded = cur.is_some() && {
                let mut k = c.a;
                let mut emb = false;
                while k > 0 {
                    k -= 1;
                    let t = &toks[k];
                    if is_adverb(t) || DETERMINERS.contains(&t.low.as_str()) || t.low == "not" {
                        continue;
                    }
                    let prev_cue_end =
                        cur.is_some_and(|cc| chains[cc].cues.last().is_some_and(|r| r[1] == t.end));
                    emb = prev_cue_end || EMBEDDERS.contains(&t.low.as_str());
                    break;
                }
                emb
            };
            match cur {
                Some(cc) if chains[cc].frame && chains[cc].governed.is_empty() => {
                    // "believes that X should ...": the inner cue decides; a negated belief
                    // turns it.
                    let flip = if chains[cc].frame_neg { -1 } else { 1 };
                    chains[cc].frame = false;
                    chains[cc].pol = flip * own;
                    chains[cc].base = chains[cc].pol;
                    if !proposal && attributed_to_other(&toks, &cues, c.a, &clause) {
                        chains[cc].other = true;
                        chains[cc].void = true;
                    }
                    chains[cc].strength = strength.max(if flip < 0 { 2 } else { 1 });
                    chains[cc].cues.push(range);
                }
                Some(cc) if embedded => {
                    if chains[cc].frame {
                        chains[cc].frame = false;
                        chains[cc].governed.clear();
                        chains[cc].pol = if chains[cc].frame_neg { -own } else { own };
                    } else {
                        if coordinated(&toks, c.a) {
                            chains[cc].pol = chains[cc].base;
                        }
                        chains[cc].pol *= own;
                        if short_scope(&c, negated) {
                            short = Some(cc);
                        }
                    }
                    chains[cc].strength = chains[cc].strength.max(strength);
                    chains[cc].cues.push(range);
                }
                _ => {
                    if let Some(cc) = cur {
                        if chains[cc].frame {
                            // A belief whose clause has its own stance is transparent.
                            chains[cc].void = true;
                            if chains[cc].frame_neg {
                                clause_flip = -1;
                            }
                        }
                    }
                    let other = match cur {
                        Some(cc) if chains[cc].frame => chains[cc].other,
                        _ => false,
                    } || (!proposal && attributed_to_other(&toks, &cues, c.a, &clause));
                    let void = conceded_here || other;
                    chains.push(Chain {
                        strength,
                        void,
                        other,
                        conceded: conceded_here && !other && !f.frame,
                        after_concession: conceded[..c.a].iter().any(|&x| x),
                        frame: f.frame,
                        frame_neg: f.frame && negated,
                        ..Chain::new(own, vec![range], c.a, sent.clone())
                    });
                    cur = Some(chains.len() - 1);
                    if short_scope(&c, negated) {
                        short = Some(chains.len() - 1);
                    }
                }
            }
            i = c.b;
            continue;
        }
        // A list item proposes its head noun phrase and its examples ("measures on
        // supply, including a cap on production"), not what a relative clause adds.
        // Nor does it take a side on what it proposes to study ("research on X",
        // "capacity for monitoring X").
        if proposal
            && cur.is_some_and(|cc| chains[cc].cues.is_empty())
            && (matches!(
                toks[i].low.as_str(),
                "who" | "which" | "that" | "whose" | "where"
            ) || STUDY.contains(&toks[i].low.as_str()))
        {
            cur = None;
        }
        // A stance's object ends where a relative clause about it begins (", whose
        // true scale was shown by X"), or at "while doing" (another action).
        if i > 0
            && ((toks[i - 1].low == ","
                && matches!(toks[i].low.as_str(), "which" | "whose" | "who" | "where"))
                || (matches!(toks[i].low.as_str(), "while" | "whilst")
                    && toks.get(i + 1).is_some_and(|n| n.low.ends_with("ing"))))
        {
            cur = None;
        }
        // The short object of "combat", "reduce", "close" ends at a comma or "and".
        if let Some(sc) = short {
            if matches!(toks[i].low.as_str(), "," | "and" | "or") {
                short = None;
                if cur == Some(sc) {
                    if chains[sc].cues.len() == 1 {
                        cur = None;
                    } else {
                        chains[sc].pol = chains[sc].base;
                    }
                }
            }
        }
        // A word that is not a cue.
        if let Some((nt, left)) = pending_neg {
            if toks[i].word {
                pending_neg = if left <= 1 {
                    None
                } else {
                    Some((nt, left - 1))
                };
            }
        }
        if let Some(m) = is_match[i] {
            if let Some(cc) = cur {
                let p = chains[cc].pol;
                if !chains[cc].governed.iter().any(|(g, _)| *g == m) {
                    chains[cc].governed.push((m, p));
                }
            }
        } else if with_anaphors
            && (ANAPHORS.contains(&toks[i].low.as_str())
                || (toks[i].low == "that"
                    && i > 0
                    && EMBEDDERS.contains(&toks[i - 1].low.as_str())
                    && toks.get(i + 1).is_some_and(|n| n.word)))
        {
            // "rejects it", "remains committed to that objective"; not "such as".
            if let Some(cc) = cur {
                let direct = i <= chains[cc].head_tok + 6;
                let such_as =
                    toks[i].low == "such" && toks.get(i + 1).is_some_and(|n| n.low == "as");
                if direct && !such_as {
                    chains[cc].anaphor = true;
                }
            }
        }
        i += 1;
    }
    // "On Security Council reform, Burundi reiterates its support for ...": a topic
    // phrase opening the sentence is what the first stance after it is about.
    let topic_end = if toks
        .first()
        .is_some_and(|t| TOPIC_MARKERS.contains(&t.low.as_str()))
    {
        toks.iter().position(|t| t.low == ",")
    } else {
        None
    };
    if let Some(end) = topic_end {
        let topic: Vec<usize> = (0..end).filter_map(|k| is_match[k]).collect();
        if let Some(ch) = chains
            .iter_mut()
            .find(|ch| ch.head_tok > end && !ch.void && !ch.frame)
        {
            let pol = ch.base;
            for m in topic.into_iter().rev() {
                if !ch.governed.iter().any(|(g, _)| *g == m) {
                    ch.governed.insert(0, (m, pol));
                }
            }
        }
    }
    // A cue made of the query's words is part of what its stance is on.
    for c in cues.iter().filter(|c| c.flags.topic) {
        let end = toks[c.b - 1].end;
        for ch in chains.iter_mut() {
            // Only beside another word of the query it governs: "reducing demand" is no
            // harm reduction.
            if ch.cues.iter().any(|r| r[1] == end) && !ch.governed.is_empty() {
                for m in (c.a..c.b).filter_map(|k| is_match[k]) {
                    if !ch.governed.iter().any(|(g, _)| *g == m) {
                        ch.governed.push((m, ch.base));
                    }
                }
            }
        }
    }
    // A belief with no stance inside it takes none ("Israel holds that IHL provides ..."),
    // unless it is negated ("does not believe that X").
    for ch in &mut chains {
        if ch.frame && !ch.frame_neg {
            ch.void = true;
        }
    }
    chains
}

/// Whether the cue at token `a` is said by someone other than the author: the nearest
/// subject marker before it in its clause is "some states", "critics", "the report"...
/// rather than "we" or "our delegation". A modal ("states should adopt") makes it the
/// author's recommendation; "like many states", "Belgium and other states" do not count.
fn attributed_to_other(toks: &[Tok], cues: &[CueHit], a: usize, clause: &[usize]) -> bool {
    let mut k = a;
    let mut modal = false;
    while k > 0 {
        k -= 1;
        if clause[k] != clause[a] {
            return false;
        }
        if MODALS.contains(&toks[k].low.as_str()) {
            modal = true;
        }
        if let Some(c) = cues.iter().find(|c| c.a <= k && k < c.b) {
            if c.flags.author {
                return false;
            }
            if c.flags.other {
                let before: Vec<&str> = toks[c.a.saturating_sub(2)..c.a]
                    .iter()
                    .map(|t| t.low.as_str())
                    .collect();
                if before.iter().any(|w| LIKE.contains(w)) {
                    k = c.a;
                    continue;
                }
                return !modal && !in_directive(toks, cues, c.a);
            }
            if c.flags.takes_side() || c.flags.subject_side() {
                // Coordinated with an earlier stance: the same subject.
                return attributed_to_other(toks, cues, c.a, clause);
            }
            k = c.a;
            continue;
        }
        // "states", "the High Contracting Parties", but not "the United States";
        // "invite states to endorse": the object of a request, not a subject.
        if OTHER_SUBJECTS.contains(&toks[k].low.as_str())
            && !(k > 0 && toks[k - 1].low == "united")
            && toks.get(k + 1).is_none_or(|n| n.low != "to")
        {
            let before: Vec<&str> = toks[k.saturating_sub(3)..k]
                .iter()
                .map(|t| t.low.as_str())
                .collect();
            if before
                .iter()
                .any(|w| LIKE.contains(w) || *w == "our" || *w == "we")
            {
                continue;
            }
            // "help developing countries build": the object of a stance, not a subject.
            if cues
                .iter()
                .any(|c| (c.b == k || c.b + 1 == k) && (c.flags.support || c.flags.oppose))
            {
                continue;
            }
            return !modal && !in_directive(toks, cues, k);
        }
    }
    false
}

/// Whether the subject at token `k` opens the complement of the author's own request:
/// "Venezuela proposes that the Council recognise ..." (a subjunctive, not a report).
fn in_directive(toks: &[Tok], cues: &[CueHit], k: usize) -> bool {
    let from = k.saturating_sub(6);
    (from..k).rev().any(|t| {
        toks[t].low == "that"
            && cues
                .iter()
                .any(|c| c.b == t && (c.flags.support || c.flags.oppose) && !c.flags.frame)
    })
}

/// Nouns for finding out about something rather than acting on it: a proposal of
/// "research on X" or "monitoring of X" takes no side on X.
const STUDY: &[&str] = &[
    "research",
    "study",
    "studies",
    "monitoring",
    "monitor",
    "assessment",
    "assessments",
    "survey",
    "surveys",
    "mapping",
    "inventory",
    "measurement",
];

/// Nouns naming a harm, as the head of a query ("the digital divide", "drug trafficking").
const HARM_HEADS: &[&str] = &[
    "trafficking",
    "smuggling",
    "crime",
    "crimes",
    "cybercrime",
    "terrorism",
    "extremism",
    "violence",
    "corruption",
    "poverty",
    "hunger",
    "pollution",
    "litter",
    "debris",
    "divide",
    "gap",
    "gaps",
    "spyware",
    "malware",
    "shutdown",
    "shutdowns",
    "disinformation",
    "misinformation",
    "proliferation",
    "abuse",
    "abuses",
    "misuse",
    "discrimination",
    "racism",
    "piracy",
    "laundering",
    "fraud",
    "exploitation",
    "impunity",
    "harassment",
    "deforestation",
    "desertification",
];

/// Stems of words that make what they qualify a harm ("illicit flows", "abandoned gear"),
/// wherever they stand in the query.
const HARM_MODIFIERS: &[&str] = &[
    "darknet",
    "illicit",
    "illegal",
    "unlawful",
    "abandon",
    "arbitrar",
    "counterfeit",
];

/// Whether a query's words (its longest run in a passage, lowercased) name a harm: their
/// head does ("the digital divide"), with the whole query in the run; or a word of the
/// query makes it one ("abandoned fishing gear", "darknet markets") and the head is not a
/// measure ("a darknet task force"). The head is the last word before any preposition:
/// "Convention against Cybercrime" names a convention.
fn names_harm(words: &[String], modifier: bool, whole: bool) -> bool {
    let np = words
        .iter()
        .position(|w| MEASURE_PREPOSITIONS.contains(&w.as_str()))
        .map_or(words, |p| &words[..p]);
    let Some(head) = np.last() else {
        return false;
    };
    if MEASURE_HEADS.contains(&head.as_str()) {
        return false;
    }
    modifier || (whole && HARM_HEADS.contains(&head.as_str()))
}

/// Nouns for a measure that restricts or ends what qualifies it ("spyware controls",
/// "ghost net removal").
const RESTRICTIONS: &[&str] = &[
    "control",
    "controls",
    "ban",
    "bans",
    "restriction",
    "restrictions",
    "limits",
    "prohibition",
    "prohibitions",
    "moratorium",
    "removal",
    "eradication",
    "elimination",
    "reduction",
    "prevention",
    "clean-up",
    "cleanup",
    "retrieval",
    "crackdown",
    "phase-out",
    "abolition",
    "non-proliferation",
];

/// Nouns naming a measure: a query headed by one is the measure, whatever it acts on.
const MEASURE_HEADS: &[&str] = &[
    "force",
    "forces",
    "ban",
    "bans",
    "control",
    "controls",
    "regulation",
    "regulations",
    "treaty",
    "convention",
    "strategy",
    "law",
    "laws",
    "cooperation",
    "measures",
    "rules",
    "instrument",
    "mechanism",
    "initiative",
    "programme",
    "program",
    "unit",
    "reduction",
    "prevention",
    "response",
    "policy",
    "framework",
    "agreement",
    "monitoring",
    "research",
];

/// Prepositions that attach a harm to the measure acting on it ("a task force on X",
/// "intelligence on wallets linked to X", "penalties for X").
const MEASURE_PREPOSITIONS: &[&str] = &[
    "on",
    "of",
    "against",
    "for",
    "to",
    "about",
    "into",
    "over",
    "from",
    "targeting",
    "in",
];

/// Words of country names that do not name one country by themselves.
const NAME_FILLERS: &[&str] = &[
    "republic",
    "united",
    "states",
    "kingdom",
    "federation",
    "democratic",
    "people's",
    "islamic",
    "plurinational",
    "state",
    "south",
    "north",
    "arab",
    "emirates",
    "federal",
    "socialist",
    "bolivarian",
    "great",
    "britain",
    "northern",
    "ireland",
    "saudi",
];

/// A national law or plan as the subject: what it does, the author does.
const INSTRUMENTS: &[&str] = &[
    "act",
    "law",
    "strategy",
    "policy",
    "guidelines",
    "rules",
    "regulation",
    "decree",
    "code",
    "plan",
];

/// Whether the author is the subject of the cue at token `a`: before it in its clause stands
/// "we", "our Government", "the country", the author's name, or a national law ("the
/// Cannabis Act of 2018").
fn author_did(toks: &[Tok], a: usize, clause: &[usize], author: &[String]) -> bool {
    (0..a)
        .rev()
        .take_while(|&k| clause[k] == clause[a])
        .take(12)
        .any(|k| {
            let w = toks[k].low.as_str();
            let prev = if k > 0 { toks[k - 1].low.as_str() } else { "" };
            matches!(w, "we" | "our")
                || (matches!(w, "government" | "country" | "kingdom")
                    && matches!(prev, "the" | "our" | "my" | "this"))
                || (toks[k].cap && author.iter().any(|n| n == w))
                || (toks[k].cap && INSTRUMENTS.contains(&w))
        })
}

/// Words opening a topic phrase: "On X, ...", "Regarding X, ...".
const TOPIC_MARKERS: &[&str] = &["on", "regarding", "concerning", "about", "turning", "as"];

/// Nouns for a proposition that a stance can reject as untrue.
const PROPOSITIONS: &[&str] = &[
    "claim",
    "claims",
    "notion",
    "idea",
    "view",
    "argument",
    "assertion",
    "assumption",
    "suggestion",
    "premise",
    "narrative",
    "allegation",
    "allegations",
];

const MODALS: &[&str] = &["should", "must", "ought", "shall", "need"];
/// Plural subjects that, with no modal, tell what others do ("fifty states have endorsed").
const OTHER_SUBJECTS: &[&str] = &[
    "states",
    "countries",
    "parties",
    "governments",
    "nations",
    "members",
    "jurisdictions",
];

/// Whether a sentence makes a statement rather than naming a proposal: its first clause
/// (after a list marker or an opening "First,") has a finite verb of statement or a
/// personal subject.
/// "2. Another important issue is reform" and "60. We remain committed" state; "3. A
/// global cap on production, with a review" and "- Require the marking of gear" propose.
fn states_something(s: &str) -> bool {
    let s = s.trim_start();
    let s = s.strip_prefix(['-', '*', '•']).unwrap_or(s).trim_start();
    let s = s.strip_prefix('(').unwrap_or(s);
    let lead = s.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
    let s = if (1..=3).contains(&lead) && matches!(s.as_bytes().get(lead), Some(b'.' | b')')) {
        &s[lead + 1..]
    } else {
        s
    };
    let mut parts = s.split([',', ';', ':', '(']);
    let mut first = parts.next().unwrap_or("");
    if first.split_whitespace().count() <= 1 {
        first = parts.next().unwrap_or("");
    }
    // Up to a subordinate clause: "decisions must be taken by consensus so that the
    // concerns of all are respected" proposes.
    first
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(str::to_lowercase)
        .take_while(|w| !SUBORDINATORS.contains(&w.as_str()))
        .any(|w| STATEMENT_WORDS.contains(&w.as_str()))
}

/// Words opening a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "so", "because", "when", "before", "after", "if",
    "while", "until", "where", "unless", "once",
];

/// Finite verbs and personal subjects that make a clause a statement. "Should" and "must"
/// do not: "decisions must be taken by consensus" is a recommendation.
const STATEMENT_WORDS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "does", "do", "did", "we", "i", "remains", "remain",
];

/// Whether a sentence is a list item ("- ...", "• ...", "2. ...", "b) ...").
fn is_list_item(s: &str) -> bool {
    let s = s.trim_start();
    if s.starts_with("- ") || s.starts_with("* ") || s.starts_with('•') {
        return true;
    }
    let s = s.strip_prefix('(').unwrap_or(s);
    let lead = s.bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
    (1..=3).contains(&lead)
        && matches!(s.as_bytes().get(lead), Some(b'.') | Some(b')'))
        && s.as_bytes().get(lead + 1) == Some(&b' ')
}

/// The first five letters of a matched word: the key that tells query words apart.
fn word_key(text: &str, r: &Range<usize>) -> String {
    text.get(r.clone())
        .unwrap_or("")
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(5)
        .collect()
}

/// Words saying a measure has failed or run out ("when consensus fails", "once every
/// effort at consensus has been exhausted").
const FAILS: &[&str] = &[
    "fails",
    "fail",
    "failed",
    "exhausted",
    "impossible",
    "unattainable",
    "unreachable",
    "collapses",
    "breaks",
];

/// "a vote when consensus fails", "majority voting if every effort at consensus has been
/// exhausted": the measure is wanted first, with another way out when it fails, which is
/// both sides of it. The cues are the condition word and the failure word.
fn fallback(text: &str, sent: Range<usize>, matches: &[Range<usize>]) -> Option<Vec<[usize; 2]>> {
    let toks = tokenize(&text[sent.clone()], sent.start);
    let is_match = |t: &Tok| matches.iter().any(|m| m.start < t.end && t.start < m.end);
    for (k, t) in toks.iter().enumerate() {
        if !is_match(t) {
            continue;
        }
        // The condition opens at most five words before the match, in the same clause.
        let Some(cond) = (k.saturating_sub(6)..k).rev().find(|&c| {
            matches!(
                toks[c].low.as_str(),
                "when" | "if" | "once" | "where" | "unless"
            )
        }) else {
            continue;
        };
        if toks[cond..k].iter().any(|t| !t.word) {
            continue;
        }
        let Some(fail) = (k + 1..toks.len().min(k + 6))
            .take_while(|&f| toks[f].word)
            .find(|&f| FAILS.contains(&toks[f].low.as_str()))
        else {
            continue;
        };
        // "fails to" is a failure to do something else, not of the measure.
        if toks.get(fail + 1).is_some_and(|n| n.low == "to") {
            continue;
        }
        return Some(vec![
            [toks[cond].start, toks[cond].end],
            [toks[fail].start, toks[fail].end],
        ]);
    }
    None
}

/// The longest run of adjacent matches in `gov` (matches with a side each): the number of
/// query words it holds, the side taken on its first word, and its first and last match;
/// the first of equals.
fn best_run(
    text: &str,
    matches: &[Range<usize>],
    keys: &[String],
    mut gov: Vec<(usize, i8)>,
) -> Option<Run> {
    gov.sort_by_key(|g| g.0);
    let mut best: Option<Run> = None;
    let mut k = 0;
    while k < gov.len() {
        let mut end = k + 1;
        while end < gov.len() && {
            let (a, b) = (gov[end - 1].0, gov[end].0);
            b == a + 1
                && text
                    .get(matches[a].end..matches[b].start)
                    .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '-'))
        } {
            end += 1;
        }
        let mut ks: Vec<&String> = gov[k..end].iter().map(|(m, _)| &keys[*m]).collect();
        ks.sort();
        ks.dedup();
        if best.as_ref().is_none_or(|b| ks.len() > b.keys) {
            best = Some(Run {
                keys: ks.len(),
                side: gov[k].1,
                first: gov[k].0,
                last: gov[end - 1].0,
            });
        }
        k = end;
    }
    best
}

/// A run of adjacent query words in a passage.
struct Run {
    keys: usize,
    side: i8,
    first: usize,
    last: usize,
}

/// Stance of one passage toward what the query matched. `matches` are the byte ranges in
/// `text` where the query's words were found; the stance is judged in the sentences holding
/// them, with the sentence after when it refers back ("It would undermine ..."), and a list
/// item takes the stance of the line introducing it ("Belgium proposes:").
pub fn passage_stance(text: &str, matches: &[Range<usize>]) -> Evidence {
    passage_stance_in(text, matches, &Reading::default())
}

/// What is known of a passage beyond its text.
#[derive(Debug, Clone, Default)]
pub struct Reading<'a> {
    /// It is in the paper's proposals section ("Proposed Solutions", "Recommendations"):
    /// every sentence is read as a list item is, a proposal of what it names unless its
    /// own cues say otherwise.
    pub proposals: bool,
    /// The country that wrote it: what it did at home is where it stands ("Canada
    /// adopted ...").
    pub author: &'a str,
}

/// `passage_stance` with what is known of the passage beyond its text.
pub fn passage_stance_in(text: &str, matches: &[Range<usize>], reading: &Reading) -> Evidence {
    let proposals = reading.proposals;
    // The words naming the author, less those many names share ("Republic", "United").
    let author: Vec<String> = reading
        .author
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() > 3 && !NAME_FILLERS.contains(&w.as_str()))
        .collect();
    // One range per word: a phrase highlighted whole ("digital divide") is two words of
    // the query.
    let matches: Vec<Range<usize>> = matches
        .iter()
        .filter(|m| m.start < m.end && text.get((*m).clone()).is_some())
        .flat_map(|m| {
            tokenize(&text[m.clone()], m.start)
                .into_iter()
                .filter(|t| t.word)
                .map(|t| t.start..t.end)
        })
        .collect();
    let sents = sentences(text);
    let mention = |sentence: Range<usize>| Evidence {
        stance: Stance::Mention,
        sentence,
        cues: Vec::new(),
        explicit: false,
    };
    let holding: Vec<usize> = (0..sents.len())
        .filter(|&s| {
            matches
                .iter()
                .any(|m| m.start < sents[s].end && sents[s].start < m.end)
        })
        .collect();
    let Some(&first) = holding.first() else {
        return mention(0..0);
    };
    let match_keys: Vec<String> = matches.iter().map(|m| word_key(text, m)).collect();
    let mut all_keys = match_keys.clone();
    all_keys.sort();
    all_keys.dedup();

    // The query names a harm ("darknet markets", "the digital divide", "abandoned fishing
    // gear") when the head of its longest run in the passage does.
    let all: Vec<(usize, i8)> = (0..matches.len()).map(|m| (m, 0)).collect();
    let harm = best_run(text, &matches, &match_keys, all).is_some_and(|r| {
        let words: Vec<String> = (r.first..=r.last)
            .map(|m| text.get(matches[m].clone()).unwrap_or("").to_lowercase())
            .collect();
        let any_modifier = matches.iter().any(|m| {
            let w = text.get(m.clone()).unwrap_or("").to_lowercase();
            HARM_MODIFIERS.iter().any(|h| w.starts_with(h))
        });
        // A query with words outside that run may name something else ("Convention
        // against Cybercrime").
        names_harm(&words, any_modifier, r.keys == all_keys.len())
    });
    let side = |ch: &Chain| -> i8 {
        // The side a chain takes: on the first whole occurrence of the query it governs
        // (its object), else its own. "Investment in digital literacy to close the digital
        // divide" takes its side on "the digital divide", not on "digital literacy".
        let Some(run) = best_run(text, &matches, &match_keys, ch.governed.clone()) else {
            return ch.pol;
        };
        // "intrusion software controls", "ghost net removal": the query qualifies a
        // measure that restricts it, and the side taken on the measure is the opposite one
        // on the query.
        let next: String = text
            .get(matches[run.last].end..)
            .unwrap_or("")
            .trim_start_matches([' ', '-'])
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_lowercase();
        if run.keys >= all_keys.len().min(2) && RESTRICTIONS.contains(&next.as_str()) {
            return -run.side;
        }
        // A name that restricts it: "the Treaty on the Prohibition of Nuclear Weapons".
        // (Lowercase, "a ban on X" is a cue and has turned the side already.)
        let before: Vec<&str> = text
            .get(ch.sentence.start..matches[run.first].start)
            .unwrap_or("")
            .split_whitespace()
            .rev()
            .take(3)
            .collect();
        if let [prep, w, ..] = before.as_slice() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if matches!(*prep, "of" | "on" | "Of" | "On")
                && w.starts_with(|c: char| c.is_uppercase())
                && RESTRICTIONS.contains(&w.to_lowercase().as_str())
            {
                return -run.side;
            }
        }
        // A measure backed on a harm ("a task force on darknet markets", "rules on
        // abandoned gear") is against the harm: it is what the measure acts on.
        if harm && run.side > 0 {
            let at = matches[run.first].start;
            // From the last cue before it, the cue's own last word included ("more
            // attention to X").
            let from = ch
                .cues
                .iter()
                .filter(|c| c[1] <= at)
                .max_by_key(|c| c[1])
                .map_or(ch.sentence.start, |c| {
                    text.get(c[0]..c[1])
                        .and_then(|cue| cue.rfind(' '))
                        .map_or(c[1], |sp| c[0] + sp)
                });
            let between = text.get(from..at).unwrap_or("").to_lowercase();
            if between
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| MEASURE_PREPOSITIONS.contains(&w))
            {
                return -1;
            }
        }
        run.side
    };
    let run_len = |ch: &Chain| -> usize {
        best_run(text, &matches, &match_keys, ch.governed.clone()).map_or(0, |r| r.keys)
    };
    let mut counted: Vec<Chain> = Vec::new();
    let mut anaphoric: Vec<Chain> = Vec::new();
    // Sentences taking both sides: a conceded stance against the main clause's, or a
    // measure kept with a fallback for when it fails.
    let mut mixed: Vec<(Range<usize>, Vec<[usize; 2]>)> = Vec::new();
    for (n, &s) in holding.iter().enumerate() {
        let chains = sentence_chains(
            text,
            sents[s].clone(),
            &matches,
            true,
            (proposals || is_list_item(&text[sents[s].clone()]))
                && !states_something(&text[sents[s].clone()]),
            &author,
        );
        // A stance counts when its object holds most of the query's words found in the
        // sentence: "condemns drug trafficking" does not take a side on "a task force
        // against drug trafficking".
        let mut here: Vec<&String> = matches
            .iter()
            .zip(&match_keys)
            .filter(|(m, _)| m.start < sents[s].end && sents[s].start < m.end)
            .map(|(_, k)| k)
            .collect();
        here.sort();
        here.dedup();
        let in_sentence = if here.len() <= 3 {
            here.len().div_ceil(2)
        } else {
            here.len() / 2 + 1
        };
        let needed = in_sentence.max(all_keys.len().div_ceil(2)).max(1);
        let mut governed_here = false;
        let here_matches: Vec<(usize, i8)> = (0..matches.len())
            .filter(|&m| matches[m].start < sents[s].end && sents[s].start < matches[m].end)
            .map(|m| (m, 0))
            .collect();
        let whole_here = best_run(text, &matches, &match_keys, here_matches).map_or(0, |r| r.keys);
        let from = counted.len();
        let mut conceded: Vec<Chain> = Vec::new();
        for ch in chains {
            let mut gk: Vec<&String> = ch.governed.iter().map(|(m, _)| &match_keys[*m]).collect();
            gk.sort();
            gk.dedup();
            // Where the sentence names the whole query ("global production caps"), a
            // stance on a word of it elsewhere ("bans on products") does not count.
            let governs = !ch.governed.is_empty()
                && gk.len() >= needed
                && (whole_here < all_keys.len() || run_len(&ch) >= whole_here);
            if ch.void {
                if ch.conceded && ch.strength >= 2 && governs {
                    conceded.push(ch);
                }
                continue;
            }
            if governs {
                governed_here = true;
                counted.push(ch);
            } else if ch.anaphor && ch.governed.is_empty() && ch.after_concession {
                // "While we respect X, Russia rejects them."
                anaphoric.push(ch.clone());
                if conceded.iter().any(|c| side(c) != ch.pol) {
                    let mut cues: Vec<[usize; 2]> =
                        conceded.iter().flat_map(|c| c.cues.clone()).collect();
                    cues.extend(ch.cues.iter().copied());
                    mixed.push((sents[s].clone(), cues));
                }
            } else if ch.anaphor && ch.governed.is_empty() && !ch.cues.is_empty() {
                // "X is not a concession; it is the only way to ...", "does not possess X
                // and has no intention of developing them": a pronoun after the query in its
                // own sentence stands for it.
                let head_at = ch.cues[0][0];
                let last_end = matches
                    .iter()
                    .filter(|m| m.start >= sents[s].start && m.end <= head_at)
                    .map(|m| m.end)
                    .max()
                    .unwrap_or(sents[s].start);
                // Close after it: "... and must be able to stop it" may mean anything.
                let near = text
                    .get(last_end..head_at)
                    .unwrap_or("")
                    .split_whitespace()
                    .count()
                    <= 10;
                let mut before: Vec<&String> = matches
                    .iter()
                    .zip(&match_keys)
                    .filter(|(m, _)| m.start >= sents[s].start && m.end <= head_at)
                    .map(|(_, k)| k)
                    .collect();
                before.sort();
                before.dedup();
                if near && before.len() >= needed.max(all_keys.len().min(2)) {
                    let mut ch = ch;
                    ch.strength = ch.strength.min(1);
                    governed_here = true;
                    counted.push(ch);
                }
            }
        }
        // "While we support X, we cannot accept X that ...": the author on both sides.
        for c in &conceded {
            if let Some(main) = counted[from..].iter().find(|m| side(m) != side(c)) {
                let mut cues = c.cues.clone();
                cues.extend(main.cues.iter().copied());
                mixed.push((sents[s].clone(), cues));
            }
        }
        if let Some(cues) = fallback(text, sents[s].clone(), &matches) {
            mixed.push((sents[s].clone(), cues));
        }
        // A list item under "X proposes:" takes the stance of the line introducing it.
        let mut intro = s;
        while intro > 0 && is_list_item(&text[sents[intro].clone()]) {
            intro -= 1;
        }
        if !governed_here && intro < s && (n == 0 || holding[n - 1] < intro) {
            let prev = sents[intro].clone();
            if text[prev.clone()].trim_end().ends_with(':') {
                for ch in sentence_chains(text, prev, &[], false, false, &author) {
                    if !ch.void && !ch.frame && ch.head_tok < usize::MAX {
                        let mut ch = ch;
                        ch.strength = 1;
                        counted.push(ch);
                        break;
                    }
                }
            }
        }
        // The next sentence, when it refers back: "It would undermine ...".
        if s + 1 < sents.len() && !holding.contains(&(s + 1)) {
            for ch in sentence_chains(text, sents[s + 1].clone(), &matches, true, false, &author) {
                if !ch.void && ch.anaphor && ch.governed.is_empty() && !governed_here {
                    anaphoric.push(ch);
                }
            }
        }
    }
    if counted.is_empty() {
        counted = anaphoric;
        for ch in &mut counted {
            ch.strength = ch.strength.min(1);
        }
    }
    if let Some((sentence, mut cues)) = mixed.into_iter().next() {
        cues.sort();
        cues.dedup();
        return Evidence {
            stance: Stance::Mixed,
            sentence,
            cues,
            explicit: true,
        };
    }
    let (mut sup, mut opp) = (0u32, 0u32);
    for ch in &counted {
        if side(ch) > 0 {
            sup += ch.strength as u32;
        } else {
            opp += ch.strength as u32;
        }
    }
    if sup == 0 && opp == 0 {
        return mention(sents[first].clone());
    }
    let stance = if sup > 0 && opp > 0 && sup.min(opp) * 2 > sup.max(opp) {
        Stance::Mixed
    } else if sup >= opp {
        Stance::Support
    } else {
        Stance::Oppose
    };
    let winners: Vec<&Chain> = counted
        .iter()
        .filter(|ch| match stance {
            Stance::Support => side(ch) > 0,
            Stance::Oppose => side(ch) < 0,
            _ => true,
        })
        .collect();
    let best = winners
        .iter()
        .max_by_key(|ch| (ch.strength, std::cmp::Reverse(ch.sentence.start)))
        .map(|ch| ch.sentence.clone())
        .unwrap_or_else(|| sents[first].clone());
    let mut cues: Vec<[usize; 2]> = winners.iter().flat_map(|ch| ch.cues.clone()).collect();
    cues.sort();
    cues.dedup();
    Evidence {
        stance,
        sentence: best,
        cues,
        explicit: winners.iter().any(|ch| ch.strength >= 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stance of `text` toward every occurrence of the words in `query`.
    fn st(text: &str, query: &str) -> Stance {
        ev(text, query).stance
    }

    fn ev(text: &str, query: &str) -> Evidence {
        let low = text.to_lowercase();
        let mut ranges = Vec::new();
        for w in query.split_whitespace() {
            let w = w.to_lowercase();
            let mut from = 0;
            while let Some(p) = low[from..].find(&w) {
                let s = from + p;
                let mut e = s + w.len();
                while e < low.len() && low.as_bytes()[e].is_ascii_alphabetic() {
                    e += 1;
                }
                let starts_word = s == 0 || !low.as_bytes()[s - 1].is_ascii_alphanumeric();
                if starts_word {
                    ranges.push(s..e);
                }
                from = e;
            }
        }
        ranges.sort_by_key(|r| r.start);
        passage_stance(text, &ranges)
    }

    /// `st` for a passage read with what is known of it beyond its text.
    fn st_in(text: &str, query: &str, reading: &Reading) -> Stance {
        let low = text.to_lowercase();
        let mut ranges = Vec::new();
        for w in query.split_whitespace() {
            let w = w.to_lowercase();
            for (s, _) in low.match_indices(&w) {
                if s == 0 || !low.as_bytes()[s - 1].is_ascii_alphanumeric() {
                    let e = s + low[s..]
                        .find(|c: char| !c.is_alphanumeric() && c != '-')
                        .unwrap_or(low.len() - s);
                    ranges.push(s..e);
                }
            }
        }
        ranges.sort_by_key(|r| r.start);
        passage_stance_in(text, &ranges, reading).stance
    }

    use Stance::*;

    #[test]
    fn lexicon_parses() {
        let lex = lexicon();
        assert!(lex.cues.len() > 300);
        assert!(lex.by_first.contains_key("proposes"));
        assert!(lex.by_first.contains_key("welcoming"));
    }

    #[test]
    fn support_cues() {
        for s in [
            "Belgium supports harm reduction.",
            "Belgium welcomes harm reduction programmes.",
            "The delegation calls for harm reduction services in every prison.",
            "We urge all Member States to ratify the harm reduction protocol.",
            "Portugal proposes a harm reduction framework.",
            "Canada endorses harm reduction.",
            "Germany backs harm reduction.",
            "The Netherlands advocates harm reduction.",
            "Norway champions harm reduction.",
            "Switzerland favours harm reduction.",
            "Belgium is committed to harm reduction.",
            "Belgium encourages harm reduction.",
            "Belgium recommends harm reduction.",
            "Belgium calls on states to fund harm reduction.",
            "Belgium stands ready to share its experience with harm reduction.",
            "A harm reduction resolution should be adopted at the next session.",
            "Harm reduction is essential to any public health response.",
        ] {
            assert_eq!(st(s, "harm reduction"), Support, "{s}");
        }
    }

    #[test]
    fn oppose_cues() {
        for s in [
            "Russia opposes harm reduction.",
            "Russia rejects harm reduction.",
            "Russia firmly rejects harm reduction.",
            "Russia cannot accept harm reduction.",
            "Russia refuses harm reduction programmes.",
            "Russia objects to harm reduction.",
            "Russia is against harm reduction.",
            "Russia warns against harm reduction.",
            "Russia is concerned that harm reduction normalises drug use.",
            "Russia opposes any attempt to introduce harm reduction.",
            "Russia will not support harm reduction.",
            "Russia has serious reservations about harm reduction.",
            "Russia does not believe harm reduction works.",
            "Harm reduction would undermine the conventions.",
            "Harm reduction is premature.",
            "Russia considers a harm reduction mandate premature.",
        ] {
            assert_eq!(st(s, "harm reduction"), Oppose, "{s}");
        }
    }

    #[test]
    fn calls_for_an_end_to() {
        assert_eq!(
            st(
                "Cuba calls for an end to unilateral coercive measures.",
                "unilateral coercive measures"
            ),
            Oppose
        );
        assert_eq!(
            st("We call for the lifting of the embargo.", "embargo"),
            Oppose
        );
        assert_eq!(
            st(
                "We reject unilateral coercive measures.",
                "unilateral coercive measures"
            ),
            Oppose
        );
    }

    #[test]
    fn general_debate_wording() {
        for s in [
            "It is time to lift the cruel and unjust embargo.",
            "We urge for the categorical lifting of the embargo.",
            "Jamaica joins the call for the discontinuation of the embargo against Cuba.",
            "I would like to call once again for an end to the embargo.",
            "Once again, we call on the United States to end the embargo.",
            "Lifting this embargo is more necessary than ever.",
        ] {
            assert_eq!(st(s, "embargo"), Oppose, "{s}");
        }
        assert_eq!(
            st(
                "Malaysia demands that the Security Council impose an arms embargo against Israel.",
                "embargo"
            ),
            Support
        );
        assert_eq!(
            st(
                "The two-state solution remains the only viable path to peace.",
                "two-state solution"
            ),
            Support
        );
    }

    #[test]
    fn negation_and_its_scope() {
        assert_eq!(
            st("Belgium does not oppose harm reduction.", "harm reduction"),
            Support
        );
        assert_eq!(
            st("Russia does not support harm reduction.", "harm reduction"),
            Oppose
        );
        assert_eq!(
            st("Russia will never accept harm reduction.", "harm reduction"),
            Oppose
        );
        assert_eq!(
            st(
                "Russia neither supports nor funds harm reduction.",
                "harm reduction"
            ),
            Oppose
        );
        assert_eq!(
            st("Belgium doesn't oppose harm reduction.", "harm reduction"),
            Support
        );
        // "not only ... but also" is no negation.
        assert_eq!(
            st(
                "Belgium not only supports harm reduction but also funds it abroad.",
                "harm reduction"
            ),
            Support
        );
        // A negation far from the cue does not reach it.
        assert_eq!(
            st(
                "Although results are not uniform across the region, Belgium supports harm reduction.",
                "harm reduction"
            ),
            Support
        );
    }

    #[test]
    fn a_stance_against_a_weakening_flips() {
        for s in [
            "Belgium opposes any weakening of the ban treaty.",
            "Austria rejects attempts to undermine the ban treaty.",
            "Ireland condemns violations of the ban treaty.",
            "We firmly oppose the erosion of the ban treaty.",
        ] {
            assert_eq!(st(s, "ban treaty"), Support, "{s}");
        }
        assert_eq!(
            st(
                "Russia calls on all states to stand against attempts to revise the conventions.",
                "conventions"
            ),
            Support
        );
    }

    #[test]
    fn the_query_as_object_of_the_stance() {
        assert_eq!(
            st(
                "Russia firmly rejects any attempt to legalise drugs under the slogan of harm reduction.",
                "harm reduction"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "Russia rejects the concept of \"harm reduction\" when it is used to justify opioid substitution programmes.",
                "harm reduction"
            ),
            Oppose
        );
    }

    #[test]
    fn a_rejection_of_the_problem_is_not_opposition_to_the_measure() {
        assert_eq!(
            st(
                "Nigeria condemns drug trafficking and supports a regional task force against it.",
                "task force"
            ),
            Support
        );
        assert_eq!(
            st(
                "Nigeria condemns drug trafficking in all its forms. A regional task force was created in 2019.",
                "task force"
            ),
            Mention
        );
        // The cue governs only part of the query's words.
        assert_ne!(
            st(
                "Nigeria condemns drug trafficking, and a task force now coordinates the police.",
                "task force drug trafficking"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "Nigeria supports a task force against drug trafficking.",
                "task force drug trafficking"
            ),
            Support
        );
    }

    #[test]
    fn concessions_leave_it_to_the_main_clause() {
        assert_eq!(
            st(
                "While we respect the sovereign right of states to choose their policies, Belgium believes harm reduction is essential.",
                "harm reduction"
            ),
            Support
        );
        assert_eq!(
            st(
                "While we respect harm reduction programmes in other countries, Russia rejects them.",
                "harm reduction"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "Although some states advocate harm reduction, Russia supports prohibition.",
                "harm reduction"
            ),
            Mention
        );
        assert_eq!(
            st(
                "Despite its concerns about cost, Belgium supports harm reduction.",
                "harm reduction"
            ),
            Support
        );
        assert_eq!(
            st(
                "Notwithstanding our support for harm reduction, the delegation remains focused on supply.",
                "harm reduction"
            ),
            Mention
        );
    }

    #[test]
    fn describing_passages_are_mentions() {
        for s in [
            "Harm reduction was adopted in 2015 by several cities.",
            "Some states advocate harm reduction.",
            "Critics argue that harm reduction normalises drug use.",
            "Opponents reject harm reduction as a form of surrender.",
            "In 2023, 40 per cent of users in Europe received harm reduction services.",
            "The Commission adopted a resolution on harm reduction in 2009.",
            "Harm reduction programmes operate in 92 countries.",
        ] {
            assert_eq!(st(s, "harm reduction"), Mention, "{s}");
        }
    }

    #[test]
    fn the_author_as_subject() {
        for s in [
            "Our delegation supports harm reduction.",
            "We support harm reduction.",
            "This delegation supports harm reduction.",
            "The Republic of Portugal supports harm reduction.",
            "Unlike some states, Belgium supports harm reduction.",
            "Belgium, like many states, supports harm reduction.",
        ] {
            assert_eq!(st(s, "harm reduction"), Support, "{s}");
        }
    }

    #[test]
    fn evidence_points_at_the_cue_and_sentence() {
        let text = "Background facts. Russia firmly rejects harm reduction. More facts.";
        let e = ev(text, "harm reduction");
        assert_eq!(e.stance, Oppose);
        assert!(e.explicit);
        assert_eq!(
            &text[e.sentence.clone()],
            "Russia firmly rejects harm reduction."
        );
        assert!(e.cues.iter().any(|c| &text[c[0]..c[1]] == "rejects"));
        let w = ev("Belgium welcomes harm reduction.", "harm reduction");
        assert!(!w.explicit);
    }

    #[test]
    fn a_list_item_takes_the_stance_of_its_introduction() {
        let text = "The Russian Federation proposes:\n- a resolution on online trafficking;\n- a register of blocked sites.";
        assert_eq!(st(text, "register"), Support);
    }

    #[test]
    fn next_sentence_refers_back() {
        assert_eq!(
            st(
                "Several states have legalised cannabis. This undermines the conventions.",
                "cannabis"
            ),
            Oppose
        );
    }

    #[test]
    fn condemning_the_topic_opposes_it() {
        assert_eq!(
            st("Mexico condemns internet shutdowns.", "internet shutdowns"),
            Oppose
        );
        assert_eq!(
            st(
                "So-called \"harm reduction\" should not become a cover for drug use.",
                "harm reduction"
            ),
            Oppose
        );
    }

    #[test]
    fn a_negation_without_a_cue_turns_what_follows() {
        assert_eq!(
            st("There must be no accountability gap.", "accountability gap"),
            Oppose
        );
        assert_eq!(
            st(
                "Japan has no plan to develop fully autonomous weapons.",
                "fully autonomous weapons"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "Weapons that operate without meaningful human control should be prohibited.",
                "meaningful human control"
            ),
            Support
        );
        assert_eq!(
            st(
                "The treaty should ban systems that cannot be used under meaningful human control.",
                "meaningful human control"
            ),
            Support
        );
    }

    #[test]
    fn topic_phrases_gerund_subjects_and_passive_agents() {
        assert_eq!(
            st(
                "On Security Council reform, Burundi reiterates its support for the Common African Position.",
                "Security Council reform"
            ),
            Support
        );
        assert_eq!(
            st(
                "Lifting this embargo is more necessary than ever.",
                "embargo"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "Our work is undermined by unilateral coercive measures.",
                "unilateral coercive measures"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "Rather than a new treaty, Korea favours practical measures.",
                "new treaty"
            ),
            Oppose
        );
    }

    #[test]
    fn beliefs_pass_on_their_negation() {
        assert_eq!(
            st(
                "India does not, however, consider it necessary to negotiate a new treaty at this stage.",
                "new treaty"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "Israel holds that existing law provides a framework for autonomous weapons.",
                "autonomous weapons"
            ),
            Mention
        );
        assert_eq!(
            st(
                "Russia rejects the notion that encryption is a right.",
                "encryption"
            ),
            Oppose
        );
    }

    #[test]
    fn reports_of_what_others_do_are_mentions() {
        for s in [
            "We note that certain states, primarily the United States, promote political declarations.",
            "For thirty years this General Assembly has rejected the embargo.",
            "More than fifty states have endorsed the political declaration.",
            "The National Strategy for Preventing Harm places harm reduction next to treatment.",
        ] {
            let q = if s.contains("embargo") {
                "embargo"
            } else if s.contains("harm reduction") {
                "preventing"
            } else {
                "political declaration"
            };
            assert_eq!(st(s, q), Mention, "{s}");
        }
        // A request to others is the author's own stance.
        assert_eq!(
            st(
                "Invite states to endorse the political declaration.",
                "political declaration"
            ),
            Support
        );
        assert_eq!(
            st(
                "Venezuela proposes that the Council recognise that unilateral coercive measures violate human rights.",
                "unilateral coercive measures"
            ),
            Oppose
        );
    }

    #[test]
    fn no_matches_is_a_mention() {
        assert_eq!(passage_stance("Belgium supports it.", &[]).stance, Mention);
        let out_of_bounds = vec![Range { start: 0, end: 4 }];
        assert_eq!(passage_stance("", &out_of_bounds).stance, Mention);
    }

    fn e(stance: Stance, explicit: bool) -> Evidence {
        Evidence {
            stance,
            sentence: 0..0,
            cues: Vec::new(),
            explicit,
        }
    }

    #[test]
    fn country_stance_combines_passages() {
        let c = country_stance(&[e(Support, true), e(Support, true), e(Mention, false)]);
        assert_eq!(c.stance, Support);
        assert_eq!((c.support, c.oppose, c.mention), (2, 0, 1));
        assert!(c.strength > 0.6);
        // One weak stray cue does not make a clear stance mixed.
        let c = country_stance(&[e(Oppose, true), e(Oppose, true), e(Support, false)]);
        assert_eq!(c.stance, Oppose);
        let c = country_stance(&[e(Oppose, true), e(Support, true)]);
        assert_eq!(c.stance, Mixed);
        let c = country_stance(&[e(Mention, false), e(Mention, false)]);
        assert_eq!(c.stance, Mention);
        assert_eq!(c.strength, 0.0);
        assert_eq!(country_stance(&[]).stance, Mention);
        let weak = country_stance(&[e(Support, false)]);
        let strong = country_stance(&[e(Support, true), e(Support, true)]);
        assert!(weak.strength < strong.strength);
    }

    #[test]
    fn stance_names_round_trip() {
        for s in [Support, Oppose, Mixed, Mention] {
            assert_eq!(Stance::parse(s.as_str()), Some(s));
        }
        assert_eq!(Stance::parse("nonsense"), None);
    }

    #[test]
    fn sentences_split_on_real_punctuation() {
        let t =
            "Art. 5 applies. See No. 3-FZ of 1998. It was adopted in 2024 by the U.S. Congress.";
        let s = sentences(t);
        assert_eq!(
            s.len(),
            3,
            "{:?}",
            s.iter().map(|r| &t[r.clone()]).collect::<Vec<_>>()
        );
    }
    #[test]
    fn numbered_proposals_and_proposals_sections() {
        // "1." opens a list item, not a sentence of its own.
        assert_eq!(
            st(
                "1. A global cap on plastic production, reviewed every five years.",
                "production cap"
            ),
            Support
        );
        // A proposals section proposes what its sentences name.
        let proposals = Reading {
            proposals: true,
            author: "",
        };
        let text = "A binding cap on plastic production, with a review every five years.";
        assert_eq!(st_in(text, "production cap", &proposals), Support);
        assert_eq!(st_in(text, "production cap", &Reading::default()), Mention);
        // "Should" and "must" recommend; an ordinal opener is no subject.
        assert_eq!(
            st_in(
                "Third, decisions must be reached by consensus so that every party is heard.",
                "consensus",
                &proposals
            ),
            Support
        );
        // A label opening the item: what follows it is proposed.
        assert_eq!(
            st(
                "- Packaging: extended producer responsibility as a duty in every party.",
                "extended producer responsibility"
            ),
            Support
        );
        // A numbered paragraph of a speech states; it proposes nothing.
        assert_eq!(
            st(
                "2. Another pressing issue is the reform of the Council.",
                "reform"
            ),
            Mention
        );
        // A proposal to study something takes no side on it.
        assert_eq!(
            st(
                "- Research on microplastics in coastal fish, led by local scientists.",
                "microplastics"
            ),
            Mention
        );
    }

    #[test]
    fn a_stance_is_on_the_whole_query_where_the_sentence_names_it() {
        assert_eq!(
            st(
                "- More money for digital skills, to close the digital divide.",
                "digital divide"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "Ruritania does not support global production caps, and does not support global bans on products.",
                "production caps"
            ),
            Oppose
        );
    }

    #[test]
    fn fallbacks_and_conceded_support_are_mixed() {
        assert_eq!(
            st(
                "- Rules that allow a vote when consensus fails.",
                "consensus"
            ),
            Mixed
        );
        assert_eq!(
            st(
                "Amendments may be adopted by majority once every effort at consensus has been exhausted.",
                "consensus"
            ),
            Mixed
        );
        // "fails to" is another failure.
        assert_ne!(
            st(
                "The council acts when consensus fails to deliver results.",
                "consensus"
            ),
            Mixed
        );
        assert_eq!(
            st(
                "While we strongly support a new treaty, we reject a treaty that would ban all research.",
                "treaty"
            ),
            Mixed
        );
    }

    #[test]
    fn measures_on_a_harm_oppose_it() {
        assert_eq!(
            st(
                "- Support a regional task force on darknet markets.",
                "darknet markets"
            ),
            Oppose
        );
        // The task force is the measure itself.
        assert_eq!(
            st(
                "- Support a regional darknet task force.",
                "darknet task force"
            ),
            Support
        );
        assert_eq!(
            st(
                "- Binding rules on abandoned fishing gear and penalties for fleets.",
                "abandoned fishing gear"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "The world must pay far more attention to the digital divide.",
                "digital divide"
            ),
            Oppose
        );
        // A convention against a harm is a measure.
        assert_eq!(
            st(
                "We urge all states to ratify the Convention against Cybercrime.",
                "Convention against Cybercrime"
            ),
            Support
        );
    }

    #[test]
    fn comparisons_and_contrasts() {
        assert_eq!(
            st(
                "We think wider use of weapon reviews would do more for civilians than a new treaty.",
                "new treaty"
            ),
            Oppose
        );
        assert_ne!(
            st("More than forty states back a new treaty.", "new treaty"),
            Oppose
        );
        assert_eq!(
            st(
                "Talks in good faith, not unilateral sanctions, bring results.",
                "unilateral sanctions"
            ),
            Oppose
        );
    }

    #[test]
    fn what_a_thing_does_and_what_the_author_did() {
        assert_eq!(
            st(
                "Data localisation shields citizens from foreign intelligence services.",
                "data localisation"
            ),
            Support
        );
        let text = "In 2019 Ruritania adopted extended producer responsibility for packaging.";
        let by = Reading {
            proposals: false,
            author: "Republic of Ruritania",
        };
        assert_eq!(
            st_in(text, "extended producer responsibility", &by),
            Support
        );
        assert_eq!(st(text, "extended producer responsibility"), Mention);
        // A participle after a determiner is an adjective.
        assert_eq!(
            st_in(
                "We did not have an established forum for reform.",
                "reform",
                &by
            ),
            Mention
        );
    }

    #[test]
    fn a_pronoun_after_the_query_stands_for_it() {
        assert_eq!(
            st(
                "Harm reduction is no gift to dealers; it is the only way to reach users whom clinics never see.",
                "harm reduction"
            ),
            Support
        );
        assert_eq!(
            st(
                "Ruritania does not field fully autonomous weapons and has no intention of developing them.",
                "fully autonomous weapons"
            ),
            Oppose
        );
    }

    #[test]
    fn a_cue_made_of_the_query_does_what_it_names() {
        assert_eq!(
            st(
                "Autonomous weapons that escape human control should be banned.",
                "ban autonomous weapons"
            ),
            Support
        );
        assert_eq!(
            st(
                "Autonomous weapons should not be banned for being new.",
                "ban autonomous weapons"
            ),
            Oppose
        );
        // Inside the query's phrase it is a word of the topic.
        assert_eq!(
            st(
                "- Global bans on single-use cups, with one deadline for all.",
                "global bans"
            ),
            Support
        );
    }
    #[test]
    fn a_restriction_named_after_the_query_opposes_it() {
        assert_eq!(
            st("Ruritania supports strict spyware controls.", "spyware"),
            Oppose
        );
        assert_eq!(
            st(
                "- A fund for ghost net removal on remote reefs.",
                "ghost net"
            ),
            Oppose
        );
        assert_eq!(
            st(
                "We call for justice for the victims of mass surveillance.",
                "mass surveillance"
            ),
            Oppose
        );
    }
    #[test]
    fn a_name_that_restricts_the_query_opposes_it() {
        assert_eq!(
            st(
                "This week we ratified the Treaty on the Prohibition of Nuclear Weapons.",
                "nuclear weapons"
            ),
            Oppose
        );
        assert_eq!(
            st("We support a ban on nuclear weapons.", "nuclear weapons"),
            Oppose
        );
    }
    #[test]
    fn a_practice_is_a_stance_only_when_the_author_does_it() {
        let by = Reading {
            proposals: false,
            author: "Ruritania",
        };
        assert_eq!(
            st_in(
                "Ruritania applies data localisation to sensitive records.",
                "data localisation",
                &by
            ),
            Support
        );
        assert_eq!(
            st_in(
                "Several states apply data localisation to all records.",
                "data localisation",
                &by
            ),
            Mention
        );
        // The query's own word as the author's verb.
        assert_eq!(
            st_in(
                "The Cannabis Act of 2019 legalised cannabis for adults.",
                "legal cannabis",
                &by
            ),
            Support
        );
        // Examples in a proposal are proposed too.
        assert_eq!(
            st(
                "- Measures on supply, including a global cap on production.",
                "production cap"
            ),
            Support
        );
    }
}
