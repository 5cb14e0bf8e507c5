//! The features file beside the index (`caucus-features.bin`): the profile
//! features ([`Items`]) of the passages the similarity commands have read, with the
//! [`Dictionary`] they are numbered in. It is a cache, never the truth: `index` does
//! not write it (indexing costs no more for it); `allies`, `compare` and `blocs`
//! featurise the passages it does not hold, or holds for another text, and keep
//! them in it for the next command. Each passage is kept with a digest of its
//! country and text, so a passage whose text (or paper's country) changed is read
//! again, whatever the history of updates.
//! It is written through a temporary file and a rename, numbered afresh each time
//! in the order of the papers' paths, and a file that is damaged or from another
//! version is ignored (and replaced on the next write).
//!
//! Layout (integers as LEB128 varints, strings as a length and UTF-8 bytes):
//! magic, fingerprint (32 bytes), raw words, stems, features (stem, next stem + 1
//! or 0), surfaces (feature, raw, next raw + 1 or 0), papers (path, byte length,
//! then passages: number, text digest, item count, items as surface and count),
//! and a BLAKE3 digest of all that precedes it.

use super::{fingerprint, Dictionary, Items, Surface, NONE};
use crate::index::crash_point;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

/// Bumped whenever the layout or the way passages are featurised changes.
pub const FORMAT: &str = "caucus-features-3";
/// The file's name in the index folder.
pub const FILE: &str = "caucus-features.bin";
const MAGIC: &[u8; 16] = b"caucus-features\n";

/// True for the names of the files this module writes: the file, and the
/// temporary files (one per process) it is written through.
pub fn is_store_file(name: &str) -> bool {
    name == FILE
        || name
            .strip_prefix("caucus-features.bin.")
            .is_some_and(|rest| rest.ends_with(".tmp"))
}

/// The digest a passage's features are kept with: the first 8 bytes of the BLAKE3
/// hash of its country and its text. The country counts because featurising leaves
/// the paper's own country name out: a paper whose header now names another
/// country is read again even where its passages' text is the same.
pub fn text_digest(country: &str, text: &str) -> u64 {
    let mut h = blake3::Hasher::new();
    h.update(country.as_bytes());
    h.update(&[0]);
    h.update(text.as_bytes());
    let hash = h.finalize();
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_le_bytes(bytes)
}

/// One passage's features as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassageFeatures {
    /// The passage's number in its paper.
    pub number: u32,
    /// Its [`text_digest`]: a passage whose text (or country) differs is read again.
    pub text: u64,
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
        put(out, p.text);
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
        let text = r.u()?;
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
            text,
            items,
        });
    }
    (r.at == b.len()).then_some(out)
}

/// A file's contents: its dictionary and papers (path, byte range of its record).
/// None when it is damaged or from another version.
#[allow(clippy::type_complexity)]
fn parse(bytes: &[u8]) -> Option<(Dictionary, Vec<(&str, (usize, usize))>)> {
    let body_len = bytes.len().checked_sub(32)?;
    let (body, digest) = bytes.split_at(body_len);
    if blake3::hash(body).as_bytes() != digest {
        return None;
    }
    let mut r = Reader { b: body, at: 0 };
    if r.bytes(MAGIC.len())? != MAGIC || r.bytes(32)? != fingerprint() {
        return None;
    }
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
    Some((dict, papers))
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
        decode_paper(self.record(rel)?, self.surfaces)
    }

    /// A paper's record as kept, undecoded.
    fn record(&self, rel: &str) -> Option<&[u8]> {
        let &(from, to) = self.at.get(rel)?;
        self.bytes.get(from..to)
    }
}

/// A features file as a command reads it.
pub struct FeatureStore {
    dict: Dictionary,
    papers: Papers,
}

impl FeatureStore {
    /// The file in `index_dir`; None when it is missing, damaged or from another
    /// version of caucus.
    pub fn load(index_dir: &Path) -> Option<FeatureStore> {
        let bytes = std::fs::read(index_dir.join(FILE)).ok()?;
        let (dict, papers) = parse(&bytes)?;
        let at = papers
            .into_iter()
            .map(|(rel, range)| (rel.to_owned(), range))
            .collect();
        let surfaces = dict.surfaces.len();
        Some(FeatureStore {
            dict,
            papers: Papers {
                bytes,
                at,
                surfaces,
            },
        })
    }

    pub fn into_parts(self) -> (Dictionary, Papers) {
        (self.dict, self.papers)
    }

    /// Everything the file holds, by name rather than number: path -> passages ->
    /// (number, text digest, [(feature's stems, surface, count)]). Two files that
    /// describe the same passages describe them alike, however they were numbered.
    #[allow(clippy::type_complexity)]
    pub fn describe(&self) -> BTreeMap<String, Vec<(u32, u64, Vec<(String, String, u32)>)>> {
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
                    (p.number, p.text, items)
                })
                .collect();
            out.insert(rel.clone(), described);
        }
        out
    }
}

/// Writes the file in `index_dir` anew: the papers of `old` (the file as read,
/// numbered in a prefix of `dict`) that `alive` keeps, with the passages of `fresh`
/// (numbered in `dict`) in place of those with the same numbers. A paper of `fresh`
/// keeps its other passages from `old` (a command may read one topic of a paper).
pub fn keep(
    index_dir: &Path,
    dict: &Dictionary,
    old: Option<&Papers>,
    fresh: BTreeMap<String, Vec<PassageFeatures>>,
    alive: impl Fn(&str) -> bool,
) -> std::io::Result<()> {
    let bad = || std::io::Error::other("a features record does not match its dictionary");
    let mut papers: BTreeMap<&str, Cow<[u8]>> = BTreeMap::new();
    if let Some(old) = old {
        for rel in old.at.keys() {
            if alive(rel) && !fresh.contains_key(rel) {
                papers.insert(rel, Cow::Borrowed(old.record(rel).ok_or_else(bad)?));
            }
        }
    }
    for (rel, mut passages) in fresh.iter().map(|(r, p)| (r, p.clone())) {
        if let Some(before) = old.and_then(|o| o.get(rel)) {
            let numbers: std::collections::BTreeSet<u32> =
                passages.iter().map(|p| p.number).collect();
            passages.extend(before.into_iter().filter(|p| !numbers.contains(&p.number)));
        }
        passages.sort_by_key(|p| p.number);
        let mut record = Vec::new();
        encode_paper(&passages, &mut record);
        papers.insert(rel, Cow::Owned(record));
    }
    write(index_dir, dict, &papers)
}

/// Writes `papers` (records numbered in `d`), numbered afresh in the order of the
/// papers' paths.
fn write(
    index_dir: &Path,
    d: &Dictionary,
    papers: &BTreeMap<&str, Cow<[u8]>>,
) -> std::io::Result<()> {
    let mut dict = Dictionary::default();
    let (mut new_raw, mut new_stem, mut new_feature, mut new_surface) = (
        vec![NONE; d.raws.len()],
        vec![NONE; d.stems.len()],
        vec![NONE; d.features.len()],
        vec![NONE; d.surfaces.len()],
    );
    let bad = || std::io::Error::other("a features record does not match its dictionary");
    // The papers' section, renumbered paper by paper (never all decoded at once).
    let mut section = Vec::with_capacity(papers.values().map(|r| r.len()).sum::<usize>() + 64);
    put(&mut section, papers.len() as u64);
    let mut record = Vec::new();
    for (rel, old_record) in papers {
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
    let tmp = index_dir.join(format!("{FILE}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        std::io::Write::write_all(&mut file, &out)?;
        std::io::Write::write_all(&mut file, &section)?;
        std::io::Write::write_all(&mut file, digest.finalize().as_bytes())?;
        std::io::Write::flush(&mut file)?;
        drop(file);
        crash_point();
        std::fs::rename(&tmp, index_dir.join(FILE))
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
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
            text: text_digest("Belgium", "forty bytes of text"),
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
