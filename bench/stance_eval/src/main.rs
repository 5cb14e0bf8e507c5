//! Scores the stance rules against the judged (country, query) pairs.
#[path = "../../../src/analysis/stance.rs"]
#[allow(dead_code)]
mod stance;

fn main() {}
