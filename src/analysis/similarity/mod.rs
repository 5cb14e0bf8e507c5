//! Who writes like whom. `profile` turns a committee's passages into one weighted
//! vocabulary profile per country; `blocs` groups the countries, `allies` ranks a
//! country's closest (or furthest) peers, `compare` sets two side by side, and
//! `cluster` holds the clustering and agreement measures they share.

pub mod allies;
pub mod blocs;
pub mod cluster;
pub mod compare;
pub mod profile;

pub use allies::{allies, AlliesResult, Ally, PassagePair};
pub use blocs::{blocs, blocs_with, Bloc, BlocOptions, BlocsResult, Cut, Pair};
pub use cluster::Method;
pub use compare::{compare, CompareResult};
pub use profile::{build_scope, load_passages, load_scope, FeatureOptions, Scope, ShownPassage};

use crate::index::IndexError;
use crate::paper::countries;

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
    #[error("{scope} has papers from {}: blocs and allies need at least 3", plural(*.count, "country", "countries"))]
    TooFew { scope: String, count: usize },
    #[error("--count {count}: {}", if *.count == 0 { "ask for 1 bloc or more".to_owned() } else { format!("this committee's countries make at most {}", plural(*.most, "bloc", "blocs")) })]
    BadCount { count: usize, most: usize },
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

/// "1 country", "2 countries".
pub fn plural<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    format!("{n} {}", if n == N::from(1) { one } else { many })
}

pub(crate) fn require(scope: &Scope) -> Result<(), SimilarityError> {
    if scope.docs.len() < 3 {
        return Err(SimilarityError::TooFew {
            scope: scope.name(),
            count: scope.docs.len(),
        });
    }
    Ok(())
}

/// Single words that do count in a profile (papers that share them are alike) but
/// name no policy a delegate would recognise, so they are never shown as the words
/// that explain a pair or a bloc: everyday verbs, time words, vague adjectives and
/// adverbs. Phrases that hold them ("left behind", "7 october") are still shown.
const GENERIC: &[&str] = &[
    // verbs
    "start",
    "started",
    "starts",
    "stop",
    "stopped",
    "stops",
    "see",
    "saw",
    "seen",
    "ask",
    "asked",
    "asks",
    "mention",
    "mentioned",
    "arrive",
    "arrived",
    "watch",
    "watched",
    "win",
    "won",
    "tied",
    "take",
    "took",
    "taken",
    "make",
    "made",
    "makes",
    "give",
    "gave",
    "given",
    "put",
    "keep",
    "kept",
    "bring",
    "brought",
    "leave",
    "begin",
    "began",
    "begun",
    "turn",
    "turned",
    "move",
    "moved",
    "hear",
    "heard",
    "try",
    "tried",
    "open",
    "opened",
    "close",
    "closed",
    "run",
    "hold",
    "held",
    "set",
    "show",
    "showed",
    "shown",
    "use",
    "used",
    "happen",
    "happened",
    "happens",
    "wait",
    "talk",
    "talked",
    "need",
    "needs",
    "needed",
    "love",
    "loved",
    "lose",
    "lost",
    "find",
    "found",
    "become",
    "became",
    "remain",
    "remains",
    "remained",
    "continue",
    "continues",
    "continued",
    "face",
    "faced",
    "faces",
    "reach",
    "reached",
    "meet",
    "met",
    "follow",
    "followed",
    "return",
    "returned",
    "send",
    "sent",
    "live",
    "lived",
    "call",
    "called",
    "calls",
    "ensure",
    "ensuring",
    "address",
    "addressing",
    // time
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "time",
    "times",
    "moment",
    "moments",
    "decade",
    "decades",
    "century",
    "ago",
    "now",
    "soon",
    "recently",
    "yesterday",
    "tomorrow",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    // vague adjectives, adverbs and nouns
    "simple",
    "fresh",
    "wrong",
    "good",
    "bad",
    "great",
    "big",
    "new",
    "old",
    "long",
    "short",
    "high",
    "low",
    "true",
    "real",
    "whole",
    "entire",
    "own",
    "same",
    "different",
    "certain",
    "several",
    "various",
    "next",
    "last",
    "first",
    "second",
    "third",
    "early",
    "late",
    "openly",
    "equally",
    "fully",
    "directly",
    "particularly",
    "especially",
    "largely",
    "deeply",
    "way",
    "ways",
    "part",
    "parts",
    "fact",
    "facts",
    "example",
    "case",
    "cases",
    "point",
    "points",
    "number",
    "place",
    "account",
    "attempts",
    "attempt",
    "choice",
    "choices",
    "factors",
    "factor",
    "logic",
    "document",
    "documents",
    "matter",
    "matters",
    "reason",
    "reasons",
    "result",
    "results",
    "side",
    "sides",
    "step",
    "steps",
    "level",
    "levels",
    "area",
    "areas",
];

/// True for a label [`GENERIC`] keeps from being shown.
pub(crate) fn is_generic(label: &str) -> bool {
    !label.contains(' ') && GENERIC.contains(&label.to_lowercase().as_str())
}

/// Up to `n` labels for features in the order given, skipping any that repeats or
/// contains one already taken ("harm" after "harm reduction"), and the generic words
/// that explain nothing ([`GENERIC`]).
pub(crate) fn pick_labels(scope: &Scope, ids: impl Iterator<Item = u32>, n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        let label = scope.label(id);
        if label.is_empty()
            || is_generic(label)
            || out
                .iter()
                .any(|o| o.contains(label) || label.contains(o.as_str()))
        {
            continue;
        }
        out.push(label.to_owned());
        if out.len() == n {
            break;
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::search::StoredPassage;
    use crate::paper::SectionKind;

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
            lead: String::new(),
        }
    }

    fn scope_of(p: &[StoredPassage]) -> Scope {
        build_scope(
            "CND",
            "Commission on Narcotic Drugs",
            None,
            p,
            &FeatureOptions::default(),
        )
    }

    fn toy() -> Scope {
        let p = vec![
            passage("Belgium", "Thank you, Mr. President. Harm reduction services and Europol cooperation on darknet markets, with needle exchange"),
            passage("Netherlands", "harm reduction, needle exchange and Europol cooperation against darknet vendors. I think it is quite so."),
            passage("Portugal", "decriminalisation and harm reduction with needle exchange programmes"),
            passage("China", "zero tolerance, strict prohibition and internet sovereignty; we call on Belgium and the Netherlands. Thank you, Mr. President. I think it is quite so."),
            passage("Russia", "strict prohibition, zero tolerance and sovereignty over the national internet segment"),
            passage("Iran", "zero tolerance and strict prohibition with severe penalties"),
        ];
        scope_of(&p)
    }

    #[test]
    fn allies_follow_shared_policy_words_not_names_greetings_or_style() {
        let scope = toy();
        let r = allies(std::slice::from_ref(&scope), "Belgium", 5, false).unwrap();
        assert_eq!(r.allies[0].country, "Netherlands");
        let top2: Vec<&str> = r.allies[..2].iter().map(|a| a.country.as_str()).collect();
        assert!(top2.contains(&"Portugal"), "{top2:?}");
        let china = r.allies.iter().find(|a| a.country == "China").unwrap();
        assert!(china.similarity < 0.4, "{}", china.similarity);
        assert!(r.allies[0]
            .shared_terms
            .iter()
            .any(|t| t.contains("harm reduction") || t.contains("europol")));
        let pair = r.allies[0].passages.as_ref().unwrap();
        assert!(!pair.term.is_empty());
        assert_eq!(pair.first.country, "Belgium");
        assert_eq!(pair.second.country, "Netherlands");
        // Netherlands and China share only greetings and style.
        let c = compare(&scope, "Netherlands", "China").unwrap();
        assert!(c.similarity < 0.01, "{c:?}");
        for t in c
            .shared_terms
            .iter()
            .chain(&c.first_only)
            .chain(&c.second_only)
        {
            for bad in ["thank", "president", "think", "quite", "clear", "belgium"] {
                assert!(!t.contains(bad), "{t}");
            }
        }
        let opp = allies(std::slice::from_ref(&scope), "Belgium", 2, true).unwrap();
        assert!(["China", "Russia", "Iran"].contains(&opp.allies[0].country.as_str()));
    }

    #[test]
    fn a_shared_region_weighs_more_than_another_word_as_rare() {
        // Mali shares "Sahel" with Niger and "fisheries" with Chile; each word is
        // used by two countries, so only the region's weight tells them apart.
        let p = vec![
            passage("Chile", "fisheries textiles"),
            passage("Germany", "railways banking"),
            passage("Japan", "railways banking"),
            passage("Mali", "Sahel fisheries"),
            passage("Niger", "Sahel vaccines"),
            passage("Peru", "vaccines textiles"),
        ];
        let scope = scope_of(&p);
        let niger = compare(&scope, "Mali", "Niger").unwrap().similarity;
        let chile = compare(&scope, "Mali", "Chile").unwrap().similarity;
        assert!(niger > chile + 0.1, "Niger {niger}, Chile {chile}");
        let flat = FeatureOptions {
            region_weight: 1.0,
            ..FeatureOptions::default()
        };
        let scope = build_scope("CND", "CND", None, &p, &flat);
        let niger = compare(&scope, "Mali", "Niger").unwrap().similarity;
        let chile = compare(&scope, "Mali", "Chile").unwrap().similarity;
        assert!((niger - chile).abs() < 1e-6, "Niger {niger}, Chile {chile}");
    }

    #[test]
    fn generic_words_count_but_are_never_shown() {
        // Belgium and the Netherlands share two everyday words and one policy phrase
        // (min_countries is 2, so even words these two alone use carry weight).
        let p = vec![
            passage(
                "Belgium",
                "We started early and stopped the harm reduction cuts last week.",
            ),
            passage(
                "Netherlands",
                "They started late, stopped twice, and kept harm reduction funded.",
            ),
            passage(
                "China",
                "strict prohibition and zero tolerance for all narcotics",
            ),
            passage(
                "Russia",
                "strict prohibition and zero tolerance for every narcotic",
            ),
        ];
        let scope = scope_of(&p);
        let c = compare(&scope, "Belgium", "Netherlands").unwrap();
        assert!(
            c.shared_terms.iter().any(|t| t == "harm reduction"),
            "{:?}",
            c.shared_terms
        );
        let everyday = [
            "started", "stopped", "last", "week", "early", "late", "kept",
        ];
        let shown: Vec<&String> = c
            .shared_terms
            .iter()
            .chain(&c.first_only)
            .chain(&c.second_only)
            .collect();
        for t in &shown {
            assert!(!everyday.contains(&t.as_str()), "{t} shown: {shown:?}");
        }
        let r = allies(std::slice::from_ref(&scope), "Belgium", 1, false).unwrap();
        let ally = &r.allies[0];
        for t in &ally.shared_terms {
            assert!(!everyday.contains(&t.as_str()), "{t} shown");
        }
        let term = &ally.passages.as_ref().unwrap().term;
        assert!(!everyday.contains(&term.as_str()), "{term}");
        assert!(is_generic("Started") && !is_generic("harm reduction") && !is_generic("7 october"));
    }

    #[test]
    fn blocs_split_the_two_camps() {
        let r = blocs(&toy(), Cut::Auto).unwrap();
        assert!(r.clear, "{r:?}");
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
        assert!(r
            .blocs
            .iter()
            .all(|b| !b.terms.is_empty() && !b.label.is_empty()));
        assert!(r.blocs.iter().all(|b| b.committee == "CND"));
        let r = blocs(&toy(), Cut::Count(2)).unwrap();
        assert_eq!(r.blocs.len(), 2, "{r:?}");
        assert!(r.method.starts_with("2 blocs, as asked"), "{}", r.method);
        // Two camps cannot make three blocs of two: the answer says so.
        let r = blocs(&toy(), Cut::Count(3)).unwrap();
        let said = if r.blocs.len() == 3 {
            "3 blocs, as asked".to_owned()
        } else {
            format!(
                "3 blocs asked; {} of 2 or more",
                plural(r.blocs.len(), "bloc", "blocs")
            )
        };
        assert!(r.method.starts_with(&said), "{}", r.method);
        let r = blocs(&toy(), Cut::Count(1)).unwrap();
        assert!(r.method.starts_with("1 bloc, as asked"), "{}", r.method);
    }

    #[test]
    fn counts_out_of_range_are_errors() {
        assert!(matches!(
            blocs(&toy(), Cut::Count(0)),
            Err(SimilarityError::BadCount { count: 0, .. })
        ));
        let e = blocs(&toy(), Cut::Count(30)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "--count 30: this committee's countries make at most 3 blocs"
        );
    }

    /// Twelve countries writing the same kind of statement with words drawn at
    /// random: there are no blocs to find.
    #[test]
    fn no_clear_blocs_in_noise() {
        let vocab = [
            "water",
            "energy",
            "schools",
            "roads",
            "hospitals",
            "farming",
            "fisheries",
            "tourism",
            "banking",
            "mining",
            "forests",
            "rivers",
            "housing",
            "transport",
            "vaccines",
            "internet",
            "railways",
            "ports",
            "textiles",
            "software",
        ];
        let mut state = 7u64;
        let mut pick = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            vocab[(state >> 33) as usize % vocab.len()]
        };
        let names = [
            "Chile", "Peru", "Kenya", "Ghana", "Japan", "Nepal", "Spain", "Italy", "Egypt", "Oman",
            "Fiji", "Cuba",
        ];
        let p: Vec<StoredPassage> = names
            .iter()
            .map(|c| {
                let words: Vec<&str> = (0..40).map(|_| pick()).collect();
                passage(c, &words.join(" and "))
            })
            .collect();
        let r = blocs(&scope_of(&p), Cut::Auto).unwrap();
        assert!(!r.clear, "{r:?}");
        assert!(r.blocs.is_empty());
        assert!(r.method.starts_with("no clear blocs"), "{}", r.method);
        assert_eq!(r.closest_pairs.len(), 10);
    }

    #[test]
    fn too_few_countries_is_an_error() {
        let scope = scope_of(&[passage("Chile", "a b c"), passage("Peru", "a b c")]);
        let e = blocs(&scope, Cut::Auto).unwrap_err();
        assert!(matches!(e, SimilarityError::TooFew { count: 2, .. }));
        assert!(e.to_string().contains("2 countries"), "{e}");
        let one = scope_of(&[passage("Chile", "a b c")]);
        assert!(blocs(&one, Cut::Auto)
            .unwrap_err()
            .to_string()
            .contains("1 country:"));
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
