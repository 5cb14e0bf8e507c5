//! The lexicon's acronyms and synonyms as alternatives of what a delegate typed:
//! "LAWS" also finds "lethal autonomous weapons systems" and the reverse, "UAV" finds
//! "drone" (through the synonyms of its expansion). Alternatives are keyed by their
//! stems, so "drones" and "UAVs" find them too.

#[cfg(test)]
use crate::index::{analyzer, lexicon};

/// Stems joined by spaces -> the texts that mean the same, sorted by key: the
/// lexicon's acronyms and synonym families merged into meanings
/// (`query/meanings.rs`), by `build.rs` when caucus is compiled.
static TABLE: &[(&str, &[&str])] = include!(concat!(env!("OUT_DIR"), "/meanings.rs"));

#[cfg(test)]
fn stems(text: &str) -> Vec<String> {
    analyzer::terms(&mut analyzer::analyzer(), text)
        .into_iter()
        .map(|t| t.stem)
        .collect()
}

/// What else the words with these stems may be written as.
pub(crate) fn alternatives(stems: &[String]) -> Option<&'static [&'static str]> {
    if stems.is_empty() {
        return None;
    }
    let key = stems.join(" ");
    TABLE
        .binary_search_by(|(k, _)| (*k).cmp(key.as_str()))
        .ok()
        .map(|i| TABLE[i].1)
}

/// The longest run of consecutive items, starting at `start`, whose stems together
/// have alternatives; `items` holds each item's stems (None for an item that is not
/// a plain word). Returns the run's length and the alternatives.
pub(crate) fn run_at(
    items: &[Option<Vec<String>>],
    start: usize,
) -> Option<(usize, &'static [&'static str])> {
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
            .map(|a| a.iter().map(|t| t.to_string()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn the_built_table_is_the_analyzers() {
        // build.rs keys the texts with its own reading of the analyzer's words; the
        // table must be the one the analyzer itself gives, entry for entry.
        let analysed =
            super::super::meanings::build(lexicon::acronyms(), lexicon::synonyms(), |t| {
                stems(t).join(" ")
            });
        let built: Vec<(String, Vec<String>)> = TABLE
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|t| t.to_string()).collect()))
            .collect();
        let analysed: Vec<(String, Vec<String>)> = analysed.into_iter().collect();
        assert!(built.len() > 900, "{}", built.len());
        assert_eq!(built, analysed);
        // Sorted, for the binary search.
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0));
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
        // The UN's name for a treaty under negotiation.
        assert!(alts("legally binding treaty").contains(&"legally binding instrument".to_owned()));
    }

    #[test]
    fn an_acronym_meets_the_synonyms_of_its_expansion() {
        // UAV -> unmanned aerial vehicle, whose family holds "drone".
        assert!(alts("UAV").contains(&"drone".to_owned()));
        assert!(alts("drones").contains(&"UAV".to_owned()));
        assert!(alts("SIDS").contains(&"small island states".to_owned()));
        assert!(alts("killer robots").contains(&"LAWS".to_owned()));
        assert!(alts("unilateral sanctions").contains(&"UCM".to_owned()));
        assert!(alts("ALDFG").contains(&"ghost net".to_owned()));
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
        assert!(alts.contains(&"LAWS"));
        assert!(run_at(&items, 0).is_none());
    }
}
