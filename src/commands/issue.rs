//! `compare A B --on QUERY` and `allies X --on QUERY`: stances on one issue.

use super::query::{outcome, prepare};
use super::{Context, Outcome};
use crate::analysis::{self, issue};
use crate::cli::FilterArgs;
use crate::query::{self, Mode};
use anyhow::Result;

/// Resolves a country the user named to the index's name for it.
fn country(p: &super::query::Prepared, name: &str) -> Result<String> {
    Ok(query::resolve_country(name, &p.summary.catalog)?)
}

fn filters(committee: Option<String>, topic: Option<String>) -> FilterArgs {
    FilterArgs {
        country: Vec::new(),
        committee: committee.into_iter().collect(),
        topic: topic.into_iter().collect(),
        section: Vec::new(),
    }
}

/// `who` over every country on the issue, with the prepared query.
fn who_on(
    ctx: &Context,
    on: &str,
    committee: Option<String>,
    topic: Option<String>,
) -> Result<(super::query::Prepared, analysis::WhoResult)> {
    let p = prepare(
        ctx,
        &[on.to_owned()],
        filters(committee, topic),
        Mode::AllWords,
    )?;
    let who = analysis::who(
        &p.index,
        &p.searcher,
        &p.raw,
        &p.compiled,
        false,
        None,
        None,
    )?;
    Ok((p, who))
}

pub fn compare_on(
    ctx: &Context,
    first: &str,
    second: &str,
    on: &str,
    committee: Option<String>,
    topic: Option<String>,
) -> Result<Outcome> {
    let (p, who) = who_on(ctx, on, committee, topic)?;
    let (a, b) = (country(&p, first)?, country(&p, second)?);
    let result = issue::compare_on(who, &a, &b);
    let mut printer = ctx.printer();
    printer.compare_on(&result)?;
    printer.flush()?;
    p.finish();
    Ok(outcome(
        result.first_row.is_some() || result.second_row.is_some(),
    ))
}

pub fn allies_on(
    ctx: &Context,
    name: &str,
    on: &str,
    opponents: bool,
    limit: usize,
    committee: Option<String>,
    topic: Option<String>,
) -> Result<Outcome> {
    let (p, who) = who_on(ctx, on, committee, topic)?;
    let name = country(&p, name)?;
    let result = issue::allies_on(who, &name, opponents, limit);
    let mut printer = ctx.printer();
    printer.allies_on(&result)?;
    printer.flush()?;
    p.finish();
    Ok(outcome(!result.countries.is_empty()))
}
