//! `caucus allies`, `blocs`, `compare` and `list`: who writes like whom.

use super::{Context, Outcome};
use crate::analysis::issue;
use crate::analysis::similarity::{self, Cut, Scope, SimilarityError};
use crate::cli::{AlliesArgs, BlocsArgs, CompareArgs, ListArgs};
use crate::index::state::{Catalog, Summary};
use crate::index::{IndexError, PaperIndex};
use crate::output::{self, plot, CommitteeRow};
use crate::query;
use anyhow::Result;

fn committee_code(value: &str, catalog: &Catalog) -> Result<String> {
    Ok(query::resolve_committee(value, catalog)?)
}

fn scope(
    index: &PaperIndex,
    searcher: &tantivy::Searcher,
    summary: &Summary,
    code: &str,
    topic: Option<&str>,
) -> Result<Scope, IndexError> {
    let name = summary
        .catalog
        .committees
        .get(code)
        .cloned()
        .unwrap_or_default();
    similarity::load_scope(index, searcher, code, &name, topic)
}

/// The committees a country wrote for, or the one asked for.
fn scopes_for(
    index: &PaperIndex,
    searcher: &tantivy::Searcher,
    summary: &Summary,
    country: &str,
    committee: Option<&str>,
    topic: Option<&str>,
) -> Result<(String, Vec<Scope>)> {
    let known: Vec<&str> = summary
        .catalog
        .countries
        .keys()
        .map(String::as_str)
        .collect();
    let name = similarity::find_country(country, &known)?;
    let mut codes: Vec<String> = match committee {
        Some(c) => vec![committee_code(c, &summary.catalog)?],
        None => summary
            .catalog
            .country_committees
            .get(&name)
            .cloned()
            .unwrap_or_default(),
    };
    // The catalog lists committees in the order files were indexed: sort, so the
    // answer does not depend on it.
    codes.sort();
    codes.dedup();
    let mut scopes = Vec::new();
    for code in &codes {
        let s = scope(index, searcher, summary, code, topic)?;
        if s.countries().contains(&name.as_str()) {
            scopes.push(s);
        }
    }
    if scopes.is_empty() {
        let mut available = summary
            .catalog
            .country_committees
            .get(&name)
            .cloned()
            .unwrap_or_default();
        available.sort();
        let available = available.join(", ");
        return Err(SimilarityError::NotInScope {
            country: name,
            scope: codes.join(", "),
            available: if available.is_empty() {
                "no committee".to_owned()
            } else {
                available
            },
        }
        .into());
    }
    Ok((name, scopes))
}

/// A country's allies (or opponents): what `caucus allies` prints and the page shows.
pub(crate) fn allies_of(
    index: &PaperIndex,
    searcher: &tantivy::Searcher,
    summary: &Summary,
    args: &AlliesArgs,
) -> Result<similarity::AlliesResult> {
    let (name, scopes) = scopes_for(
        index,
        searcher,
        summary,
        &args.country,
        args.committee.as_deref(),
        args.topic.as_deref(),
    )?;
    let mut result = similarity::allies(&scopes, &name, args.limit, args.opponents)?;
    if args.opponents {
        // Where the two take opposite stances comes first: in every committee both
        // wrote for, the issues both write about, read for stance.
        for a in &mut result.allies {
            for s in &scopes {
                let (mut found, _) =
                    stance_differences(index, searcher, summary, s, &name, &a.country)?;
                a.stance_differences.append(&mut found);
            }
            a.stance_differences.truncate(OPPONENT_DIFFERENCES);
        }
    }
    Ok(result)
}

/// How many issues of opposite stance an opponent shows.
const OPPONENT_DIFFERENCES: usize = 3;

/// The issues where two countries of one scope take different stances, and how many
/// were checked (none when either did not write for it).
fn stance_differences(
    index: &PaperIndex,
    searcher: &tantivy::Searcher,
    summary: &Summary,
    s: &Scope,
    first: &str,
    second: &str,
) -> Result<(Vec<issue::StanceDifference>, usize), IndexError> {
    let (Some(i), Some(j)) = (s.position(first), s.position(second)) else {
        return Ok((Vec::new(), 0));
    };
    let texts =
        |k: usize| -> Vec<&str> { s.docs[k].passages.iter().map(|p| p.text.as_str()).collect() };
    issue::differences(
        index,
        searcher,
        &summary.catalog,
        &s.committee,
        s.topic.as_deref(),
        (first, &texts(i)),
        (second, &texts(j)),
    )
}

pub fn allies(ctx: &Context, args: AlliesArgs) -> Result<Outcome> {
    if let Some(on) = &args.on {
        return super::issue::allies_on(
            ctx,
            &args.country,
            on,
            args.opponents,
            args.limit,
            args.committee.clone(),
            args.topic.clone(),
        );
    }
    let (index, summary) = ctx.open_for_query()?;
    let searcher = index.searcher()?;
    let result = allies_of(&index, &searcher, &summary, &args)?;
    let mut printer = ctx.printer();
    printer.full = args.full;
    printer.allies(&result)?;
    printer.flush()?;
    Ok(if result.allies.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// Where to cut the bloc tree, from `--count` or `--threshold`.
pub(crate) fn cut(count: Option<usize>, threshold: Option<f64>) -> Result<Cut> {
    Ok(match (count, threshold) {
        (Some(0), _) => anyhow::bail!("--count 0: ask for 1 bloc or more"),
        (Some(k), _) => Cut::Count(k),
        (None, Some(t)) => {
            if !(0.0..=1.0).contains(&t) {
                anyhow::bail!("--threshold must be between 0 and 1, not {t}");
            }
            Cut::Threshold(t)
        }
        (None, None) => Cut::Auto,
    })
}

/// The blocs of one committee (code already resolved), as `caucus blocs` finds them.
pub(crate) fn blocs_in(
    index: &PaperIndex,
    searcher: &tantivy::Searcher,
    summary: &Summary,
    code: &str,
    topic: Option<&str>,
    cut: Cut,
) -> Result<similarity::BlocsResult, SimilarityError> {
    similarity::blocs(&scope(index, searcher, summary, code, topic)?, cut)
}

pub fn blocs(ctx: &Context, args: BlocsArgs) -> Result<Outcome> {
    let (index, summary) = ctx.open_for_query()?;
    let codes: Vec<String> = match &args.committee {
        Some(c) => vec![committee_code(c, &summary.catalog)?],
        None => summary.catalog.committees.keys().cloned().collect(),
    };
    if let Some(path) = &args.plot {
        if let Err(reason) = plot::Format::of(path) {
            anyhow::bail!(reason);
        }
        if codes.len() != 1 {
            anyhow::bail!(
                "--plot draws one committee: add --committee (one of {})",
                codes.join(", ")
            );
        }
    }
    let cut = cut(args.count, args.threshold)?;
    let mut printer = ctx.printer();
    let mut any = false;
    let searcher = index.searcher()?;
    for code in &codes {
        let mut result = match blocs_in(
            &index,
            &searcher,
            &summary,
            code,
            args.topic.as_deref(),
            cut,
        ) {
            Ok(r) => r,
            // Without --committee, skip committees too small to group.
            Err(SimilarityError::TooFew { .. }) if args.committee.is_none() && codes.len() > 1 => {
                continue
            }
            Err(e @ SimilarityError::BadCount { .. })
                if args.committee.is_none() && codes.len() > 1 =>
            {
                output::warn(ctx.stderr_color(), &format!("{code}: {e}"));
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        if let Some(path) = &args.plot {
            plot::heatmap(&result, path).map_err(|reason| SimilarityError::Plot {
                path: path.display().to_string(),
                reason,
            })?;
            result.plot = Some(path.display().to_string());
        }
        any |= !result.blocs.is_empty();
        printer.blocs(&result)?;
    }
    printer.flush()?;
    Ok(if any {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}

/// Two countries side by side in the first committee both wrote for (or the one asked for).
pub(crate) fn compare_of(
    index: &PaperIndex,
    searcher: &tantivy::Searcher,
    summary: &Summary,
    args: &CompareArgs,
) -> Result<similarity::CompareResult> {
    let (first, scopes) = scopes_for(
        index,
        searcher,
        summary,
        &args.first,
        args.committee.as_deref(),
        args.topic.as_deref(),
    )?;
    let known: Vec<&str> = summary
        .catalog
        .countries
        .keys()
        .map(String::as_str)
        .collect();
    let second = similarity::find_country(&args.second, &known)?;
    let Some(s) = scopes
        .iter()
        .find(|s| s.countries().contains(&second.as_str()))
    else {
        anyhow::bail!(
            "{first} and {second} wrote for no common committee; add --committee to choose one"
        );
    };
    let mut result = similarity::compare(s, &first, &second)?;
    let (differences, checked) =
        stance_differences(index, searcher, summary, s, &result.first, &result.second)?;
    result.stance_differences = differences;
    result.issues_checked = checked;
    Ok(result)
}

pub fn compare(ctx: &Context, args: CompareArgs) -> Result<Outcome> {
    if let Some(on) = &args.on {
        return super::issue::compare_on(
            ctx,
            &args.first,
            &args.second,
            on,
            args.committee.clone(),
            args.topic.clone(),
        );
    }
    let (index, summary) = ctx.open_for_query()?;
    let searcher = index.searcher()?;
    let result = compare_of(&index, &searcher, &summary, &args)?;
    let mut printer = ctx.printer();
    printer.full = args.full;
    printer.compare(&result)?;
    printer.flush()?;
    Ok(Outcome::Found)
}

/// The committees `caucus list` shows: code, name and the countries with papers in it.
pub(crate) fn committee_rows(c: &Catalog, committee: Option<&str>) -> Result<Vec<CommitteeRow>> {
    let only = committee.map(|v| committee_code(v, c)).transpose()?;
    let mut rows = Vec::new();
    for (code, name) in &c.committees {
        if only.as_ref().is_some_and(|o| o != code) {
            continue;
        }
        let countries: Vec<String> = c
            .country_committees
            .iter()
            .filter(|(_, codes)| codes.contains(code))
            .map(|(country, _)| country.clone())
            .collect();
        rows.push((code.clone(), name.clone(), countries));
    }
    Ok(rows)
}

pub fn list(ctx: &Context, args: ListArgs) -> Result<Outcome> {
    let (_, summary) = ctx.open_for_query()?;
    let rows = committee_rows(&summary.catalog, args.committee.as_deref())?;
    let mut printer = ctx.printer();
    printer.catalog(&summary.catalog, &rows)?;
    printer.flush()?;
    Ok(if rows.is_empty() && summary.catalog.unplaced.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}
