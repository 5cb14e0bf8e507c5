//! Bringing the index up to date with a corpus: read what changed (in parallel, each
//! file guarded against panics and slow extractors), delete what is gone, commit once.
//! A run that is interrupted leaves the last commit as it was.

use super::state::{self, FileState, Files, PaperRecord, Summary, PARSER_VERSION};
use super::{crash_point, Fields, IndexError, PaperIndex};
use crate::corpus::{self, CorpusError, CorpusFile, Filter, Walk};
use crate::paper::formats::{Format, Limits};
use crate::paper::{self, Paper};
use serde::Serialize;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tantivy::directory::error::LockError;
use tantivy::{IndexWriter, TantivyDocument, Term};

/// Settings of one indexing run.
#[derive(Debug, Clone)]
pub struct UpdateOptions {
    pub rebuild: bool,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub limits: Limits,
    /// Largest file read; larger ones are skipped with a warning.
    pub max_file_bytes: u64,
    /// Longest one file's extraction may take.
    pub timeout: Duration,
    pub threads: usize,
    /// Indexing memory budget of tantivy's writer, in bytes. 176 MB keeps a 1 GB
    /// build under 600 MB at its peak (584 MB; 603 MB at 192 MB once the store was
    /// compressed with zstd).
    pub memory_budget: usize,
}

impl Default for UpdateOptions {
    fn default() -> Self {
        UpdateOptions {
            rebuild: false,
            include: Vec::new(),
            exclude: Vec::new(),
            limits: Limits::default(),
            max_file_bytes: 50 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
            memory_budget: 176 * 1024 * 1024,
        }
    }
}

/// Told about progress; the command layer draws a bar with it.
pub trait Progress: Sync {
    fn start(&self, files_to_read: u64);
    fn file_done(&self, rel: &str);
    fn committing(&self);
}

/// A progress sink that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: u64) {}
    fn file_done(&self, _: &str) {}
    fn committing(&self) {}
}

/// A file that could not be read, or was read with a problem.
#[derive(Debug, Clone, Serialize)]
pub struct FileWarning {
    pub file: String,
    pub message: String,
    /// True when the file was skipped (not indexed, its old version kept if any).
    pub skipped: bool,
}

/// What an indexing run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UpdateReport {
    pub corpus: PathBuf,
    pub index: PathBuf,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub removed: usize,
    pub skipped: usize,
    /// Files of types caucus does not read.
    pub ignored: usize,
    pub papers: usize,
    pub passages: u64,
    pub bytes_read: u64,
    pub seconds: f64,
    pub warnings: Vec<FileWarning>,
    /// Symbolic links followed to places outside the corpus folder.
    pub links_outside: Vec<String>,
    /// Folders inside the corpus skipped because they hold an index.
    pub index_folders: Vec<String>,
    /// Files that are another file's paper in a second format: (copy, file indexed).
    pub folded: Vec<(String, String)>,
}

/// Errors that stop an indexing run (a bad file never does).
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    Corpus(#[from] CorpusError),
}

struct ReadOutcome<'a> {
    file: &'a CorpusFile,
    result: Result<(String, Paper), String>,
    bytes: u64,
}

/// Updates (or builds) the index in `index_dir` from the corpus in `corpus_dir`.
pub fn update(
    corpus_dir: &Path,
    index_dir: &Path,
    opts: &UpdateOptions,
    progress: &dyn Progress,
) -> Result<UpdateReport, UpdateError> {
    let started = Instant::now();
    let corpus_abs = corpus_dir
        .canonicalize()
        .map_err(|_| CorpusError::Missing(corpus_dir.to_owned()))?;
    // Bad globs are the user's typo: say so before touching the index.
    let filter = Filter::new(&opts.include, &opts.exclude)?;
    if index_dir
        .canonicalize()
        .is_ok_and(|index_abs| index_abs == corpus_abs)
    {
        return Err(IndexError::IsCorpus(index_dir.to_owned()).into());
    }
    let pindex = PaperIndex::open_for_writing(index_dir)?;
    let mut writer: IndexWriter<TantivyDocument> = pindex
        .index
        .writer_with_num_threads(opts.threads.clamp(1, 4), opts.memory_budget)
        .map_err(|e| match e {
            // The lock file cannot even be made: the folder cannot be written.
            tantivy::TantivyError::LockFailure(LockError::IoError(io), _) => IndexError::ReadOnly {
                path: index_dir.to_owned(),
                reason: io.to_string(),
            },
            tantivy::TantivyError::LockFailure(..) => IndexError::Busy(index_dir.to_owned()),
            other => pindex.tantivy_error(other),
        })?;
    writer.set_merge_policy(Box::new(merge_policy()));
    // A run killed mid-way leaves files no commit refers to (a half-written segment,
    // a `.del` file whose name the next commit would reuse): clear them first.
    writer
        .garbage_collect_files()
        .wait()
        .map_err(|e| pindex.tantivy_error(e))?;
    pindex.remove_orphans()?;

    let summary = Summary::load(index_dir);
    let same_corpus = summary
        .as_ref()
        .is_some_and(|s| s.corpus == corpus_abs && s.parser_version == PARSER_VERSION);
    let committed = pindex
        .index
        .load_metas()
        .ok()
        .and_then(|m| m.payload)
        .unwrap_or_default();

    let walk = corpus::walk(&corpus_abs, &filter, Some(index_dir))?;
    crash_point();
    let mut report = UpdateReport {
        corpus: corpus_abs.clone(),
        index: index_dir.to_owned(),
        ignored: walk.ignored,
        links_outside: walk.links_outside.clone(),
        index_folders: walk.index_folders.clone(),
        ..UpdateReport::default()
    };
    for (ext, count) in &walk.unreadable_documents {
        report.warnings.push(FileWarning {
            file: format!("{count} .{ext} file{}", if *count == 1 { "" } else { "s" }),
            message: format!(
                "caucus cannot read .{ext}; save as .docx, .odt or .pdf to include them"
            ),
            skipped: true,
        });
    }
    for (path, reason) in &walk.errors {
        report.warnings.push(FileWarning {
            file: path.display().to_string(),
            message: reason.clone(),
            skipped: true,
        });
        report.skipped += 1;
    }
    // Every file this run saw, skipped ones too: a query's walk sees them as well,
    // and a skipped file is not a change.
    let fingerprint =
        state::fingerprint(walk.files.iter().map(|f| (walk.rel(f), f.size, f.mtime_ns)));

    // Nothing changed since the last run: the same files with the same sizes and
    // times as the summary of the last commit records, every one of them in the
    // file record (none skipped, whose warning is worth repeating). The record is
    // then not even loaded.
    let unchanged = summary.as_ref().filter(|s| {
        !opts.rebuild
            && same_corpus
            && !committed.is_empty()
            && s.generation == committed
            && s.recorded == walk.files.len()
            && s.fingerprint == fingerprint
            && s.include == opts.include
            && s.exclude == opts.exclude
    });
    if let Some(s) = unchanged {
        report.unchanged = walk.files.len();
        report.papers = s.papers;
        report.passages = s.passages;
        report.folded = s.catalog.folded.clone();
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }

    let mut files = if opts.rebuild || !same_corpus {
        Files::default()
    } else {
        Files::load(index_dir).unwrap_or_default()
    };
    // Whether the record matches the last commit; if not, every paper read is
    // first deleted from the index, so nothing is ever indexed twice.
    let record_trusted = opts.rebuild || !same_corpus || files.generation == committed;
    if opts.rebuild || !same_corpus {
        writer
            .delete_all_documents()
            .map_err(|e| pindex.tantivy_error(e))?;
    }

    let plan = corpus::plan(&walk, &files);
    report.unchanged = plan.unchanged.len();

    progress.start(plan.to_read.len() as u64);
    quiet_reader_panics();
    let fields = pindex.fields;
    let mut dirty = opts.rebuild || !same_corpus;
    // Files whose passages this run added to the index.
    let mut read_now: std::collections::BTreeSet<String> = Default::default();
    // The groups of possible copies this run changed: only there is what is a copy of
    // what decided again. Every group when the record is not trusted.
    let mut among = super::fold::Among::default();
    let (tx, rx) = mpsc::sync_channel::<ReadOutcome>(64);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = opts.threads.max(1);
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            let plan = &plan;
            let walk = &walk;
            let spawned = std::thread::Builder::new()
                .name(READER_THREAD.to_owned())
                .spawn_scoped(scope, move || loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(file) = plan.to_read.get(i).copied() else {
                        break;
                    };
                    let outcome = read_file(walk, file, opts);
                    if tx.send(outcome).is_err() {
                        break;
                    }
                });
            if spawned.is_ok() {
                started += 1;
            }
        }
        drop(tx);
        // Fewer readers only means slower; with none at all, read here instead.
        let inline: Vec<ReadOutcome> = if started == 0 {
            plan.to_read
                .iter()
                .map(|f| read_file(&walk, f, opts))
                .collect()
        } else {
            Vec::new()
        };
        for outcome in rx.into_iter().chain(inline) {
            progress.file_done(walk.rel(outcome.file));
            report.bytes_read += outcome.bytes;
            let rel = walk.rel(outcome.file).to_owned();
            match outcome.result {
                Err(message) => {
                    report.skipped += 1;
                    report.warnings.push(FileWarning {
                        file: rel,
                        message,
                        skipped: true,
                    });
                }
                Ok((hash, paper)) => {
                    let previous = files.files.get(&rel);
                    if previous.is_some_and(|p| p.head().hash == hash) {
                        // Touched, not changed: remember the new time, read nothing.
                        report.unchanged += 1;
                        if let Some(p) = files.files.get_mut(&rel) {
                            p.size = outcome.file.size;
                            p.mtime_ns = outcome.file.mtime_ns;
                        }
                        continue;
                    }
                    if let Some(p) = previous {
                        among.add(p);
                        report.changed += 1;
                    } else {
                        report.new += 1;
                    }
                    for w in &paper.warnings {
                        report.warnings.push(FileWarning {
                            file: rel.clone(),
                            message: w.clone(),
                            skipped: false,
                        });
                    }
                    // Deleting costs memory until the commit: only for papers the
                    // index may hold.
                    let replaces = previous.is_some() || !record_trusted;
                    add_paper(
                        &writer,
                        &fields,
                        &rel,
                        outcome.file.format,
                        &paper,
                        replaces,
                    );
                    dirty = true;
                    crash_point();
                    let record = PaperRecord {
                        hash,
                        country: paper.country.name.clone(),
                        committee: paper
                            .committee
                            .as_ref()
                            .map(|c| (c.code.clone(), c.name.clone())),
                        topics: paper.topics.clone(),
                        signature: super::fold::signature(&paper),
                    };
                    // Whether it is a copy is decided below, once every file is known.
                    let state = FileState::new(
                        outcome.file.size,
                        outcome.file.mtime_ns,
                        paper.passages.len() as u32,
                        &record,
                    );
                    among.add(&state);
                    files.files.insert(rel, state);
                    read_now.insert(walk.rel(outcome.file).to_owned());
                }
            }
        }
    });

    for rel in &plan.removed {
        writer.delete_term(Term::from_field_text(fields.file, rel));
        if let Some(gone) = files.files.remove(rel) {
            among.add(&gone);
        }
        report.removed += 1;
        dirty = true;
    }

    let (folds_changed, unfolded) = apply_folds(
        &mut writer,
        &fields,
        &mut files,
        &read_now,
        record_trusted.then_some(&among),
        &mut report,
    );
    dirty |= folds_changed;
    for rel in unfolded {
        // No longer a copy (the file it was folded into is gone or changed): index it.
        let Some(file) = walk.files.iter().find(|f| walk.rel(f) == rel) else {
            continue;
        };
        let outcome = read_file(&walk, file, opts);
        dirty = true;
        match outcome.result {
            Ok((_, paper)) => add_paper(&writer, &fields, &rel, file.format, &paper, true),
            Err(message) => {
                // Forget it, so the next run reads it as new.
                files.files.remove(&rel);
                report.skipped += 1;
                report.warnings.push(FileWarning {
                    file: rel,
                    message,
                    skipped: true,
                });
            }
        }
    }

    crash_point();
    progress.committing();
    if dirty {
        let generation = format!(
            "{:x}",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        );
        let mut prepared = writer
            .prepare_commit()
            .map_err(|e| pindex.tantivy_error(e))?;
        prepared.set_payload(&generation);
        crash_point();
        prepared.commit().map_err(|e| pindex.tantivy_error(e))?;
        crash_point();
        files.generation = generation;
    }
    writer
        .wait_merging_threads()
        .map_err(|e| pindex.tantivy_error(e))?;

    let indexed = || files.files.values().filter(|f| f.folded_into.is_none());
    report.papers = indexed().count();
    report.passages = indexed().map(|f| u64::from(f.passages)).sum();
    let io = |source| super::write_error(index_dir, source);
    files.save(index_dir).map_err(io)?;
    crash_point();
    Summary {
        parser_version: PARSER_VERSION,
        corpus: corpus_abs,
        fingerprint,
        generation: files.generation.clone(),
        recorded: files.files.len(),
        papers: report.papers,
        passages: report.passages,
        include: opts.include.clone(),
        exclude: opts.exclude.clone(),
        catalog: state::Catalog {
            no_split_paragraphs: !any_context(&pindex)?,
            ..state::Catalog::from_files(&files)
        },
    }
    .save(index_dir)
    .map_err(io)?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Whether any segment of the index holds words in `context`: some paragraph was cut
/// into passages.
fn any_context(pindex: &PaperIndex) -> Result<bool, IndexError> {
    let searcher = pindex.searcher()?;
    for segment in searcher.segment_readers() {
        let inverted = segment
            .inverted_index(pindex.fields.context)
            .map_err(|e| pindex.tantivy_error(e))?;
        if inverted.terms().num_terms() > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Segments that reached this many passages are not merged again. tantivy's default
/// (10 million) lets a large corpus merge segments of half a million passages eight at a
/// time, and such a merge holds columns of every passage: a 5 GB build peaked at 3 GB,
/// and a 1 GB build at 1.6 GB when its segments fell just so. Segments written by the
/// writer (tens of thousands of passages) still merge, into segments of a few hundred
/// thousand, above this size.
const MERGED_ENOUGH: usize = 100_000;

fn merge_policy() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_max_docs_before_merge(MERGED_ENOUGH);
    policy
}

/// Adds a paper's passages to the index; `replaces` first deletes what the index
/// may hold of the file (deleting costs memory until the commit: only for papers
/// the index may hold).
fn add_paper(
    writer: &IndexWriter<TantivyDocument>,
    fields: &Fields,
    rel: &str,
    format: Format,
    paper: &Paper,
    replaces: bool,
) {
    if replaces {
        writer.delete_term(Term::from_field_text(fields.file, rel));
    }
    for doc in documents(fields, rel, format, paper) {
        // add_document only fails when the writer's threads are gone, which the
        // commit reports.
        let _ = writer.add_document(doc);
    }
}

/// Folds copies of one paper into one file (see [`super::fold`]): a copy's passages
/// leave the index. Returns whether the index changed, and the files that stopped
/// being copies (their twin was deleted or changed), which the caller indexes.
fn apply_folds(
    writer: &mut IndexWriter<TantivyDocument>,
    fields: &Fields,
    files: &mut Files,
    read_now: &std::collections::BTreeSet<String>,
    among: Option<&super::fold::Among>,
    report: &mut UpdateReport,
) -> (bool, Vec<String>) {
    // With a trusted record, what is a copy of what changes only among the groups
    // this run changed; the other files keep what the record says.
    let record_trusted = among.is_some();
    let folds = super::fold::folds_among(files, among);
    let mut changed = false;
    let mut unfolded = Vec::new();
    for (rel, state) in files.files.iter_mut() {
        if among.is_some_and(|a| !a.holds(state)) {
            continue;
        }
        let want = folds.get(rel).cloned();
        // Whether the index holds none of the file's passages (when the record is
        // not trusted, it may hold them whatever the record says).
        let absent = state.folded_into.is_some() && !read_now.contains(rel);
        match (&want, absent) {
            (Some(_), false) => {
                writer.delete_term(Term::from_field_text(fields.file, rel));
                changed = true;
            }
            (Some(_), true) if !record_trusted => {
                writer.delete_term(Term::from_field_text(fields.file, rel));
            }
            (None, true) => unfolded.push(rel.clone()),
            _ => {}
        }
        state.folded_into = want;
    }
    report.folded = files
        .files
        .iter()
        .filter_map(|(rel, f)| Some((rel.clone(), f.folded_into.clone()?)))
        .collect();
    (changed, unfolded)
}

const MIB: u64 = 1024 * 1024;

/// A limit in bytes as the megabytes the user gave (`--max-file-mb 50` -> "50").
fn mb_label(bytes: u64) -> String {
    if bytes % MIB == 0 {
        (bytes / MIB).to_string()
    } else {
        format!("{:.1}", bytes as f64 / MIB as f64)
    }
}

/// Names of the threads that read files; their panics become per-file warnings.
const READER_THREAD: &str = "caucus-reader";

/// A panic inside a file reader (a PDF library choking on a file, say) is caught
/// and reported as that file's warning; this keeps Rust's default panic message
/// from also spilling onto the terminal. Panics elsewhere still print.
fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let name = std::thread::current().name().map(str::to_owned);
            if !matches!(name.as_deref(), Some(READER_THREAD)) {
                default(info);
            }
        }));
    });
}

/// Reads one file into a paper, turning every failure (I/O, format, panic, time
/// limit) into a message for the user.
fn read_file<'a>(walk: &Walk, file: &'a CorpusFile, opts: &UpdateOptions) -> ReadOutcome<'a> {
    let fail = |message: String, bytes| ReadOutcome {
        file,
        result: Err(message),
        bytes,
    };
    if file.size > opts.max_file_bytes {
        return fail(
            format!(
                "file is {:.1} MB, over the {} MB limit (--max-file-mb)",
                file.size as f64 / MIB as f64,
                mb_label(opts.max_file_bytes)
            ),
            0,
        );
    }
    let bytes = match std::fs::read(walk.path(file)) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot read: {e}"), 0),
    };
    let size = bytes.len() as u64;
    let hash = corpus::content_hash(&bytes);
    let rel = PathBuf::from(walk.rel(file));
    // Every format, plain text too, is read under the time limit.
    let result = with_time_limit(opts.timeout, file.format, bytes, rel, opts.limits.clone());
    ReadOutcome {
        file,
        result: result.map(|paper| (hash, paper)),
        bytes: size,
    }
}

fn guarded(f: impl FnOnce() -> Result<Paper, paper::ReadError>) -> Result<Paper, String> {
    match std::panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(paper)) => Ok(paper),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown error".to_owned());
            Err(format!("the reader crashed on this file ({what})"))
        }
    }
}

/// Runs an extractor on its own thread and gives up waiting after `limit`; the
/// thread is left to finish on its own.
fn with_time_limit(
    limit: Duration,
    format: Format,
    bytes: Vec<u8>,
    rel: PathBuf,
    limits: Limits,
) -> Result<Paper, String> {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(READER_THREAD.into())
        .spawn(move || {
            let _ = tx.send(guarded(|| paper::read_owned(format, bytes, &rel, &limits)));
        });
    if let Err(e) = spawned {
        return Err(format!("cannot start a reader thread: {e}"));
    }
    match rx.recv_timeout(limit) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "reading took longer than {}s (--timeout), skipped",
            limit.as_secs_f64()
        )),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err("the reader stopped without a result".to_owned())
        }
    }
}

/// The piece numbered `number` joined with the next one (the last piece with the
/// one before), so two words on either side of any cut meet in one document. Not
/// the whole paragraph: a book pasted as one line would cost the square of its
/// length, and a wider window multiplies the postings of every long paragraph.
fn context_window(pieces: &[(u32, &str)], number: u32) -> String {
    let at = pieces.partition_point(|(n, _)| *n < number);
    let from = if at + 1 < pieces.len() {
        at
    } else {
        at.saturating_sub(1)
    };
    let to = (from + 2).min(pieces.len());
    let mut out = String::new();
    for (_, text) in &pieces[from..to] {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text);
    }
    out
}

/// One tantivy document per passage, made as the writer takes them: a paper of a
/// million passages never has all its documents in memory at once.
pub fn documents<'a>(
    f: &'a Fields,
    rel: &'a str,
    format: Format,
    paper: &'a Paper,
) -> impl Iterator<Item = TantivyDocument> + 'a {
    let (committee, committee_name) = paper
        .committee
        .as_ref()
        .map_or(("", ""), |c| (c.code.as_str(), c.name.as_str()));
    let key = super::paper_key(rel);
    // Pieces of one paragraph, by the paragraph's first passage number.
    let mut paragraphs: std::collections::BTreeMap<u32, Vec<(u32, &str)>> = Default::default();
    for p in &paper.passages {
        paragraphs
            .entry(p.paragraph)
            .or_default()
            .push((p.number, &p.text));
    }
    paper.passages.iter().map(move |p| {
        let pieces = paragraphs.get(&p.paragraph).map_or(&[][..], Vec::as_slice);
        let mut doc = TantivyDocument::new();
        doc.add_text(f.file, rel);
        doc.add_text(f.country, &paper.country.name);
        if let Some(code) = &paper.country.iso3 {
            doc.add_text(f.country_code, code);
        }
        doc.add_text(f.committee, committee);
        doc.add_text(f.committee_name, committee_name);
        doc.add_text(f.topic, &p.topic);
        let section = paper.section_of(p);
        doc.add_text(f.section, section.map_or("", |s| s.heading.as_str()));
        doc.add_text(f.section_kind, section.map_or("other", |s| s.kind.as_str()));
        doc.add_u64(f.passage, u64::from(p.number));
        doc.add_u64(f.line, u64::from(p.line.unwrap_or(0)));
        doc.add_u64(f.page, u64::from(p.page.unwrap_or(0)));
        doc.add_text(f.text, &p.text);
        let cites = p
            .citations
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        doc.add_text(f.citations, cites);
        doc.add_text(f.format, format.name());
        doc.add_u64(f.paper, key);
        doc.add_u64(f.paragraph, u64::from(p.paragraph));
        doc.add_u64(f.pieces, pieces.len().max(1) as u64);
        if let Some(lead) = &p.lead {
            doc.add_text(f.lead, lead);
        }
        if pieces.len() > 1 {
            doc.add_text(f.context, context_window(pieces, p.number));
        }
        doc
    })
}

#[cfg(test)]
mod tests {
    use super::context_window;

    #[test]
    fn context_is_a_piece_and_its_neighbour_however_long_the_paragraph() {
        let texts: Vec<String> = (0..1000).map(|i| format!("piece{i}")).collect();
        let pieces: Vec<(u32, &str)> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u32 + 7, t.as_str()))
            .collect();
        assert_eq!(context_window(&pieces, 7), "piece0 piece1");
        assert_eq!(context_window(&pieces, 507), "piece500 piece501");
        assert_eq!(context_window(&pieces, 1006), "piece998 piece999");
        assert_eq!(context_window(&pieces[..1], 7), "piece0");
    }
}
