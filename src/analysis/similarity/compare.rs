//! `compare A B`: how alike two countries are in one committee, the policy words
//! both stress and those only one uses, and the passages where they agree and differ.

use super::allies::{only_ranked, passage_pair, shared_ranked, PassagePair};
use super::profile::{cosine, CountryDoc, Scope, ShownPassage, Vector};
use super::{pick_labels, SimilarityError};
use crate::analysis::issue::StanceDifference;
use serde::Serialize;

/// `compare A B`.
#[derive(Debug, Clone, Serialize)]
pub struct CompareResult {
    pub first: String,
    pub second: String,
    pub first_code: String,
    pub second_code: String,
    pub committee: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    pub scope: String,
    pub similarity: f32,
    pub shared_terms: Vec<String>,
    pub first_only: Vec<String>,
    pub second_only: Vec<String>,
    /// The passages of each that agree most on a shared term.
    pub agree: Option<PassagePair>,
    /// A passage of each built on words the other does not use.
    pub differ: Option<(ShownPassage, ShownPassage)>,
    /// The issues where their stances differ, opposite sides first (filled in by
    /// [`crate::analysis::issue::differences`], which searches the index).
    pub stance_differences: Vec<StanceDifference>,
    /// How many issues both write about were checked for a difference.
    pub issues_checked: usize,
    pub explanation: String,
}

/// The passage of a country closest to a profile of its own words; earliest on ties.
fn best_passage(scope: &Scope, doc: &CountryDoc, profile: &Vector) -> Option<ShownPassage> {
    let mut best: Option<(f32, usize)> = None;
    for (i, p) in doc.passages.iter().enumerate() {
        let s = cosine(&scope.passage_vector(p), profile);
        if s > 0.0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, i));
        }
    }
    best.map(|(_, i)| doc.passages[i].clone())
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
    let a_only = only_ranked(a, b);
    let b_only = only_ranked(b, a);
    let profile = |v: &[(u32, f32)]| -> Vector {
        let mut p: Vector = v.iter().take(20).copied().collect();
        p.sort_unstable_by_key(|x| x.0);
        p
    };
    let differ =
        best_passage(scope, a, &profile(&a_only)).zip(best_passage(scope, b, &profile(&b_only)));
    let top = shared_ranked(scope, a, b);
    Ok(CompareResult {
        first: a.country.clone(),
        second: b.country.clone(),
        first_code: a.code.clone().unwrap_or_default(),
        second_code: b.code.clone().unwrap_or_default(),
        committee: scope.committee.clone(),
        topic: scope.topic.clone(),
        scope: scope.name(),
        similarity: cosine(&a.vector, &b.vector),
        shared_terms: pick_labels(scope, top.iter().copied(), 8),
        first_only: pick_labels(scope, a_only.iter().map(|p| p.0), 8),
        second_only: pick_labels(scope, b_only.iter().map(|p| p.0), 8),
        agree: passage_pair(scope, a, b, &top, false),
        differ,
        stance_differences: Vec::new(),
        issues_checked: 0,
        explanation: "Similarity is the cosine of the two policy-word profiles (0 to 1; greetings, speaking style and each paper's own country name left out, words of regions weighing more). Shared words weigh most in both; the 'only' words are each one's most distinctive words that the other never uses. Agree: the pair of passages that agree most on a shared word.".to_owned(),
    })
}
