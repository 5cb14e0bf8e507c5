//! Shared helpers for the integration tests: run the built binary, parse its JSON.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_caucus"));
    c.env_remove("CAUCUS_INDEX").env("NO_COLOR", "1");
    c
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs caucus with an index folder; returns the whole output.
pub fn run(index: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--index")
        .arg(index)
        .args(args)
        .output()
        .expect("caucus runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// JSON Lines of stdout, parsed.
pub fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

pub fn of_type<'a>(lines: &'a [Value], t: &str) -> Vec<&'a Value> {
    lines.iter().filter(|v| v["type"] == t).collect()
}

/// The country rows of `who QUERY --json`.
pub fn who_rows(index: &Path, query: &str) -> Vec<Value> {
    let out = run(index, &["who", query, "--json"]);
    of_type(&json_lines(&out), "country")
        .into_iter()
        .cloned()
        .collect()
}

/// Builds an index of the bundled corpus once per test binary.
pub fn corpus_index() -> PathBuf {
    static ONCE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("caucus-test-corpus-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let o = run(
            &dir,
            &["index", repo().join("corpus").to_str().unwrap(), "--json"],
        );
        assert!(
            o.status.success(),
            "indexing the corpus failed: {}",
            stderr(&o)
        );
        dir
    })
    .clone()
}

/// A small seeded generator (splitmix64), so every failure can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }
}
