//! `caucus index`: bring the index up to date with a corpus folder.

use super::{Context, Outcome};
use crate::cli::IndexArgs;
use crate::index::writer::{self, UpdateOptions};
use crate::output::{self, progress::Bar};
use anyhow::{Context as _, Result};
use std::time::Duration;

pub fn run(ctx: &Context, args: IndexArgs) -> Result<Outcome> {
    let defaults = UpdateOptions::default();
    let opts = UpdateOptions {
        rebuild: args.rebuild,
        include: args.include,
        exclude: args.exclude,
        max_file_bytes: args.max_file_mb.saturating_mul(1024 * 1024),
        timeout: Duration::try_from_secs_f64(args.timeout)
            .ok()
            .filter(|d| !d.is_zero())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "--timeout must be a positive number of seconds, not {}",
                    args.timeout
                )
            })?,
        threads: args.threads.unwrap_or(defaults.threads).max(1),
        ..defaults
    };
    let report = {
        let bar = if ctx.json { None } else { Some(Bar::new()) };
        let progress: &dyn writer::Progress = match &bar {
            Some(b) => b,
            None => &writer::NoProgress,
        };
        writer::update(&args.corpus, &ctx.index_dir, &opts, progress)
            .with_context(|| format!("indexing {}", args.corpus.display()))?
    };
    if !ctx.json {
        let color = ctx.stderr_color();
        for w in &report.warnings {
            let what = if w.skipped { "skipped" } else { "note" };
            output::warn(
                color,
                &format!(
                    "{}: {} ({what})",
                    crate::paper::text::printable(&w.file),
                    w.message
                ),
            );
        }
    }
    let mut printer = ctx.printer();
    printer.index_report(&report)?;
    printer.flush()?;
    Ok(if report.papers > 0 {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}
