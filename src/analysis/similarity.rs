//! Who writes like whom: a tf-idf vector of stemmed words and two-word phrases per
//! country (bibliography and header left out, country names removed), cosine
//! similarity, allies ranked by it, blocs by average-linkage clustering cut where
//! the silhouette is best, and the words that set each bloc apart.

use crate::index::analyzer;
use crate::index::search::{self, StoredPassage};
use crate::index::{IndexError, PaperIndex};
use crate::paper::{countries, SectionKind};
use crate::query::parse::STOP_WORDS;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

/// Sparse vector: feature id -> weight.
type Vector = HashMap<u32, f32>;

/// A passage kept for showing, with its own vector.
#[derive(Debug, Clone, Serialize)]
pub struct ShownPassage {
    pub country: String,
    pub location: String,
    pub text: String,
    #[serde(skip)]
    vector: Vector,
}

/// One country's writing on one committee (and topic).
#[derive(Debug, Clone)]
struct CountryDoc {
    country: String,
    vector: Vector,
    passages: Vec<ShownPassage>,
}

/// All countries of one committee, vectorised together.
pub struct Scope {
    pub committee: String,
    pub committee_name: String,
    pub topic: Option<String>,
    docs: Vec<CountryDoc>,
    /// Feature id -> the words as a reader sees them.
    labels: Vec<String>,
    /// Feature id -> how many countries use it.
    df: HashMap<u32, f32>,
}

/// Errors of the similarity commands.
#[derive(Debug, thiserror::Error)]
pub enum SimilarityError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("country {value:?} has no paper in the index{}", hint(.suggestions))]
    UnknownCountry {
        value: String,
        suggestions: Vec<String>,
    },
    #[error("{country} has no paper in {scope}; its papers are in {available}")]
    NotInScope {
        country: String,
        scope: String,
        available: String,
    },
    #[error("{scope} has papers from {count} countr{}: blocs and allies need at least 3", if *.count == 1 { "y" } else { "ies" })]
    TooFew { scope: String, count: usize },
    #[error("cannot write the plot to {path}: {reason}")]
    Plot { path: String, reason: String },
}

fn hint(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", s.join(", "))
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

    fn position(&self, country: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.country == country)
    }
}

/// The lower-cased word sequences of every country name and alias, longest first,
/// so "we call on Colombia" does not make a paper look like Colombia's.
fn country_name_sequences() -> Vec<Vec<String>> {
    let mut seqs: Vec<Vec<String>> = countries::COUNTRIES
        .iter()
        .flat_map(|c| {
            std::iter::once(c.name)
                .chain(std::iter::once(c.official))
                .chain(c.aliases.iter().copied())
        })
        .map(|n| {
            n.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| deunicode::deunicode(w).to_lowercase())
                .collect::<Vec<_>>()
        })
        .filter(|v: &Vec<String>| v.len() > 1 || v.first().is_some_and(|w| w.len() > 3))
        .collect();
    seqs.sort_by_key(|s| std::cmp::Reverse(s.len()));
    seqs.dedup();
    seqs
}

/// Features of a passage: stems of content words, and two-word phrases of adjacent
/// content words; with country names taken out first.
fn features(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    names: &[Vec<String>],
    text: &str,
) -> Vec<(String, String)> {
    let terms = analyzer::terms(analyzer, text);
    let raw: Vec<String> = terms
        .iter()
        .map(|t| deunicode::deunicode(&text[t.from..t.to]).to_lowercase())
        .collect();
    let mut drop = vec![false; terms.len()];
    let mut i = 0;
    while i < terms.len() {
        if let Some(seq) = names
            .iter()
            .find(|s| raw.len() - i >= s.len() && raw[i..i + s.len()] == s[..])
        {
            for d in drop.iter_mut().skip(i).take(seq.len()) {
                *d = true;
            }
            i += seq.len();
        } else {
            i += 1;
        }
    }
    let mut out = Vec::new();
    let mut prev: Option<(usize, usize)> = None; // (index, position)
    for (k, t) in terms.iter().enumerate() {
        let stop = STOP_WORDS.contains(&raw[k].as_str())
            || EXTRA_STOP.contains(&raw[k].as_str())
            || raw[k].len() < 3
            || raw[k].chars().all(|c| c.is_ascii_digit());
        if drop[k] || stop {
            prev = None;
            continue;
        }
        out.push((t.stem.clone(), raw[k].clone()));
        if let Some((j, pos)) = prev {
            if t.position == pos + 1 {
                out.push((
                    format!("{} {}", terms[j].stem, t.stem),
                    format!("{} {}", raw[j], raw[k]),
                ));
            }
        }
        prev = Some((k, t.position));
    }
    out
}

/// Words every paper uses that say nothing about a stance.
const EXTRA_STOP: &[&str] = &[
    "delegation",
    "delegate",
    "committee",
    "also",
    "would",
    "should",
    "must",
    "will",
    "can",
    "may",
    "might",
    "could",
    "such",
    "other",
    "more",
    "most",
    "all",
    "than",
    "not",
    "but",
    "has",
    "have",
    "been",
    "being",
    "well",
    "including",
    "through",
    "within",
    "between",
    "per",
    "cent",
    "own",
    "while",
    "however",
    "therefore",
    "furthermore",
    "moreover",
    "both",
    "each",
    "only",
    "very",
    "many",
    "much",
    "one",
    "two",
    "three",
    "four",
    "five",
    "first",
    "second",
    "third",
    "new",
    "under",
    "over",
    "against",
    "upon",
    "without",
    "believes",
    "believe",
    "calls",
    "call",
    "urges",
    "urge",
    "strongly",
    "position",
    "paper",
    "nation",
    "nations",
    "country",
    "countries",
    "state",
    "states",
    "member",
    "government",
    "republic",
    "kingdom",
    "never",
    "still",
    "too",
    "let",
    "end",
    "case",
    "cases",
    "closely",
    "full",
    "levels",
    "level",
    "life",
    "outside",
    "existing",
    "early",
    "treats",
    "treat",
    "just",
    "even",
    "yet",
    "already",
    "often",
    "every",
    "any",
    "same",
    "because",
    "since",
    "until",
    "where",
    "when",
    "then",
    "there",
    "here",
    "now",
    "today",
    "year",
    "years",
    "time",
    "way",
    "ways",
    "part",
    "number",
    "make",
    "makes",
    "made",
    "take",
    "takes",
    "taken",
    "give",
    "gives",
    "given",
    "put",
    "use",
    "used",
    "uses",
    "using",
    "need",
    "needs",
    "needed",
    "ensure",
    "continue",
    "continues",
    "remain",
    "remains",
    "become",
    "becomes",
    "include",
    "includes",
    "included",
    "like",
    "among",
    "across",
    "around",
    "toward",
    "towards",
    "after",
    "before",
    "during",
    "into",
    "onto",
    "off",
    "out",
    "about",
    "above",
    "below",
    "whose",
    "whether",
    "either",
    "neither",
    "nor",
    "so",
    "than",
    "that",
    "this",
    "these",
    "those",
    "what",
    "who",
    "which",
    "why",
    "how",
    "again",
    "further",
    "less",
    "least",
    "few",
    "several",
    "some",
    "others",
    "another",
    "way",
    "said",
    "says",
    "say",
    "see",
    "seen",
    "within",
    "important",
    "significant",
    "ensure",
    "support",
    "supports",
    "supported",
    "work",
    "works",
    "working",
    "efforts",
    "effort",
    "issue",
    "issues",
    "problem",
    "world",
    "international",
    "global",
    "united",
    "national",
    "international community",
    "assembly",
    "council",
    "resolution",
    "resolutions",
    "american",
    "british",
    "chinese",
    "russian",
    "french",
    "german",
    "dutch",
    "belgian",
    "european",
    "african",
    "asian",
    "iranian",
    "indian",
    "brazilian",
    "mexican",
    "canadian",
    "australian",
    "japanese",
    "korean",
    "israeli",
    "pakistani",
    "chilean",
    "peruvian",
    "colombian",
    "bolivian",
    "egyptian",
    "saudi",
    "nigerian",
    "kenyan",
    "cuban",
    "venezuelan",
    "irish",
    "swiss",
    "austrian",
    "portuguese",
    "czech",
    "estonian",
    "filipino",
    "philippine",
    "fijian",
    "norwegian",
    "rwandan",
    "senegalese",
    "indonesian",
    "bangladeshi",
    "ghanaian",
    "singaporean",
    "ecuadorian",
    "zealand",
    "costa",
    "rican",
    "maldivian",
    "samoan",
    "tuvaluan",
    "palauan",
    "kuwaiti",
    "barbadian",
];

/// Reads every non-bibliography passage of a committee (and topic) and builds the
/// country vectors.
pub fn load_scope(
    index: &PaperIndex,
    searcher: &Searcher,
    committee: &str,
    committee_name: &str,
    topic: Option<&str>,
) -> Result<Scope, IndexError> {
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
    let docs = searcher
        .search(&BooleanQuery::new(clauses), &DocSetCollector)
        .map_err(|e| index.tantivy_error(e))?;
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
    Ok(build_scope(committee, committee_name, topic, passages))
}

/// Words used by more than this share of a committee's countries are the topic's
/// common vocabulary ("drug", "weapons"), not a stance.
const MAX_SHARE: f32 = 0.8;

/// Vectorises passages grouped by country. Separate from loading so it can be tested.
fn build_scope(
    committee: &str,
    committee_name: &str,
    topic: Option<&str>,
    passages: Vec<StoredPassage>,
) -> Scope {
    let names = country_name_sequences();
    let mut a = analyzer::analyzer();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut surface: Vec<HashMap<String, u32>> = Vec::new();
    let mut by_country: BTreeMap<String, Vec<(ShownPassage, Vector)>> = BTreeMap::new();
    for p in passages {
        if p.country == crate::paper::UNKNOWN {
            continue;
        }
        let mut tf = Vector::new();
        for (stem, raw) in features(&mut a, &names, &p.text) {
            let next = ids.len() as u32;
            let id = *ids.entry(stem).or_insert(next);
            if id as usize == surface.len() {
                surface.push(HashMap::new());
            }
            *surface[id as usize].entry(raw).or_default() += 1;
            *tf.entry(id).or_default() += 1.0;
        }
        let shown = ShownPassage {
            country: p.country.clone(),
            location: p.location(),
            text: p.text,
            vector: Vector::new(),
        };
        by_country.entry(p.country).or_default().push((shown, tf));
    }
    // Document frequency over countries.
    let n = by_country.len().max(1) as f32;
    let mut df: HashMap<u32, f32> = HashMap::new();
    for passages in by_country.values() {
        let seen: HashSet<u32> = passages
            .iter()
            .flat_map(|(_, tf)| tf.keys().copied())
            .collect();
        for id in seen {
            *df.entry(id).or_default() += 1.0;
        }
    }
    // A feature used by one country only cannot make allies; one used by all says
    // nothing. Smoothed idf keeps the rest.
    let idf = |id: &u32| -> f32 {
        let d = df.get(id).copied().unwrap_or(1.0);
        if d < 2.0 || d > n * MAX_SHARE {
            0.0
        } else {
            (n / d).ln()
        }
    };
    let weigh = |tf: &HashMap<u32, f32>| -> Vector {
        let mut v: Vector = tf
            .iter()
            .map(|(id, c)| (*id, (1.0 + c.ln()) * idf(id)))
            .filter(|(_, w)| *w > 0.0)
            .collect();
        normalise(&mut v);
        v
    };
    let docs = by_country
        .into_iter()
        .map(|(country, passages)| {
            let mut total: HashMap<u32, f32> = HashMap::new();
            let mut shown = Vec::new();
            for (mut p, tf) in passages {
                for (id, c) in &tf {
                    *total.entry(*id).or_default() += c;
                }
                p.vector = weigh(&tf);
                shown.push(p);
            }
            CountryDoc {
                country,
                vector: weigh(&total),
                passages: shown,
            }
        })
        .collect();
    let mut labels = vec![String::new(); surface.len()];
    for (id, forms) in surface.into_iter().enumerate() {
        labels[id] = forms
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(s, _)| s)
            .unwrap_or_default();
    }
    Scope {
        committee: committee.to_owned(),
        committee_name: committee_name.to_owned(),
        topic: topic.map(str::to_owned),
        docs,
        labels,
        df,
    }
}

fn normalise(v: &mut Vector) {
    let norm = v.values().map(|w| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for w in v.values_mut() {
            *w /= norm;
        }
    }
}

fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (small, large) = if a.len() < b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(k, w)| large.get(k).map(|x| w * x))
        .sum::<f32>()
        .clamp(0.0, 1.0)
}

/// The features two vectors share, strongest first, as readers see them. A phrase
/// is preferred to its words when both qualify.
fn shared_terms(scope: &Scope, a: &Vector, b: &Vector, n: usize) -> Vec<String> {
    let mut shared: Vec<(u32, f32)> = a
        .iter()
        .filter_map(|(k, w)| b.get(k).map(|x| (*k, w * x)))
        .map(|(k, s)| {
            // Words only these two use are often incidental ("weeks"); words a few
            // more countries share are more often a common stance ("harm reduction").
            let df = scope.df.get(&k).copied().unwrap_or(2.0);
            let phrase = if scope.labels[k as usize].contains(' ') {
                1.5
            } else {
                1.0
            };
            (k, s * df.ln_1p() * phrase)
        })
        .collect();
    shared.sort_by(|x, y| y.1.total_cmp(&x.1));
    pick_labels(scope, shared.into_iter().map(|(k, _)| k), n)
}

fn pick_labels(scope: &Scope, ids: impl Iterator<Item = u32>, n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let label = &scope.labels[id as usize];
        if out
            .iter()
            .any(|o| o.contains(label.as_str()) || label.contains(o.as_str()))
        {
            continue;
        }
        out.push(label.clone());
        if out.len() == n {
            break;
        }
    }
    out
}

/// One country in `allies` output.
#[derive(Debug, Clone, Serialize)]
pub struct Ally {
    pub rank: usize,
    pub country: String,
    /// 0 to 1: the cosine similarity of the two countries' word vectors, blended
    /// with the correlation of their similarities to the rest of the committee.
    pub similarity: f32,
    pub committees: Vec<String>,
    pub shared_terms: Vec<String>,
    /// The passage of each that agree most.
    pub passages: Option<(ShownPassage, ShownPassage)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlliesResult {
    pub country: String,
    pub scope: String,
    pub opponents: bool,
    pub allies: Vec<Ally>,
    pub explanation: String,
}

fn best_pair(a: &CountryDoc, b: &CountryDoc) -> Option<(ShownPassage, ShownPassage)> {
    let mut best: Option<(f32, usize, usize)> = None;
    for (i, p) in a.passages.iter().enumerate() {
        for (j, q) in b.passages.iter().enumerate() {
            let s = cosine(&p.vector, &q.vector);
            if best.is_none_or(|(bs, _, _)| s > bs) {
                best = Some((s, i, j));
            }
        }
    }
    best.filter(|(s, _, _)| *s > 0.0)
        .map(|(_, i, j)| (a.passages[i].clone(), b.passages[j].clone()))
}

fn require(scope: &Scope) -> Result<(), SimilarityError> {
    if scope.docs.len() < 3 {
        return Err(SimilarityError::TooFew {
            scope: scope.name(),
            count: scope.docs.len(),
        });
    }
    Ok(())
}

/// Per other country: similarity sum, scopes, shared terms, best passage pair, and
/// the best single-scope similarity (whose terms and passages are shown).
type AllyAcc = (
    f32,
    Vec<String>,
    Vec<String>,
    Option<(ShownPassage, ShownPassage)>,
    f32,
);

/// Allies (or opponents) of a country over one or more scopes (committees): the
/// similarity with a country is averaged over the scopes both wrote in.
pub fn allies(
    scopes: &[Scope],
    country: &str,
    n: usize,
    opponents: bool,
) -> Result<AlliesResult, SimilarityError> {
    let mut sums: BTreeMap<String, AllyAcc> = BTreeMap::new();
    for scope in scopes {
        require(scope)?;
        let Some(me) = scope.position(country) else {
            continue;
        };
        let m = refined(&matrix(scope));
        for (j, other) in scope.docs.iter().enumerate() {
            if j == me {
                continue;
            }
            let s = m[me][j];
            let e = sums.entry(other.country.clone()).or_insert((
                0.0,
                Vec::new(),
                Vec::new(),
                None,
                -1.0,
            ));
            e.0 += s;
            e.1.push(scope.name());
            if s > e.4 {
                e.2 = shared_terms(scope, &scope.docs[me].vector, &other.vector, 6);
                e.3 = best_pair(&scope.docs[me], other);
                e.4 = s;
            }
        }
    }
    let mut rows: Vec<Ally> = sums
        .into_iter()
        .map(|(c, (sum, committees, terms, pair, _))| Ally {
            rank: 0,
            similarity: sum / committees.len() as f32,
            country: c,
            committees,
            shared_terms: terms,
            passages: pair,
        })
        .collect();
    rows.sort_by(|a, b| {
        let o = b.similarity.total_cmp(&a.similarity);
        if opponents {
            o.reverse()
        } else {
            o
        }
    });
    rows.truncate(n);
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
        if opponents {
            r.passages = None;
        }
    }
    Ok(AlliesResult {
        country: country.to_owned(),
        scope: scopes.iter().map(Scope::name).collect::<Vec<_>>().join(", "),
        opponents,
        allies: rows,
        explanation: "Score (0 to 1) blends the cosine of the two papers' word profiles (stemmed words and two-word phrases, weighted by how few countries use them; country names and bibliographies left out) with how alike the two are in whom else they agree with. Averaged over the committees both wrote for.".to_owned(),
    })
}

/// One bloc.
#[derive(Debug, Clone, Serialize)]
pub struct Bloc {
    pub number: usize,
    pub members: Vec<String>,
    /// Mean similarity between members.
    pub cohesion: f32,
    /// Words used more by this bloc than by the rest of the committee.
    pub terms: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BlocsResult {
    pub committee: String,
    pub scope: String,
    pub countries: usize,
    pub blocs: Vec<Bloc>,
    /// Countries that fit no bloc (a cluster of one).
    pub unaligned: Vec<String>,
    /// How the number of blocs was chosen.
    pub method: String,
    pub silhouette: f32,
    pub explanation: String,
    /// Countries in bloc order, and their similarity matrix (for plots and scripts).
    pub order: Vec<String>,
    pub matrix: Vec<Vec<f32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plot: Option<String>,
}

/// How to cut the tree.
#[derive(Debug, Clone, Copy)]
pub enum Cut {
    Auto,
    Count(usize),
    Threshold(f64),
}

#[allow(clippy::needless_range_loop)]
fn matrix(scope: &Scope) -> Vec<Vec<f32>> {
    let n = scope.docs.len();
    let mut m = vec![vec![1.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let s = cosine(&scope.docs[i].vector, &scope.docs[j].vector);
            m[i][j] = s;
            m[j][i] = s;
        }
    }
    m
}

/// Second-order similarity: how alike two countries' similarities to everyone else
/// are (Pearson correlation of their rows, leaving the pair out), blended with the
/// direct similarity. Bloc-mates agree with the same third parties, so this steadies
/// rankings that a single shared word would sway.
fn refined(m: &[Vec<f32>]) -> Vec<Vec<f32>> {
    let n = m.len();
    let mut out = m.to_vec();
    for i in 0..n {
        for j in i + 1..n {
            let others: Vec<usize> = (0..n).filter(|&k| k != i && k != j).collect();
            let r = pearson(
                others.iter().map(|&k| m[i][k]),
                others.iter().map(|&k| m[j][k]),
            );
            let blended = (m[i][j] + ((r + 1.0) / 2.0) * BLEND) / (1.0 + BLEND);
            out[i][j] = blended;
            out[j][i] = blended;
        }
    }
    out
}

/// Weight of second-order similarity against direct similarity.
const BLEND: f32 = 0.5;

fn pearson(a: impl Iterator<Item = f32> + Clone, b: impl Iterator<Item = f32> + Clone) -> f32 {
    let n = a.clone().count() as f32;
    if n < 2.0 {
        return 0.0;
    }
    let (ma, mb) = (a.clone().sum::<f32>() / n, b.clone().sum::<f32>() / n);
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (x, y) in a.zip(b) {
        cov += (x - ma) * (y - mb);
        va += (x - ma) * (x - ma);
        vb += (y - mb) * (y - mb);
    }
    if va <= 0.0 || vb <= 0.0 {
        0.0
    } else {
        cov / (va.sqrt() * vb.sqrt())
    }
}

/// Labels after applying the first `merges` steps of the dendrogram.
fn cut_labels(d: &kodama::Dendrogram<f64>, n: usize, merges: usize) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..2 * n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    for (i, step) in d.steps().iter().take(merges).enumerate() {
        let new = n + i;
        let a = find(&mut parent, step.cluster1);
        let b = find(&mut parent, step.cluster2);
        parent[a] = new;
        parent[b] = new;
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let mut ids: HashMap<usize, usize> = HashMap::new();
    roots
        .into_iter()
        .map(|r| {
            let next = ids.len();
            *ids.entry(r).or_insert(next)
        })
        .collect()
}

/// Mean silhouette of a labelling, with distance 1 - similarity; singletons score 0.
fn silhouette(m: &[Vec<f32>], labels: &[usize]) -> f32 {
    let n = labels.len();
    let k = labels.iter().max().map_or(0, |x| x + 1);
    if k < 2 || k >= n {
        return -1.0;
    }
    let mut total = 0.0;
    for i in 0..n {
        let mut sums = vec![(0.0f32, 0usize); k];
        for j in 0..n {
            if i != j {
                sums[labels[j]].0 += 1.0 - m[i][j];
                sums[labels[j]].1 += 1;
            }
        }
        let own = sums[labels[i]];
        if own.1 == 0 {
            continue;
        }
        let a = own.0 / own.1 as f32;
        let b = (0..k)
            .filter(|&c| c != labels[i] && sums[c].1 > 0)
            .map(|c| sums[c].0 / sums[c].1 as f32)
            .fold(f32::INFINITY, f32::min);
        let s = if a.max(b) > 0.0 {
            (b - a) / a.max(b)
        } else {
            0.0
        };
        total += s;
    }
    total / n as f32
}

/// Groups a committee's countries into blocs.
pub fn blocs(scope: &Scope, cut: Cut) -> Result<BlocsResult, SimilarityError> {
    require(scope)?;
    let n = scope.docs.len();
    let m = matrix(scope);
    let mut condensed = Vec::with_capacity(n * (n - 1) / 2);
    for (i, row) in m.iter().enumerate() {
        for s in &row[i + 1..] {
            condensed.push(1.0 - f64::from(*s));
        }
    }
    let d = kodama::linkage(&mut condensed, n, kodama::Method::Average);
    let (labels, method) = match cut {
        Cut::Count(k) => {
            let k = k.clamp(1, n);
            (cut_labels(&d, n, n - k), format!("{k} blocs, as asked"))
        }
        Cut::Threshold(t) => {
            let merges = d
                .steps()
                .iter()
                .take_while(|s| 1.0 - s.dissimilarity >= t)
                .count();
            (
                cut_labels(&d, n, merges),
                format!("groups joined while their average similarity stays at or above {t:.2}"),
            )
        }
        Cut::Auto => {
            let max_k = (n / 2).clamp(2, 8);
            let (k, labels, s) = (2..=max_k)
                .map(|k| {
                    let l = cut_labels(&d, n, n - k);
                    let s = silhouette(&m, &l);
                    (k, l, s)
                })
                .max_by(|a, b| a.2.total_cmp(&b.2))
                .unwrap_or((1, vec![0; n], 0.0));
            (
                labels,
                format!("{k} blocs: the cut of the average-linkage tree with the best silhouette ({s:.2}) among 2 to {max_k} blocs"),
            )
        }
    };
    let sil = silhouette(&m, &labels);
    let k = labels.iter().max().map_or(0, |x| x + 1);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, l) in labels.iter().enumerate() {
        groups[*l].push(i);
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let mut blocs = Vec::new();
    let mut unaligned = Vec::new();
    let mut order = Vec::new();
    for g in &groups {
        if g.len() == 1 {
            unaligned.push(g[0]);
            continue;
        }
        let mut pairs = 0.0;
        let mut sum = 0.0;
        for (x, &i) in g.iter().enumerate() {
            for &j in &g[x + 1..] {
                sum += m[i][j];
                pairs += 1.0;
            }
        }
        blocs.push(Bloc {
            number: blocs.len() + 1,
            members: g.iter().map(|&i| scope.docs[i].country.clone()).collect(),
            cohesion: if pairs > 0.0 { sum / pairs } else { 1.0 },
            terms: distinctive_terms(scope, g, 8),
        });
        order.extend(g.iter().copied());
    }
    order.extend(unaligned.iter().copied());
    let ordered_matrix = order
        .iter()
        .map(|&i| order.iter().map(|&j| m[i][j]).collect())
        .collect();
    Ok(BlocsResult {
        committee: scope.committee.clone(),
        scope: format!("{} ({})", scope.name(), scope.committee_name),
        countries: n,
        blocs,
        unaligned: unaligned.iter().map(|&i| scope.docs[i].country.clone()).collect(),
        method,
        silhouette: sil,
        explanation: "Countries are grouped by how alike their papers' distinctive vocabulary is (average-linkage clustering of cosine similarities). Cohesion is the mean similarity between members, 0 to 1; the distinctive words are those the bloc uses far more than the rest of the committee.".to_owned(),
        order: order.iter().map(|&i| scope.docs[i].country.clone()).collect(),
        matrix: ordered_matrix,
        plot: None,
    })
}

/// Significant terms of a group: mean weight inside minus mean weight outside, kept
/// only when most members use the term.
fn distinctive_terms(scope: &Scope, members: &[usize], n: usize) -> Vec<String> {
    let inside: HashSet<usize> = members.iter().copied().collect();
    let outside_n = (scope.docs.len() - members.len()).max(1) as f32;
    let mut score: HashMap<u32, (f32, usize)> = HashMap::new();
    for &i in members {
        for (k, w) in &scope.docs[i].vector {
            let e = score.entry(*k).or_default();
            e.0 += w / members.len() as f32;
            e.1 += 1;
        }
    }
    for (i, d) in scope.docs.iter().enumerate() {
        if inside.contains(&i) {
            continue;
        }
        for (k, w) in &d.vector {
            if let Some(e) = score.get_mut(k) {
                e.0 -= w / outside_n;
            }
        }
    }
    let quorum = members.len().div_ceil(2);
    let mut ranked: Vec<(u32, f32)> = score
        .into_iter()
        .filter(|(_, (s, c))| *s > 0.0 && *c >= quorum.max(2))
        .map(|(k, (s, _))| (k, s))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    pick_labels(scope, ranked.into_iter().map(|(k, _)| k), n)
}

/// Resolves a country the user typed to one with papers in the scopes.
pub fn find_country(input: &str, known: &[&str]) -> Result<String, SimilarityError> {
    let canonical = countries::lookup(input)
        .map(|c| c.name.to_owned())
        .unwrap_or_else(|| input.trim().to_owned());
    if let Some(k) = known.iter().find(|k| k.eq_ignore_ascii_case(&canonical)) {
        return Ok((*k).to_owned());
    }
    Err(SimilarityError::UnknownCountry {
        value: input.to_owned(),
        suggestions: countries::suggest(input, known, 5),
    })
}

/// `compare A B`.
#[derive(Debug, Clone, Serialize)]
pub struct CompareResult {
    pub first: String,
    pub second: String,
    pub scope: String,
    pub similarity: f32,
    pub shared_terms: Vec<String>,
    pub first_only: Vec<String>,
    pub second_only: Vec<String>,
    /// The passages of each that agree most.
    pub agree: Option<(ShownPassage, ShownPassage)>,
    /// A passage of each built on words the other does not use.
    pub differ: Option<(ShownPassage, ShownPassage)>,
    pub explanation: String,
}

fn only_terms(scope: &Scope, a: &Vector, b: &Vector, n: usize) -> (Vec<String>, Vector) {
    let mut own: Vec<(u32, f32)> = a
        .iter()
        .filter(|(k, _)| !b.contains_key(k))
        .map(|(k, w)| (*k, *w))
        .collect();
    own.sort_by(|x, y| y.1.total_cmp(&x.1));
    let top: Vector = own.iter().take(20).copied().collect();
    (pick_labels(scope, own.into_iter().map(|(k, _)| k), n), top)
}

fn best_passage(doc: &CountryDoc, profile: &Vector) -> Option<ShownPassage> {
    doc.passages
        .iter()
        .map(|p| (cosine(&p.vector, profile), p))
        .filter(|(s, _)| *s > 0.0)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p.clone())
}

/// Where two countries agree and differ in one scope.
pub fn compare(scope: &Scope, first: &str, second: &str) -> Result<CompareResult, SimilarityError> {
    let missing = |c: &str| SimilarityError::NotInScope {
        country: c.to_owned(),
        scope: scope.name(),
        available: scope.countries().join(", "),
    };
    let a = &scope.docs[scope.position(first).ok_or_else(|| missing(first))?];
    let b = &scope.docs[scope.position(second).ok_or_else(|| missing(second))?];
    let (first_only, a_profile) = only_terms(scope, &a.vector, &b.vector, 8);
    let (second_only, b_profile) = only_terms(scope, &b.vector, &a.vector, 8);
    let differ = best_passage(a, &a_profile).zip(best_passage(b, &b_profile));
    Ok(CompareResult {
        first: a.country.clone(),
        second: b.country.clone(),
        scope: scope.name(),
        similarity: cosine(&a.vector, &b.vector),
        shared_terms: shared_terms(scope, &a.vector, &b.vector, 8),
        first_only,
        second_only,
        agree: best_pair(a, b),
        differ,
        explanation: "Similarity is the cosine of the two word profiles (0 to 1). Shared words weigh most in both; the 'only' words are each one's most distinctive words that the other never uses.".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(country: &str, text: &str) -> StoredPassage {
        StoredPassage {
            file: format!("{country}.txt"),
            country: country.into(),
            country_code: None,
            committee: "CND".into(),
            committee_name: "Commission on Narcotic Drugs".into(),
            topic: String::new(),
            section: String::new(),
            section_kind: SectionKind::Position,
            passage: 1,
            line: Some(1),
            page: None,
            text: text.into(),
            citations: vec![],
            paragraph: 1,
            pieces: 1,
        }
    }

    fn toy() -> Scope {
        let p = vec![
            passage("Belgium", "harm reduction services and Europol cooperation on darknet markets, with needle exchange"),
            passage("Netherlands", "harm reduction, needle exchange and Europol cooperation against darknet vendors"),
            passage("Portugal", "decriminalisation and harm reduction with needle exchange programmes"),
            passage("China", "zero tolerance, strict prohibition and internet sovereignty; we call on Belgium and the Netherlands"),
            passage("Russia", "strict prohibition, zero tolerance and sovereignty over the national internet segment"),
            passage("Iran", "zero tolerance and strict prohibition with severe penalties"),
        ];
        build_scope("CND", "Commission on Narcotic Drugs", None, p)
    }

    #[test]
    fn allies_follow_shared_distinctive_words_not_names() {
        let scope = toy();
        let r = allies(std::slice::from_ref(&scope), "Belgium", 5, false).unwrap();
        assert_eq!(r.allies[0].country, "Netherlands");
        let top2: Vec<&str> = r.allies[..2].iter().map(|a| a.country.as_str()).collect();
        assert!(top2.contains(&"Portugal"), "{top2:?}");
        // China names Belgium, but that must not make them allies.
        let china = r.allies.iter().find(|a| a.country == "China").unwrap();
        assert!(china.similarity < 0.05, "{}", china.similarity);
        assert!(r.allies[0]
            .shared_terms
            .iter()
            .any(|t| t.contains("harm reduction") || t.contains("europol")));
        let opp = allies(std::slice::from_ref(&scope), "Belgium", 2, true).unwrap();
        assert!(["China", "Russia", "Iran"].contains(&opp.allies[0].country.as_str()));
    }

    #[test]
    fn blocs_split_the_two_camps() {
        let r = blocs(&toy(), Cut::Auto).unwrap();
        assert_eq!(r.blocs.len(), 2, "{r:?}");
        let mut camps: Vec<Vec<String>> = r
            .blocs
            .iter()
            .map(|b| {
                let mut m = b.members.clone();
                m.sort();
                m
            })
            .collect();
        camps.sort();
        assert_eq!(
            camps,
            vec![
                vec!["Belgium", "Netherlands", "Portugal"],
                vec!["China", "Iran", "Russia"]
            ]
        );
        assert!(r.blocs.iter().all(|b| !b.terms.is_empty()));
        let r = blocs(&toy(), Cut::Count(3)).unwrap();
        assert_eq!(r.blocs.len() + r.unaligned.len(), 3);
    }

    #[test]
    fn too_few_countries_is_an_error() {
        let scope = build_scope(
            "X",
            "X",
            None,
            vec![passage("Chile", "a b c"), passage("Peru", "a b c")],
        );
        assert!(matches!(
            blocs(&scope, Cut::Auto),
            Err(SimilarityError::TooFew { count: 2, .. })
        ));
    }

    #[test]
    fn compare_names_words_only_one_side_uses() {
        let scope = toy();
        let c = compare(&scope, "Belgium", "China").unwrap();
        assert!(c.similarity < 0.1);
        assert!(!c.first_only.is_empty());
        assert!(find_country("Kingdom of Belgium", &scope.countries()).is_ok());
        assert!(matches!(
            find_country("Belgum", &scope.countries()),
            Err(SimilarityError::UnknownCountry { .. })
        ));
    }
}
