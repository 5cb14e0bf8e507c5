//! Walking a corpus folder: which files are papers (by format, `--include` and
//! `--exclude` globs), and how each compares with what the index already holds.

use crate::index::state::{FileState, Files};
use crate::index::MARKER;
use crate::paper::formats::Format;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use walkdir::WalkDir;

/// A file the walk found that caucus can read. Its key and path are kept by the
/// walk (`Walk::rel`, `Walk::path`): one string for every key and one for every name
/// instead of two allocations a file, which at 238,000 files cost more to free than
/// the rest of a run with nothing to do.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    key: Range<usize>,
    name: Range<usize>,
    dir: usize,
    pub format: Format,
    pub size: u64,
    pub mtime_ns: i128,
}

/// The result of a walk.
#[derive(Debug, Default)]
pub struct Walk {
    /// Sorted by key.
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
    /// Every file's key, one after another.
    keys: String,
    /// Every file's name as the file system has it, one after another.
    names: Vec<u8>,
    /// The folders files were found in, as paths to open.
    dirs: Vec<PathBuf>,
}

impl Walk {
    /// The file's key: its path relative to the corpus root, `/`-separated.
    pub fn rel(&self, file: &CorpusFile) -> &str {
        &self.keys[file.key.clone()]
    }

    /// The path to read the file at.
    pub fn path(&self, file: &CorpusFile) -> PathBuf {
        self.dirs[file.dir].join(os_name(&self.names[file.name.clone()]))
    }

    /// A walk that found these files (key, size, time), all in the corpus root.
    #[cfg(test)]
    pub(crate) fn of(files: &[(&str, u64, i128)]) -> Walk {
        let mut walk = Walk {
            dirs: vec![PathBuf::new()],
            ..Walk::default()
        };
        for &(rel, size, mtime_ns) in files {
            let key = walk.keys.len()..walk.keys.len() + rel.len();
            walk.keys.push_str(rel);
            let name = walk.names.len()..walk.names.len() + rel.len();
            walk.names.extend_from_slice(rel.as_bytes());
            walk.files.push(CorpusFile {
                key,
                name,
                dir: 0,
                format: Format::Text,
                size,
                mtime_ns,
            });
        }
        walk
    }
}

/// A file name's bytes as the file system has them (on Unix; elsewhere as UTF-8).
fn name_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::borrow::Cow::Borrowed(name.as_bytes())
    }
    #[cfg(not(unix))]
    {
        match name.to_string_lossy() {
            std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(s.as_bytes()),
            std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s.into_bytes()),
        }
    }
}

/// The name `name_bytes` gave the bytes of.
fn os_name(bytes: &[u8]) -> &std::ffi::OsStr {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        std::ffi::OsStr::from_bytes(bytes)
    }
    #[cfg(not(unix))]
    {
        std::ffi::OsStr::new(std::str::from_utf8(bytes).unwrap_or_default())
    }
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
    [
        "README",
        "LICENSE",
        "LICENCE",
        "CHANGELOG",
        "CONTRIBUTING",
        "COPYING",
    ]
    .iter()
    .any(|p| {
        name.get(..p.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(p))
    })
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
    // Every folder entered, with its key; a file names its folder by index, so its
    // key is the folder's plus its own name (no path taken apart per file), and its
    // size and time are read relative to the open folder (no path looked up again).
    let mut dir_keys: Vec<String> = Vec::new();
    // The folder entered at each depth on the way down to the current entry.
    let mut stack: Vec<usize> = Vec::new();
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
    // Sizes and times are read on the other cores while the walk goes on, a run of up
    // to `STAT_RUN` files of one folder at a time; each run comes back with its number,
    // so the files keep the walk's order (and errors come out the same every run).
    let (tx, rx) = std::sync::mpsc::channel();
    let mut runs = 0;
    let mut run = Run::default();
    rayon::in_place_scope(|scope| {
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
            let depth = entry.depth();
            if entry.file_type().is_dir() {
                stack.truncate(depth);
                let mut key = String::new();
                if let Some(&parent) = stack.last() {
                    push_key(&mut key, &dir_keys[parent], entry.file_name());
                }
                dir_keys.push(key);
                out.dirs.push(entry.into_path());
                stack.push(dir_keys.len() - 1);
                continue;
            }
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry.file_name();
            let Some(format) = Format::from_path(Path::new(name)) else {
                if let Some(ext) = Path::new(name).extension().and_then(|e| e.to_str()) {
                    let ext = ext.to_ascii_lowercase();
                    if UNREADABLE_DOCUMENTS.contains(&ext.as_str()) {
                        *out.unreadable_documents.entry(ext).or_default() += 1;
                    }
                }
                out.ignored += 1;
                continue;
            };
            if is_project_file(&name.to_string_lossy()) {
                out.ignored += 1;
                continue;
            }
            // The root given as a file's path is refused above, so a file has a folder.
            let Some(&parent) = depth.checked_sub(1).and_then(|d| stack.get(d)) else {
                continue;
            };
            let start = out.keys.len();
            push_key(&mut out.keys, &dir_keys[parent], name);
            if !filter.takes(&out.keys[start..]) {
                out.keys.truncate(start);
                continue;
            }
            if run.files.len() == STAT_RUN || (!run.files.is_empty() && run.dir != parent) {
                let full = std::mem::take(&mut run);
                stat_in_background(scope, &tx, runs, &out.dirs, full);
                runs += 1;
            }
            run.dir = parent;
            run.names.extend_from_slice(&name_bytes(name));
            run.files
                .push((start..out.keys.len(), run.names.len(), format));
        }
        if !run.files.is_empty() {
            stat_in_background(scope, &tx, runs, &out.dirs, std::mem::take(&mut run));
        }
    });
    drop(tx);
    let mut stated: Vec<Stated> = rx.into_iter().collect();
    stated.sort_unstable_by_key(|(n, _, _)| *n);
    for (_, run, stats) in stated {
        let mut from = 0;
        for ((key, end, format), meta) in run.files.into_iter().zip(stats) {
            let name = &run.names[from..end];
            from = end;
            match meta {
                Ok((size, mtime_ns)) => {
                    let at = out.names.len();
                    out.names.extend_from_slice(name);
                    out.files.push(CorpusFile {
                        key,
                        name: at..out.names.len(),
                        dir: run.dir,
                        format,
                        size,
                        mtime_ns,
                    });
                }
                Err(e) => out
                    .errors
                    .push((out.dirs[run.dir].join(os_name(name)), e.to_string())),
            }
        }
    }
    // Sorted once at the end: cheaper than sorting every folder's entries by path.
    let keys = &out.keys;
    out.files
        .sort_unstable_by(|a, b| keys[a.key.clone()].cmp(&keys[b.key.clone()]));
    out.links_outside.sort_unstable();
    index_folders.sort_unstable();
    out.index_folders = index_folders;
    Ok(out)
}

/// Files of one folder found by the walk, before their sizes and times are read.
#[derive(Default)]
struct Run {
    /// The folder, an index into the walk's folders.
    dir: usize,
    /// The files' names, one after another.
    names: Vec<u8>,
    /// Each file's key (a range of the walk's keys), where its name ends, its format.
    files: Vec<(Range<usize>, usize, Format)>,
}

/// What one task of the walk sends back: its number, its files and their sizes and times.
type Stated = (usize, Run, Vec<std::io::Result<(u64, i128)>>);

/// Reads the sizes and times of a run of files of one folder on the thread pool.
fn stat_in_background<'s>(
    scope: &rayon::Scope<'s>,
    tx: &std::sync::mpsc::Sender<Stated>,
    n: usize,
    dirs: &[PathBuf],
    run: Run,
) {
    let dir = dirs[run.dir].clone();
    let tx = tx.clone();
    scope.spawn(move |_| {
        let stats = stat_run(&dir, &run);
        // The receiver outlives every task of the scope.
        let _ = tx.send((n, run, stats));
    });
}

/// How many files of one folder one task reads the size and time of.
const STAT_RUN: usize = 512;

/// Size and modification time (nanoseconds since 1970; 0 before) of files of one
/// folder, read relative to the folder opened once: the kernel looks up one name
/// per file instead of the whole path. Links are followed, as the walk follows them.
fn stat_run(dir: &Path, run: &Run) -> Vec<std::io::Result<(u64, i128)>> {
    #[cfg(unix)]
    let folder = rustix::fs::open(
        dir,
        rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::DIRECTORY | rustix::fs::OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    );
    let mut from = 0;
    run.files
        .iter()
        .map(|&(_, end, _)| {
            let name = os_name(&run.names[from..end]);
            from = end;
            #[cfg(unix)]
            if let Ok(fd) = &folder {
                let st = rustix::fs::statat(fd, name, rustix::fs::AtFlags::empty())
                    .map_err(std::io::Error::from)?;
                let ns = st.st_mtime as i128 * 1_000_000_000 + st.st_mtime_nsec as i128;
                return Ok((st.st_size as u64, ns.max(0)));
            }
            stat_path(&dir.join(name))
        })
        .collect()
}

/// Size and modification time of a file by its whole path.
fn stat_path(path: &Path) -> std::io::Result<(u64, i128)> {
    let meta = std::fs::metadata(path)?;
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    Ok((meta.len(), mtime_ns))
}

/// Appends to `out` the key of an entry of the folder keyed `parent` ("" for the
/// corpus root).
fn push_key(out: &mut String, parent: &str, name: &std::ffi::OsStr) {
    if !parent.is_empty() {
        out.push_str(parent);
        out.push('/');
    }
    push_key_component(out, name);
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

/// One component of a key (see `relative`).
fn key_component(name: &std::ffi::OsStr) -> String {
    let mut out = String::new();
    push_key_component(&mut out, name);
    out
}

#[cfg(unix)]
fn push_key_component(out: &mut String, name: &std::ffi::OsStr) {
    use std::os::unix::ffi::OsStrExt;
    let bytes = name.as_bytes();
    if let Ok(s) = std::str::from_utf8(bytes) {
        if !s.contains('\\') {
            out.push_str(s);
            return;
        }
    }
    for chunk in bytes.utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
}

#[cfg(not(unix))]
fn push_key_component(out: &mut String, name: &std::ffi::OsStr) {
    out.push_str(&name.to_string_lossy());
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
    // Both sides are sorted by key: one pass over each, no lookups.
    let mut plan = Plan::default();
    let mut record = known.files.iter().peekable();
    for file in &walk.files {
        let rel = walk.rel(file);
        while let Some((gone, _)) = record.next_if(|(k, _)| k.as_str() < rel) {
            plan.removed.push(gone.clone());
        }
        match record.next_if(|(k, _)| k.as_str() == rel) {
            Some((_, FileState { size, mtime_ns, .. }))
                if *size == file.size && *mtime_ns == file.mtime_ns =>
            {
                plan.unchanged.push(file)
            }
            _ => plan.to_read.push(file),
        }
    }
    plan.removed.extend(record.map(|(gone, _)| gone.clone()));
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

    /// The walk's files as (key, path relative to the root, size), and its errors.
    fn walked(
        root: &Path,
        filter: &Filter,
        skip: Option<&Path>,
    ) -> (Vec<(String, PathBuf, u64)>, Walk) {
        let walk = walk(root, filter, skip).unwrap();
        let files = walk
            .files
            .iter()
            .map(|f| {
                let path = walk.path(f);
                let rel = path.strip_prefix(root).unwrap().to_owned();
                (walk.rel(f).to_owned(), rel, f.size)
            })
            .collect();
        (files, walk)
    }

    #[cfg(unix)]
    #[test]
    fn the_walk_keys_every_paper_and_reads_its_size_where_it_lies() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        let write = |rel: &str, text: &str| {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("b.txt", "bb");
        write("cnd/belgium.md", "belgium");
        write("cnd/deep/er/peru.pdf", "p");
        write("cnd/notes.doc", "old word");
        write("cnd/old.RTF", "rtf");
        write("cnd/photo.png", "png");
        write("README.md", "not a paper");
        write(".hidden.txt", "hidden");
        write(".git/x.txt", "hidden folder");
        write("idx/caucus-index.marker", "an index");
        write("idx/inside.txt", "in an index");
        write("own/a.txt", "the run's own index");
        // Many files in one folder: more than one run of stats, in the right order.
        for i in 0..(STAT_RUN + 7) {
            write(&format!("many/f{i:04}.txt"), &"x".repeat(i % 5));
        }
        let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
        std::fs::write(root.join("cnd").join(odd), "latin-1 name").unwrap();
        // A link to a folder outside, a link to a file, a loop and a broken link.
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("chile.txt"), "chile").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("linked")).unwrap();
        std::os::unix::fs::symlink(root.join("b.txt"), root.join("cnd/b-link.txt")).unwrap();
        std::os::unix::fs::symlink(&root, root.join("cnd/deep/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("gone.txt"), root.join("broken.txt")).unwrap();

        let (files, walk) = walked(&root, &Filter::default(), Some(&root.join("own")));
        let keys: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        let mut expected = vec![
            "b.txt".to_owned(),
            "cnd/b-link.txt".to_owned(),
            "cnd/belgium.md".to_owned(),
            "cnd/caf\\xE9.txt".to_owned(),
            "cnd/deep/er/peru.pdf".to_owned(),
            "linked/chile.txt".to_owned(),
        ];
        expected.extend((0..(STAT_RUN + 7)).map(|i| format!("many/f{i:04}.txt")));
        expected.sort();
        assert_eq!(keys, expected);
        for (key, path, size) in &files {
            // The path reads the same file the key names, and the size is its own.
            let on_disk = std::fs::metadata(root.join(path)).unwrap().len();
            assert_eq!(*size, on_disk, "{key}");
            if !key.contains('\\') {
                assert_eq!(path, Path::new(key), "{key}");
            }
        }
        assert_eq!(files.iter().find(|f| f.0 == "many/f0003.txt").unwrap().2, 3);
        assert_eq!(files.iter().find(|f| f.0 == "cnd/b-link.txt").unwrap().2, 2);
        assert_eq!(walk.index_folders, ["idx", "own"]);
        assert_eq!(walk.links_outside, ["linked"]);
        assert_eq!(
            walk.unreadable_documents.iter().collect::<Vec<_>>(),
            [(&"doc".to_owned(), &1), (&"rtf".to_owned(), &1)]
        );
        // README, the picture and the two unreadable documents.
        assert_eq!(walk.ignored, 4);
        // The loop and the broken link are said, each by its path; nothing else is.
        let errors: Vec<String> = walk
            .errors
            .iter()
            .map(|(p, _)| p.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors.iter().any(|e| e == "broken.txt"), "{errors:?}");
        assert!(errors.iter().any(|e| e == "cnd/deep/loop"), "{errors:?}");

        // Globs see the keys.
        let only = Filter::new(&["cnd/**".into()], &["*.pdf".into()]).unwrap();
        let (files, _) = walked(&root, &only, None);
        let keys: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            keys,
            ["cnd/b-link.txt", "cnd/belgium.md", "cnd/caf\\xE9.txt"]
        );
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
        let walk = Walk::of(&[("a.txt", 10, 1), ("b.txt", 20, 1), ("new.txt", 5, 1)]);
        let mut known = Files::default();
        // Gone files before, between and after the files found.
        let record = [
            ("0-gone.txt", 3),
            ("a.txt", 10),
            ("a0-gone.txt", 4),
            ("b.txt", 21),
            ("gone.txt", 3),
            ("zz-gone.txt", 1),
        ];
        for (rel, size) in record {
            known
                .files
                .insert(rel.into(), FileState::new(size, 1, 1, &Default::default()));
        }
        let p = plan(&walk, &known);
        assert_eq!(
            p.unchanged.iter().map(|f| walk.rel(f)).collect::<Vec<_>>(),
            ["a.txt"]
        );
        assert_eq!(
            p.to_read.iter().map(|f| walk.rel(f)).collect::<Vec<_>>(),
            ["b.txt", "new.txt"]
        );
        assert_eq!(
            p.removed,
            ["0-gone.txt", "a0-gone.txt", "gone.txt", "zz-gone.txt"]
        );
    }
}
