//! Adversarial queries, in-process: a seeded generator of 10,000 hostile queries
//! (deep nesting, NOT chains, sloppy phrases of repeated words, floods of prefixes,
//! huge and odd input) goes through the parser, the compiler and a real search and
//! `who` on a small index. None may crash (a panic or a stack overflow fails the
//! run); each either answers or is refused with a message. The cases the issue
//! reports are checked one by one first.

mod common;

use caucus::analysis;
use caucus::index::state::Summary;
use caucus::index::writer::{self, NoProgress, UpdateOptions};
use caucus::index::PaperIndex;
use caucus::query::{self, parse, Filters, Mode};
use common::Rng;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

const WORDS: &[&str] = &[
    "peace",
    "the",
    "task",
    "force",
    "darknet",
    "escrow",
    "drug",
    "trafficking",
    "Belgium",
    "of",
    "who",
    "mentions",
    "what",
    "does",
    "Brazil",
    "say",
    "about",
    "café",
    "naïve",
    "東京",
    "😀",
    "x",
    "a",
    "dual-use",
    "42",
    "co-operation",
    "I",
];
const OPERATORS: &[&str] = &[
    "AND", "OR", "NOT", "&&", "||", "(", ")", "-", "\"", "“", "”", "~", "*", ":", "~5", "~1000",
    "\t", "\u{0}", "\u{202e}", "\\", "'",
];
const FIELDS: &[&str] = &[
    "country:Belgium",
    "country:Atlantis",
    "committee:CND",
    "committee:\"Human Rights Council\"",
    "topic:drug",
    "topic:",
    "section:position",
    "section:nowhere",
    "c:Peru",
    "kind:",
];

fn atom(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=3 => rng.pick(WORDS).to_owned(),
        4 => format!("{}*", rng.pick(WORDS).chars().next().unwrap_or('x')),
        5 => format!("{}*", rng.pick(WORDS)),
        6 => rng.pick(FIELDS).to_owned(),
        7 => {
            let n = 1 + rng.below(40);
            let w = rng.pick(WORDS);
            let words: Vec<&str> = (0..n)
                .map(|_| {
                    if rng.below(3) == 0 {
                        rng.pick(WORDS)
                    } else {
                        w
                    }
                })
                .collect();
            let slop = match rng.below(4) {
                0 => String::new(),
                1 => format!("~{}", rng.below(10)),
                2 => format!("~{}", rng.below(100_000)),
                _ => "~99999999999999999999".to_owned(),
            };
            format!("\"{}\"{slop}", words.join(" "))
        }
        _ => rng.pick(OPERATORS).to_owned(),
    }
}

/// A well-formed expression, nested up to `depth` (which may pass the limit).
fn expr(rng: &mut Rng, depth: usize) -> String {
    if depth == 0 || rng.below(3) == 0 {
        return match rng.below(6) {
            0 => atom(rng),
            1 => format!(
                "\"{} {}\"~{}",
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.below(25)
            ),
            _ => rng.pick(WORDS).to_owned(),
        };
    }
    // One branch goes deeper; its siblings are leaves, so the size stays linear.
    let n = 1 + rng.below(4);
    let deep = rng.below(n);
    let parts: Vec<String> = (0..n)
        .map(|i| expr(rng, if i == deep { depth - 1 } else { 0 }))
        .collect();
    let joined = parts.join(rng.pick(&[" ", " AND ", " OR ", " -", " NOT "]));
    match rng.below(3) {
        0 => format!("NOT ({joined})"),
        1 => format!("-({joined})"),
        _ => format!("({joined})"),
    }
}

/// One hostile query.
fn query(rng: &mut Rng) -> String {
    match rng.below(16) {
        12..=15 => {
            let depth = rng.below(30);
            expr(rng, depth)
        }
        // Deep nesting of parentheses, `-(` and NOT.
        0 => {
            let n = 1 + rng.below(20_000);
            let open = rng.pick(&["(", "-(", "NOT (", "NOT "]);
            let close = if open.ends_with('(') { ")" } else { "" };
            format!("{}{}{}", open.repeat(n), rng.pick(WORDS), close.repeat(n))
        }
        // A flood of prefixes.
        1 => (0..1 + rng.below(4_000))
            .map(|i| format!("{}*", ["x", "pe", "dr", "ta"][i % 4]))
            .collect::<Vec<_>>()
            .join(" "),
        // A sloppy phrase of one repeated word.
        2 => format!(
            "\"{}\"~{}",
            vec![rng.pick(WORDS); 1 + rng.below(60)].join(" "),
            rng.below(2_000)
        ),
        // A very long plain query.
        3 => vec![rng.pick(WORDS); 1 + rng.below(30_000)].join(" "),
        // Random bytes made text.
        4 => {
            let n = rng.below(200);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        // Mixed tokens.
        _ => {
            let n = 1 + rng.below(40);
            let parts: Vec<String> = (0..n).map(|_| atom(rng)).collect();
            let sep = if rng.below(5) == 0 { "" } else { " " };
            parts.join(sep)
        }
    }
}

fn build_index(dir: &Path) -> (PaperIndex, Summary) {
    let corpus = dir.join("papers");
    fs::create_dir_all(&corpus).unwrap();
    let countries = ["Belgium", "Peru", "Brazil", "Japan", "Kenya", "Norway"];
    for (i, c) in countries.iter().enumerate() {
        let mut text = format!(
            "Country: {c}\nCommittee: Commission on Narcotic Drugs (CND)\nTopic: Online Drug Trafficking\n\nPosition\n\n"
        );
        for p in 0..6 {
            text.push_str(&"peace peace the task force darknet escrow peace ".repeat(1 + i + p));
            text.push_str("drug trafficking co-operation café naïve 42.\n\n");
        }
        fs::write(corpus.join(format!("{i}.txt")), text).unwrap();
    }
    let index_dir = dir.join("index");
    writer::update(&corpus, &index_dir, &UpdateOptions::default(), &NoProgress).unwrap();
    let index = PaperIndex::open(&index_dir).unwrap();
    let summary = Summary::load(&index_dir).unwrap();
    (index, summary)
}

/// Runs one query the way `search` and `who` do; Ok(true) when it was answered,
/// Ok(false) when refused with a message.
fn attempt(index: &PaperIndex, summary: &Summary, raw: &str, mode: Mode) -> bool {
    let compiled = match query::read(
        raw,
        &Filters::default(),
        &index.fields,
        &summary.catalog,
        mode,
    ) {
        Ok(c) => c,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return false;
        }
    };
    let searcher = index.searcher().unwrap();
    match mode {
        Mode::Ranked => {
            analysis::search(index, &searcher, raw, &compiled, 10, false).unwrap();
        }
        Mode::AllWords => {
            analysis::who(index, &searcher, raw, &compiled, true, None, None).unwrap();
        }
    }
    true
}

/// Runs on a thread with a 2 MB stack (less than a process's main thread has), so
/// unbounded recursion shows here first.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn the_reported_hostile_queries_are_refused_or_answered_quickly() {
    on_small_stack(|| {
        let dir = tempfile::tempdir().unwrap();
        let (index, summary) = build_index(dir.path());
        let cases: Vec<(String, bool)> = vec![
            (format!("{}peace", "NOT ".repeat(942)), false),
            (
                format!("{}peace{}", "-(".repeat(1000), ")".repeat(1000)),
                false,
            ),
            (
                format!("{}peace{}", "(".repeat(14_000), ")".repeat(14_000)),
                false,
            ),
            (format!("\"{}\"~1000", vec!["peace"; 40].join(" ")), false),
            (format!("\"{}\"~1000", vec!["the"; 50].join(" ")), false),
            (vec!["x*"; 3000].join(" "), false),
            ("x* ".repeat(34_000), false),
            ("a*".to_owned(), false),
            (vec!["peace"; 200].join(" "), false),
            // Within the limits: answered.
            (format!("{}peace{}", "(".repeat(20), ")".repeat(20)), true),
            (format!("\"{}\"~20", ["peace"; 6].join(" ")), true),
            (format!("\"{}\"~20", ["peace"; 7].join(" ")), false),
            (vec!["peace"; 32].join(" "), true),
            (vec!["peace"; 33].join(" "), false),
            (["pe*"; 10].join(" "), true),
            ("\"task force\"~3 -darknet".to_owned(), true),
        ];
        for (q, answered) in cases {
            for mode in [Mode::Ranked, Mode::AllWords] {
                let started = Instant::now();
                let got = attempt(&index, &summary, &q, mode);
                let short: String = q.chars().take(40).collect();
                assert_eq!(got, answered, "{short}... ({mode:?})");
                assert!(
                    started.elapsed() < Duration::from_secs(5),
                    "{short}... took {:?}",
                    started.elapsed()
                );
            }
        }
        // The messages say what limit was hit.
        let e = parse::parse(&format!("{}x", "NOT ".repeat(100))).unwrap_err();
        assert!(e.message.contains("nests"), "{e}");
        let e = parse::parse("\"a b\"~1000").unwrap_err();
        assert!(e.message.contains("too loose"), "{e}");
        let e = parse::parse(&["pe*"; 11].join(" ")).unwrap_err();
        assert!(e.message.contains("prefixes"), "{e}");
    });
}

#[test]
fn ten_thousand_seeded_adversarial_queries_never_crash() {
    let (answered, refused, slowest) = on_small_stack(|| {
        let dir = tempfile::tempdir().unwrap();
        let (index, summary) = build_index(dir.path());
        let mut rng = Rng(0xF022);
        let (mut answered, mut refused) = (0, 0);
        let mut slowest = (Duration::ZERO, String::new());
        for i in 0..10_000 {
            let q = query(&mut rng);
            let mode = if i % 2 == 0 {
                Mode::Ranked
            } else {
                Mode::AllWords
            };
            let started = Instant::now();
            if attempt(&index, &summary, &q, mode) {
                answered += 1;
            } else {
                refused += 1;
            }
            let took = started.elapsed();
            if took > slowest.0 {
                slowest = (took, q.chars().take(60).collect());
            }
        }
        (answered, refused, slowest)
    });
    eprintln!(
        "fuzz: 10000 queries, {answered} answered, {refused} refused, 0 crashed; slowest {:?} for {:?}",
        slowest.0, slowest.1
    );
    assert!(answered > 1_000 && refused > 1_000);
}

// Point 5: `-n` is bounded before anything is sized by it.
#[test]
fn huge_result_counts_are_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _) = build_index(dir.path());
    let index = dir.path().join("index");
    for (cmd, n) in [
        ("search", "18446744073709551615"),
        ("search", "10000000000"),
        ("who", "99999999999999999999999999"),
        ("allies", "10001"),
    ] {
        let mut args = vec!["--index", index.to_str().unwrap(), cmd];
        args.push(if cmd == "allies" { "Belgium" } else { "peace" });
        args.extend(["-n", n]);
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_caucus"))
            .args(&args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{cmd} -n {n}: {err}");
        assert!(err.contains("at most 10000"), "{cmd} -n {n}: {err}");
    }
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_caucus"))
        .args(["--index", index.to_str().unwrap(), "search", "peace", "-n"])
        .arg("10000")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
}
