//! From hits to answers: ranked passages with snippets, countries grouped with exact
//! counts, and (in `similarity`) allies and blocs. Plain `Serialize` result structs
//! that the text and JSON printers both read.

pub mod issue;
pub mod similarity;
pub mod stance;

use crate::index::search::{self, CountryMatches, StoredPassage};
use crate::index::{IndexError, PaperIndex};
use crate::paper::SectionKind;
use crate::query::highlight::{self, Snippet};
use crate::query::parse::{AskedStance, FilterField};
use crate::query::Compiled;
use rayon::prelude::*;
use serde::Serialize;
use stance::Stance;
use tantivy::Searcher;

/// How caucus read the query, shown so a user can see what was searched.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ReadAs {
    /// Question words not searched for.
    pub ignored: Vec<String>,
    /// Filters the question implied ("what does Brazil say" -> country Brazil).
    pub filters: Vec<(FilterField, String)>,
    /// The stance the question asked for: "support", "oppose", or "any" ("what does
    /// Russia think of X").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<&'static str>,
    /// Other names of what was typed that were searched too (acronyms, synonyms).
    pub also: Vec<String>,
    /// Places named after a country whose names did not count as the country
    /// ("South Sudan" for `who Sudan`).
    pub not_inside: Vec<String>,
}

impl ReadAs {
    pub fn of(c: &Compiled) -> ReadAs {
        ReadAs {
            ignored: c.dropped.clone(),
            filters: c.implied.clone(),
            stance: c.stance.map(|s| match s {
                AskedStance::Support => "support",
                AskedStance::Oppose => "oppose",
                AskedStance::Any => "any",
            }),
            also: c.also.clone(),
            not_inside: c.not_inside.clone(),
        }
    }
}

/// One passage in the results.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub country: String,
    pub country_code: Option<String>,
    pub committee: String,
    pub committee_name: String,
    pub topic: String,
    pub section: String,
    pub section_kind: SectionKind,
    pub file: String,
    pub line: Option<u32>,
    pub page: Option<u32>,
    /// `file:line` or `file p.N`.
    pub location: String,
    pub passage: u32,
    pub snippets: Vec<Snippet>,
    /// The whole passage, with `--full`; for a hit joined across a cut, its pieces of
    /// the paragraph in reading order, separated by a space.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub citations: Vec<u32>,
    /// Other passages of the same paragraph whose snippets are shown with this one
    /// (the query's words fell on both sides of a cut).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<u32>,
}

/// A whole passage as one snippet, its matches highlighted (`--full`).
fn whole(text: &str, matches: Vec<std::ops::Range<usize>>) -> Snippet {
    Snippet {
        highlights: matches.into_iter().map(|r| [r.start, r.end]).collect(),
        text: text.to_owned(),
    }
}

/// How many snippets a long passage may show.
const MAX_SNIPPETS: usize = 3;

impl Hit {
    pub fn new(
        rank: usize,
        score: f32,
        p: StoredPassage,
        terms: &highlight::Terms,
        full: bool,
    ) -> Hit {
        let matches = highlight::match_ranges(&p.text, terms);
        Hit::at(rank, score, p, matches, full)
    }

    /// [`Hit::new`], with the passage's matches already found.
    fn at(
        rank: usize,
        score: f32,
        p: StoredPassage,
        matches: Vec<std::ops::Range<usize>>,
        full: bool,
    ) -> Hit {
        let snippets = if full {
            vec![whole(&p.text, matches)]
        } else {
            highlight::snippets_at(&p.text, matches, MAX_SNIPPETS)
        };
        Hit {
            rank,
            score,
            location: p.location(),
            country: p.country,
            country_code: p.country_code,
            committee: p.committee,
            committee_name: p.committee_name,
            topic: p.topic,
            section: p.section,
            section_kind: p.section_kind,
            file: p.file,
            line: p.line,
            page: p.page,
            passage: p.passage,
            snippets,
            text: full.then_some(p.text),
            citations: p.citations,
            joined: Vec::new(),
        }
    }

    /// Adds the matches in the pieces next to it of a split paragraph, so a hit whose
    /// words fall on both sides of a cut shows both. A piece joins only for words of
    /// the query the hit's own piece does not show: one that only repeats a word is
    /// not part of the hit.
    fn join_siblings(
        mut self,
        index: &PaperIndex,
        searcher: &Searcher,
        p: &StoredPassage,
        terms: &highlight::Terms,
    ) -> Result<Hit, IndexError> {
        if p.pieces <= 1 {
            return Ok(self);
        }
        // The words the hit's own snippets show, read from their highlights rather than
        // by matching the passage again.
        let mut shown = rustc_hash::FxHashSet::default();
        for s in &self.snippets {
            let ranges: Vec<_> = s.highlights.iter().map(|[a, b]| *a..*b).collect();
            shown.extend(highlight::matched_stems(&s.text, &ranges));
        }
        let mut pieces: Vec<(u32, Snippet)> = std::mem::take(&mut self.snippets)
            .into_iter()
            .map(|s| (p.passage, s))
            .collect();
        for sib in search::siblings(index, searcher, p)? {
            if pieces.len() >= MAX_SNIPPETS {
                break;
            }
            let matches = highlight::match_ranges(&sib.text, terms);
            let stems = highlight::matched_stems(&sib.text, &matches);
            if stems.is_subset(&shown) {
                continue;
            }
            shown.extend(stems);
            // With `--full` a joined piece is shown whole, as the hit's own passage is.
            let snippet = if self.text.is_some() {
                Some(whole(&sib.text, matches))
            } else {
                highlight::snippets_at(&sib.text, matches, 1)
                    .into_iter()
                    .find(|s| !s.highlights.is_empty())
            };
            if let Some(snippet) = snippet {
                pieces.push((sib.passage, snippet));
                self.joined.push(sib.passage);
            }
        }
        // In reading order, as the paragraph was written.
        pieces.sort_by_key(|(n, _)| *n);
        self.joined.sort_unstable();
        if self.text.is_some() && !self.joined.is_empty() {
            // The whole text of the hit: its pieces of the paragraph, in reading order.
            let texts: Vec<&str> = pieces.iter().map(|(_, s)| s.text.as_str()).collect();
            self.text = Some(texts.join(" "));
        }
        self.snippets = pieces.into_iter().map(|(_, s)| s).collect();
        Ok(self)
    }
}

/// The answer to `caucus search`.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResult {
    pub query: String,
    pub read_as: ReadAs,
    /// Passages matching in all (the hits shown are the best of them).
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Runs a search.
pub fn search(
    index: &PaperIndex,
    searcher: &Searcher,
    raw: &str,
    c: &Compiled,
    limit: usize,
    full: bool,
) -> Result<SearchResult, IndexError> {
    // Pieces of one paragraph are one hit: ask for a few more, keep the best piece.
    // A passage that is only a heading goes after every passage with text: when the
    // window holds headings, it is widened until `limit` passages with text are found
    // or every match was read.
    let mut want = limit.saturating_mul(2);
    let (chosen, total) = loop {
        let (top, total) = search::top_passages(index, searcher, c.query.as_ref(), want)?;
        let every_match = top.len() < want;
        let mut seen = std::collections::BTreeSet::new();
        let (mut text, mut headings) = (Vec::new(), Vec::new());
        for (score, p) in top {
            if text.len() == limit {
                break;
            }
            if !seen.insert((p.file.clone(), p.paragraph)) {
                continue;
            }
            if heading_only(&p.text) {
                headings.push((score, p));
            } else {
                text.push((score, p));
            }
        }
        if text.len() == limit || every_match || want >= total {
            text.extend(headings);
            text.truncate(limit);
            break (text, total);
        }
        want = want.saturating_mul(4);
    };
    let mut hits = Vec::new();
    for (score, p) in chosen {
        let hit = Hit::new(hits.len() + 1, score, p.clone(), &c.highlight, full);
        hits.push(hit.join_siblings(index, searcher, &p, &c.highlight)?);
    }
    Ok(SearchResult {
        query: raw.to_owned(),
        read_as: ReadAs::of(c),
        total,
        hits,
    })
}

/// Whether a passage reads as a heading and nothing more: a short line (12 words at
/// most) with no sentence punctuation at its end, whose words are written in capitals
/// or capitalised ("PROPOSED SOLUTIONS", "Darknet Escrow Services", "Impact on Small
/// Island States"). A list item without a full stop ("Establish a darknet task
/// force") is text.
fn heading_only(text: &str) -> bool {
    let t = text.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let end = t.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    if end.ends_with(['.', '!', '?', ';', ':', ',', '…']) {
        return false;
    }
    // Function words may stay lower case ("Impact on Small Island States").
    const MINOR: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
        "to", "with", "vs", "via",
    ];
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.chars().next() {
            None => true,
            Some(first) => first.is_uppercase() || first.is_ascii_digit() || MINOR.contains(&w),
        }
    }) && t
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// The sentence that shows a country's stance, with its cue words. In JSON,
/// `cues` are UTF-8 byte ranges and `cues_chars` the same in characters.
#[derive(Debug, Clone)]
pub struct StanceEvidence {
    /// The side the sentence takes: support or oppose (mixed when it takes both).
    pub side: Stance,
    /// The passage it comes from.
    pub location: String,
    pub sentence: String,
    /// Byte ranges of the cue words ("rejects", "calls for") in `sentence`.
    pub cues: Vec<[usize; 2]>,
    /// True when a strong cue decided it ("rejects", "calls for"), false for a
    /// weak one ("welcomes", "is concerned").
    pub explicit: bool,
}

impl Serialize for StanceEvidence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("StanceEvidence", 6)?;
        out.serialize_field("side", &self.side)?;
        out.serialize_field("location", &self.location)?;
        out.serialize_field("sentence", &self.sentence)?;
        out.serialize_field("cues", &self.cues)?;
        out.serialize_field(
            "cues_chars",
            &highlight::char_ranges(&self.sentence, &self.cues),
        )?;
        out.serialize_field("explicit", &self.explicit)?;
        out.end()
    }
}

/// One country in the answer to `caucus who`.
#[derive(Debug, Clone, Serialize)]
pub struct WhoRow {
    pub rank: usize,
    pub country: String,
    /// Where it stands on what was asked: support, oppose, mixed or mention.
    pub stance: Stance,
    /// 0 to 1: how many passages take that side, and how explicitly.
    pub stance_strength: f32,
    /// Of the passages read for the stance: how many support, oppose, only mention.
    pub stance_passages: StanceCounts,
    /// The sentence that shows it (none for a mention).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<StanceEvidence>,
    /// For a mixed stance, the strongest sentence on the other side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counter_evidence: Option<StanceEvidence>,
    /// Matching passages, over all matches.
    pub passages: usize,
    /// Papers with at least one matching passage.
    pub papers: usize,
    /// The ranking score: the best passage plus half of the next two.
    pub score: f32,
    pub best: Hit,
}

/// The answer to `caucus who`.
#[derive(Debug, Clone, Serialize)]
pub struct WhoResult {
    pub query: String,
    pub read_as: ReadAs,
    pub total_passages: usize,
    pub total_countries: usize,
    /// With `--stance` (or a question such as "who opposes X"): the stance kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// With a stance kept: how many countries mention the query at all, whatever
    /// their stance (so "no country opposes it" can say how many mention it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mentioning: Option<usize>,
    pub countries: Vec<WhoRow>,
    /// Set when no passage held every word and the countries shown hold most of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<Partial>,
    /// When no passage held every word: the words or phrases of the query no paper
    /// uses.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unused: Vec<String>,
    /// With `--missing`: countries among the filtered papers that do not mention it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<Vec<String>>,
}

/// How `who` answered when no passage held every word of the query: with the
/// passages holding most of them, the rarer words weighing more.
#[derive(Debug, Clone, Serialize)]
pub struct Partial {
    /// The share of the query's weight (each word's idf) a passage holds at least: 1
    /// when it holds every word some paper uses, else 0.75 or 0.5, the tightest that
    /// found anything.
    pub min_share: f32,
}

/// Passages per side.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct StanceCounts {
    pub support: usize,
    pub oppose: usize,
    pub mention: usize,
}

/// From how many countries `who` reads stances on several threads.
const PARALLEL_FROM: usize = 16;

/// How many of a country's best matching passages its stance is read from at least.
const STANCE_PASSAGES: usize = 3;

/// How many words of them it reads at least, taking more of its best passages (of the
/// six kept) when these are short: a paper written a short paragraph to a line gives
/// its stance as much text to show in as one written in long paragraphs.
const STANCE_WORDS: usize = 240;

/// A country's stance over its best matching passages, and the sentence that shows it.
/// A country's stance, with the evidence to show, and its best passage with its
/// matches when stance read it (so the row does not fetch and analyse it again).
type CountryStanceRead = (
    stance::CountryStance,
    Shown,
    Option<(StoredPassage, Vec<std::ops::Range<usize>>)>,
);

/// The evidence a row shows: the sentence on the side the country takes, and for a
/// mixed stance the strongest on the other side.
#[derive(Debug, Clone, Default)]
struct Shown {
    first: Option<StanceEvidence>,
    counter: Option<StanceEvidence>,
}

/// The best sentence seen on one side, ranked by (explicit, names the query itself).
type SideBest = Option<((bool, bool), StanceEvidence)>;

fn country_stance(
    index: &PaperIndex,
    searcher: &Searcher,
    c: &Compiled,
    m: &CountryMatches,
) -> Result<CountryStanceRead, IndexError> {
    let mut evidence = Vec::new();
    // The evidence to show on each side: support, oppose.
    let mut sides: [SideBest; 2] = [None, None];
    let mut best = None;
    let mut words = 0;
    for (read, (_, addr)) in m.top.iter().enumerate() {
        if read >= STANCE_PASSAGES && words >= STANCE_WORDS {
            break;
        }
        let p =
            search::stored(searcher, &index.fields, *addr).map_err(|e| index.tantivy_error(e))?;
        words += p.text.split_whitespace().count();
        let matches = highlight::match_ranges(&p.text, &c.highlight);
        // A proposals section ("Proposed Solutions") proposes what its sentences name.
        let reading = stance::Reading {
            // So does a list a sentence puts forward ("Kenya proposes the following:").
            proposals: p.section_kind == SectionKind::Solutions
                || (!p.lead.is_empty() && stance::lead_proposes(&p.lead)),
            author: &p.country,
            query_words: c.parts.as_ref().map_or(0, |parts| parts.items.len()),
        };
        let e = stance::passage_stance_in(&p.text, &matches, &reading);
        if e.stance != Stance::Mention {
            // The strongest sentence first, then one that names what was asked over one
            // that refers back to it ("It would undermine ..."); among equals, the
            // best-scoring passage.
            let names_query = matches
                .iter()
                .any(|m| m.start < e.sentence.end && e.sentence.start < m.end);
            let rank = (e.explicit, names_query);
            // A sentence taking both sides stands for each.
            let slots: &[usize] = match e.stance {
                Stance::Support => &[0],
                Stance::Oppose => &[1],
                _ => &[0, 1],
            };
            for &slot in slots {
                if sides[slot].as_ref().is_some_and(|(best, _)| rank <= *best) {
                    continue;
                }
                let sentence = p
                    .text
                    .get(e.sentence.clone())
                    .unwrap_or_default()
                    .to_owned();
                let cues = e
                    .cues
                    .iter()
                    .filter(|[a, b]| *a >= e.sentence.start && *b <= e.sentence.end)
                    .map(|[a, b]| [a - e.sentence.start, b - e.sentence.start])
                    .collect();
                sides[slot] = Some((
                    rank,
                    StanceEvidence {
                        side: e.stance,
                        location: p.location(),
                        sentence,
                        cues,
                        explicit: e.explicit,
                    },
                ));
            }
        }
        evidence.push(e);
        // The row shows the best passage: hand it over rather than read it again.
        if *addr == m.best.1 && best.is_none() {
            best = Some((p, matches));
        }
    }
    let overall = stance::country_stance(&evidence);
    // A sentence on the side the country takes; for mixed, the stronger side's first
    // and the other's after it (support first among equals).
    let [support, oppose] = sides;
    let shown = match overall.stance {
        Stance::Support => Shown {
            first: support.map(|(_, e)| e),
            counter: None,
        },
        Stance::Oppose => Shown {
            first: oppose.map(|(_, e)| e),
            counter: None,
        },
        Stance::Mixed => {
            let mut both: Vec<_> = [support, oppose].into_iter().flatten().collect();
            // A stable sort: support stays first among equals.
            both.sort_by_key(|b| std::cmp::Reverse(b.0));
            let mut both = both.into_iter().map(|(_, e)| e);
            let first = both.next();
            // One sentence taking both sides is shown once.
            let counter = both.next().filter(|c| {
                first
                    .as_ref()
                    .is_none_or(|f| (&f.location, &f.sentence) != (&c.location, &c.sentence))
            });
            Shown { first, counter }
        }
        Stance::Mention => Shown::default(),
    };
    Ok((overall, shown, best))
}

/// Countries rank by their best passage, with credit for more of them: a country
/// that argues the point in three passages outranks one that names it in passing.
fn country_score(m: &CountryMatches) -> f32 {
    m.top_scores()
        .enumerate()
        .map(|(i, s)| if i == 0 { s } else { s * 0.5 })
        .sum()
}

/// Runs a `who` query, reading every shown country's stance.
pub fn who(
    index: &PaperIndex,
    searcher: &Searcher,
    raw: &str,
    c: &Compiled,
    missing: bool,
    limit: Option<usize>,
    only: Option<Stance>,
) -> Result<WhoResult, IndexError> {
    let o = WhoOptions {
        missing,
        limit,
        only,
        stance: true,
        most_words: true,
    };
    who_with(index, searcher, raw, c, &o)
}

/// How `who` runs.
#[derive(Debug, Clone, Copy)]
pub struct WhoOptions {
    /// List the countries among the filtered papers that do not mention it.
    pub missing: bool,
    pub limit: Option<usize>,
    /// Keep only the countries taking this stance.
    pub only: Option<Stance>,
    /// Read each shown country's stance. Off, every row says `mention` with no
    /// evidence: the benchmark measures what reading stance costs with it.
    pub stance: bool,
    /// When no passage holds every word, answer with those holding most of them.
    pub most_words: bool,
}

/// Runs a `who` query with its options.
pub fn who_with(
    index: &PaperIndex,
    searcher: &Searcher,
    raw: &str,
    c: &Compiled,
    o: &WhoOptions,
) -> Result<WhoResult, IndexError> {
    let WhoOptions {
        missing,
        limit,
        only,
        stance: read_stance,
        most_words,
    } = *o;
    let mut groups = search::group_by_country(index, searcher, c.query.as_ref())?;
    // Who mentions it is answered first from the passages holding every word: only
    // when none does, from those holding most of them, and the answer says so.
    let strict_none = groups.is_empty();
    let mut partial = None;
    let mut unused = Vec::new();
    if strict_none && most_words {
        if let Some(m) = c
            .most_words(searcher, &index.fields)
            .map_err(|e| index.tantivy_error(e))?
        {
            unused = m.unused;
            // The tightest level that finds anything answers.
            for level in &m.levels {
                groups = search::group_by_country(index, searcher, level.query.as_ref())?;
                if !groups.is_empty() {
                    partial = Some(Partial {
                        min_share: level.share,
                    });
                    break;
                }
            }
        }
    }
    // A stance asked for in the question ("which countries oppose X") filters too.
    let only = only.or(match c.stance {
        Some(AskedStance::Support) => Some(Stance::Support),
        Some(AskedStance::Oppose) => Some(Stance::Oppose),
        _ => None,
    });
    groups.sort_by(|a, b| {
        country_score(b)
            .total_cmp(&country_score(a))
            .then(b.passages.cmp(&a.passages))
    });
    // Stance is read for every country only when it filters; else for those shown.
    let shown_n = if only.is_some() {
        groups.len()
    } else {
        limit.unwrap_or(usize::MAX).min(groups.len())
    };
    // Each country's stance reads its own passages: many countries are spread over
    // the cores (a few are not worth starting threads for), and collected back in
    // rank order.
    let one = |g: &CountryMatches| {
        if read_stance {
            country_stance(index, searcher, c, g)
        } else {
            Ok((stance::country_stance(&[]), Shown::default(), None))
        }
    };
    let shown = &groups[..shown_n];
    let stances: Vec<_> = if read_stance && shown.len() >= PARALLEL_FROM {
        shown.par_iter().map(one).collect::<Result<_, _>>()?
    } else {
        shown.iter().map(one).collect::<Result<_, _>>()?
    };
    let mut kept: Vec<(&CountryMatches, CountryStanceRead)> = groups
        .iter()
        .zip(stances)
        .filter(|(_, (s, _, _))| only.is_none_or(|want| s.stance == want))
        .collect();
    let (total_passages, total_countries) = if only.is_some() {
        (kept.iter().map(|(g, _)| g.passages).sum(), kept.len())
    } else {
        (groups.iter().map(|g| g.passages).sum(), groups.len())
    };
    kept.truncate(limit.unwrap_or(usize::MAX));
    let missing = if missing {
        let all = search::group_by_country(index, searcher, c.filter_query.as_ref())?;
        let mut gone: Vec<String> = all
            .into_iter()
            .map(|g| g.country)
            .filter(|name| strict_none || !groups.iter().any(|g| &g.country == name))
            .collect();
        gone.sort();
        Some(gone)
    } else {
        None
    };
    let mut countries = Vec::new();
    for (i, (g, (st, evidence, read))) in kept.into_iter().enumerate() {
        let (p, matches) = match read {
            Some(read) => read,
            None => {
                let p = search::stored(searcher, &index.fields, g.best.1)
                    .map_err(|e| index.tantivy_error(e))?;
                let matches = highlight::match_ranges(&p.text, &c.highlight);
                (p, matches)
            }
        };
        countries.push(WhoRow {
            rank: i + 1,
            country: g.country.clone(),
            stance: st.stance,
            stance_strength: st.strength,
            stance_passages: StanceCounts {
                support: st.support,
                oppose: st.oppose,
                mention: st.mention,
            },
            evidence: evidence.first,
            counter_evidence: evidence.counter,
            passages: g.passages,
            papers: g.papers,
            score: country_score(g),
            best: Hit::at(1, g.best.0, p.clone(), matches, false).join_siblings(
                index,
                searcher,
                &p,
                &c.highlight,
            )?,
        });
    }
    Ok(WhoResult {
        query: raw.to_owned(),
        read_as: ReadAs::of(c),
        total_passages,
        total_countries,
        stance: only,
        mentioning: only.map(|_| groups.len()),
        unused,
        countries,
        partial,
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::heading_only;

    #[test]
    fn headings_are_short_capitalised_lines_without_a_full_stop() {
        for h in [
            "PROPOSED SOLUTIONS",
            "Darknet Escrow Services",
            "Impact on Small Island States",
            "II. Background of the Topic",
            "3 Possible Solutions",
            "“Climate Justice”",
        ] {
            assert!(heading_only(h), "{h}");
        }
        for t in [
            "Establish a darknet task force",
            "The impact of climate change on vulnerable nations",
            "Belgium Supports The Task Force.",
            "Tackling Climate Change…",
            "SUSTAINABLE DEVELOPMENT, CLIMATE, DIGITAL Ladies and gentlemen,",
            "",
            "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen",
            "iPhone Encryption Rules",
        ] {
            assert!(!heading_only(t), "{t}");
        }
    }
}
