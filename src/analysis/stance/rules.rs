//! Passage-level rules on top of the sentence reading: harms and the measures against
//! them, proposals, fallbacks, runs of the query's words.

use super::sentence::*;
use std::ops::Range;

/// Nouns naming a harm, as the head of a query ("the digital divide", "drug trafficking").
pub(super) const HARM_HEADS: &[&str] = &[
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
pub(super) const HARM_MODIFIERS: &[&str] = &[
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
pub(super) fn names_harm(words: &[String], modifier: bool, whole: bool) -> bool {
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
pub(super) const RESTRICTIONS: &[&str] = &[
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
    "nonproliferation",
];

/// Words after the query that ask to be without it ("nuclear disarmament", "weapon free").
pub(super) const WITHOUT: &[&str] = &[
    "free",
    "disarmament",
    "denuclearization",
    "denuclearisation",
];

/// Whether a matched word is itself a harm ("spyware" beside its other names "intrusion
/// software"), not the object of a query word before it ("Convention against Cybercrime").
pub(super) fn lone_harm(text: &str, matches: &[Range<usize>]) -> bool {
    matches.iter().enumerate().any(|(n, m)| {
        let w = text.get(m.clone()).unwrap_or("").to_lowercase();
        if !HARM_HEADS.contains(&w.as_str()) {
            return false;
        }
        // The words before it: "against" after "Convention" (a match) makes it an object.
        let before = text.get(..m.start).unwrap_or("");
        let mut words = before.split_whitespace().rev();
        let prep = words.next().unwrap_or("").to_lowercase();
        let object = MEASURE_PREPOSITIONS.contains(&prep.as_str())
            && n > 0
            && matches[n - 1].end + prep.len() + 2 >= m.start;
        let modifier = n > 0 && {
            let gap = text.get(matches[n - 1].end..m.start).unwrap_or("x");
            gap.chars().all(|c| c == ' ' || c == '-')
        };
        !object && !modifier
    })
}

/// Nouns naming a measure: a query headed by one is the measure, whatever it acts on.
pub(super) const MEASURE_HEADS: &[&str] = &[
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

/// Nouns that, after a harm, make a measure acting on it ("a darknet task force", "drug
/// trafficking units", "cybercrime investigations").
pub(super) const MEASURE_COMPOUNDS: &[&str] = &[
    "task",
    "taskforce",
    "unit",
    "units",
    "team",
    "teams",
    "squad",
    "squads",
    "plan",
    "investigations",
    "investigators",
    "enforcement",
    "operation",
    "operations",
    "takedown",
    "takedowns",
];

/// Lowercase words inside a title ("Programme to Combat Marine Litter and Microplastics").
pub(super) const TITLE_LINKS: &[&str] = &["to", "of", "on", "the", "and", "against", "for", "in"];

/// Words of a title that make it act against what it names ("Convention against
/// Corruption", "Programme to Combat ...", "Treaty on the Prohibition of ...").
pub(super) const TITLE_AGAINST: &[&str] = &[
    "against",
    "combat",
    "combating",
    "combatting",
    "counter",
    "countering",
    "prevent",
    "preventing",
    "prevention",
    "prohibition",
    "prohibiting",
    "ban",
    "elimination",
    "eliminate",
    "eliminating",
    "suppression",
    "suppressing",
    "fight",
    "fighting",
    "end",
    "ending",
    "reduce",
    "reducing",
    "reduction",
    "eradication",
    "eradicate",
    "non-proliferation",
    "nonproliferation",
];

/// Prepositions that attach a harm to the measure acting on it ("a task force on X",
/// "intelligence on wallets linked to X", "penalties for X").
pub(super) const MEASURE_PREPOSITIONS: &[&str] = &[
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

/// Whether the sentence introducing a list puts its items forward: "Kenya proposes
/// the following measures:", "We call on all States to:", "This reform must include
/// the following objectives:". Each item is then read as one of a proposals section
/// is. An introduction that only describes ("Several factors contribute to this
/// decline:", "The model has four pillars:") or turns its items down ("We cannot
/// accept the following:") does not.
pub fn lead_proposes(lead: &str) -> bool {
    const VERBS: [&str; 10] = [
        "propos",
        "recommend",
        "insist",
        "suggest",
        "encourag",
        "advocat",
        "request",
        "demand",
        "call",
        "support",
    ];
    const PUT_FORWARD: [&str; 12] = [
        "measures",
        "steps",
        "actions",
        "objectives",
        "solutions",
        "recommendations",
        "proposals",
        "priorities",
        "demands",
        "goals",
        "initiatives",
        "reforms",
    ];
    const REFUSING: [&str; 9] = [
        "not", "never", "no", "cannot", "can't", "reject", "rejects", "oppose", "opposes",
    ];
    let words: Vec<String> = lead
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.iter().any(|w| REFUSING.contains(&w.as_str())) {
        return false;
    }
    // "calls" and "called" put forward only with what they ask for: "calls for",
    // "call on", "call upon" (not "a country called ...").
    let verb = words.iter().enumerate().any(|(i, w)| {
        // Whole words where a stem would take others ("committee", "urgent").
        let whole = matches!(
            w.as_str(),
            "commit"
                | "commits"
                | "committed"
                | "commitment"
                | "commitments"
                | "urge"
                | "urges"
                | "urged"
                | "urging"
        );
        (whole || VERBS.iter().any(|v| w.starts_with(v)))
            && (!w.starts_with("call")
                || words
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.as_str(), "for" | "on" | "upon")))
    });
    let modal = words
        .iter()
        .any(|w| matches!(w.as_str(), "must" | "should" | "shall" | "will"));
    let put_forward = words.iter().any(|w| PUT_FORWARD.contains(&w.as_str()));
    // "... and act collectively to:": what is to be done follows.
    let to_do = modal && words.last().is_some_and(|w| w == "to");
    verb || put_forward || to_do
}

/// Whether a sentence makes a statement rather than naming a proposal: its first clause
/// (after a list marker or an opening "First,") has a finite verb of statement or a
/// personal subject.
/// "2. Another important issue is reform" and "60. We remain committed" state; "3. A
/// global cap on production, with a review" and "- Require the marking of gear" propose.
pub(super) fn states_something(s: &str) -> bool {
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
pub(super) const SUBORDINATORS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "so", "because", "when", "before", "after", "if",
    "while", "until", "where", "unless", "once",
];

/// Finite verbs and personal subjects that make a clause a statement. "Should" and "must"
/// do not: "decisions must be taken by consensus" is a recommendation.
pub(super) const STATEMENT_WORDS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "does", "do", "did", "we", "i", "remains", "remain",
];

/// Whether a sentence is a list item ("- ...", "• ...", "2. ...", "b) ...").
pub(super) fn is_list_item(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with('•') || crate::paper::is_list_marked(s)
}

/// True when the word at `m` is one item of a list of several ("division, conflict,
/// terrorism and violence"; "terrorism, extremism and crime"; "hunger, disease and
/// terrorism").
pub(super) fn enumerated(text: &str, m: &Range<usize>) -> bool {
    let (Some(before), Some(after)) = (text.get(..m.start), text.get(m.end..)) else {
        return false;
    };
    let before = before.trim_end();
    let after_word = after.trim_start();
    let and_next = |s: &str| s.starts_with("and ") || s.starts_with("or ");
    // In the middle: a comma before, a comma or "and" after.
    if before.ends_with(',') && (after.starts_with(',') || and_next(after_word)) {
        return true;
    }
    // Last: "..., X and Y" before it, within its clause.
    let last = [" and", " or"].iter().any(|c| {
        before.strip_suffix(c).is_some_and(|head| {
            let clause = head.rsplit(['.', ';', ':']).next().unwrap_or(head);
            clause.chars().rev().take(40).any(|c| c == ',')
        })
    });
    // First: "X, Y and Z" after it, within its clause.
    let first = after.strip_prefix(',').is_some_and(|rest| {
        let clause = rest.split(['.', ';', ':']).next().unwrap_or(rest);
        let ahead: String = clause.chars().take(40).collect();
        ahead.contains(" and ") || ahead.contains(" or ")
    });
    last || first
}

/// True when the word at `m` names where something happens: "in X", "in the X".
pub(super) fn place_named(text: &str, m: &Range<usize>) -> bool {
    // The few words before it, read as the sentence's words are ("precious—in X").
    let mut from = m.start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let toks = tokenize(text.get(from..m.start).unwrap_or(""), 0);
    match toks.as_slice() {
        [.., w] if w.low == "in" => true,
        [.., w, d] => w.low == "in" && matches!(d.low.as_str(), "the" | "its" | "their"),
        _ => false,
    }
}

/// The first five letters of a matched word: the key that tells query words apart.
pub(super) fn word_key(text: &str, r: &Range<usize>) -> String {
    text.get(r.clone())
        .unwrap_or("")
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(5)
        .collect()
}

/// Words after a noun phrase that end it rather than extend it ("fishing gear and
/// ...", "fishing gear that ..."): the word before them is the phrase's head. Verbs
/// and auxiliaries ("is", "has", "must") end it too: see [`ends_phrase`].
pub(super) const PHRASE_ENDS: &[&str] = &[
    "or",
    "but",
    "nor",
    "in",
    "on",
    "of",
    "for",
    "with",
    "by",
    "at",
    "from",
    "into",
    "as",
    "that",
    "which",
    "who",
    "whose",
    "where",
    "including",
    "such",
    "like",
    "its",
    "their",
    "the",
    "a",
    "an",
    "than",
    "while",
    "if",
    "when",
    "because",
    "so",
    "not",
];

/// Whether `word` (lower case) ends the noun phrase before it.
pub(super) fn ends_phrase(word: &str) -> bool {
    PHRASE_ENDS.contains(&word) || super::sentence::AUXILIARIES.contains(&word)
}

/// Words saying a measure has failed or run out ("when consensus fails", "once every
/// effort at consensus has been exhausted").
pub(super) const FAILS: &[&str] = &[
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
pub(super) fn fallback(
    text: &str,
    sent: Range<usize>,
    matches: &[Range<usize>],
) -> Option<Vec<[usize; 2]>> {
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
pub(super) fn best_run(
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
pub(super) struct Run {
    pub(super) keys: usize,
    pub(super) side: i8,
    pub(super) first: usize,
    pub(super) last: usize,
}

/// Where a sentence says something was joined or accepted only in part: "with a
/// reservation", "with reservations", "subject to a reservation". The cue's byte range.
pub(super) fn reservation(text: &str, sent: Range<usize>) -> Option<[usize; 2]> {
    let s = text.get(sent.clone())?;
    let low = s.to_ascii_lowercase();
    for phrase in [
        "with a reservation",
        "with reservations",
        "with its reservation",
        "subject to a reservation",
        "subject to reservations",
    ] {
        if let Some(p) = low.find(phrase) {
            return Some([sent.start + p, sent.start + p + phrase.len()]);
        }
    }
    None
}

/// Whether what follows "prefers" names a term rather than a thing: "the term",
/// "the name", "the expression", "the wording".
pub(super) fn renaming(after: &str) -> bool {
    let low: String = after
        .trim_start()
        .chars()
        .take(16)
        .collect::<String>()
        .to_lowercase();
    [
        "the term",
        "the name",
        "the expression",
        "the wording",
        "the label",
    ]
    .iter()
    .any(|p| low.starts_with(p))
}
