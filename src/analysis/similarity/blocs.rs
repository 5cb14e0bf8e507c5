//! Blocs: a committee's countries grouped by how alike their profiles are, the cut
//! chosen by how far its silhouette rises above what the same method finds in
//! shuffled profiles cut as finely, under a size cap, labelled by the phrases that set
//! each bloc apart.

// Symmetric matrices read clearest as m[i][j] over index ranges.
#![allow(clippy::needless_range_loop)]

use super::cluster::{self, Clusterer, Method};
use super::profile::Scope;
use super::{pick_labels, plural, require, SimilarityError};
use serde::Serialize;
use std::collections::BTreeMap;

/// One bloc.
#[derive(Debug, Clone, Serialize)]
pub struct Bloc {
    pub committee: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub number: usize,
    /// The bloc's top two or three distinctive phrases.
    pub label: String,
    pub members: Vec<String>,
    /// ISO 3166 alpha-3 codes of the members, in the same order ("" when unknown).
    pub codes: Vec<String>,
    /// Mean similarity between members.
    pub cohesion: f32,
    /// Words and phrases used more by this bloc than by the rest of the committee.
    pub terms: Vec<String>,
}

/// Two countries and how alike they are.
#[derive(Debug, Clone, Serialize)]
pub struct Pair {
    pub first: String,
    pub second: String,
    pub similarity: f32,
}

#[derive(Debug, Clone, Serialize)]
pub struct BlocsResult {
    pub committee: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub scope: String,
    pub countries: usize,
    /// False when no cut is clearly better than chance: then there are no blocs and
    /// `closest_pairs` says who is most alike instead.
    pub clear: bool,
    pub blocs: Vec<Bloc>,
    /// Countries that fit no bloc.
    pub unaligned: Vec<String>,
    pub unaligned_codes: Vec<String>,
    /// The most alike pairs, when there are no clear blocs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub closest_pairs: Vec<Pair>,
    /// How the number of blocs was chosen.
    pub method: String,
    pub silhouette: f32,
    /// The silhouette the same method reaches on shuffled profiles (the bar a cut
    /// must clear).
    pub chance_silhouette: f32,
    pub explanation: String,
    /// Countries in bloc order (unaligned last), and their similarity matrix.
    pub order: Vec<String>,
    pub matrix: Vec<Vec<f32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plot: Option<String>,
}

/// How to cut.
#[derive(Debug, Clone, Copy)]
pub enum Cut {
    Auto,
    Count(usize),
    Threshold(f64),
}

/// How blocs are found; [`BlocOptions::default`] is what `caucus blocs` uses.
#[derive(Debug, Clone, Copy)]
pub struct BlocOptions {
    pub method: Method,
    /// Neighbours per country in the spectral graph (0: about sqrt of the count).
    pub neighbours: usize,
    /// Cluster on second-order similarity (see [`cluster::second_order`]) rather
    /// than on raw cosines.
    pub second_order: bool,
    /// Cluster on similarity to the committee's average paper taken out (see
    /// [`cluster::centred`]), kept to this many directions (0: all).
    pub centre: bool,
    pub dims: usize,
}

impl Default for BlocOptions {
    fn default() -> Self {
        BlocOptions {
            method: Method::Consensus,
            neighbours: 8,
            second_order: false,
            centre: true,
            dims: 0,
        }
    }
}

/// In a committee this large or larger, no bloc may hold more than [`MAX_SHARE`].
pub const LARGE_COMMITTEE: usize = 30;
/// The largest share of a large committee one bloc may hold.
pub const MAX_SHARE: f64 = 0.4;

/// The most groups an automatic cut considers.
fn max_groups(n: usize) -> usize {
    (n / 3).clamp(2, 12)
}

/// The fewest members a bloc has: two in a small committee, three in a large one.
pub fn min_members(n: usize) -> usize {
    if n >= LARGE_COMMITTEE {
        3
    } else {
        2
    }
}

fn neighbours(n: usize, o: &BlocOptions) -> usize {
    if o.neighbours > 0 {
        o.neighbours
    } else {
        ((n as f64).sqrt().round() as usize).max(3)
    }
}

/// The cosine matrix of a scope's profiles.
pub fn matrix(scope: &Scope) -> Vec<Vec<f32>> {
    let rows: Vec<&[(u32, f32)]> = scope.docs.iter().map(|d| d.vector.as_slice()).collect();
    cosines(&rows)
}

/// The cosine matrix of unit vectors, the same to the last bit as
/// [`cosine`](super::profile::cosine) of
/// each pair: each row is spread once into a dense array and every later row is
/// dotted with it, summing the shared features in ascending order as `cosine` does
/// (a feature only one row has adds nothing). Rows are shared out among threads.
pub(crate) fn cosines(rows: &[&[(u32, f32)]]) -> Vec<Vec<f32>> {
    let n = rows.len();
    let dim = rows
        .iter()
        .filter_map(|r| r.last())
        .map(|(id, _)| *id as usize + 1)
        .max()
        .unwrap_or(0);
    // Row i against rows after it.
    let upper = |i: usize, dense: &mut Vec<f32>| -> Vec<f32> {
        for (id, w) in rows[i] {
            dense[*id as usize] = *w;
        }
        let out = rows[i + 1..]
            .iter()
            .map(|r| {
                let mut s = 0.0f32;
                for (id, w) in r.iter() {
                    let a = dense[*id as usize];
                    if a != 0.0 {
                        s += a * w;
                    }
                }
                s.clamp(0.0, 1.0)
            })
            .collect();
        for (id, _) in rows[i] {
            dense[*id as usize] = 0.0;
        }
        out
    };
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get().min(4));
    let tails: Vec<Vec<f32>> = if threads < 2 || n < 64 {
        let mut dense = vec![0.0f32; dim];
        (0..n).map(|i| upper(i, &mut dense)).collect()
    } else {
        // Row i costs n - i: deal rows round-robin so each thread gets its share.
        let parts: Vec<Vec<(usize, Vec<f32>)>> = std::thread::scope(|s| {
            let upper = &upper;
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    s.spawn(move || {
                        let mut dense = vec![0.0f32; dim];
                        (t..n)
                            .step_by(threads)
                            .map(|i| (i, upper(i, &mut dense)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut tails = vec![Vec::new(); n];
        for (i, t) in parts.into_iter().flatten() {
            tails[i] = t;
        }
        tails
    };
    let mut m = vec![vec![1.0; n]; n];
    for (i, tail) in tails.into_iter().enumerate() {
        for (k, s) in tail.into_iter().enumerate() {
            let j = i + 1 + k;
            m[i][j] = s;
            m[j][i] = s;
        }
    }
    m
}

/// Groups of at least `min` members, and the rest.
fn groups(labels: &[usize], min: usize) -> (Vec<Vec<usize>>, Vec<usize>) {
    let k = labels.iter().max().map_or(0, |x| x + 1);
    let mut all: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, l) in labels.iter().enumerate() {
        all[*l].push(i);
    }
    let mut rest = Vec::new();
    let mut kept = Vec::new();
    for g in all {
        if g.len() >= min {
            kept.push(g);
        } else {
            rest.extend(g);
        }
    }
    rest.sort_unstable();
    (kept, rest)
}

/// Whether the largest group respects the size cap of a large committee.
fn within_cap(labels: &[usize], n: usize) -> bool {
    if n < LARGE_COMMITTEE {
        return true;
    }
    let k = labels.iter().max().map_or(0, |x| x + 1);
    let mut sizes = vec![0usize; k];
    labels.iter().for_each(|l| sizes[*l] += 1);
    sizes.into_iter().max().unwrap_or(0) as f64 <= MAX_SHARE * n as f64
}

/// Every cut into 2..=max groups that respects the cap, with its silhouette.
fn cuts(m: &[Vec<f32>], c: &Clusterer) -> Vec<(usize, Vec<usize>, f32)> {
    let n = m.len();
    (2..=max_groups(n))
        .map(|k| (k, c.labels(k)))
        .filter(|(_, l)| within_cap(l, n))
        .map(|(k, l)| {
            let s = cluster::silhouette(m, &l);
            (k, l, s)
        })
        .collect()
}

/// Gains closer than this are a tie. The measure is that unsteady: on the 2024
/// General Debate, reading one statement's justified lines differently (a parser
/// change) moved the 7-group cut's gain by 0.010 and the 5-group cut's by 0.002,
/// which turned the answer from 7 blocs to 5 at a tie of 0.005.
const SILHOUETTE_TIE: f32 = 0.01;

/// The automatic cut: the one whose silhouette rises most above what the method
/// reaches on shuffled profiles with as many groups (`chance[k]`), the gap-statistic
/// idea. Silhouettes of structureless data change with the number of groups too, so
/// a count is judged against its own chance level, not against other counts'
/// silhouettes. Between two cuts the gain cannot tell apart, the finer one is shown:
/// a chair can read two blocs as one, but cannot split one. Returns the cut, its
/// silhouette and the best silhouette of any cut.
fn chosen_cut(
    m: &[Vec<f32>],
    c: &Clusterer,
    chance: &BTreeMap<usize, f32>,
) -> Option<(usize, Vec<usize>, f32, f32)> {
    let all = cuts(m, c);
    let best = all.iter().map(|x| x.2).fold(f32::NEG_INFINITY, f32::max);
    let counted: Vec<(usize, f32)> = all.iter().map(|(k, _, s)| (*k, *s)).collect();
    let (at, _) = tie_break(&gains(&counted, chance))?;
    all.into_iter().nth(at).map(|(k, l, s)| (k, l, s, best))
}

/// Each cut's silhouette less the chance level at its number of groups.
fn gains(cuts: &[(usize, f32)], chance: &BTreeMap<usize, f32>) -> Vec<f32> {
    cuts.iter()
        .map(|(k, s)| s - chance.get(k).copied().unwrap_or(0.0))
        .collect()
}

/// Of silhouettes in order of group count, the position of the last that ties with
/// the best, and the best.
fn tie_break(silhouettes: &[f32]) -> Option<(usize, f32)> {
    let best = silhouettes
        .iter()
        .copied()
        .fold(f32::NEG_INFINITY, f32::max);
    silhouettes
        .iter()
        .rposition(|s| *s >= best - SILHOUETTE_TIE)
        .map(|at| (at, best))
}

/// The profiles shuffled between countries feature by feature: each feature keeps
/// its weights but they land on random countries. Whatever grouping the method finds
/// there is chance.
fn shuffled_matrix(scope: &Scope, seed: u64) -> Vec<Vec<f32>> {
    let n = scope.docs.len();
    let mut columns: BTreeMap<u32, Vec<f32>> = BTreeMap::new();
    for d in &scope.docs {
        for (id, w) in &d.vector {
            columns.entry(*id).or_default().push(*w);
        }
    }
    let mut rows: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    let mut state = seed;
    let mut next = |bound: usize| -> usize {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % bound.max(1)
    };
    let mut slots: Vec<usize> = (0..n).collect();
    for (id, weights) in columns {
        // Partial Fisher-Yates: the first weights.len() slots get the weights.
        for i in 0..weights.len().min(n) {
            let j = i + next(n - i);
            slots.swap(i, j);
        }
        for (w, slot) in weights.iter().zip(&slots) {
            rows[*slot].push((id, *w));
        }
    }
    for r in rows.iter_mut() {
        super::profile::normalise(r);
    }
    let rows: Vec<&[(u32, f32)]> = rows.iter().map(Vec::as_slice).collect();
    cosines(&rows)
}

/// Shuffles tried for the chance level.
const SHUFFLES: u64 = 3;

/// What the method finds on shuffled profiles: the best silhouette of any cut within
/// the cap (the highest of a few shuffles), which a cut must beat clearly to be
/// called blocs; and the mean silhouette at each number of groups.
struct Chance {
    best: f32,
    by_count: BTreeMap<usize, f32>,
}

fn chance_level(scope: &Scope, o: &BlocOptions) -> Chance {
    let n = scope.docs.len();
    let one = |s: u64| -> Vec<(usize, f32, bool)> {
        let cos = shuffled_matrix(scope, 0x5eed_0000 + s);
        let judge = cluster::second_order(&cos);
        let base = if o.centre {
            cluster::centred(&cos, o.dims)
        } else {
            cos
        };
        let c = Clusterer::new(
            if o.second_order { &judge } else { &base },
            o.method,
            neighbours(n, o),
        );
        (2..=max_groups(n))
            .map(|k| {
                let l = c.labels(k);
                (k, cluster::silhouette(&judge, &l), within_cap(&l, n))
            })
            .collect()
    };
    // Each shuffle on its own thread; combined in shuffle order all the same.
    let found: Vec<Vec<(usize, f32, bool)>> = std::thread::scope(|s| {
        let one = &one;
        let handles: Vec<_> = (0..SHUFFLES).map(|k| s.spawn(move || one(k))).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut best = 0.0f32;
    let mut sums: BTreeMap<usize, (f32, f32)> = BTreeMap::new();
    for shuffle in &found {
        let top = shuffle
            .iter()
            .filter(|(_, _, capped)| *capped)
            .map(|(_, s, _)| *s)
            .fold(0.0f32, f32::max);
        best = best.max(top);
        for (k, s, _) in shuffle {
            let e = sums.entry(*k).or_default();
            e.0 += s;
            e.1 += 1.0;
        }
    }
    Chance {
        best,
        by_count: sums.into_iter().map(|(k, (s, c))| (k, s / c)).collect(),
    }
}

/// How far above chance a cut's silhouette must be to be reported as blocs: half
/// again the best silhouette of shuffled profiles, and at least 0.02 more.
fn clear_bar(chance: f32) -> f32 {
    (chance * 1.5).max(chance + 0.02)
}

/// Groups a committee's countries into blocs with the default method.
pub fn blocs(scope: &Scope, cut: Cut) -> Result<BlocsResult, SimilarityError> {
    blocs_with(scope, cut, &BlocOptions::default())
}

/// Groups a committee's countries into blocs.
pub fn blocs_with(
    scope: &Scope,
    cut: Cut,
    o: &BlocOptions,
) -> Result<BlocsResult, SimilarityError> {
    require(scope)?;
    let n = scope.docs.len();
    let cos = matrix(scope);
    // Silhouettes are judged on second-order similarity: raw cosines of papers are
    // all faintly alike, so their silhouettes hardly leave zero.
    let m = cluster::second_order(&cos);
    let base = if o.centre {
        cluster::centred(&cos, o.dims)
    } else {
        cos.clone()
    };
    let clustered = if o.second_order { &m } else { &base };
    let min = min_members(n);
    let mut chance = 0.0;
    let mut clear = true;
    let (labels, method) = match cut {
        Cut::Count(0) => {
            return Err(SimilarityError::BadCount {
                count: 0,
                most: n / min,
            })
        }
        Cut::Count(k) if k > n / min => {
            return Err(SimilarityError::BadCount {
                count: k,
                most: n / min,
            })
        }
        Cut::Count(k) => {
            // Cut finer until k groups of `min` or more exist: groups smaller than
            // that are unaligned countries, not blocs. When the method cannot give
            // exactly k, a Ward tree (whose cuts nest) is tried.
            let first = Clusterer::new(clustered, o.method, neighbours(n, o));
            let ward = Clusterer::new(clustered, Method::Ward, 0);
            let mut chosen = first.labels(k);
            'search: for c in [&first, &ward] {
                for kk in k..=n {
                    let l = c.labels(kk);
                    let found = groups(&l, min).0.len();
                    if found == k {
                        chosen = l;
                        break 'search;
                    }
                    if found > k {
                        break;
                    }
                }
            }
            let found = groups(&chosen, min).0.len();
            let how = if found == k {
                format!(
                    "{}, as asked ({} clustering)",
                    plural(k, "bloc", "blocs"),
                    o.method.name()
                )
            } else {
                format!(
                    "{} asked; {} of {min} or more countries found ({} clustering)",
                    plural(k, "bloc", "blocs"),
                    plural(found, "bloc", "blocs"),
                    o.method.name()
                )
            };
            (chosen, how)
        }
        Cut::Threshold(t) => {
            let c = Clusterer::new(&cos, Method::Average, 0);
            let Clusterer::Tree(d, _) = &c else {
                unreachable!("average linkage builds a tree")
            };
            let merges = d
                .steps()
                .iter()
                .take_while(|s| 1.0 - s.dissimilarity >= t)
                .count();
            (
                cluster::cut_tree(d, n, merges),
                format!("groups joined while their average similarity stays at or above {t:.2}"),
            )
        }
        Cut::Auto => {
            // The chance level on shuffled profiles, while the real ones are grouped.
            let (c, level) = std::thread::scope(|s| {
                let level = s.spawn(|| chance_level(scope, o));
                let c = Clusterer::new(clustered, o.method, neighbours(n, o));
                let level = level
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                (c, level)
            });
            chance = level.best;
            let bar = clear_bar(chance);
            match chosen_cut(&m, &c, &level.by_count) {
                Some((k, l, s, _)) if s >= bar => (
                    l,
                    format!(
                        "{} groups: the {} cut whose silhouette rises most above shuffled profiles cut as finely ({s:.2} here against {:.2}; gains within {SILHOUETTE_TIE} go to more groups), among 2 to {} groups{}",
                        k,
                        o.method.name(),
                        // Rounded before printing, so a level just below zero reads 0.00.
                        (level.by_count.get(&k).copied().unwrap_or(0.0) * 100.0).round() / 100.0
                            + 0.0,
                        max_groups(n),
                        if n >= LARGE_COMMITTEE {
                            format!(", no bloc above {:.0}% of the committee", MAX_SHARE * 100.0)
                        } else {
                            String::new()
                        }
                    ),
                ),
                best => {
                    clear = false;
                    let s = best.as_ref().map_or(0.0, |b| b.3);
                    (
                        vec![0; n],
                        format!(
                            "no clear blocs: the best {} cut has a silhouette of {s:.2}, not clearly above the {chance:.2} that shuffled profiles reach (needs {bar:.2})",
                            o.method.name()
                        ),
                    )
                }
            }
        }
    };
    let sil = if clear {
        cluster::silhouette(&m, &labels)
    } else {
        0.0
    };
    let (mut kept, rest) = if clear {
        groups(&labels, min)
    } else {
        (Vec::new(), Vec::new())
    };
    // Largest bloc first; ties by first member, so the order never depends on labels.
    kept.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let code = |i: usize| scope.docs[i].code.clone().unwrap_or_default();
    let mut blocs = Vec::new();
    let mut order = Vec::new();
    for g in &kept {
        let mut pairs = 0.0;
        let mut sum = 0.0;
        for (x, &i) in g.iter().enumerate() {
            for &j in &g[x + 1..] {
                sum += cos[i][j];
                pairs += 1.0;
            }
        }
        let terms = distinctive_terms(scope, g, 8);
        blocs.push(Bloc {
            committee: scope.committee.clone(),
            topic: scope.topic.clone(),
            number: blocs.len() + 1,
            label: label(&terms),
            members: g.iter().map(|&i| scope.docs[i].country.clone()).collect(),
            codes: g.iter().map(|&i| code(i)).collect(),
            cohesion: if pairs > 0.0 { sum / pairs } else { 1.0 },
            terms,
        });
        order.extend(g.iter().copied());
    }
    let unaligned: Vec<usize> = if clear { rest } else { Vec::new() };
    order.extend(unaligned.iter().copied());
    if !clear {
        order = (0..n).collect();
    }
    let closest_pairs = if clear {
        Vec::new()
    } else {
        closest(scope, &cos, 10)
    };
    let ordered_matrix = order
        .iter()
        .map(|&i| order.iter().map(|&j| cos[i][j]).collect())
        .collect();
    Ok(BlocsResult {
        committee: scope.committee.clone(),
        topic: scope.topic.clone(),
        scope: format!("{} ({})", scope.name(), scope.committee_name),
        countries: n,
        clear,
        blocs,
        unaligned: unaligned.iter().map(|&i| scope.docs[i].country.clone()).collect(),
        unaligned_codes: unaligned.iter().map(|&i| code(i)).collect(),
        closest_pairs,
        method,
        silhouette: sil,
        chance_silhouette: chance,
        explanation: format!("Countries are grouped by how alike their papers' policy vocabulary is (stemmed words and two-word phrases weighted by how few countries use them, words of regions weighing more; greetings, thanks, speaking style and each paper's own country name left out), by {} clustering of cosine similarities. A bloc has at least {min} members; countries in smaller groups are unaligned. Cohesion is the mean similarity between members, 0 to 1; the label and the distinctive words are those the bloc uses far more than the rest of the committee.", o.method.name()),
        order: order.iter().map(|&i| scope.docs[i].country.clone()).collect(),
        matrix: ordered_matrix,
        plot: None,
    })
}

/// The most alike pairs of a committee, most alike first.
fn closest(scope: &Scope, m: &[Vec<f32>], k: usize) -> Vec<Pair> {
    let n = m.len();
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            pairs.push((m[i][j], i, j));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    pairs
        .into_iter()
        .take(k)
        .map(|(s, i, j)| Pair {
            first: scope.docs[i].country.clone(),
            second: scope.docs[j].country.clone(),
            similarity: s,
        })
        .collect()
}

/// A bloc's label: its top distinctive phrases (two-word ones first), two or three.
fn label(terms: &[String]) -> String {
    let mut out: Vec<&str> = terms
        .iter()
        .filter(|t| t.contains(' '))
        .take(3)
        .map(String::as_str)
        .collect();
    for t in terms {
        if out.len() >= 2 {
            break;
        }
        if !out.contains(&t.as_str()) {
            out.push(t);
        }
    }
    out.join(" / ")
}

/// Distinctive terms of a group: mean weight inside minus mean weight outside, kept
/// only when at least half the members (and two) use the term.
fn distinctive_terms(scope: &Scope, members: &[usize], n: usize) -> Vec<String> {
    let inside = members.len() as f32;
    let outside = (scope.docs.len() - members.len()).max(1) as f32;
    let mut score: BTreeMap<u32, (f32, usize)> = BTreeMap::new();
    for &i in members {
        for (k, w) in &scope.docs[i].vector {
            let e = score.entry(*k).or_default();
            e.0 += w / inside;
            e.1 += 1;
        }
    }
    for (i, d) in scope.docs.iter().enumerate() {
        if members.contains(&i) {
            continue;
        }
        for (k, w) in &d.vector {
            if let Some(e) = score.get_mut(k) {
                e.0 -= w / outside;
            }
        }
    }
    let quorum = members.len().div_ceil(2).max(2);
    let mut ranked: Vec<(u32, f32)> = score
        .into_iter()
        .filter(|(_, (s, c))| *s > 0.0 && *c >= quorum)
        .map(|(k, (s, _))| (k, s))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    pick_labels(scope, ranked.into_iter().map(|(k, _)| k), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_the_silhouette_cannot_tell_apart_go_to_the_finer_one() {
        // 3, 4, 5, 6 groups: 4 is best, 5 is within the tie, 6 is not.
        assert_eq!(tie_break(&[0.10, 0.173, 0.170, 0.15]), Some((2, 0.173)));
        // A clear best stays the choice, however many groups follow it.
        assert_eq!(tie_break(&[0.30, 0.29, 0.20]), Some((0, 0.30)));
        // Ties at the top: the most groups among them.
        assert_eq!(tie_break(&[0.2, 0.2]), Some((1, 0.2)));
        assert_eq!(tie_break(&[]), None);
    }

    #[test]
    fn each_count_is_judged_against_chance_at_that_count() {
        // The 2024 General Debate's shape: 5 groups have the best silhouette, but
        // shuffled profiles cut in 5 reach more than cut in 7, so 7 rise most.
        let cuts = [(5, 0.182), (6, 0.171), (7, 0.170), (8, 0.120)];
        let chance: BTreeMap<usize, f32> =
            [(5, 0.030), (6, 0.000), (7, -0.010), (8, -0.010)].into();
        let g = gains(&cuts, &chance);
        assert_eq!(tie_break(&g).map(|(at, _)| cuts[at].0), Some(7));
        // Silhouettes alone would keep 5.
        let s: Vec<f32> = cuts.iter().map(|c| c.1).collect();
        assert_eq!(tie_break(&s).map(|(at, _)| cuts[at].0), Some(5));
        // A count with no chance level is judged against zero.
        assert_eq!(gains(&[(3, 0.2)], &BTreeMap::new()), vec![0.2]);
    }
}
