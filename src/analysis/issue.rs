//! Stances on one issue, country against country: `compare A B --on QUERY` (the two
//! side by side with a verdict) and `allies COUNTRY --on QUERY` (who takes the same
//! stance, or with `--opponents` the opposite one). Built on `who`'s answer, so the
//! stances and evidence are the ones `who` shows.

use super::stance::Stance;
use super::{ReadAs, WhoResult, WhoRow};
use serde::Serialize;

/// How two countries' stances on an issue relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Agree,
    Disagree,
    /// Both address it, but one or both take no clear side (or a mixed one).
    Unclear,
    OnlyFirst,
    OnlySecond,
    Neither,
}

/// The answer to `compare A B --on QUERY`.
#[derive(Debug, Clone, Serialize)]
pub struct CompareOn {
    pub query: String,
    pub read_as: ReadAs,
    pub first: String,
    pub second: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_row: Option<WhoRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second_row: Option<WhoRow>,
    pub verdict: Verdict,
    /// The verdict in one line, for people.
    pub summary: String,
}

fn described(name: &str, row: Option<&WhoRow>) -> String {
    match row.map(|r| r.stance) {
        None => format!("{name} does not address it"),
        Some(Stance::Support) => format!("{name} supports it"),
        Some(Stance::Oppose) => format!("{name} opposes it"),
        Some(Stance::Mixed) => format!("{name} is mixed on it"),
        Some(Stance::Mention) => format!("{name} only mentions it"),
    }
}

/// Compares two countries' stances from a `who` answer over every country.
pub fn compare_on(who: WhoResult, first: &str, second: &str) -> CompareOn {
    let take = |name: &str| who.countries.iter().find(|r| r.country == name).cloned();
    let (a, b) = (take(first), take(second));
    let verdict = match (a.as_ref().map(|r| r.stance), b.as_ref().map(|r| r.stance)) {
        (None, None) => Verdict::Neither,
        (Some(_), None) => Verdict::OnlyFirst,
        (None, Some(_)) => Verdict::OnlySecond,
        (Some(x), Some(y)) if x == y && matches!(x, Stance::Support | Stance::Oppose) => {
            Verdict::Agree
        }
        (Some(Stance::Support), Some(Stance::Oppose))
        | (Some(Stance::Oppose), Some(Stance::Support)) => Verdict::Disagree,
        _ => Verdict::Unclear,
    };
    let head = match verdict {
        Verdict::Agree => "They agree",
        Verdict::Disagree => "They disagree",
        Verdict::Unclear => "No clear agreement",
        Verdict::OnlyFirst => "Only one addresses it",
        Verdict::OnlySecond => "Only one addresses it",
        Verdict::Neither => "Neither addresses it",
    };
    let summary = format!(
        "{head}: {}; {}.",
        described(first, a.as_ref()),
        described(second, b.as_ref())
    );
    CompareOn {
        query: who.query,
        read_as: who.read_as,
        first: first.to_owned(),
        second: second.to_owned(),
        first_row: a,
        second_row: b,
        verdict,
        summary,
    }
}

/// The answer to `allies COUNTRY --on QUERY`.
#[derive(Debug, Clone, Serialize)]
pub struct AlliesOn {
    pub query: String,
    pub read_as: ReadAs,
    pub country: String,
    /// The country's own row (None when its papers do not address it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own: Option<WhoRow>,
    /// `ally` (same stance) or `opponent` (the opposite one).
    pub relation: &'static str,
    /// The stance the listed countries take.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// How many countries take that stance (the list may be cut at `-n`).
    pub total: usize,
    pub countries: Vec<WhoRow>,
    /// Why nothing could be listed, when nothing was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Countries that take the same stance as `country` on the issue, or the opposite.
pub fn allies_on(who: WhoResult, country: &str, opponents: bool, limit: usize) -> AlliesOn {
    let own = who.countries.iter().find(|r| r.country == country).cloned();
    let relation = if opponents { "opponent" } else { "ally" };
    let own_stance = own.as_ref().map(|r| r.stance);
    let wanted = match (own_stance, opponents) {
        (Some(Stance::Support), false) | (Some(Stance::Oppose), true) => Some(Stance::Support),
        (Some(Stance::Oppose), false) | (Some(Stance::Support), true) => Some(Stance::Oppose),
        _ => None,
    };
    let note = match own_stance {
        None => Some(format!("{country}'s papers do not address {:?}", who.query)),
        Some(Stance::Mention) => Some(format!(
            "{country} only mentions it, taking no side, so no country shares or opposes its stance"
        )),
        Some(Stance::Mixed) => Some(format!(
            "{country} is mixed on it; see `caucus who` for every country's stance"
        )),
        _ => None,
    };
    let mut countries: Vec<WhoRow> = match wanted {
        Some(s) => who
            .countries
            .iter()
            .filter(|r| r.stance == s && r.country != country)
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    let total = countries.len();
    countries.truncate(limit);
    for (i, row) in countries.iter_mut().enumerate() {
        row.rank = i + 1;
    }
    AlliesOn {
        query: who.query,
        read_as: who.read_as,
        country: country.to_owned(),
        own,
        relation,
        stance: wanted,
        total,
        countries,
        note,
    }
}
