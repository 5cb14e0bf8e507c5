//! The word lists delegates' vocabulary needs, kept as data files written by us
//! (`src/index/lexicon/*.tsv`): British spellings the rules cannot derive, the
//! acronyms of UN bodies and treaties with their expansions, and families of
//! synonyms. Parsed once, on first use.

use super::stem;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const SPELLINGS: &str = include_str!("lexicon/spellings.tsv");
const ACRONYMS: &str = include_str!("lexicon/acronyms.tsv");
const SYNONYMS: &str = include_str!("lexicon/synonyms.tsv");
const PLACES: &str = include_str!("lexicon/places.tsv");

/// Rows of a tab-separated table, comments and blank lines left out.
fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            l.split('\t')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|cells| cells.len() >= 2)
}

/// Core stem of a British spelling -> core stem of the American one. Looked up for
/// every word indexed or highlighted, so hashed rather than ordered.
pub(crate) fn spellings() -> &'static FxHashMap<String, String> {
    static MAP: OnceLock<FxHashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = FxHashMap::default();
        for cells in rows(SPELLINGS) {
            let (gb, us) = (cells[0].to_lowercase(), cells[1].to_lowercase());
            let (from, to) = (stem::core(&gb), stem::core(&us));
            if from != to {
                map.insert(from, to);
            }
        }
        map
    })
}

/// Acronyms (upper case, as written) and their expansions (lower case).
pub fn acronyms() -> &'static BTreeMap<String, Vec<String>> {
    static MAP: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for cells in rows(ACRONYMS) {
            let acronym = cells[0].to_owned();
            let list = map.entry(acronym).or_default();
            for e in &cells[1..] {
                let e = e.to_lowercase();
                if !list.contains(&e) {
                    list.push(e);
                }
            }
        }
        map
    })
}

/// True when `word` (as written) is an acronym of the table: indexed in upper case
/// so that "LAWS" is not "laws" and "WHO" is not "who".
pub fn is_acronym(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| acronyms().keys().cloned().collect())
        .contains(word)
}

/// Families of words and phrases that mean the same thing, lower case.
pub fn synonyms() -> &'static Vec<Vec<String>> {
    static LIST: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    LIST.get_or_init(|| {
        rows(SYNONYMS)
            .map(|cells| cells.iter().map(|c| c.to_lowercase()).collect())
            .collect()
    })
}

/// A place whose name holds a country's word: the words before it, the word, the
/// words after it ("Gulf of [Guinea]" is `("Gulf of", "Guinea", "")`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub before: &'static str,
    pub word: &'static str,
    pub after: &'static str,
}

/// The places of `lexicon/places.tsv`, in the order written. A line without its word
/// in square brackets is a mistake of the table, caught by its test.
pub fn places() -> Vec<Place> {
    PLACES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (before, rest) = l.split_once('[')?;
            let (word, after) = rest.split_once(']')?;
            Some(Place {
                before: before.trim(),
                word: word.trim(),
                after: after.trim(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_have_entries() {
        assert!(!spellings().is_empty());
        assert!(acronyms().contains_key("LAWS"));
        assert!(is_acronym("SIDS"));
        assert!(!is_acronym("sids"));
        assert!(synonyms().iter().any(|f| f.contains(&"bitcoin".to_owned())));
    }

    #[test]
    fn every_place_marks_its_country_word() {
        let lines = PLACES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let places = places();
        assert_eq!(places.len(), lines, "a line without [word]");
        assert!(places
            .iter()
            .all(|p| !p.word.is_empty() && (!p.before.is_empty() || !p.after.is_empty())));
        assert!(places.contains(&Place {
            before: "South",
            word: "Sudan",
            after: ""
        }));
    }
}
