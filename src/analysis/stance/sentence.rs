//! One sentence read for stance: tokens, sentence cuts, the cues found in it and the
//! stances (chains) they take on the query's words, with negation, concession and
//! who is speaking.

use super::lexicon::*;
use std::ops::Range;

#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Lowercased, curly apostrophes made straight; punctuation is its own character.
    pub(super) low: String,
    pub(super) word: bool,
    /// Starts with an uppercase letter.
    pub(super) cap: bool,
    /// All its letters are uppercase ("WHO", "UNODC").
    pub(super) upper: bool,
}

/// A word in lower case, curly apostrophes and non-breaking hyphens made plain: one
/// allocation for the common word that has neither.
fn lower(word: &str) -> String {
    let low = word.to_lowercase();
    if low.contains(['’', '‑']) {
        low.replace('’', "'").replace('‑', "-")
    } else {
        low
    }
}

pub(super) fn tokenize(text: &str, base: usize) -> Vec<Tok> {
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
                low: lower(s),
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

pub(super) const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "art", "arts", "para", "paras", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr",
    "st", "vs", "fig", "vol", "pp", "p", "cf", "al", "approx", "res", "doc", "sec", "ch",
];

/// Sentence ranges: ends at `.`/`!`/`?` before an uppercase letter, digit, quote or bullet
/// (not after an abbreviation or an initial), and at a blank line or a line starting a list
/// item.
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let mut cut = None;
        if c == b'.' || c == b'!' || c == b'?' {
            // Closing quotes and brackets stay with the sentence, curly ones too
            // ("... individual interests.” Moreover, ...").
            let mut j = i + 1;
            loop {
                if j < b.len() && matches!(b[j], b'"' | b'\'' | b')' | b']') {
                    j += 1;
                } else if let Some(q) = ['”', '’', '»']
                    .into_iter()
                    .find(|q| text.get(j..).is_some_and(|t| t.starts_with(*q)))
                {
                    j += q.len_utf8();
                } else {
                    break;
                }
            }
            let ws = j >= b.len() || b[j].is_ascii_whitespace();
            let mut k = j;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            let next_ok = k >= b.len()
                || text[k..].chars().next().is_some_and(|n| {
                    n.is_uppercase() || n.is_ascii_digit() || "\"'“‘«(-•*[".contains(n)
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
pub(super) struct CueHit {
    /// Token range of the cue.
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) flags: Flags,
    pub(super) strength: u8,
}

pub(super) fn find_cues(toks: &[Tok], is_match: &[Option<usize>]) -> Vec<CueHit> {
    let lex = lexicon();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].word {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, usize)> = None; // (cue index, end token)
        let first = lex
            .by_first
            .get(&toks[i].low)
            .map_or(&[][..], Vec::as_slice);
        let prefixed = lex
            .prefixed
            .iter()
            .filter(|&&c| lex.cues[c].words[0].hits(&toks[i].low));
        for &c in first.iter().chain(prefixed) {
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
                    && (!inside_phrase(is_match, i, end)
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
                // "measures imposed by Western countries on X", "attacks by Hamas on
                // X": a flip whose agent stands between its words turns what follows
                // the preposition, and the agent stays outside it.
                if let Some(cue) = split_flip(lex, toks, i) {
                    hits.push(CueHit {
                        a: i,
                        b: i + 1,
                        flags: cue.flags,
                        strength: cue.strength,
                    });
                    i += 1;
                    continue;
                }
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

/// The flip "HEAD PREP" ("imposed on", "attacks on") when token `i` is its preposition
/// and "by" and an agent of at most four words stand between: "imposed by Western
/// countries on X".
fn split_flip<'l>(lex: &'l Lexicon, toks: &[Tok], i: usize) -> Option<&'l Cue> {
    if !matches!(toks[i].low.as_str(), "on" | "upon" | "against") {
        return None;
    }
    let by = (i.saturating_sub(5)..i)
        .rev()
        .find(|&k| toks[k].low == "by")?;
    if by == 0 || !toks[by + 1..i].iter().all(|t| t.word) || by + 1 == i {
        return None;
    }
    let head = &toks[by - 1].low;
    lex.by_first
        .get(head)
        .into_iter()
        .flatten()
        .chain(lex.prefixed.iter())
        .map(|&c| &lex.cues[c])
        .find(|c| {
            c.words.len() == 2
                && c.words[0].hits(head)
                && c.words[1].hits(&toks[i].low)
                && c.flags.flip
                && !c.flags.takes_side()
                && !c.flags.subject_side()
        })
}

/// Cues whose side holds inside another stance instead of composing with it.
/// Adjectives naming a wrong, cues only right before the query (see `sentence_chains`).
pub(super) const PRENOMINAL_WRONGS: &[&str] = &["brutal", "unjust", "illegal"];

/// Activities "illegal" names a kind of, rather than judges.
const ILLEGAL_KINDS: &[&str] = &[
    "migration",
    "migrants",
    "migrant",
    "immigration",
    "immigrants",
    "entries",
    "entry",
    "crossings",
    "border",
    "fishing",
    "mining",
    "logging",
    "trade",
    "trading",
    "trafficking",
    "drugs",
    "drug",
    "narcotics",
    "substances",
    "arms",
    "weapons",
    "wildlife",
    "timber",
    "gold",
    "financial",
    "flows",
    "activities",
    "activity",
    "exploitation",
    "armed",
    "groups",
    "possession",
    "use",
    "sale",
    "sales",
    "market",
    "markets",
    "workers",
    "employment",
    "residents",
    "settlers",
    "dumping",
    "hunting",
    "poaching",
    "content",
];

pub(super) const ABSOLUTE_CUES: &[&str] = &[
    "so-called",
    "threat",
    "threats",
    "under",
    // A wrong named before it: "denounces the illegal occupation", "calls for the
    // lifting of illegal sanctions" oppose it as surely as the adjective alone.
    "brutal",
    "unjust",
    "illegal",
];

/// Past participles not in -ed or -en ("must be kept", "should be upheld").
/// Verbs that, after "and", start another action rather than name another object:
/// "to overcome crises and achieve peace".
const ACTION_VERBS: &[&str] = &[
    "achieve",
    "attain",
    "advance",
    "build",
    "create",
    "deliver",
    "ensure",
    "foster",
    "make",
    "promote",
    "protect",
    "realise",
    "realize",
    "restore",
    "secure",
    "strengthen",
];

/// Wrongs whose doer a possessive names ("Freedonia's violations of ..."): the doer is
/// what the sentence is against.
const AGENTS_WRONGS: &[&str] = &[
    "aggression",
    "atrocities",
    "violation",
    "breach",
    "attack",
    "occupation",
    "invasion",
    "annexation",
    "blockade",
    "bombing",
];

pub(super) const IRREGULAR_PARTICIPLES: &[&str] = &[
    "kept", "upheld", "held", "met", "sought", "built", "overcome",
];

/// Whether tokens `a..b` stand beside another word of the query.
pub(super) fn inside_phrase(is_match: &[Option<usize>], a: usize, b: usize) -> bool {
    (a > 0 && is_match[a - 1].is_some()) || is_match.get(b).is_some_and(|m| m.is_some())
}

/// A weak verb against something ("combat", "reduce", "close") takes only the noun phrase
/// right after it.
pub(super) fn short_scope(c: &CueHit, negated: bool) -> bool {
    c.flags.oppose && c.strength <= 1 && !negated && !c.flags.flip
}

/// Adjectives that take a side on their subject only when said of it.
pub(super) const ADJECTIVE_CUES: &[&str] = &[
    "illegitimate",
    "unjustified",
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
pub(super) fn predicative(toks: &[Tok], a: usize) -> bool {
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
pub(super) fn coordinated(toks: &[Tok], a: usize) -> bool {
    // Past adverbs, determiners and the "to" of an infinitive in a list ("to put an end
    // to these conflicts, to commit to dialogue").
    let mut before = toks[..a]
        .iter()
        .rev()
        .filter(|t| !(is_adverb(t) || DETERMINERS.contains(&t.low.as_str())));
    let mut prev = before.next();
    if prev.is_some_and(|t| t.low == "to")
        && toks[..a.saturating_sub(2)].iter().any(|t| t.low == "to")
    {
        prev = before.next();
    }
    prev.is_some_and(|t| matches!(t.low.as_str(), "and" | "or" | "," | "nor"))
}

/// Whether token `k` is the "no" of "there is no", "there can be no", "there will be no".
pub(super) fn there_is_no(toks: &[Tok], k: usize) -> bool {
    let no = toks[k].low == "no"
        && k >= 2
        && matches!(
            toks[k - 1].low.as_str(),
            "be" | "is" | "are" | "was" | "were"
        );
    // "there cannot be any negotiations ... without X".
    let not_any = toks[k].low == "any"
        && k >= 3
        && toks[k - 1].low == "be"
        && matches!(toks[k - 2].low.as_str(), "cannot" | "not" | "never");
    (no || not_any) && toks[..k - 1].iter().rev().take(4).any(|t| t.low == "there")
}

/// Whether token `a` is the first word of its sentence, after any list marker ("(a)",
/// "2.", "iv)").
pub(super) fn opens_sentence(toks: &[Tok], a: usize) -> bool {
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

/// "calls for sanctions are growing louder", "calls for reform are mounting": calls as
/// a noun, reported as a trend, are others' calls, not the author's. ("Africa's demands
/// for reform are compelling" and "regrets that calls for a ceasefire have gone
/// unheeded" are the author's own.)
pub(super) fn reported_calls(toks: &[Tok], a: usize, b: usize) -> bool {
    matches!(toks[a].low.as_str(), "calls" | "demands" | "appeals")
        && toks[b..]
            .iter()
            .take(8)
            .take_while(|t| {
                t.word
                    && !matches!(
                        t.low.as_str(),
                        "who"
                            | "which"
                            | "that"
                            | "whose"
                            | "where"
                            | "on"
                            | "against"
                            | "to"
                            | "from"
                            | "by"
                            | "with"
                    )
            })
            .any(|t| {
                matches!(
                    t.low.as_str(),
                    "grow"
                        | "grows"
                        | "grew"
                        | "growing"
                        | "mount"
                        | "mounting"
                        | "multiply"
                        | "multiplying"
                        | "intensifying"
                        | "louder"
                )
            })
}

/// Adverbs after a harm verb that leave it without an object ("is eroding fast").
const LAMENT_ADVERBS: &[&str] = &[
    "away",
    "fast",
    "rapidly",
    "quickly",
    "steadily",
    "further",
    "daily",
    "everywhere",
    "globally",
    "worldwide",
    "gradually",
    "slowly",
    "seriously",
    "badly",
    "dangerously",
];

/// What goes wrong: words of a consequence that says a condition was needed.
const WRONG_OUTCOMES: &[&str] = &[
    "risk",
    "risks",
    "crisis",
    "crises",
    "spiral",
    "fail",
    "fails",
    "failure",
    "collapse",
    "collapses",
    "impossible",
    "cannot",
    "can't",
    "not",
    "no",
    "never",
    "lose",
    "lost",
    "suffer",
    "worse",
    "worsen",
    "chaos",
    "conflict",
    "conflicts",
    "danger",
    "harm",
    "nothing",
    "unattainable",
    "questionable",
    "uncertain",
    "elusive",
    "unfulfilled",
    "perish",
];

/// Whether "without" at token `at` opens a condition whose consequence goes wrong
/// ("Without X, we risk further crises", "it is clear that without X, ... the
/// downward spiral will only accelerate"): "without" opens its clause, a match follows
/// it, and after the comma closing the condition a word says what goes wrong.
pub(super) fn needed_condition(toks: &[Tok], at: usize, is_match: &[Option<usize>]) -> bool {
    // "There cannot be any negotiations about X without X", "there is no peace without
    // Y": what nothing can be had without is needed.
    if toks[at].low == "without"
        && (0..at)
            .rev()
            .take(12)
            .take_while(|&k| !matches!(toks[k].low.as_str(), ";" | "." | ":"))
            .any(|k| there_is_no(toks, k))
    {
        return true;
    }
    // "There can be no X if our planet is not protected", "there will be no X without
    // Y": X is the good that hangs on the condition. The "no" is that of "there is no
    // X" or of a list it heads ("no justice, no strong institutions and no development").
    let heads = toks[at].low == "no"
        && (0..=at)
            .rev()
            .take_while(|&k| k == at || clause_open(&toks[k]))
            .any(|k| there_is_no(toks, k));
    if heads {
        // "Without peace, there is no development": the condition comes first.
        let first = toks.iter().position(|t| t.word);
        if first.is_some_and(|f| matches!(toks[f].low.as_str(), "without" | "if" | "unless")) {
            return true;
        }
        // The match names the good, before the condition ("no development without
        // peace" asked of peace is for peace the other way, as read already).
        let condition = (at + 1..toks.len())
            .take_while(|&k| clause_open(&toks[k]))
            .find(|&k| matches!(toks[k].low.as_str(), "if" | "unless" | "without" | "until"));
        return condition.is_some_and(|c| (at + 1..c).any(|k| is_match[k].is_some()));
    }
    if toks[at].low != "without" {
        return false;
    }
    let opens = opens_sentence(toks, at)
        || at > 0
            && matches!(
                toks[at - 1].low.as_str(),
                "that" | "," | "but" | "and" | "because" | "since"
            );
    if !opens {
        return false;
    }
    let Some(first_match) = (at + 1..toks.len()).find(|&k| is_match[k].is_some()) else {
        return false;
    };
    // The condition ends at the last comma before the main clause: its own list of
    // "without"s ("without X, without Y, and without Z the ...") runs on.
    let mut k = first_match;
    let mut consequence = None;
    while k < toks.len() {
        if toks[k].low == "," {
            let next_without = toks[k + 1..]
                .iter()
                .find(|t| t.word && t.low != "and")
                .is_some_and(|t| t.low == "without");
            if !next_without {
                consequence = Some(k + 1);
                break;
            }
        }
        k += 1;
    }
    // No comma: "without X the spiral ..." reads on after the last "without" phrase.
    let from = consequence.unwrap_or(first_match + 1);
    toks[from..]
        .iter()
        .any(|t| WRONG_OUTCOMES.contains(&t.low.as_str()))
}

/// Whether a token leaves the clause open (it is not a clause boundary).
pub(super) fn clause_open(t: &Tok) -> bool {
    t.word || !matches!(t.low.as_str(), ";" | ":" | "—" | "–")
}

/// Prepositions that begin a phrase of place, time or manner around a noun phrase
/// ("at the forefront of these crises"): the noun phrase does not reach past them.
/// ("of", "from", "in", "for", "to" and "with" join nouns too often to be told apart:
/// "programmes imported from other contexts that may weaken X").
const PHRASE_PREPOSITIONS: &[&str] = &[
    "at", "on", "by", "into", "under", "over", "across", "among", "through", "within", "during",
    "amid",
];

/// True when the "as" at `i` opens a clause of reason after a comma (", particularly
/// as we have adopted X", ", as doing so would undermine Y"): a clause of its own, not
/// the object or the subject of what came before. Asides ("as we all agreed") are not.
fn reason_as(toks: &[Tok], i: usize) -> bool {
    toks[i].low == "as"
        && (i > 0 && toks[i - 1].low == ","
            || i > 1 && is_adverb(&toks[i - 1]) && toks[i - 2].low == ",")
        && toks.get(i + 1).is_some_and(|n| {
            n.low.ends_with("ing")
                || matches!(
                    n.low.as_str(),
                    "we" | "they" | "it" | "he" | "she" | "i" | "you" | "this"
                )
        })
        && !as_aside(&toks[i + 1..])
}

/// "as we all agreed last year", "as I said": an aside about what was said or known,
/// after which the sentence goes on (`toks` begins at the pronoun after "as").
fn as_aside(toks: &[Tok]) -> bool {
    toks.iter()
        .skip(1)
        .find(|t| {
            !matches!(
                t.low.as_str(),
                "all" | "have" | "had" | "already" | "just" | "did" | "once" | "both"
            )
        })
        .is_some_and(|t| {
            matches!(
                t.low.as_str(),
                "agreed"
                    | "said"
                    | "know"
                    | "knew"
                    | "noted"
                    | "stated"
                    | "mentioned"
                    | "heard"
                    | "saw"
                    | "see"
                    | "recall"
                    | "recalled"
                    | "discussed"
                    | "decided"
                    | "promised"
                    | "committed"
                    | "pledged"
            )
        })
}

/// Words that open a sentence by tying it to the one before: what follows is still
/// the sentence's subject.
const CONNECTIVES: &[&str] = &[
    "therefore",
    "thus",
    "hence",
    "so",
    "moreover",
    "furthermore",
    "indeed",
    "also",
    "however",
    "consequently",
    "accordingly",
    "first",
    "second",
    "third",
    "finally",
    "above",
    "all",
];

/// Words that may stand inside a cue without breaking it.
pub(super) const INSIDE_CUE: &[&str] = &[
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

pub(super) const AUXILIARIES: &[&str] = &[
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
pub(super) const BE_PRESENT: &[&str] = &["is", "are", "be", "being"];
pub(super) const BE_PAST: &[&str] = &["was", "were", "been"];
/// Words after which a word is a noun: articles and possessives (not "this" or
/// "that", which may stand as a subject or a relative pronoun before a verb).
const NOUN_MARKERS: &[&str] = &[
    "the", "a", "an", "its", "their", "our", "his", "her", "these", "those",
];

pub(super) const DETERMINERS: &[&str] = &[
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
pub(super) const EMBEDDERS: &[&str] = &[
    "to", "of", "for", "on", "against", "at", "about", "over", "in", "by", "which", "that", "who",
    "towards", "toward", "with", "upon", "from", "into",
];
pub(super) const LIKE: &[&str] = &[
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
pub(super) const ANAPHORS: &[&str] = &["it", "this", "these", "them", "such"];

pub(super) fn is_adverb(t: &Tok) -> bool {
    t.word && t.low.len() > 4 && t.low.ends_with("ly") && t.low != "only" && t.low != "apply"
}

/// One stance taken in a sentence: its side, strength, cue words and what it governs.
#[derive(Debug, Clone)]
pub(super) struct Chain {
    /// The side taken on what comes next.
    pub(super) pol: i8,
    /// The side before any flip: a coordinated flip ("against A and against B") starts
    /// again from it.
    pub(super) base: i8,
    pub(super) strength: u8,
    pub(super) cues: Vec<[usize; 2]>,
    /// Indices into the passage's matches, with the side taken on each.
    pub(super) governed: Vec<(usize, i8)>,
    pub(super) anaphor: bool,
    /// Said by someone else ("some states advocate"), in a conceded clause, or a belief
    /// verb whose clause carries its own cue: does not count.
    pub(super) void: bool,
    /// Said by someone other than the author.
    pub(super) other: bool,
    /// Follows a conceded clause in its sentence.
    pub(super) after_concession: bool,
    /// Taken by the author inside a conceded clause ("while we support X, ..."): it does
    /// not decide, but against a main clause taking the other side it makes a mix.
    pub(super) conceded: bool,
    /// Against a bad form of what it governs ("opposes the abuse of X").
    pub(super) qualified: bool,
    pub(super) frame: bool,
    pub(super) frame_neg: bool,
    pub(super) head_tok: usize,
    pub(super) sentence: Range<usize>,
    /// The side before a flip that a noun took as its own ("the embargo against
    /// Cuba"): a new noun phrase joined after its object ("and the sanctions") takes
    /// the side again.
    pub(super) before_noun_flip: Option<i8>,
    /// The side before the chain's first flip ("supports the elimination of poverty"):
    /// the means named after the flipped object ("through trade") takes it again.
    pub(super) before_flip: Option<i8>,
    /// The side before a gerund cue ("by ending the occupation"), 0 when the gerund
    /// began the chain: a second gerund joined by "and" ("and achieving X") takes it.
    pub(super) before_gerund: Option<i8>,
    /// The side taken on the last cue's action itself, before that cue turned it on
    /// its object: the means of the action ("prevent bloodshed by adhering to X")
    /// takes it ("adhering to X" is backed as the action is).
    pub(super) on_action: i8,
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
            qualified: false,
            frame: false,
            frame_neg: false,
            head_tok,
            sentence,
            before_noun_flip: None,
            before_flip: None,
            before_gerund: None,
            on_action: 1,
        }
    }
}

/// The stances taken in one sentence on the matches in it (and on anaphors).
pub(super) fn sentence_chains(
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
    let mut cues = find_cues(&toks, &is_match);
    // A wrong named before a noun ("illegal", "brutal") is said of that noun only:
    // "illegal sanctions", "the punitive illegal unilateral sanctions", but not the
    // query further on in "illegal fishing fleets were seen near the protected area".
    // "Illegal" only classifies an activity ("illegal fishing", "illegal migration":
    // a kind of it, not a verdict on it); of a state's act it is a verdict ("illegal
    // sanctions", "the illegal occupation").
    cues.retain(|c| {
        let word = toks[c.a].low.as_str();
        !PRENOMINAL_WRONGS.contains(&word)
            || ((c.b..c.b + 3).any(|k| is_match.get(k).is_some_and(Option::is_some))
                && !(word == "illegal"
                    && toks
                        .get(c.b)
                        .is_some_and(|t| ILLEGAL_KINDS.contains(&t.low.as_str()))))
    });
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
    let mut as_to_comma = false;
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
        } else if reason_as(&toks, i) {
            // ", particularly as we have adopted X": a reason of its own, not the
            // object of what came before.
            cid += 1;
            in_concession = false;
        } else if t.low == "as" && toks[..i].iter().all(|p| !p.word) {
            // "As this session urges us to X, the world remains ...": the opening
            // clause ends at its comma.
            as_to_comma = true;
            cid += 1;
            in_concession = false;
        } else if !t.word && t.low == "," && as_to_comma {
            as_to_comma = false;
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
            let mut c = cues[ci].clone();
            // "there is no better framework than X": the standard of a comparison
            // nothing beats is preferred, not set aside.
            if toks[c.a].low == "than" && c.b - c.a == 1 && c.flags.oppose {
                let from = c.a.saturating_sub(8);
                if toks[from..c.a].windows(2).any(|w| {
                    matches!(w[0].low.as_str(), "no" | "nothing")
                        && matches!(
                            w[1].low.as_str(),
                            "better" | "greater" | "stronger" | "more" | "bigger"
                        )
                }) {
                    c.flags.oppose = false;
                    c.flags.support = true;
                }
            }
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
                        // A participle flip after the negation's noun is that noun's:
                        // "without sanctions imposed upon them" is without sanctions,
                        // while "not in violation of X" negates the flip.
                        let flip_here = g.flip
                            && !(toks[k].low.ends_with("ed")
                                && toks[c.b..k]
                                    .iter()
                                    .any(|t| t.word && !DETERMINERS.contains(&t.low.as_str())));
                        if g.takes_side() || g.subject_side() || flip_here {
                            has_cue = true;
                            break;
                        }
                    }
                    if t.word {
                        words += 1;
                    }
                }
                // "escapes X" is a verb with its own object: it turns what it governs,
                // not the next cue ("weapons that escape human control should be banned").
                let own_object =
                    toks[c.a].low.starts_with("escap") || toks[c.a].low.starts_with("evad");
                if has_cue && !own_object {
                    // "Without a joint effort to advance X, we risk further crises":
                    // the cue it would negate is what is needed.
                    if !needed_condition(&toks, c.a, &is_match) {
                        pending_neg = Some((i, 5));
                    }
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
                            // "Without X, the spiral of crises will accelerate": what
                            // goes wrong without it is needed.
                            let side = if needed_condition(&toks, c.a, &is_match) {
                                flip
                            } else {
                                -flip
                            };
                            chains.push(Chain {
                                void: conceded[c.a] || other,
                                other,
                                ..Chain::new(side, vec![range], c.a, sent.clone())
                            });
                            cur = Some(chains.len() - 1);
                        }
                        _ => {}
                    }
                }
                i = c.b;
                continue;
            }
            if f.nonneg || f.concession || (f.other && !f.frame) || f.author {
                // "expand X while addressing Y": the object ends where another action
                // begins.
                if f.concession
                    && matches!(toks[c.a].low.as_str(), "while" | "whilst")
                    && toks.get(c.b).is_some_and(|n| n.low.ends_with("ing"))
                {
                    cur = None;
                }
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
            let neg_tok = pending_neg.take().map(|(nt, _)| nt);
            if let Some(nt) = neg_tok {
                range[0] = toks[nt].start;
            }
            // "if we do not guarantee X, ...": a condition names what is needed, and
            // its negation does not turn the side taken on X.
            let conditional = neg_tok
                .is_some_and(|nt| toks[nt.saturating_sub(4)..nt].iter().any(|t| t.low == "if"));
            let negated = neg_tok.is_some() && !conditional;
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
            let participle = toks[c.b - 1].low.ends_with("ed")
                || toks[c.b - 1].low.ends_with("en")
                || IRREGULAR_PARTICIPLES.contains(&toks[c.b - 1].low.as_str());
            let side_obj = f.takes_side() && !f.subject_side();
            if side_obj && participle && c.b - c.a == 1 && passive_past {
                i = c.b;
                continue;
            }
            // "the advisory opinion requested by the Assembly": a participle with its
            // agent after a noun tells who did it, not where the author stands.
            if side_obj
                && participle
                && c.b - c.a == 1
                && !passive_present
                && toks.get(c.b).is_some_and(|t| t.low == "by")
                && c.a > 0
                && toks[c.a - 1].word
                && !AUXILIARIES.contains(&toks[c.a - 1].low.as_str())
                && !is_adverb(&toks[c.a - 1])
            {
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
            // "the proposed text", "the increasing use" (but "the strengthening of X"
            // is the act).
            if c.b - c.a == 1
                && (toks[c.a].low.ends_with("ed")
                    || (toks[c.a].low.ends_with("ing")
                        && toks.get(c.b).is_some_and(|n| n.word && n.low != "of")))
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
            // "Counter" after a determiner or a describing word is a thing, not the verb:
            // "the real-time counter outside this hall".
            if c.b - c.a == 1
                && toks[c.a].low == "counter"
                && c.a > 0
                && (DETERMINERS.contains(&toks[c.a - 1].low.as_str())
                    || toks[c.a - 1].low.contains('-'))
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
                // "There will be no peace without the establishment of X": what the good
                // cannot be had without is needed.
                let at = neg_tok.unwrap_or(c.a);
                let needed = toks[at].low == "without"
                    && (1..at).any(|k| clause[k] == clause[at] && there_is_no(&toks, k));
                if negated != needed {
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
            // "reaped the benefits", "its threats": after an article or a possessive
            // the cue is a noun, not a predicate said of what precedes it.
            if f.subject_side() && c.a > 0 && NOUN_MARKERS.contains(&toks[c.a - 1].low.as_str()) {
                i = c.b;
                continue;
            }
            // "an interest in ensuring that ...", "by hindering ...": a gerund after a
            // preposition has no subject before it; a cue that also takes a side on its
            // object ("in ensuring X") still does that.
            let gerund_object = f.subject_side()
                && c.a > 0
                && toks[c.a].low.ends_with("ing")
                && EMBEDDERS.contains(&toks[c.a - 1].low.as_str());
            if gerund_object && !(f.support || f.oppose) {
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
            // "confidence in X is eroding", "X is being undermined", "X has weakened":
            // a harm with no object and no agent has happened to its subject, and the
            // author laments it.
            let harm_verb = f.oppose_subject && f.flip;
            let no_object = toks
                .get(c.b)
                .is_none_or(|t| !t.word || LAMENT_ADVERBS.contains(&t.low.as_str()));
            let suffered = (passive_present || passive_past) && participle;
            // Not "X should not be impeded" or "X will not weaken": negated, it says
            // what must not happen, read as the cue reads.
            let own = if harm_verb && !negated && c.b - c.a == 1 && (no_object || suffered) {
                -own
            } else {
                own
            };
            if subject_mode && !gerund_object && own != 0 {
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
                let mut comma_seen = false;
                // Past a relative pronoun the subject is its antecedent, a noun phrase:
                // "at the forefront of these crises that threaten X" ends at "at".
                let mut relative = false;
                let mut antecedent = 0;
                // The flips inside the subject that turned it, shown as cues too.
                let mut inner_cues: Vec<[usize; 2]> = Vec::new();
                for k in (0..c.a).rev() {
                    // "websites whose content constitutes a crime": the subject is the
                    // relative clause's own (not once a comma has closed it: "any weapon
                    // ..., or whose use would breach IHL, is banned").
                    comma_seen |= toks[k].low == ",";
                    if coord || clause[k] != clause[c.a] || (toks[k].low == "whose" && !comma_seen)
                    {
                        break;
                    }
                    if relative {
                        // "X is the fairest formula that will ensure Y": an antecedent
                        // after a copula names its subject, which the scan goes on to.
                        if matches!(toks[k].low.as_str(), "is" | "are" | "was" | "were") {
                            relative = false;
                        } else if (toks[k].low == "," && antecedent > 0)
                            || PHRASE_PREPOSITIONS.contains(&toks[k].low.as_str())
                        {
                            break;
                        }
                        antecedent += usize::from(toks[k].word);
                    }
                    if matches!(toks[k].low.as_str(), "which" | "who")
                        || (toks[k].low == "that"
                            && k > 0
                            && toks[k - 1].word
                            && !EMBEDDERS.contains(&toks[k - 1].low.as_str()))
                    {
                        relative = true;
                    }
                    // Nor past the start of a subordinate clause: "a resolution titled
                    // 'Human Rights and Poverty', since poverty undermines dignity".
                    if ADVERBIAL_OPENERS.contains(&toks[k].low.as_str()) || reason_as(&toks, k) {
                        break;
                    }
                    // A stance of others set aside in it does not end the subject: "so that
                    // X, or what some states prefer to call Y, is ensured".
                    let before = cues.iter().find(|h| {
                        h.b == k + 1
                            && (h.flags.takes_side() || h.flags.subject_side() || h.flags.flip)
                            // (A noun's flip is no one's stance: "developing countries
                            // face the weakening of X, which is ...".)
                            && !(toks[h.b..c.a].iter().any(|t| t.low == ",")
                                && (h.flags.takes_side() || h.flags.subject_side())
                                && attributed_to_other(&toks, &cues, h.a, &clause))
                    });
                    if let Some(h) = before {
                        // A flip inside the subject turns what it governs and the
                        // subject goes on: in "the embargo against Cuba is
                        // unacceptable" the embargo is opposed and Cuba is not.
                        // Not across a relative or subordinate clause's opening:
                        // in "against measures that cause harm to X" the flip
                        // governs the measures, not what the clause says of them.
                        let inner_flip = h.flags.flip
                            && !h.flags.takes_side()
                            && !h.flags.subject_side()
                            && !h.flags.negator
                            && h.a > 0
                            && toks[h.a - 1].word
                            // Nor across a comma: "In X, in violation of Y, the conflict
                            // takes lives" is not said of Y.
                            // (", which" closes the noun phrase the flip is in.)
                            && !(h.b..c.a).any(|j| {
                                toks[j].low == ","
                                    && !toks
                                        .get(j + 1)
                                        .is_some_and(|n| matches!(n.low.as_str(), "which" | "who"))
                            })
                            && (toks[h.b - 1].low == "of"
                                || !toks[h.b..c.a].iter().any(|t| {
                                    t.low == "as"
                                        || super::rules::SUBORDINATORS.contains(&t.low.as_str())
                                }));
                        if !inner_flip {
                            break;
                        }
                        gov.iter_mut().for_each(|(_, p): &mut (usize, i8)| *p = -*p);
                        inner_cues.push([toks[h.a].start, toks[h.b - 1].end]);
                        // What the subject holds is read here, not again by the flip's
                        // own chain: "the weakening of X, which is a violation of Y" is
                        // for X, not against it.
                        let flip_cue = [toks[h.a].start, toks[h.b - 1].end];
                        for ch in chains.iter_mut() {
                            if ch.cues.first() == Some(&flip_cue) {
                                ch.governed
                                    .retain(|(g, _)| !gov.iter().any(|(m, _)| m == g));
                            }
                        }
                    }
                    if let Some(m) = is_match[k] {
                        if gov.iter().any(|(g, _)| *g == m) {
                            continue;
                        }
                        // "the war in Freedonia must end": a place where a wrong happens
                        // is not what the wrong is said of (nor what the next sentence refers back to).
                        if own < 0 && super::rules::place_named(text, &matches[m]) {
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
                                // "Lifting this embargo is necessary": a gerund subject,
                                // after a connective too ("Therefore, phasing out X").
                                let gerund_subject = (0..head)
                                    .rev()
                                    .take_while(|&t| clause[t] == clause[c.a])
                                    .all(|t| {
                                        !toks[t].word
                                            || is_adverb(&toks[t])
                                            || CONNECTIVES.contains(&toks[t].low.as_str())
                                    });
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
                // Not once a comma has closed their aside: "X, or what some states
                // prefer to call Y, is ensured" is the author's.
                let other = cur.is_some_and(|cc| {
                    chains[cc].other
                        && (chains[cc].frame
                            || !toks[chains[cc].head_tok.min(c.a)..c.a]
                                .iter()
                                .any(|t| t.low == ","))
                });
                let void = conceded_here || other;
                inner_cues.reverse();
                inner_cues.push(range);
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
            // "the Convention on the Elimination of all forms of Discrimination against
            // Women": in a name, a wrong "against" someone names its victims; the name's
            // own "Elimination" is not read, so neither is its "against".
            let titled_wrong = toks[c.b - 1].low == "against"
                && c.a > 0
                && toks[c.a - 1].cap
                && toks.get(c.b).is_some_and(|t| t.cap)
                && TITLED_WRONGS.contains(&toks[c.a - 1].low.as_str());
            if f.flip && !side_obj && titled_wrong {
                i = c.b;
                continue;
            }
            if f.flip && !side_obj {
                if !negated {
                    if let Some(cc) = cur {
                        if coordinated(&toks, c.a) {
                            chains[cc].pol = chains[cc].base;
                        }
                        // "opposes the abuse of X": against a bad form of X, not for
                        // all of it.
                        if c.strength <= 1 && chains[cc].pol < 0 && chains[cc].strength >= 2 {
                            chains[cc].qualified = true;
                        }
                        // "an end to the embargo against Cuba and the sanctions against
                        // Zimbabwe": "against" after a noun governs that noun's object.
                        let after_noun =
                            matches!(toks[c.b - 1].low.as_str(), "against" | "on" | "upon")
                                && c.a > 0
                                && toks[c.a - 1].word
                                && cue_at[c.a - 1].is_none()
                                && !matches!(toks[c.a - 1].low.as_str(), "and" | "or");
                        if after_noun {
                            chains[cc].before_noun_flip = Some(chains[cc].pol);
                        }
                        if chains[cc].before_flip.is_none() {
                            chains[cc].before_flip = Some(chains[cc].pol);
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
            // "ending the occupation and achieving X": see `before_gerund`.
            // A gerund acts (after "by", "for", "and", a comma or another cue); after
            // another word it names a thing ("addressing funding gaps").
            let gerund_cue = c.b - c.a == 1
                && toks[c.a].low.len() > 5
                && toks[c.a].low.ends_with("ing")
                && (c.a == 0
                    || matches!(
                        toks[c.a - 1].low.as_str(),
                        "by" | "in" | "of" | "for" | "through" | "while" | "and" | "," | "to"
                    )
                    || cues.iter().any(|h| h.b == c.a));
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
                    if gerund_cue {
                        chains[cc].before_gerund = Some(flip);
                    }
                    if !proposal && attributed_to_other(&toks, &cues, c.a, &clause) {
                        chains[cc].other = true;
                        chains[cc].void = true;
                    }
                    chains[cc].strength = strength.max(if flip < 0 { 2 } else { 1 });
                    chains[cc].on_action = flip;
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
                        if gerund_cue {
                            chains[cc].before_gerund = Some(chains[cc].pol);
                        }
                        // "prevent bloodshed by adhering to dialogue", "fight terrorism
                        // by strengthening cooperation": a gerund after "by" and the
                        // last cue's object is the means of that action, and is taken
                        // as the action is, not turned by it.
                        let last_end = chains[cc].cues.last().map_or(0, |r| r[1]);
                        let means = toks[c.a].low.len() > 5
                            && toks[c.a].low.ends_with("ing")
                            && toks[c.a - 1].low == "by"
                            && (0..c.a - 1)
                                .rev()
                                .take_while(|&k| toks[k].start >= last_end)
                                .any(|k| toks[k].word);
                        if means {
                            // Its list of objects keeps the side ("by adhering to dialogue,
                            // the rules of law, the Charter").
                            chains[cc].pol = chains[cc].on_action * own;
                            chains[cc].base = chains[cc].pol;
                        } else if ABSOLUTE_CUES.contains(&toks[c.a].low.as_str()) {
                            // Scare quotes, threats and wrongs disparage what follows
                            // whatever the stance around them: "rejects the so-called X",
                            // "calls for the lifting of so-called sanctions", "condemns any
                            // threat of X", "denounces the illegal X" all oppose it.
                            chains[cc].pol = own;
                        } else {
                            chains[cc].on_action = chains[cc].pol;
                            chains[cc].pol *= own;
                        }
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
                    } || (f.frame && f.other)
                        || reported_calls(&toks, c.a, c.b)
                        || (!proposal && attributed_to_other(&toks, &cues, c.a, &clause));
                    let void = conceded_here || other;
                    chains.push(Chain {
                        strength,
                        void,
                        other,
                        conceded: conceded_here && !other && !f.frame,
                        after_concession: conceded[..c.a].iter().any(|&x| x),
                        frame: f.frame,
                        frame_neg: f.frame && negated,
                        before_gerund: (gerund_cue && !f.frame).then_some(0),
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
        // "promote understanding of the realities of nuclear weapons use", "supports
        // dialogue on X": furthering talk about a thing takes no side on the thing.
        if cur.is_some()
            && is_match[i].is_none()
            && TALK.contains(&toks[i].low.as_str())
            && toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.low.as_str(), "of" | "on" | "about" | "regarding"))
        {
            cur = None;
        }
        // A stance's object ends where a relative clause about it begins (", whose
        // true scale was shown by X"), where a main clause with its own subject does
        // (", he ..."), or at "while doing" (another action). ("we", "I" and "they" are
        // cues of their own and never reach here; ending the object at them too was
        // tried and read 11 rows of the 2024 debate worse, 5 better.)
        if i > 0
            && ((toks[i - 1].low == ","
                && matches!(
                    toks[i].low.as_str(),
                    "which" | "whose" | "who" | "where" | "he" | "she"
                ))
                || (matches!(toks[i].low.as_str(), "while" | "whilst")
                    && toks.get(i + 1).is_some_and(|n| n.low.ends_with("ing"))))
        {
            cur = None;
        }
        // "calls on States to condemn A and to impose B": a second infinitive joined to
        // the first takes the side of the cue that asks for both, not of the first
        // infinitive's own cue.
        // So does a second gerund ("by ending the occupation and achieving a
        // two-state solution"): it is another action the first cue asks for.
        let second_gerund = toks[i].word
            && toks[i].low.len() > 5
            && toks[i].low.ends_with("ing")
            && is_match[i].is_none()
            && cue_at[i].is_none();
        if (toks[i].low == "to" || second_gerund) && i > 0 && toks[i - 1].low == "and" {
            if let Some(cc) = cur {
                match chains[cc].before_gerund.take() {
                    // A gerund's object ends where the next gerund begins: "by ending
                    // the occupation and achieving X" does not end X; X takes the side
                    // taken before "ending", or none.
                    Some(0) if second_gerund => cur = None,
                    Some(side) if second_gerund => chains[cc].pol = side,
                    _ if chains[cc].cues.len() >= 2 => chains[cc].pol = chains[cc].base,
                    _ => {}
                }
            }
        }
        // The short object of "combat", "reduce", "close" ends at a comma, or at "and"
        // before another verb or cue ("combat X and promote Y"); "combat A and B"
        // combats both.
        if let Some(sc) = short {
            // A conjunct of one or two words that closes the phrase ("and terrorism.",
            // "and human trafficking,") is another object; anything longer may be a
            // verb with its own object ("and reform global frameworks").
            let closes = |k: usize| {
                toks.get(k)
                    .is_none_or(|t| !t.word || matches!(t.low.as_str(), "and" | "or"))
            };
            let short_conjunct = toks.get(i + 1).is_some_and(|n| n.word)
                && (closes(i + 2) || (toks.get(i + 2).is_some_and(|n| n.word) && closes(i + 3)));
            let next_acts = !short_conjunct
                || toks.get(i + 1).is_some_and(|n| {
                    n.low == "to"
                        || n.low.ends_with("ing")
                        || cues.iter().any(|c| c.a == i + 1)
                        || ACTION_VERBS.contains(&n.low.as_str())
                });
            if toks[i].low == "," || (matches!(toks[i].low.as_str(), "and" | "or") && next_acts) {
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
        // "the embargo against Cuba and the sanctions ...": a noun phrase joined after
        // the object of a noun's "against" is governed by what governed the first noun.
        if matches!(toks[i].low.as_str(), "and" | "or" | "including")
            && toks
                .get(i + 1)
                .is_some_and(|n| DETERMINERS.contains(&n.low.as_str()))
        {
            if let Some(cc) = cur {
                if let Some(p) = chains[cc].before_noun_flip.take() {
                    chains[cc].pol = p;
                }
            }
        }
        // "the elimination of poverty through trade": the means of what a flip governs
        // is governed as the flip's own object was not. ("By" is left alone: "the
        // constraints faced by African countries in adapting to X" names no means.)
        if matches!(toks[i].low.as_str(), "through" | "via")
            && !toks.get(i + 1).is_some_and(|n| n.low.ends_with("ing"))
        {
            if let Some(cc) = cur {
                if let Some(p) = chains[cc].before_flip.take() {
                    chains[cc].pol = p;
                }
            }
        }
        // "committed to supporting X and has recently submitted Y": a second predicate
        // with its own auxiliary ends the first one's object.
        if toks[i].low == "and"
            && toks[i + 1..]
                .iter()
                .find(|t| !is_adverb(t))
                .is_some_and(|t| {
                    matches!(t.low.as_str(), "has" | "have" | "had" | "will" | "would")
                })
        {
            if let Some(cc) = cur {
                if !chains[cc].frame {
                    cur = None;
                }
            }
        }
        // "restrictions are increasing and the weakening of X": a cue with nothing
        // between it and "and the" has no object, and what follows is not its.
        if matches!(toks[i].low.as_str(), "and" | "or")
            && i > 0
            && toks
                .get(i + 1)
                .is_some_and(|n| DETERMINERS.contains(&n.low.as_str()))
        {
            if let Some(cc) = cur {
                let right_after = chains[cc]
                    .cues
                    .last()
                    .is_some_and(|r| r[1] == toks[i - 1].end);
                if right_after && chains[cc].cues.len() == 1 && !chains[cc].frame {
                    cur = None;
                }
            }
        }
        // "prefers X to Y": what comes after "to" is set aside.
        if toks[i].low == "to" {
            if let Some(cc) = cur {
                let prefer = chains[cc].cues.first().is_some_and(|r| {
                    text.get(r[0]..r[1])
                        .is_some_and(|w| w.to_lowercase().starts_with("prefer"))
                });
                let right_after = chains[cc]
                    .cues
                    .first()
                    .is_some_and(|r| r[1] + 1 >= toks[i].start);
                if prefer && !right_after && chains[cc].cues.len() == 1 {
                    chains[cc].pol = -chains[cc].pol;
                    chains[cc].cues.push([toks[i].start, toks[i].end]);
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
            // "closing the last chapter that still stands open in Western Sahara": a
            // place named in a relative clause about the object is where it is, not
            // what the cue is for.
            let placed_in_clause = || {
                toks[i].cap
                    && cur.is_some_and(|cc| {
                        let last_end = chains[cc].cues.last().map_or(0, |r| r[1]);
                        (0..i)
                            .rev()
                            .take_while(|&k| toks[k].start >= last_end)
                            .any(|k| matches!(toks[k].low.as_str(), "that" | "which" | "where"))
                            && super::rules::place_named(text, &matches[m])
                    })
            };
            // "an end to the war in Ukraine", "condemns the violence in the Sahel": a
            // place where the wrong happens is not what is said against it (but
            // "refuses to invest in X": a cue's own "in", right after it, takes its
            // object). What is done in a place for it ("aid in Gaza") stays its.
            let placed_after_noun = || {
                toks[i].cap
                    && super::rules::place_named(text, &matches[m])
                    && cur.is_some_and(|cc| {
                        let last_end = chains[cc].cues.last().map_or(0, |r| r[1]);
                        let at = if toks[i - 1].low == "in" {
                            i - 1
                        } else {
                            i.saturating_sub(2)
                        };
                        chains[cc].pol < 0
                            && at > 0
                            && toks[at - 1].start >= last_end
                            && toks[at - 1].word
                    })
            };
            if let Some(cc) = cur.filter(|_| {
                !addressee(&toks, &cues, &cue_at, i)
                    && !destination(&toks, i)
                    && !placed_in_clause()
                    && !placed_after_noun()
            }) {
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
    // phrase opening the sentence is what the first stance after it is about, when
    // that stance opens the main clause (its subject and verb); one further on ("On
    // X, the world continues to witness the failures of Y to prevent Z") is about
    // its own object.
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
            .filter(|ch| ch.head_tok <= end + 8)
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
            // Or alone, when the author does it: "the Cannabis Act of 2018 legalised
            // cannabis" for "drug legalisation".
            if ch.cues.iter().any(|r| r[1] == end)
                && (!ch.governed.is_empty() || (c.flags.practice && !ch.void))
            {
                for m in (c.a..c.b).filter_map(|k| is_match[k]) {
                    if !ch.governed.iter().any(|(g, _)| *g == m) {
                        ch.governed.push((m, ch.base));
                    }
                }
            }
        }
    }
    // "Freedonia's gross violations of international law", "Freedonia's full-scale
    // invasion": whose wrong it is, is what the sentence is against, whatever it says of
    // the wrong ("draws attention to", "in response to").
    for i in 0..toks.len() {
        let Some(m) = is_match[i] else { continue };
        if !(toks[i].low.ends_with("'s") || toks[i].low.ends_with("s'")) {
            continue;
        }
        // The wrong follows, after at most two words qualifying it ("gross", "brutal").
        let wrong = (i + 1..toks.len().min(i + 4))
            .take_while(|&k| toks[k].word && is_match[k].is_none())
            .find(|&k| AGENTS_WRONGS.iter().any(|w| toks[k].low.starts_with(w)));
        let Some(k) = wrong else { continue };
        // Not "Freedonia's alleged violations", nor "Freedonia's fight against aggression".
        if (i + 1..k).any(|j| matches!(toks[j].low.as_str(), "alleged" | "so-called")) {
            continue;
        }
        let cue = cues
            .iter()
            .find(|h| h.a == k)
            .map_or([toks[k].start, toks[k].end], |h| {
                [toks[h.a].start, toks[h.b - 1].end]
            });
        for ch in chains.iter_mut() {
            ch.governed.retain(|(g, _)| *g != m);
        }
        chains.push(Chain {
            governed: vec![(m, -1)],
            ..Chain::new(-1, vec![cue], k, sent.clone())
        });
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
pub(super) fn attributed_to_other(
    toks: &[Tok],
    cues: &[CueHit],
    a: usize,
    clause: &[usize],
) -> bool {
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
            // "Belgium and other states", "like many countries": the author among them.
            // Not ", and major powers are ...": a new clause with its own subject.
            let from = k.saturating_sub(3);
            if (from..k).any(|j| {
                let w = toks[j].low.as_str();
                (LIKE.contains(&w) && !(w == "and" && j > 0 && toks[j - 1].low == ","))
                    || w == "our"
                    || w == "we"
            }) {
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
pub(super) fn in_directive(toks: &[Tok], cues: &[CueHit], k: usize) -> bool {
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
pub(super) const STUDY: &[&str] = &[
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

/// Whether the match at `i` is whom a call is made to ("calls on Iran and China to
/// stop ...", "urge Iran to respond"): the stance is on what they are asked to do,
/// not on them. (The agent of a participle is left alone: "attacks supported by X"
/// is against X, but "a target backed by binding caps" is for them, and "adopted by
/// consensus" for consensus.)
fn addressee(toks: &[Tok], cues: &[CueHit], cue_at: &[Option<usize>], i: usize) -> bool {
    // The last cue before the match that takes a side, within the list the match
    // stands in ("calls on other parties, including Belarus, Iran, ..."); "some",
    // "other" and their like are words of the list.
    let acts = |c: &CueHit| {
        c.flags.takes_side() || c.flags.subject_side() || c.flags.flip || c.flags.negator
    };
    let Some(cue) = cues
        .iter()
        .filter(|c| c.b <= i && acts(c))
        .max_by_key(|c| c.b)
    else {
        return false;
    };
    if i - cue.b >= 16 {
        return false;
    }
    // "calls on X to ...": the match is in the list of those called on (no "to" or
    // "that" has come: "urge the nations to honour the Paris Agreement", "urge that
    // Taiwan be allowed to take part"), and "to" and a word follow it before any
    // other cue.
    if (cue.b..i).any(|k| matches!(toks[k].low.as_str(), "to" | "that")) {
        return false;
    }
    // Those called on are named ("Iran", "the Security Council") or are a body of
    // people ("all parties", "financial institutions"); "urge full dialogue among
    // nations to address X" calls for the dialogue.
    let named = toks[i].cap
        || (cue.b..(i + 2).min(toks.len())).any(|k| BODIES.contains(&toks[k].low.as_str()));
    let first = toks[cue.a].low.as_str();
    // "calls for X" asks for X; "calls for Russia to stop the war" asks it of Russia
    // (not "calls for the treaty to be adopted").
    let called_for = first.starts_with("call")
        && toks[cue.b - 1].low == "for"
        && toks[i].cap
        && toks.get(i + 1).is_some_and(|t| t.low == "to")
        && toks.get(i + 2).is_some_and(|t| t.word && t.low != "be");
    let addressing = named
        && addressing(first)
        && (!first.starts_with("call")
            || matches!(toks[cue.b - 1].low.as_str(), "on" | "upon")
            || called_for);
    addressing
        && (i + 1..toks.len().min(i + 12))
            .take_while(|&j| cue_at[j].is_none() || toks[j].low == "to")
            .any(|j| toks[j].low == "to" && toks.get(j + 1).is_some_and(|n| n.word))
}

/// Whether the match at `i` names where people or things were moved to or from
/// ("bring home the civilians deported to Russia", "weapons smuggled into Freedonia"):
/// a place on the way, not what the cue is for.
fn destination(toks: &[Tok], i: usize) -> bool {
    const MOVED: &[&str] = &[
        "deported",
        "transferred",
        "taken",
        "sent",
        "abducted",
        "exported",
        "smuggled",
        "trafficked",
        "relocated",
        "moved",
        "shipped",
        "removed",
        "fled",
        "forced",
    ];
    toks[i].cap
        && i >= 2
        && matches!(toks[i - 1].low.as_str(), "to" | "into" | "from")
        && MOVED.contains(&toks[i - 2].low.as_str())
}

/// Wrongs that names of treaties and days set "against" their victims ("Discrimination
/// against Women", "Violence against Children").
const TITLED_WRONGS: &[&str] = &[
    "discrimination",
    "violence",
    "crimes",
    "aggression",
    "racism",
    "torture",
    "terrorism",
];

/// Conjunctions that open an adverbial clause, whose verb's subject is inside it.
/// Unlike `rules::SUBORDINATORS` no relative pronouns: past "that" or "which" the
/// subject scan goes on to the antecedent.
const ADVERBIAL_OPENERS: &[&str] = &[
    "because", "since", "although", "though", "whereas", "unless", "if", "when", "while", "whilst",
];

/// Bodies of people a call can be made to ("all parties", "member states").
const BODIES: &[&str] = &[
    "states",
    "countries",
    "parties",
    "nations",
    "governments",
    "government",
    "members",
    "community",
    "institutions",
    "organizations",
    "organisations",
    "partners",
    "donors",
    "leaders",
    "powers",
    "authorities",
    "actors",
    "stakeholders",
];

/// The verbs of cues that address someone ("urge X to", "call on X to"), in every
/// form the cue lexicon conjugates.
fn addressing(word: &str) -> bool {
    static FORMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FORMS
        .get_or_init(|| {
            [
                "call",
                "urge",
                "encourage",
                "invite",
                "demand",
                "ask",
                "request",
            ]
            .iter()
            .flat_map(|l| verb_forms(l))
            .collect()
        })
        .iter()
        .any(|f| f == word)
}

/// Talk about a thing, which a stance can further without taking a side on the thing
/// ("understanding of", "dialogue on"). Not "awareness": raising awareness of a harm
/// is against it.
const TALK: &[&str] = &[
    "understanding",
    "knowledge",
    "information",
    "debate",
    "debates",
    "discussion",
    "discussions",
    "dialogue",
    "conversation",
    "conversations",
];

/// Words of country names that do not name one country by themselves.
pub(super) const NAME_FILLERS: &[&str] = &[
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
pub(super) const INSTRUMENTS: &[&str] = &[
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
pub(super) fn author_did(toks: &[Tok], a: usize, clause: &[usize], author: &[String]) -> bool {
    (0..a)
        .rev()
        .take_while(|&k| clause[k] == clause[a])
        // The subject of what follows "that" is after it: "Korea's position is that
        // international law applies" is not Korea applying it.
        .take_while(|&k| toks[k].low != "that")
        .take(16)
        .any(|k| {
            let w = toks[k].low.as_str();
            let prev = if k > 0 { toks[k - 1].low.as_str() } else { "" };
            matches!(w, "we" | "our")
                || (matches!(w, "government" | "country" | "kingdom")
                    && matches!(prev, "the" | "our" | "my" | "this"))
                || (toks[k].cap && {
                    // "Turkey's development cooperation": the author's own.
                    let name = w.trim_end_matches("'s").trim_end_matches("’s");
                    author.iter().any(|n| n == name)
                })
                || (toks[k].cap && INSTRUMENTS.contains(&w))
        })
}

/// Words opening a topic phrase: "On X, ...", "Regarding X, ...".
pub(super) const TOPIC_MARKERS: &[&str] =
    &["on", "regarding", "concerning", "about", "turning", "as"];

/// Nouns for a proposition that a stance can reject as untrue.
pub(super) const PROPOSITIONS: &[&str] = &[
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

pub(super) const MODALS: &[&str] = &["should", "must", "ought", "shall", "need"];
/// Plural subjects that, with no modal, tell what others do ("fifty states have endorsed").
pub(super) const OTHER_SUBJECTS: &[&str] = &[
    "states",
    "countries",
    "parties",
    "governments",
    "nations",
    "members",
    "jurisdictions",
    "powers",
];
