//! The command line: commands, arguments and their help text (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Search Model UN position papers: who says what, where, and who writes like whom.
#[derive(Debug, Parser)]
#[command(
    name = "caucus",
    version,
    about,
    after_help = "Examples:\n  caucus index corpus/\n  caucus who \"darknet escrow\"\n  caucus search \"task force\" --committee CND\n  caucus search 'what does Brazil say about precursor chemicals'\n  caucus who --missing \"harm reduction\" --committee CND\n  caucus allies Belgium\n  caucus blocs --committee CND --plot cnd.svg"
)]
pub struct Cli {
    /// Index folder (created by `caucus index`)
    #[arg(long, global = true, default_value = "index", env = "CAUCUS_INDEX")]
    pub index: PathBuf,

    /// Print JSON Lines for scripts instead of text
    #[arg(long, global = true)]
    pub json: bool,

    /// When to colour the output
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index a folder of papers (only what changed since the last run)
    #[command(
        after_help = "Examples:\n  caucus index\n  caucus index ~/mun/papers --index ~/mun/index\n  caucus index --rebuild --exclude 'drafts/*'"
    )]
    Index(IndexArgs),
    /// Ranked passages that match a query, with highlighted snippets
    #[command(after_help = QUERY_HELP)]
    Search(SearchArgs),
    /// Which countries mention something: one row per country, with exact counts
    #[command(after_help = WHO_HELP)]
    Who(WhoArgs),
    /// The countries whose papers agree most (or least) with a country's
    #[command(
        after_help = "Examples:\n  caucus allies Belgium\n  caucus allies \"United States\" --committee DISEC -n 5\n  caucus allies Russia --opponents"
    )]
    Allies(AlliesArgs),
    /// Groups of countries that write alike, with the words that set each group apart
    #[command(
        after_help = "Examples:\n  caucus blocs --committee CND\n  caucus blocs --committee HRC --count 3\n  caucus blocs --committee UNEA --plot unea.svg"
    )]
    Blocs(BlocsArgs),
    /// Where two countries agree and where they differ
    #[command(after_help = "Examples:\n  caucus compare Belgium Russia --committee CND")]
    Compare(CompareArgs),
    /// What the index holds: papers per committee and country
    List(ListArgs),
    /// A web page for searching, who mentions what, allies and blocs (read-only)
    #[command(
        after_help = "Examples:\n  caucus serve --open\n  caucus serve --port 9000 --index ~/mun/index\n  caucus serve --host 0.0.0.0     share it, read-only, with the committee room's network"
    )]
    Serve(ServeArgs),
}

const WHO_HELP: &str = "A passage mentions the query when it has all its words (or its phrase); every\nmatching passage is counted, and countries rank by their best passage plus half\nof their next two.\n\nQuery syntax:\n  darknet escrow            passages with both words\n  \"task force\"              an exact phrase (\"task force\"~3: within 3 words)\n  escrow OR tumbling        either; AND, NOT and -word also work; (...) groups\n  crypto*                   words starting with crypto\n  country:Belgium           filter inside the query (country, committee, topic, section)\n  who mentions darknet escrow    the question words are understood, not searched\nWords are stemmed: escrow finds escrows, traffic finds trafficking.\n\nExamples:\n  caucus who \"darknet escrow\"\n  caucus who --missing \"harm reduction\" --committee CND\n  caucus who cryptocurrency --committee CND --json";

const QUERY_HELP: &str = "Query syntax:\n  darknet escrow            passages with both words rank first, then either\n  \"task force\"              an exact phrase (\"task force\"~3: within 3 words)\n  escrow OR tumbling        either; AND, NOT and -word also work; (...) groups\n  crypto*                   words starting with crypto\n  country:Belgium           filter inside the query (country, committee, topic, section)\n  who mentions darknet escrow / what does Brazil say about precursors\n                            questions are understood; a country asked about becomes a filter\nWords are stemmed: escrow finds escrows, traffic finds trafficking.";

/// The most results `-n` may ask for: more than a person reads or a script needs
/// from one query, and small enough that nothing sized by it can exhaust memory.
pub const MAX_SHOWN: usize = 10_000;

/// Reads `-n`: a whole number from 1 to [`MAX_SHOWN`].
fn shown_count(s: &str) -> Result<usize, String> {
    let digits = s.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{s:?} is not a whole number"));
    }
    let n = digits.parse::<u128>().unwrap_or(u128::MAX);
    if n > MAX_SHOWN as u128 {
        return Err(format!("at most {MAX_SHOWN} results can be shown"));
    }
    if n == 0 {
        return Err("-n 0 would show nothing; give 1 or more".to_owned());
    }
    Ok(n as usize)
}

/// Filters shared by the query commands.
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only papers of this country (name, official name or ISO code); repeatable
    #[arg(long, short = 'c')]
    pub country: Vec<String>,
    /// Only this committee (code like CND or full name); repeatable
    #[arg(long)]
    pub committee: Vec<String>,
    /// Only passages about this topic (words of the topic title); repeatable
    #[arg(long)]
    pub topic: Vec<String>,
    /// Only this kind of section: background, position, solutions, bibliography, other
    #[arg(long)]
    pub section: Vec<String>,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Folder of papers
    #[arg(default_value = "corpus")]
    pub corpus: PathBuf,
    /// Start over instead of updating
    #[arg(long)]
    pub rebuild: bool,
    /// Only files matching this glob (e.g. '*.pdf', 'cnd/*'); repeatable
    #[arg(long)]
    pub include: Vec<String>,
    /// Skip files matching this glob; repeatable
    #[arg(long)]
    pub exclude: Vec<String>,
    /// Skip files larger than this many megabytes
    #[arg(long, default_value_t = 50)]
    pub max_file_mb: u64,
    /// Give up on a file whose text takes longer than this many seconds to extract
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Reading threads (default: one per core)
    #[arg(long)]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for (quotes optional for plain words)
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many passages to show (at most 10000)
    #[arg(short = 'n', long, default_value_t = 10, value_parser = shown_count)]
    pub limit: usize,
    /// Print whole passages instead of snippets
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Args)]
pub struct WhoArgs {
    /// What to look for
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// List the countries (in the filtered papers) that do NOT mention it
    #[arg(long)]
    pub missing: bool,
    /// How many countries to show (all by default)
    #[arg(short = 'n', long, value_parser = shown_count)]
    pub limit: Option<usize>,
    /// Only countries that take this stance on it
    #[arg(long, value_parser = parse_stance)]
    pub stance: Option<crate::analysis::stance::Stance>,
}

fn parse_stance(s: &str) -> Result<crate::analysis::stance::Stance, String> {
    crate::analysis::stance::Stance::parse(s)
        .ok_or_else(|| format!("{s:?} is not a stance; use support, oppose, mixed or mention"))
}

#[derive(Debug, Args)]
pub struct AlliesArgs {
    /// The country whose allies to find
    pub country: String,
    /// Only this committee
    #[arg(long)]
    pub committee: Option<String>,
    /// Only this topic
    #[arg(long)]
    pub topic: Option<String>,
    /// How many countries to show
    #[arg(short = 'n', long, default_value_t = 10, value_parser = shown_count)]
    pub limit: usize,
    /// Show the countries whose papers diverge most instead
    #[arg(long)]
    pub opponents: bool,
    /// Countries taking the same stance on this issue (the opposite with --opponents)
    #[arg(long, value_name = "QUERY")]
    pub on: Option<String>,
    /// Print whole passages instead of snippets
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Args)]
pub struct BlocsArgs {
    /// Only this committee (blocs form within one committee; default: each in turn)
    #[arg(long)]
    pub committee: Option<String>,
    /// Only this topic
    #[arg(long)]
    pub topic: Option<String>,
    /// Exactly this many blocs
    #[arg(long, conflicts_with = "threshold")]
    pub count: Option<usize>,
    /// Cut the tree where similarity falls below this (0 to 1)
    #[arg(long)]
    pub threshold: Option<f64>,
    /// Draw the similarity matrix as a heatmap (SVG, or PNG if the name ends in .png)
    #[arg(long)]
    pub plot: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    pub first: String,
    pub second: String,
    /// Compare their stances on this issue (any query `who` takes)
    #[arg(long, value_name = "QUERY")]
    pub on: Option<String>,
    /// Only this committee
    #[arg(long)]
    pub committee: Option<String>,
    /// Only this topic
    #[arg(long)]
    pub topic: Option<String>,
    /// Print whole passages instead of snippets
    #[arg(long)]
    pub full: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this committee
    #[arg(long)]
    pub committee: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on: 127.0.0.1 is this computer only; 0.0.0.0 shares the
    /// page, read-only, with the network
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0: any free port)
    #[arg(long, short = 'p', default_value_t = 8747)]
    pub port: u16,
    /// Open the page in the default browser
    #[arg(long)]
    pub open: bool,
    /// Threads answering requests (default 4)
    #[arg(long)]
    pub threads: Option<usize>,
}

/// The command line with each `-word` in a `search` or `who` query written as `NOT word`
/// (`caucus search escrow -europol`), which clap would take for an unknown option. A
/// known short option stays one when a value is glued to it the way one is typed
/// (`-n10`, `-cBelgium`); everything after `--` is left alone.
pub fn negations_as_words(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let Some(at) = args
        .iter()
        .skip(1)
        .position(|a| a == "search" || a == "who")
        .map(|p| p + 1)
    else {
        return args;
    };
    let mut out = Vec::with_capacity(args.len() + 2);
    let mut rest = false;
    for (i, a) in args.into_iter().enumerate() {
        let word = a.to_str().and_then(|t| t.strip_prefix('-')).filter(|w| {
            let mut chars = w.chars();
            let first = chars.next();
            let second = chars.next();
            let option_with_value = first.is_some_and(|c| "cnhVp".contains(c))
                && second.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            w.chars().count() >= 2 && first.is_some_and(|c| c.is_alphabetic()) && !option_with_value
        });
        rest |= a == "--";
        match word {
            Some(w) if i > at && !rest => {
                out.push("NOT".into());
                out.push(w.to_owned().into());
            }
            _ => out.push(a),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::negations_as_words;

    fn run(args: &[&str]) -> Vec<String> {
        negations_as_words(args.iter().map(|a| (*a).into()).collect())
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn a_dash_word_in_a_query_is_a_negation() {
        assert_eq!(
            run(&[
                "caucus",
                "search",
                "escrow",
                "-europol",
                "--committee",
                "CND"
            ]),
            [
                "caucus",
                "search",
                "escrow",
                "NOT",
                "europol",
                "--committee",
                "CND"
            ]
        );
        assert_eq!(
            run(&["caucus", "--index", "i", "who", "-crypto", "darknet"]),
            ["caucus", "--index", "i", "who", "NOT", "crypto", "darknet"]
        );
        // Options stay options.
        for args in [
            &["caucus", "search", "escrow", "-n", "3"][..],
            &["caucus", "search", "escrow", "-n10", "-cBelgium"],
            &["caucus", "search", "-h"],
            &["caucus", "index", "-x"],
            &["caucus", "search", "escrow", "--", "-europol"],
        ] {
            assert_eq!(run(args), args, "{args:?}");
        }
    }
}
