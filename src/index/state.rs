//! What the index holds, kept beside it: the corpus it was built from and, per file,
//! the size, modification time and content hash seen when it was indexed. The
//! indexer compares the corpus against this to re-read only what changed; a query
//! compares a cheap fingerprint to tell the user when the corpus has moved on.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FILES: &str = "caucus-files.json";
const SUMMARY: &str = "caucus.json";
/// Bumped when the way papers are parsed changes, so old indexes are rebuilt.
pub const PARSER_VERSION: u32 = 1;

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
    /// MinHash of the paper's prose, to find the same paper saved in several formats.
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
    base == FILES || base == SUMMARY || name == "caucus-files.json.tmp" || name == "caucus.json.tmp"
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
    pub fn load(index_dir: &Path) -> Option<Files> {
        read_json(&index_dir.join(FILES))
    }

    pub fn save(&self, index_dir: &Path) -> std::io::Result<()> {
        write_json(&index_dir.join(FILES), self)
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
    let mut hasher = blake3::Hasher::new();
    for (path, size, mtime) in sorted {
        hasher.update(path.as_bytes());
        hasher.update(&[0]);
        hasher.update(&size.to_le_bytes());
        hasher.update(&mtime.to_le_bytes());
    }
    hasher.finalize().to_hex()[..32].to_owned()
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
}
