//! The JSON API under `/api/`: each endpoint reads its parameters like the matching
//! command reads its arguments, calls the same library function, and serializes the
//! same result struct that `--json` prints (search, who, allies, blocs, compare,
//! list), plus the paper reader. Bad input is a 400 with a message, never a panic.

use super::http::{Params, Reply};
use super::paper::{self, PaperInfo};
use super::{State, MAX_LIMIT, MAX_QUERY_CHARS};
use crate::analysis::similarity::{BlocsResult, SimilarityError};
use crate::analysis::{self, SearchResult, WhoResult};
use crate::cli::{AlliesArgs, CompareArgs};
use crate::commands::similarity as cmd;
use crate::index::IndexError;
use crate::output::plot;
use crate::query::{self, Compiled, Filters, Mode};
use serde::Serialize;
use std::collections::BTreeMap;

/// An answer that is not a result: the status and what to tell the user.
#[derive(Debug)]
pub struct ApiError {
    status: u16,
    message: String,
}

impl ApiError {
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 400,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 404,
            message: message.into(),
        }
    }
}

/// A failure inside the index is the server's; anything else came from the request
/// (an unknown country, a query that does not parse, too few countries for blocs).
impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> ApiError {
        let internal = e.chain().any(|c| {
            c.downcast_ref::<IndexError>().is_some()
                || matches!(
                    c.downcast_ref::<SimilarityError>(),
                    Some(SimilarityError::Index(_))
                )
        });
        let mut message = e.to_string();
        for cause in e.chain().skip(1) {
            message.push_str(": ");
            message.push_str(&cause.to_string());
        }
        ApiError {
            status: if internal { 500 } else { 400 },
            message,
        }
    }
}

impl From<SimilarityError> for ApiError {
    fn from(e: SimilarityError) -> ApiError {
        anyhow::Error::from(e).into()
    }
}

impl From<IndexError> for ApiError {
    fn from(e: IndexError) -> ApiError {
        anyhow::Error::from(e).into()
    }
}

type ApiResult = Result<String, ApiError>;

pub fn error_body(message: &str) -> String {
    #[derive(Serialize)]
    struct Error<'a> {
        error: &'a str,
    }
    serde_json::to_string(&Error { error: message })
        .unwrap_or_else(|_| r#"{"error":"error"}"#.to_owned())
}

fn to_json<T: Serialize>(value: &T) -> ApiResult {
    serde_json::to_string(value).map_err(|e| ApiError {
        status: 500,
        message: e.to_string(),
    })
}

/// How many similarity answers are kept; past that the memo starts over.
const MAX_KEPT_ANSWERS: usize = 256;

/// Answers `/api/<endpoint>`.
pub fn handle(state: &State, endpoint: &str, params: &Params) -> Reply {
    let memo = matches!(endpoint, "allies" | "blocs" | "compare");
    let key = format!("{endpoint}?{params:?}");
    if memo {
        if let Some(body) = state.answers.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Reply::json(200, body);
        }
    }
    let result = match endpoint {
        "search" => search(state, params),
        "who" => who(state, params),
        "allies" => allies(state, params),
        "blocs" => blocs(state, params),
        "compare" => compare(state, params),
        "list" => list(state, params),
        "paper" => paper(state, params),
        "papers" => papers(state, params),
        other => Err(ApiError::not_found(format!(
            "no API endpoint {other:?}; there are search, who, allies, blocs, compare, list, paper and papers"
        ))),
    };
    match result {
        Ok(body) => {
            if memo {
                if let Ok(mut m) = state.answers.lock() {
                    if m.len() >= MAX_KEPT_ANSWERS {
                        m.clear();
                    }
                    m.insert(key, body.clone());
                }
            }
            Reply::json(200, body)
        }
        Err(e) => Reply::json(e.status, error_body(&e.message)),
    }
}

/// The query text, required and at most `MAX_QUERY_CHARS` long.
fn query_text<'a>(params: &'a Params, key: &str) -> Result<&'a str, ApiError> {
    let q = params
        .get(key)
        .ok_or_else(|| ApiError::bad(format!("add a query: {key}=words")))?;
    let chars = q.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(ApiError::bad(format!(
            "the query is {chars} characters long; at most {MAX_QUERY_CHARS} are accepted"
        )));
    }
    Ok(q)
}

/// A whole number parameter, at most `max`.
fn number(params: &Params, key: &str, max: usize) -> Result<Option<usize>, ApiError> {
    let Some(v) = params.get(key) else {
        return Ok(None);
    };
    let n: usize = v
        .trim()
        .parse()
        .map_err(|_| ApiError::bad(format!("{key} must be a whole number, not {v:?}")))?;
    if n > max {
        return Err(ApiError::bad(format!(
            "{key} is {n}; at most {max} are accepted"
        )));
    }
    Ok(Some(n))
}

fn short(params: &Params, key: &str) -> Result<Option<String>, ApiError> {
    match params.get(key) {
        Some(v) if v.chars().count() > MAX_QUERY_CHARS => Err(ApiError::bad(format!(
            "{key} is longer than {MAX_QUERY_CHARS} characters"
        ))),
        v => Ok(v.map(str::to_owned)),
    }
}

fn filters(params: &Params) -> Result<Filters, ApiError> {
    let all = |key: &str| -> Result<Vec<String>, ApiError> {
        let v = params.all(key);
        if v.iter().map(|s| s.chars().count()).sum::<usize>() > MAX_QUERY_CHARS {
            return Err(ApiError::bad(format!(
                "the {key} filters are longer than {MAX_QUERY_CHARS} characters"
            )));
        }
        Ok(v)
    };
    Ok(Filters {
        countries: all("country")?,
        committees: all("committee")?,
        topics: all("topic")?,
        sections: all("section")?,
    })
}

/// Reads a query the way `search` and `who` do.
pub fn compile(
    state: &State,
    raw: &str,
    params: &Params,
    mode: Mode,
) -> Result<Compiled, ApiError> {
    query::read(
        raw,
        &filters(params)?,
        &state.index.fields,
        &state.summary.catalog,
        mode,
    )
    .map_err(|e| {
        // The error's causes too: "bad query …: unclosed quote".
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        ApiError::bad(message)
    })
}

/// Links from a result's files to the papers' ids, for the page.
fn paper_ids<'a>(state: &State, files: impl Iterator<Item = &'a str>) -> BTreeMap<String, String> {
    files
        .filter_map(|f| {
            state
                .papers
                .id_of(f)
                .map(|id| (f.to_owned(), id.to_owned()))
        })
        .collect()
}

#[derive(Serialize)]
struct WithPapers<'a, T: Serialize> {
    #[serde(flatten)]
    result: &'a T,
    /// File -> paper id, for every paper the result names.
    paper_ids: BTreeMap<String, String>,
}

fn search(state: &State, params: &Params) -> ApiResult {
    let raw = query_text(params, "q")?;
    let limit = number(params, "limit", MAX_LIMIT)?.unwrap_or(10);
    let compiled = compile(state, raw, params, Mode::Ranked)?;
    let result: SearchResult = analysis::search(
        &state.index,
        &state.searcher,
        raw,
        &compiled,
        limit,
        params.flag("full"),
    )?;
    to_json(&WithPapers {
        paper_ids: paper_ids(state, result.hits.iter().map(|h| h.file.as_str())),
        result: &result,
    })
}

fn who(state: &State, params: &Params) -> ApiResult {
    let raw = query_text(params, "q")?;
    let limit = number(params, "limit", MAX_LIMIT)?;
    let compiled = compile(state, raw, params, Mode::AllWords)?;
    let stance = match short(params, "stance")? {
        Some(s) => Some(
            analysis::stance::Stance::parse(&s)
                .ok_or_else(|| ApiError::bad("stance is one of support, oppose, mixed, mention"))?,
        ),
        None => None,
    };
    let result: WhoResult = analysis::who(
        &state.index,
        &state.searcher,
        raw,
        &compiled,
        params.flag("missing"),
        limit,
        stance,
    )?;
    to_json(&WithPapers {
        paper_ids: paper_ids(state, result.countries.iter().map(|c| c.best.file.as_str())),
        result: &result,
    })
}

fn allies(state: &State, params: &Params) -> ApiResult {
    let args = AlliesArgs {
        country: short(params, "country")?
            .ok_or_else(|| ApiError::bad("add a country: country=Belgium"))?,
        committee: short(params, "committee")?,
        topic: short(params, "topic")?,
        limit: number(params, "limit", MAX_LIMIT)?.unwrap_or(10),
        opponents: params.flag("opponents"),
        on: None,
        // JSON carries whole passages either way.
        full: true,
    };
    let result = cmd::allies_of(&state.index, &state.searcher, &state.summary, &args)?;
    to_json(&result)
}

#[derive(Serialize)]
struct BlocsWithPlot<'a> {
    #[serde(flatten)]
    result: &'a BlocsResult,
    /// The heatmap `caucus blocs --plot` draws, as SVG text.
    svg: String,
}

fn blocs(state: &State, params: &Params) -> ApiResult {
    let cut = cmd::cut(
        number(params, "count", MAX_LIMIT)?,
        params
            .get("threshold")
            .map(|t| {
                t.trim()
                    .parse::<f64>()
                    .map_err(|_| ApiError::bad(format!("threshold must be a number, not {t:?}")))
            })
            .transpose()?,
    )?;
    let topic = short(params, "topic")?;
    let catalog = &state.summary.catalog;
    let one = |code: &str| {
        cmd::blocs_in(
            &state.index,
            &state.searcher,
            &state.summary,
            code,
            topic.as_deref(),
            cut,
        )
    };
    if let Some(c) = short(params, "committee")? {
        let code =
            query::resolve_committee(&c, catalog).map_err(|e| ApiError::bad(e.to_string()))?;
        let result = one(&code)?;
        return to_json(&BlocsWithPlot {
            svg: plot::svg(&result),
            result: &result,
        });
    }
    // Like `caucus blocs` without --committee: each committee large enough to group.
    let mut all = Vec::new();
    for code in catalog.committees.keys() {
        match one(code) {
            Ok(r) => all.push(r),
            Err(SimilarityError::TooFew { .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    let out: Vec<BlocsWithPlot> = all
        .iter()
        .map(|r| BlocsWithPlot {
            svg: plot::svg(r),
            result: r,
        })
        .collect();
    to_json(&out)
}

fn compare(state: &State, params: &Params) -> ApiResult {
    let args = CompareArgs {
        first: short(params, "a")?
            .ok_or_else(|| ApiError::bad("add two countries: a=Belgium&b=Russia"))?,
        second: short(params, "b")?
            .ok_or_else(|| ApiError::bad("add the second country: b=Russia"))?,
        committee: short(params, "committee")?,
        topic: short(params, "topic")?,
        on: None,
        full: true,
    };
    let result = cmd::compare_of(&state.index, &state.searcher, &state.summary, &args)?;
    to_json(&result)
}

/// The same committee record as `caucus list --json`.
#[derive(Serialize)]
struct Committee<'a> {
    code: &'a str,
    name: &'a str,
    countries: &'a [String],
}

#[derive(Serialize)]
struct Listing<'a> {
    committees: Vec<Committee<'a>>,
    /// Country -> number of papers.
    countries: &'a BTreeMap<String, usize>,
    topics: &'a [String],
    papers: usize,
    passages: u64,
}

fn list(state: &State, params: &Params) -> ApiResult {
    let c = &state.summary.catalog;
    let rows = cmd::committee_rows(c, short(params, "committee")?.as_deref())?;
    to_json(&Listing {
        committees: rows
            .iter()
            .map(|(code, name, countries)| Committee {
                code,
                name,
                countries,
            })
            .collect(),
        countries: &c.countries,
        topics: &c.topics,
        papers: c.countries.values().sum(),
        passages: state.summary.passages,
    })
}

fn paper(state: &State, params: &Params) -> ApiResult {
    let id = params.get("id").ok_or_else(|| {
        ApiError::bad("add a paper id: id=... (from search results or /api/papers)")
    })?;
    let info = state
        .papers
        .get(id)
        .ok_or_else(|| ApiError::not_found(format!("no indexed paper has the id {id:?}")))?;
    to_json(&paper::read(&state.index, &state.searcher, info)?)
}

fn papers(state: &State, params: &Params) -> ApiResult {
    let Some(country) = short(params, "country")? else {
        return Err(ApiError::bad("add a country: country=Belgium"));
    };
    let name = query::resolve_country(&country, &state.summary.catalog)
        .map_err(|e| ApiError::bad(e.to_string()))?;
    let list: Vec<&PaperInfo> = state.papers.of_country(&name);
    to_json(&list)
}
