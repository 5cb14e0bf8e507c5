//! Country profiles: the passages of one committee (and topic) read once, turned into
//! stemmed words and two-word phrases, with ceremony, speaking style, function words
//! and the paper's own country name left out, and weighed by sublinear tf-idf (words
//! of regions weigh more: statements from one region speak of it) with
//! unit length. Every command that compares countries starts from a [`Scope`].

use crate::index::analyzer;
use crate::index::features::store::{self, Papers, PassageFeatures};
pub use crate::index::features::FeatureOptions;
use crate::index::features::{words, Dictionary, FeatureStore, Featurizer, Items};
use crate::index::search::{self, StoredPassage};
use crate::index::{IndexError, PaperIndex};
use crate::paper::{countries, SectionKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// Sparse vector: (feature id, weight), sorted by feature id so that every sum over
/// it runs in the same order on every run.
pub type Vector = Vec<(u32, f32)>;

/// A passage kept for showing, with its term counts (weighed by
/// [`Scope::passage_vector`] only for the few passages a command compares).
#[derive(Debug, Clone, Serialize)]
pub struct ShownPassage {
    pub country: String,
    pub location: String,
    pub text: String,
    #[serde(skip)]
    pub(crate) tf: Vector,
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
    /// Feature id -> its weight per use (0 for features too rare or too common).
    pub(crate) idf: Vec<f32>,
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

    /// A passage's weighted unit vector, as its country's profile is weighed.
    pub(crate) fn passage_vector(&self, p: &ShownPassage) -> Vector {
        weigh(&p.tf, &self.idf)
    }

    /// Whether a passage uses a feature that carries weight.
    pub(crate) fn passage_uses(&self, p: &ShownPassage, id: u32) -> bool {
        weight(&p.tf, id) > 0.0 && self.idf.get(id as usize).is_some_and(|w| *w > 0.0)
    }
}

/// Sublinear tf-idf of term counts, to unit length; features of no weight left out.
fn weigh(tf: &[(u32, f32)], idf: &[f32]) -> Vector {
    let mut v: Vector = tf
        .iter()
        .map(|(id, c)| (*id, (1.0 + c.ln()) * idf[*id as usize]))
        .filter(|(_, w)| *w > 0.0)
        .collect();
    normalise(&mut v);
    v
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
    // In store order: each compressed block is read once. A large committee is
    // read in a few runs side by side, concatenated in the same order.
    docs.sort();
    let read = |run: &[tantivy::DocAddress]| -> Result<Vec<StoredPassage>, IndexError> {
        run.iter()
            .map(|addr| search::stored(searcher, &f, *addr).map_err(|e| index.tantivy_error(e)))
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let mut passages: Vec<StoredPassage> = if threads < 2 || docs.len() < 4096 {
        read(&docs)?
    } else {
        let runs: Vec<Result<Vec<StoredPassage>, IndexError>> = std::thread::scope(|s| {
            let read = &read;
            let handles: Vec<_> = docs
                .chunks(docs.len().div_ceil(threads))
                .map(|run| s.spawn(move || read(run)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut all = Vec::with_capacity(docs.len());
        for run in runs {
            all.extend(run?);
        }
        all
    };
    sort_passages(&mut passages);
    Ok(passages)
}

/// Sorts passages by (country, file, passage), stably: the papers' keys are sorted
/// once, then the passages by number within their paper's rank.
fn sort_passages(passages: &mut Vec<StoredPassage>) {
    let mut papers: rustc_hash::FxHashMap<(&str, &str), u32> = Default::default();
    let mut keys: Vec<(&str, &str)> = Vec::new();
    let of: Vec<u32> = passages
        .iter()
        .map(|p| {
            let key = (p.country.as_str(), p.file.as_str());
            *papers.entry(key).or_insert_with(|| {
                keys.push(key);
                keys.len() as u32 - 1
            })
        })
        .collect();
    let mut by_key: Vec<u32> = (0..keys.len() as u32).collect();
    by_key.sort_by(|a, b| keys[*a as usize].cmp(&keys[*b as usize]));
    let mut rank = vec![0u32; keys.len()];
    for (r, k) in by_key.into_iter().enumerate() {
        rank[k as usize] = r as u32;
    }
    let mut order: Vec<(u32, u32, u32)> = passages
        .iter()
        .zip(&of)
        .enumerate()
        .map(|(i, (p, k))| (rank[*k as usize], p.passage, i as u32))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<StoredPassage>> =
        std::mem::take(passages).into_iter().map(Some).collect();
    *passages = order
        .into_iter()
        .filter_map(|(_, _, i)| slots[i as usize].take())
        .collect();
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
    // The features kept by earlier commands, for the passages whose text they match.
    let store = FeatureStore::load(&index.dir);
    let (scope, kept) = build(
        committee,
        committee_name,
        topic,
        passages,
        &FeatureOptions::default(),
        store,
    );
    if let Some(kept) = kept.filter(|k| !k.fresh.is_empty() && index.keeps_features) {
        // Keep what was read for the next command. A cache: when it cannot be
        // written (a read-only index), the answer is the same, only slower.
        let alive = alive_papers(searcher);
        let _ = store::keep(
            &index.dir,
            &kept.dict,
            kept.old.as_ref(),
            kept.fresh,
            |rel| alive.contains(&crate::index::paper_key(rel)),
        );
    }
    Ok(scope)
}

/// The papers the index holds (their `paper` keys), to leave out of the features
/// file those that are gone.
fn alive_papers(searcher: &Searcher) -> rustc_hash::FxHashSet<u64> {
    let mut out = rustc_hash::FxHashSet::default();
    for segment in searcher.segment_readers() {
        let Ok(column) = segment.fast_fields().u64(crate::index::names::PAPER) else {
            continue;
        };
        for doc in segment.doc_ids_alive() {
            if let Some(key) = column.first(doc) {
                out.insert(key);
            }
        }
    }
    out
}

/// What a scope read that the features file did not hold, with what it held.
struct Kept {
    /// The dictionary, grown by the passages read from text.
    dict: Dictionary,
    old: Option<Papers>,
    /// Path -> the passages featurised from text.
    fresh: BTreeMap<String, Vec<PassageFeatures>>,
}

/// Numbers a scope's features in the order they are first used, and counts how
/// often each surface is used, to label each feature with its commonest.
#[derive(Default)]
struct Numbering {
    /// Dictionary feature -> scope feature, or u32::MAX.
    of_feature: Vec<u32>,
    /// Scope feature count.
    count: u32,
    /// Dictionary surface -> uses in the scope.
    uses: Vec<u32>,
    /// Surfaces used, in order of first use.
    used: Vec<u32>,
}

impl Numbering {
    /// A passage's term counts by scope feature, sorted by feature.
    fn tf(&mut self, dict: &Dictionary, items: &[(u32, u32)], out: &mut Vec<(u32, u32)>) {
        out.clear();
        for &(s, c) in items {
            let f = dict.feature_of(s) as usize;
            if self.of_feature.len() <= f {
                self.of_feature.resize(f + 1, u32::MAX);
            }
            if self.of_feature[f] == u32::MAX {
                self.of_feature[f] = self.count;
                self.count += 1;
            }
            if self.uses.len() <= s as usize {
                self.uses.resize(s as usize + 1, 0);
            }
            if self.uses[s as usize] == 0 {
                self.used.push(s);
            }
            self.uses[s as usize] += c;
            out.push((self.of_feature[f], c));
        }
        out.sort_unstable_by_key(|x| x.0);
        out.dedup_by(|b, a| {
            let same = a.0 == b.0;
            if same {
                a.1 += b.1;
            }
            same
        });
    }

    /// Each feature's label: its most used surface, the first in alphabetical order
    /// on a tie (the same on every run, whatever the order of the papers).
    fn labels(&self, dict: &Dictionary) -> Vec<String> {
        let mut best: Vec<Option<(u32, u32)>> = vec![None; self.count as usize];
        let key = |s: u32| {
            let raw = dict.surfaces[s as usize].raw;
            (dict.raw(raw.0), dict.raw(raw.1))
        };
        for &s in &self.used {
            let count = self.uses[s as usize];
            let slot = &mut best[self.of_feature[dict.feature_of(s) as usize] as usize];
            let better = match *slot {
                None => true,
                Some((c, b)) => count > c || (count == c && key(s) < key(b)),
            };
            if better {
                *slot = Some((count, s));
            }
        }
        best.into_iter()
            .map(|b| b.map_or_else(String::new, |(_, s)| dict.label(s)))
            .collect()
    }
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
    build(committee, committee_name, topic, passages.to_vec(), o, None).0
}

/// [`build_scope`], with each passage's features taken from `store` when it holds
/// them for the passage's text (it holds the default options' features) and read
/// from the text otherwise. With the default options, also gives what was read
/// from text, for the store.
fn build(
    committee: &str,
    committee_name: &str,
    topic: Option<&str>,
    passages: Vec<StoredPassage>,
    o: &FeatureOptions,
    store: Option<FeatureStore>,
) -> (Scope, Option<Kept>) {
    let keeping = *o == FeatureOptions::default();
    let (mut featurizer, papers) = match store {
        Some(s) if keeping => {
            let (dict, papers) = s.into_parts();
            (Featurizer::with_dictionary(dict, *o), Some(papers))
        }
        _ => (Featurizer::new(*o), None),
    };
    let mut fresh: BTreeMap<String, Vec<PassageFeatures>> = BTreeMap::new();
    let mut numbering = Numbering::default();
    let mut by_country: BTreeMap<String, (Option<String>, Vec<ShownPassage>)> = BTreeMap::new();
    let mut items = Items::new();
    let mut counts: Vec<(u32, u32)> = Vec::new();
    // The paper last read from the store: passages come grouped by file.
    let mut paper: Option<(String, Vec<PassageFeatures>)> = None;
    // The country being read, with its code (from its first passage) and passages.
    struct Run {
        country: String,
        code: Option<String>,
        passages: Vec<ShownPassage>,
    }
    let mut run: Option<Run> = None;
    let file_run = |by_country: &mut BTreeMap<String, (Option<String>, Vec<ShownPassage>)>,
                    r: Run| {
        let entry = by_country.entry(r.country).or_insert((None, Vec::new()));
        if entry.1.is_empty() {
            entry.0 = r.code;
        }
        entry.1.extend(r.passages);
    };
    // Each passage's digest (to check the store) and place, worked out side by side.
    let prepared: Vec<(u64, String)> = {
        use rayon::prelude::*;
        passages
            .par_iter()
            .map(|p| (store::text_digest(&p.country, &p.text), p.location()))
            .collect()
    };
    for (p, (digest, location)) in passages.into_iter().zip(prepared) {
        if p.country == crate::paper::UNKNOWN {
            continue;
        }
        if let Some(papers) = &papers {
            if paper.as_ref().is_none_or(|(file, _)| *file != p.file) {
                paper = Some((p.file.clone(), papers.get(&p.file).unwrap_or_default()));
            }
        }
        let kept = paper.as_ref().and_then(|(_, list)| {
            let at = list.binary_search_by_key(&p.passage, |k| k.number).ok()?;
            let k = &list[at];
            (k.text == digest).then_some(&k.items)
        });
        let items = match kept {
            Some(kept) => kept,
            None => {
                featurizer.passage(&p.country, &p.text, &mut items);
                if keeping {
                    fresh
                        .entry(p.file.clone())
                        .or_default()
                        .push(PassageFeatures {
                            number: p.passage,
                            text: digest,
                            items: items.clone(),
                        });
                }
                &items
            }
        };
        numbering.tf(featurizer.dict(), items, &mut counts);
        let tf: Vector = counts.iter().map(|&(f, c)| (f, c as f32)).collect();
        // Passages come grouped by country: a country's run is gathered, then filed.
        if run.as_ref().is_none_or(|r| r.country != p.country) {
            if let Some(done) = run.take() {
                file_run(&mut by_country, done);
            }
            let code = p
                .country_code
                .clone()
                .or_else(|| countries::lookup(&p.country).map(|c| c.iso3.to_owned()));
            run = Some(Run {
                country: p.country.clone(),
                code,
                passages: Vec::new(),
            });
        }
        if let Some(r) = run.as_mut() {
            r.passages.push(ShownPassage {
                location,
                country: p.country,
                text: p.text,
                tf,
            });
        }
    }
    if let Some(done) = run.take() {
        file_run(&mut by_country, done);
    }
    // How many countries use each feature.
    let labels = numbering.labels(featurizer.dict());
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
    let regions: BTreeSet<&str> = words::REGIONS.iter().copied().collect();
    let idf: Vec<f32> = df
        .iter()
        .zip(&labels)
        .map(|(&d, label)| {
            if d < min_countries || d as f32 > n * o.max_share {
                0.0
            } else if label.split(' ').any(|w| regions.contains(w)) {
                (n / d as f32).ln() * o.region_weight
            } else {
                (n / d as f32).ln()
            }
        })
        .collect();
    let mut sums = vec![0.0f32; labels.len()];
    let docs = by_country
        .into_iter()
        .map(|(country, (code, list))| {
            // Summed passage by passage, in their order, for every feature.
            let mut used: Vec<u32> = Vec::new();
            for p in &list {
                for (id, c) in &p.tf {
                    let slot = &mut sums[*id as usize];
                    if *slot == 0.0 {
                        used.push(*id);
                    }
                    *slot += c;
                }
            }
            used.sort_unstable();
            let total: Vector = used
                .iter()
                .map(|&id| (id, std::mem::take(&mut sums[id as usize])))
                .collect();
            CountryDoc {
                country,
                code,
                vector: weigh(&total, &idf),
                passages: list,
            }
        })
        .collect();
    let scope = Scope {
        committee: committee.to_owned(),
        committee_name: committee_name.to_owned(),
        topic: topic.map(str::to_owned),
        docs,
        labels,
        df,
        idf,
    };
    let kept = keeping.then(|| Kept {
        dict: featurizer.into_dict(),
        old: papers,
        fresh,
    });
    (scope, kept)
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
