//! The page in a real browser: headless Chromium driven over the W3C WebDriver
//! protocol (chromedriver), spoken with the small HTTP client of `serve_support`.
//! It types a query, waits for the results, checks the first row and the highlight,
//! opens the paper, opens the blocs page and hovers and clicks the heatmap, and saves
//! screenshots (laptop and phone) to `target/browser-screenshots/` (or
//! `$CAUCUS_SCREENSHOTS`).
//!
//! Without Chromium it prints a loud SKIP, except under CI (`CI` set), where it fails:
//! `.ci/run` installs `chromium` and `chromium-driver`.

mod common;
mod serve_support;

use common::{corpus_index, repo};
use serde_json::{json, Value};
use serve_support::{request, Served};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// chromedriver on a free port, with one browser session.
struct Browser {
    driver: Child,
    base: String,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start(chromium: &Path, chromedriver: &Path) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("http://127.0.0.1:{port}");
        let start = Instant::now();
        loop {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
                && request("GET", &format!("{base}/status"), None).json()["value"]["ready"] == true
            {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.display().to_string(),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--hide-scrollbars",
                    format!("--user-data-dir={}", profile.path().display()),
                    "--window-size=1280,800",
                ]
            }
        }}});
        let mut b = Browser {
            driver,
            base,
            session: String::new(),
            _profile: profile,
        };
        let v = b.call("POST", "/session", Some(caps));
        b.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_owned();
        b
    }

    /// One WebDriver command; returns its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string());
        let a = request(method, &format!("{}{path}", self.base), body.as_deref());
        let v = a.json();
        assert_eq!(a.status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    fn go(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Waits until `script` returns something truthy; returns it.
    fn wait_for(&self, what: &str, script: &str) -> Value {
        let start = Instant::now();
        loop {
            let v = self.js(script);
            if !(v.is_null() || v == false || v == "" || v == 0) {
                return v;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn element(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_owned()
    }

    fn size(&self, width: u32, height: u32) {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    fn screenshot(&self, dir: &Path, name: &str) {
        let b64 = self.cmd("GET", "/screenshot", None);
        let png = base64_decode(b64.as_str().unwrap());
        assert!(png.starts_with(&[0x89, b'P', b'N', b'G']));
        std::fs::write(dir.join(name), png).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = request(
                "DELETE",
                &format!("{}/session/{}", self.base, self.session),
                None,
            );
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[test]
fn the_page_works_in_a_real_browser() {
    let chromium = find_program(&["chromium", "chromium-browser", "google-chrome"]);
    let driver = find_program(&["chromedriver"]);
    let (Some(chromium), Some(driver)) = (chromium, driver) else {
        assert!(
            !in_ci(),
            "CI is set but chromium or chromedriver is missing: .ci/run installs `chromium chromium-driver`"
        );
        eprintln!("\n\n*** SKIP: the browser test needs chromium and chromedriver (apt-get install chromium chromium-driver) ***\n\n");
        return;
    };
    let shots = std::env::var_os("CAUCUS_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/browser-screenshots"));
    std::fs::create_dir_all(&shots).unwrap();

    let index = corpus_index();
    let s = Served::start(&repo(), &index, &[]);
    let expected = s.get("/api/search?q=darknet+escrow&limit=20").json();
    let expected_who = s.get("/api/who?q=darknet+escrow").json();
    let b = Browser::start(&chromium, &driver);

    // Search: type, and the results come as you type.
    b.go(&s.url("/"));
    b.wait_for(
        "the welcome panel",
        "return document.querySelector('.welcome')",
    );
    let q = b.element("#q");
    b.cmd(
        "POST",
        &format!("/element/{q}/value"),
        Some(json!({"text": "darknet escrow"})),
    );
    b.wait_for(
        "passages",
        "return document.querySelectorAll('.hit').length === 20 && location.search.includes('darknet')",
    );
    let first = b.js("return document.querySelector('.hit .country').textContent");
    assert_eq!(first, expected["hits"][0]["country"]);
    let marked = b.js("return [...document.querySelectorAll('.hit')[0].querySelectorAll('mark')].map(m => m.textContent.toLowerCase())");
    let marked: Vec<String> = serde_json::from_value(marked).unwrap();
    assert!(
        marked.iter().any(|m| m.contains("escrow")),
        "no highlight: {marked:?}"
    );
    let url = b.js("return location.href");
    assert!(
        url.as_str().unwrap().contains("q=darknet+escrow"),
        "{url}: the query is not in the URL"
    );

    // Countries: one row per country, best first.
    b.js("document.querySelector('[data-mode=who]').click()");
    b.wait_for(
        "the who table",
        "return document.querySelector('table.who tbody tr') && location.pathname === '/who'",
    );
    let first = b.js("return document.querySelector('table.who tbody tr .country').textContent");
    assert_eq!(first, expected_who["countries"][0]["country"]);
    b.wait_for(
        "the countries that do not mention it",
        "return document.querySelector('.missing')",
    );
    b.screenshot(&shots, "who-laptop.png");

    // The count line says what was counted: with a stance asked for, the countries
    // taking it, as the terminal and the JSON say.
    let opposed = s
        .get("/api/who?q=which+countries+oppose+harm+reduction")
        .json()["total_countries"]
        .as_u64()
        .unwrap();
    assert!(opposed > 1);
    b.go(&s.url("/who?q=which+countries+oppose+harm+reduction"));
    b.wait_for(
        "the count of the countries that oppose it",
        &format!(
            "return [...document.querySelectorAll('.count')].some(p => p.textContent.startsWith('{opposed} countries oppose it in'))"
        ),
    );

    // A stance nobody takes: the page says how many countries mention it instead
    // of that none does (Portugal supports harm reduction).
    let none = "which+countries+oppose+harm+reduction+country%3APortugal";
    let api = s.get(&format!("/api/who?q={none}")).json();
    assert_eq!(api["total_countries"], 0, "{api}");
    assert_eq!(api["mentioning"], 1, "{api}");
    b.go(&s.url(&format!("/who?q={none}")));
    b.wait_for(
        "the count of the countries that mention it",
        "return [...document.querySelectorAll('.count')].some(p => p.textContent === 'No country opposes it; 1 country mentions it.')",
    );

    // The same query reloads from its URL (a result can be shared).
    b.go(&s.url("/?q=darknet+escrow"));
    b.wait_for(
        "passages from the URL",
        "return document.querySelectorAll('.hit').length",
    );
    assert_eq!(
        b.js("return document.querySelector('#q').value"),
        "darknet escrow"
    );
    b.screenshot(&shots, "search-laptop.png");

    // Paper: the clicked passage is shown, marked, and in view.
    let passage = expected["hits"][0]["passage"].as_u64().unwrap();
    let link = b.element(".hit a.loc");
    b.cmd("POST", &format!("/element/{link}/click"), Some(json!({})));
    b.wait_for(
        "the paper",
        "return document.body.dataset.view === 'paper' && document.querySelector('.passage.target')",
    );
    assert_eq!(
        b.js("return document.querySelector('.passage.target').id"),
        format!("p{passage}")
    );
    let in_view = b.js("const r = document.querySelector('.passage.target').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight");
    assert_eq!(in_view, true, "the passage is not scrolled into view");
    assert!(
        b.js("return document.querySelectorAll('.passage.target mark').length")
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(
        b.js("return document.querySelectorAll('.paper h3.section').length")
            .as_u64()
            .unwrap()
            >= 2,
        "sections are not headings"
    );
    b.screenshot(&shots, "paper-laptop.png");

    // Blocs: the heatmap as SVG, one cell per pair; hover tells, click compares.
    b.go(&s.url("/blocs?committee=CND"));
    let n = b
        .wait_for(
            "the heatmap",
            "return document.querySelectorAll('.heatmap svg rect.cell').length",
        )
        .as_u64()
        .unwrap();
    let countries = s.get("/api/blocs?committee=CND").json()["order"]
        .as_array()
        .unwrap()
        .len() as u64;
    assert_eq!(n, countries * countries);
    assert!(b
        .js("return document.querySelector('.bloc h3').textContent")
        .as_str()
        .unwrap()
        .starts_with("Bloc 1"));
    let cell = b.element(".heatmap rect.cell[tabindex]");
    b.cmd(
        "POST",
        "/actions",
        Some(json!({"actions": [{"type": "pointer", "id": "mouse",
            "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "duration": 0, "origin": {ELEMENT: cell}, "x": 0, "y": 0}]}]})),
    );
    let tip = b.wait_for(
        "the hover tip",
        "const t = document.querySelector('.tip.on'); return t && t.textContent",
    );
    assert!(tip.as_str().unwrap().contains("similarity"), "{tip}");
    b.screenshot(&shots, "blocs-laptop.png");
    b.cmd("POST", &format!("/element/{cell}/click"), Some(json!({})));
    b.wait_for(
        "the comparison",
        "return location.pathname === '/compare' && document.querySelector('#compare h2')",
    );
    assert!(b
        .js("return document.querySelector('#compare h2').textContent")
        .as_str()
        .unwrap()
        .contains("similarity"));

    // Compare: the issues where two countries take opposite stances, from the same
    // record as `compare --json`.
    b.go(&s.url("/compare?a=Netherlands&b=China&committee=CND"));
    let differ = b.wait_for(
        "the stance differences",
        "const h = [...document.querySelectorAll('#compare h4')].map((e) => e.textContent); return h.length && h.join('|')",
    );
    assert!(
        differ
            .as_str()
            .unwrap()
            .contains("“harm reduction”: They disagree"),
        "{differ}"
    );
    assert!(b
        .js("return document.querySelector('#compare .stance-oppose') !== null")
        .as_bool()
        .unwrap());

    // Country: papers per committee, allies with shared words, compare with anyone.
    b.go(&s.url("/country/Belgium"));
    b.wait_for(
        "the country's papers and allies",
        "return document.querySelector('.committee a[href^=\"/paper/\"]') && document.querySelector('ol.allies li')",
    );
    let ally = b.js("return document.querySelector('ol.allies li .country').textContent");
    assert_eq!(
        ally,
        s.get("/api/allies?country=Belgium").json()["allies"][0]["country"]
    );
    assert!(b
        .js("return document.querySelector('ol.allies .terms').textContent")
        .as_str()
        .unwrap()
        .starts_with("shared: "));
    assert_eq!(
        b.js("return document.querySelector('form.inline input[name=a]').value"),
        "Belgium"
    );
    b.screenshot(&shots, "country-laptop.png");

    // A phone.
    b.size(390, 844);
    b.go(&s.url("/?q=harm+reduction"));
    b.wait_for(
        "passages on a phone",
        "return document.querySelectorAll('.hit').length",
    );
    let overflow = b.js("return document.documentElement.scrollWidth > innerWidth + 1");
    assert_eq!(overflow, false, "the page is wider than a phone");
    b.screenshot(&shots, "search-phone.png");
    eprintln!("screenshots in {}", shots.display());
}
