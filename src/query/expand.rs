//! The lexicon's acronyms and synonyms as alternatives of what a delegate typed:
//! "LAWS" also finds "lethal autonomous weapons systems" and the reverse, "UAV" finds
//! "drone". Alternatives are keyed by their stems, so "drones" and "UAVs" find them too.

use crate::index::{analyzer, lexicon};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Acronyms that are also English words: typed in lower case they are the word
/// ("laws", "who"), only in capitals the body or treaty.
const ALSO_WORDS: &[&str] = &[
    "aids", "cat", "cop", "laws", "who", "un", "au", "isa", "fad", "nam", "inc", "sco", "pops",
];

fn stems(text: &str) -> Vec<String> {
    thread_local! {
        static ANALYZER: std::cell::RefCell<tantivy::tokenizer::TextAnalyzer> =
            std::cell::RefCell::new(analyzer::analyzer());
    }
    ANALYZER.with(|a| {
        analyzer::terms(&mut a.borrow_mut(), text)
            .into_iter()
            .map(|t| t.stem)
            .collect()
    })
}

/// Stems joined by spaces -> the texts that mean the same.
fn table() -> &'static BTreeMap<String, Vec<String>> {
    static TABLE: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Every pair of texts that mean the same, in the order the tables give them.
        let mut pairs: Vec<(Cow<'static, str>, &'static str)> = Vec::new();
        for (acronym, expansions) in lexicon::acronyms() {
            let lower = acronym.to_lowercase();
            let also_word = ALSO_WORDS.contains(&lower.as_str());
            for e in expansions {
                pairs.push((Cow::Borrowed(acronym), e));
                if !also_word {
                    pairs.push((Cow::Owned(lower.clone()), e));
                }
                pairs.push((Cow::Borrowed(e), acronym));
                for other in expansions.iter().filter(|o| *o != e) {
                    pairs.push((Cow::Borrowed(e), other));
                }
            }
        }
        for family in lexicon::synonyms() {
            for a in family {
                for b in family.iter().filter(|b| *b != a) {
                    pairs.push((Cow::Borrowed(a), b));
                }
            }
        }
        // Each text is analysed once, not once per pair it is in: the tables pair
        // every member of a family with every other (2,964 analyses become 972, on
        // every process's first query).
        let mut keys: BTreeMap<&str, String> = BTreeMap::new();
        for (from, to) in &pairs {
            for text in [from.as_ref(), *to] {
                keys.entry(text).or_insert_with(|| stems(text).join(" "));
            }
        }
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (from, to) in &pairs {
            let key = &keys[from.as_ref()];
            if key.is_empty() || *key == keys[to] {
                continue;
            }
            let list = map.entry(key.clone()).or_default();
            if !list.iter().any(|t| t == to) {
                list.push((*to).to_owned());
            }
        }
        map
    })
}

/// What else the words with these stems may be written as.
pub(crate) fn alternatives(stems: &[String]) -> Option<&'static [String]> {
    if stems.is_empty() {
        return None;
    }
    table().get(&stems.join(" ")).map(Vec::as_slice)
}

/// The longest run of consecutive items, starting at `start`, whose stems together
/// have alternatives; `items` holds each item's stems (None for an item that is not
/// a plain word). Returns the run's length and the alternatives.
pub(crate) fn run_at(
    items: &[Option<Vec<String>>],
    start: usize,
) -> Option<(usize, &'static [String])> {
    let mut best = None;
    let mut joined: Vec<String> = Vec::new();
    for (len, item) in items[start..].iter().enumerate().take(8) {
        let Some(s) = item else { break };
        joined.extend(s.iter().cloned());
        if len >= 1 {
            if let Some(alts) = alternatives(&joined) {
                best = Some((len + 1, alts));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alts(text: &str) -> Vec<String> {
        alternatives(&stems(text))
            .map(<[String]>::to_vec)
            .unwrap_or_default()
    }

    #[test]
    fn acronyms_and_expansions_find_each_other() {
        assert!(alts("LAWS").iter().any(|a| a.contains("lethal autonomous")));
        assert!(alts("lethal autonomous weapons systems").contains(&"LAWS".to_owned()));
        assert!(alts("unodc").iter().any(|a| a.contains("drugs and crime")));
        // Typed in lower case, an acronym that is also a word stays the word.
        assert!(alts("laws").is_empty());
        assert!(alts("who").is_empty());
        assert!(alts("SIDS").iter().any(|a| a.contains("small island")));
    }

    #[test]
    fn synonym_families_expand_both_ways() {
        assert!(alts("bitcoin").contains(&"cryptocurrency".to_owned()));
        assert!(alts("drones").iter().any(|a| a.contains("unmanned")));
        assert!(alts("ceasefire")
            .iter()
            .any(|a| a == "cease-fire" || a == "truce"));
    }

    #[test]
    fn runs_of_words_are_found_longest_first() {
        let items: Vec<Option<Vec<String>>> = ["ban", "lethal", "autonomous", "weapons", "systems"]
            .iter()
            .map(|w| Some(stems(w)))
            .collect();
        let (len, alts) = run_at(&items, 1).expect("a run");
        assert_eq!(len, 4);
        assert!(alts.contains(&"LAWS".to_owned()));
        assert!(run_at(&items, 0).is_none());
    }
}
