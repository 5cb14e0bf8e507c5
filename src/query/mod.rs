//! Turning what a person typed, plus the filters they gave, into a tantivy query
//! and the set of words to highlight.

mod expand;
pub mod highlight;
#[cfg(test)]
mod meanings;
pub mod parse;
pub mod places;

use crate::index::analyzer;
use crate::index::state::Catalog;
use crate::index::Fields;
use crate::paper::{committees, countries, SectionKind};
use parse::{Expr, FilterField, Parsed};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RegexQuery,
    TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term;

pub use parse::QueryError;

/// How loosely plain words side by side combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Ranked search: passages with all the words come first, then those with some.
    Ranked,
    /// Mentions: a passage counts only if it has all the words (`who`).
    AllWords,
}

/// Filters from the command line (repeatable: values of one field are alternatives).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub countries: Vec<String>,
    pub committees: Vec<String>,
    pub topics: Vec<String>,
    pub sections: Vec<String>,
}

impl Filters {
    fn push(&mut self, field: FilterField, value: String) {
        match field {
            FilterField::Country => self.countries.push(value),
            FilterField::Committee => self.committees.push(value),
            FilterField::Topic => self.topics.push(value),
            FilterField::Section => self.sections.push(value),
        }
    }
}

/// A filter value that names nothing in the index.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} {value:?} is not in the index{}", suggestion(.suggestions))]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
    pub suggestions: Vec<String>,
}

fn suggestion(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", s.join(", "))
    }
}

/// Errors turning a query into a search.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompileError {
    #[error("bad query {query:?}")]
    Syntax {
        query: String,
        #[source]
        source: QueryError,
    },
    #[error(transparent)]
    Unknown(#[from] UnknownValue),
}

/// A query ready to run, and what to highlight in its hits.
pub struct Compiled {
    pub query: Box<dyn Query>,
    /// The filters alone (for `who --missing`: the countries that could have matched).
    pub filter_query: Box<dyn Query>,
    pub highlight: highlight::Terms,
    /// How the query was read, for the user: filters implied by the question.
    pub implied: Vec<(FilterField, String)>,
    pub dropped: Vec<String>,
    /// The stance the question asked for ("which countries oppose X").
    pub stance: Option<parse::AskedStance>,
    /// Other names of what was typed that were searched too.
    pub also: Vec<String>,
    /// Places a country's word was not counted inside ("South Sudan" for "Sudan").
    pub not_inside: Vec<String>,
    /// The words and phrases of a plain query one by one, for `who`'s fallback when no
    /// passage holds them all (see [`Compiled::most_words`]).
    pub parts: Option<Parts>,
}

/// A plain query taken apart: each word or phrase (a run of words the lexicon knows
/// counts as one) with its own query, and the filters and exclusions that go with all.
pub struct Parts {
    pub items: Vec<(String, Box<dyn Query>)>,
    /// The same parts over the joined pieces of split paragraphs, in the same order
    /// (words on both sides of a cut still count together).
    context: Vec<Box<dyn Query>>,
    rest: Vec<(Occur, Box<dyn Query>)>,
}

/// The shares of a query's weight `who`'s fallback tries, tightest first: the first that
/// finds any passage answers. Each word is weighed by its rarity (BM25's idf), so the
/// rare words that carry a question count more than the common ones around them
/// ("labeling requirements" falls back on "labelling", not on "requirements"). The
/// loosest is half: less than that is not what was asked.
pub const MOST_WORDS_SHARES: [f32; 2] = [0.75, 0.5];

/// At most this many parts are combined (their subsets are enumerated).
const MOST_WORDS_PARTS: usize = 8;

/// One level of `who`'s fallback: its query, and the share of the query's weight
/// each passage it finds holds at least (1 for every word some paper uses).
pub struct Level {
    pub query: Box<dyn Query>,
    pub share: f32,
}

/// `who`'s fallback queries, tightest first, and what they leave out.
pub struct MostWords {
    pub levels: Vec<Level>,
    /// Words or phrases of the query that no passage in the index holds.
    pub unused: Vec<String>,
}

impl Compiled {
    /// When no passage holds every word: queries for the passages holding most of
    /// them, tightest first. With words no paper uses, the first asks for all the
    /// others; then each share of [`MOST_WORDS_SHARES`] of the words' weight. Each
    /// ranks by BM25 over the words a passage holds. No level when fewer than half of
    /// the words are in any paper (that answer would be about something else); None
    /// for a query that is not plain words (operators, one word, a prefix).
    pub fn most_words(
        &self,
        searcher: &tantivy::Searcher,
        fields: &Fields,
    ) -> tantivy::Result<Option<MostWords>> {
        let Some(parts) = &self.parts else {
            return Ok(None);
        };
        if parts.items.len() < 2 || parts.items.len() > MOST_WORDS_PARTS {
            return Ok(None);
        }
        let n_docs = searcher.num_docs().max(1) as f32;
        // Each part some passage holds: its query, over the joined pieces too, and idf.
        type Present<'a> = (&'a Box<dyn Query>, Option<&'a Box<dyn Query>>, f32);
        let mut present: Vec<Present> = Vec::new();
        let mut unused = Vec::new();
        for (i, (text, q)) in parts.items.iter().enumerate() {
            let df = searcher.search(q.as_ref(), &tantivy::collector::Count)? as f32;
            if df == 0.0 {
                unused.push(text.clone());
            } else {
                // BM25's idf.
                let idf = (1.0 + (n_docs - df + 0.5) / (df + 0.5)).ln();
                present.push((q, parts.context.get(i), idf));
            }
        }
        let total: f32 = present.iter().map(|(_, _, w)| w).sum();
        if present.len() < unused.len() || present.is_empty() || total <= 0.0 {
            // No level, but the words no paper uses are still worth saying.
            return Ok(Some(MostWords {
                levels: Vec::new(),
                unused,
            }));
        }
        let n = present.len();
        let every = (1u32 << n) - 1;
        let weight = |mask: u32| -> f32 {
            (0..n)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| present[i].2)
                .sum()
        };
        // Each level: every smallest set of parts holding its share, never all of the
        // query's parts (those matched nothing already).
        let mut shares: Vec<f32> = Vec::new();
        if !unused.is_empty() {
            shares.push(1.0);
        }
        shares.extend(MOST_WORDS_SHARES);
        let mut levels = Vec::new();
        for share in shares {
            let mut minimal: Vec<u32> = Vec::new();
            for mask in 1..=every {
                if unused.is_empty() && mask == every {
                    continue;
                }
                if weight(mask) >= share * total - 1e-6 && !minimal.iter().any(|m| m & mask == *m) {
                    minimal.push(mask);
                }
            }
            if minimal.is_empty() {
                continue;
            }
            // A set matches in the passage, or across the cut of a split paragraph.
            let mut sets: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for &mask in &minimal {
                let in_mask = |i: &usize| mask & (1 << i) != 0;
                let own = (0..n)
                    .filter(in_mask)
                    .map(|i| (Occur::Must, present[i].0.box_clone()))
                    .collect();
                sets.push((Occur::Should, boxed(BooleanQuery::new(own))));
                let joined: Option<Vec<_>> = (0..n)
                    .filter(in_mask)
                    .map(|i| present[i].1.map(|q| (Occur::Must, q.box_clone())))
                    .collect();
                if let Some(joined) = joined {
                    sets.push((Occur::Should, boxed(BooleanQuery::new(joined))));
                }
            }
            let sets = boxed(ConstScoreQuery::new(boxed(BooleanQuery::new(sets)), 0.0));
            let mut clauses = vec![(Occur::Must, sets)];
            // Scored by the words each passage holds, and at half weight those of its
            // paragraph's next piece (as the strict query scores them).
            for (q, joined, _) in &present {
                clauses.push((Occur::Should, q.box_clone()));
                if let Some(j) = joined {
                    clauses.push((Occur::Should, boxed(BoostQuery::new(j.box_clone(), 0.5))));
                }
            }
            let text = boxed(BooleanQuery::new(clauses));
            let mut all = vec![
                (Occur::Must, demote_bibliography(fields, text)),
                (Occur::Must, self.filter_query.box_clone()),
            ];
            all.extend(parts.rest.iter().map(|(o, q)| (*o, q.box_clone())));
            levels.push(Level {
                query: boxed(BooleanQuery::new(all)),
                share,
            });
        }
        Ok(Some(MostWords { levels, unused }))
    }
}

/// Resolves a country filter to the canonical name the index uses.
pub fn resolve_country(value: &str, catalog: &Catalog) -> Result<String, UnknownValue> {
    if let Some(c) = countries::lookup(value) {
        // A real country that wrote no paper here matches nothing: say so.
        if catalog.countries.is_empty() || catalog.countries.contains_key(c.name) {
            return Ok(c.name.to_owned());
        }
    }
    if let Some(name) = catalog
        .countries
        .keys()
        .find(|k| k.eq_ignore_ascii_case(value.trim()))
    {
        return Ok(name.clone());
    }
    // Initials of a name the index holds that is no state's ("EU" for the European
    // Union, "AU" for the African Union), when they name one only.
    let v = value.trim();
    if (2..=5).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_uppercase()) {
        let initials = |name: &str| -> String {
            name.split_whitespace()
                .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
                .collect()
        };
        let mut named = catalog.countries.keys().filter(|k| initials(k) == v);
        if let (Some(name), None) = (named.next(), named.next()) {
            return Ok(name.clone());
        }
    }
    let names: Vec<&str> = catalog.countries.keys().map(String::as_str).collect();
    Err(UnknownValue {
        what: "country",
        value: value.to_owned(),
        suggestions: countries::suggest(value, &names, 5),
    })
}

/// Resolves a committee filter (code or name, any case) to the code the index uses.
pub fn resolve_committee(value: &str, catalog: &Catalog) -> Result<String, UnknownValue> {
    let v = countries::normalize(value);
    if let Some((code, _)) = catalog
        .committees
        .iter()
        .find(|(code, name)| countries::normalize(code) == v || countries::normalize(name) == v)
    {
        return Ok(code.clone());
    }
    if let Some(c) = committees::lookup(value) {
        if catalog.committees.contains_key(c.code) || catalog.committees.is_empty() {
            return Ok(c.code.to_owned());
        }
    }
    let mut candidates: Vec<&str> = catalog.committees.keys().map(String::as_str).collect();
    candidates.extend(catalog.committees.values().map(String::as_str));
    Err(UnknownValue {
        what: "committee",
        value: value.to_owned(),
        suggestions: {
            let close = countries::suggest(value, &candidates, 5);
            // Nothing close: the index holds few committees, so name them all.
            if close.is_empty() {
                catalog.committees.keys().cloned().collect()
            } else {
                close
            }
        },
    })
}

fn resolve_section(value: &str) -> Result<SectionKind, UnknownValue> {
    SectionKind::parse(value).ok_or_else(|| {
        let all: Vec<&str> = SectionKind::ALL.iter().map(|k| k.as_str()).collect();
        let close = countries::suggest(value, &all, 2);
        UnknownValue {
            what: "section",
            value: value.to_owned(),
            suggestions: if close.is_empty() {
                all.iter().map(|s| (*s).to_owned()).collect()
            } else {
                close
            },
        }
    })
}

/// Checks that a topic filter names a topic of the index: every word of it must be
/// in one topic ("drug" finds "Online Drug Trafficking").
fn check_topic(
    value: &str,
    stems: &[analyzer::Term],
    analyzer: &mut TextAnalyzer,
    catalog: &Catalog,
) -> Result<(), UnknownValue> {
    let mut matches = |topic: &str| {
        let topic_stems: Vec<String> = analyzer::terms(analyzer, topic)
            .into_iter()
            .map(|t| t.stem)
            .collect();
        stems.iter().all(|s| topic_stems.contains(&s.stem))
    };
    if catalog.topics.is_empty() || catalog.topics.iter().any(|t| matches(t)) {
        return Ok(());
    }
    let topics: Vec<&str> = catalog.topics.iter().map(String::as_str).collect();
    let close = countries::suggest(value, &topics, 5);
    Err(UnknownValue {
        what: "topic",
        value: value.to_owned(),
        suggestions: if close.is_empty() {
            topics.iter().take(10).map(|t| (*t).to_owned()).collect()
        } else {
            close
        },
    })
}

struct Compiler<'a> {
    fields: &'a Fields,
    /// The field words are looked up in: passages, or the whole paragraphs of split ones.
    field: tantivy::schema::Field,
    analyzer: TextAnalyzer,
    catalog: &'a Catalog,
    highlight: highlight::Terms,
    /// Other names searched too (acronyms, expansions, synonyms).
    also: Vec<String>,
    /// The stems of every word of the query, for telling which places a country's
    /// word must stay out of (`places::holding`).
    query_stems: Vec<String>,
    /// The places a word of the query was kept out of, for the user.
    not_inside: Vec<String>,
}

fn boxed(q: impl Query) -> Box<dyn Query> {
    Box::new(q)
}

impl Compiler<'_> {
    fn stems(&mut self, text: &str) -> Vec<(usize, String)> {
        analyzer::terms(&mut self.analyzer, text)
            .into_iter()
            .map(|t| (t.position, t.stem))
            .collect()
    }

    fn text_query(&mut self, stems: Vec<(usize, String)>, slop: u32) -> Option<Box<dyn Query>> {
        let field = self.field;
        match stems.len() {
            0 => None,
            1 => {
                let term = Term::from_field_text(field, &stems[0].1);
                let places = places::holding(&stems[0].1, &self.query_stems);
                Some(if places.is_empty() {
                    boxed(TermQuery::new(term, IndexRecordOption::WithFreqs))
                } else {
                    boxed(places::OutsidePlaces::new(term, places))
                })
            }
            _ => {
                let first = stems[0].0;
                let terms = stems
                    .into_iter()
                    .map(|(p, s)| (p - first, Term::from_field_text(field, &s)))
                    .collect();
                let mut q = PhraseQuery::new_with_offset(terms);
                q.set_slop(slop);
                Some(boxed(q))
            }
        }
    }

    /// `own` or any of the alternatives, which rank below what was typed.
    fn with_alternatives(
        &mut self,
        own: Option<Box<dyn Query>>,
        alts: Option<&[&str]>,
        weight: f32,
    ) -> Option<Box<dyn Query>> {
        let alts = alts.unwrap_or_default();
        if alts.is_empty() {
            return own;
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            own.into_iter().map(|q| (Occur::Should, q)).collect();
        for alt in alts {
            if !self.also.iter().any(|a| a == alt) {
                self.also.push(alt.to_string());
            }
            let stems = self.stems(alt);
            self.highlight
                .add_phrase(stems.iter().map(|(_, s)| s.clone()).collect());
            if let Some(q) = self.text_query(stems, 0) {
                clauses.push((Occur::Should, boxed(BoostQuery::new(q, weight))));
            }
        }
        Some(boxed(BooleanQuery::new(clauses)))
    }

    /// The stems of each item that is a plain word (None for the others), for
    /// finding runs of words the lexicon knows ("lethal autonomous weapons").
    fn word_stems(&mut self, items: &[Expr]) -> Vec<Option<Vec<String>>> {
        items
            .iter()
            .map(|e| match e {
                Expr::Word(w) => Some(self.stems(w).into_iter().map(|(_, s)| s).collect()),
                _ => None,
            })
            .collect()
    }

    fn filter(&mut self, field: FilterField, value: &str) -> Result<Box<dyn Query>, UnknownValue> {
        let f = self.fields;
        let q: Box<dyn Query> = match field {
            FilterField::Country => {
                let name = resolve_country(value, self.catalog)?;
                boxed(TermQuery::new(
                    Term::from_field_text(f.country, &name),
                    IndexRecordOption::Basic,
                ))
            }
            FilterField::Committee => {
                let code = resolve_committee(value, self.catalog)?;
                boxed(TermQuery::new(
                    Term::from_field_text(f.committee, &code),
                    IndexRecordOption::Basic,
                ))
            }
            FilterField::Section => {
                let kind = resolve_section(value)?;
                boxed(TermQuery::new(
                    Term::from_field_text(f.section_kind, kind.as_str()),
                    IndexRecordOption::Basic,
                ))
            }
            FilterField::Topic => {
                let stems = analyzer::terms(&mut self.analyzer, value);
                if stems.is_empty() {
                    return Err(UnknownValue {
                        what: "topic",
                        value: value.to_owned(),
                        suggestions: self.catalog.topics.clone(),
                    });
                }
                check_topic(value, &stems, &mut self.analyzer, self.catalog)?;
                boxed(BooleanQuery::new(
                    stems
                        .into_iter()
                        .map(|t| {
                            (
                                Occur::Must,
                                boxed(TermQuery::new(
                                    Term::from_field_text(f.topic, &t.stem),
                                    IndexRecordOption::Basic,
                                )),
                            )
                        })
                        .collect(),
                ))
            }
        };
        Ok(boxed(ConstScoreQuery::new(q, 0.0)))
    }

    /// Compiles an expression; None when it has nothing searchable (only stop words).
    fn expr(&mut self, e: &Expr, mode: Mode) -> Result<Option<Box<dyn Query>>, UnknownValue> {
        Ok(match e {
            Expr::Word(w) => {
                let stems = self.stems(w);
                let plain: Vec<String> = stems.iter().map(|(_, s)| s.clone()).collect();
                self.highlight.add_words(plain.clone());
                if let [stem] = plain.as_slice() {
                    let places = places::holding(stem, &self.query_stems);
                    for p in &places {
                        if !self.not_inside.contains(&p.name) {
                            self.not_inside.push(p.name.clone());
                        }
                    }
                    self.highlight.add_places(stem, places);
                }
                let own = self.text_query(stems, 0);
                self.with_alternatives(own, expand::alternatives(&plain), EXPANSION_WEIGHT)
            }
            Expr::Phrase(words, slop) => {
                let stems = self.stems(&words.join(" "));
                let plain: Vec<String> = stems.iter().map(|(_, s)| s.clone()).collect();
                self.highlight.add_phrase(plain.clone());
                let own = self.text_query(stems, *slop);
                self.with_alternatives(own, expand::alternatives(&plain), EXPANSION_WEIGHT)
            }
            Expr::Prefix(p) => {
                let lower = p.to_lowercase();
                let stem = self
                    .stems(p)
                    .into_iter()
                    .next()
                    .map(|(_, s)| s)
                    .unwrap_or_else(|| lower.clone());
                self.highlight.add_prefix(lower.clone());
                self.highlight.add_prefix(stem.clone());
                let mut subs = Vec::new();
                for pat in [&lower, &stem] {
                    if let Ok(q) =
                        RegexQuery::from_pattern(&format!("{}.*", regex_escape(pat)), self.field)
                    {
                        subs.push((Occur::Should, boxed(q)));
                    }
                }
                Some(boxed(BooleanQuery::new(subs)))
            }
            Expr::Filter(field, value) => Some(self.filter(*field, value)?),
            Expr::Not(inner) => {
                let q = self.expr(inner, mode)?;
                q.map(|q| {
                    boxed(BooleanQuery::new(vec![
                        (Occur::Must, boxed(AllQuery)),
                        (Occur::MustNot, q),
                    ]))
                })
            }
            Expr::And(items) => self.combine(items, Occur::Must)?,
            Expr::Or(items) => self.combine(items, Occur::Should)?,
            Expr::Group(items) => match mode {
                Mode::AllWords => self.combine(items, Occur::Must)?,
                Mode::Ranked => self.ranked_group(items)?,
            },
        })
    }

    /// Items joined by one operator; NOT items become exclusions.
    fn combine(
        &mut self,
        items: &[Expr],
        occur: Occur,
    ) -> Result<Option<Box<dyn Query>>, UnknownValue> {
        let mut clauses = Vec::new();
        let mut positives = 0;
        let word_stems = self.word_stems(items);
        let mut i = 0;
        while i < items.len() {
            let item = &items[i];
            i += 1;
            // Words that together name something the lexicon knows: all of them, or
            // one of its other names.
            if occur == Occur::Must {
                if let Some((len, alts)) = expand::run_at(&word_stems, i - 1) {
                    if let Some(q) = self.run(&items[i - 1..i - 1 + len], alts, EXPANSION_WEIGHT)? {
                        clauses.push((occur, q));
                        positives += 1;
                    }
                    i += len - 1;
                    continue;
                }
            }
            match item {
                Expr::Not(inner) => {
                    if let Some(q) = self.expr_no_highlight(inner)? {
                        clauses.push((Occur::MustNot, q));
                    }
                }
                Expr::Filter(..) => {
                    if let Some(q) = self.expr(item, Mode::AllWords)? {
                        clauses.push((Occur::Must, q));
                        positives += 1;
                    }
                }
                other => {
                    if let Some(q) = self.expr(other, Mode::AllWords)? {
                        clauses.push((occur, q));
                        positives += 1;
                    }
                }
            }
        }
        if positives == 0 {
            if clauses.is_empty() {
                return Ok(None);
            }
            clauses.push((Occur::Must, boxed(AllQuery)));
        }
        Ok(Some(boxed(BooleanQuery::new(clauses))))
    }

    /// The parts of a plain query: words, phrases, filters and exclusions side by
    /// side. None for anything else: an explicit AND or OR, prefixes, nested groups.
    fn parts(&mut self, e: &Expr) -> Result<Option<Parts>, UnknownValue> {
        let Expr::Group(items) = e else {
            return Ok(None);
        };
        let saved = (self.highlight.clone(), self.also.clone());
        let word_stems = self.word_stems(items);
        let mut parts = Parts {
            items: Vec::new(),
            context: Vec::new(),
            rest: Vec::new(),
        };
        let mut i = 0;
        let mut plain = true;
        while i < items.len() {
            let item = &items[i];
            if let Some((len, alts)) = expand::run_at(&word_stems, i) {
                let run = &items[i..i + len];
                if let Some(q) = self.run(run, alts, EXPANSION_WEIGHT)? {
                    let text: Vec<String> = run.iter().map(typed).collect();
                    parts.items.push((text.join(" "), q));
                }
                i += len;
                continue;
            }
            i += 1;
            match item {
                Expr::Word(_) | Expr::Phrase(..) => {
                    if let Some(q) = self.expr(item, Mode::AllWords)? {
                        parts.items.push((typed(item), q));
                    }
                }
                Expr::Not(inner) => {
                    if let Some(q) = self.expr(inner, Mode::AllWords)? {
                        parts.rest.push((Occur::MustNot, q));
                    }
                }
                // In the filter query already.
                Expr::Filter(..) => {}
                _ => plain = false,
            }
        }
        (self.highlight, self.also) = saved;
        Ok(plain.then_some(parts))
    }

    /// The positive items of a group, each run of words the lexicon knows as one part
    /// (all its words, or one of its other names); None when there is no such run.
    /// Highlights were added by the caller.
    fn runs_or_words(
        &mut self,
        items: &[Expr],
        word_stems: &[Option<Vec<String>>],
    ) -> Result<Option<Vec<Box<dyn Query>>>, UnknownValue> {
        let saved = (self.highlight.clone(), self.also.clone());
        let mut parts = Vec::new();
        let mut runs = false;
        let mut i = 0;
        while i < items.len() {
            if let Some((len, alts)) = expand::run_at(word_stems, i) {
                // Here another name is all the words: full weight, for the bonus of
                // holding every word (the match itself weighs EXPANSION_WEIGHT).
                parts.extend(self.run(&items[i..i + len], alts, 1.0)?);
                runs = true;
                i += len;
                continue;
            }
            if !matches!(items[i], Expr::Not(_) | Expr::Filter(..)) {
                parts.extend(self.expr(&items[i], Mode::AllWords)?);
            }
            i += 1;
        }
        (self.highlight, self.also) = saved;
        Ok(runs.then_some(parts))
    }

    /// Words that together name something the lexicon knows: all of them, or one of
    /// its other names, weighing `weight`.
    fn run(
        &mut self,
        words: &[Expr],
        alts: &[&str],
        weight: f32,
    ) -> Result<Option<Box<dyn Query>>, UnknownValue> {
        let mut all = Vec::new();
        for w in words {
            if let Some(q) = self.expr(w, Mode::AllWords)? {
                all.push((Occur::Must, q));
            }
        }
        let own = (!all.is_empty()).then(|| boxed(BooleanQuery::new(all)));
        Ok(self.with_alternatives(own, Some(alts), weight))
    }

    /// Exclusions are not highlighted.
    fn expr_no_highlight(&mut self, e: &Expr) -> Result<Option<Box<dyn Query>>, UnknownValue> {
        let saved = self.highlight.clone();
        let q = self.expr(e, Mode::AllWords);
        self.highlight = saved;
        q
    }

    /// Plain words side by side: any of them matches; all of them together, and all of
    /// them close together, add to the score so those passages rank first.
    fn ranked_group(&mut self, items: &[Expr]) -> Result<Option<Box<dyn Query>>, UnknownValue> {
        let mut should = Vec::new();
        let mut must = Vec::new();
        let mut close: Vec<(usize, String)> = Vec::new();
        let mut all_plain = true;
        let word_stems = self.word_stems(items);
        let mut alternatives = Vec::new();
        for i in 0..items.len() {
            if let Some((_, alts)) = expand::run_at(&word_stems, i) {
                if let Some(q) = self.with_alternatives(None, Some(alts), EXPANSION_WEIGHT) {
                    alternatives.push(q);
                }
            }
        }
        for item in items {
            match item {
                Expr::Not(inner) => {
                    if let Some(q) = self.expr_no_highlight(inner)? {
                        must.push((Occur::MustNot, q));
                    }
                }
                Expr::Filter(..) => {
                    if let Some(q) = self.expr(item, Mode::AllWords)? {
                        must.push((Occur::Must, q));
                    }
                }
                other => {
                    let plain = match other {
                        Expr::Phrase(ws, _) => Some(ws.join(" ")),
                        Expr::Word(w) => Some(w.clone()),
                        _ => None,
                    };
                    if let Some(text) = plain {
                        let base = close.last().map_or(0, |(p, _)| p + 1);
                        close.extend(self.stems(&text).into_iter().map(|(p, s)| (base + p, s)));
                    } else {
                        all_plain = false;
                    }
                    if let Some(q) = self.expr(other, Mode::AllWords)? {
                        should.push(q);
                    }
                }
            }
        }
        if should.is_empty() {
            return Ok(if must.is_empty() {
                None
            } else {
                must.push((Occur::Must, boxed(AllQuery)));
                Some(boxed(BooleanQuery::new(must)))
            });
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if should.len() > 1 {
            // Words the lexicon knows together count as all there when another name of
            // theirs is ("DEA" for "Drug Enforcement Administration").
            let every: Vec<Box<dyn Query>> = match self.runs_or_words(items, &word_stems)? {
                Some(parts) => parts,
                None => should.iter().map(|q| q.box_clone()).collect(),
            };
            let all = BooleanQuery::new(every.into_iter().map(|q| (Occur::Must, q)).collect());
            // Every word: counts twice, and then how close the words stand.
            let mut together: Vec<(Occur, Box<dyn Query>)> =
                vec![(Occur::Must, boxed(BoostQuery::new(boxed(all), 2.0)))];
            if all_plain && close.len() > 1 {
                // Each pair of neighbouring words within eight words of each other, in
                // either order, among the passages holding every word (so the pairs are
                // only tried there). Pairs, not one sloppy phrase of every word: tantivy
                // matches a longer sloppy phrase starting from its rarest word in each
                // segment, so the same passage could match in one build and not in
                // another.
                let pairs = (close.len() - 1) as f32;
                for w in close.windows(2) {
                    let terms = vec![
                        (0, Term::from_field_text(self.field, &w[0].1)),
                        (w[1].0 - w[0].0, Term::from_field_text(self.field, &w[1].1)),
                    ];
                    let mut pair = PhraseQuery::new_with_offset(terms);
                    pair.set_slop(8);
                    together.push((
                        Occur::Should,
                        boxed(BoostQuery::new(boxed(pair), 1.5 / pairs)),
                    ));
                }
            }
            clauses.push((Occur::Should, boxed(BooleanQuery::new(together))));
        }
        let any = BooleanQuery::new(
            should
                .into_iter()
                .chain(alternatives)
                .map(|q| (Occur::Should, q))
                .collect(),
        );
        clauses.push((Occur::Must, boxed(any)));
        clauses.extend(must);
        Ok(Some(boxed(BooleanQuery::new(clauses))))
    }
}

/// How much a match on another name of what was typed (an acronym's expansion, a
/// synonym) weighs against a match on the words themselves.
const EXPANSION_WEIGHT: f32 = 0.6;

fn regex_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push('\\');
            out.push(c);
        }
    }
    out
}

/// Compiles a parsed query with command-line filters.
pub fn compile(
    parsed: &Parsed,
    cli: &Filters,
    fields: &Fields,
    catalog: &Catalog,
    mode: Mode,
) -> Result<Compiled, CompileError> {
    let mut c = Compiler {
        fields,
        field: fields.text,
        analyzer: analyzer::analyzer(),
        catalog,
        highlight: highlight::Terms::default(),
        also: Vec::new(),
        query_stems: Vec::new(),
        not_inside: Vec::new(),
    };
    if let Some(e) = &parsed.expr {
        let mut words = Vec::new();
        typed_words(e, &mut words);
        c.query_stems = words
            .iter()
            .flat_map(|w| c.stems(w))
            .map(|(_, s)| s)
            .collect();
    }
    let mut filters = cli.clone();
    for (field, value) in &parsed.implied {
        filters.push(*field, value.clone());
    }
    let mut filter_clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, values) in [
        (FilterField::Country, &filters.countries),
        (FilterField::Committee, &filters.committees),
        (FilterField::Topic, &filters.topics),
        (FilterField::Section, &filters.sections),
    ] {
        if values.is_empty() {
            continue;
        }
        let mut alts = Vec::new();
        for v in values {
            alts.push((Occur::Should, c.filter(field, v)?));
        }
        filter_clauses.push((Occur::Must, boxed(BooleanQuery::new(alts))));
    }
    // Field filters written in the query also restrict `--missing`'s universe.
    if let Some(expr) = &parsed.expr {
        collect_top_filters(expr, &mut |field, value, negated| {
            let q = c.filter(field, value)?;
            filter_clauses.push((if negated { Occur::MustNot } else { Occur::Must }, q));
            Ok(())
        })?;
    }
    let text_query = match &parsed.expr {
        Some(e) => {
            let own = c.expr(e, mode)?;
            // The same words over whole paragraphs: a long paragraph cut into passages
            // still mentions "darknet escrow" when the two words fall on both sides
            // of the cut. Those pieces rank below passages that hold every word.
            let whole = if catalog.no_split_paragraphs {
                None
            } else {
                let highlight = c.highlight.clone();
                c.field = fields.context;
                let whole = c.expr(e, Mode::AllWords)?;
                c.field = fields.text;
                c.highlight = highlight;
                whole
            };
            match (own, whole) {
                (Some(own), Some(whole)) => Some(boxed(BooleanQuery::new(vec![
                    (Occur::Should, own),
                    (Occur::Should, boxed(BoostQuery::new(whole, 0.5))),
                ]))),
                (own, None) => own,
                (None, whole) => whole,
            }
        }
        None => None,
    };
    let parts = match (&parsed.expr, mode) {
        (Some(e), Mode::AllWords) => {
            let parts = c.parts(e)?;
            let joined = if catalog.no_split_paragraphs {
                None
            } else {
                c.field = fields.context;
                let joined = c.parts(e)?;
                c.field = fields.text;
                joined
            };
            parts.map(|mut p| {
                if let Some(j) = joined.filter(|j| j.items.len() == p.items.len()) {
                    p.context = j.items.into_iter().map(|(_, q)| q).collect();
                }
                p
            })
        }
        _ => None,
    };
    let filter_query: Box<dyn Query> = if filter_clauses.is_empty() {
        boxed(AllQuery)
    } else {
        filter_clauses.push((Occur::Must, boxed(AllQuery)));
        boxed(BooleanQuery::new(filter_clauses))
    };
    let query: Box<dyn Query> = match text_query {
        Some(q) => boxed(BooleanQuery::new(vec![
            (Occur::Must, demote_bibliography(fields, q)),
            (Occur::Must, filter_query.box_clone()),
        ])),
        None => filter_query.box_clone(),
    };
    Ok(Compiled {
        query,
        filter_query,
        highlight: c.highlight,
        implied: parsed.implied.clone(),
        dropped: parsed.dropped.clone(),
        stance: parsed.stance,
        also: c.also,
        not_inside: c.not_inside,
        parts,
    })
}

/// Every word and phrase of a query, as typed.
fn typed_words(e: &Expr, out: &mut Vec<String>) {
    match e {
        Expr::Word(w) => out.push(w.clone()),
        Expr::Phrase(ws, _) => out.extend(ws.iter().cloned()),
        Expr::Group(items) | Expr::And(items) | Expr::Or(items) => {
            items.iter().for_each(|i| typed_words(i, out))
        }
        Expr::Not(inner) => typed_words(inner, out),
        Expr::Prefix(_) | Expr::Filter(..) => {}
    }
}

/// A word or phrase as the person typed it.
fn typed(e: &Expr) -> String {
    match e {
        Expr::Word(w) => w.clone(),
        Expr::Phrase(words, _) => format!("\"{}\"", words.join(" ")),
        _ => String::new(),
    }
}

/// Top-level `field:value` items (not inside OR) restrict the universe of countries.
fn collect_top_filters(
    e: &Expr,
    f: &mut dyn FnMut(FilterField, &str, bool) -> Result<(), UnknownValue>,
) -> Result<(), UnknownValue> {
    match e {
        Expr::Filter(field, value) => f(*field, value, false),
        Expr::Not(inner) => match inner.as_ref() {
            Expr::Filter(field, value) => f(*field, value, true),
            _ => Ok(()),
        },
        Expr::Group(items) | Expr::And(items) => {
            for i in items {
                collect_top_filters(i, f)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Parses and compiles in one step, turning syntax errors into CompileError.
pub fn read(
    raw: &str,
    cli: &Filters,
    fields: &Fields,
    catalog: &Catalog,
    mode: Mode,
) -> Result<Compiled, CompileError> {
    let parsed = parse::parse(raw).map_err(|source| CompileError::Syntax {
        query: raw.to_owned(),
        source,
    })?;
    compile(&parsed, cli, fields, catalog, mode)
}

/// How much a bibliography entry's score counts beside the paper's own prose: a
/// country's best passage on a subject is what it wrote, not the title of a source
/// it cites ("Lethal Autonomous Weapons Systems." under Works Cited). Entries still
/// match and count; they rank below prose that matches as well.
const BIBLIOGRAPHY_WEIGHT: f32 = 0.3;

/// `q` with the scores of bibliography passages multiplied by [`BIBLIOGRAPHY_WEIGHT`]:
/// every passage matches exactly one of the two arms, so its score is scaled, never
/// summed with another.
fn demote_bibliography(fields: &Fields, q: Box<dyn Query>) -> Box<dyn Query> {
    let bibliography = || -> Box<dyn Query> {
        boxed(TermQuery::new(
            Term::from_field_text(fields.section_kind, SectionKind::Bibliography.as_str()),
            IndexRecordOption::Basic,
        ))
    };
    boxed(BooleanQuery::new(vec![
        (
            Occur::Should,
            boxed(BooleanQuery::new(vec![
                (Occur::Must, q.box_clone()),
                (Occur::MustNot, bibliography()),
            ])),
        ),
        (
            Occur::Should,
            boxed(BoostQuery::new(
                boxed(BooleanQuery::new(vec![
                    (Occur::Must, q),
                    (Occur::Must, bibliography()),
                ])),
                BIBLIOGRAPHY_WEIGHT,
            )),
        ),
    ]))
}
