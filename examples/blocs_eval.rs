//! Measures `blocs` against the UN regional groups: adjusted Rand index and adjusted
//! mutual information of the blocs found in the 2024 General Debate statements, per
//! feature setting and clustering method. Run by `bench/blocs_eval.sh`, which indexes
//! the statements first:
//!
//!     blocs_eval INDEX_DIR GROUPS_CSV [COMMITTEE]
//!
//! Unaligned countries count as groups of their own; countries missing from the CSV
//! are left out of the scores.

use caucus::analysis::similarity::{
    allies, blocs_with, build_scope, cluster, load_passages, BlocOptions, Cut, FeatureOptions,
    Method,
};
use caucus::index::PaperIndex;
use std::collections::BTreeMap;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: blocs_eval INDEX_DIR GROUPS_CSV [COMMITTEE]");
        std::process::exit(2);
    }
    let committee = args.get(3).map_or("GA", String::as_str);
    let index = PaperIndex::open(Path::new(&args[1])).unwrap_or_else(|e| {
        eprintln!("cannot open the index {}: {e}", args[1]);
        std::process::exit(2)
    });
    let searcher = index.searcher().unwrap_or_else(|e| {
        eprintln!("cannot read the index: {e}");
        std::process::exit(2)
    });
    let groups: BTreeMap<String, String> = std::fs::read_to_string(&args[2])
        .unwrap_or_else(|e| {
            eprintln!("cannot read {}: {e}", args[2]);
            std::process::exit(2)
        })
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(','))
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .collect();
    let passages = load_passages(&index, &searcher, committee, None).unwrap_or_else(|e| {
        eprintln!("cannot read committee {committee}: {e}");
        std::process::exit(2)
    });
    // BLOCS_EVAL_METHOD=text keeps only the methods whose name contains it;
    // BLOCS_EVAL_FEATURES=default tries only the default features.
    let only = std::env::var("BLOCS_EVAL_METHOD").ok();
    let all_features = std::env::var("BLOCS_EVAL_FEATURES").map_or(true, |v| v != "default");
    let base = FeatureOptions::default();
    let mut settings: Vec<(&str, FeatureOptions)> = vec![("default", base)];
    if all_features {
        settings.extend([
            (
                "old: all names out, no ceremony/style lists, max share 0.8",
                FeatureOptions {
                    drop_ceremony: false,
                    drop_style: false,
                    drop_all_names: true,
                    max_share: 0.8,
                    ..base
                },
            ),
            (
                "all country names out",
                FeatureOptions {
                    drop_all_names: true,
                    ..base
                },
            ),
            (
                "ceremony kept",
                FeatureOptions {
                    drop_ceremony: false,
                    ..base
                },
            ),
            (
                "style kept",
                FeatureOptions {
                    drop_style: false,
                    ..base
                },
            ),
            (
                "nationality kept",
                FeatureOptions {
                    drop_nationality: false,
                    ..base
                },
            ),
            (
                "max share 0.8",
                FeatureOptions {
                    max_share: 0.8,
                    ..base
                },
            ),
            (
                "max share 0.3",
                FeatureOptions {
                    max_share: 0.3,
                    ..base
                },
            ),
            (
                "min countries 2",
                FeatureOptions {
                    min_countries: 2,
                    ..base
                },
            ),
            (
                "min countries 5",
                FeatureOptions {
                    min_countries: 5,
                    ..base
                },
            ),
            (
                "no phrases",
                FeatureOptions {
                    phrases: false,
                    ..base
                },
            ),
            (
                "regions weigh as others (x1)",
                FeatureOptions {
                    region_weight: 1.0,
                    ..base
                },
            ),
            (
                "regions x2",
                FeatureOptions {
                    region_weight: 2.0,
                    ..base
                },
            ),
        ]);
    }
    let mut methods: Vec<(String, BlocOptions)> = Vec::new();
    let sweep: Vec<(bool, bool, usize)> = match std::env::var("BLOCS_EVAL_DIMS") {
        // BLOCS_EVAL_DIMS=10,20,30 tries centred profiles kept to those directions.
        Ok(list) => list
            .split(',')
            .filter_map(|d| d.trim().parse().ok())
            .map(|d| (false, true, d))
            .collect(),
        Err(_) => vec![
            (false, false, 0),
            (true, false, 0),
            (false, true, 0),
            (false, true, 20),
            (false, true, 50),
        ],
    };
    for (second_order, centre, dims) in sweep {
        let so = match (second_order, centre) {
            (true, _) => " 2nd-order".to_owned(),
            (false, true) => format!(" centred d={dims}"),
            _ => String::new(),
        };
        for (name, method, neighbours) in [
            ("average", Method::Average, 0),
            ("ward", Method::Ward, 0),
            ("spectral knn=5", Method::Spectral, 5),
            ("spectral knn=8", Method::Spectral, 8),
            ("spectral knn=14", Method::Spectral, 14),
            ("spectral knn=25", Method::Spectral, 25),
            ("consensus", Method::Consensus, 0),
        ] {
            methods.push((
                format!("{name}{so}"),
                BlocOptions {
                    method,
                    neighbours,
                    second_order,
                    centre,
                    dims,
                },
            ));
        }
    }
    println!(
        "{:<62} {:<28} {:>6} {:>6} {:>6} {:>6} {:>8} {:>7}",
        "features", "method", "ARI", "AMI", "ARI@5", "AMI@5", "blocs", "largest"
    );
    // BLOCS_EVAL_ALLIES=1 also reports, per feature setting, the share of each
    // country's top five allies that are in its regional group.
    let with_allies = std::env::var("BLOCS_EVAL_ALLIES").is_ok_and(|v| v == "1");
    let mut allies_rows: Vec<(String, f64)> = Vec::new();
    for (name, fo) in &settings {
        let scopes = [build_scope(committee, committee, None, &passages, fo)];
        let scope = &scopes[0];
        if with_allies {
            let (mut same, mut all) = (0usize, 0usize);
            for d in &scope.docs {
                let Some(mine) = d.code.as_ref().and_then(|c| groups.get(c)) else {
                    continue;
                };
                let Ok(r) = allies(&scopes, &d.country, 5, false) else {
                    continue;
                };
                for a in &r.allies {
                    if let Some(g) = groups.get(&a.code) {
                        all += 1;
                        same += usize::from(g == mine);
                    }
                }
            }
            allies_rows.push((name.to_string(), same as f64 / all.max(1) as f64));
        }
        for (mname, bo) in &methods {
            if only.as_deref().is_some_and(|o| !mname.contains(o)) {
                continue;
            }
            let score = |cut: Cut| -> Option<(f64, f64, usize, usize, bool)> {
                let r = blocs_with(scope, cut, bo).ok()?;
                let mut found: BTreeMap<String, usize> = BTreeMap::new();
                for (i, b) in r.blocs.iter().enumerate() {
                    for c in &b.codes {
                        found.insert(c.clone(), i);
                    }
                }
                let regions: Vec<&String> = groups.values().collect();
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let mut next = 1000;
                for d in &scope.docs {
                    let Some(code) = &d.code else { continue };
                    let Some(g) = groups.get(code) else { continue };
                    a.push(regions.iter().position(|x| *x == g).unwrap_or(0));
                    b.push(found.get(code).copied().unwrap_or_else(|| {
                        next += 1;
                        next
                    }));
                }
                let largest = r.blocs.iter().map(|b| b.members.len()).max().unwrap_or(0);
                Some((
                    cluster::adjusted_rand(&a, &b),
                    cluster::adjusted_mutual_info(&a, &b),
                    r.blocs.len(),
                    largest,
                    r.clear,
                ))
            };
            let auto = score(Cut::Auto);
            let five = score(Cut::Count(5));
            let (ari, ami, k, largest, clear) = auto.unwrap_or((0.0, 0.0, 0, 0, false));
            let (ari5, ami5, _, _, _) = five.unwrap_or((0.0, 0.0, 0, 0, false));
            println!(
                "{:<62} {:<28} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>8} {:>7}",
                name,
                mname,
                ari,
                ami,
                ari5,
                ami5,
                if clear {
                    k.to_string()
                } else {
                    "unclear".to_owned()
                },
                largest
            );
        }
    }
    for (name, share) in allies_rows {
        println!("allies: {name:<62} top-5 in the same group {share:.3}");
    }
}
