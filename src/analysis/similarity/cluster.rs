//! Clustering a similarity matrix: average-linkage and Ward trees (kodama), spectral
//! clustering (normalised affinity, subspace iteration, k-means), the silhouette of
//! a labelling, and how well a labelling agrees with another (ARI, AMI).

// Symmetric matrices read clearest as m[i][j] over index ranges.
#![allow(clippy::needless_range_loop)]

use serde::Serialize;

/// How countries are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Average linkage on cosine distance.
    Average,
    /// Ward linkage on the Euclidean distance of unit vectors.
    Ward,
    /// Spectral clustering of the nearest-neighbour similarity graph.
    Spectral,
    /// Consensus of spectral clusterings over several graph sizes and group counts:
    /// how often two countries land together, grouped by average linkage. Steadier
    /// than any one spectral run, whose answer swings with the graph and the count.
    Consensus,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Average => "average-linkage",
            Method::Ward => "Ward",
            Method::Spectral => "spectral",
            Method::Consensus => "consensus spectral",
        }
    }
}

/// A clustering that can be cut into any number of groups.
pub enum Clusterer {
    Tree(kodama::Dendrogram<f64>, usize),
    Spectral(Spectral),
}

impl Clusterer {
    /// Prepares `method` over a similarity matrix (1 on the diagonal).
    pub fn new(m: &[Vec<f32>], method: Method, neighbours: usize) -> Clusterer {
        let n = m.len();
        match method {
            Method::Average | Method::Ward => {
                let mut condensed = Vec::with_capacity(n * n.saturating_sub(1) / 2);
                for (i, row) in m.iter().enumerate() {
                    for s in &row[i + 1..] {
                        let d = 1.0 - f64::from(*s);
                        condensed.push(if method == Method::Ward {
                            (2.0 * d).max(0.0).sqrt()
                        } else {
                            d
                        });
                    }
                }
                let k = if method == Method::Ward {
                    kodama::Method::Ward
                } else {
                    kodama::Method::Average
                };
                Clusterer::Tree(kodama::linkage(&mut condensed, n, k), n)
            }
            Method::Spectral => Clusterer::Spectral(Spectral::new(m, neighbours, SPECTRAL_MAX)),
            Method::Consensus => {
                let together = co_association(m);
                Clusterer::new(&together, Method::Average, 0)
            }
        }
    }

    /// Labels 0.. for `k` groups.
    pub fn labels(&self, k: usize) -> Vec<usize> {
        match self {
            Clusterer::Tree(d, n) => cut_tree(d, *n, n.saturating_sub(k.max(1))),
            Clusterer::Spectral(s) => s.labels(k),
        }
    }
}

/// Graph sizes and group counts the consensus runs over.
const CONSENSUS_NEIGHBOURS: [usize; 4] = [5, 8, 14, 25];
const CONSENSUS_GROUPS: std::ops::RangeInclusive<usize> = 3..=8;

/// The share of spectral runs in which each pair of countries lands together.
fn co_association(m: &[Vec<f32>]) -> Vec<Vec<f32>> {
    let n = m.len();
    let mut together = vec![vec![0.0f32; n]; n];
    let mut runs = 0.0f32;
    for nb in CONSENSUS_NEIGHBOURS {
        if nb >= n {
            continue;
        }
        // No cut below uses more directions than groups. Under Gram-Schmidt the
        // leading columns do not depend on those after them, so they come out the
        // same round for round; only the convergence test, taken over fewer
        // columns, may end sooner once these have settled.
        let s = Spectral::new(m, nb, *CONSENSUS_GROUPS.end());
        for k in CONSENSUS_GROUPS {
            if k >= n {
                continue;
            }
            let l = s.labels(k);
            for i in 0..n {
                for j in i + 1..n {
                    if l[i] == l[j] {
                        together[i][j] += 1.0;
                    }
                }
            }
            runs += 1.0;
        }
    }
    if runs == 0.0 {
        return m.to_vec();
    }
    for i in 0..n {
        together[i][i] = 1.0;
        for j in i + 1..n {
            together[i][j] /= runs;
            together[j][i] = together[i][j];
        }
    }
    together
}

/// Labels after applying the first `merges` steps of the dendrogram, numbered in
/// order of first appearance.
pub fn cut_tree(d: &kodama::Dendrogram<f64>, n: usize, merges: usize) -> Vec<usize> {
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
    renumber(&roots)
}

/// Renumbers labels 0.. in order of first appearance.
pub fn renumber(labels: &[usize]) -> Vec<usize> {
    let mut seen: Vec<(usize, usize)> = Vec::new();
    labels
        .iter()
        .map(|l| match seen.iter().find(|(x, _)| x == l) {
            Some((_, id)) => *id,
            None => {
                let id = seen.len();
                seen.push((*l, id));
                id
            }
        })
        .collect()
}

/// Spectral embedding of the countries, ready to be cut into k groups.
pub struct Spectral {
    /// Eigenvectors of the normalised affinity, largest eigenvalue first (n x kmax).
    vectors: Vec<Vec<f64>>,
}

/// Largest number of groups spectral clustering prepares for.
const SPECTRAL_MAX: usize = 16;

impl Spectral {
    /// The embedding over the `most` leading eigenvectors.
    fn new(m: &[Vec<f32>], neighbours: usize, most: usize) -> Spectral {
        let n = m.len();
        // Affinity: each country linked to its nearest neighbours (either way), by
        // their similarity. Nearest neighbours keep small blocs from drowning in
        // the many faint links every pair of papers has.
        let k = neighbours.clamp(1, n.saturating_sub(1).max(1));
        let mut w = vec![vec![0.0f64; n]; n];
        for i in 0..n {
            let mut order: Vec<usize> = (0..n).filter(|&j| j != i).collect();
            order.sort_by(|&a, &b| m[i][b].total_cmp(&m[i][a]).then(a.cmp(&b)));
            for &j in order.iter().take(k) {
                let s = f64::from(m[i][j]).max(1e-6);
                w[i][j] = s;
                w[j][i] = s;
            }
        }
        let d: Vec<f64> = w
            .iter()
            .map(|r| r.iter().sum::<f64>().max(1e-12).sqrt())
            .collect();
        // M = I + D^-1/2 W D^-1/2: same eigenvectors, eigenvalues shifted to [0, 2]
        // so that the ones wanted are the largest in magnitude.
        let mut a = vec![vec![0.0f64; n]; n];
        for i in 0..n {
            for j in 0..n {
                a[i][j] = w[i][j] / (d[i] * d[j]) + if i == j { 1.0 } else { 0.0 };
            }
        }
        let cols = most.min(n);
        Spectral {
            vectors: top_eigenvectors(&a, cols),
        }
    }

    fn labels(&self, k: usize) -> Vec<usize> {
        let n = self.vectors.len();
        let k = k.clamp(1, n.max(1));
        if k <= 1 || n == 0 {
            return vec![0; n];
        }
        let dims = k.min(self.vectors.first().map_or(0, Vec::len));
        let points: Vec<Vec<f64>> = self
            .vectors
            .iter()
            .map(|r| {
                let mut p = r[..dims].to_vec();
                let norm = p.iter().map(|x| x * x).sum::<f64>().sqrt();
                if norm > 0.0 {
                    p.iter_mut().for_each(|x| *x /= norm);
                }
                p
            })
            .collect();
        renumber(&kmeans(&points, k))
    }
}

/// The `cols` leading eigenvectors of a symmetric positive semi-definite matrix,
/// by orthogonal (subspace) iteration from a fixed start.
fn top_eigenvectors(a: &[Vec<f64>], cols: usize) -> Vec<Vec<f64>> {
    let n = a.len();
    let mut rng = Lcg(0x9e37_79b9_7f4a_7c15);
    let mut q: Vec<Vec<f64>> = (0..cols)
        .map(|_| (0..n).map(|_| rng.next_f64() - 0.5).collect())
        .collect();
    orthonormalise(&mut q);
    // The affinity graphs link each country to a few neighbours: multiply by the
    // non-zero entries only, in column order, which sums exactly as the dense
    // product does (adding a zero term changes no float).
    let rows: Vec<Vec<(usize, f64)>> = a
        .iter()
        .map(|r| {
            r.iter()
                .enumerate()
                .filter(|(_, x)| **x != 0.0)
                .map(|(j, x)| (j, *x))
                .collect()
        })
        .collect();
    let mut next = vec![vec![0.0; n]; cols];
    for _ in 0..200 {
        for (c, col) in q.iter().enumerate() {
            for (i, row) in rows.iter().enumerate() {
                next[c][i] = row.iter().map(|(j, x)| x * col[*j]).sum();
            }
        }
        orthonormalise(&mut next);
        let change: f64 = q
            .iter()
            .zip(&next)
            .map(|(x, y)| 1.0 - x.iter().zip(y).map(|(a, b)| a * b).sum::<f64>().abs())
            .fold(0.0, f64::max);
        std::mem::swap(&mut q, &mut next);
        if change < 1e-10 {
            break;
        }
    }
    // Rows: one per country.
    (0..n)
        .map(|i| q.iter().map(|col| col[i]).collect())
        .collect()
}

/// Modified Gram-Schmidt on columns.
fn orthonormalise(q: &mut [Vec<f64>]) {
    for c in 0..q.len() {
        let (done, rest) = q.split_at_mut(c);
        let v = &mut rest[0];
        for u in done.iter() {
            let dot: f64 = u.iter().zip(v.iter()).map(|(a, b)| a * b).sum();
            v.iter_mut().zip(u).for_each(|(x, y)| *x -= dot * y);
        }
        let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 1e-300 {
            v.iter_mut().for_each(|x| *x /= norm);
        }
    }
}

/// A small fixed-seed generator: the same start, so the same answer, every run.
struct Lcg(u64);

impl Lcg {
    fn next_f64(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// k-means with k-means++ starts from fixed seeds; the best of a few restarts.
fn kmeans(points: &[Vec<f64>], k: usize) -> Vec<usize> {
    let n = points.len();
    let dist = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum::<f64>();
    let mut best: Option<(f64, Vec<usize>)> = None;
    for restart in 0..8u64 {
        let mut rng = Lcg(0x2545_f491_4f6c_dd1d ^ restart.wrapping_mul(0x9e37_79b9));
        let mut centres: Vec<Vec<f64>> =
            vec![points[(rng.next_f64() * n as f64) as usize % n].clone()];
        while centres.len() < k {
            let d: Vec<f64> = points
                .iter()
                .map(|p| {
                    centres
                        .iter()
                        .map(|c| dist(p, c))
                        .fold(f64::INFINITY, f64::min)
                })
                .collect();
            let total: f64 = d.iter().sum();
            if total <= 0.0 {
                break;
            }
            let mut target = rng.next_f64() * total;
            let mut pick = n - 1;
            for (i, x) in d.iter().enumerate() {
                if target < *x {
                    pick = i;
                    break;
                }
                target -= x;
            }
            centres.push(points[pick].clone());
        }
        let mut labels = vec![0usize; n];
        for _ in 0..100 {
            let mut changed = false;
            for (i, p) in points.iter().enumerate() {
                let mut bl = 0;
                let mut bd = f64::INFINITY;
                for (c, centre) in centres.iter().enumerate() {
                    let d = dist(p, centre);
                    if d < bd {
                        bd = d;
                        bl = c;
                    }
                }
                if labels[i] != bl {
                    labels[i] = bl;
                    changed = true;
                }
            }
            // Each centre moves to its members' mean, summed in point order (as a
            // sum per centre over its members would); empty groups stay put.
            let dims = points.first().map_or(0, Vec::len);
            let mut sums = vec![vec![-0.0f64; dims]; centres.len()];
            let mut sizes = vec![0usize; centres.len()];
            for (p, l) in points.iter().zip(&labels) {
                sizes[*l] += 1;
                sums[*l].iter_mut().zip(p).for_each(|(s, x)| *s += x);
            }
            for ((centre, sum), size) in centres.iter_mut().zip(sums).zip(sizes) {
                if size > 0 {
                    for (v, s) in centre.iter_mut().zip(sum) {
                        *v = s / size as f64;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let inertia: f64 = points
            .iter()
            .zip(&labels)
            .map(|(p, l)| dist(p, &centres[*l]))
            .sum();
        if best.as_ref().is_none_or(|(b, _)| inertia < *b - 1e-12) {
            best = Some((inertia, labels));
        }
    }
    best.map(|(_, l)| l).unwrap_or_else(|| vec![0; n])
}

/// Mean silhouette of a labelling, with distance 1 - similarity; countries alone
/// in their group score 0. -1 when there are fewer than 2 groups.
pub fn silhouette(m: &[Vec<f32>], labels: &[usize]) -> f32 {
    let n = labels.len();
    let k = labels.iter().max().map_or(0, |x| x + 1);
    if k < 2 || k >= n {
        return -1.0;
    }
    let mut total = 0.0f64;
    let mut sums = vec![(0.0f64, 0usize); k];
    for i in 0..n {
        sums.iter_mut().for_each(|s| *s = (0.0, 0));
        for j in 0..n {
            if i != j {
                sums[labels[j]].0 += 1.0 - f64::from(m[i][j]);
                sums[labels[j]].1 += 1;
            }
        }
        let own = sums[labels[i]];
        if own.1 == 0 {
            continue;
        }
        let a = own.0 / own.1 as f64;
        let b = (0..k)
            .filter(|&c| c != labels[i] && sums[c].1 > 0)
            .map(|c| sums[c].0 / sums[c].1 as f64)
            .fold(f64::INFINITY, f64::min);
        if a.max(b) > 0.0 && b.is_finite() {
            total += (b - a) / a.max(b);
        }
    }
    (total / n as f64) as f32
}

/// Similarity relative to the committee's average paper: the cosine of the profiles
/// after the mean profile is taken out of each (computed from the cosine matrix,
/// which is their Gram matrix), optionally kept to the `dims` strongest directions
/// (latent semantic analysis, which smooths over synonyms and incidental words).
/// Every General Debate statement resembles the average one; taking it out leaves
/// what sets a country apart.
pub fn centred(m: &[Vec<f32>], dims: usize) -> Vec<Vec<f32>> {
    let n = m.len();
    if n < 3 {
        return m.to_vec();
    }
    let nf = n as f64;
    let row: Vec<f64> = m
        .iter()
        .map(|r| r.iter().map(|x| f64::from(*x)).sum::<f64>() / nf)
        .collect();
    let all = row.iter().sum::<f64>() / nf;
    let mut k = vec![vec![0.0f64; n]; n];
    for i in 0..n {
        for j in 0..n {
            k[i][j] = f64::from(m[i][j]) - row[i] - row[j] + all;
        }
    }
    if dims > 0 && dims < n {
        // K = U L U^T; keep the leading dims: K_d = U_d L_d U_d^T.
        let shift = k
            .iter()
            .map(|r| r.iter().map(|x| x.abs()).sum::<f64>())
            .fold(0.0, f64::max);
        let mut shifted = k.clone();
        for (i, r) in shifted.iter_mut().enumerate() {
            r[i] += shift;
        }
        let u = top_eigenvectors(&shifted, dims);
        let lambda: Vec<f64> = (0..dims)
            .map(|d| {
                let mut s = 0.0;
                for i in 0..n {
                    let ki: f64 = (0..n).map(|j| k[i][j] * u[j][d]).sum();
                    s += u[i][d] * ki;
                }
                s.max(0.0)
            })
            .collect();
        for i in 0..n {
            for j in 0..n {
                k[i][j] = (0..dims).map(|d| lambda[d] * u[i][d] * u[j][d]).sum();
            }
        }
    }
    let norm: Vec<f64> = (0..n).map(|i| k[i][i].max(1e-12).sqrt()).collect();
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if i == j {
                        1.0
                    } else {
                        (k[i][j] / (norm[i] * norm[j])) as f32
                    }
                })
                .collect()
        })
        .collect()
}

/// Second-order similarity: the Pearson correlation of two countries' similarities
/// to everyone else (the pair itself left out). Two papers that share few words with
/// each other but agree with the same third parties come out alike; the contrast is
/// far higher than that of raw cosines, where every pair of papers is faintly alike.
/// The diagonal is 1.
pub fn second_order(m: &[Vec<f32>]) -> Vec<Vec<f32>> {
    let n = m.len();
    let mut out = vec![vec![1.0f32; n]; n];
    // Row sums and sums of squares, so each pair needs one pass for the cross term.
    let sum: Vec<f64> = m
        .iter()
        .map(|r| r.iter().map(|x| f64::from(*x)).sum())
        .collect();
    let sq: Vec<f64> = m
        .iter()
        .map(|r| r.iter().map(|x| f64::from(*x) * f64::from(*x)).sum())
        .collect();
    for i in 0..n {
        for j in i + 1..n {
            let (mi, mj) = (&m[i], &m[j]);
            let cross: f64 = mi
                .iter()
                .zip(mj)
                .map(|(a, b)| f64::from(*a) * f64::from(*b))
                .sum();
            // Leave out columns i and j.
            let (a_i, a_j) = (f64::from(mi[i]), f64::from(mi[j]));
            let (b_i, b_j) = (f64::from(mj[i]), f64::from(mj[j]));
            let k = (n - 2) as f64;
            if k < 2.0 {
                continue;
            }
            let sa = sum[i] - a_i - a_j;
            let sb = sum[j] - b_i - b_j;
            let qa = sq[i] - a_i * a_i - a_j * a_j;
            let qb = sq[j] - b_i * b_i - b_j * b_j;
            let c = cross - a_i * b_i - a_j * b_j;
            let cov = c - sa * sb / k;
            let (va, vb) = (qa - sa * sa / k, qb - sb * sb / k);
            let r = if va > 1e-12 && vb > 1e-12 {
                (cov / (va.sqrt() * vb.sqrt())) as f32
            } else {
                0.0
            };
            out[i][j] = r;
            out[j][i] = r;
        }
    }
    out
}

/// Contingency counts of two labellings.
fn table(a: &[usize], b: &[usize]) -> (Vec<Vec<f64>>, Vec<f64>, Vec<f64>) {
    let ka = a.iter().max().map_or(0, |x| x + 1);
    let kb = b.iter().max().map_or(0, |x| x + 1);
    let mut t = vec![vec![0.0; kb]; ka];
    for (x, y) in a.iter().zip(b) {
        t[*x][*y] += 1.0;
    }
    let ra = t.iter().map(|r| r.iter().sum()).collect();
    let rb = (0..kb).map(|j| t.iter().map(|r| r[j]).sum()).collect();
    (t, ra, rb)
}

/// Adjusted Rand index of two labellings of the same items (1 = identical, about 0
/// = chance).
pub fn adjusted_rand(a: &[usize], b: &[usize]) -> f64 {
    let (a, b) = (renumber(a), renumber(b));
    let n = a.len() as f64;
    let c2 = |x: f64| x * (x - 1.0) / 2.0;
    let (t, ra, rb) = table(&a, &b);
    let index: f64 = t.iter().flatten().map(|v| c2(*v)).sum();
    let sa: f64 = ra.iter().map(|v| c2(*v)).sum();
    let sb: f64 = rb.iter().map(|v| c2(*v)).sum();
    let expected = sa * sb / c2(n);
    let max = (sa + sb) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

fn ln_factorial(n: usize) -> f64 {
    (2..=n).map(|i| (i as f64).ln()).sum()
}

/// Adjusted mutual information (arithmetic-mean normalisation, as scikit-learn's
/// default): 1 = identical, about 0 = chance.
pub fn adjusted_mutual_info(a: &[usize], b: &[usize]) -> f64 {
    let (a, b) = (renumber(a), renumber(b));
    let n = a.len();
    let nf = n as f64;
    let (t, ra, rb) = table(&a, &b);
    let entropy = |r: &[f64]| -> f64 {
        r.iter()
            .filter(|x| **x > 0.0)
            .map(|x| -(x / nf) * (x / nf).ln())
            .sum()
    };
    let (ha, hb) = (entropy(&ra), entropy(&rb));
    let mut mi = 0.0;
    for (i, row) in t.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            if *v > 0.0 {
                mi += v / nf * ((nf * v) / (ra[i] * rb[j])).ln();
            }
        }
    }
    // Expected mutual information under the hypergeometric model.
    let lf: Vec<f64> = (0..=n).map(ln_factorial).collect();
    let mut emi = 0.0;
    for &x in &ra {
        for &y in &rb {
            let (x, y) = (x as usize, y as usize);
            let lo = (x + y).saturating_sub(n).max(1);
            for nij in lo..=x.min(y) {
                let v = nij as f64;
                let term = v / nf * ((nf * v) / (x as f64 * y as f64)).ln();
                let log_p = lf[x] + lf[y] + lf[n - x] + lf[n - y]
                    - lf[n]
                    - lf[nij]
                    - lf[x - nij]
                    - lf[y - nij]
                    - lf[n - x - y + nij];
                emi += term * log_p.exp();
            }
        }
    }
    let denom = (ha + hb) / 2.0 - emi;
    if denom.abs() < 1e-12 {
        return if (mi - emi).abs() < 1e-12 { 1.0 } else { 0.0 };
    }
    (mi - emi) / denom
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_scores_are_one_for_the_same_partition_and_near_zero_for_noise() {
        let a = [0, 0, 0, 1, 1, 1, 2, 2, 2];
        let b = [5, 5, 5, 7, 7, 7, 1, 1, 1];
        assert!((adjusted_rand(&a, &b) - 1.0).abs() < 1e-9);
        assert!((adjusted_mutual_info(&a, &b) - 1.0).abs() < 1e-9);
        let c = [0, 1, 2, 0, 1, 2, 0, 1, 2];
        assert!(adjusted_rand(&a, &c) < 0.0);
        assert!(adjusted_mutual_info(&a, &c) < 0.0);
    }

    fn two_camps() -> Vec<Vec<f32>> {
        let n = 8;
        (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        if i == j {
                            1.0
                        } else if (i < 4) == (j < 4) {
                            0.6 + 0.01 * ((i + j) % 3) as f32
                        } else {
                            0.05
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_method_finds_two_clear_camps() {
        let m = two_camps();
        for method in [Method::Average, Method::Ward, Method::Spectral] {
            let l = Clusterer::new(&m, method, 3).labels(2);
            assert_eq!(l, vec![0, 0, 0, 0, 1, 1, 1, 1], "{method:?}");
            assert!(silhouette(&m, &l) > 0.5);
        }
    }
}
