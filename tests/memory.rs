//! Issue 9, point 11: a huge single-line text file is read in about twice its size.
//! Before, every piece of a split paragraph carried the whole paragraph, and the
//! header and layout passes copied the line several times: a 20 MB line needed more
//! than 24 GB. Its own test binary, so the peak it reads is its one child's.

mod common;

use std::fs;
use std::io::Write;

/// Peak resident memory of this process's waited-for children, in bytes.
#[cfg(target_os = "linux")]
fn children_peak_bytes() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0);
    // Linux reports kilobytes.
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

#[cfg(target_os = "linux")]
#[test]
fn a_single_line_text_file_is_indexed_in_about_twice_its_size() {
    const MIB: u64 = 1024 * 1024;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("papers");
    fs::create_dir_all(&corpus).unwrap();
    let path = corpus.join("book.txt");
    let mut file = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    file.write_all(b"Country: Chile\nCommittee: CND\nTopic: Drugs\n\n")
        .unwrap();
    let words = [
        "peace", "security", "darknet", "escrow", "nations", "the", "of", "task", "force",
    ];
    let mut i = 0usize;
    let mut written = 0u64;
    while written < 48 * MIB {
        let sentence: Vec<&str> = (0..37).map(|k| words[(i + k * 7) % words.len()]).collect();
        let sentence = sentence.join(" ") + ". ";
        file.write_all(sentence.as_bytes()).unwrap();
        written += sentence.len() as u64;
        i += 1;
    }
    file.flush().unwrap();
    drop(file);
    let size = fs::metadata(&path).unwrap().len();

    let index = dir.path().join("index");
    let out = common::bin()
        .args(["index", corpus.to_str().unwrap(), "--index"])
        .arg(&index)
        .args(["--max-file-mb", "500", "--timeout", "600", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let peak = children_peak_bytes();
    // Twice the file, a half for the passages' bookkeeping, and a fixed allowance
    // for the index writer's buffers and the program itself.
    let bound = size * 5 / 2 + 96 * MIB;
    assert!(
        peak <= bound,
        "indexing a {} MB one-line file peaked at {} MB (bound {} MB)",
        size / MIB,
        peak / MIB,
        bound / MIB
    );
    // And the paper is searchable.
    let who = common::run(&index, &["who", "darknet escrow", "--json"]);
    assert!(
        who.status.success(),
        "{}",
        String::from_utf8_lossy(&who.stderr)
    );
    assert!(String::from_utf8_lossy(&who.stdout).contains("Chile"));
}
