//! Allies and opponents of one country: its peers ranked by profile similarity
//! blended with whom else they agree with, each explained by the policy words they
//! share and the pair of passages that agree (or differ) most on them.

use super::blocs::matrix;
use super::profile::{cosine, shared, weight, CountryDoc, Scope, ShownPassage, Vector};
use super::{pick_labels, require, SimilarityError};
use crate::analysis::issue::StanceDifference;
use serde::Serialize;
use std::collections::BTreeMap;

/// A passage of each country, and the term they are about.
#[derive(Debug, Clone, Serialize)]
pub struct PassagePair {
    /// The shared distinctive term both passages use ("" when they share none).
    pub term: String,
    pub first: ShownPassage,
    pub second: ShownPassage,
}

/// One country in `allies` output.
#[derive(Debug, Clone, Serialize)]
pub struct Ally {
    pub rank: usize,
    pub country: String,
    /// ISO 3166 alpha-3 code ("" when unknown).
    pub code: String,
    /// 0 to 1: the cosine similarity of the two countries' profiles, blended with
    /// the correlation of their similarities to the rest of the committee.
    pub similarity: f32,
    pub committees: Vec<String>,
    /// Distinctive words both use, strongest first.
    pub shared_terms: Vec<String>,
    /// For opponents: the asking country's words the other does not use, and the
    /// other's words the asking country does not use.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub own_terms: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub their_terms: Vec<String>,
    /// Allies: the passages that agree most on a shared term. Opponents: the
    /// passages that differ most on one.
    pub passages: Option<PassagePair>,
    /// Opponents: the issues on which the two take opposite stances (or one side
    /// against a mixed stance), each with its deciding sentences; shown before the
    /// passages. Filled in by [`crate::analysis::issue::differences`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stance_differences: Vec<StanceDifference>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlliesResult {
    pub country: String,
    pub scope: String,
    pub opponents: bool,
    pub allies: Vec<Ally>,
    pub explanation: String,
}

/// Second-order similarity of `me` to everyone: how alike two countries'
/// similarities to everyone else are (Pearson correlation of their rows, leaving
/// the pair out), blended with the direct similarity. Bloc-mates agree with the same
/// third parties, so this steadies rankings a single shared word would sway.
pub(crate) fn refined_row(m: &[Vec<f32>], me: usize) -> Vec<f32> {
    let n = m.len();
    (0..n)
        .map(|j| {
            if j == me {
                return 1.0;
            }
            let others = (0..n).filter(|&k| k != me && k != j);
            let r = pearson(others.clone().map(|k| m[me][k]), others.map(|k| m[j][k]));
            (m[me][j] + ((r + 1.0) / 2.0) * BLEND) / (1.0 + BLEND)
        })
        .collect()
}

/// Weight of second-order similarity against direct similarity.
const BLEND: f32 = 0.5;

fn pearson(a: impl Iterator<Item = f32> + Clone, b: impl Iterator<Item = f32> + Clone) -> f32 {
    let n = a.clone().count() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let ma = a.clone().map(f64::from).sum::<f64>() / n;
    let mb = b.clone().map(f64::from).sum::<f64>() / n;
    let (mut cov, mut va, mut vb) = (0.0f64, 0.0f64, 0.0f64);
    for (x, y) in a.zip(b) {
        let (x, y) = (f64::from(x) - ma, f64::from(y) - mb);
        cov += x * y;
        va += x * x;
        vb += y * y;
    }
    if va <= 0.0 || vb <= 0.0 {
        0.0
    } else {
        (cov / (va.sqrt() * vb.sqrt())) as f32
    }
}

/// The shared features of two profiles, strongest first: product of weights, with
/// credit for words a few more countries use (a common stance, "harm reduction")
/// over words only these two use (often incidental), and for phrases.
pub(crate) fn shared_ranked(scope: &Scope, a: &CountryDoc, b: &CountryDoc) -> Vec<u32> {
    let mut s: Vec<(u32, f32)> = shared(&a.vector, &b.vector)
        .into_iter()
        .filter(|(k, _)| !super::is_generic(scope.label(*k)))
        .map(|(k, w)| {
            let df = scope.df(k).max(2) as f32;
            let phrase = if scope.label(k).contains(' ') {
                1.5
            } else {
                1.0
            };
            (k, w * df.ln_1p() * phrase)
        })
        .collect();
    s.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    s.into_iter().map(|(k, _)| k).collect()
}

/// How many of the top shared terms are tried for a passage pair.
const PAIR_TERMS: usize = 5;

/// The pair of passages, one of each country, that agree most (or differ most,
/// with `differ`) while both using one of the top shared terms.
pub(crate) fn passage_pair(
    scope: &Scope,
    a: &CountryDoc,
    b: &CountryDoc,
    top: &[u32],
    differ: bool,
) -> Option<PassagePair> {
    // (score, term rank, i, j): higher score wins, then the stronger term, then
    // the earlier passages.
    let mut best: Option<(f32, usize, usize, usize)> = None;
    // Each passage weighed once, when a term first draws it in.
    let mut vectors: [BTreeMap<usize, Vector>; 2] = Default::default();
    for (rank, &t) in top.iter().take(PAIR_TERMS).enumerate() {
        let mut with = |side: usize, d: &CountryDoc| -> Vec<usize> {
            let found: Vec<usize> = (0..d.passages.len())
                .filter(|&i| scope.passage_uses(&d.passages[i], t))
                .collect();
            for &i in &found {
                vectors[side]
                    .entry(i)
                    .or_insert_with(|| scope.passage_vector(&d.passages[i]));
            }
            found
        };
        let (pa, pb) = (with(0, a), with(1, b));
        for &i in &pa {
            for &j in &pb {
                let c = cosine(&vectors[0][&i], &vectors[1][&j]);
                // Opponents: the pair on the same subject that otherwise says the
                // least alike. When stance is known (analysis::stance), pairs whose
                // stances are opposite rank before all others here.
                let score = if differ { 1.0 - c } else { c };
                let better = match best {
                    None => true,
                    Some((bs, br, bi, bj)) => {
                        score > bs || (score == bs && (rank, i, j) < (br, bi, bj))
                    }
                };
                if better {
                    best = Some((score, rank, i, j));
                }
            }
        }
    }
    best.map(|(_, rank, i, j)| PassagePair {
        term: scope.label(top[rank]).to_owned(),
        first: a.passages[i].clone(),
        second: b.passages[j].clone(),
    })
}

/// One side's strongest features the other never uses.
pub(crate) fn only_ranked(a: &CountryDoc, b: &CountryDoc) -> Vec<(u32, f32)> {
    let mut own: Vec<(u32, f32)> = a
        .vector
        .iter()
        .filter(|(k, _)| weight(&b.vector, *k) == 0.0)
        .copied()
        .collect();
    own.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    own
}

/// Per other country: similarity sum, scopes, and the scope and similarity of the
/// best single scope (whose words and passages are shown).
struct Acc {
    sum: f32,
    committees: Vec<String>,
    best: Option<(usize, f32)>,
}

/// Allies (or opponents) of a country over one or more scopes (committees): the
/// similarity with a country is averaged over the scopes both wrote in.
pub fn allies(
    scopes: &[Scope],
    country: &str,
    n: usize,
    opponents: bool,
) -> Result<AlliesResult, SimilarityError> {
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for (si, scope) in scopes.iter().enumerate() {
        require(scope)?;
        let Some(me) = scope.position(country) else {
            continue;
        };
        let row = refined_row(&matrix(scope), me);
        for (j, other) in scope.docs.iter().enumerate() {
            if j == me {
                continue;
            }
            let s = row[j];
            let e = acc.entry(other.country.clone()).or_insert(Acc {
                sum: 0.0,
                committees: Vec::new(),
                best: None,
            });
            e.sum += s;
            e.committees.push(scope.name());
            if e.best.is_none_or(|(_, b)| s > b) {
                e.best = Some((si, s));
            }
        }
    }
    let mut rows: Vec<(String, f32, Acc)> = acc
        .into_iter()
        .map(|(c, a)| (c, a.sum / a.committees.len().max(1) as f32, a))
        .collect();
    rows.sort_by(|a, b| {
        let o = b.1.total_cmp(&a.1);
        let o = if opponents { o.reverse() } else { o };
        o.then(a.0.cmp(&b.0))
    });
    rows.truncate(n);
    let mut out = Vec::with_capacity(rows.len());
    for (i, (c, sim, a)) in rows.into_iter().enumerate() {
        let (mut shared_terms, mut own_terms, mut their_terms, mut passages) =
            (Vec::new(), Vec::new(), Vec::new(), None);
        let mut code = String::new();
        if let Some((si, _)) = a.best {
            let scope = &scopes[si];
            if let (Some(me), Some(them)) = (scope.position(country), scope.position(&c)) {
                let (x, y) = (&scope.docs[me], &scope.docs[them]);
                code = y.code.clone().unwrap_or_default();
                let top = shared_ranked(scope, x, y);
                shared_terms = pick_labels(scope, top.iter().copied(), 6);
                if opponents {
                    own_terms = pick_labels(scope, only_ranked(x, y).into_iter().map(|p| p.0), 6);
                    their_terms = pick_labels(scope, only_ranked(y, x).into_iter().map(|p| p.0), 6);
                }
                passages = passage_pair(scope, x, y, &top, opponents);
            }
        }
        out.push(Ally {
            rank: i + 1,
            country: c,
            code,
            similarity: sim,
            committees: a.committees,
            shared_terms,
            own_terms,
            their_terms,
            passages,
            stance_differences: Vec::new(),
        });
    }
    let explanation = if opponents {
        "Ranked from the least alike: the score (0 to 1) blends the cosine of the two papers' policy-word profiles (stemmed words and two-word phrases, weighted by how few countries use them, words of regions weighing more; greetings, speaking style, each paper's own country name and bibliographies left out) with how alike the two are in whom else they agree with. Each opponent shows the subjects both raise, the words only each uses, and the pair of passages on a shared subject that say the least alike. Averaged over the committees both wrote for."
    } else {
        "Score (0 to 1) blends the cosine of the two papers' policy-word profiles (stemmed words and two-word phrases, weighted by how few countries use them, words of regions weighing more; greetings, speaking style, each paper's own country name and bibliographies left out) with how alike the two are in whom else they agree with. Each ally shows the distinctive words both use and the pair of passages that agree most on one of them. Averaged over the committees both wrote for."
    };
    Ok(AlliesResult {
        country: country.to_owned(),
        scope: scopes
            .iter()
            .map(Scope::name)
            .collect::<Vec<_>>()
            .join(", "),
        opponents,
        allies: out,
        explanation: explanation.to_owned(),
    })
}
