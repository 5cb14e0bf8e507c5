//! Stances on one issue, country against country: `compare A B --on QUERY` (the two
//! side by side with a verdict) and `allies COUNTRY --on QUERY` (who takes the same
//! stance, or with `--opponents` the opposite one). Built on `who`'s answer, so the
//! stances and evidence are the ones `who` shows.

use super::stance::Stance;
use super::{ReadAs, WhoResult, WhoRow};
use crate::index::state::Catalog;
use crate::index::{IndexError, PaperIndex};
use crate::query::{self, Filters, Mode};
use serde::Serialize;
use std::collections::BTreeMap;
use tantivy::Searcher;

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

// ---------------------------------------------------------------------------------------
// Where two countries' stances differ, found without a query

/// An issue on which two countries take different sides, with the row (stance, evidence
/// and best passage) of each.
#[derive(Debug, Clone, Serialize)]
pub struct StanceDifference {
    /// The words the issue was searched as.
    pub issue: String,
    /// `disagree` (one supports, the other opposes) or `unclear` (one takes a side,
    /// the other is mixed).
    pub verdict: Verdict,
    pub summary: String,
    pub first: WhoRow,
    pub second: WhoRow,
}

/// Words that name no issue of their own, however often both papers use them: the
/// institutions everyone addresses, the verbs that carry a stance rather than its
/// object, and generic nouns of diplomatic prose.
const NOT_AN_ISSUE: &[&str] = &[
    "accept",
    "action",
    "actions",
    "address",
    "addressing",
    "also",
    "approach",
    "approaches",
    "assembly",
    "believe",
    "believes",
    "call",
    "calls",
    "committee",
    "committees",
    "community",
    "concern",
    "concerned",
    "concerns",
    "continue",
    "countries",
    "country",
    "delegation",
    "effort",
    "efforts",
    "ensure",
    "framework",
    "general",
    "global",
    "government",
    "governments",
    "important",
    "international",
    "issue",
    "issues",
    "key",
    "level",
    "levels",
    "measure",
    "measures",
    "member",
    "members",
    "nation",
    "national",
    "nations",
    "need",
    "needs",
    "new",
    "oppose",
    "opposes",
    "paper",
    "people",
    "position",
    "problem",
    "problems",
    "propose",
    "proposes",
    "recognise",
    "recognises",
    "recognize",
    "recognizes",
    "reject",
    "rejects",
    "republic",
    "resolution",
    "resolutions",
    "role",
    "secretary",
    "state",
    "states",
    "strongly",
    "support",
    "supports",
    "united",
    "urge",
    "urges",
    "welcome",
    "welcomes",
    "work",
    "world",
    "year",
    "years",
];

/// A candidate issue's counts: in how many passages of each country it occurs, and
/// how often each written form is used.
#[derive(Default)]
struct Shared {
    label: BTreeMap<String, usize>,
    first: usize,
    second: usize,
}

/// The two-word phrases of adjacent content words both countries write ("harm
/// reduction", "death penalty"), the likeliest issues first: by the passages of the
/// country that uses it less (an issue both argue), then by the total, then
/// alphabetically. Phrases are matched by their stems and named by the form written most.
/// Function words, speaking style, ceremony, nationalities, country names and
/// [`NOT_AN_ISSUE`] break a phrase. Single words are not issues: "drug" or "market"
/// alone names no position a country could take.
pub fn shared_issues(first: &[&str], second: &[&str], limit: usize) -> Vec<String> {
    use crate::index::analyzer;
    use crate::index::features::words;
    use std::collections::BTreeSet;
    let skip: BTreeSet<&str> = words::FUNCTION
        .iter()
        .chain(words::STYLE)
        .chain(words::CEREMONY)
        .chain(words::NATIONALITY)
        .chain(NOT_AN_ISSUE)
        .copied()
        .collect();
    let mut a = analyzer::analyzer();
    let mut counts: BTreeMap<String, Shared> = BTreeMap::new();
    for (side, texts) in [(0, first), (1, second)] {
        for text in texts {
            let mut seen: BTreeSet<String> = BTreeSet::new();
            let mut prev: Option<(usize, String, String)> = None;
            for t in analyzer::terms(&mut a, text) {
                let surface = text[t.from..t.to].to_lowercase();
                let content = surface.len() >= 3
                    && surface.chars().all(char::is_alphabetic)
                    && !skip.contains(surface.as_str())
                    && crate::paper::countries::lookup(&surface).is_none();
                if !content {
                    prev = None;
                    continue;
                }
                if let Some((pos, pstem, psurface)) = &prev {
                    if *pos + 1 == t.position {
                        let key = format!("{pstem} {}", t.stem);
                        let entry = counts.entry(key.clone()).or_default();
                        *entry
                            .label
                            .entry(format!("{psurface} {surface}"))
                            .or_default() += 1;
                        if seen.insert(key) {
                            if side == 0 {
                                entry.first += 1;
                            } else {
                                entry.second += 1;
                            }
                        }
                    }
                }
                prev = Some((t.position, t.stem, surface));
            }
        }
    }
    let mut ranked: Vec<(usize, usize, &String, &Shared)> = counts
        .iter()
        .filter(|(_, s)| s.first > 0 && s.second > 0)
        .map(|(k, s)| (s.first.min(s.second), s.first + s.second, k, s))
        .collect();
    ranked.sort_by(|x, y| (y.0, y.1).cmp(&(x.0, x.1)).then(x.2.cmp(y.2)));
    ranked
        .into_iter()
        .take(limit)
        .map(|(_, _, key, s)| {
            // The form written most often; the first alphabetically on a tie.
            s.label
                .iter()
                .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)))
                .map_or_else(|| key.clone(), |(l, _)| l.clone())
        })
        .collect()
}

/// Of `who` answers on candidate issues (each over the two countries only), the issues
/// where the two take different sides: opposite sides first, then one side against a
/// mixed stance; strongest first. An issue whose two deciding sentences were already
/// shown for another is left out.
pub fn stance_differences(
    answers: Vec<(String, WhoResult)>,
    first: &str,
    second: &str,
) -> Vec<StanceDifference> {
    let mut analyzer = crate::index::analyzer::analyzer();
    let mut found: Vec<(usize, f32, usize, StanceDifference)> = Vec::new();
    for (order, (issue, who)) in answers.into_iter().enumerate() {
        let c = compare_on(who, first, second);
        let (Some(a), Some(b)) = (c.first_row, c.second_row) else {
            continue;
        };
        let rank = match (c.verdict, a.stance, b.stance) {
            (Verdict::Disagree, _, _) => 0,
            (Verdict::Unclear, Stance::Mixed, Stance::Support | Stance::Oppose)
            | (Verdict::Unclear, Stance::Support | Stance::Oppose, Stance::Mixed) => 1,
            _ => continue,
        };
        // Each side's deciding sentence must name the issue: a stance read from
        // another sentence of the passage is about something else.
        if !names(&issue, &a, &mut analyzer) || !names(&issue, &b, &mut analyzer) {
            continue;
        }
        let key = |r: &WhoRow| {
            r.evidence
                .as_ref()
                .map(|e| (e.location.clone(), e.sentence.clone()))
        };
        if found
            .iter()
            .any(|(_, _, _, d)| key(&d.first) == key(&a) && key(&d.second) == key(&b))
        {
            continue;
        }
        let strength = a.stance_strength + b.stance_strength;
        found.push((
            rank,
            strength,
            order,
            StanceDifference {
                issue,
                verdict: c.verdict,
                summary: c.summary,
                first: a,
                second: b,
            },
        ));
    }
    found.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)).then(x.2.cmp(&y.2)));
    found.into_iter().map(|(_, _, _, d)| d).collect()
}

/// Whether the sentence that decided `row`'s stance holds every word of `issue`.
fn names(issue: &str, row: &WhoRow, analyzer: &mut tantivy::tokenizer::TextAnalyzer) -> bool {
    use crate::index::analyzer::terms;
    let Some(e) = &row.evidence else {
        return false;
    };
    let sentence: Vec<String> = terms(analyzer, &e.sentence)
        .into_iter()
        .map(|t| t.stem)
        .collect();
    terms(analyzer, issue)
        .iter()
        .all(|t| sentence.contains(&t.stem))
}

/// How many candidate issues `compare` checks for a difference in stance.
pub const ISSUES_CHECKED: usize = 30;

/// The issues where `first` and `second` take different stances in one committee (and
/// topic): the phrases both write about ([`shared_issues`] of their passage
/// texts), each read by `who` over the two countries, kept by [`stance_differences`].
/// Returns the differences and how many issues were checked.
#[allow(clippy::too_many_arguments)]
pub fn differences(
    index: &PaperIndex,
    searcher: &Searcher,
    catalog: &Catalog,
    committee: &str,
    topic: Option<&str>,
    (first, first_texts): (&str, &[&str]),
    (second, second_texts): (&str, &[&str]),
) -> Result<(Vec<StanceDifference>, usize), IndexError> {
    let issues = shared_issues(first_texts, second_texts, ISSUES_CHECKED);
    let filters = Filters {
        countries: vec![first.to_owned(), second.to_owned()],
        committees: vec![committee.to_owned()],
        topics: topic.map(str::to_owned).into_iter().collect(),
        sections: Vec::new(),
    };
    let mut answers = Vec::new();
    for issue in &issues {
        // Searched as a phrase, so a stance is read from the sentences that name the
        // issue, not from one of its words alone ("peace is needed" is no stance on
        // a peace formula). A candidate the question reader takes for something else
        // (a filter, a stance asked for) is not searched as written: skip it.
        let phrase = format!("\"{issue}\"");
        let Ok(c) = query::read(&phrase, &filters, &index.fields, catalog, Mode::AllWords) else {
            continue;
        };
        if !c.implied.is_empty() || c.stance.is_some() {
            continue;
        }
        let who = super::who(index, searcher, issue, &c, false, None, None)?;
        answers.push((issue.clone(), who));
    }
    Ok((stance_differences(answers, first, second), issues.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_issues_are_phrases_both_write() {
        let first = [
            "We support harm reduction services and the abolition of the death penalty.",
            "Harm reduction saves lives; the death penalty does not deter.",
        ];
        let second = [
            "We reject harm reduction as a slogan.",
            "The death penalty is a sovereign matter. Harm reductions are a cover.",
            "Border controls matter most.",
        ];
        let issues = shared_issues(&first, &second, 10);
        // Harm reduction is in two passages of each ("harm reductions" has the same
        // stems, and is named by the form used most); the death penalty in one of the
        // second's, so it comes after.
        assert_eq!(issues, vec!["harm reduction", "death penalty"]);
        // A phrase only one side writes is no shared issue; single words never are.
        let issues = shared_issues(&first, &["Border controls and services."], 10);
        assert!(issues.is_empty(), "{issues:?}");
    }

    #[test]
    fn shared_issues_skip_names_ceremony_and_stance_words() {
        let first = ["Belgium strongly supports the United Nations and the Member States."];
        let second = ["Belgium strongly supports the United Nations and the Member States."];
        let issues = shared_issues(&first, &second, 10);
        assert!(issues.is_empty(), "{issues:?}");
        // A function word breaks a phrase: "control of precursors" gives none.
        let issues = shared_issues(&["control of precursors"], &["control of precursors"], 10);
        assert!(issues.is_empty(), "{issues:?}");
    }

    #[test]
    fn shared_issues_rank_what_both_argue_first() {
        let first = [
            "Precursor chemicals matter. Task force now.",
            "Precursor chemicals again.",
            "Task force again.",
            "Task force once more.",
        ];
        let second = [
            "Precursor chemicals here.",
            "Precursor chemicals there.",
            "A task force.",
        ];
        // Precursor chemicals: 2 passages each (min 2); task force: 3 and 1 (min 1).
        assert_eq!(
            shared_issues(&first, &second, 10),
            vec!["precursor chemicals", "task force"]
        );
        assert_eq!(
            shared_issues(&first, &second, 1),
            vec!["precursor chemicals"]
        );
    }
}
