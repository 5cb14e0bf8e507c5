//! Two jobs at compile time:
//!
//! - Link the `caucus` binary as a position-dependent executable on Linux. A
//!   position-independent executable has the dynamic loader patch every pointer in its
//!   read-only data at start-up: 65,581 relocations for caucus, about 3 ms of every run,
//!   more than a rare-word search takes. Linked at a fixed address, the loader has three
//!   left to do (`LD_DEBUG=statistics caucus --version`). `BENCHMARKS.md` ("Stop 21",
//!   item 1) has the figures.
//! - Merge the lexicon's acronyms and synonyms into meanings keyed by their stems
//!   (`src/query/meanings.rs`, with the stemmer and tables of `src/index/`), so that no
//!   query analyses the tables' 972 texts first (about 2 ms of every process). The
//!   test `the_built_table_is_the_analyzers` in `src/query/expand.rs` builds it again
//!   with the real analyzer and compares.

#[allow(dead_code)]
#[path = "src/index/lexicon.rs"]
mod lexicon;
#[allow(dead_code)]
#[path = "src/query/meanings.rs"]
mod meanings;
#[allow(dead_code)]
#[path = "src/index/stem.rs"]
mod stem;

/// Longest word the analyzer indexes, in bytes (`analyzer::LONGEST`).
const LONGEST: usize = 40;

/// The accented letters the tables use, folded as tantivy's AsciiFoldingFilter does.
/// A text with any other non-ASCII letter stops the build.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        c if c.is_ascii() => c,
        c => panic!("lexicon letter {c:?}: build.rs does not know how the analyzer folds it"),
    }
}

/// A lexicon text's stems joined by spaces, as the analyzer gives them: words are runs
/// of alphanumeric characters (tantivy's SimpleTokenizer), words of `LONGEST` bytes or
/// more are dropped, accents are folded, and each word is keyed by `stem::key`.
fn key_of(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() < LONGEST)
        .map(|w| stem::key(&w.chars().map(fold).collect::<String>()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The table as Rust source: a slice of (key, texts) sorted by key, for a binary
/// search.
fn to_source(table: &std::collections::BTreeMap<String, Vec<String>>) -> String {
    let mut out = String::from("&[\n");
    for (key, texts) in table {
        out.push_str(&format!("    ({key:?}, &["));
        for (i, t) in texts.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&format!("{t:?}"));
        }
        out.push_str("]),\n");
    }
    out.push(']');
    out
}

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        // Only the binaries: the library and the tests link as cargo decides.
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    let table = meanings::build(lexicon::acronyms(), lexicon::synonyms(), key_of);
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("meanings.rs"), to_source(&table)).expect("write meanings.rs");
    for f in [
        "build.rs",
        "src/index/lexicon.rs",
        "src/index/stem.rs",
        "src/query/meanings.rs",
        "src/index/lexicon/acronyms.tsv",
        "src/index/lexicon/synonyms.tsv",
        "src/index/lexicon/spellings.tsv",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
}
