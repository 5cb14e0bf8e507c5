//! `caucus serve` through HTTP: every API endpoint answers with the same records as
//! the command's `--json`, bad requests get 400 with a message, unknown addresses
//! 404, paper text is escaped, nothing is written to the index, Ctrl-C stops it.

mod common;
mod serve_support;

use common::{corpus_index, json_lines, of_type, repo, run};
use serde_json::Value;
use serve_support::{enc, request, Served};
use std::collections::BTreeMap;
use std::path::Path;

/// The CLI's JSON record without its `type` tag.
fn untagged(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("type");
    }
    v
}

fn cli(index: &Path, args: &[&str]) -> Vec<Value> {
    let o = run(index, &[&["--json"], args].concat());
    assert!(
        o.status.code() == Some(0),
        "caucus {args:?} failed: {}",
        common::stderr(&o)
    );
    json_lines(&o)
}

/// A record with its floats rounded and its word lists sorted: the similarity code
/// sums floats and lists equally weighted terms in an order that can differ from one
/// process to the next (noticed while writing these tests; reported to the lead), so
/// two runs are compared on what they say, not on the last bit.
fn settled(v: &Value) -> Value {
    match v {
        Value::Number(n) if n.is_f64() => {
            let x = n.as_f64().unwrap();
            serde_json::json!((x * 1000.0).round() / 1000.0)
        }
        Value::Array(a) => {
            let mut items: Vec<Value> = a.iter().map(settled).collect();
            if items.iter().all(Value::is_string) {
                items.sort_by(|x, y| x.as_str().cmp(&y.as_str()));
            }
            Value::Array(items)
        }
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), settled(v))).collect()),
        other => other.clone(),
    }
}

/// Every file in the index folder with its size and modification time, but for the
/// profile features the CLI commands compared with keep there (the server keeps
/// none: `the_server_keeps_no_features`).
fn snapshot(dir: &Path) -> BTreeMap<String, (u64, std::time::SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name() != caucus::index::features::store::FILE)
        .map(|e| {
            let m = e.metadata().unwrap();
            (
                e.path().display().to_string(),
                (m.len(), m.modified().unwrap()),
            )
        })
        .collect()
}

#[test]
fn api_answers_with_the_records_of_json_output() {
    let index = corpus_index();
    let before = snapshot(&index);
    let s = Served::start(&repo(), &index, &[]);

    // search
    let api = s.get("/api/search?q=darknet+escrow&committee=CND&limit=5");
    assert_eq!(api.status, 200, "{}", api.body);
    assert!(api
        .header("Content-Type")
        .unwrap()
        .starts_with("application/json"));
    let api = api.json();
    let lines = cli(
        &index,
        &["search", "darknet escrow", "--committee", "CND", "-n", "5"],
    );
    let hits: Vec<Value> = of_type(&lines, "hit").into_iter().map(untagged).collect();
    assert_eq!(api["hits"].as_array().unwrap(), &hits);
    assert_eq!(api["total"], of_type(&lines, "summary")[0]["total"]);
    assert_eq!(hits.len(), 5);
    // Every paper a hit names can be opened by id.
    for h in &hits {
        let file = h["file"].as_str().unwrap();
        assert!(api["paper_ids"][file].is_string(), "no id for {file}");
    }

    // who, with the countries that do not mention it
    let api = s.get("/api/who?q=harm+reduction&missing=1").json();
    let lines = cli(&index, &["who", "harm reduction", "--missing"]);
    let rows: Vec<Value> = of_type(&lines, "country")
        .into_iter()
        .map(untagged)
        .collect();
    assert!(rows.len() > 3);
    assert_eq!(api["countries"].as_array().unwrap(), &rows);
    let summary = of_type(&lines, "summary")[0];
    assert_eq!(api["missing"], summary["missing"]);
    assert_eq!(api["total_passages"], summary["total_passages"]);
    assert!(!api["missing"].as_array().unwrap().is_empty());

    // allies
    let api = s.get("/api/allies?country=Belgium&limit=4").json();
    let lines = cli(&index, &["allies", "Belgium", "-n", "4"]);
    let allies: Vec<Value> = of_type(&lines, "ally").into_iter().map(untagged).collect();
    let names = |v: &[Value]| -> Vec<Value> { v.iter().map(|a| a["country"].clone()).collect() };
    assert_eq!(names(api["allies"].as_array().unwrap()), names(&allies));
    assert_eq!(
        settled(&api["allies"]),
        settled(&Value::from(allies.clone()))
    );
    assert_eq!(api["allies"][0]["country"], "Netherlands");

    // blocs, with the heatmap
    let api = s.get("/api/blocs?committee=CND").json();
    let lines = cli(&index, &["blocs", "--committee", "CND"]);
    let blocs: Vec<Value> = of_type(&lines, "bloc").into_iter().map(untagged).collect();
    // Which of two equally distinctive words a bloc lists can differ between runs
    // of the CLI itself (see `settled`): members and cohesion must agree.
    let without_terms = |v: &[Value]| -> Vec<Value> {
        v.iter()
            .map(|b| {
                let mut b = settled(b);
                assert!(!b["terms"].as_array().unwrap().is_empty());
                b.as_object_mut().unwrap().remove("terms");
                b
            })
            .collect()
    };
    assert_eq!(
        without_terms(api["blocs"].as_array().unwrap()),
        without_terms(&blocs)
    );
    let summary = of_type(&lines, "summary")[0];
    assert_eq!(api["order"], summary["order"]);
    assert_eq!(api["unaligned"], summary["unaligned"]);
    let svg = api["svg"].as_str().unwrap();
    assert!(svg.starts_with("<svg") && svg.contains(">Belgium</text>"));
    let n = api["order"].as_array().unwrap().len();
    assert_eq!(svg.matches("<title>").count(), n * n, "one cell per pair");
    // Without a committee: every committee that can be grouped, as `blocs` prints.
    let all = s.get("/api/blocs").json();
    let committees: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|b| &b["committee"])
        .collect();
    let lines = cli(&index, &["blocs"]);
    let cli_committees: Vec<&Value> = of_type(&lines, "summary")
        .into_iter()
        .map(|b| &b["committee"])
        .collect();
    assert_eq!(committees, cli_committees);

    // compare
    let api = s.get("/api/compare?a=Belgium&b=Russia").json();
    let lines = cli(&index, &["compare", "Belgium", "Russia"]);
    // Which passages show agreement can differ between runs of the CLI itself.
    let cli_compare = settled(&untagged(of_type(&lines, "comparison")[0]));
    let api = settled(&api);
    for key in ["first", "second", "scope", "similarity"] {
        assert_eq!(api[key], cli_compare[key], "{key}");
    }
    for key in ["shared_terms", "first_only", "second_only"] {
        assert_eq!(
            api[key].as_array().unwrap().len(),
            cli_compare[key].as_array().unwrap().len(),
            "{key}"
        );
    }
    // Output is deterministic now: the passages that agree are the CLI's too.
    assert_eq!(api["agree"], cli_compare["agree"]);
    assert_eq!(api["agree"]["first"]["country"], "Belgium");
    assert_eq!(api["agree"]["second"]["country"], "Russia");

    // list
    let api = s.get("/api/list").json();
    let lines = cli(&index, &["list"]);
    let committees: Vec<Value> = of_type(&lines, "committee")
        .into_iter()
        .map(untagged)
        .collect();
    assert_eq!(api["committees"].as_array().unwrap(), &committees);
    assert_eq!(api["countries"]["Belgium"], 1);

    // papers of a country, and one paper by id
    let papers = s.get("/api/papers?country=Belgium").json();
    let belgium = &papers.as_array().unwrap()[0];
    assert_eq!(belgium["file"], "cnd/belgium.txt");
    let id = belgium["id"].as_str().unwrap();
    let paper = s.get(&format!("/api/paper?id={id}")).json();
    assert_eq!(paper["country"], "Belgium");
    let numbers: Vec<u64> = paper["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["passage"].as_u64().unwrap())
        .collect();
    assert!(numbers.len() > 5);
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "{numbers:?}");
    assert!(paper["passages"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Antwerp"));

    // the paper page: sections as headings, the passage asked for marked
    let page = s.get(&format!("/paper/{id}?p=3&q=darknet"));
    assert_eq!(page.status, 200);
    assert!(page
        .header("Content-Type")
        .unwrap()
        .starts_with("text/html"));
    assert!(page.body.contains(r#"class="passage target" id="p3""#));
    assert!(
        page.body.contains("<mark>darknet</mark>") || page.body.contains("<mark>Darknet</mark>")
    );
    assert!(page.body.contains(r#"<h3 class="section"#));

    // pages the script draws
    for path in [
        "/",
        "/who?q=x",
        "/blocs?committee=CND",
        "/compare?a=Belgium&b=Russia",
        "/country/Belgium",
    ] {
        let a = s.get(path);
        assert_eq!(a.status, 200, "{path}");
        assert!(a.body.contains(r#"<script src="/assets/app.js""#), "{path}");
    }
    for asset in ["/assets/app.js", "/assets/style.css", "/assets/icon.svg"] {
        let a = s.get(asset);
        assert_eq!(a.status, 200, "{asset}");
        assert!(a.body.len() > 100);
    }

    // Nothing the server did touched the index.
    drop(s);
    assert_eq!(snapshot(&index), before, "the index folder changed");
}

#[test]
fn the_server_keeps_no_features() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("index");
    let o = run(&index, &["index", repo().join("corpus").to_str().unwrap()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let before = walkdir::WalkDir::new(&index).into_iter().count();
    let s = Served::start(&repo(), &index, &[]);
    for path in [
        "/api/blocs?committee=CND",
        "/api/allies?country=Belgium",
        "/api/compare?a=Belgium&b=Russia",
    ] {
        assert_eq!(s.get(path).status, 200, "{path}");
    }
    drop(s);
    assert!(!index.join(caucus::index::features::store::FILE).exists());
    assert_eq!(walkdir::WalkDir::new(&index).into_iter().count(), before);
}

#[test]
fn bad_requests_get_400_and_unknown_addresses_404() {
    let index = corpus_index();
    let s = Served::start(&repo(), &index, &[]);
    let long = "a".repeat(1_001);
    let cases: Vec<(String, &str)> = vec![
        (format!("/api/search?q={long}"), "at most 1000"),
        (format!("/api/who?q={long}"), "at most 1000"),
        ("/api/search?q=tax&limit=1001".into(), "at most 1000"),
        ("/api/who?q=tax&limit=many".into(), "whole number"),
        ("/api/search".into(), "add a query"),
        ("/api/search?q=%22unclosed".into(), "unclosed"),
        ("/api/search?q=tax&committee=NOPE".into(), "NOPE"),
        ("/api/allies?country=Atlantis".into(), "Atlantis"),
        (
            "/api/allies?country=Belgium&limit=5000".into(),
            "at most 1000",
        ),
        ("/api/compare?a=Belgium".into(), "second country"),
        (
            "/api/blocs?committee=CND&threshold=2".into(),
            "between 0 and 1",
        ),
        ("/api/papers?country=Atlantis".into(), "Atlantis"),
    ];
    for (path, says) in &cases {
        let a = s.get(path);
        assert_eq!(a.status, 400, "{path}: {}", a.body);
        let msg = a.json()["error"].as_str().unwrap().to_owned();
        assert!(
            msg.to_lowercase().contains(&says.to_lowercase()),
            "{path}: {msg}"
        );
    }
    // 1,000 characters exactly is still a query (25 long words: under the word limit).
    let a = s.get(&format!(
        "/api/search?q={}",
        enc(&format!("{} ", "taxation".repeat(5)).repeat(25)[..1000])
    ));
    assert_eq!(a.status, 200, "{}", a.body);

    for path in [
        "/nope",
        "/paper/0000000000000000",
        "/paper/..%2F..%2Fetc%2Fpasswd",
        "/country/Atlantis",
        "/assets/../Cargo.toml",
    ] {
        let a = s.get(path);
        assert_eq!(a.status, 404, "{path}");
        assert!(a.body.contains(r#"<a href="/">"#), "{path}: no link home");
    }
    let a = s.get("/api/nope");
    assert_eq!(a.status, 404);
    assert!(a.json()["error"].as_str().unwrap().contains("search"));
    let a = s.get("/api/paper?id=..%2F..%2Fcorpus%2Fcnd%2Fbelgium.txt");
    assert_eq!(a.status, 404, "{}", a.body);
    let a = s.get("/api/paper?id=cnd/belgium.txt");
    assert_eq!(a.status, 404, "a path is not an id: {}", a.body);

    // Read-only: nothing but GET and HEAD.
    let a = request("POST", &s.url("/api/search?q=tax"), Some("{}"));
    assert_eq!(a.status, 405);
    assert_eq!(a.header("Allow"), Some("GET, HEAD"));
    let a = request("DELETE", &s.url("/paper/x"), None);
    assert_eq!(a.status, 405);
}

#[test]
fn paper_text_is_escaped_and_a_missing_index_is_built_first() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("cnd")).unwrap();
    let evil = "Country: Belgium\n\nCommittee: Commission on Narcotic Drugs (CND)\n\nTopic: Online Drug Trafficking\n\nI. Background\n\nThe <script>alert('pwned')</script> market and <img src=x onerror=alert(1)> escrow vendors sell \"quotes\" & more.\n\nII. Position\n\nBelgium supports <b>bold</b> cooperation against darknet escrow.\n";
    std::fs::write(corpus.join("cnd/belgium.txt"), evil).unwrap();
    for (name, country) in [("france", "France"), ("peru", "Peru")] {
        std::fs::write(
            corpus.join(format!("cnd/{name}.txt")),
            format!("Country: {country}\n\nCommittee: Commission on Narcotic Drugs (CND)\n\nTopic: Online Drug Trafficking\n\nI. Background\n\n{country} sees darknet escrow markets grow and asks for cooperation.\n"),
        )
        .unwrap();
    }
    let index = dir.path().join("index");
    // No index yet: `serve` builds it from ./corpus first, as the query commands do.
    let mut s = Served::start(dir.path(), &index, &[]);
    assert!(index.join("meta.json").is_file());
    assert!(
        s.stderr().contains("indexing corpus/ first"),
        "{}",
        s.stderr()
    );

    let api = s.get("/api/search?q=escrow&country=Belgium");
    assert_eq!(api.header("X-Content-Type-Options"), Some("nosniff"));
    let csp = api.header("Content-Security-Policy").unwrap().to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let v = api.json();
    // The API hands the text over as data, unchanged.
    let hit = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| {
            h["snippets"][0]["text"]
                .as_str()
                .unwrap()
                .contains("<img src=x onerror=alert(1)>")
        })
        .unwrap_or_else(|| panic!("no hit with the markup as text: {v}"));
    let id = v["paper_ids"][hit["file"].as_str().unwrap()]
        .as_str()
        .unwrap()
        .to_owned();

    let page = s.get(&format!("/paper/{id}?q={}", enc("script escrow")));
    assert_eq!(page.status, 200);
    let body = &page.body;
    assert!(!body.contains("<script>alert"), "{body}");
    assert!(!body.contains("<img src=x"), "{body}");
    assert!(!body.contains("<b>bold"), "{body}");
    assert!(
        body.contains(
            "&lt;<mark>script</mark>&gt;alert(&#39;pwned&#39;)&lt;/<mark>script</mark>&gt;"
        ),
        "{body}"
    );
    assert!(
        body.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{body}"
    );
    assert!(body.contains("&quot;quotes&quot; &amp; more"), "{body}");
    // The only script on the page is the embedded one.
    assert_eq!(body.matches("<script").count(), 1, "{body}");

    // Ctrl-C stops it cleanly.
    let status = s.interrupt();
    assert!(status.success(), "{status:?}: {}", s.stderr());
    assert!(s.stderr().contains("stopped"), "{}", s.stderr());
}

#[test]
fn sharing_on_the_network_says_it_is_read_only() {
    let index = corpus_index();
    let mut s = Served::start(&repo(), &index, &["--host", "0.0.0.0"]);
    // The address printed is one this computer can open.
    assert!(s.base.starts_with("http://127.0.0.1:"), "{}", s.base);
    assert_eq!(s.get("/api/list").status, 200);
    let err = s.stderr();
    assert!(err.contains("read-only"), "{err}");
    assert!(err.contains("0.0.0.0"), "{err}");
    let status = s.interrupt();
    assert!(status.success(), "{status:?}: {}", s.stderr());
}
