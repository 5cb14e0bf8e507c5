//! Running a query against the index: the top passages with their stored fields,
//! and every matching passage grouped by country with exact counts (for `who`).

use super::{Fields, IndexError, PaperIndex};
use crate::paper::SectionKind;
use rustc_hash::FxHashSet;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BTreeMap;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::query::Query;
use tantivy::schema::document::{
    DeserializeError, DocumentDeserialize, DocumentDeserializer, ValueDeserialize,
    ValueDeserializer, ValueVisitor,
};

use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// A passage as stored in the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredPassage {
    pub file: String,
    pub country: String,
    pub country_code: Option<String>,
    pub committee: String,
    pub committee_name: String,
    pub topic: String,
    pub section: String,
    pub section_kind: SectionKind,
    pub passage: u32,
    pub line: Option<u32>,
    pub page: Option<u32>,
    pub text: String,
    pub citations: Vec<u32>,
    /// The first passage of its paragraph, and how many passages that paragraph was
    /// cut into.
    pub paragraph: u32,
    pub pieces: u32,
    /// For an item of a list, the sentence introducing it ("" for none).
    pub lead: String,
}

impl StoredPassage {
    /// `cnd/belgium.txt:12`, or `paper.pdf p.3` for formats with pages.
    pub fn location(&self) -> String {
        let file = crate::paper::text::printable(&self.file);
        match (self.page, self.line) {
            (Some(p), _) => format!("{file} p.{p}"),
            (None, Some(l)) => format!("{file}:{l}"),
            (None, None) => format!("{file} ¶{}", self.passage),
        }
    }
}

/// A stored value as [`stored`] needs it: strings are taken as the store gives
/// them, with no copy into a document first.
enum Lean {
    Str(String),
    U64(u64),
    Other,
}

struct LeanVisitor;

impl ValueVisitor for LeanVisitor {
    type Value = Lean;
    fn visit_null(&self) -> Result<Lean, DeserializeError> {
        Ok(Lean::Other)
    }
    fn visit_string(&self, val: String) -> Result<Lean, DeserializeError> {
        Ok(Lean::Str(val))
    }
    fn visit_u64(&self, val: u64) -> Result<Lean, DeserializeError> {
        Ok(Lean::U64(val))
    }
    fn visit_i64(&self, _: i64) -> Result<Lean, DeserializeError> {
        Ok(Lean::Other)
    }
    fn visit_f64(&self, _: f64) -> Result<Lean, DeserializeError> {
        Ok(Lean::Other)
    }
    fn visit_bool(&self, _: bool) -> Result<Lean, DeserializeError> {
        Ok(Lean::Other)
    }
    fn visit_bytes(&self, _: Vec<u8>) -> Result<Lean, DeserializeError> {
        Ok(Lean::Other)
    }
}

impl ValueDeserialize for Lean {
    fn deserialize<'de, D: ValueDeserializer<'de>>(d: D) -> Result<Self, DeserializeError> {
        d.deserialize_any(LeanVisitor)
    }
}

/// A stored document as (field, value) pairs.
struct LeanDoc(Vec<(tantivy::schema::Field, Lean)>);

impl DocumentDeserialize for LeanDoc {
    fn deserialize<'de, D: DocumentDeserializer<'de>>(mut d: D) -> Result<Self, DeserializeError> {
        let mut out = Vec::with_capacity(d.size_hint());
        while let Some(pair) = d.next_field::<Lean>()? {
            out.push(pair);
        }
        Ok(LeanDoc(out))
    }
}

impl LeanDoc {
    /// The first string of a field, taken out ("" when there is none).
    fn text(&mut self, field: tantivy::schema::Field) -> String {
        self.0
            .iter_mut()
            .find_map(|(f, v)| match v {
                Lean::Str(s) if *f == field => Some(std::mem::take(s)),
                _ => None,
            })
            .unwrap_or_default()
    }

    fn u64(&self, field: tantivy::schema::Field) -> u64 {
        self.0
            .iter()
            .find_map(|(f, v)| match v {
                Lean::U64(n) if *f == field => Some(*n),
                _ => None,
            })
            .unwrap_or(0)
    }
}

/// Reads a passage's stored fields.
pub fn stored(
    searcher: &Searcher,
    fields: &Fields,
    addr: DocAddress,
) -> tantivy::Result<StoredPassage> {
    let mut doc: LeanDoc = searcher.doc(addr)?;
    let nonzero = |v: u64| (v > 0).then_some(v as u32);
    let code = doc.text(fields.country_code);
    Ok(StoredPassage {
        file: doc.text(fields.file),
        country: doc.text(fields.country),
        country_code: (!code.is_empty()).then_some(code),
        committee: doc.text(fields.committee),
        committee_name: doc.text(fields.committee_name),
        topic: doc.text(fields.topic),
        section: doc.text(fields.section),
        section_kind: SectionKind::parse(&doc.text(fields.section_kind))
            .unwrap_or(SectionKind::Other),
        passage: doc.u64(fields.passage) as u32,
        line: nonzero(doc.u64(fields.line)),
        page: nonzero(doc.u64(fields.page)),
        text: doc.text(fields.text),
        citations: doc
            .text(fields.citations)
            .split(',')
            .filter_map(|s| s.parse().ok())
            .collect(),
        paragraph: doc.u64(fields.paragraph) as u32,
        pieces: doc.u64(fields.pieces).max(1) as u32,
        lead: doc.text(fields.lead),
    })
}

/// The pieces right before and after `p` in its paragraph, in reading order: the
/// only ones a match of `p` can take words from (each piece is matched joined with
/// its neighbour). The others are not read from the store.
pub fn siblings(
    index: &PaperIndex,
    searcher: &Searcher,
    p: &StoredPassage,
) -> Result<Vec<StoredPassage>, IndexError> {
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::IndexRecordOption;
    if p.pieces <= 1 {
        return Ok(Vec::new());
    }
    let f = &index.fields;
    let q = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                tantivy::Term::from_field_text(f.file, &p.file),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>,
        ),
        (
            Occur::Must,
            Box::new(TermQuery::new(
                tantivy::Term::from_field_u64(f.paragraph, u64::from(p.paragraph)),
                IndexRecordOption::Basic,
            )),
        ),
    ]);
    // Every piece of the paragraph, however many: only the two next to `p` are read.
    let docs = searcher
        .search(&q, &tantivy::collector::DocSetCollector)
        .map_err(|e| index.tantivy_error(e))?;
    let mut out = Vec::new();
    for addr in docs {
        let number = searcher
            .segment_reader(addr.segment_ord)
            .fast_fields()
            .u64(super::names::PASSAGE)
            .ok()
            .and_then(|c| c.first(addr.doc_id));
        if number.is_some_and(|n| n.abs_diff(u64::from(p.passage)) != 1) {
            continue;
        }
        let s = stored(searcher, f, addr).map_err(|e| index.tantivy_error(e))?;
        if s.passage.abs_diff(p.passage) == 1 {
            out.push(s);
        }
    }
    out.sort_by_key(|s| s.passage);
    Ok(out)
}

/// The best `limit` passages and how many match in all.
pub fn top_passages(
    index: &PaperIndex,
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
) -> Result<(Vec<(Score, StoredPassage)>, usize), IndexError> {
    // Equal scores rank by paper and passage, numbers fixed by the text: the order
    // never depends on how indexing spread the passages over segments.
    let ranked = TopDocs::with_limit(limit.max(1)).tweak_score(|reader: &SegmentReader| {
        let place = std::sync::Arc::new(Place::of(reader));
        move |doc: DocId, score: Score| {
            (
                steady(score),
                PlaceOf {
                    place: place.clone(),
                    doc,
                },
            )
        }
    });
    let (top, total) = searcher
        .search(query, &(ranked, Count))
        .map_err(|e| index.tantivy_error(e))?;
    let mut out = Vec::with_capacity(top.len());
    for ((score, _), addr) in top.into_iter().take(limit) {
        out.push((
            score,
            stored(searcher, &index.fields, addr).map_err(|e| index.tantivy_error(e))?,
        ));
    }
    Ok((out, total))
}

/// All matches of one country.
#[derive(Debug, Clone)]
pub struct CountryMatches {
    pub country: String,
    /// Matching passages; the pieces of one split paragraph count once.
    pub passages: usize,
    pub papers: usize,
    pub best: (Score, DocAddress),
    /// The best few passages, best first (ties by paper and passage): the ranking
    /// uses their scores, stance reads their text.
    pub top: Vec<(Score, DocAddress)>,
}

impl CountryMatches {
    /// The three best scores, best first.
    pub fn top_scores(&self) -> impl Iterator<Item = Score> + '_ {
        self.top.iter().take(3).map(|(s, _)| *s)
    }
}

/// A score rounded to 11 bits of mantissa (about 0.05 %). tantivy adds the scores of a
/// query's words in an order that depends on each segment's postings, so the same
/// passage can score a bit or two apart in two builds of one corpus; rounded, it scores
/// the same, and passages that close rank by their place, as ties do.
fn steady(score: Score) -> Score {
    if !score.is_finite() || score <= 0.0 {
        return score;
    }
    Score::from_bits((score.to_bits() + 0x800) & !0xFFF)
}

/// Where a passage stands, as numbers fixed by the text (not by indexing order): the
/// paper (a hash of its file name) and the passage's number in it. Ties rank by it.
struct Place {
    paper: Option<tantivy::columnar::Column<u64>>,
    passage: Option<tantivy::columnar::Column<u64>>,
}

impl Place {
    fn of(reader: &SegmentReader) -> Place {
        Place {
            paper: reader.fast_fields().u64(super::names::PAPER).ok(),
            passage: reader.fast_fields().u64(super::names::PASSAGE).ok(),
        }
    }

    fn paper(&self, doc: DocId) -> u64 {
        self.paper.as_ref().and_then(|c| c.first(doc)).unwrap_or(0)
    }

    fn passage(&self, doc: DocId) -> u64 {
        self.passage
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(0)
    }

    fn key(&self, doc: DocId) -> (u64, u64) {
        (self.paper(doc), self.passage(doc))
    }
}

/// A passage's score, with its place (paper, passage) that breaks ties.
type Placed<D> = (Score, ((u64, u64), D));

/// A passage's place, read only when two scores tie (most hits never need it). The
/// earlier place ranks first, so it compares greater.
#[derive(Clone)]
struct PlaceOf {
    place: std::sync::Arc<Place>,
    doc: DocId,
}

impl PlaceOf {
    fn key(&self) -> (u64, u64) {
        self.place.key(self.doc)
    }
}

impl PartialEq for PlaceOf {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl PartialOrd for PlaceOf {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(Reverse(self.key()).cmp(&Reverse(other.key())))
    }
}

impl std::fmt::Debug for PlaceOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.key())
    }
}

/// How many of a country's best passages are kept.
const KEEP_TOP: usize = 6;

/// Groups every matching passage by country, exactly (not from the top N).
pub fn group_by_country(
    index: &PaperIndex,
    searcher: &Searcher,
    query: &dyn Query,
) -> Result<Vec<CountryMatches>, IndexError> {
    searcher
        .search(query, &ByCountry)
        .map_err(|e| index.tantivy_error(e))
}

struct ByCountry;

#[derive(Default)]
struct Acc {
    /// (paper, paragraph) keys of the matching passages.
    paragraphs: FxHashSet<(u64, u64)>,
    files: FxHashSet<u64>,
    top: Vec<Placed<DocId>>,
}

struct ByCountrySegment {
    segment: SegmentOrdinal,
    country: Option<StrColumn>,
    place: Place,
    paragraph: Option<tantivy::columnar::Column<u64>>,
    /// Indexed by the country's ordinal in this segment (there are few countries).
    acc: Vec<Option<Acc>>,
}

/// Per segment: country -> (paragraph keys, paper keys, top passages).
type SegmentFruit = Vec<(
    String,
    FxHashSet<(u64, u64)>,
    FxHashSet<u64>,
    Vec<Placed<DocAddress>>,
)>;

/// Keeps the `KEEP_TOP` best, best first; equal scores by place (paper, passage), so
/// the answer depends neither on the order hits arrive in nor on the segments.
fn push_top<D: Ord + Copy>(top: &mut Vec<(Score, D)>, s: Score, d: D) {
    if top.len() == KEEP_TOP {
        if let Some(&(last, ld)) = top.last() {
            if last > s || (last == s && ld < d) {
                return;
            }
        }
    }
    top.push((s, d));
    top.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    top.truncate(KEEP_TOP);
}

impl SegmentCollector for ByCountrySegment {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(country) = self.country.as_ref().and_then(|c| c.term_ords(doc).next()) else {
            return;
        };
        // Papers are counted by a number, not by name: turning every matching
        // file's name into a string would cost more than the search.
        let file = self.place.paper(doc);
        let paragraph = self
            .paragraph
            .as_ref()
            .and_then(|c| c.first(doc))
            .unwrap_or(u64::from(doc));
        let Some(slot) = self.acc.get_mut(country as usize) else {
            return;
        };
        let acc = slot.get_or_insert_with(Acc::default);
        acc.paragraphs.insert((file, paragraph));
        acc.files.insert(file);
        let score = steady(score);
        // Most matches score below the country's best few: skip reading their place.
        if acc.top.len() == KEEP_TOP && acc.top.last().is_some_and(|(last, _)| *last > score) {
            return;
        }
        push_top(&mut acc.top, score, ((file, self.place.passage(doc)), doc));
    }

    fn harvest(self) -> SegmentFruit {
        let mut out = Vec::with_capacity(self.acc.len());
        let mut name = String::new();
        for (ord, acc) in self
            .acc
            .into_iter()
            .enumerate()
            .filter_map(|(i, a)| a.map(|a| (i as u64, a)))
        {
            name.clear();
            let country = match &self.country {
                Some(c) if c.ord_to_str(ord, &mut name).unwrap_or(false) => name.clone(),
                _ => continue,
            };
            let top = acc
                .top
                .into_iter()
                .map(|(s, (place, d))| (s, (place, DocAddress::new(self.segment, d))))
                .collect();
            out.push((country, acc.paragraphs, acc.files, top));
        }
        out
    }
}

/// Paragraph keys, paper keys, top passages.
type Merged = (
    FxHashSet<(u64, u64)>,
    FxHashSet<u64>,
    Vec<Placed<DocAddress>>,
);

impl Collector for ByCountry {
    type Fruit = Vec<CountryMatches>;
    type Child = ByCountrySegment;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<ByCountrySegment> {
        Ok(ByCountrySegment {
            segment,
            country: reader.fast_fields().str(super::names::COUNTRY)?,
            place: Place::of(reader),
            paragraph: reader.fast_fields().u64(super::names::PARAGRAPH).ok(),
            acc: Vec::new(),
        })
        .map(|mut c| {
            let countries = c.country.as_ref().map_or(0, |col| col.num_terms());
            c.acc.resize_with(countries, || None);
            c
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<Vec<CountryMatches>> {
        let mut merged: BTreeMap<String, Merged> = BTreeMap::new();
        for fruit in fruits {
            for (country, paragraphs, files, top) in fruit {
                let e = merged.entry(country).or_default();
                e.0.extend(paragraphs);
                e.1.extend(files);
                for (s, d) in top {
                    push_top(&mut e.2, s, d);
                }
            }
        }
        Ok(merged
            .into_iter()
            .filter_map(|(country, (paragraphs, files, top))| {
                let top: Vec<(Score, DocAddress)> =
                    top.into_iter().map(|(s, (_, d))| (s, d)).collect();
                Some(CountryMatches {
                    country,
                    passages: paragraphs.len(),
                    papers: files.len(),
                    best: *top.first()?,
                    top,
                })
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn scores_a_rounding_apart_are_equal() {
        let a: f32 = 7.566373;
        let b = f32::from_bits(a.to_bits() + 1);
        assert_eq!(super::steady(a), super::steady(b));
        assert!((super::steady(a) - a).abs() / a < 1e-3);
        assert!(super::steady(1.0) < super::steady(1.001));
        assert_eq!(super::steady(0.0), 0.0);
    }
}
