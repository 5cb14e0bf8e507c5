//! In-process latency of caucus queries: the index is opened once, then each query
//! of the benchmark's query file is compiled and run many times through the same
//! library calls the CLI makes (`query::read`, then `analysis::search` or
//! `analysis::who`), so that start-up cost is separated from search cost.
//!
//! Usage: caucus-latency INDEX_DIR QUERIES_TSV [MAX_SECONDS_PER_QUERY]
//! Prints one JSON object per line: {"id", "class", "n", "median_us", "p95_us", "hits"}.

use caucus::analysis;
use caucus::index::state::Summary;
use caucus::index::PaperIndex;
use caucus::query::{self, Filters, Mode};
use std::path::Path;
use std::time::{Duration, Instant};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: caucus-latency INDEX_DIR QUERIES_TSV [MAX_SECONDS_PER_QUERY]");
        std::process::exit(2);
    }
    let dir = Path::new(&args[1]);
    let budget = Duration::from_secs_f64(args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1.0));
    let queries = std::fs::read_to_string(&args[2]).expect("read queries");

    let t = Instant::now();
    let index = PaperIndex::open(dir).expect("open index");
    let summary = Summary::load(dir).expect("caucus.json");
    let searcher = index.searcher().expect("searcher");
    let open_us = t.elapsed().as_secs_f64() * 1e6;
    println!("{{\"id\":\"open\",\"class\":\"open\",\"n\":1,\"median_us\":{open_us:.1},\"p95_us\":{open_us:.1},\"hits\":0}}");

    for line in queries.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        // id, class, command (search|who), committee ('-' for none), query
        let cols: Vec<&str> = line.split('\t').collect();
        let (id, class, cmd, committee, raw) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
        let filters = Filters {
            committees: if committee == "-" { vec![] } else { vec![committee.to_owned()] },
            ..Filters::default()
        };
        let mode = if cmd == "who" { Mode::AllWords } else { Mode::Ranked };
        // `who` runs twice: as the CLI runs it (every country's stance read) and with
        // stance off, so the cost of reading stance shows as a ratio (class
        // "<class>-nostance").
        let variants: &[(bool, &str)] = if cmd == "who" { &[(true, ""), (false, "-nostance")] } else { &[(true, "")] };
        for &(stance, suffix) in variants {
            let run = || -> usize {
                let compiled = query::read(raw, &filters, &index.fields, &summary.catalog, mode).expect("query");
                if cmd == "who" {
                    let o = analysis::WhoOptions { missing: false, limit: None, only: None, stance, most_words: true };
                    analysis::who_with(&index, &searcher, raw, &compiled, &o).expect("who").total_passages
                } else {
                    analysis::search(&index, &searcher, raw, &compiled, 10, false).expect("search").total
                }
            };
            // Warm up, then iterate until the time budget or 2000 runs (at least 10).
            let hits = run();
            let mut times = Vec::new();
            let start = Instant::now();
            while times.len() < 10 || (start.elapsed() < budget && times.len() < 2000) {
                let t = Instant::now();
                std::hint::black_box(run());
                times.push(t.elapsed().as_secs_f64() * 1e6);
            }
            times.sort_by(f64::total_cmp);
            println!(
                "{{\"id\":\"{id}{suffix}\",\"class\":\"{class}{suffix}\",\"n\":{},\"median_us\":{:.1},\"p95_us\":{:.1},\"hits\":{hits}}}",
                times.len(),
                percentile(&times, 0.5),
                percentile(&times, 0.95)
            );
        }
    }
}
