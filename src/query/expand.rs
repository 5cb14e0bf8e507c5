//! The lexicon's acronyms and synonyms as alternatives of what a delegate typed:
//! "LAWS" also finds "lethal autonomous weapons systems" and the reverse, "UAV" finds
//! "drone" (through the synonyms of its expansion). Alternatives are keyed by their
//! stems, so "drones" and "UAVs" find them too.

use crate::index::{analyzer, lexicon};
use rustc_hash::FxHashMap;
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
///
/// An acronym, its expansions and every synonym family one of them belongs to are one
/// meaning: "UAV" expands to "unmanned aerial vehicle", whose family holds "drone", so
/// "UAV" finds "drone" and "drone" finds "UAV". Texts are joined by their stems, so
/// "small island states" in a family meets "small island state" in an expansion.
fn table() -> &'static BTreeMap<String, Vec<String>> {
    static TABLE: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Every text once, with its stems and whether it is searched for: an acronym
        // typed in lower case ("uav") finds its meaning but is never searched for it
        // ("CITES" must not find the verb "cites"). Groups hold the tables' rows as
        // indices into it, in the order given. Each text is analysed once (972
        // analyses on every process's first query).
        struct Text<'a> {
            text: Cow<'a, str>,
            key: String,
            searched: bool,
        }
        let mut texts: Vec<Text> = Vec::new();
        let mut index: FxHashMap<Cow<str>, usize> = FxHashMap::default();
        let mut add = |text: Cow<'static, str>, searched: bool| -> usize {
            *index.entry(text.clone()).or_insert_with(|| {
                texts.push(Text {
                    key: stems(&text).join(" "),
                    text,
                    searched,
                });
                texts.len() - 1
            })
        };
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (acronym, expansions) in lexicon::acronyms() {
            let mut group = vec![add(Cow::Borrowed(acronym.as_str()), true)];
            let lower = acronym.to_lowercase();
            // Typed in lower case, an acronym that is also a word is the word.
            if !ALSO_WORDS.contains(&lower.as_str()) {
                group.push(add(Cow::Owned(lower), false));
            }
            group.extend(
                expansions
                    .iter()
                    .map(|e| add(Cow::Borrowed(e.as_str()), true)),
            );
            groups.push(group);
        }
        for family in lexicon::synonyms() {
            groups.push(
                family
                    .iter()
                    .map(|m| add(Cow::Borrowed(m.as_str()), true))
                    .collect(),
            );
        }
        // Groups sharing a text (by its stems) are one meaning: union-find over groups.
        let mut parent: Vec<usize> = (0..groups.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        let mut first_group: FxHashMap<&str, usize> = FxHashMap::default();
        for (g, group) in groups.iter().enumerate() {
            for &t in group {
                let key = texts[t].key.as_str();
                if key.is_empty() {
                    continue;
                }
                let other = *first_group.entry(key).or_insert(g);
                let (a, b) = (root(&mut parent, other), root(&mut parent, g));
                // The lower index stays the root, so a meaning lists its texts in
                // the order the tables give them.
                parent[a.max(b)] = a.min(b);
            }
        }
        let mut meanings: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (g, group) in groups.iter().enumerate() {
            let list = meanings.entry(root(&mut parent, g)).or_default();
            for &t in group {
                if !list.contains(&t) {
                    list.push(t);
                }
            }
        }
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for members in meanings.values() {
            for &from in members {
                let key = &texts[from].key;
                if key.is_empty() || map.contains_key(key) {
                    continue;
                }
                // One text per other spelling: "weapon system" and "weapons system" are
                // one search.
                let mut seen = vec![key.as_str()];
                let mut list = Vec::new();
                for &to in members {
                    let t = &texts[to];
                    if t.searched && !seen.contains(&t.key.as_str()) {
                        seen.push(t.key.as_str());
                        list.push(t.text.clone().into_owned());
                    }
                }
                map.insert(key.clone(), list);
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
    fn an_acronym_meets_the_synonyms_of_its_expansion() {
        // UAV -> unmanned aerial vehicle, whose family holds "drone".
        assert!(alts("UAV").contains(&"drone".to_owned()));
        assert!(alts("drones").contains(&"UAV".to_owned()));
        assert!(alts("SIDS").contains(&"small island states".to_owned()));
        assert!(alts("killer robots").contains(&"LAWS".to_owned()));
        assert!(alts("unilateral sanctions").contains(&"UCM".to_owned()));
        // An acronym in lower case is typed, never searched: CITES is not the verb.
        assert!(alts("CITES").iter().all(|a| a != "cites"));
        assert!(alts("UAV").iter().all(|a| a != "uav"));
        // One text per spelling: "weapon system" and "weapons system" search the same.
        let laws = alts("LAWS");
        let mut keys: Vec<String> = laws.iter().map(|a| stems(a).join(" ")).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "{laws:?}");
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
