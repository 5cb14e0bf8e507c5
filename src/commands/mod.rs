//! One function per subcommand: resolve the arguments into settings, call the
//! library, hand the result to the printer, and say whether anything was found.

mod index;
mod issue;
mod query;
mod serve;
pub(crate) mod similarity;

use crate::analysis::similarity::plural;
use crate::cli::{Cli, ColorChoice, Command};
use crate::index::state::Summary;
use crate::index::writer::{self, UpdateOptions};
use crate::index::PaperIndex;
use crate::output::{self, progress::Bar, Printer};
use anyhow::{Context as _, Result};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// What a command found, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Found,
    NothingFound,
}

/// Settings every command uses.
pub struct Context {
    pub index_dir: PathBuf,
    pub color: bool,
    pub json: bool,
}

impl Context {
    fn from_cli(cli: &Cli) -> Context {
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Context {
            index_dir: cli.index.clone(),
            color: color && !cli.json,
            json: cli.json,
        }
    }

    fn printer(&self) -> Printer {
        Printer::new(self.json, self.color)
    }

    fn stderr_color(&self) -> bool {
        std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    }

    /// Opens the index for a query; a missing index is first built from the default
    /// corpus, so that a fresh clone's first question just works.
    fn open_for_query(&self) -> Result<(PaperIndex, Summary)> {
        if !PaperIndex::exists(&self.index_dir) {
            // Only ever into a new or empty folder: `--index Documents` is not an index.
            if crate::index::ownership(&self.index_dir)? == crate::index::Ownership::Foreign {
                return Err(crate::index::IndexError::NotOurs(self.index_dir.clone()).into());
            }
            let corpus = Path::new(DEFAULT_CORPUS);
            if !corpus.is_dir() {
                anyhow::bail!(
                    "no index at {} and no {DEFAULT_CORPUS}/ folder here to build one from; run `caucus index FOLDER` first",
                    self.index_dir.display()
                );
            }
            output::note(&format!(
                "no index at {} yet: indexing {DEFAULT_CORPUS}/ first",
                self.index_dir.display()
            ));
            let report = writer::update(
                corpus,
                &self.index_dir,
                &UpdateOptions::default(),
                &Bar::new(),
            )
            .with_context(|| format!("indexing {DEFAULT_CORPUS}/"))?;
            output::note(&format!(
                "indexed {} ({})",
                plural(report.papers, "paper", "papers"),
                plural(report.passages, "passage", "passages")
            ));
        }
        let index = PaperIndex::open(&self.index_dir)?;
        // Without its record (deleted by hand) the index still answers; filters
        // then resolve by the built-in country and committee tables alone.
        let summary = Summary::load(&self.index_dir).unwrap_or_default();
        Ok((index, summary))
    }
}

/// The corpus a fresh clone indexes.
pub const DEFAULT_CORPUS: &str = "corpus";

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> Result<Outcome> {
    let ctx = Context::from_cli(&cli);
    match cli.command {
        Command::Index(args) => index::run(&ctx, args),
        Command::Search(args) => query::search(&ctx, args),
        Command::Who(args) => query::who(&ctx, args),
        Command::Allies(args) => similarity::allies(&ctx, args),
        Command::Blocs(args) => similarity::blocs(&ctx, args),
        Command::Compare(args) => similarity::compare(&ctx, args),
        Command::List(args) => similarity::list(&ctx, args),
        Command::Serve(args) => serve::run(&ctx, args),
    }
}
