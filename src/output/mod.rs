//! The only place that prints: text for people (colour only on a terminal, NO_COLOR
//! respected) and JSON Lines for scripts, both from the same result structs.

mod issue;
pub mod plot;
pub mod progress;

use crate::analysis::similarity::{plural, AlliesResult, BlocsResult, CompareResult, PassagePair};
use crate::analysis::stance::Stance;
use crate::analysis::{Hit, Partial, ReadAs, SearchResult, WhoResult};
use crate::index::state::Catalog;
use crate::index::writer::UpdateReport;
use crate::query::highlight::{self, Snippet};
use serde::Serialize;
use std::io::{self, Write};

/// A committee's code, name, and the countries with papers in it.
pub type CommitteeRow = (String, String, Vec<String>);

/// Text styles, as ANSI escapes when colour is on.
#[derive(Debug, Clone, Copy)]
enum Style {
    Bold,
    Dim,
    Match,
    Place,
    Warn,
    Support,
    Oppose,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Bold => "\x1b[1m",
            Style::Dim => "\x1b[2m",
            Style::Match => "\x1b[1;31m",
            Style::Place => "\x1b[36m",
            Style::Warn => "\x1b[33m",
            Style::Support => "\x1b[1;32m",
            Style::Oppose => "\x1b[1;35m",
        }
    }
}

/// Where results go, and how.
pub struct Printer {
    out: Box<dyn Write>,
    pub json: bool,
    color: bool,
    /// Whole passages rather than snippets where a command shows passages of its
    /// own choosing (allies, compare); JSON always carries them whole.
    pub full: bool,
    /// The terminal's width, when text goes to a terminal: passages are wrapped to
    /// it with a hanging indent. Never set for a pipe or a file, so scripts that
    /// read the text get one line per passage.
    width: Option<usize>,
}

/// A JSON Lines record, tagged by type like ripgrep's.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Record<'a, T: Serialize> {
    Hit(&'a T),
    Country(&'a T),
    Summary(&'a T),
    Warning(&'a T),
    Ally(&'a T),
    Opponent(&'a T),
    Bloc(&'a T),
    Comparison(&'a T),
    Committee(&'a T),
    Serving(&'a T),
    Unplaced(&'a T),
    Folded(&'a T),
}

#[derive(Serialize)]
struct SearchSummary<'a> {
    query: &'a str,
    read_as: &'a ReadAs,
    total: usize,
    shown: usize,
}

#[derive(Serialize)]
struct WhoSummary<'a> {
    query: &'a str,
    read_as: &'a ReadAs,
    total_passages: usize,
    total_countries: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    stance: Option<Stance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mentioning: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    partial: Option<&'a Partial>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    unused: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    missing: Option<&'a Vec<String>>,
}

/// "country opposes" / "countries oppose": the count line's words for a stance kept
/// (None: every country that mentions the query).
fn stance_verb(stance: Option<Stance>) -> (&'static str, &'static str) {
    match stance {
        None => ("country mentions", "countries mention"),
        Some(Stance::Support) => ("country supports", "countries support"),
        Some(Stance::Oppose) => ("country opposes", "countries oppose"),
        Some(Stance::Mixed) => ("country is mixed on", "countries are mixed on"),
        Some(Stance::Mention) => ("country only mentions", "countries only mention"),
    }
}

impl Printer {
    pub fn new(json: bool, color: bool) -> Printer {
        Printer {
            out: Box::new(io::BufWriter::new(io::stdout())),
            json,
            color,
            full: false,
            width: if json { None } else { terminal_width() },
        }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{}{text}\x1b[0m", style.code())
        } else {
            text.to_owned()
        }
    }

    fn line<T: Serialize>(&mut self, record: Record<'_, T>) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, &record).map_err(io::Error::from)?;
        writeln!(self.out)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// One passage line: `indent` then `text`, wrapped to the terminal's width with
    /// the indent hanging under it.
    fn body_line(&mut self, indent: &str, text: &str) -> io::Result<()> {
        match self.width {
            Some(width) => writeln!(self.out, "{}", wrap(text, indent, width)),
            None => writeln!(self.out, "{indent}{text}"),
        }
    }

    fn snippet(&self, s: &Snippet) -> String {
        let mut out = String::new();
        let mut at = 0;
        for [a, b] in &s.highlights {
            if *a < at
                || *b > s.text.len()
                || !s.text.is_char_boundary(*a)
                || !s.text.is_char_boundary(*b)
            {
                continue;
            }
            out.push_str(&s.text[at..*a]);
            out.push_str(&self.paint(Style::Match, &s.text[*a..*b]));
            at = *b;
        }
        out.push_str(&s.text[at..]);
        out
    }

    /// One line saying how the query was read: the words left out, the filters and
    /// stance a question implied, the other names searched.
    fn read_as(&mut self, r: &ReadAs) -> io::Result<()> {
        let mut parts = Vec::new();
        for (f, v) in &r.filters {
            let field = serde_json::to_value(f)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            parts.push(format!("{field} = {v}"));
        }
        match r.stance {
            Some("any") => parts.push("shows the stance taken".to_owned()),
            Some(s) => parts.push(format!("only countries that {s} it")),
            None => {}
        }
        if !r.also.is_empty() {
            parts.push(format!("also searched: {}", r.also.join(", ")));
        }
        if !r.ignored.is_empty() {
            parts.push(format!("not searched: {}", r.ignored.join(" ")));
        }
        if !r.not_inside.is_empty() {
            parts.push(format!(
                "not counted where part of a place's name: {}",
                r.not_inside.join(", ")
            ));
        }
        if parts.is_empty() {
            return Ok(());
        }
        let line = format!("Read as: {}.", parts.join("; "));
        writeln!(self.out, "{}", self.paint(Style::Dim, &line))
    }

    fn hit_heading(&self, h: &Hit) -> String {
        let mut parts = vec![self.paint(Style::Bold, &h.country)];
        if !h.committee.is_empty() {
            parts.push(h.committee.clone());
        }
        if !h.topic.is_empty() {
            parts.push(h.topic.clone());
        }
        let section = if h.section.is_empty() {
            h.section_kind.as_str().to_owned()
        } else {
            h.section.clone()
        };
        parts.push(section);
        format!(
            "{}  {}",
            parts.join(" · "),
            self.paint(Style::Place, &h.location)
        )
    }

    fn hit_body(&mut self, h: &Hit, indent: &str) -> io::Result<()> {
        for s in &h.snippets {
            let text = self.snippet(s);
            self.body_line(indent, &text)?;
        }
        Ok(())
    }

    pub fn search(&mut self, r: &SearchResult) -> io::Result<()> {
        if self.json {
            for h in &r.hits {
                self.line(Record::Hit(h))?;
            }
            return self.line(Record::Summary(&SearchSummary {
                query: &r.query,
                read_as: &r.read_as,
                total: r.total,
                shown: r.hits.len(),
            }));
        }
        if r.hits.is_empty() {
            writeln!(self.out, "No passage matches {:?}.", r.query)?;
            return self.read_as(&r.read_as);
        }
        for h in &r.hits {
            writeln!(self.out, "{:>2}. {}", h.rank, self.hit_heading(h))?;
            self.hit_body(h, "    ")?;
            writeln!(self.out)?;
        }
        let line = format!(
            "{} of {} matching passage{} shown, best first.",
            r.hits.len(),
            r.total,
            if r.total == 1 { "" } else { "s" }
        );
        writeln!(self.out, "{}", self.paint(Style::Dim, &line))?;
        self.read_as(&r.read_as)
    }

    pub fn who(&mut self, r: &WhoResult) -> io::Result<()> {
        if self.json {
            for row in &r.countries {
                self.line(Record::Country(row))?;
            }
            return self.line(Record::Summary(&WhoSummary {
                query: &r.query,
                read_as: &r.read_as,
                total_passages: r.total_passages,
                total_countries: r.total_countries,
                stance: r.stance,
                mentioning: r.mentioning,
                partial: r.partial.as_ref(),
                unused: &r.unused,
                missing: r.missing.as_ref(),
            }));
        }
        if r.countries.is_empty() {
            match (r.stance, r.mentioning) {
                // Countries mention it, none with the stance asked for: say so, or
                // the user reads that nobody wrote of it at all.
                (Some(stance), Some(n)) if n > 0 => writeln!(
                    self.out,
                    "No country {} {}; {n} {} it (ask without the stance to see them).",
                    stance_verb(Some(stance)).0.trim_start_matches("country "),
                    // A question is not quoted back: "No country opposes it".
                    if r.read_as.ignored.is_empty() {
                        format!("{:?}", r.query)
                    } else {
                        "it".to_owned()
                    },
                    if n == 1 {
                        "country mentions"
                    } else {
                        "countries mention"
                    },
                )?,
                _ => writeln!(self.out, "No country mentions {:?}.", r.query)?,
            }
        }
        if let Some(p) = &r.partial {
            let how = if p.min_share >= 1.0 {
                "every word that some paper uses".to_owned()
            } else {
                format!(
                    "at least {} of them, the rarer words counting more",
                    if p.min_share >= 0.75 {
                        "three quarters"
                    } else {
                        "half"
                    }
                )
            };
            let line = format!(
                "No passage has every word of {:?}. These countries' passages have {how}.",
                r.query
            );
            writeln!(self.out, "{}", self.paint(Style::Warn, &line))?;
        }
        if !r.unused.is_empty() {
            writeln!(self.out, "No paper uses: {}.", r.unused.join(", "))?;
        }
        let width = r
            .countries
            .iter()
            .map(|c| c.country.chars().count())
            .max()
            .unwrap_or(0);
        for row in &r.countries {
            let badge = format!("{:<8}", row.stance.as_str());
            let badge = match row.stance {
                Stance::Support => self.paint(Style::Support, &badge),
                Stance::Oppose => self.paint(Style::Oppose, &badge),
                Stance::Mixed => self.paint(Style::Warn, &badge),
                Stance::Mention => self.paint(Style::Dim, &badge),
            };
            let counts = format!(
                "{} passage{} in {} paper{}",
                row.passages,
                if row.passages == 1 { "" } else { "s" },
                row.papers,
                if row.papers == 1 { "" } else { "s" }
            );
            let name = format!("{:<width$}", row.country);
            writeln!(
                self.out,
                "{:>2}. {}  {}  {:<24} {}",
                row.rank,
                self.paint(Style::Bold, &name),
                badge,
                counts,
                self.paint(Style::Place, &row.best.location)
            )?;
            for s in row.best.snippets.iter().take(2) {
                let text = self.snippet(s);
                self.body_line("    ", &text)?;
            }
            // A mixed stance shows a sentence for each side, labelled.
            let both = row.counter_evidence.is_some();
            for e in row.evidence.iter().chain(&row.counter_evidence) {
                let cue = Snippet {
                    text: e.sentence.clone(),
                    highlights: e.cues.clone(),
                };
                let place = if e.location == row.best.location {
                    String::new()
                } else {
                    format!("  {}", self.paint(Style::Place, &e.location))
                };
                let label = match e.side {
                    Stance::Support if both => "for:",
                    Stance::Oppose if both => "against:",
                    _ => "stance:",
                };
                let line = format!(
                    "{} {}{place}",
                    self.paint(Style::Dim, label),
                    self.snippet(&cue)
                );
                self.body_line("    ", &line)?;
            }
        }
        if !r.countries.is_empty() {
            // The count is of the countries kept: with a stance asked for, of those
            // taking it.
            let (one, many) = stance_verb(r.stance);
            // How the rows are ordered, said only when there is more than one.
            let ranking = if r.total_countries > 1 {
                "; ranked by their best passage, plus credit for more"
            } else {
                ""
            };
            let line = format!(
                "{} {}{} it in {} passage{}{ranking}.",
                r.total_countries,
                if r.total_countries == 1 { one } else { many },
                if r.partial.is_some() { " part of" } else { "" },
                r.total_passages,
                if r.total_passages == 1 { "" } else { "s" }
            );
            writeln!(self.out, "{}", self.paint(Style::Dim, &line))?;
        }
        self.read_as(&r.read_as)?;
        if let Some(missing) = &r.missing {
            writeln!(self.out)?;
            if missing.is_empty() {
                writeln!(self.out, "Every country in these papers mentions it.")?;
            } else {
                writeln!(
                    self.out,
                    "{} ({}): {}",
                    self.paint(Style::Bold, "Not mentioning it"),
                    missing.len(),
                    missing.join(", ")
                )?;
            }
        }
        Ok(())
    }

    pub fn index_report(&mut self, r: &UpdateReport) -> io::Result<()> {
        if self.json {
            for w in &r.warnings {
                self.line(Record::Warning(w))?;
            }
            return self.line(Record::Summary(r));
        }
        let mut line = format!(
            "Indexed {} ({}) in {:.1}s: {} new, {} changed, {} unchanged, {} removed",
            plural(r.papers, "paper", "papers"),
            plural(r.passages, "passage", "passages"),
            r.seconds,
            r.new,
            r.changed,
            r.unchanged,
            r.removed
        );
        if r.skipped > 0 {
            line.push_str(&format!(", {} skipped", r.skipped));
        }
        if r.ignored > 0 {
            line.push_str(&format!(
                "; {} ignored",
                plural(r.ignored, "other file", "other files")
            ));
        }
        writeln!(self.out, "{line}.")?;
        if !r.index_folders.is_empty() {
            writeln!(
                self.out,
                "Skipped {} inside the corpus: {} an index, not papers.",
                list_some(&r.index_folders),
                if r.index_folders.len() == 1 {
                    "it is"
                } else {
                    "they are"
                }
            )?;
        }
        if !r.links_outside.is_empty() {
            writeln!(
                self.out,
                "Followed {} symbolic link{} to outside the corpus: {}.",
                r.links_outside.len(),
                if r.links_outside.len() == 1 { "" } else { "s" },
                list_some(&r.links_outside)
            )?;
        }
        if !r.folded.is_empty() {
            let pairs: Vec<String> = r.folded.iter().map(|(c, k)| format!("{c} → {k}")).collect();
            writeln!(
                self.out,
                "Counted once: {} the same paper as another file ({}); `caucus list` shows them.",
                plural(r.folded.len(), "file is", "files are"),
                list_some(&pairs)
            )?;
        }
        Ok(())
    }

    pub fn catalog(&mut self, c: &Catalog, committees: &[CommitteeRow]) -> io::Result<()> {
        if self.json {
            for (code, name, countries) in committees {
                #[derive(Serialize)]
                struct Row<'a> {
                    code: &'a str,
                    name: &'a str,
                    countries: &'a [String],
                }
                self.line(Record::Committee(&Row {
                    code,
                    name,
                    countries,
                }))?;
            }
            for u in &c.unplaced {
                self.line(Record::Unplaced(u))?;
            }
            for (copy, kept) in &c.folded {
                #[derive(Serialize)]
                struct Folded<'a> {
                    file: &'a str,
                    same_as: &'a str,
                }
                self.line(Record::Folded(&Folded {
                    file: copy,
                    same_as: kept,
                }))?;
            }
            return Ok(());
        }
        for (code, name, countries) in committees {
            let title = format!("{code} — {name}");
            writeln!(
                self.out,
                "{} ({})",
                self.paint(Style::Bold, &title),
                plural(countries.len(), "country", "countries")
            )?;

            writeln!(self.out, "  {}", countries.join(", "))?;
        }
        if !c.unplaced.is_empty() {
            writeln!(
                self.out,
                "{} ({})",
                self.paint(
                    Style::Bold,
                    "Not placed: caucus could not read a country or committee"
                ),
                c.unplaced.len()
            )?;
            for u in &c.unplaced {
                let mut missing = Vec::new();
                if u.country == crate::paper::UNKNOWN {
                    missing.push("no country".to_owned());
                } else {
                    missing.push(u.country.clone());
                }
                match &u.committee {
                    Some(code) => missing.push(code.clone()),
                    None => missing.push("no committee".to_owned()),
                }
                writeln!(
                    self.out,
                    "  {} ({})",
                    crate::paper::text::printable(&u.file),
                    missing.join(", ")
                )?;
            }
        }
        if !c.folded.is_empty() {
            writeln!(
                self.out,
                "{} ({})",
                self.paint(
                    Style::Bold,
                    "Counted once: the same paper in another format"
                ),
                c.folded.len()
            )?;
            for (copy, kept) in &c.folded {
                writeln!(self.out, "  {copy} → {kept}")?;
            }
        }
        let line = format!(
            "{} from {} in {}.",
            plural(c.countries.values().sum::<usize>(), "paper", "papers"),
            // "unknown" holds the papers no country was read for: not a country.
            plural(
                c.countries
                    .keys()
                    .filter(|k| k.as_str() != crate::paper::UNKNOWN)
                    .count(),
                "country",
                "countries"
            ),
            plural(c.committees.len(), "committee", "committees")
        );
        writeln!(self.out, "{}", self.paint(Style::Dim, &line))
    }

    pub fn allies(&mut self, r: &AlliesResult) -> io::Result<()> {
        if self.json {
            for a in &r.allies {
                if r.opponents {
                    self.line(Record::Opponent(a))?;
                } else {
                    self.line(Record::Ally(a))?;
                }
            }
            return self.line(Record::Summary(r));
        }
        let what = if r.opponents {
            "Furthest from"
        } else {
            "Closest to"
        };
        let title = format!("{what} {} ({})", r.country, r.scope);
        writeln!(self.out, "{}", self.paint(Style::Bold, &title))?;
        for a in &r.allies {
            writeln!(
                self.out,
                "{:>2}. {:<22} {:.2}  {}",
                a.rank,
                self.paint(Style::Bold, &a.country),
                a.similarity,
                a.committees.join(", ")
            )?;
            if !a.shared_terms.is_empty() {
                let what = if r.opponents { "both raise" } else { "shared" };
                writeln!(self.out, "    {what}: {}", a.shared_terms.join(", "))?;
            }
            if !a.own_terms.is_empty() {
                writeln!(
                    self.out,
                    "    only {}: {}",
                    r.country,
                    a.own_terms.join(", ")
                )?;
            }
            if !a.their_terms.is_empty() {
                writeln!(
                    self.out,
                    "    only {}: {}",
                    a.country,
                    a.their_terms.join(", ")
                )?;
            }
            for d in &a.stance_differences {
                writeln!(self.out, "    {:?}: {}", d.issue, d.summary)?;
                self.stance_row(&d.first, "      ")?;
                self.stance_row(&d.second, "      ")?;
            }
            if let Some(p) = &a.passages {
                let how = if r.opponents {
                    "differ most on"
                } else {
                    "agree most on"
                };
                writeln!(self.out, "    {how} \"{}\":", p.term)?;
                self.pair_passages(p, "      ")?;
            }
        }
        writeln!(self.out, "{}", self.paint(Style::Dim, &r.explanation))
    }

    fn pair_passages(&mut self, p: &PassagePair, indent: &str) -> io::Result<()> {
        for s in [&p.first, &p.second] {
            let text = self.passage_text(&s.text, &p.term);
            let line = format!(
                "{} {}: {}",
                s.country,
                self.paint(Style::Place, &s.location),
                text
            );
            self.body_line(indent, &line)?;
        }
        Ok(())
    }

    /// A passage as text output shows it: whole with `--full`, else the snippet
    /// around `term` (its words highlighted), or the passage's opening when the
    /// term is empty.
    fn passage_text(&self, text: &str, term: &str) -> String {
        if self.full {
            return text.to_owned();
        }
        let terms = highlight::Terms::of_phrase(term);
        highlight::snippets(text, &terms, 1)
            .first()
            .map_or_else(|| text.to_owned(), |s| self.snippet(s))
    }

    pub fn blocs(&mut self, r: &BlocsResult) -> io::Result<()> {
        if self.json {
            for b in &r.blocs {
                self.line(Record::Bloc(b))?;
            }
            return self.line(Record::Summary(r));
        }
        let title = if r.clear {
            let mut t = format!(
                "{} — {} among {}",
                r.scope,
                plural(r.blocs.len(), "bloc", "blocs"),
                plural(r.countries, "country", "countries")
            );
            if !r.unaligned.is_empty() {
                t.push_str(&format!(", {} unaligned", r.unaligned.len()));
            }
            t
        } else {
            format!(
                "{} — no clear blocs among {}",
                r.scope,
                plural(r.countries, "country", "countries")
            )
        };
        writeln!(self.out, "{}", self.paint(Style::Bold, &title))?;
        writeln!(
            self.out,
            "{}",
            self.paint(Style::Dim, &format!("How many: {}.", r.method))
        )?;
        for b in &r.blocs {
            let head = format!("Bloc {}: {}", b.number, b.label);
            writeln!(
                self.out,
                "\n{} ({}, cohesion {:.2}): {}",
                self.paint(Style::Bold, &head),
                plural(b.members.len(), "country", "countries"),
                b.cohesion,
                b.members.join(", ")
            )?;
            if !b.terms.is_empty() {
                writeln!(self.out, "  distinctive words: {}", b.terms.join(", "))?;
            }
        }
        if !r.unaligned.is_empty() {
            writeln!(self.out, "\nUnaligned: {}", r.unaligned.join(", "))?;
        }
        if !r.closest_pairs.is_empty() {
            writeln!(self.out, "\nClosest pairs instead:")?;
            for p in &r.closest_pairs {
                writeln!(
                    self.out,
                    "  {:.2}  {} and {}",
                    p.similarity, p.first, p.second
                )?;
            }
        }
        writeln!(self.out, "\n{}", self.paint(Style::Dim, &r.explanation))?;
        if let Some(plot) = &r.plot {
            writeln!(
                self.out,
                "{}",
                self.paint(Style::Dim, &format!("Heatmap written to {plot}"))
            )?;
        }
        Ok(())
    }

    pub fn compare(&mut self, r: &CompareResult) -> io::Result<()> {
        if self.json {
            return self.line(Record::Comparison(r));
        }
        let title = format!(
            "{} and {} ({}): similarity {:.2}",
            r.first, r.second, r.scope, r.similarity
        );
        writeln!(self.out, "{}", self.paint(Style::Bold, &title))?;
        writeln!(self.out, "Both stress: {}", r.shared_terms.join(", "))?;
        writeln!(self.out, "Only {}: {}", r.first, r.first_only.join(", "))?;
        writeln!(self.out, "Only {}: {}", r.second, r.second_only.join(", "))?;
        self.stance_differences(&r.stance_differences, r.issues_checked)?;
        if let Some(p) = &r.agree {
            let head = format!("Agree most on \"{}\":", p.term);
            writeln!(self.out, "\n{}", self.paint(Style::Bold, &head))?;
            self.pair_passages(p, "  ")?;
        }
        if let Some((a, b)) = &r.differ {
            writeln!(self.out, "\n{}", self.paint(Style::Bold, "Differ:"))?;
            for s in [a, b] {
                let text = self.passage_text(&s.text, "");
                let line = format!(
                    "{} {}: {}",
                    s.country,
                    self.paint(Style::Place, &s.location),
                    text
                );
                self.body_line("  ", &line)?;
            }
        }
        writeln!(self.out, "\n{}", self.paint(Style::Dim, &r.explanation))
    }

    /// Where `caucus serve` listens.
    pub fn serving(&mut self, url: &str, address: &str, shared: bool) -> io::Result<()> {
        if self.json {
            #[derive(Serialize)]
            struct Serving<'a> {
                url: &'a str,
                address: &'a str,
                read_only: bool,
                shared: bool,
            }
            return self.line(Record::Serving(&Serving {
                url,
                address,
                read_only: true,
                shared,
            }));
        }
        let url = self.paint(Style::Bold, url);
        writeln!(self.out, "caucus is serving the papers at {url}")
    }
}

/// The first few names of a list, and how many more.
/// The width of the terminal standard output is, when it is one (`COLUMNS` wins
/// when set, as shells and `less` set it).
fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return None;
    }
    if let Some(cols) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()) {
        return Some(cols).filter(|&c: &usize| c >= 20);
    }
    #[cfg(unix)]
    {
        // SAFETY: TIOCGWINSZ only fills the struct it is given.
        let mut size: libc::winsize = unsafe { std::mem::zeroed() };
        let rc = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) };
        if rc == 0 && size.ws_col >= 20 {
            return Some(usize::from(size.ws_col));
        }
    }
    None
}

/// How many columns `s` takes, leaving out ANSI colour sequences.
fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // ESC [ ... m
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            n += 1;
        }
    }
    n
}

/// `text` after `indent`, broken at spaces into lines of at most `width` columns,
/// each continuation line indented like the first. A word longer than a line
/// stands on a line of its own.
fn wrap(text: &str, indent: &str, width: usize) -> String {
    let room = width.saturating_sub(indent.len()).max(20);
    let mut out = String::from(indent);
    let mut used = 0;
    for word in text.split(' ') {
        let w = visible_len(word);
        if used > 0 && used + 1 + w > room {
            out.push('\n');
            out.push_str(indent);
            used = 0;
        } else if used > 0 {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += w;
    }
    out
}

fn list_some(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut s = names
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        s.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    s
}

/// Prints a warning or note on stderr (never mixed into JSON on stdout).
pub fn warn(color: bool, message: &str) {
    let prefix = if color {
        format!("{}caucus: warning:\x1b[0m", Style::Warn.code())
    } else {
        "caucus: warning:".to_owned()
    };
    let _ = writeln!(io::stderr(), "{prefix} {message}");
}

/// Prints an informational note on stderr.
pub fn note(message: &str) {
    let _ = writeln!(io::stderr(), "caucus: {message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_hangs_the_indent_and_ignores_colour_codes() {
        let text = "Belgium supports an international \x1b[1;33mtask force\x1b[0m on darknet markets hosted within Europol.";
        let out = wrap(text, "    ", 30);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() >= 3, "{out}");
        for l in &lines {
            assert!(l.starts_with("    "), "{l:?}");
            assert!(!l.starts_with("     "), "{l:?}");
            assert!(visible_len(l) <= 30, "{l:?}");
        }
        // Nothing lost or reordered.
        let joined: Vec<&str> = lines.iter().map(|l| l.trim_start()).collect();
        assert_eq!(joined.join(" "), text);
        // A word longer than the line stands alone; no empty lines.
        let long = format!("a {} b", "x".repeat(50));
        let out = wrap(&long, "  ", 30);
        assert_eq!(out.lines().count(), 3, "{out}");
        assert_eq!(visible_len("\x1b[1mbold\x1b[0m"), 4);
    }
}
