//! The tantivy index on disk: the schema (defined once, with typed field handles),
//! the English analyzer, opening and creating, the marker that says a folder is
//! caucus's own (so caucus never writes into or deletes from anyone else's folder),
//! and the state file that records which corpus and which file versions it holds.

pub mod analyzer;
pub mod features;
pub mod fold;
pub mod lexicon;
pub mod search;
pub mod state;
pub mod stem;
pub mod writer;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy, Searcher};

/// Field names, in one place.
pub mod names {
    pub const FILE: &str = "file";
    pub const COUNTRY: &str = "country";
    pub const COUNTRY_CODE: &str = "country_code";
    pub const COMMITTEE: &str = "committee";
    pub const COMMITTEE_NAME: &str = "committee_name";
    pub const TOPIC: &str = "topic";
    pub const SECTION: &str = "section";
    pub const SECTION_KIND: &str = "section_kind";
    pub const PASSAGE: &str = "passage";
    pub const LINE: &str = "line";
    pub const PAGE: &str = "page";
    pub const TEXT: &str = "text";
    pub const CITATIONS: &str = "citations";
    pub const FORMAT: &str = "format";
    pub const PAPER: &str = "paper";
    pub const PARAGRAPH: &str = "paragraph";
    pub const PIECES: &str = "pieces";
    pub const CONTEXT: &str = "context";
    pub const LEAD: &str = "lead";
}

/// Typed handles to the schema's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Path of the paper relative to the corpus; the key for deleting a paper.
    pub file: Field,
    /// Canonical country name; filter and group key.
    pub country: Field,
    pub country_code: Field,
    /// Committee code, upper case.
    pub committee: Field,
    pub committee_name: Field,
    /// The passage's topic, analysed so `--topic drug` matches "Online Drug Trafficking".
    pub topic: Field,
    /// The section heading as written.
    pub section: Field,
    /// background / position / solutions / bibliography / other.
    pub section_kind: Field,
    pub passage: Field,
    pub line: Field,
    /// 0 when the format has no pages.
    pub page: Field,
    pub text: Field,
    pub citations: Field,
    pub format: Field,
    /// A number standing for the paper (a hash of `file`), for counting papers fast.
    pub paper: Field,
    /// The number of the first passage of the paragraph the passage was cut from.
    pub paragraph: Field,
    /// How many passages that paragraph was cut into (1 for most).
    pub pieces: Field,
    /// The piece joined with the next one, indexed (not stored) only for pieces of
    /// a split paragraph, so words that fall on both sides of a cut still match
    /// together. Not the whole paragraph: a book-length paragraph would otherwise
    /// cost the square of its length.
    pub context: Field,
    /// For an item of a list, the sentence introducing the list (stored only).
    pub lead: Field,
}

/// Builds the schema and its field handles.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text_options = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer::NAME)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let context_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        file: b.add_text_field(names::FILE, STRING | STORED),
        country: b.add_text_field(names::COUNTRY, STRING | STORED | FAST),
        country_code: b.add_text_field(names::COUNTRY_CODE, STORED),
        committee: b.add_text_field(names::COMMITTEE, STRING | STORED),
        committee_name: b.add_text_field(names::COMMITTEE_NAME, STORED),
        topic: b.add_text_field(names::TOPIC, text_options.clone()),
        section: b.add_text_field(names::SECTION, STORED),
        section_kind: b.add_text_field(names::SECTION_KIND, STRING | STORED),
        passage: b.add_u64_field(names::PASSAGE, STORED | FAST),
        line: b.add_u64_field(names::LINE, STORED),
        page: b.add_u64_field(names::PAGE, STORED),
        text: b.add_text_field(names::TEXT, text_options),
        citations: b.add_text_field(names::CITATIONS, STORED),
        format: b.add_text_field(names::FORMAT, STORED),
        paper: b.add_u64_field(names::PAPER, FAST),
        paragraph: b.add_u64_field(names::PARAGRAPH, INDEXED | STORED | FAST),
        pieces: b.add_u64_field(names::PIECES, STORED),
        context: b.add_text_field(names::CONTEXT, context_options),
        lead: b.add_text_field(names::LEAD, STORED),
    };
    (b.build(), fields)
}

/// How a new index keeps its passages. The stored passages are most of an index:
/// with tantivy's default (LZ4, 16 KB blocks) 722 of 1,127 MiB at 1 GB of papers.
/// zstd in 8 KB blocks keeps them in 534 MiB; a stored passage is read only for
/// the hits shown, and the smaller blocks keep what `who` decompresses for its
/// three passages a country near what LZ4's larger blocks cost (BENCHMARKS.md,
/// stop 24). Indexes made before keep LZ4 in their segments (each segment's store
/// says how it is compressed) until rebuilt.
fn settings() -> IndexSettings {
    IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(STORE_LEVEL),
        }),
        docstore_blocksize: STORE_BLOCK,
        ..IndexSettings::default()
    }
}

/// zstd's level for the stored passages: level 3 (its default) made the same
/// size at 1 GB and took longer.
const STORE_LEVEL: i32 = 1;
/// Bytes of stored passages compressed together: 16 KB made `who` 15 % slower
/// than with LZ4 for 10 % less space than 8 KB.
const STORE_BLOCK: usize = 8192;

/// The number that stands for a paper in the `paper` fast field.
pub fn paper_key(rel: &str) -> u64 {
    let hash = blake3::hash(rel.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_le_bytes(bytes)
}

/// Errors opening or using the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index at {0}")]
    Missing(PathBuf),
    #[error("the index at {0} is being updated by another process; try again when it finishes")]
    Busy(PathBuf),
    #[error("cannot write to the index folder {path} ({reason}): it is read-only here, so it can be searched but not updated")]
    ReadOnly { path: PathBuf, reason: String },
    #[error("{0} is not empty and is not a caucus index; caucus only creates an index in a new or empty folder (choose another --index)")]
    NotOurs(PathBuf),
    #[error("the index folder {0} is the corpus folder itself; choose another --index")]
    IsCorpus(PathBuf),
    #[error("the index at {path} was made by another version of caucus or is damaged ({reason}); run `caucus index --rebuild`")]
    Incompatible { path: PathBuf, reason: String },
    #[error("index at {path}: {source}")]
    Tantivy {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("index at {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// An open index of papers.
pub struct PaperIndex {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
    /// Whether commands may keep what they compute beside the index (the profile
    /// features, see [`features::store`]); `serve`, which never writes, sets it off.
    pub keeps_features: bool,
}

/// The file that marks a folder as an index caucus made. Its presence is what
/// allows caucus to replace the files it wrote there.
pub const MARKER: &str = "caucus-index.marker";
const MARKER_TEXT: &str =
    "This folder is a search index made by caucus (https://example.invalid/caucus).\n\
caucus may replace or remove the files it wrote here; it never touches other files.\n";

/// Whose a folder is, as far as the index is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ownership {
    /// Missing or empty: caucus may make an index there.
    Free,
    /// Holds the marker, or only files caucus writes (an index from before the marker).
    Ours,
    /// Holds files caucus did not write.
    Foreign,
}

/// True for the names of the files caucus or tantivy write in an index folder.
pub fn is_own_file(name: &str) -> bool {
    const NAMES: &[&str] = &[
        MARKER,
        "meta.json",
        ".managed.json",
        ".tantivy-meta.lock",
        ".tantivy-writer.lock",
    ];
    if NAMES.contains(&name) || state::is_state_file(name) || features::store::is_store_file(name) {
        return true;
    }
    // tantivy's atomic writes go through `.tmpXXXXXX` files.
    if let Some(rest) = name.strip_prefix(".tmp") {
        return rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric());
    }
    // Segment files: 32 hex digits, then `.ext` or `.N.del`.
    let Some((id, ext)) = name.split_once('.') else {
        return false;
    };
    id.len() == 32
        && id.bytes().all(|b| b.is_ascii_hexdigit())
        && !ext.is_empty()
        && ext.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
}

/// Decides whether `dir` is free, caucus's own, or someone else's.
pub fn ownership(dir: &Path) -> Result<Ownership, IndexError> {
    let io = |source| IndexError::Io {
        path: dir.to_owned(),
        source,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ownership::Free),
        Err(e) => return Err(io(e)),
    };
    let mut any = false;
    let mut all_own = true;
    let mut has_meta = false;
    for entry in entries {
        let entry = entry.map_err(io)?;
        any = true;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            all_own = false;
            continue;
        };
        if name == MARKER {
            return Ok(Ownership::Ours);
        }
        has_meta |= name == "meta.json";
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        all_own &= is_file && is_own_file(name);
    }
    Ok(if !any {
        Ownership::Free
    } else if all_own && has_meta {
        Ownership::Ours
    } else {
        Ownership::Foreign
    })
}

/// Removes the files caucus wrote in `dir` (all but the marker), nothing else.
fn remove_own_files(dir: &Path) -> Result<(), IndexError> {
    let io = |source| IndexError::Io {
        path: dir.to_owned(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name != MARKER && is_own_file(name) && entry.file_type().is_ok_and(|t| t.is_file()) {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(io(e)),
            }
        }
    }
    Ok(())
}

/// Where a test makes a run stop dead, as a `kill -9` would: the `CAUCUS_CRASH_AT`
/// environment variable names the n-th crash point reached (counted from 1).
pub fn crash_point() {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::OnceLock;
    static AT: OnceLock<Option<u64>> = OnceLock::new();
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let Some(at) = *AT.get_or_init(|| {
        std::env::var("CAUCUS_CRASH_AT")
            .ok()
            .and_then(|v| v.parse().ok())
    }) else {
        return;
    };
    if COUNT.fetch_add(1, Ordering::SeqCst) + 1 == at {
        std::process::abort();
    }
}

/// The folder's own directory, for reading: when the folder cannot be written (a
/// read-only mount, a snapshot) the reader's lock is skipped, since no writer can
/// change the folder underneath it either.
#[derive(Clone, Debug)]
struct ReadOnlyDirectory(MmapDirectory);

impl Directory for ReadOnlyDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.0.get_file_handle(path)
    }
    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.0.delete(path)
    }
    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.0.exists(path)
    }
    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.0.open_write(path)
    }
    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.0.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.0.atomic_write(path, data)
    }
    fn sync_directory(&self) -> std::io::Result<()> {
        Ok(())
    }
    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        Ok(DirectoryLock::from(Box::new(())))
    }
    fn watch(&self, callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.0.watch(callback)
    }
}

impl PaperIndex {
    /// True when `dir` holds an index (it may still be incompatible).
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens an existing index.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        if !Self::exists(dir) {
            return Err(IndexError::Missing(dir.to_owned()));
        }
        let index = Index::open_in_dir(dir).map_err(|e| IndexError::Incompatible {
            path: dir.to_owned(),
            reason: e.to_string(),
        })?;
        Self::checked(index, dir)
    }

    /// Opens an existing index that cannot be written to (see [`ReadOnlyDirectory`]).
    fn open_read_only(dir: &Path) -> Result<Self, IndexError> {
        let mmap = MmapDirectory::open(dir).map_err(|e| match e {
            OpenDirectoryError::DoesNotExist(p) => IndexError::Missing(p),
            other => IndexError::Incompatible {
                path: dir.to_owned(),
                reason: other.to_string(),
            },
        })?;
        let index = Index::open(ReadOnlyDirectory(mmap)).map_err(|e| IndexError::Incompatible {
            path: dir.to_owned(),
            reason: e.to_string(),
        })?;
        Self::checked(index, dir)
    }

    fn checked(index: Index, dir: &Path) -> Result<Self, IndexError> {
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(IndexError::Incompatible {
                path: dir.to_owned(),
                reason: "its fields differ from this version's".to_owned(),
            });
        }
        analyzer::register(&index);
        Ok(PaperIndex {
            index,
            fields,
            dir: dir.to_owned(),
            keeps_features: true,
        })
    }

    /// Creates an empty index in `dir`, which must be missing, empty, or caucus's own
    /// (whose files are then replaced); the folder is marked as caucus's first.
    pub fn create(dir: &Path) -> Result<Self, IndexError> {
        match ownership(dir)? {
            Ownership::Foreign => return Err(IndexError::NotOurs(dir.to_owned())),
            Ownership::Ours => remove_own_files(dir)?,
            Ownership::Free => {
                std::fs::create_dir_all(dir).map_err(|source| write_error(dir, source))?
            }
        }
        mark(dir)?;
        crash_point();
        let (schema, fields) = schema();
        let index = Index::builder()
            .schema(schema)
            .settings(settings())
            .create_in_dir(dir)
            .map_err(|source| IndexError::Tantivy {
                path: dir.to_owned(),
                source,
            })?;
        analyzer::register(&index);
        Ok(PaperIndex {
            index,
            fields,
            dir: dir.to_owned(),
            keeps_features: true,
        })
    }

    /// Opens an index for writing: caucus's own folder (marked now if it is an index
    /// from before the marker), or a new one in a missing or empty folder. An index
    /// from another version is replaced, removing only the files caucus wrote.
    pub fn open_for_writing(dir: &Path) -> Result<Self, IndexError> {
        match ownership(dir)? {
            Ownership::Foreign => Err(IndexError::NotOurs(dir.to_owned())),
            Ownership::Free => Self::create(dir),
            Ownership::Ours if !Self::exists(dir) => Self::create(dir),
            Ownership::Ours => match Self::open(dir) {
                Ok(index) => {
                    mark(dir)?;
                    Ok(index)
                }
                Err(IndexError::Incompatible { .. }) => Self::create(dir),
                Err(e) => Err(e),
            },
        }
    }

    /// A searcher over the last committed state of the index. Reading takes no
    /// write lock when the folder is read-only.
    pub fn searcher(&self) -> Result<Searcher, IndexError> {
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into();
        let reader: IndexReader = match reader {
            Ok(r) => r,
            Err(tantivy::TantivyError::LockFailure(LockError::IoError(_), _)) => {
                let ro = Self::open_read_only(&self.dir)?;
                ro.index
                    .reader_builder()
                    .reload_policy(ReloadPolicy::Manual)
                    .try_into()
                    .map_err(|source| self.tantivy_error(source))?
            }
            Err(source) => return Err(self.tantivy_error(source)),
        };
        Ok(reader.searcher())
    }

    /// Removes segment files the last commit does not refer to, which tantivy's own
    /// clean-up misses when it was not told of them. Called with the writer lock
    /// held, so no other run is writing any.
    pub(crate) fn remove_orphans(&self) -> Result<(), IndexError> {
        let metas = self.index.load_metas().map_err(|e| self.tantivy_error(e))?;
        let living: std::collections::HashMap<String, Option<u64>> = metas
            .segments
            .iter()
            .map(|m| (m.id().uuid_string(), m.delete_opstamp()))
            .collect();
        let _meta_lock = self
            .index
            .directory()
            .acquire_lock(&tantivy::directory::META_LOCK)
            .ok();
        let io = |source| IndexError::Io {
            path: self.dir.clone(),
            source,
        };
        for entry in std::fs::read_dir(&self.dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let Some((id, ext)) = name.split_once('.') else {
                continue;
            };
            if id.len() != 32 || !is_own_file(name) {
                continue;
            }
            let orphan = match living.get(id) {
                None => true,
                Some(del) => match ext.strip_suffix(".del") {
                    Some(n) => n.parse::<u64>().ok() != *del,
                    None => false,
                },
            };
            if orphan {
                match std::fs::remove_file(entry.path()) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(io(e)),
                }
            }
        }
        Ok(())
    }

    pub(crate) fn tantivy_error(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.dir.clone(),
            source,
        }
    }
}

/// Writes the marker (once; an existing one is kept).
fn mark(dir: &Path) -> Result<(), IndexError> {
    let path = dir.join(MARKER);
    if path.is_file() {
        return Ok(());
    }
    std::fs::write(&path, MARKER_TEXT).map_err(|source| write_error(dir, source))
}

/// An error writing into the index folder; a read-only folder is named as such.
pub(crate) fn write_error(dir: &Path, source: std::io::Error) -> IndexError {
    match source.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            IndexError::ReadOnly {
                path: dir.to_owned(),
                reason: source.to_string(),
            }
        }
        _ => IndexError::Io {
            path: dir.to_owned(),
            source,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_files_are_recognised_by_name() {
        for own in [
            "meta.json",
            ".managed.json",
            "caucus.json",
            "caucus-files.json.tmp",
            "caucus-files.bin",
            "caucus-files.bin.tmp",
            "caucus-features.bin",
            "caucus-features.bin.4242.tmp",
            MARKER,
            "0123456789abcdef0123456789abcdef.idx",
            "0123456789abcdef0123456789abcdef.12.del",
            ".tmpA1b2C3",
        ] {
            assert!(is_own_file(own), "{own}");
        }
        for other in [
            "notes.txt",
            "meta.json.bak",
            "0123456789abcdef.idx",
            "0123456789abcdef0123456789abcdeg.idx",
            ".tmp",
            "caucus-features.bin.bak",
            "Documents",
        ] {
            assert!(!is_own_file(other), "{other}");
        }
    }
}
