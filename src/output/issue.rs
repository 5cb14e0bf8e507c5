//! Printing stances on one issue: `compare A B --on QUERY` and `allies X --on QUERY`.

use super::{Printer, Style};
use crate::analysis::issue::{AlliesOn, CompareOn, StanceDifference};
use crate::analysis::stance::Stance;
use crate::analysis::WhoRow;
use crate::query::highlight::Snippet;
use serde::Serialize;
use std::io::{self, Write};

/// A JSON Lines record with its type named.
#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(flatten)]
    body: &'a T,
}

impl Printer {
    fn tagged<T: Serialize>(&mut self, kind: &str, body: &T) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, &Tagged { kind, body }).map_err(io::Error::other)?;
        writeln!(self.out)
    }

    fn stance_badge(&self, s: Stance) -> String {
        let text = s.as_str();
        match s {
            Stance::Support => self.paint(Style::Support, text),
            Stance::Oppose => self.paint(Style::Oppose, text),
            Stance::Mixed => self.paint(Style::Warn, text),
            Stance::Mention => self.paint(Style::Dim, text),
        }
    }

    /// A country's stance on the issue: the badge, the evidence sentence with its cue
    /// words, and the best passage's snippet.
    pub(super) fn stance_row(&mut self, row: &WhoRow, indent: &str) -> io::Result<()> {
        writeln!(
            self.out,
            "{indent}{} {}  {}",
            self.paint(Style::Bold, &row.country),
            self.stance_badge(row.stance),
            self.paint(Style::Place, &row.best.location)
        )?;
        if let Some(e) = &row.evidence {
            let cue = Snippet {
                text: e.sentence.clone(),
                highlights: e.cues.clone(),
            };
            writeln!(self.out, "{indent}  {}", self.snippet(&cue))?;
        } else if let Some(s) = row.best.snippets.first() {
            let text = self.snippet(s);
            writeln!(self.out, "{indent}  {text}")?;
        }
        Ok(())
    }

    /// `compare A B`: the issues where the two take different stances, each with the
    /// sentence that shows each side.
    pub(super) fn stance_differences(
        &mut self,
        diffs: &[StanceDifference],
        checked: usize,
    ) -> io::Result<()> {
        if checked == 0 {
            return Ok(());
        }
        writeln!(self.out)?;
        if diffs.is_empty() {
            let line = format!(
                "No difference in stance found on the {checked} issues both write about most."
            );
            return writeln!(self.out, "{}", self.paint(Style::Dim, &line));
        }
        let head = format!(
            "Where their stances differ ({} of {checked} issues both write about):",
            diffs.len()
        );
        writeln!(self.out, "{}", self.paint(Style::Bold, &head))?;
        for d in diffs {
            writeln!(self.out, "  {:?}: {}", d.issue, d.summary)?;
            self.stance_row(&d.first, "    ")?;
            self.stance_row(&d.second, "    ")?;
        }
        Ok(())
    }

    pub fn compare_on(&mut self, r: &CompareOn) -> io::Result<()> {
        if self.json {
            return self.tagged("comparison", r);
        }
        writeln!(
            self.out,
            "{} and {} on {:?}",
            self.paint(Style::Bold, &r.first),
            self.paint(Style::Bold, &r.second),
            r.query
        )?;
        writeln!(self.out)?;
        for (name, row) in [(&r.first, &r.first_row), (&r.second, &r.second_row)] {
            match row {
                Some(row) => self.stance_row(row, "  ")?,
                None => writeln!(
                    self.out,
                    "  {} {}",
                    self.paint(Style::Bold, name),
                    self.paint(Style::Dim, "does not address it")
                )?,
            }
            writeln!(self.out)?;
        }
        writeln!(self.out, "{}", r.summary)?;
        self.read_as(&r.read_as)
    }

    pub fn allies_on(&mut self, r: &AlliesOn) -> io::Result<()> {
        if self.json {
            for row in &r.countries {
                self.tagged(r.relation, row)?;
            }
            #[derive(Serialize)]
            struct Summary<'a> {
                query: &'a str,
                country: &'a str,
                relation: &'a str,
                #[serde(skip_serializing_if = "Option::is_none")]
                own_stance: Option<Stance>,
                #[serde(skip_serializing_if = "Option::is_none")]
                stance: Option<Stance>,
                total: usize,
                shown: usize,
                #[serde(skip_serializing_if = "Option::is_none")]
                note: Option<&'a str>,
                read_as: &'a crate::analysis::ReadAs,
            }
            return self.tagged(
                "summary",
                &Summary {
                    query: &r.query,
                    country: &r.country,
                    relation: r.relation,
                    own_stance: r.own.as_ref().map(|o| o.stance),
                    stance: r.stance,
                    total: r.total,
                    shown: r.countries.len(),
                    note: r.note.as_deref(),
                    read_as: &r.read_as,
                },
            );
        }
        if let Some(own) = &r.own {
            self.stance_row(own, "")?;
            writeln!(self.out)?;
        }
        if let Some(note) = &r.note {
            writeln!(self.out, "{note}.")?;
        } else if r.countries.is_empty() {
            writeln!(
                self.out,
                "No other country takes {} stance on {:?}.",
                if r.relation == "ally" {
                    "the same"
                } else {
                    "the opposite"
                },
                r.query
            )?;
        } else {
            let what = r.stance.map_or("", Stance::as_str);
            let shown = if r.total > r.countries.len() {
                format!(" ({} shown)", r.countries.len())
            } else {
                String::new()
            };
            let line = format!(
                "{} {} {} it{shown}, as {}:",
                r.total,
                if r.total == 1 { "country" } else { "countries" },
                match what {
                    "support" if r.total == 1 => "supports",
                    "oppose" if r.total == 1 => "opposes",
                    other => other,
                },
                if r.relation == "ally" {
                    format!("{} does", r.country)
                } else {
                    format!("{}'s opponents", r.country)
                }
            );
            writeln!(self.out, "{}", self.paint(Style::Dim, &line))?;
            for row in &r.countries {
                let rank = format!("{:>2}. ", row.rank);
                write!(self.out, "{rank}")?;
                self.stance_row(row, "")?;
            }
        }
        self.read_as(&r.read_as)
    }
}
