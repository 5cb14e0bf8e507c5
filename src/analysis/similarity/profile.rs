//! Country profiles: the passages of one committee (and topic) read once, turned into
//! stemmed words and two-word phrases, with ceremony, speaking style, function words
//! and the paper's own country name left out, and weighed by sublinear tf-idf with
//! unit length. Every command that compares countries starts from a [`Scope`].

use super::words;
use crate::index::analyzer;
use crate::index::search::{self, StoredPassage};
use crate::index::{IndexError, PaperIndex};
use crate::paper::{countries, SectionKind};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::collections::BTreeMap;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// Sparse vector: (feature id, weight), sorted by feature id so that every sum over
/// it runs in the same order on every run.
pub type Vector = Vec<(u32, f32)>;

/// A passage kept for showing, with its own vector.
#[derive(Debug, Clone, Serialize)]
pub struct ShownPassage {
    pub country: String,
    pub location: String,
    pub text: String,
    #[serde(skip)]
    pub(crate) vector: Vector,
}

/// One country's writing on one committee (and topic).
#[derive(Debug, Clone)]
pub struct CountryDoc {
    pub country: String,
    /// ISO 3166 alpha-3 code, when the country is a known one.
    pub code: Option<String>,
    pub(crate) vector: Vector,
    pub(crate) passages: Vec<ShownPassage>,
}

/// All countries of one committee, vectorised together.
pub struct Scope {
    pub committee: String,
    pub committee_name: String,
    pub topic: Option<String>,
    pub docs: Vec<CountryDoc>,
    /// Feature id -> the words as a reader sees them.
    pub(crate) labels: Vec<String>,
    /// Feature id -> how many countries use it.
    pub(crate) df: Vec<u32>,
}

/// Which words make up a profile. [`FeatureOptions::default`] is what the commands
/// use; the other settings exist so that `examples/blocs_eval.rs` can measure them.
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
        }
    }
}

impl Scope {
    pub fn name(&self) -> String {
        match &self.topic {
            Some(t) => format!("{} — {t}", self.committee),
            None => self.committee.clone(),
        }
    }

    pub fn countries(&self) -> Vec<&str> {
        self.docs.iter().map(|d| d.country.as_str()).collect()
    }

    pub fn position(&self, country: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.country == country)
    }

    pub(crate) fn label(&self, id: u32) -> &str {
        self.labels.get(id as usize).map_or("", String::as_str)
    }

    pub(crate) fn df(&self, id: u32) -> u32 {
        self.df.get(id as usize).copied().unwrap_or(0)
    }
}

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

/// Each distinct string stored once, by number.
#[derive(Default)]
struct Interner {
    ids: FxHashMap<String, u32>,
    strings: Vec<String>,
}

impl Interner {
    /// The number of `s`, allocating only the first time it is seen.
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.to_owned());
        self.ids.insert(s.to_owned(), id);
        id
    }

    fn get(&self, id: u32) -> &str {
        &self.strings[id as usize]
    }
}

/// No second word: a single-word feature or surface form.
const NONE: u32 = u32::MAX;

/// Turns passages into feature ids: stems of content words and two-word phrases of
/// adjacent content words, with ceremony, style, function words and the paper's own
/// country name left out. Words, stems and features are interned, so a committee of
/// two thousand papers allocates once per distinct word rather than once per word.
struct Featurizer<'o> {
    analyzer: tantivy::tokenizer::TextAnalyzer,
    names: Names,
    lists: Lists,
    o: &'o FeatureOptions,
    /// Words as written, lower-cased and transliterated.
    raws: Interner,
    /// Whether each raw word is left out by the word lists.
    dropped: Vec<bool>,
    stems: Interner,
    /// (stem, next stem or NONE) -> feature id, numbered in order of first use.
    features: FxHashMap<(u32, u32), u32>,
    /// (feature, (raw, next raw or NONE)) -> how often that surface form was used.
    surfaces: FxHashMap<(u32, (u32, u32)), u32>,
    lower: String,
}

impl<'o> Featurizer<'o> {
    fn new(o: &'o FeatureOptions) -> Self {
        Featurizer {
            analyzer: analyzer::analyzer(),
            names: Names::new(),
            lists: Lists::new(),
            o,
            raws: Interner::default(),
            dropped: Vec::new(),
            stems: Interner::default(),
            features: FxHashMap::default(),
            surfaces: FxHashMap::default(),
            lower: String::new(),
        }
    }

    fn raw_id(&mut self, word: &str) -> u32 {
        let id = if word.is_ascii() {
            self.lower.clear();
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
            self.raws.id(&self.lower)
        } else {
            self.raws.id(&deunicode::deunicode(word).to_lowercase())
        };
        if id as usize == self.dropped.len() {
            let drop = self.lists.drops(self.raws.get(id), self.o);
            self.dropped.push(drop);
        }
        id
    }

    fn feature(&mut self, key: (u32, u32), surface: (u32, u32)) -> u32 {
        let next = self.features.len() as u32;
        let id = *self.features.entry(key).or_insert(next);
        *self.surfaces.entry((id, surface)).or_default() += 1;
        id
    }

    /// The features of one passage of `own`'s paper, in reading order.
    fn passage(&mut self, own: &str, text: &str, out: &mut Vec<u32>) {
        out.clear();
        let terms = analyzer::terms(&mut self.analyzer, text);
        let raw: Vec<u32> = terms
            .iter()
            .map(|t| self.raw_id(&text[t.from..t.to]))
            .collect();
        let mut drop = vec![false; terms.len()];
        {
            let words: Vec<&str> = raw.iter().map(|&id| self.raws.get(id)).collect();
            let mut i = 0;
            while i < words.len() {
                match self.names.at(&words, i) {
                    Some((len, whose)) => {
                        if self.o.drop_all_names || whose == own {
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
        for (k, t) in terms.iter().enumerate() {
            if drop[k] || self.dropped[raw[k] as usize] {
                prev = None;
                continue;
            }
            let stem = self.stems.id(&t.stem);
            out.push(self.feature((stem, NONE), (raw[k], NONE)));
            if let (true, Some((j, pos, prev_stem))) = (self.o.phrases, prev) {
                if t.position == pos + 1 {
                    out.push(self.feature((prev_stem, stem), (raw[j], raw[k])));
                }
            }
            prev = Some((k, t.position, stem));
        }
    }

    /// Each feature's label: its most used surface form, the first in alphabetical
    /// order on a tie (the same on every run, whatever the maps' order).
    fn labels(&self) -> Vec<String> {
        let mut best: Vec<Option<(u32, (u32, u32))>> = vec![None; self.features.len()];
        let key = |(a, b): (u32, u32)| {
            (
                self.raws.get(a),
                if b == NONE { "" } else { self.raws.get(b) },
            )
        };
        for (&(feature, surface), &count) in &self.surfaces {
            let slot = &mut best[feature as usize];
            let better = match *slot {
                None => true,
                Some((c, s)) => count > c || (count == c && key(surface) < key(s)),
            };
            if better {
                *slot = Some((count, surface));
            }
        }
        best.into_iter()
            .map(|b| match b {
                Some((_, (a, NONE))) => self.raws.get(a).to_owned(),
                Some((_, (a, b))) => format!("{} {}", self.raws.get(a), self.raws.get(b)),
                None => String::new(),
            })
            .collect()
    }
}

/// Reads every non-bibliography passage of a committee (and topic), in a fixed order
/// (country, file, passage) whatever order the files were indexed in.
pub fn load_passages(
    index: &PaperIndex,
    searcher: &Searcher,
    committee: &str,
    topic: Option<&str>,
) -> Result<Vec<StoredPassage>, IndexError> {
    let f = index.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.committee, committee),
                IndexRecordOption::Basic,
            )),
        ),
        (
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_text(f.section_kind, SectionKind::Bibliography.as_str()),
                IndexRecordOption::Basic,
            )),
        ),
    ];
    let mut a = analyzer::analyzer();
    if let Some(t) = topic {
        for term in analyzer::terms(&mut a, t) {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.topic, &term.stem),
                    IndexRecordOption::Basic,
                )),
            ));
        }
    }
    let mut docs: Vec<_> = searcher
        .search(&BooleanQuery::new(clauses), &DocSetCollector)
        .map_err(|e| index.tantivy_error(e))?
        .into_iter()
        .collect();
    // In store order: each compressed block is read once.
    docs.sort();
    let mut passages: Vec<StoredPassage> = Vec::with_capacity(docs.len());
    for addr in docs {
        passages.push(search::stored(searcher, &f, addr).map_err(|e| index.tantivy_error(e))?);
    }
    passages.sort_by(|x, y| {
        (x.country.as_str(), x.file.as_str(), x.passage).cmp(&(
            y.country.as_str(),
            y.file.as_str(),
            y.passage,
        ))
    });
    Ok(passages)
}

/// Reads a committee (and topic) and builds the country profiles.
pub fn load_scope(
    index: &PaperIndex,
    searcher: &Searcher,
    committee: &str,
    committee_name: &str,
    topic: Option<&str>,
) -> Result<Scope, IndexError> {
    let passages = load_passages(index, searcher, committee, topic)?;
    Ok(build_scope(
        committee,
        committee_name,
        topic,
        &passages,
        &FeatureOptions::default(),
    ))
}

/// One passage's raw counts, before weighing.
struct Counted {
    shown: ShownPassage,
    tf: Vector,
}

/// Vectorises passages grouped by country. `passages` must be in the order
/// [`load_passages`] gives.
pub fn build_scope(
    committee: &str,
    committee_name: &str,
    topic: Option<&str>,
    passages: &[StoredPassage],
    o: &FeatureOptions,
) -> Scope {
    let mut featurizer = Featurizer::new(o);
    let mut by_country: BTreeMap<String, (Option<String>, Vec<Counted>)> = BTreeMap::new();
    let mut ids: Vec<u32> = Vec::new();
    for p in passages {
        if p.country == crate::paper::UNKNOWN {
            continue;
        }
        featurizer.passage(&p.country, &p.text, &mut ids);
        ids.sort_unstable();
        let mut tf: Vector = Vec::new();
        for &id in &ids {
            match tf.last_mut() {
                Some((last, count)) if *last == id => *count += 1.0,
                _ => tf.push((id, 1.0)),
            }
        }
        let entry = by_country.entry(p.country.clone()).or_insert_with(|| {
            let code = p
                .country_code
                .clone()
                .or_else(|| countries::lookup(&p.country).map(|c| c.iso3.to_owned()));
            (code, Vec::new())
        });
        entry.1.push(Counted {
            shown: ShownPassage {
                country: p.country.clone(),
                location: p.location(),
                text: p.text.clone(),
                vector: Vector::new(),
            },
            tf,
        });
    }
    // How many countries use each feature.
    let labels = featurizer.labels();
    let mut df = vec![0u32; labels.len()];
    let mut seen = vec![u32::MAX; labels.len()];
    for (c, (_, list)) in by_country.values().enumerate() {
        for p in list {
            for (id, _) in &p.tf {
                if seen[*id as usize] != c as u32 {
                    seen[*id as usize] = c as u32;
                    df[*id as usize] += 1;
                }
            }
        }
    }
    // A feature used by one country only cannot make allies; one used by most says
    // nothing about where a country stands.
    let n = by_country.len().max(1) as f32;
    let min_countries = if o.min_countries == 0 {
        ((n * 0.015).ceil() as u32).max(2)
    } else {
        o.min_countries
    };
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| {
            if d < min_countries || d as f32 > n * o.max_share {
                0.0
            } else {
                (n / d as f32).ln()
            }
        })
        .collect();
    let weigh = |tf: &[(u32, f32)]| -> Vector {
        let mut v: Vector = tf
            .iter()
            .map(|(id, c)| (*id, (1.0 + c.ln()) * idf[*id as usize]))
            .filter(|(_, w)| *w > 0.0)
            .collect();
        normalise(&mut v);
        v
    };
    let docs = by_country
        .into_iter()
        .map(|(country, (code, list))| {
            let mut total: BTreeMap<u32, f32> = BTreeMap::new();
            let mut shown = Vec::with_capacity(list.len());
            for Counted {
                shown: mut shown_p,
                tf,
            } in list
            {
                for (id, c) in &tf {
                    *total.entry(*id).or_default() += c;
                }
                shown_p.vector = weigh(&tf);
                shown.push(shown_p);
            }
            let total: Vector = total.into_iter().collect();
            CountryDoc {
                country,
                code,
                vector: weigh(&total),
                passages: shown,
            }
        })
        .collect();
    Scope {
        committee: committee.to_owned(),
        committee_name: committee_name.to_owned(),
        topic: topic.map(str::to_owned),
        docs,
        labels,
        df,
    }
}

/// Scales a vector to unit length.
pub(crate) fn normalise(v: &mut Vector) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Cosine of two unit vectors, by a merge of their sorted ids.
pub(crate) fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s.clamp(0.0, 1.0)
}

/// The features two vectors share, with the product of their weights, by id.
pub(crate) fn shared(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 * b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The weight of a feature in a vector, or 0.
pub(crate) fn weight(v: &[(u32, f32)], id: u32) -> f32 {
    v.binary_search_by_key(&id, |x| x.0).map_or(0.0, |k| v[k].1)
}
