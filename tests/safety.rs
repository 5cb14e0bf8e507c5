//! caucus never loses a user's file and never misleads: it writes an index only into
//! a folder it made (and deletes only its own files there), keys papers by their raw
//! file names, searches a read-only index, takes a closed pipe calmly, and reports
//! what it did without false notes.

mod common;

use common::{bin, json_lines, of_type, run, stderr, stdout};
use std::fs;
use std::path::{Path, PathBuf};

const BELGIUM: &str = "Country: Kingdom of Belgium\n\nCommittee: Commission on Narcotic Drugs (CND)\n\nTopic: Online Drug Trafficking\n\nBackground\n\nDarknet marketplaces rely on escrow systems and bitcoin tumbling to protect buyers.\n\nPosition\n\nBelgium supports an international task force on darknet markets.\n";
const PERU: &str = "Country: Peru\nCommittee: CND\nTopic: Online Drug Trafficking\n\nBackground\n\nCoca growers need alternative development and escrow tracing by a regional task force.\n";

struct Fixture {
    dir: tempfile::TempDir,
    corpus: PathBuf,
    index: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    fs::write(corpus.join("belgium.txt"), BELGIUM).unwrap();
    fs::write(corpus.join("peru.txt"), PERU).unwrap();
    let index = dir.path().join("index");
    Fixture { dir, corpus, index }
}

fn code(o: &std::process::Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

fn index_run(f: &Fixture, index: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["index", f.corpus.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(index, &args)
}

fn summary(o: &std::process::Output) -> serde_json::Value {
    of_type(&json_lines(o), "summary")[0].clone()
}

// Point 1: an index only in a new or empty folder, marked; only caucus's own files
// are ever deleted.
#[test]
fn a_folder_of_the_users_files_is_refused_and_never_emptied() {
    let f = fixture();
    // A folder with the user's files is refused, by name, and left alone.
    let documents = f.dir.path().join("Documents");
    fs::create_dir_all(&documents).unwrap();
    fs::write(documents.join("thesis.docx"), b"my thesis").unwrap();
    let o = index_run(&f, &documents, &[]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("Documents"), "{}", stderr(&o));
    assert!(stderr(&o).contains("not a caucus index"), "{}", stderr(&o));
    let names: Vec<_> = fs::read_dir(&documents).unwrap().collect();
    assert_eq!(names.len(), 1, "caucus wrote into the user's folder");

    // An index made in a new folder is marked as caucus's.
    let o = index_run(&f, &f.index, &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(f.index.join(caucus::index::MARKER).is_file());

    // A file the user put beside the index survives a damaged index, a rebuild and
    // a format upgrade.
    fs::write(f.index.join("my-notes.txt"), b"keep me").unwrap();
    fs::write(f.index.join("meta.json"), b"{ damaged").unwrap();
    let o = index_run(&f, &f.index, &["--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(summary(&o)["papers"].as_u64(), Some(2));
    let o = index_run(&f, &f.index, &["--rebuild", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(summary(&o)["papers"].as_u64(), Some(2));
    assert_eq!(fs::read(f.index.join("my-notes.txt")).unwrap(), b"keep me");
    assert_eq!(code(&run(&f.index, &["search", "escrow"])), 0);
}

#[test]
fn an_index_from_before_the_marker_is_adopted() {
    let f = fixture();
    assert_eq!(code(&index_run(&f, &f.index, &[])), 0);
    fs::remove_file(f.index.join(caucus::index::MARKER)).unwrap();
    let o = index_run(&f, &f.index, &["--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(summary(&o)["unchanged"].as_u64(), Some(2));
    assert!(f.index.join(caucus::index::MARKER).is_file());
}

#[test]
fn a_query_builds_a_missing_index_only_in_a_new_or_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("corpus")).unwrap();
    fs::write(dir.path().join("corpus/belgium.txt"), BELGIUM).unwrap();
    let documents = dir.path().join("Documents");
    fs::create_dir_all(&documents).unwrap();
    fs::write(documents.join("letter.txt"), b"dear").unwrap();
    let o = bin()
        .current_dir(dir.path())
        .args(["--index", "Documents", "who", "escrow"])
        .output()
        .unwrap();
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("Documents"), "{}", stderr(&o));
    assert_eq!(fs::read_dir(&documents).unwrap().count(), 1);
    // An empty folder is fine.
    let empty = dir.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    let o = bin()
        .current_dir(dir.path())
        .args(["--index", "empty", "who", "escrow"])
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

// Point 10: the time limit applies to plain text too.
#[test]
fn the_timeout_applies_to_plain_text() {
    let f = fixture();
    let big = "Country: Peru\n\n".to_owned()
        + &"Peace and security need cooperation between delegations.\n\n".repeat(200_000);
    fs::write(f.corpus.join("huge.txt"), big).unwrap();
    let o = index_run(&f, &f.index, &["--timeout", "0.001", "--json"]);
    // On a busy machine the small papers may time out too: only huge.txt matters.
    assert!(matches!(code(&o), 0 | 1), "{}", stderr(&o));
    let lines = json_lines(&o);
    let warnings = of_type(&lines, "warning");
    assert!(
        warnings.iter().any(
            |w| w["file"] == "huge.txt" && w["message"].as_str().unwrap().contains("--timeout")
        ),
        "{}",
        stdout(&o)
    );
}

// Point 13: a closed pipe is not an error, in JSON mode either.
#[test]
fn a_closed_pipe_is_not_an_error_in_any_mode() {
    let f = fixture();
    let mut text = "Country: Peru\n\n".to_owned();
    for i in 0..400 {
        text.push_str(&format!(
            "Escrow paragraph {i} on peace and darknet escrow markets.\n\n"
        ));
    }
    fs::write(f.corpus.join("long.txt"), text).unwrap();
    assert_eq!(code(&index_run(&f, &f.index, &[])), 0);
    for json in [true, false] {
        for _ in 0..3 {
            let mut cmd = bin();
            cmd.arg("--index").arg(&f.index);
            cmd.args(["search", "escrow", "-n", "10000", "--full"]);
            if json {
                cmd.arg("--json");
            }
            let mut child = cmd
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            // Read one line, then close the pipe, as `| head -1` does.
            let mut out = child.stdout.take().unwrap();
            let mut first = [0u8; 64];
            let _ = std::io::Read::read(&mut out, &mut first).unwrap();
            drop(out);
            let o = child.wait_with_output().unwrap();
            assert_eq!(code(&o), 0, "json={json}: {}", stderr(&o));
            assert!(stderr(&o).is_empty(), "json={json}: {}", stderr(&o));
        }
    }
}

// Point 15: a skipped file is not a change.
#[test]
fn a_skipped_file_does_not_make_a_false_changed_note() {
    let f = fixture();
    fs::write(f.corpus.join("binary.txt"), [0u8, 1, 2, 3, 0, 0, 5]).unwrap();
    let o = index_run(&f, &f.index, &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("1 skipped"), "{}", stdout(&o));
    let o = run(&f.index, &["who", "escrow"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("changed since"), "{}", stderr(&o));
}

// Point 16: the size limit as given, an index inside the corpus, links outside it.
#[test]
fn limits_indexes_inside_the_corpus_and_outside_links_are_said_plainly() {
    let f = fixture();
    fs::write(f.corpus.join("big.txt"), vec![b'a'; 3 * 1024 * 1024]).unwrap();
    let o = index_run(&f, &f.index, &["--max-file-mb", "2"]);
    assert!(stderr(&o).contains("over the 2 MB limit"), "{}", stderr(&o));
    fs::remove_file(f.corpus.join("big.txt")).unwrap();

    // The corpus folder itself as the index: refused, by name.
    let o = index_run(&f, &f.corpus, &[]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("corpus folder itself"),
        "{}",
        stderr(&o)
    );
    // An index inside the corpus is skipped and said so.
    let inner = f.corpus.join("idx");
    let o = index_run(&f, &inner, &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Skipped idx inside the corpus"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("Indexed 2 papers"), "{}", stdout(&o));

    // A link to a paper outside the corpus is followed and said once.
    let outside = f.dir.path().join("elsewhere");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("chile.txt"), PERU.replace("Peru", "Chile")).unwrap();
    std::os::unix::fs::symlink(&outside, f.corpus.join("linked")).unwrap();
    let o = index_run(&f, &f.index, &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Indexed 3 papers"), "{out}");
    assert_eq!(out.matches("symbolic link").count(), 1, "said once: {out}");
    assert!(out.contains("linked"), "{out}");
}

// Point 12: reading needs no write lock; `index` says the folder cannot be written.
#[test]
fn an_index_that_cannot_be_written_is_still_searched() {
    let f = fixture();
    assert_eq!(code(&index_run(&f, &f.index, &[])), 0);
    // Lock files that cannot be created, as on a read-only mount (tests run as
    // root, for whom permissions do not stop a write, so the lock paths are made
    // folders instead).
    for lock in [".tantivy-meta.lock", ".tantivy-writer.lock"] {
        let _ = fs::remove_file(f.index.join(lock));
        fs::create_dir(f.index.join(lock)).unwrap();
    }
    let o = run(&f.index, &["search", "escrow", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!of_type(&json_lines(&o), "hit").is_empty());
    let o = run(&f.index, &["who", "escrow"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = index_run(&f, &f.index, &[]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("cannot write to the index folder"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("another process"), "{}", stderr(&o));
}

// Point 3: files are keyed by their raw names.
#[test]
fn names_that_differ_only_in_invalid_bytes_stay_two_papers() {
    use std::os::unix::ffi::OsStrExt;
    let f = fixture();
    let name = |b: &[u8]| f.corpus.join(std::ffi::OsStr::from_bytes(b));
    fs::write(name(b"caf\xe9.txt"), PERU.replace("Peru", "Chile")).unwrap();
    fs::write(name(b"caf\xff.txt"), PERU.replace("Peru", "Kenya")).unwrap();
    let o = index_run(&f, &f.index, &["--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(summary(&o)["papers"].as_u64(), Some(4), "{}", stdout(&o));
    let o = index_run(&f, &f.index, &["--json"]);
    let s = summary(&o);
    assert_eq!(
        (
            s["changed"].as_u64(),
            s["new"].as_u64(),
            s["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(4)),
        "{s}"
    );
    let o = run(&f.index, &["who", "coca", "--json"]);
    let countries: Vec<String> = of_type(&json_lines(&o), "country")
        .iter()
        .map(|c| c["country"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        countries.contains(&"Chile".to_owned()) && countries.contains(&"Kenya".to_owned()),
        "{countries:?}"
    );
}

// Counts read right: one paper is "1 paper", one passage "1 passage".
#[test]
fn one_paper_is_said_in_the_singular() {
    let f = fixture();
    fs::remove_file(f.corpus.join("peru.txt")).unwrap();
    let o = index_run(&f, &f.index, &[]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Indexed 1 paper ("), "{out}");
    assert!(!out.contains("1 papers"), "{out}");
    // Several papers stay plural.
    fs::write(f.corpus.join("peru.txt"), PERU).unwrap();
    let out = stdout(&index_run(&f, &f.index, &[]));
    assert!(out.contains("Indexed 2 papers ("), "{out}");
}
