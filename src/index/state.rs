//! What the index holds, kept beside it: the corpus it was built from and, per file,
//! the size, modification time and content hash seen when it was indexed. The
//! indexer compares the corpus against this to re-read only what changed; a query
//! compares a cheap fingerprint to tell the user when the corpus has moved on.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The per-file record: [`FILES_MAGIC`], a header (the commit id and how many files),
/// then one entry per file in key order, each in postcard's compact binary form:
/// key, size, time, passages, the file it is a copy of, and the paper's details
/// (hash, country, committee, topics, sketch) as a length-prefixed blob. Loading
/// reads the entries and keeps each blob where it lies, decoded only when asked
/// ([`FileState::paper`]): a run that changed one paper in 238,000 reads the
/// details of the few it compares, and writes the others back byte for byte.
///
/// Older layouts are still read, then replaced on the next save: `CAUCUSF1` (the
/// whole record as one postcard value) and, before it, JSON ([`FILES_JSON`]).
const FILES: &str = "caucus-files.bin";
const FILES_JSON: &str = "caucus-files.json";
/// The first bytes of [`FILES`]; the digit is the layout's version, bumped when
/// the layout changes (postcard keeps no field names, so an unknown layout is
/// treated as missing and the index rebuilt).
const FILES_MAGIC: &[u8; 8] = b"CAUCUSF2";
const FILES_MAGIC_V1: &[u8; 8] = b"CAUCUSF1";
/// What changed since [`FILES`] was written, appended batch by batch: [`JOURNAL_MAGIC`],
/// the id of the record it continues, then per save the bytes' length (u32), their
/// BLAKE3 hash (16 bytes) and a [`Batch`]. A batch cut short by a crash fails its
/// hash and is dropped with everything after it; the record then names an older
/// commit than the index, and the indexer trusts it no more than a missing one.
const JOURNAL: &str = "caucus-files.journal";
const JOURNAL_MAGIC: &[u8; 8] = b"CAUCUSJ1";
/// The journal is folded back into the record when it would pass this share of it.
const JOURNAL_SHARE: usize = 8;
const SUMMARY: &str = "caucus.json";
/// Bumped when the way papers are parsed changes, so old indexes are rebuilt.
pub const PARSER_VERSION: u32 = 10;

/// What was read from one paper, as the record keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperRecord {
    pub hash: String,
    /// The paper's canonical country, committee (code, name) and topics, so the
    /// catalogue of what the index holds can be rebuilt without reading the index.
    pub country: String,
    pub committee: Option<(String, String)>,
    pub topics: Vec<String>,
    /// Bottom-k sketch of the paper's word runs (`fold::signature`), to find the same
    /// paper saved in several formats.
    pub signature: Vec<u32>,
}

/// A [`PaperRecord`] read in place, without its sketch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct PaperHead<'a> {
    pub hash: &'a str,
    pub country: &'a str,
    pub committee: Option<(&'a str, &'a str)>,
    #[serde(borrow)]
    pub topics: Vec<&'a str>,
}

/// One indexed file.
#[derive(Debug, Clone)]
pub struct FileState {
    pub size: u64,
    pub mtime_ns: i128,
    pub passages: u32,
    /// When this file is a copy of another (the PDF of a paper also given as DOCX):
    /// the file indexed instead. A folded file has no passages in the index.
    pub folded_into: Option<String>,
    /// The encoded [`PaperRecord`]: `details[at]`, shared with the record it was
    /// loaded from.
    details: Arc<Vec<u8>>,
    at: Range<usize>,
}

impl PartialEq for FileState {
    fn eq(&self, other: &Self) -> bool {
        self.size == other.size
            && self.mtime_ns == other.mtime_ns
            && self.passages == other.passages
            && self.folded_into == other.folded_into
            && self.details() == other.details()
    }
}

impl Eq for FileState {}

impl FileState {
    pub fn new(size: u64, mtime_ns: i128, passages: u32, paper: &PaperRecord) -> FileState {
        // Encoding a record of strings and numbers into a vector cannot fail. Kept to
        // its length: a build holds one for every paper until it saves the record.
        let mut details = postcard::to_allocvec(paper).unwrap_or_default();
        details.shrink_to_fit();
        FileState {
            size,
            mtime_ns,
            passages,
            folded_into: None,
            at: 0..details.len(),
            details: Arc::new(details),
        }
    }

    fn details(&self) -> &[u8] {
        self.details.get(self.at.clone()).unwrap_or_default()
    }

    /// Hash, country, committee and topics, read in place (empty if damaged).
    pub fn head(&self) -> PaperHead<'_> {
        postcard::take_from_bytes(self.details())
            .map(|(head, _)| head)
            .unwrap_or_default()
    }

    /// The paper's country, read in place ("" if damaged).
    pub fn country(&self) -> &str {
        #[derive(Deserialize)]
        struct Country<'a> {
            _hash: &'a str,
            country: &'a str,
        }
        postcard::take_from_bytes::<Country>(self.details()).map_or("", |(c, _)| c.country)
    }

    /// The whole record, sketch included (empty if damaged).
    pub fn paper(&self) -> PaperRecord {
        postcard::from_bytes(self.details()).unwrap_or_default()
    }
}

/// A file's entry as written, its details kept as they are.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Entry<'a> {
    key: &'a str,
    size: u64,
    mtime_ns: i128,
    passages: u32,
    #[serde(borrow)]
    folded_into: Option<&'a str>,
    #[serde(borrow)]
    details: Blob<'a>,
}

/// Bytes written as one length-prefixed run and read in place.
#[derive(Debug, PartialEq)]
struct Blob<'a>(&'a [u8]);

impl Serialize for Blob<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Blob<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <&'a [u8]>::deserialize(d).map(Blob)
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    /// Names this writing of the record; a journal continues one writing only.
    id: String,
    generation: String,
    files: u64,
}

/// One save's changes, in the journal.
#[derive(Serialize, Deserialize)]
struct Batch<'a> {
    generation: String,
    #[serde(borrow)]
    upserts: Vec<Entry<'a>>,
    #[serde(borrow)]
    removed: Vec<&'a str>,
}

/// The record as it lies on disk, kept from loading to saving: the buffers the
/// files' details point into, and what is needed to append to the journal.
#[derive(Debug, Clone)]
struct OnDisk {
    id: String,
    base: Arc<Vec<u8>>,
    journal: Arc<Vec<u8>>,
    /// How much of the journal is whole batches (after the last, a torn write).
    journal_len: usize,
}

/// One indexed file in the layouts before [`FILES_MAGIC`].
#[derive(Deserialize)]
#[cfg_attr(test, derive(Serialize))]
struct FileStateV1 {
    size: u64,
    mtime_ns: i128,
    hash: String,
    passages: u32,
    #[serde(default)]
    country: String,
    #[serde(default)]
    committee: Option<(String, String)>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    signature: Vec<u32>,
    #[serde(default)]
    folded_into: Option<String>,
}

#[derive(Deserialize)]
#[cfg_attr(test, derive(Serialize))]
struct FilesV1 {
    files: BTreeMap<String, FileStateV1>,
    #[serde(default)]
    generation: String,
}

impl From<FilesV1> for Files {
    fn from(old: FilesV1) -> Files {
        let files = old
            .files
            .into_iter()
            .map(|(key, f)| {
                let paper = PaperRecord {
                    hash: f.hash,
                    country: f.country,
                    committee: f.committee,
                    topics: f.topics,
                    signature: f.signature,
                };
                let mut state = FileState::new(f.size, f.mtime_ns, f.passages, &paper);
                state.folded_into = f.folded_into;
                (key, state)
            })
            .collect();
        Files {
            files,
            generation: old.generation,
            disk: None,
        }
    }
}

/// The per-file record; read only by the indexer.
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub files: BTreeMap<String, FileState>,
    /// The commit of the index this record describes (tantivy's commit payload).
    /// When they differ, a run was cut off between the two writes and the record
    /// cannot be trusted to say which papers the index holds.
    pub generation: String,
    disk: Option<OnDisk>,
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
    /// The index was checked after its last run and no paragraph was cut into
    /// passages, so no passage carries its paragraph's words (`context`). A query
    /// then leaves that field out: asking tantivy for a field no segment holds builds
    /// an empty term dictionary, a tenth of a short query's whole process. False when
    /// unknown (an older summary), which keeps the field.
    #[serde(default)]
    pub no_split_paragraphs: bool,
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
        let mut topics = std::collections::BTreeSet::new();
        for (rel, f) in &files.files {
            if let Some(kept) = &f.folded_into {
                c.folded.push((rel.clone(), kept.clone()));
                continue;
            }
            let head = f.head();
            let country = head.country;
            let unknown_country = country.is_empty() || country == crate::paper::UNKNOWN;
            if unknown_country || head.committee.is_none() {
                c.unplaced.push(Unplaced {
                    file: rel.clone(),
                    country: if unknown_country {
                        crate::paper::UNKNOWN
                    } else {
                        country
                    }
                    .to_owned(),
                    committee: head.committee.map(|(code, _)| code.to_owned()),
                });
            }
            // Looked up before inserting: most files repeat a name already seen, and
            // a copy of it for each of 238,000 files shows in a run's time.
            match c.countries.get_mut(country) {
                Some(n) => *n += 1,
                None => {
                    c.countries.insert(country.to_owned(), 1);
                }
            }
            if let Some((code, name)) = head.committee {
                // The last file's name for the code, as it always was.
                match c.committees.get_mut(code) {
                    Some(kept) if kept != name => name.clone_into(kept),
                    Some(_) => {}
                    None => {
                        c.committees.insert(code.to_owned(), name.to_owned());
                    }
                }
                match c.country_committees.get_mut(country) {
                    Some(list) if list.iter().any(|c| c == code) => {}
                    Some(list) => list.push(code.to_owned()),
                    None => {
                        c.country_committees
                            .insert(country.to_owned(), vec![code.to_owned()]);
                    }
                }
            }
            for t in head.topics {
                if !topics.contains(t) {
                    topics.insert(t.to_owned());
                }
            }
        }
        c.topics = topics.into_iter().collect();
        c
    }
}

/// True for the names of the files this module writes (and their temporary twins).
pub fn is_state_file(name: &str) -> bool {
    let base = name.strip_suffix(".tmp").unwrap_or(name);
    base == FILES || base == FILES_JSON || base == SUMMARY || base == JOURNAL
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
        let bytes = match std::fs::read(index_dir.join(FILES)) {
            Ok(bytes) => bytes,
            Err(_) => {
                return read_json::<FilesV1>(&index_dir.join(FILES_JSON)).map(Files::from);
            }
        };
        if let Some(body) = bytes.strip_prefix(FILES_MAGIC_V1.as_slice()) {
            return postcard::from_bytes::<FilesV1>(body).ok().map(Files::from);
        }
        let mut files = Files::decode(bytes)?;
        // A journal that continues another writing of the record (left by a crash
        // between writing the record and removing it) is not this record's.
        if let Ok(journal) = std::fs::read(index_dir.join(JOURNAL)) {
            files.apply_journal(journal);
        }
        Some(files)
    }

    fn decode(bytes: Vec<u8>) -> Option<Files> {
        let base = Arc::new(bytes);
        let (header, entries) = base_entries(&base)?;
        let origin = base.as_ptr() as usize;
        // In key order as written: the map is built in one pass.
        let files = entries
            .iter()
            .map(|entry| (entry.key.to_owned(), state_of(entry, &base, origin)))
            .collect();
        Some(Files {
            files,
            generation: header.generation,
            disk: Some(OnDisk {
                id: header.id,
                base: Arc::clone(&base),
                journal: Arc::new(Vec::new()),
                journal_len: 0,
            }),
        })
    }

    /// Applies the journal's whole batches, if it continues this writing.
    fn apply_journal(&mut self, journal: Vec<u8>) {
        let Some(disk) = &mut self.disk else { return };
        let journal = Arc::new(journal);
        disk.journal = Arc::clone(&journal);
        let Some(mut rest) = journal_batches(disk.id.as_str(), &journal) else {
            return;
        };
        let origin = journal.as_ptr() as usize;
        let mut good = journal.len() - rest.len();
        while let Some((batch, more)) = next_batch(rest) {
            for entry in &batch.upserts {
                self.files
                    .insert(entry.key.to_owned(), state_of(entry, &journal, origin));
            }
            for key in &batch.removed {
                self.files.remove(*key);
            }
            self.generation = batch.generation;
            rest = more;
            good = journal.len() - rest.len();
        }
        disk.journal_len = good;
    }

    /// Writes the record: what changed since it was loaded is appended to the
    /// journal, or, with no record to continue or a journal grown past its share,
    /// the whole record through a temporary file and a rename (and a JSON record an
    /// older caucus left is dropped).
    pub fn save(&mut self, index_dir: &Path) -> std::io::Result<()> {
        if let Some(disk) = &self.disk {
            let (batch, generation_on_disk) = self.changes(disk);
            if batch.upserts.is_empty()
                && batch.removed.is_empty()
                && batch.generation == generation_on_disk
            {
                return Ok(());
            }
            let bytes = postcard::to_allocvec(&batch).map_err(std::io::Error::other)?;
            let journal = disk
                .journal_len
                .max(JOURNAL_MAGIC.len() + disk.id.len() + 1);
            if journal + 20 + bytes.len() <= disk.base.len() / JOURNAL_SHARE {
                return self.append(index_dir, &bytes);
            }
        }
        self.save_whole(index_dir)
    }

    fn save_whole(&mut self, index_dir: &Path) -> std::io::Result<()> {
        let id = format!(
            "{:x}",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        );
        let bytes = self.encode(&id).map_err(std::io::Error::other)?;
        let path = index_dir.join(FILES);
        let tmp = path.with_extension("bin.tmp");
        std::fs::write(&tmp, &bytes)?;
        super::crash_point();
        std::fs::rename(&tmp, &path)?;
        super::crash_point();
        for old in [JOURNAL, FILES_JSON] {
            match std::fs::remove_file(index_dir.join(old)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        // What is on disk now, for the next save of this record (the files' details
        // keep pointing into the buffers they were read from).
        self.disk = Some(OnDisk {
            id,
            base: Arc::new(bytes),
            journal: Arc::new(Vec::new()),
            journal_len: 0,
        });
        Ok(())
    }

    fn append(&mut self, index_dir: &Path, batch: &[u8]) -> std::io::Result<()> {
        use std::io::{Seek, Write};
        let Some(disk) = &mut self.disk else {
            return Ok(());
        };
        let path = index_dir.join(JOURNAL);
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)?;
        let mut start = disk.journal_len;
        if start == 0 {
            let mut head = JOURNAL_MAGIC.to_vec();
            head = postcard::to_extend(disk.id.as_str(), head).map_err(std::io::Error::other)?;
            file.set_len(0)?;
            file.write_all(&head)?;
            start = head.len();
        } else {
            // Whatever a crash left after the last whole batch goes.
            file.set_len(start as u64)?;
        }
        file.seek(std::io::SeekFrom::Start(start as u64))?;
        let mut framed = Vec::with_capacity(batch.len() + 20);
        framed.extend_from_slice(&(batch.len() as u32).to_le_bytes());
        framed.extend_from_slice(&blake3::hash(batch).as_bytes()[..16]);
        framed.extend_from_slice(batch);
        file.write_all(&framed)?;
        super::crash_point();
        disk.journal_len = start + framed.len();
        Ok(())
    }

    /// What differs between the record on disk (with its journal) and this one,
    /// and the commit the record on disk names.
    fn changes<'a>(&'a self, disk: &'a OnDisk) -> (Batch<'a>, String) {
        // The journal's last word on each file it names (None: removed).
        let mut overlay: BTreeMap<&str, Option<Entry>> = BTreeMap::new();
        let (mut generation, base) = base_entries(&disk.base)
            .map_or((String::new(), Vec::new()), |(h, e)| (h.generation, e));
        let journal = &disk.journal[..disk.journal_len.min(disk.journal.len())];
        if let Some(mut batches) = journal_batches(&disk.id, journal) {
            while let Some((batch, more)) = next_batch(batches) {
                for entry in batch.upserts {
                    overlay.insert(entry.key, Some(entry));
                }
                for key in batch.removed {
                    overlay.insert(key, None);
                }
                generation = batch.generation;
                batches = more;
            }
        }
        // The record on disk in key order: the base's entries (written in key order)
        // merged with the journal's.
        let mut on_disk: Vec<Entry> = Vec::with_capacity(self.files.len() + overlay.len());
        let mut overlay = overlay.into_iter().peekable();
        for entry in base {
            while let Some((_, later)) = overlay.next_if(|(k, _)| *k < entry.key) {
                on_disk.extend(later);
            }
            match overlay.next_if(|(k, _)| *k == entry.key) {
                Some((_, replaced)) => on_disk.extend(replaced),
                None => on_disk.push(entry),
            }
        }
        on_disk.extend(overlay.filter_map(|(_, e)| e));

        let mut batch = Batch {
            generation: self.generation.clone(),
            upserts: Vec::new(),
            removed: Vec::new(),
        };
        let mut old = on_disk.into_iter().peekable();
        for (key, f) in &self.files {
            while let Some(gone) = old.next_if(|e| e.key < key.as_str()) {
                batch.removed.push(gone.key);
            }
            let now = entry_of(key, f);
            if old.next_if(|e| e.key == key.as_str()).as_ref() != Some(&now) {
                batch.upserts.push(now);
            }
        }
        batch.removed.extend(old.map(|gone| gone.key));
        (batch, generation)
    }

    fn encode(&self, id: &str) -> Result<Vec<u8>, postcard::Error> {
        let header = Header {
            id: id.to_owned(),
            generation: self.generation.clone(),
            files: self.files.len() as u64,
        };
        let size: usize = self
            .files
            .iter()
            .map(|(k, f)| k.len() + f.at.len() + 48)
            .sum();
        let mut out = Vec::with_capacity(FILES_MAGIC.len() + size + 64);
        out.extend_from_slice(FILES_MAGIC);
        let mut out = postcard::to_extend(&header, out)?;
        for (key, f) in &self.files {
            out = postcard::to_extend(&entry_of(key, f), out)?;
        }
        Ok(out)
    }
}

/// The header and entries of a record written whole, or None when it is not one
/// (another layout, cut short, or with bytes after its last entry).
fn base_entries(base: &[u8]) -> Option<(Header, Vec<Entry<'_>>)> {
    let body = base.strip_prefix(FILES_MAGIC.as_slice())?;
    let (header, mut rest) = postcard::take_from_bytes::<Header>(body).ok()?;
    let mut entries = Vec::with_capacity(usize::try_from(header.files).ok()?.min(1 << 24));
    for _ in 0..header.files {
        let (entry, more) = postcard::take_from_bytes::<Entry>(rest).ok()?;
        rest = more;
        entries.push(entry);
    }
    rest.is_empty().then_some((header, entries))
}

/// A file's entry as written.
fn entry_of<'a>(key: &'a str, f: &'a FileState) -> Entry<'a> {
    Entry {
        key,
        size: f.size,
        mtime_ns: f.mtime_ns,
        passages: f.passages,
        folded_into: f.folded_into.as_deref(),
        details: Blob(f.details()),
    }
}

/// A file's state from its entry in `buffer` (whose bytes start at `origin`).
fn state_of(entry: &Entry, buffer: &Arc<Vec<u8>>, origin: usize) -> FileState {
    let start = entry.details.0.as_ptr() as usize - origin;
    FileState {
        size: entry.size,
        mtime_ns: entry.mtime_ns,
        passages: entry.passages,
        folded_into: entry.folded_into.map(str::to_owned),
        details: Arc::clone(buffer),
        at: start..start + entry.details.0.len(),
    }
}

/// The journal's batches, after its header, if it continues the writing `id`.
fn journal_batches<'a>(id: &str, journal: &'a [u8]) -> Option<&'a [u8]> {
    let body = journal.strip_prefix(JOURNAL_MAGIC.as_slice())?;
    let (of, rest) = postcard::take_from_bytes::<&str>(body).ok()?;
    (of == id).then_some(rest)
}

/// The next whole batch of a journal and what follows it; None at the end or at a
/// batch cut short.
fn next_batch(rest: &[u8]) -> Option<(Batch<'_>, &[u8])> {
    let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let hash = rest.get(4..20)?;
    let bytes = rest.get(20..20 + len)?;
    if blake3::hash(bytes).as_bytes()[..16] != *hash {
        return None;
    }
    let batch = postcard::from_bytes::<Batch>(bytes).ok()?;
    Some((batch, &rest[20 + len..]))
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
            FileState::new(
                48_213,
                -1_700_000_000_123_456_789,
                31,
                &PaperRecord {
                    hash: "ab12".to_owned(),
                    country: "Belgium".to_owned(),
                    committee: Some(("CND".to_owned(), "Commission on Narcotic Drugs".to_owned())),
                    topics: vec!["Online Drug Trafficking".to_owned()],
                    signature: vec![0, 7, u32::MAX],
                },
            ),
        );
        files.files.insert(
            "cnd/belgium.pdf".to_owned(),
            FileState {
                folded_into: Some("cnd/belgium.docx".to_owned()),
                ..FileState::new(1, i128::MAX, 0, &PaperRecord::default())
            },
        );
        files
    }

    /// The record in the layout before `CAUCUSF2`.
    fn v1(files: &Files) -> FilesV1 {
        FilesV1 {
            files: files
                .files
                .iter()
                .map(|(k, f)| {
                    let p = f.paper();
                    let old = FileStateV1 {
                        size: f.size,
                        mtime_ns: f.mtime_ns,
                        hash: p.hash,
                        passages: f.passages,
                        country: p.country,
                        committee: p.committee,
                        topics: p.topics,
                        signature: p.signature,
                        folded_into: f.folded_into.clone(),
                    };
                    (k.clone(), old)
                })
                .collect(),
            generation: files.generation.clone(),
        }
    }

    #[test]
    fn a_record_reads_each_paper_in_place_and_an_older_layout_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = sample();
        let belgium = files.files["cnd/belgium.docx"].clone();
        let head = belgium.head();
        assert_eq!(head.hash, "ab12");
        assert_eq!(head.country, "Belgium");
        assert_eq!(
            head.committee,
            Some(("CND", "Commission on Narcotic Drugs"))
        );
        assert_eq!(head.topics, ["Online Drug Trafficking"]);
        assert_eq!(belgium.paper().signature, [0, 7, u32::MAX]);
        assert_eq!(belgium.country(), "Belgium");
        // Loaded, each paper's details are read from the one buffer of the record.
        files.save(dir.path()).unwrap();
        let back = Files::load(dir.path()).unwrap();
        let (a, b) = (
            &back.files["cnd/belgium.docx"],
            &back.files["cnd/belgium.pdf"],
        );
        assert!(Arc::ptr_eq(&a.details, &b.details));
        assert_eq!(a.head(), head);
        assert_eq!(b.folded_into.as_deref(), Some("cnd/belgium.docx"));
        // The layout before: one postcard value after its own magic.
        let mut old = FILES_MAGIC_V1.to_vec();
        old = postcard::to_extend(&v1(&files), old).unwrap();
        std::fs::write(dir.path().join(FILES), old).unwrap();
        let back = Files::load(dir.path()).unwrap();
        assert_eq!(back.files, files.files);
        assert_eq!(back.generation, "g7");
    }

    #[test]
    fn the_file_record_round_trips_in_binary() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = sample();
        files.save(dir.path()).unwrap();
        let back = Files::load(dir.path()).unwrap();
        assert_eq!(back.files, files.files);
        assert_eq!(back.generation, files.generation);
        // Smaller than the JSON it replaces.
        let bin = std::fs::metadata(dir.path().join(FILES)).unwrap().len();
        assert!(bin < serde_json::to_vec(&v1(&files)).unwrap().len() as u64);
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
            serde_json::to_vec(&v1(&files)).unwrap(),
        )
        .unwrap();
        let mut back = Files::load(dir.path()).unwrap();
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

    fn paper(country: &str, n: u32) -> FileState {
        let record = PaperRecord {
            hash: format!("h{n}"),
            country: country.to_owned(),
            signature: vec![n, n + 1],
            ..PaperRecord::default()
        };
        FileState::new(u64::from(n), i128::from(n), n, &record)
    }

    /// A record of `n` papers, saved whole.
    fn saved(dir: &Path, n: u32) -> Files {
        let mut files = Files::default();
        for i in 0..n {
            files
                .files
                .insert(format!("p{i:04}.txt"), paper("Chile", i));
        }
        files.generation = "g1".to_owned();
        files.save(dir).unwrap();
        assert!(!dir.join(JOURNAL).exists());
        Files::load(dir).unwrap()
    }

    /// Saves `files` as the commit `generation` and reads the record back, which
    /// must hold the same.
    fn resave(dir: &Path, files: &mut Files, generation: &str) -> Files {
        files.generation = generation.to_owned();
        files.save(dir).unwrap();
        let back = Files::load(dir).unwrap();
        assert_eq!(back.files, files.files);
        assert_eq!(back.generation, generation);
        back
    }

    #[test]
    fn a_save_appends_what_changed_and_a_load_replays_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = saved(dir.path(), 400);
        let base = std::fs::read(dir.path().join(FILES)).unwrap();
        // Nothing changed: nothing written.
        files.save(dir.path()).unwrap();
        assert!(!dir.path().join(JOURNAL).exists());

        // A new paper, a changed one, a removed one, one touched, one folded.
        files
            .files
            .insert("new.txt".to_owned(), paper("Peru", 9000));
        files
            .files
            .insert("p0001.txt".to_owned(), paper("Peru", 9001));
        files.files.remove("p0002.txt");
        files.files.get_mut("p0003.txt").unwrap().mtime_ns = 77;
        files.files.get_mut("p0004.txt").unwrap().folded_into = Some("p0005.txt".to_owned());
        files.generation = "g2".to_owned();
        files.save(dir.path()).unwrap();
        assert_eq!(
            std::fs::read(dir.path().join(FILES)).unwrap(),
            base,
            "record kept"
        );
        let journal = std::fs::metadata(dir.path().join(JOURNAL)).unwrap().len();
        assert!(journal < 400, "only the changes: {journal} bytes");
        let back = Files::load(dir.path()).unwrap();
        assert_eq!(back.files, files.files);
        assert_eq!(back.generation, "g2");

        // A second batch after the first, read back in order.
        let mut files = back;
        files.files.remove("new.txt");
        let back = resave(dir.path(), &mut files, "g3");
        assert_eq!(back.files["p0001.txt"].head().country, "Peru");
    }

    #[test]
    fn a_torn_batch_is_dropped_and_the_next_save_writes_over_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = saved(dir.path(), 400);
        files.files.remove("p0000.txt");
        let before = resave(dir.path(), &mut files, "g2");
        files.files.remove("p0001.txt");
        resave(dir.path(), &mut files, "g3");
        // The second batch cut short, as by a crash mid-write.
        let path = dir.path().join(JOURNAL);
        let whole = std::fs::read(&path).unwrap();
        std::fs::write(&path, &whole[..whole.len() - 3]).unwrap();
        let mut torn = Files::load(dir.path()).unwrap();
        assert_eq!(torn.files, before.files);
        assert_eq!(torn.generation, "g2");
        // The next save replaces the torn bytes.
        torn.files.remove("p0009.txt");
        resave(dir.path(), &mut torn, "g4");
        // A journal of another writing of the record is not read.
        let mut other = std::fs::read(&path).unwrap();
        let at = JOURNAL_MAGIC.len() + 1;
        other[at] ^= 1;
        std::fs::write(&path, other).unwrap();
        let back = Files::load(dir.path()).unwrap();
        assert_eq!(back.generation, "g1");
        assert_eq!(back.files.len(), 400);
    }

    #[test]
    fn a_journal_past_its_share_is_folded_into_a_new_record() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = saved(dir.path(), 50);
        for round in 0..40u32 {
            files.files.insert(
                format!("p{:04}.txt", round % 50),
                paper("Peru", 5000 + round),
            );
            files.generation = format!("r{round}");
            files.save(dir.path()).unwrap();
            let journal = std::fs::metadata(dir.path().join(JOURNAL)).map_or(0, |m| m.len());
            let record = std::fs::metadata(dir.path().join(FILES)).unwrap().len();
            assert!(journal <= record / JOURNAL_SHARE as u64, "round {round}");
            let back = Files::load(dir.path()).unwrap();
            assert_eq!(back.files, files.files, "round {round}");
            assert_eq!(back.generation, files.generation);
            files = back;
        }
    }
}
