//! `caucus search` and `caucus who`: read the query, run it, print the answer.

use super::{Context, Outcome};
use crate::analysis;
use crate::cli::{FilterArgs, SearchArgs, WhoArgs};
use crate::corpus::{self, Filter};
use crate::index::state::{self, Summary};
use crate::output;
use crate::query::{self, Filters, Mode};
use anyhow::Result;
use std::sync::mpsc;
use std::time::Duration;

fn filters(f: FilterArgs) -> Filters {
    Filters {
        countries: f.country,
        committees: f.committee,
        topics: f.topic,
        sections: f.section,
    }
}

/// Above this many papers the corpus is not walked on every query: the walk would
/// cost more than the search.
const STALE_CHECK_MAX_PAPERS: usize = 20_000;
/// How long a query waits, after printing, for the walk to finish.
const STALE_CHECK_GRACE: Duration = Duration::from_millis(3);
/// Up to this many papers the walk takes a few milliseconds: always wait for it,
/// so the note never depends on how busy the machine is.
const STALE_CHECK_ALWAYS: usize = 2_000;

/// Checks in the background whether the corpus changed since the index was built;
/// the answer is waited for only briefly, so a large corpus never slows a query.
fn stale_check(summary: &Summary) -> mpsc::Receiver<bool> {
    let (tx, rx) = mpsc::channel();
    if summary.papers > STALE_CHECK_MAX_PAPERS {
        return rx;
    }
    let summary = summary.clone();
    std::thread::spawn(move || {
        if summary.corpus.as_os_str().is_empty() {
            return;
        }
        let Ok(filter) = Filter::new(&summary.include, &summary.exclude) else {
            return;
        };
        let Ok(walk) = corpus::walk(&summary.corpus, &filter, None) else {
            let _ = tx.send(true);
            return;
        };
        let now = state::fingerprint(walk.files.iter().map(|f| (walk.rel(f), f.size, f.mtime_ns)));
        let _ = tx.send(now != summary.fingerprint);
    });
    rx
}

pub(super) fn report_stale(rx: &mpsc::Receiver<bool>, summary: &Summary) {
    // An index written by an older caucus holds papers as that version read them.
    if summary.parser_version < state::PARSER_VERSION && !summary.corpus.as_os_str().is_empty() {
        output::note(&format!(
            "note: this index was built by an older caucus, which read papers less well; run `caucus index {}` to read them again",
            summary.corpus.display()
        ));
        return;
    }
    let changed = if summary.papers <= STALE_CHECK_ALWAYS {
        rx.recv().ok()
    } else {
        rx.recv_timeout(STALE_CHECK_GRACE).ok()
    };
    if let Some(true) = changed {
        output::note(&format!(
            "note: papers in {} changed since the index was built; run `caucus index {}` to update it",
            summary.corpus.display(),
            summary.corpus.display()
        ));
    }
}

/// An open index with a query read against it.
pub(super) struct Prepared {
    pub(super) index: crate::index::PaperIndex,
    pub(super) summary: Summary,
    pub(super) searcher: tantivy::Searcher,
    pub(super) compiled: query::Compiled,
    pub(super) raw: String,
    pub(super) stale: mpsc::Receiver<bool>,
}

impl Prepared {
    /// Ends a query command: says whether the papers changed since the index was
    /// built, then leaves the index's memory maps to the operating system. The process
    /// exits next, and the system frees every map at once faster than unmapping each
    /// segment file in turn (a twentieth of a `who` as a whole process).
    pub(super) fn finish(self) {
        report_stale(&self.stale, &self.summary);
        std::mem::forget(self);
    }
}

pub(super) fn prepare(
    ctx: &Context,
    words: &[String],
    filter_args: FilterArgs,
    mode: Mode,
) -> Result<Prepared> {
    let (index, summary) = ctx.open_for_query()?;
    let stale = stale_check(&summary);
    let raw = words.join(" ");
    let compiled = query::read(
        &raw,
        &filters(filter_args),
        &index.fields,
        &summary.catalog,
        mode,
    )?;
    let searcher = index.searcher()?;
    Ok(Prepared {
        index,
        summary,
        searcher,
        compiled,
        raw,
        stale,
    })
}

pub(super) fn outcome(found: bool) -> Outcome {
    if found {
        Outcome::Found
    } else {
        Outcome::NothingFound
    }
}

pub fn search(ctx: &Context, args: SearchArgs) -> Result<Outcome> {
    let p = prepare(ctx, &args.query, args.filters, Mode::Ranked)?;
    let result = analysis::search(
        &p.index,
        &p.searcher,
        &p.raw,
        &p.compiled,
        args.limit,
        args.full,
    )?;
    let mut printer = ctx.printer();
    printer.search(&result)?;
    printer.flush()?;
    p.finish();
    Ok(outcome(!result.hits.is_empty()))
}

pub fn who(ctx: &Context, args: WhoArgs) -> Result<Outcome> {
    let p = prepare(ctx, &args.query, args.filters, Mode::AllWords)?;
    let result = analysis::who(
        &p.index,
        &p.searcher,
        &p.raw,
        &p.compiled,
        args.missing,
        args.limit,
        args.stance,
    )?;
    let mut printer = ctx.printer();
    printer.who(&result)?;
    printer.flush()?;
    p.finish();
    Ok(outcome(!result.countries.is_empty()))
}
