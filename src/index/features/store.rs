//! The features file beside the index (`caucus-features.bin`): every indexed
//! passage's [`Items`], with the [`Dictionary`] they are numbered in, written by the
//! indexer after each commit and read by the commands that compare countries.
//!
//! It says which commit it describes (the commit's payload, as the file record
//! does), and a reader only trusts it for that commit; the indexer replaces the
//! entries of the papers it re-reads, drops those of papers removed or folded into
//! another file, and rebuilds the whole file from the index's stored text when it is
//! missing, damaged, from another version or from another commit. It is written
//! through a temporary file and a rename, numbered afresh each time in the order of
//! the papers' paths, so the file depends only on what the index holds and never on
//! the history of updates.
//!
//! Layout (integers as LEB128 varints, strings as a length and UTF-8 bytes):
//! magic, fingerprint (32 bytes), generation, raw words, stems, features
//! (stem, next stem + 1 or 0), surfaces (feature, raw, next raw + 1 or 0), papers
//! (path, byte length, then passages: number, text length in bytes, item count,
//! items as surface and count), and a BLAKE3 digest of all that precedes it.

use super::{fingerprint, Dictionary, FeatureOptions, Featurizer, Items, Surface, NONE};
use crate::index::search::{self, StoredPassage};
use crate::index::{crash_point, IndexError, PaperIndex};
use crate::paper::{Paper, SectionKind};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Bumped whenever the layout or the way passages are featurised changes.
pub const FORMAT: &str = "caucus-features-1";
/// The file's name in the index folder.
pub const FILE: &str = "caucus-features.bin";
const TMP: &str = "caucus-features.bin.tmp";
const MAGIC: &[u8; 16] = b"caucus-features\n";

/// True for the names of the files this module writes.
pub fn is_store_file(name: &str) -> bool {
    name == FILE || name == TMP
}

/// One passage's features as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageFeatures {
    /// The passage's number in its paper.
    pub number: u32,
    /// The length of its text in bytes: a passage whose text differs is read again.
    pub text_len: u32,
    pub items: Items,
}

fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// `b` + 1, or 0 for [`NONE`].
fn opt(b: u32) -> u64 {
    if b == NONE {
        0
    } else {
        u64::from(b) + 1
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn u(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.b.get(self.at)?;
            self.at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u()?).ok()
    }

    /// A count of things each at least one byte long: never more than what is left.
    fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u()?).ok()?;
        (n <= self.b.len() - self.at).then_some(n)
    }

    fn opt(&mut self) -> Option<u32> {
        match self.u32()? {
            0 => Some(NONE),
            v => Some(v - 1),
        }
    }

    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.b.get(self.at..end)?;
        self.at = end;
        Some(s)
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.count()?;
        std::str::from_utf8(self.bytes(n)?).ok()
    }
}

fn encode_paper(passages: &[PassageFeatures], out: &mut Vec<u8>) {
    put(out, passages.len() as u64);
    for p in passages {
        put(out, u64::from(p.number));
        put(out, u64::from(p.text_len));
        put(out, p.items.len() as u64);
        for (s, c) in &p.items {
            put(out, u64::from(*s));
            put(out, u64::from(*c));
        }
    }
}

/// A paper's passages, checked against the number of surfaces there are.
fn decode_paper(b: &[u8], surfaces: usize) -> Option<Vec<PassageFeatures>> {
    let mut r = Reader { b, at: 0 };
    let n = r.count()?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let number = r.u32()?;
        let text_len = r.u32()?;
        let k = r.count()?;
        let mut items = Vec::with_capacity(k);
        for _ in 0..k {
            let s = r.u32()?;
            if s as usize >= surfaces {
                return None;
            }
            items.push((s, r.u32()?));
        }
        out.push(PassageFeatures {
            number,
            text_len,
            items,
        });
    }
    (r.at == b.len()).then_some(out)
}

/// A file's contents: its generation, dictionary and papers (path, byte range of
/// its record). None when it is damaged or from another version.
#[allow(clippy::type_complexity)]
fn parse(bytes: &[u8]) -> Option<(String, Dictionary, Vec<(&str, (usize, usize))>)> {
    let body_len = bytes.len().checked_sub(32)?;
    let (body, digest) = bytes.split_at(body_len);
    if blake3::hash(body).as_bytes() != digest {
        return None;
    }
    let mut r = Reader { b: body, at: 0 };
    if r.bytes(MAGIC.len())? != MAGIC || r.bytes(32)? != fingerprint() {
        return None;
    }
    let generation = r.str()?.to_owned();
    let strings = |r: &mut Reader| -> Option<Vec<String>> {
        let n = r.count()?;
        (0..n).map(|_| r.str().map(str::to_owned)).collect()
    };
    let raws = strings(&mut r)?;
    let stems = strings(&mut r)?;
    let n = r.count()?;
    let mut features = Vec::with_capacity(n);
    for _ in 0..n {
        let (a, b) = (r.u32()?, r.opt()?);
        if a as usize >= stems.len() || (b != NONE && b as usize >= stems.len()) {
            return None;
        }
        features.push((a, b));
    }
    let n = r.count()?;
    let mut surfaces = Vec::with_capacity(n);
    for _ in 0..n {
        let (feature, a, b) = (r.u32()?, r.u32()?, r.opt()?);
        if feature as usize >= features.len()
            || a as usize >= raws.len()
            || (b != NONE && b as usize >= raws.len())
        {
            return None;
        }
        surfaces.push(Surface {
            feature,
            raw: (a, b),
        });
    }
    let n = r.count()?;
    let mut papers = Vec::with_capacity(n);
    for _ in 0..n {
        let rel = r.str()?;
        let len = r.count()?;
        let from = r.at;
        r.bytes(len)?;
        papers.push((rel, (from, from + len)));
    }
    if r.at != body.len() {
        return None;
    }
    let dict = Dictionary {
        raws,
        stems,
        features,
        surfaces,
    };
    Some((generation, dict, papers))
}

/// The papers of a features file, decoded one at a time when asked for.
pub struct Papers {
    bytes: Vec<u8>,
    at: FxHashMap<String, (usize, usize)>,
    surfaces: usize,
}

impl Papers {
    /// A paper's passages, by number; None when the file does not hold the paper.
    pub fn get(&self, rel: &str) -> Option<Vec<PassageFeatures>> {
        let &(from, to) = self.at.get(rel)?;
        decode_paper(self.bytes.get(from..to)?, self.surfaces)
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }
}

/// A features file as a query reads it.
pub struct FeatureStore {
    generation: String,
    dict: Dictionary,
    papers: Papers,
}

impl FeatureStore {
    /// The file in `index_dir`; None when it is missing, damaged or from another
    /// version of caucus.
    pub fn load(index_dir: &Path) -> Option<FeatureStore> {
        let bytes = std::fs::read(index_dir.join(FILE)).ok()?;
        let (generation, dict, papers) = parse(&bytes)?;
        let at = papers
            .into_iter()
            .map(|(rel, range)| (rel.to_owned(), range))
            .collect();
        let surfaces = dict.surfaces.len();
        Some(FeatureStore {
            generation,
            dict,
            papers: Papers {
                bytes,
                at,
                surfaces,
            },
        })
    }

    /// The file of the index's last commit; None when there is none, or when the
    /// file describes another commit (an indexing run was cut off before writing it).
    pub fn for_index(index: &PaperIndex) -> Option<FeatureStore> {
        let committed = index.index.load_metas().ok()?.payload?;
        Self::load(&index.dir).filter(|s| s.generation == committed)
    }

    /// The commit the file describes.
    pub fn generation(&self) -> &str {
        &self.generation
    }

    pub fn dict(&self) -> &Dictionary {
        &self.dict
    }

    pub fn papers(&self) -> &Papers {
        &self.papers
    }

    pub fn into_parts(self) -> (Dictionary, Papers) {
        (self.dict, self.papers)
    }

    /// Everything the file holds, by name rather than number: path -> passages ->
    /// (feature's stems, surface, count). Two files that describe the same papers
    /// describe them alike, however differently they were numbered.
    #[allow(clippy::type_complexity)]
    pub fn describe(&self) -> BTreeMap<String, Vec<(u32, u32, Vec<(String, String, u32)>)>> {
        let d = &self.dict;
        let stem = |s: u32| {
            if s == NONE {
                ""
            } else {
                d.stems[s as usize].as_str()
            }
        };
        let mut out = BTreeMap::new();
        for rel in self.papers.at.keys() {
            let passages = self.papers.get(rel).unwrap_or_default();
            let described = passages
                .into_iter()
                .map(|p| {
                    let items = p
                        .items
                        .iter()
                        .map(|&(s, c)| {
                            let (a, b) = d.features[d.feature_of(s) as usize];
                            (format!("{} {}", stem(a), stem(b)), d.label(s), c)
                        })
                        .collect();
                    (p.number, p.text_len, items)
                })
                .collect();
            out.insert(rel.clone(), described);
        }
        out
    }
}

/// The features file as the indexer keeps it up to date.
pub struct Sidecar {
    featurizer: Featurizer,
    /// Path -> the paper's record, numbered in the featurizer's dictionary.
    papers: BTreeMap<String, Vec<u8>>,
    /// The generation of the file on disk, when it was read whole.
    on_disk: Option<String>,
    changed: bool,
    items: Items,
}

impl Sidecar {
    /// The file as the last commit (`committed`) left it, or an empty one when it is
    /// missing, damaged, from another version, from another commit, or `fresh` (the
    /// index is being rebuilt).
    pub fn open(index_dir: &Path, committed: &str, fresh: bool) -> Sidecar {
        let loaded = if fresh {
            None
        } else {
            std::fs::read(index_dir.join(FILE)).ok().and_then(|bytes| {
                let (generation, dict, papers) = parse(&bytes)?;
                if generation != committed {
                    return None;
                }
                let papers = papers
                    .into_iter()
                    .map(|(rel, (from, to))| (rel.to_owned(), bytes[from..to].to_vec()))
                    .collect();
                Some((generation, dict, papers))
            })
        };
        match loaded {
            Some((generation, dict, papers)) => Sidecar {
                featurizer: Featurizer::with_dictionary(dict, FeatureOptions::default()),
                papers,
                on_disk: Some(generation),
                changed: false,
                items: Items::new(),
            },
            None => Sidecar {
                featurizer: Featurizer::new(FeatureOptions::default()),
                papers: BTreeMap::new(),
                on_disk: None,
                changed: true,
                items: Items::new(),
            },
        }
    }

    /// Featurises the passages of a paper that profiles read: none when its country
    /// or committee is unknown, and never its bibliography.
    fn set<'a>(
        &mut self,
        rel: &str,
        country: &str,
        placed: bool,
        passages: impl Iterator<Item = (u32, &'a str, bool)>,
    ) {
        let mut kept = Vec::new();
        if placed && country != crate::paper::UNKNOWN {
            for (number, text, bibliography) in passages {
                if bibliography {
                    continue;
                }
                self.featurizer.passage(country, text, &mut self.items);
                kept.push(PassageFeatures {
                    number,
                    text_len: text.len() as u32,
                    items: std::mem::take(&mut self.items),
                });
            }
        }
        kept.sort_by_key(|p| p.number);
        let mut record = Vec::new();
        encode_paper(&kept, &mut record);
        self.papers.insert(rel.to_owned(), record);
        self.changed = true;
    }

    /// A paper just read, as the indexer adds it.
    pub fn set_paper(&mut self, rel: &str, paper: &Paper) {
        let passages = paper.passages.iter().map(|p| {
            let bibliography = paper
                .section_of(p)
                .is_some_and(|s| s.kind == SectionKind::Bibliography);
            (p.number, p.text.as_str(), bibliography)
        });
        self.set(
            rel,
            &paper.country.name,
            paper.committee.is_some(),
            passages,
        );
    }

    /// A paper as the index stores it.
    pub fn set_stored(&mut self, rel: &str, passages: &[StoredPassage]) {
        let Some(first) = passages.first() else {
            self.set(rel, "", false, std::iter::empty());
            return;
        };
        let (country, placed) = (first.country.clone(), !first.committee.is_empty());
        let it = passages.iter().map(|p| {
            (
                p.passage,
                p.text.as_str(),
                p.section_kind == SectionKind::Bibliography,
            )
        });
        self.set(rel, &country, placed, it);
    }

    pub fn remove(&mut self, rel: &str) {
        self.changed |= self.papers.remove(rel).is_some();
    }

    /// Brings the file in line with the papers the index holds (`indexed`, by
    /// path), reading from the index those it has no entry for, and writes it for
    /// the commit `generation` when anything changed.
    pub fn sync(
        &mut self,
        index: &PaperIndex,
        indexed: &BTreeSet<String>,
        generation: &str,
    ) -> Result<(), IndexError> {
        let stale: Vec<String> = self
            .papers
            .keys()
            .filter(|rel| !indexed.contains(*rel))
            .cloned()
            .collect();
        for rel in stale {
            self.remove(&rel);
        }
        let missing: BTreeSet<&str> = indexed
            .iter()
            .filter(|rel| !self.papers.contains_key(*rel))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            let searcher = index.searcher()?;
            let mut docs: Vec<_> = searcher
                .search(
                    &tantivy::query::AllQuery,
                    &tantivy::collector::DocSetCollector,
                )
                .map_err(|e| index.tantivy_error(e))?
                .into_iter()
                .collect();
            docs.sort();
            let mut by_file: BTreeMap<String, Vec<StoredPassage>> = BTreeMap::new();
            for addr in docs {
                let p = search::stored(&searcher, &index.fields, addr)
                    .map_err(|e| index.tantivy_error(e))?;
                if missing.contains(p.file.as_str()) {
                    by_file.entry(p.file.clone()).or_default().push(p);
                }
            }
            for rel in missing {
                let passages = by_file.remove(rel).unwrap_or_default();
                self.set_stored(rel, &passages);
            }
        }
        if self.changed || self.on_disk.as_deref() != Some(generation) {
            self.save(&index.dir, generation)
                .map_err(|e| crate::index::write_error(&index.dir, e))?;
            self.on_disk = Some(generation.to_owned());
            self.changed = false;
        }
        Ok(())
    }

    /// Writes the file, numbered afresh in the order of the papers' paths.
    fn save(&self, index_dir: &Path, generation: &str) -> std::io::Result<()> {
        let d = self.featurizer.dict();
        let mut dict = Dictionary::default();
        let (mut new_raw, mut new_stem, mut new_feature, mut new_surface) = (
            vec![NONE; d.raws.len()],
            vec![NONE; d.stems.len()],
            vec![NONE; d.features.len()],
            vec![NONE; d.surfaces.len()],
        );
        let bad = || std::io::Error::other("a features record does not match its dictionary");
        // The papers' section, renumbered paper by paper (never all decoded at once).
        let mut section =
            Vec::with_capacity(self.papers.values().map(Vec::len).sum::<usize>() + 64);
        put(&mut section, self.papers.len() as u64);
        let mut record = Vec::new();
        for (rel, old_record) in &self.papers {
            let mut passages = decode_paper(old_record, d.surfaces.len()).ok_or_else(bad)?;
            for p in &mut passages {
                for (s, _) in &mut p.items {
                    let old = *s as usize;
                    if new_surface[old] == NONE {
                        let Surface { feature, raw } = d.surfaces[old];
                        let f = feature as usize;
                        if new_feature[f] == NONE {
                            let (a, b) = d.features[f];
                            let a = renumber(&mut new_stem, &d.stems, &mut dict.stems, a);
                            let b = renumber(&mut new_stem, &d.stems, &mut dict.stems, b);
                            new_feature[f] = dict.features.len() as u32;
                            dict.features.push((a, b));
                        }
                        let raw = (
                            renumber(&mut new_raw, &d.raws, &mut dict.raws, raw.0),
                            renumber(&mut new_raw, &d.raws, &mut dict.raws, raw.1),
                        );
                        new_surface[old] = dict.surfaces.len() as u32;
                        dict.surfaces.push(Surface {
                            feature: new_feature[f],
                            raw,
                        });
                    }
                    *s = new_surface[old];
                }
            }
            put_str(&mut section, rel);
            record.clear();
            encode_paper(&passages, &mut record);
            put(&mut section, record.len() as u64);
            section.extend_from_slice(&record);
        }
        let mut out = Vec::with_capacity(dict.surfaces.len() * 4 + 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&fingerprint());
        put_str(&mut out, generation);
        for strings in [&dict.raws, &dict.stems] {
            put(&mut out, strings.len() as u64);
            for s in strings {
                put_str(&mut out, s);
            }
        }
        put(&mut out, dict.features.len() as u64);
        for (a, b) in &dict.features {
            put(&mut out, u64::from(*a));
            put(&mut out, opt(*b));
        }
        put(&mut out, dict.surfaces.len() as u64);
        for s in &dict.surfaces {
            put(&mut out, u64::from(s.feature));
            put(&mut out, u64::from(s.raw.0));
            put(&mut out, opt(s.raw.1));
        }
        let mut digest = blake3::Hasher::new();
        digest.update(&out);
        digest.update(&section);
        let tmp = index_dir.join(TMP);
        let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        std::io::Write::write_all(&mut file, &out)?;
        std::io::Write::write_all(&mut file, &section)?;
        std::io::Write::write_all(&mut file, digest.finalize().as_bytes())?;
        std::io::Write::flush(&mut file)?;
        drop(file);
        crash_point();
        std::fs::rename(&tmp, index_dir.join(FILE))
    }
}

/// The new number of an old one (a string of `old`), numbering it on first sight.
fn renumber(map: &mut [u32], old: &[String], new: &mut Vec<String>, id: u32) -> u32 {
    if id == NONE {
        return NONE;
    }
    let slot = &mut map[id as usize];
    if *slot == NONE {
        *slot = new.len() as u32;
        new.push(old[id as usize].clone());
    }
    *slot
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_damage_is_refused() {
        let mut out = Vec::new();
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            put(&mut out, v);
        }
        let mut r = Reader { b: &out, at: 0 };
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.u(), Some(v));
        }
        assert_eq!(r.u(), None);
        let passages = vec![PassageFeatures {
            number: 3,
            text_len: 40,
            items: vec![(0, 2), (1, 1)],
        }];
        let mut b = Vec::new();
        encode_paper(&passages, &mut b);
        assert_eq!(decode_paper(&b, 2), Some(passages));
        // A surface the dictionary does not have, or a cut record.
        assert_eq!(decode_paper(&b, 1), None);
        assert_eq!(decode_paper(&b[..b.len() - 1], 2), None);
        assert!(parse(b"caucus-features\n").is_none());
    }
}
