//! A light English stemmer: it strips inflections (plural -s/-es/-ies, -ed, -ing),
//! folds British and American spellings together, and never strips a derivation that
//! changes the meaning. "escrows" is "escrow" and "decriminalised" is "decriminalize",
//! but "nationalism" stays apart from "nation" and "populism" from "popular", which
//! a Porter stemmer merges.
//!
//! The output is a key, not a word: "make" and "making" both give "mak".

use std::borrow::Cow;

/// British spellings that no suffix rule derives (programme, defence, travelled),
/// from the lexicon table, keyed by their core stem.
fn spelling(core: &str) -> Option<&'static str> {
    super::lexicon::spellings().get(core).map(String::as_str)
}

/// Words ending in -s that are not plurals.
const NOT_PLURAL: &[&str] = &[
    "always",
    "afterwards",
    "arms",
    "bias",
    "canvas",
    "chaos",
    "corps",
    "crisis",
    "diabetes",
    "economics",
    "ethics",
    "gas",
    "lens",
    "means",
    "measles",
    "news",
    "perhaps",
    "physics",
    "politics",
    "series",
    "species",
    "thanks",
    "thus",
    "towards",
    "whereas",
    "sometimes",
    "overseas",
    "various",
    "alias",
    "atlas",
    "basis",
    "christmas",
    "logistics",
    "statistics",
];

/// Words ending in -ed or -ing that are not inflections.
const NOT_INFLECTED: &[&str] = &[
    "bed",
    "bred",
    "embed",
    "fled",
    "hundred",
    "kindred",
    "led",
    "naked",
    "need",
    "proceed",
    "exceed",
    "succeed",
    "speed",
    "seed",
    "feed",
    "deed",
    "heed",
    "greed",
    "breed",
    "indeed",
    "sacred",
    "shed",
    "wicked",
    "wed",
    "red",
    "ragged",
    "rugged",
    "crooked",
    "anything",
    "everything",
    "nothing",
    "something",
    "thing",
    "things",
    "during",
    "morning",
    "evening",
    "ceiling",
    "king",
    "ring",
    "spring",
    "string",
    "wing",
    "sing",
    "bring",
    "sibling",
    "offspring",
    "pudding",
    "wedding",
    "darling",
    "sterling",
    "shilling",
    "viking",
    "beijing",
    "nanjing",
    "kunming",
    "wyoming",
    "herring",
    "bedding",
    "being",
];

/// -eed words whose -d is the past tense ending ("agreed" is "agree" + d).
const EED_PAST: &[&str] = &[
    "agreed",
    "disagreed",
    "freed",
    "decreed",
    "guaranteed",
    "refereed",
];

/// Stems that end in a doubled consonant once -ed/-ing is gone and keep it.
fn keeps_double(stem: &str) -> bool {
    matches!(stem.as_bytes().last(), Some(b'l' | b's' | b'z' | b'f')) || stem.ends_with("ee")
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn has_vowel(s: &str) -> bool {
    s.bytes().any(is_vowel)
}

/// Suffixes after "-iz"/"-yz" that mark the -ize/-yze spelling of a verb family.
const IZE_TAILS: &[&str] = &[
    "e", "ed", "es", "ing", "ation", "ations", "ational", "er", "ers", "ement",
];

/// American -ize/-yze spellings written the British way (-ise/-yse), so both match.
/// The direction matters: many words end in -ise on their own (promise, exercise),
/// almost none in -ize (size, prize, seize), so mapping -ize to -ise merges nothing
/// that should stay apart.
fn fold_ize(word: &str) -> Cow<'_, str> {
    for tail in IZE_TAILS {
        if let Some(head) = word.strip_suffix(tail) {
            for (from, to) in [("iz", "is"), ("yz", "ys")] {
                if let Some(root) = head.strip_suffix(from) {
                    if root.len() >= 3 {
                        return Cow::Owned(format!("{root}{to}{tail}"));
                    }
                }
            }
        }
    }
    Cow::Borrowed(word)
}

/// Words ending in -our, -tre or -bre that are spelt so in American English too.
const NOT_BRITISH: &[&str] = &[
    "contour",
    "detour",
    "devour",
    "velour",
    "troubadour",
    "paramour",
    "amour",
    "flour",
    "scour",
    "macabre",
    "timbre",
    "notre",
];

/// Inflections and derivations that may follow a British -our / -tre ending.
const OUR_TAILS: &[&str] = &[
    "", "s", "ed", "ing", "er", "ers", "able", "ably", "ite", "ites",
];

/// British -our and -tre/-bre spellings in their American form (labour -> labor,
/// neighbouring -> neighboring, centre -> center, fibres -> fibers).
fn fold_our_tre(word: &str) -> Cow<'_, str> {
    for tail in OUR_TAILS {
        let Some(head) = word.strip_suffix(tail) else {
            continue;
        };
        if NOT_BRITISH.contains(&head) {
            return Cow::Borrowed(word);
        }
        if let Some(root) = head.strip_suffix("our") {
            if root.len() >= 3 {
                return Cow::Owned(format!("{root}or{tail}"));
            }
        }
        for (gb, us) in [("tre", "ter"), ("bre", "ber")] {
            if let Some(root) = head.strip_suffix(gb) {
                if root.len() >= 3 && (tail.is_empty() || *tail == "s" || *tail == "d") {
                    return Cow::Owned(format!("{root}{us}{tail}"));
                }
            }
        }
    }
    // "centred", "fibred": the -d of -tre/-bre words.
    for (gb, us) in [("tred", "tered"), ("bred", "bered")] {
        if let Some(root) = word.strip_suffix(gb) {
            if root.len() >= 3 {
                return Cow::Owned(format!("{root}{us}"));
            }
        }
    }
    Cow::Borrowed(word)
}

/// English doubles a final c to ck before -ing/-ed/-er ("trafficking").
const CK_STEMS: &[&str] = &["traffick", "panick", "mimick", "picnick", "frolick"];

/// Words left as they are: not plurals, not inflected. Asked for every word stemmed,
/// so one hashed set rather than two lists scanned.
fn kept_whole(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| NOT_PLURAL.iter().chain(NOT_INFLECTED).copied().collect())
        .contains(word)
}

/// Strips one inflection. Returns the stem and whether a verb ending was removed.
fn strip_inflection(word: &str) -> (Cow<'_, str>, bool) {
    let n = word.len();
    if kept_whole(word) {
        return (Cow::Borrowed(word), false);
    }
    if n > 4 && (word.ends_with("ies") || word.ends_with("ied")) {
        return (Cow::Owned(format!("{}y", &word[..n - 3])), false);
    }
    if word.ends_with("sses") {
        return (Cow::Borrowed(&word[..n - 2]), false);
    }
    for tail in ["xes", "ches", "shes", "zzes"] {
        if word.ends_with(tail) {
            return (Cow::Borrowed(&word[..n - 2]), false);
        }
    }
    if word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && n > 3
    {
        return (Cow::Borrowed(&word[..n - 1]), false);
    }
    if word.ends_with("eed") {
        if EED_PAST.contains(&word) {
            return (Cow::Borrowed(&word[..n - 1]), false);
        }
        return (Cow::Borrowed(word), false);
    }
    for tail in ["ing", "ed"] {
        if let Some(stem) = word.strip_suffix(tail) {
            if stem.len() >= 2 && has_vowel(stem) {
                return (Cow::Borrowed(stem), true);
            }
        }
    }
    (Cow::Borrowed(word), false)
}

/// The key a word (one token, as written, accents folded) is indexed under: an
/// acronym of the lexicon as it is ("LAWS", and "LDCs" as "LDC"), any other word
/// lower-cased and stemmed.
pub fn key(word: &str) -> String {
    use super::lexicon;
    if lexicon::is_acronym(word) {
        return word.to_owned();
    }
    // "LDCs", "SDGs": the plural of an acronym is the acronym.
    if let Some(singular) = word.strip_suffix('s') {
        if lexicon::is_acronym(singular) {
            return singular.to_owned();
        }
    }
    let lower = word.to_lowercase();
    stem(&lower).into_owned()
}

/// The stem of one lower-case word.
pub fn stem(word: &str) -> Cow<'_, str> {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(word);
    }
    let s = core(word);
    match spelling(&s) {
        Some(us) => Cow::Borrowed(us),
        None => Cow::Owned(s),
    }
}

/// The stem before irregular spellings are folded: -ize to -ise, the inflection
/// gone, a doubled consonant undone, a final silent e dropped.
pub(crate) fn core(word: &str) -> String {
    let folded = fold_ize(word);
    let folded = fold_our_tre(&folded);
    let (base, verb) = strip_inflection(&folded);
    let mut s = base.into_owned();
    if verb {
        if CK_STEMS.contains(&s.as_str()) {
            s.pop();
        }
        let b = s.as_bytes();
        let l = b.len();
        // committ-ed -> commit, plann-ing -> plan; but call-ing, pass-ing, add-ed stay.
        if l >= 4 && b[l - 1] == b[l - 2] && !is_vowel(b[l - 1]) && !keeps_double(&s) {
            s.pop();
        } else if l < 3 {
            // us-ing -> use: the e that the ending swallowed.
            s.push('e');
        }
    }
    // The act of legalising is legalisation: one key for the verb and its -isation
    // noun (the noun of another word, like "nationalism", keeps its own).
    if let Some(root) = s.strip_suffix("isation") {
        if root.len() >= 3 {
            s = format!("{root}is");
        }
    }
    // One key for make/making: drop a final silent e.
    if s.len() > 3 && s.ends_with('e') && !s.ends_with("ee") && !s.ends_with("ie") {
        let before = s.as_bytes()[s.len() - 2];
        if !is_vowel(before) {
            s.pop();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn same(words: &[&str]) {
        let first = stem(words[0]);
        for w in &words[1..] {
            assert_eq!(stem(w), first, "{} vs {}", words[0], w);
        }
    }

    fn apart(a: &str, b: &str) {
        assert_ne!(stem(a), stem(b), "{a} and {b} must not merge");
    }

    #[test]
    fn inflections_match() {
        same(&["escrow", "escrows"]);
        same(&["traffic", "trafficking", "trafficked"]);
        same(&[
            "decriminalise",
            "decriminalised",
            "decriminalising",
            "decriminalises",
        ]);
        same(&["policy", "policies"]);
        same(&["commit", "committed", "committing", "commits"]);
        same(&["nation", "nations"]);
        same(&["agree", "agreed", "agrees", "agreeing"]);
        same(&["need", "needs", "needed"]);
        same(&["use", "used", "uses", "using"]);
        same(&["tax", "taxes"]);
        same(&["search", "searches", "searched", "searching"]);
        same(&["make", "makes", "making"]);
        same(&["call", "calls", "called", "calling"]);
        same(&["plan", "plans", "planned", "planning"]);
        same(&["create", "created", "creating"]);
        same(&["apply", "applied", "applies"]);
        same(&["process", "processes"]);
        same(&[
            "legalise",
            "legalisation",
            "legalization",
            "legalized",
            "legalisations",
        ]);
    }

    #[test]
    fn british_and_american_spellings_match() {
        same(&["decriminalise", "decriminalize", "decriminalized"]);
        same(&["organisation", "organization", "organisations"]);
        same(&["analyse", "analyze", "analysed"]);
        same(&["realise", "realize", "realizing"]);
        same(&["labour", "labor", "labours"]);
        same(&["neighbouring", "neighboring"]);
        same(&["centre", "center", "centres", "centred", "centered"]);
        same(&["programme", "program", "programmes"]);
        same(&["defence", "defense"]);
        same(&["travelled", "traveled"]);
        apart("hour", "hor");
    }

    #[test]
    fn meaning_changing_derivations_stay_apart() {
        apart("nation", "nationalism");
        apart("nations", "nationalism");
        apart("popular", "populism");
        apart("unilateral", "unilateralism");
        apart("colonial", "colonialism");
        apart("organ", "organization");
        apart("execution", "executive");
        apart("news", "new");
    }

    #[test]
    fn short_and_non_ascii_words_are_kept() {
        assert_eq!(stem("gas"), "gas");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("crisis"), "crisis");
        assert_eq!(stem("thing"), "thing");
        assert_eq!(stem("2024"), "2024");
    }
}
