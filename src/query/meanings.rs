//! The lexicon's acronyms and synonym families merged into meanings, keyed by stems.
//! Built by `build.rs` when caucus is compiled (so no query pays for analysing the
//! tables) and, in the tests, again with the real analyzer to prove the two agree.
//! Uses only `std`: the build script compiles this file as it is.

use std::collections::{BTreeMap, HashMap};

/// Acronyms that are also English words: typed in lower case they are the word
/// ("laws", "who"), only in capitals the body or treaty.
pub const ALSO_WORDS: &[&str] = &[
    "aids", "cat", "cop", "laws", "who", "un", "au", "isa", "fad", "nam", "inc", "sco", "pops",
];

/// Stems joined by spaces -> the texts that mean the same, in the order the tables
/// give them.
///
/// An acronym, its expansions and every synonym family one of them belongs to are one
/// meaning: "UAV" expands to "unmanned aerial vehicle", whose family holds "drone", so
/// "UAV" finds "drone" and "drone" finds "UAV". Texts are joined by their stems
/// (`key_of`: a text's stems joined by spaces), so "small island states" in a family
/// meets "small island state" in an expansion. An acronym typed in lower case ("uav")
/// finds its meaning but is never searched for ("CITES" must not find the verb
/// "cites"), and each other spelling is searched once.
pub fn build(
    acronyms: &BTreeMap<String, Vec<String>>,
    synonyms: &[Vec<String>],
    mut key_of: impl FnMut(&str) -> String,
) -> BTreeMap<String, Vec<String>> {
    // Every text once, with its key and whether it is searched for. Groups hold the
    // tables' rows as indices into it, in the order given.
    struct Text {
        text: String,
        key: String,
        searched: bool,
    }
    let mut texts: Vec<Text> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut add = |text: &str, searched: bool| -> usize {
        *index.entry(text.to_owned()).or_insert_with(|| {
            texts.push(Text {
                key: key_of(text),
                text: text.to_owned(),
                searched,
            });
            texts.len() - 1
        })
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (acronym, expansions) in acronyms {
        let mut group = vec![add(acronym, true)];
        let lower = acronym.to_lowercase();
        // Typed in lower case, an acronym that is also a word is the word.
        if !ALSO_WORDS.contains(&lower.as_str()) {
            group.push(add(&lower, false));
        }
        group.extend(expansions.iter().map(|e| add(e, true)));
        groups.push(group);
    }
    for family in synonyms {
        groups.push(family.iter().map(|m| add(m, true)).collect());
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
    let mut first_group: HashMap<&str, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for &t in group {
            let key = texts[t].key.as_str();
            if key.is_empty() {
                continue;
            }
            let other = *first_group.entry(key).or_insert(g);
            let (a, b) = (root(&mut parent, other), root(&mut parent, g));
            // The lower index stays the root, so a meaning lists its texts in the
            // order the tables give them.
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
                    list.push(t.text.clone());
                }
            }
            map.insert(key.clone(), list);
        }
    }
    map
}
