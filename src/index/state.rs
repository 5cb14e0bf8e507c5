//! What the index holds, kept beside it: the corpus it was built from and, per file,
//! the size, modification time and content hash seen when it was indexed. The
//! indexer compares the corpus against this to re-read only what changed; a query
//! compares a cheap fingerprint to tell the user when the corpus has moved on.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The per-file record: [`FILES_MAGIC`] then the record in postcard's compact binary
/// form. Indexes written before it kept the record as JSON ([`FILES_JSON`]), which is
/// still read once and replaced on the next save.
const FILES: &str = "caucus-files.bin";
const FILES_JSON: &str = "caucus-files.json";
/// The first bytes of [`FILES`]; the digit is the layout's version, bumped when
/// [`FileState`] changes shape (postcard keeps no field names, so an old layout
/// cannot be read as a new one: it is then treated as missing and rebuilt).
const FILES_MAGIC: &[u8; 8] = b"CAUCUSF1";
const SUMMARY: &str = "caucus.json";
/// Bumped when the way papers are parsed changes, so old indexes are rebuilt.
pub const PARSER_VERSION: u32 = 3;

/// One indexed file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    pub size: u64,
    pub mtime_ns: i128,
    pub hash: String,
    pub passages: u32,
    /// The paper's canonical country, committee (code, name) and topics, so the
    /// catalogue of what the index holds can be rebuilt without reading the index.
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub committee: Option<(String, String)>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// Bottom-k sketch of the paper's word runs (`fold::signature`), to find the same
    /// paper saved in several formats.
    #[serde(default)]
    pub signature: Vec<u32>,
    /// When this file is a copy of another (the PDF of a paper also given as DOCX):
    /// the file indexed instead. A folded file has no passages in the index.
    #[serde(default)]
    pub folded_into: Option<String>,
}

/// The per-file record; read only by the indexer.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Files {
    pub files: BTreeMap<String, FileState>,
    /// The commit of the index this record describes (tantivy's commit payload).
    /// When they differ, a run was cut off between the two writes and the record
    /// cannot be trusted to say which papers the index holds.
    #[serde(default)]
    pub generation: String,
}

/// The small record a query reads.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Summary {
    pub parser_version: u32,
    /// The corpus folder, absolute.
    pub corpus: PathBuf,
    /// Fingerprint of (path, size, mtime) of every file indexed.
    pub fingerprint: String,
    /// The commit the summary was written after (the payload of tantivy's commit),
    /// and how many files the record held then: a run that finds the same files as
    /// `fingerprint` for this very commit has nothing to do.
    #[serde(default)]
    pub generation: String,
    #[serde(default)]
    pub recorded: usize,
    pub papers: usize,
    pub passages: u64,
    /// The `--include` / `--exclude` globs of the run, so a query walks the same files.
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    /// What the index holds, for resolving filters and "did you mean".
    #[serde(default)]
    pub catalog: Catalog,
}

/// The countries, committees and topics in the index.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Catalog {
    /// Country -> number of papers.
    pub countries: BTreeMap<String, usize>,
    /// Committee code -> full name.
    pub committees: BTreeMap<String, String>,
    pub topics: Vec<String>,
    /// Country -> the committee codes it wrote papers for.
    #[serde(default)]
    pub country_committees: BTreeMap<String, Vec<String>>,
    /// Papers caucus could not place: no country or no committee found. Indexed and
    /// searchable, but outside every committee filter; `list` names them.
    #[serde(default)]
    pub unplaced: Vec<Unplaced>,
    /// Files folded into another file as the same paper: (copy, file indexed).
    #[serde(default)]
    pub folded: Vec<(String, String)>,
}

/// A paper whose country or committee is unknown.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Unplaced {
    pub file: String,
    /// The country read, or `unknown`.
    pub country: String,
    /// The committee code read, if any.
    pub committee: Option<String>,
}

impl Catalog {
    pub fn from_files(files: &Files) -> Catalog {
        let mut c = Catalog::default();
        for (rel, f) in &files.files {
            if let Some(kept) = &f.folded_into {
                c.folded.push((rel.clone(), kept.clone()));
                continue;
            }
            let unknown_country = f.country.is_empty() || f.country == crate::paper::UNKNOWN;
            if unknown_country || f.committee.is_none() {
                c.unplaced.push(Unplaced {
                    file: rel.clone(),
                    country: if unknown_country {
                        crate::paper::UNKNOWN.to_owned()
                    } else {
                        f.country.clone()
                    },
                    committee: f.committee.as_ref().map(|(code, _)| code.clone()),
                });
            }
            *c.countries.entry(f.country.clone()).or_default() += 1;
            if let Some((code, name)) = &f.committee {
                c.committees.insert(code.clone(), name.clone());
                let list = c.country_committees.entry(f.country.clone()).or_default();
                if !list.contains(code) {
                    list.push(code.clone());
                }
            }
            for t in &f.topics {
                if !c.topics.contains(t) {
                    c.topics.push(t.clone());
                }
            }
        }
        c.topics.sort();
        c
    }
}

/// True for the names of the files this module writes (and their temporary twins).
pub fn is_state_file(name: &str) -> bool {
    let base = name.strip_suffix(".tmp").unwrap_or(name);
    base == FILES || base == FILES_JSON || base == SUMMARY
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Option<T> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Writes through a temporary file and a rename, so a reader never sees half a file.
fn write_json<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let tmp = path.with_extension("json.tmp");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
    serde_json::to_writer(&mut out, value).map_err(std::io::Error::from)?;
    std::io::Write::flush(&mut out)?;
    drop(out);
    super::crash_point();
    std::fs::rename(&tmp, path)
}

impl Files {
    /// The record, or None when it is missing, of another layout, or damaged (the
    /// indexer then re-reads every file and keeps the index consistent).
    pub fn load(index_dir: &Path) -> Option<Files> {
        match std::fs::read(index_dir.join(FILES)) {
            Ok(bytes) => Files::decode(&bytes),
            Err(_) => read_json(&index_dir.join(FILES_JSON)),
        }
    }

    fn decode(bytes: &[u8]) -> Option<Files> {
        let body = bytes.strip_prefix(FILES_MAGIC.as_slice())?;
        postcard::from_bytes(body).ok()
    }

    fn encode(&self) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_extend(self, FILES_MAGIC.to_vec())
    }

    /// Writes the record through a temporary file and a rename, and drops a JSON
    /// record an older caucus left.
    pub fn save(&self, index_dir: &Path) -> std::io::Result<()> {
        let bytes = self.encode().map_err(std::io::Error::other)?;
        let path = index_dir.join(FILES);
        let tmp = path.with_extension("bin.tmp");
        std::fs::write(&tmp, bytes)?;
        super::crash_point();
        std::fs::rename(&tmp, &path)?;
        match std::fs::remove_file(index_dir.join(FILES_JSON)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

impl Summary {
    pub fn load(index_dir: &Path) -> Option<Summary> {
        read_json(&index_dir.join(SUMMARY))
    }

    pub fn save(&self, index_dir: &Path) -> std::io::Result<()> {
        write_json(&index_dir.join(SUMMARY), self)
    }
}

/// A fingerprint of a set of files by path, size and modification time: changes
/// when a file is added, removed or edited, without reading any file.
pub fn fingerprint<'a>(entries: impl IntoIterator<Item = (&'a str, u64, i128)>) -> String {
    let mut sorted: Vec<_> = entries.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    // Hashed in one piece: one update per file costs more than the hashing.
    let mut bytes = Vec::with_capacity(sorted.iter().map(|e| e.0.len() + 25).sum());
    for (path, size, mtime) in sorted {
        bytes.extend_from_slice(path.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(&size.to_le_bytes());
        bytes.extend_from_slice(&mtime.to_le_bytes());
    }
    blake3::hash(&bytes).to_hex()[..32].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_order_and_sees_changes() {
        let a = fingerprint([("a.txt", 1, 5), ("b.txt", 2, 6)]);
        let b = fingerprint([("b.txt", 2, 6), ("a.txt", 1, 5)]);
        assert_eq!(a, b);
        assert_ne!(a, fingerprint([("a.txt", 1, 5), ("b.txt", 2, 7)]));
        assert_ne!(a, fingerprint([("a.txt", 1, 5)]));
    }

    fn sample() -> Files {
        let mut files = Files {
            generation: "g7".to_owned(),
            ..Files::default()
        };
        files.files.insert(
            "cnd/belgium.docx".to_owned(),
            FileState {
                size: 48_213,
                mtime_ns: -1_700_000_000_123_456_789,
                hash: "ab12".to_owned(),
                passages: 31,
                country: "Belgium".to_owned(),
                committee: Some(("CND".to_owned(), "Commission on Narcotic Drugs".to_owned())),
                topics: vec!["Online Drug Trafficking".to_owned()],
                signature: vec![0, 7, u32::MAX],
                folded_into: None,
            },
        );
        files.files.insert(
            "cnd/belgium.pdf".to_owned(),
            FileState {
                size: 1,
                mtime_ns: i128::MAX,
                hash: String::new(),
                passages: 0,
                country: String::new(),
                committee: None,
                topics: Vec::new(),
                signature: Vec::new(),
                folded_into: Some("cnd/belgium.docx".to_owned()),
            },
        );
        files
    }

    #[test]
    fn the_file_record_round_trips_in_binary() {
        let dir = tempfile::tempdir().unwrap();
        let files = sample();
        files.save(dir.path()).unwrap();
        let back = Files::load(dir.path()).unwrap();
        assert_eq!(back.files, files.files);
        assert_eq!(back.generation, files.generation);
        // Smaller than the JSON it replaces.
        let bin = std::fs::metadata(dir.path().join(FILES)).unwrap().len();
        assert!(bin < serde_json::to_vec(&files).unwrap().len() as u64);
        assert!(!dir.path().join(FILES.to_owned() + ".tmp").exists());
    }

    #[test]
    fn a_damaged_or_foreign_record_reads_as_missing() {
        let dir = tempfile::tempdir().unwrap();
        sample().save(dir.path()).unwrap();
        let path = dir.path().join(FILES);
        let good = std::fs::read(&path).unwrap();
        // Cut short, another layout's magic, or no magic at all.
        std::fs::write(&path, &good[..good.len() / 2]).unwrap();
        assert!(Files::load(dir.path()).is_none());
        let mut other = good.clone();
        other[7] = b'9';
        std::fs::write(&path, &other).unwrap();
        assert!(Files::load(dir.path()).is_none());
        std::fs::write(&path, b"{}").unwrap();
        assert!(Files::load(dir.path()).is_none());
    }

    #[test]
    fn an_older_json_record_is_read_then_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let files = sample();
        std::fs::write(
            dir.path().join(FILES_JSON),
            serde_json::to_vec(&files).unwrap(),
        )
        .unwrap();
        let back = Files::load(dir.path()).unwrap();
        assert_eq!(back.files, files.files);
        back.save(dir.path()).unwrap();
        assert!(!dir.path().join(FILES_JSON).exists());
        assert_eq!(Files::load(dir.path()).unwrap().files, files.files);
        for name in [
            "caucus-files.bin",
            "caucus-files.bin.tmp",
            "caucus-files.json.tmp",
            "caucus.json",
        ] {
            assert!(is_state_file(name), "{name}");
        }
    }
}
