//! A country's word where it is not part of a place's name: "who China" does not
//! count a statement that speaks only of the South China Sea, nor "who Sudan" one
//! that speaks only of South Sudan. The places are the lexicon's
//! (`index/lexicon/places.tsv`); the query checks, in each passage holding the word,
//! the positions of the place's other words, so a passage that names China and the
//! South China Sea still matches.

use crate::index::{analyzer, lexicon};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

/// A place's name as stems, and where in it the country's word stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The place's name as the table writes it ("South Sudan", "China Sea").
    pub name: String,
    pub stems: Vec<String>,
    pub at: usize,
}

impl Place {
    /// The place's other words, each with its distance from the country's word.
    fn others(&self) -> impl Iterator<Item = (i64, &str)> + '_ {
        self.stems
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i != self.at)
            .map(move |(i, s)| (i as i64 - self.at as i64, s.as_str()))
    }
}

/// The country's word (a stem) -> the places whose names hold it.
fn table() -> &'static FxHashMap<String, Vec<Place>> {
    static TABLE: OnceLock<FxHashMap<String, Vec<Place>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut a = analyzer::analyzer();
        let mut stems = |text: &str| -> Vec<String> {
            analyzer::terms(&mut a, text)
                .into_iter()
                .map(|t| t.stem)
                .collect()
        };
        let mut table: FxHashMap<String, Vec<Place>> = FxHashMap::default();
        for p in lexicon::places() {
            let word = stems(p.word);
            let [word] = word.as_slice() else { continue };
            let before = stems(p.before);
            let at = before.len();
            let mut all = before;
            all.push(word.clone());
            all.extend(stems(p.after));
            let name = [p.before, p.word, p.after]
                .iter()
                .filter(|w| !w.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            table.entry(word.clone()).or_default().push(Place {
                name,
                stems: all,
                at,
            });
        }
        table
    })
}

/// The places that hold the word with this stem, but those whose other words are all
/// among `query` (the stems of every word searched): `who south africa` unquoted
/// still finds South Africa.
pub fn holding(stem: &str, query: &[String]) -> Vec<Place> {
    table()
        .get(stem)
        .map(|places| {
            places
                .iter()
                .filter(|p| !p.others().all(|(_, s)| query.iter().any(|q| q == s)))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// True when the word at index `i` of `stems` (a passage's words as stems, None for
/// words that cannot be part of a place) stands in one of the places.
pub fn inside(stems: &[Option<&str>], i: usize, places: &[Place]) -> bool {
    places.iter().any(|p| {
        p.others().all(|(d, s)| {
            let j = i as i64 + d;
            j >= 0 && (j as usize) < stems.len() && stems[j as usize] == Some(s)
        })
    })
}

/// Passages holding `word` at least once outside the places, scored as the word's
/// own term query scores them.
#[derive(Debug, Clone)]
pub struct OutsidePlaces {
    word: Term,
    places: Vec<Place>,
}

impl OutsidePlaces {
    pub fn new(word: Term, places: Vec<Place>) -> OutsidePlaces {
        OutsidePlaces { word, places }
    }
}

impl Query for OutsidePlaces {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = TermQuery::new(self.word.clone(), IndexRecordOption::WithFreqs)
            .weight(enable_scoring)?;
        Ok(Box::new(OutsidePlacesWeight {
            inner,
            word: self.word.clone(),
            places: self.places.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        visitor(&self.word, true);
    }
}

struct OutsidePlacesWeight {
    inner: Box<dyn Weight>,
    word: Term,
    places: Vec<Place>,
}

/// One place's other words in a segment: each one's distance and postings.
type PlacePostings = Vec<(i64, SegmentPostings)>;

impl Weight for OutsidePlacesWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, boost)?;
        let field = self.word.field();
        let index = reader.inverted_index(field)?;
        let postings =
            |term: &Term| index.read_postings(term, IndexRecordOption::WithFreqsAndPositions);
        let Some(word) = postings(&self.word)? else {
            return Ok(inner);
        };
        let mut places: Vec<PlacePostings> = Vec::new();
        'place: for p in &self.places {
            let mut others = Vec::new();
            for (d, s) in p.others() {
                // A place one of whose words this segment never holds is not in it.
                match postings(&Term::from_field_text(field, s))? {
                    Some(post) => others.push((d, post)),
                    None => continue 'place,
                }
            }
            places.push(others);
        }
        if places.is_empty() {
            return Ok(inner);
        }
        let mut scorer = OutsidePlacesScorer {
            inner,
            word,
            places,
            at: Vec::new(),
            near: Vec::new(),
        };
        if scorer.inner.doc() != TERMINATED && !scorer.outside() {
            scorer.advance();
        }
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }
}

struct OutsidePlacesScorer {
    inner: Box<dyn Scorer>,
    word: SegmentPostings,
    places: Vec<PlacePostings>,
    /// Buffers: the word's positions in the current passage, another word's.
    at: Vec<u32>,
    near: Vec<u32>,
}

impl OutsidePlacesScorer {
    /// True when the current passage holds the word outside every place.
    fn outside(&mut self) -> bool {
        let doc = self.inner.doc();
        if self.word.seek(doc) != doc {
            return true;
        }
        self.at.clear();
        self.word.positions(&mut self.at);
        let mut inside = vec![false; self.at.len()];
        for place in &mut self.places {
            // Which of the word's positions this place holds: all at first, then only
            // those where each other word stands at its distance.
            let mut held = vec![true; self.at.len()];
            for (d, post) in place.iter_mut() {
                if post.doc() > doc || post.seek(doc) != doc {
                    held.iter_mut().for_each(|h| *h = false);
                    break;
                }
                self.near.clear();
                post.positions(&mut self.near);
                for (k, &p) in self.at.iter().enumerate() {
                    let want = p as i64 + *d;
                    held[k] &= want >= 0 && self.near.binary_search(&(want as u32)).is_ok();
                }
            }
            for (k, h) in held.into_iter().enumerate() {
                inside[k] |= h;
            }
        }
        inside.iter().any(|i| !i)
    }
}

impl DocSet for OutsidePlacesScorer {
    fn advance(&mut self) -> DocId {
        loop {
            let doc = self.inner.advance();
            if doc == TERMINATED || self.outside() {
                return doc;
            }
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.inner.seek(target);
        if doc == TERMINATED || self.outside() {
            return doc;
        }
        self.advance()
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for OutsidePlacesScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        analyzer::terms(&mut analyzer::analyzer(), text)
            .into_iter()
            .map(|t| t.stem)
            .collect()
    }

    #[test]
    fn the_table_holds_each_place_by_its_country_word() {
        let china = holding(&stems("China")[0], &[]);
        assert_eq!(china.len(), 1);
        assert_eq!(china[0].at, 0);
        let guinea = holding(&stems("Guinea")[0], &[]);
        assert!(guinea.len() >= 4, "{guinea:?}");
        assert!(holding(&stems("France")[0], &[]).is_empty());
    }

    #[test]
    fn a_place_whose_words_are_all_searched_is_not_left_out() {
        let africa = stems("africa")[0].clone();
        assert!(!holding(&africa, std::slice::from_ref(&africa)).is_empty());
        assert!(holding(&africa, &stems("south africa")).is_empty());
    }

    #[test]
    fn inside_tells_the_place_from_the_country() {
        let text = stems("South Sudan and Sudan met");
        let words: Vec<Option<&str>> = text.iter().map(|s| Some(s.as_str())).collect();
        let places = holding(&stems("Sudan")[0], &[]);
        assert!(inside(&words, 1, &places));
        assert!(!inside(&words, 3, &places));
    }
}
