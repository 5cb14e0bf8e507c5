//! Where a heading stands in its paper's outline, so a sub-heading whose words name
//! no kind of section ("A. Regional Cooperation") takes the kind of the part it
//! stands in ("III. Proposed Solutions").
//!
//! Depth is told two ways, each compared only with itself: by the heading's
//! numbering, where the scheme a paper uses first is its top level (papers put "1."
//! above "A." as often as the other way round), and by the level its format gives it
//! (Markdown's `###`, a Word "Heading 3"). A heading with neither, in plain text,
//! opens a part of its own at the top of the outline.

use super::structure::SectionKind;

/// How a heading is numbered: the scheme, and the number in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numbering {
    scheme: Scheme,
    value: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Roman,
    /// A capital letter: "A.", "B)".
    Letter,
    /// "1.", "1.2", "1.2.3": how many numbers it holds.
    Arabic(u8),
    /// No number: a plain heading in plain text, above the numbered ones after it.
    Plain,
}

fn roman_value(s: &str) -> Option<u32> {
    let digit = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(next) if next > d => total -= *d as i64,
            _ => total += *d as i64,
        }
    }
    u32::try_from(total).ok().filter(|&v| v > 0)
}

/// The numbering opening a heading as written ("III. Proposed Solutions", "B) Funding",
/// "2.1 Regional work"), with what the last numbered heading was, to tell the letter
/// "C." after "B." from the Roman "V." after "IV.".
fn numbering(raw: &str, last: Option<Numbering>) -> Option<Numbering> {
    let raw = raw
        .trim_start_matches(['#', '*', '_', ' ', '\t'])
        .trim_start();
    let token = raw.split([' ', '\t']).next()?;
    let core = token.trim_end_matches(['.', ')', ':']);
    // A number alone is no heading's number ("2030 Agenda"); "1" before a title is
    // one only with its stop ("1. Background", "1 Background" is not told).
    if core.is_empty() || (core.len() == token.len() && !core.contains('.')) {
        return None;
    }
    if core.chars().all(|c| c.is_ascii_digit() || c == '.') {
        let parts: Vec<&str> = core.split('.').collect();
        if parts.iter().any(|p| p.is_empty() || p.len() > 3) || parts.len() > 4 {
            return None;
        }
        let value = parts.last()?.parse().ok()?;
        return Some(Numbering {
            scheme: Scheme::Arabic(parts.len() as u8),
            value,
        });
    }
    let letter = (core.len() == 1 && core.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| u32::from(core.as_bytes()[0] - b'A') + 1);
    let roman = (core.len() <= 5).then(|| roman_value(core)).flatten();
    let as_letter = letter.map(|value| Numbering {
        scheme: Scheme::Letter,
        value,
    });
    let as_roman = roman.map(|value| Numbering {
        scheme: Scheme::Roman,
        value,
    });
    match (as_letter, as_roman) {
        (Some(l), Some(r)) => {
            // "I", "V", "X", "L", "C" alone: the one that follows the last number of
            // its scheme; failing that, "I." opens a Roman list and the others are
            // letters.
            let follows =
                |n: Numbering| last.is_some_and(|p| p.scheme == n.scheme && p.value + 1 == n.value);
            Some(if follows(l) {
                l
            } else if follows(r) || r.value == 1 {
                r
            } else {
                l
            })
        }
        (l, r) => l.or(r),
    }
}

/// The headings above the one being read, in each of the two ways of telling depth.
#[derive(Debug, Default)]
pub(crate) struct Outline {
    /// The numbering schemes in the order the paper first used them, each with the
    /// kind of the last heading numbered in it.
    numbered: Vec<(Scheme, SectionKind)>,
    /// Format levels of the headings above, shallowest first, with their kinds.
    levels: Vec<(u8, SectionKind)>,
    last: Option<Numbering>,
}

impl Outline {
    /// A new part of the paper (a topic's heading): nothing above it carries over.
    pub(crate) fn reset(&mut self) {
        *self = Outline::default();
    }

    /// The kind of a section heading, written `raw`, at the format level `level`,
    /// whose own words give it `own`: that, unless it names no kind and stands under
    /// a heading that does.
    pub(crate) fn kind(&mut self, raw: &str, level: Option<u8>, own: SectionKind) -> SectionKind {
        let number = numbering(raw, self.last);
        let scheme = match (number, level) {
            (Some(n), _) => Some(n.scheme),
            // A plain heading in plain text: its depth cannot be told, so it opens a
            // part, and numbered headings after it stand under it.
            (None, None) => {
                self.numbered.clear();
                self.levels.clear();
                Some(Scheme::Plain)
            }
            (None, Some(_)) => None,
        };
        let mut inherited = None;
        if let Some(scheme) = scheme {
            if let Some(depth) = self.numbered.iter().position(|(s, _)| *s == scheme) {
                self.numbered.truncate(depth);
            }
            inherited = self.numbered.last().map(|(_, k)| *k);
        }
        if let Some(level) = level {
            self.levels.retain(|(l, _)| *l < level);
            if number.is_none() {
                inherited = self.levels.last().map(|(_, k)| *k);
            }
        }
        if number.is_some() {
            self.last = number;
        }
        let kind = match own {
            SectionKind::Other => inherited.unwrap_or(own),
            own => own,
        };
        if let Some(scheme) = scheme {
            self.numbered.push((scheme, kind));
        }
        if let Some(level) = level {
            self.levels.push((level, kind));
        }
        kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SectionKind::*;

    fn kinds(headings: &[(&str, Option<u8>, SectionKind)]) -> Vec<SectionKind> {
        let mut o = Outline::default();
        headings
            .iter()
            .map(|(raw, level, own)| o.kind(raw, *level, *own))
            .collect()
    }

    #[test]
    fn numbers_are_read_in_their_scheme() {
        let n = |raw, last| numbering(raw, last).map(|n| (n.scheme, n.value));
        assert_eq!(n("III. Proposed Solutions", None), Some((Scheme::Roman, 3)));
        assert_eq!(n("B) Funding", None), Some((Scheme::Letter, 2)));
        assert_eq!(n("2.1 Regional work", None), Some((Scheme::Arabic(2), 1)));
        assert_eq!(n("## 4. Conclusion", None), Some((Scheme::Arabic(1), 4)));
        assert_eq!(n("I. Background", None), Some((Scheme::Roman, 1)));
        assert_eq!(n("2030 Agenda", None), None);
        assert_eq!(n("Background", None), None);
        assert_eq!(n("Mr. President", None), None);
        let iv = numbering("IV. Position", None);
        assert_eq!(n("V. Solutions", iv), Some((Scheme::Roman, 5)));
        let b = numbering("B. Funding", None);
        assert_eq!(n("C. Proposals", b), Some((Scheme::Letter, 3)));
        assert_eq!(n("C. Proposals", None), Some((Scheme::Letter, 3)));
        let h = numbering("H. Monitoring", None);
        assert_eq!(n("I. Reporting", h), Some((Scheme::Letter, 9)));
    }

    #[test]
    fn a_lettered_sub_heading_takes_the_kind_of_its_part() {
        let got = kinds(&[
            ("I. Background", None, Background),
            ("A. History of the Committee", None, Other),
            ("II. Position of Kenya", None, Position),
            ("A. Regional Cooperation", None, Other),
            ("B. Funding", None, Other),
            ("III. Proposed Solutions", None, Solutions),
            ("A. A Darknet Task Force", None, Other),
            ("IV. Conclusion", None, Other),
        ]);
        assert_eq!(
            got,
            [Background, Background, Position, Position, Position, Solutions, Solutions, Other]
        );
    }

    #[test]
    fn the_scheme_used_first_is_the_top_level() {
        let got = kinds(&[
            ("1. Proposed Solutions", None, Solutions),
            ("A. Early Warning", None, Other),
            ("2. Closing Remarks", None, Other),
            ("A. Thanks", None, Other),
        ]);
        assert_eq!(got, [Solutions, Solutions, Other, Other]);
        let got = kinds(&[
            ("1. Past Action", None, Background),
            ("1.1 The 2019 Resolution", None, Other),
            ("2. Proposed Solutions", None, Solutions),
            ("2.1 Shared Data", None, Other),
        ]);
        assert_eq!(got, [Background, Background, Solutions, Solutions]);
    }

    #[test]
    fn format_levels_nest_headings_without_numbers() {
        let got = kinds(&[
            ("Proposed Solutions", Some(2), Solutions),
            ("Regional Task Forces", Some(3), Other),
            ("Funding", Some(3), Other),
            ("Conclusion", Some(2), Other),
            ("Thanks", Some(3), Other),
        ]);
        assert_eq!(got, [Solutions, Solutions, Solutions, Other, Other]);
    }

    #[test]
    fn a_plain_heading_opens_a_part_that_numbers_stand_under() {
        let got = kinds(&[
            ("II. Position of Chile", None, Position),
            ("Proposed Solutions", None, Solutions),
            ("A. Shared Registers", None, Other),
            ("Closing", None, Other),
            ("B. Thanks", None, Other),
        ]);
        assert_eq!(got, [Position, Solutions, Solutions, Other, Other]);
    }

    #[test]
    fn after_a_new_topic_nothing_carries_over() {
        let mut o = Outline::default();
        assert_eq!(
            o.kind("III. Proposed Solutions", None, Solutions),
            Solutions
        );
        o.reset();
        assert_eq!(o.kind("A. Oceans", None, Other), Other);
    }
}
