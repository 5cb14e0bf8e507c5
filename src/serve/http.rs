//! Requests in, responses out: the URL decoded, the route chosen (pages, embedded
//! assets, the API, 404), and the headers every response carries. Only GET and HEAD
//! exist: nothing a request does can write.

use super::{api, paper, State};
use std::borrow::Cow;
use std::fmt::Write as _;
use tiny_http::{Header, Method, Request, Response};

const SHELL: &str = include_str!("assets/shell.html");
const APP_JS: &str = include_str!("assets/app.js");
const STYLE_CSS: &str = include_str!("assets/style.css");
const ICON_SVG: &str = include_str!("assets/icon.svg");

/// The query string, decoded; a key may repeat (`committee=CND&committee=HRC`).
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn parse(query: &str) -> Params {
        Params(
            query
                .split('&')
                .filter(|kv| !kv.is_empty())
                .map(|kv| {
                    let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                    (decode(k, true), decode(v, true))
                })
                .collect(),
        )
    }

    /// The last non-empty value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// Every non-empty value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// A yes/no switch: present and not `0`/`false`/`no`.
    pub fn flag(&self, key: &str) -> bool {
        self.get(key)
            .is_some_and(|v| !matches!(v, "0" | "false" | "no" | "off"))
    }
}

/// Percent-decoding (and `+` as space in a query); bad escapes are kept as written,
/// invalid UTF-8 becomes U+FFFD.
pub fn decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = hex {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(if b == b'+' && plus_is_space { b' ' } else { b });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A response before it is sent.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Cow<'static, str>,
    /// Embedded assets may be cached; answers may not (the index can be rebuilt).
    pub cache: bool,
}

impl Reply {
    pub fn json(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body: Cow::Owned(body),
            cache: false,
        }
    }

    fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body: Cow::Owned(body),
            cache: false,
        }
    }

    fn asset(content_type: &'static str, body: &'static str) -> Reply {
        Reply {
            status: 200,
            content_type,
            body: Cow::Borrowed(body),
            cache: true,
        }
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// Answers one request. A client that hangs up mid-answer is not an error.
pub fn handle(state: &State, request: Request) {
    let head = *request.method() == Method::Head;
    let reply = match request.method() {
        Method::Get | Method::Head => route(state, request.url()),
        _ => Reply::json(
            405,
            api::error_body("this server is read-only: only GET requests are answered"),
        ),
    };
    let mut response = Response::from_data(if head {
        Vec::new()
    } else {
        reply.body.as_bytes().to_vec()
    })
    .with_status_code(reply.status)
    // The whole body is in hand: send its length rather than chunks.
    .with_chunked_threshold(usize::MAX);
    let cache = if reply.cache {
        "public, max-age=300"
    } else {
        "no-store"
    };
    for h in [
        header("Content-Type", reply.content_type),
        header("Cache-Control", cache),
        header("X-Content-Type-Options", "nosniff"),
        header("Referrer-Policy", "no-referrer"),
        header("X-Frame-Options", "DENY"),
        // No inline script and nothing from elsewhere: text that slipped through
        // unescaped still could not run.
        header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    ]
    .into_iter()
    .flatten()
    {
        response.add_header(h);
    }
    if reply.status == 405 {
        if let Some(h) = header("Allow", "GET, HEAD") {
            response.add_header(h);
        }
    }
    let _ = request.respond(response);
}

/// Chooses what answers a URL.
pub fn route(state: &State, url: &str) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let path = decode(path, false);
    let params = Params::parse(query);
    if let Some(endpoint) = path.strip_prefix("/api/") {
        return api::handle(state, endpoint, &params);
    }
    match path.as_str() {
        "/" | "/search" => page("Search", "search", None),
        "/who" => page("Who mentions it", "search", None),
        "/blocs" => page("Blocs", "blocs", None),
        "/compare" => page("Compare", "compare", None),
        "/assets/app.js" => Reply::asset("text/javascript; charset=utf-8", APP_JS),
        "/assets/style.css" => Reply::asset("text/css; charset=utf-8", STYLE_CSS),
        "/favicon.ico" | "/assets/icon.svg" => Reply::asset("image/svg+xml", ICON_SVG),
        p => {
            if let Some(name) = p.strip_prefix("/country/").filter(|n| !n.is_empty()) {
                if state.summary.catalog.countries.contains_key(name) {
                    return page(name, "country", None);
                }
                return not_found(&format!("No country called {name:?} has a paper here."));
            }
            if let Some(id) = p.strip_prefix("/paper/") {
                return paper_page(state, id, &params);
            }
            not_found("There is no page at this address.")
        }
    }
}

/// Fills the page shell in one pass, so a value can never be read as a placeholder.
fn fill(title: &str, view: &str, content: &str) -> String {
    let mut out = String::with_capacity(SHELL.len() + content.len());
    let mut rest = SHELL;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let (value, len) = if after.starts_with("{{title}}") {
            (Cow::Owned(escape(title)), 9)
        } else if after.starts_with("{{view}}") {
            (Cow::Borrowed(view), 8)
        } else if after.starts_with("{{content}}") {
            (Cow::Borrowed(content), 11)
        } else {
            (Cow::Borrowed("{{"), 2)
        };
        out.push_str(&value);
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

fn page(title: &str, view: &str, content: Option<String>) -> Reply {
    Reply::html(
        200,
        fill(title, view, content.as_deref().unwrap_or_default()),
    )
}

fn not_found(message: &str) -> Reply {
    let content = format!(
        r#"<section class="notfound"><h1>Not found</h1><p>{}</p><p><a href="/">Back to search</a></p></section>"#,
        escape(message)
    );
    Reply::html(404, fill("Not found", "static", &content))
}

fn paper_page(state: &State, id: &str, params: &Params) -> Reply {
    let Some(info) = state.papers.get(id) else {
        return not_found("No indexed paper has this id.");
    };
    let text = match paper::read(&state.index, &state.searcher, info) {
        Ok(t) => t,
        Err(e) => {
            let mut body = String::new();
            let _ = write!(
                body,
                r#"<section class="notfound"><h1>Cannot read this paper</h1><p>{}</p><p><a href="/">Back to search</a></p></section>"#,
                escape(&e.to_string())
            );
            return Reply::html(500, fill("Error", "static", &body));
        }
    };
    let target = params.get("p").and_then(|p| p.parse().ok());
    // The query the reader came from lights up in the whole paper.
    let compiled = params
        .get("q")
        .filter(|q| q.chars().count() <= super::MAX_QUERY_CHARS)
        .and_then(|q| api::compile(state, q, &Params::default(), crate::query::Mode::Ranked).ok());
    let content = paper::render(&text, target, compiled.as_ref().map(|c| &c.highlight));
    let title = format!("{} · {}", info.country, info.committee);
    page(&title, "paper", Some(content))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_and_plus() {
        assert_eq!(decode("a+b%20c%2Bd", true), "a b c+d");
        assert_eq!(decode("a+b", false), "a+b");
        assert_eq!(decode("%C3%A9", true), "é");
        assert_eq!(decode("100%", true), "100%");
        assert_eq!(decode("%zz%4", true), "%zz%4");
    }

    #[test]
    fn params_repeat_and_skip_empty() {
        let p = Params::parse("q=a&committee=CND&committee=&committee=HRC&full=0");
        assert_eq!(p.get("q"), Some("a"));
        assert_eq!(p.all("committee"), vec!["CND", "HRC"]);
        assert!(!p.flag("full"));
        assert!(!p.flag("missing"));
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
