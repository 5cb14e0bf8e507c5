//! Walking a corpus folder: which files are papers (by format, `--include` and
//! `--exclude` globs), and how each compares with what the index already holds.

use crate::index::state::{FileState, Files};
use crate::index::MARKER;
use crate::paper::formats::Format;
use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use walkdir::WalkDir;

/// A file the walk found that caucus can read.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    pub path: PathBuf,
    /// Relative to the corpus root, with `/` separators: the paper's key in the index.
    pub rel: String,
    pub format: Format,
    pub size: u64,
    pub mtime_ns: i128,
}

/// The result of a walk.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<CorpusFile>,
    /// Files of types caucus does not read (images, spreadsheets...).
    pub ignored: usize,
    /// Documents in formats caucus cannot read but a delegate may expect it to
    /// (old Word, RTF, Pages), by extension.
    pub unreadable_documents: BTreeMap<String, usize>,
    /// Files or folders the walk could not enter, with the reason.
    pub errors: Vec<(PathBuf, String)>,
    /// Symbolic links the walk followed to somewhere outside the corpus folder.
    pub links_outside: Vec<String>,
    /// Folders skipped because they hold a caucus index (the run's own, or another).
    pub index_folders: Vec<String>,
}

/// Errors in walk settings.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("corpus folder {0} does not exist")]
    Missing(PathBuf),
    #[error("{0} is not a folder")]
    NotADir(PathBuf),
    #[error("bad glob {glob:?}: {source}")]
    Glob {
        glob: String,
        #[source]
        source: globset::Error,
    },
}

/// Which files to take.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
}

fn glob_set(globs: &[String]) -> Result<Option<GlobSet>, CorpusError> {
    if globs.is_empty() {
        return Ok(None);
    }
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        // A glob without a slash matches a file name anywhere ("*.pdf").
        let pattern = if glob.contains('/') {
            glob.clone()
        } else {
            format!("**/{glob}")
        };
        builder.add(Glob::new(&pattern).map_err(|source| CorpusError::Glob {
            glob: glob.clone(),
            source,
        })?);
    }
    builder
        .build()
        .map(Some)
        .map_err(|source| CorpusError::Glob {
            glob: globs.join(", "),
            source,
        })
}

impl Filter {
    pub fn new(include: &[String], exclude: &[String]) -> Result<Filter, CorpusError> {
        Ok(Filter {
            include: glob_set(include)?,
            exclude: glob_set(exclude)?,
        })
    }

    fn takes(&self, rel: &str) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(rel))
    }
}

/// Document formats people save papers in that caucus does not read.
const UNREADABLE_DOCUMENTS: &[&str] = &["doc", "rtf", "pages", "wpd", "odm", "xps"];

/// Files that sit in paper folders but are not papers.
fn is_project_file(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    [
        "README",
        "LICENSE",
        "LICENCE",
        "CHANGELOG",
        "CONTRIBUTING",
        "COPYING",
    ]
    .iter()
    .any(|p| upper.starts_with(p))
}

/// Walks `root`, skipping hidden entries and `skip` (the index folder, when it lies
/// inside the corpus).
pub fn walk(root: &Path, filter: &Filter, skip: Option<&Path>) -> Result<Walk, CorpusError> {
    if !root.exists() {
        return Err(CorpusError::Missing(root.to_owned()));
    }
    if !root.is_dir() {
        return Err(CorpusError::NotADir(root.to_owned()));
    }
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_owned());
    let mut out = Walk::default();
    let mut index_folders = Vec::new();
    let mut found: Vec<(PathBuf, String, Format)> = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            let hidden =
                e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'));
            // An index folder (this run's, or any folder caucus marked) holds no papers.
            let index = e.file_type().is_dir()
                && (e.depth() > 0 && e.path().join(MARKER).is_file()
                    || skip
                        .as_ref()
                        .is_some_and(|s| e.path().canonicalize().is_ok_and(|p| &p == s)));
            if index && !hidden {
                index_folders.push(relative(root, e.path()));
            }
            !hidden && !index
        });
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_owned)
                    .unwrap_or_else(|| root.to_owned());
                out.errors.push((path, e.to_string()));
                continue;
            }
        };
        if entry.path_is_symlink() {
            // Followed, and said once in the summary when it leads outside the corpus.
            if entry
                .path()
                .canonicalize()
                .is_ok_and(|target| !target.starts_with(&root_abs))
            {
                out.links_outside.push(relative(root, entry.path()));
            }
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let Some(format) = Format::from_path(entry.path()) else {
            if let Some(ext) = entry.path().extension().and_then(|e| e.to_str()) {
                let ext = ext.to_ascii_lowercase();
                if UNREADABLE_DOCUMENTS.contains(&ext.as_str()) {
                    *out.unreadable_documents.entry(ext).or_default() += 1;
                }
            }
            out.ignored += 1;
            continue;
        };
        if is_project_file(&name) {
            out.ignored += 1;
            continue;
        }
        let rel = relative(root, entry.path());
        if !filter.takes(&rel) {
            continue;
        }
        found.push((entry.into_path(), rel, format));
    }
    // Size and modification time: one stat per file, the walk's main cost on a large
    // corpus, spread over the cores (in the walk's order, so errors come out the same).
    let stats: Vec<_> = found
        .into_par_iter()
        .map(|(path, rel, format)| {
            let meta = std::fs::metadata(&path);
            (path, rel, format, meta)
        })
        .collect();
    for (path, rel, format, meta) in stats {
        let meta = match meta {
            Ok(m) => m,
            Err(e) => {
                out.errors.push((path, e.to_string()));
                continue;
            }
        };
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        out.files.push(CorpusFile {
            path,
            rel,
            format,
            size: meta.len(),
            mtime_ns,
        });
    }
    // Sorted once at the end: cheaper than sorting every folder's entries by path.
    out.files.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    out.links_outside.sort_unstable();
    index_folders.sort_unstable();
    out.index_folders = index_folders;
    Ok(out)
}

/// The paper's key: its path relative to the corpus, `/`-separated. A name that is
/// valid UTF-8 without a backslash is kept as it is; any other is written with its
/// backslashes doubled and each byte that is not UTF-8 as `\xHH`. So two files
/// whose names differ only in invalid bytes keep two keys, and every key reads well.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| key_component(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(unix)]
fn key_component(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let bytes = name.as_bytes();
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.contains('\\') {
            return s.to_owned();
        }
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn key_component(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().into_owned()
}

/// How the walk compares with the index's record.
#[derive(Debug, Default)]
pub struct Plan<'a> {
    /// Files to read: not in the index, or with another size or time.
    pub to_read: Vec<&'a CorpusFile>,
    /// Files whose size and time match the record: not read at all.
    pub unchanged: Vec<&'a CorpusFile>,
    /// Paths in the index whose files are gone (or no longer taken by the filter).
    pub removed: Vec<String>,
}

/// Compares a walk with the index's file record.
pub fn plan<'a>(walk: &'a Walk, known: &Files) -> Plan<'a> {
    let mut plan = Plan::default();
    let mut seen: HashSet<&str> = HashSet::with_capacity(walk.files.len());
    for file in &walk.files {
        seen.insert(&file.rel);
        match known.files.get(&file.rel) {
            Some(FileState { size, mtime_ns, .. })
                if *size == file.size && *mtime_ns == file.mtime_ns =>
            {
                plan.unchanged.push(file)
            }
            _ => plan.to_read.push(file),
        }
    }
    plan.removed = known
        .files
        .keys()
        .filter(|k| !seen.contains(k.as_str()))
        .cloned()
        .collect();
    plan
}

/// A content hash, to tell a touched file from a changed one.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn keys_keep_invalid_bytes_apart() {
        use std::os::unix::ffi::OsStrExt;
        let key = |b: &[u8]| key_component(std::ffi::OsStr::from_bytes(b));
        assert_eq!(key(b"caf\xc3\xa9.txt"), "café.txt");
        assert_eq!(key(b"caf\xe9.txt"), "caf\\xE9.txt");
        assert_ne!(key(b"caf\xe9.txt"), key(b"caf\xff.txt"));
        // A real backslash never reads as an escape.
        assert_eq!(key(b"caf\\xE9.txt"), "caf\\\\xE9.txt");
        assert_ne!(key(b"caf\\xE9.txt"), key(b"caf\xe9.txt"));
    }

    #[test]
    fn globs_without_slash_match_anywhere() {
        let f = Filter::new(&["*.txt".into()], &["drafts/*".into()]).unwrap();
        assert!(f.takes("cnd/belgium.txt"));
        assert!(!f.takes("cnd/belgium.pdf"));
        assert!(!f.takes("drafts/x.txt"));
        assert!(Filter::new(&["[".into()], &[]).is_err());
    }

    #[test]
    fn plan_sorts_files_into_read_unchanged_removed() {
        let file = |rel: &str, size| CorpusFile {
            path: PathBuf::from(rel),
            rel: rel.into(),
            format: Format::Text,
            size,
            mtime_ns: 1,
        };
        let walk = Walk {
            files: vec![file("a.txt", 10), file("b.txt", 20), file("new.txt", 5)],
            ..Walk::default()
        };
        let mut known = Files::default();
        for (rel, size) in [("a.txt", 10), ("b.txt", 21), ("gone.txt", 3)] {
            known.files.insert(
                rel.into(),
                FileState {
                    size,
                    mtime_ns: 1,
                    hash: String::new(),
                    passages: 1,
                    country: String::new(),
                    committee: None,
                    topics: Vec::new(),
                    signature: Vec::new(),
                    folded_into: None,
                },
            );
        }
        let p = plan(&walk, &known);
        assert_eq!(
            p.unchanged
                .iter()
                .map(|f| f.rel.as_str())
                .collect::<Vec<_>>(),
            ["a.txt"]
        );
        assert_eq!(
            p.to_read.iter().map(|f| f.rel.as_str()).collect::<Vec<_>>(),
            ["b.txt", "new.txt"]
        );
        assert_eq!(p.removed, ["gone.txt"]);
    }
}
