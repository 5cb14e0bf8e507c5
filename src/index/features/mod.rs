//! Profile features of passages: stemmed content words and two-word phrases of
//! adjacent content words, with ceremony, speaking style, function words and the
//! paper's own country name left out. Each passage's features are computed the
//! first time a command compares its country, and kept beside the index (see
//! [`store`]), so that later commands do not tokenise its text again.
//!
//! Everything featurisation names is numbered in a [`Dictionary`]: raw words (as
//! written, lower-cased and transliterated), stems, features (a stem, or two stems
//! side by side) and surfaces (a feature as written: its raw word or words). A
//! passage is the list of its surfaces with their counts, in the order each was
//! first used, which is all a profile needs: the features, their counts, the order
//! in which they first appear, and the words to show for them.

pub mod store;
pub mod words;

use super::analyzer;
use crate::paper::countries;
use rustc_hash::{FxHashMap, FxHashSet};

pub use store::FeatureStore;

/// Which words make up a profile. [`FeatureOptions::default`] is what the commands
/// use (and what is kept beside the index); the other settings exist so that
/// `examples/blocs_eval.rs` can measure them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeatureOptions {
    /// Leave out greetings, thanks, titles and the session's own words.
    pub drop_ceremony: bool,
    /// Leave out speaking style ("quite", "think", "didn").
    pub drop_style: bool,
    /// Leave out every country name (true), or only the paper's own (false).
    pub drop_all_names: bool,
    /// Leave out nationality adjectives ("Belgian", "Chinese").
    pub drop_nationality: bool,
    /// Words used by more than this share of the countries are left out.
    pub max_share: f32,
    /// Words used by fewer countries than this are left out (0: two, or 1.5% of
    /// the countries when that is more: three in a committee of 192).
    pub min_countries: u32,
    /// Two-word phrases as features, besides single words.
    pub phrases: bool,
    /// How much more a feature naming a region ([`words::REGIONS`]) weighs than
    /// others of the same rarity (1: no more).
    pub region_weight: f32,
}

impl Default for FeatureOptions {
    fn default() -> Self {
        FeatureOptions {
            drop_ceremony: true,
            drop_style: true,
            drop_all_names: false,
            drop_nationality: true,
            max_share: 0.5,
            min_countries: 0,
            phrases: true,
            region_weight: 1.5,
        }
    }
}

/// No second word: a single-word feature or surface.
pub const NONE: u32 = u32::MAX;

/// A feature as written: the feature, and its raw word (and the next one, or
/// [`NONE`], for a phrase).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Surface {
    pub feature: u32,
    pub raw: (u32, u32),
}

/// What featurisation has numbered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dictionary {
    /// Raw id -> the word as written, lower-cased and transliterated.
    pub raws: Vec<String>,
    /// Stem id -> the stem (the index's key for the word).
    pub stems: Vec<String>,
    /// Feature id -> (stem, next stem or [`NONE`]).
    pub features: Vec<(u32, u32)>,
    /// Surface id -> the surface.
    pub surfaces: Vec<Surface>,
}

impl Dictionary {
    pub fn raw(&self, id: u32) -> &str {
        if id == NONE {
            return "";
        }
        self.raws.get(id as usize).map_or("", String::as_str)
    }

    /// The feature a surface belongs to.
    pub fn feature_of(&self, surface: u32) -> u32 {
        self.surfaces
            .get(surface as usize)
            .map_or(NONE, |s| s.feature)
    }

    /// The words of a surface as a reader sees them ("harm reduction").
    pub fn label(&self, surface: u32) -> String {
        match self.surfaces.get(surface as usize) {
            Some(Surface { raw: (a, NONE), .. }) => self.raw(*a).to_owned(),
            Some(Surface { raw: (a, b), .. }) => format!("{} {}", self.raw(*a), self.raw(*b)),
            None => String::new(),
        }
    }
}

/// A passage's features: (surface id, count), each surface once, in the order of
/// first use.
pub type Items = Vec<(u32, u32)>;

/// Country names, official names and aliases as lower-case word sequences, found by
/// their first word.
struct Names {
    by_first: FxHashMap<String, Vec<(Vec<String>, &'static str)>>,
}

impl Names {
    fn new() -> Names {
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, &'static str)>> =
            FxHashMap::default();
        for c in countries::COUNTRIES {
            let all = [c.name, c.official]
                .into_iter()
                .chain(c.aliases.iter().copied());
            for n in all {
                let seq: Vec<String> = n
                    .split(|ch: char| !ch.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(|w| deunicode::deunicode(w).to_lowercase())
                    .collect();
                let keep = seq.len() > 1 || seq.first().is_some_and(|w| w.len() > 3);
                if let (true, Some(first)) = (keep, seq.first()) {
                    let list = by_first.entry(first.clone()).or_default();
                    if !list.iter().any(|(s, _)| *s == seq) {
                        list.push((seq, c.name));
                    }
                }
            }
        }
        // Longest first, so "Democratic Republic of the Congo" wins over "Congo".
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        }
        Names { by_first }
    }

    /// The length of the country name starting at `i`, and whose it is.
    fn at(&self, raw: &[&str], i: usize) -> Option<(usize, &'static str)> {
        self.by_first.get(raw[i])?.iter().find_map(|(seq, name)| {
            (raw.len() - i >= seq.len()
                && raw[i..i + seq.len()].iter().zip(seq).all(|(a, b)| a == b))
            .then_some((seq.len(), *name))
        })
    }
}

/// The word lists, as sets.
struct Lists {
    function: FxHashSet<&'static str>,
    style: FxHashSet<&'static str>,
    ceremony: FxHashSet<&'static str>,
    nationality: FxHashSet<&'static str>,
}

impl Lists {
    fn new() -> Lists {
        let set = |l: &[&'static str]| l.iter().copied().collect();
        Lists {
            function: set(words::FUNCTION),
            style: set(words::STYLE),
            ceremony: set(words::CEREMONY),
            nationality: set(words::NATIONALITY),
        }
    }

    fn drops(&self, w: &str, o: &FeatureOptions) -> bool {
        w.len() < 3
            || w.chars().any(|c| c.is_ascii_digit())
            || self.function.contains(w)
            || (o.drop_style && self.style.contains(w))
            || (o.drop_ceremony && self.ceremony.contains(w))
            || (o.drop_nationality && self.nationality.contains(w))
    }
}

/// What reading text needs besides the dictionary; made on first use, since a
/// profile read from the index never needs it.
struct Tools {
    analyzer: tantivy::tokenizer::TextAnalyzer,
    words: tantivy::tokenizer::TextAnalyzer,
    /// A word as written -> (raw id, stem id), for words already seen.
    seen: FxHashMap<String, (u32, u32)>,
    names: Names,
    lists: Lists,
    raws: FxHashMap<String, u32>,
    /// Whether each raw word is left out by the word lists.
    dropped: Vec<bool>,
    /// Per raw word: 0 not yet known, 1 no country's name starts with it, 2 one may.
    starts: Vec<u8>,
    stems: FxHashMap<String, u32>,
    features: FxHashMap<(u32, u32), u32>,
    surfaces: FxHashMap<Surface, u32>,
    lower: String,
    /// Surface id -> its place in the passage being read, plus one (0: not yet).
    slot: Vec<u32>,
}

/// Turns passages into [`Items`], numbering new words in its [`Dictionary`]. Words,
/// stems and features are interned, so a committee of two thousand papers allocates
/// once per distinct word rather than once per word.
pub struct Featurizer {
    dict: Dictionary,
    o: FeatureOptions,
    tools: Option<Box<Tools>>,
}

impl Featurizer {
    pub fn new(o: FeatureOptions) -> Self {
        Self::with_dictionary(Dictionary::default(), o)
    }

    /// Goes on numbering from `dict` (one read from the index).
    pub fn with_dictionary(dict: Dictionary, o: FeatureOptions) -> Self {
        Featurizer {
            dict,
            o,
            tools: None,
        }
    }

    pub fn dict(&self) -> &Dictionary {
        &self.dict
    }

    pub fn into_dict(self) -> Dictionary {
        self.dict
    }

    fn tools(&mut self) -> &mut Tools {
        let (dict, o) = (&self.dict, &self.o);
        self.tools.get_or_insert_with(|| {
            let lists = Lists::new();
            let index = |v: &[String]| -> FxHashMap<String, u32> {
                v.iter()
                    .enumerate()
                    .map(|(i, s)| (s.clone(), i as u32))
                    .collect()
            };
            Box::new(Tools {
                analyzer: analyzer::analyzer(),
                words: analyzer::words(),
                seen: FxHashMap::default(),
                names: Names::new(),
                dropped: dict.raws.iter().map(|w| lists.drops(w, o)).collect(),
                starts: Vec::new(),
                lists,
                raws: index(&dict.raws),
                stems: index(&dict.stems),
                features: dict
                    .features
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (*f, i as u32))
                    .collect(),
                surfaces: dict
                    .surfaces
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (*s, i as u32))
                    .collect(),
                lower: String::new(),
                slot: Vec::new(),
            })
        })
    }

    /// The features of one passage of `own`'s paper: surfaces with their counts, in
    /// reading order of first use.
    pub fn passage(&mut self, own: &str, text: &str, out: &mut Items) {
        out.clear();
        self.tools();
        let Featurizer { dict, o, tools } = self;
        let Some(t) = tools.as_deref_mut() else {
            return;
        };
        // (position, raw id, stem id) of each word.
        let mut terms: Vec<(usize, u32, u32)> = Vec::new();
        {
            let mut stream = t.words.token_stream(text);
            while let Some(token) = stream.next() {
                let word = token.text.as_str();
                let (raw, stem) = match t.seen.get(word) {
                    Some(&ids) => ids,
                    None => {
                        let raw = raw_id(
                            dict,
                            &mut t.raws,
                            &mut t.dropped,
                            &t.lists,
                            o,
                            &mut t.lower,
                            word,
                        );
                        // The analyzer's key for the word alone: each of its steps
                        // maps one word to one key.
                        let keys = analyzer::terms(&mut t.analyzer, word);
                        let key = keys.first().map_or(word, |k| k.stem.as_str());
                        let stem = intern(&mut t.stems, &mut dict.stems, key);
                        if t.seen.len() < SEEN_LIMIT {
                            t.seen.insert(word.to_owned(), (raw, stem));
                        }
                        (raw, stem)
                    }
                };
                terms.push((token.position, raw, stem));
            }
        }
        let raw: Vec<u32> = terms.iter().map(|x| x.1).collect();
        let mut drop = vec![false; terms.len()];
        {
            let words: Vec<&str> = raw.iter().map(|&id| dict.raw(id)).collect();
            let mut i = 0;
            while i < words.len() {
                // Whether a country's name may start with the word, known per word.
                let r = raw[i] as usize;
                if t.starts.len() <= r {
                    t.starts.resize(dict.raws.len().max(r + 1), 0);
                }
                if t.starts[r] == 0 {
                    t.starts[r] = if t.names.by_first.contains_key(words[i]) {
                        2
                    } else {
                        1
                    };
                }
                if t.starts[r] == 1 {
                    i += 1;
                    continue;
                }
                match t.names.at(&words, i) {
                    Some((len, whose)) => {
                        if o.drop_all_names || whose == own {
                            for d in drop.iter_mut().skip(i).take(len) {
                                *d = true;
                            }
                        }
                        i += len;
                    }
                    None => i += 1,
                }
            }
        }
        let mut prev: Option<(usize, usize, u32)> = None; // (index, position, stem)
        for (k, &(position, _, stem)) in terms.iter().enumerate() {
            if drop[k] || t.dropped[raw[k] as usize] {
                prev = None;
                continue;
            }
            surface(dict, t, (stem, NONE), (raw[k], NONE), out);
            if let (true, Some((j, pos, prev_stem))) = (o.phrases, prev) {
                if position == pos + 1 {
                    surface(dict, t, (prev_stem, stem), (raw[j], raw[k]), out);
                }
            }
            prev = Some((k, position, stem));
        }
        for (s, _) in out.iter() {
            t.slot[*s as usize] = 0;
        }
    }
}

/// The number of a string, allocating only the first time it is seen.
fn intern(map: &mut FxHashMap<String, u32>, strings: &mut Vec<String>, s: &str) -> u32 {
    if let Some(&id) = map.get(s) {
        return id;
    }
    let id = strings.len() as u32;
    strings.push(s.to_owned());
    map.insert(s.to_owned(), id);
    id
}

/// Distinct words remembered with their ids; past this, words are looked up anew.
const SEEN_LIMIT: usize = 500_000;

fn raw_id(
    dict: &mut Dictionary,
    raws: &mut FxHashMap<String, u32>,
    dropped: &mut Vec<bool>,
    lists: &Lists,
    o: &FeatureOptions,
    lower: &mut String,
    word: &str,
) -> u32 {
    let id = if word.is_ascii() {
        lower.clear();
        lower.push_str(word);
        lower.make_ascii_lowercase();
        intern(raws, &mut dict.raws, lower)
    } else {
        let w = deunicode::deunicode(word).to_lowercase();
        intern(raws, &mut dict.raws, &w)
    };
    if id as usize == dropped.len() {
        let drop = lists.drops(dict.raw(id), o);
        dropped.push(drop);
    }
    id
}

/// Counts one use of a surface in the passage being read.
fn surface(
    dict: &mut Dictionary,
    t: &mut Tools,
    key: (u32, u32),
    raw: (u32, u32),
    out: &mut Items,
) {
    let next = dict.features.len() as u32;
    let feature = *t.features.entry(key).or_insert(next);
    if feature == next {
        dict.features.push(key);
    }
    let s = Surface { feature, raw };
    let next = dict.surfaces.len() as u32;
    let id = *t.surfaces.entry(s).or_insert(next);
    if id == next {
        dict.surfaces.push(s);
    }
    if t.slot.len() <= id as usize {
        t.slot.resize(id as usize + 1, 0);
    }
    match t.slot[id as usize] {
        0 => {
            out.push((id, 1));
            t.slot[id as usize] = out.len() as u32;
        }
        at => out[at as usize - 1].1 += 1,
    }
}

/// A digest of everything featurisation depends on (the word lists, the country
/// names, the default options, the analyzer and the store's format), so features
/// kept by another version are never mixed with this one's.
pub fn fingerprint() -> [u8; 32] {
    let mut h = blake3::Hasher::new();
    h.update(store::FORMAT.as_bytes());
    h.update(analyzer::NAME.as_bytes());
    h.update(format!("{:?}", FeatureOptions::default()).as_bytes());
    for list in [
        words::FUNCTION,
        words::STYLE,
        words::CEREMONY,
        words::NATIONALITY,
    ] {
        for w in list {
            h.update(w.as_bytes());
            h.update(&[0]);
        }
        h.update(&[1]);
    }
    for c in countries::COUNTRIES {
        for n in [c.name, c.official].iter().chain(c.aliases) {
            h.update(n.as_bytes());
            h.update(&[0]);
        }
        h.update(&[1]);
    }
    *h.finalize().as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(f: &Featurizer, items: &Items) -> Vec<(String, u32)> {
        items
            .iter()
            .map(|(s, c)| (f.dict().label(*s), *c))
            .collect()
    }

    #[test]
    fn passages_become_surfaces_in_order_of_first_use() {
        let mut f = Featurizer::new(FeatureOptions::default());
        let mut items = Items::new();
        f.passage(
            "Belgium",
            "Thank you, Mr. President. Harm reduction, harm reduction services; Belgium and France",
            &mut items,
        );
        assert_eq!(
            labels(&f, &items),
            vec![
                ("harm".to_owned(), 2),
                ("reduction".to_owned(), 2),
                ("harm reduction".to_owned(), 2),
                // A comma does not part two words, as in a phrase query.
                ("reduction harm".to_owned(), 1),
                ("services".to_owned(), 1),
                ("reduction services".to_owned(), 1),
                ("france".to_owned(), 1),
            ]
        );
        // Another surface of the same feature, and the same surfaces again.
        let before = f.dict().surfaces.len();
        f.passage("France", "Services and service; harm reduction", &mut items);
        let got = labels(&f, &items);
        assert_eq!(got[0], ("services".to_owned(), 1), "{got:?}");
        assert_eq!(got[1], ("service".to_owned(), 1), "{got:?}");
        let feature = |k: usize| f.dict().feature_of(items[k].0);
        assert_eq!(feature(0), feature(1), "one stem, two surfaces");
        // New: "service", and the phrase "service harm".
        assert_eq!(f.dict().surfaces.len(), before + 2);
        // A dictionary read back goes on numbering where it stopped.
        let dict = f.into_dict();
        let mut g = Featurizer::with_dictionary(dict.clone(), FeatureOptions::default());
        g.passage("France", "Services and service; harm reduction", &mut items);
        assert_eq!(g.dict(), &dict);
    }
}
