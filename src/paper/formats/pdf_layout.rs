//! Turning the glyphs placed on PDF pages into lines in reading order: glyphs on one
//! baseline make a line (spaces from gaps), two-column pages are read column by
//! column, running headers, footers and page numbers are dropped, and a blank line
//! marks each clear paragraph gap.

use std::collections::HashMap;

use super::super::blocks::SrcLine;

/// One glyph as drawn: `x` its left edge, `y` its baseline measured downwards from the
/// top of the page, `width` its advance and `size` its font size, all in points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    pub(crate) x: f32,
    pub(crate) y: f32,
    pub(crate) width: f32,
    pub(crate) size: f32,
    pub(crate) text: String,
}

/// The glyphs of one page, in drawing order.
#[derive(Debug, Default)]
pub(crate) struct PageGlyphs {
    pub(crate) number: u32,
    pub(crate) glyphs: Vec<Glyph>,
}

/// A run of glyphs on one baseline with no wide gap inside.
#[derive(Debug, Clone, PartialEq)]
struct Segment {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    row: usize,
    text: String,
}

/// A line in reading order, ready to become a source line.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    text: String,
    y: f32,
    size: f32,
    /// Which part of the page it was read from: 0 full width, 1 left column, 2 right.
    column: u8,
}

/// Lines of all pages in reading order, numbered by page, with a blank line at each
/// paragraph break.
pub(crate) fn page_lines(pages: &[PageGlyphs]) -> Vec<SrcLine> {
    let mut segmented: Vec<Vec<Segment>> = pages.iter().map(|p| segments(&p.glyphs)).collect();
    drop_running_lines(&mut segmented);
    let mut out: Vec<SrcLine> = Vec::new();
    for (page, segs) in pages.iter().zip(segmented) {
        let lines = reading_order(segs);
        if lines.is_empty() {
            continue;
        }
        if let Some(last) = out.last() {
            // A paragraph often runs on to the next page; a finished sentence ends it.
            if ends_sentence(&last.text) {
                out.push(SrcLine::new("", None, Some(page.number)));
            }
        }
        let spacing = typical_spacing(&lines);
        let mut previous: Option<&Line> = None;
        for line in &lines {
            if let Some(prev) = previous {
                if paragraph_break(prev, line, spacing) {
                    out.push(SrcLine::new("", None, Some(page.number)));
                }
            }
            out.push(SrcLine::new(line.text.clone(), None, Some(page.number)));
            previous = Some(line);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Glyphs to segments

/// Groups glyphs into rows by baseline, then splits rows at wide gaps.
fn segments(glyphs: &[Glyph]) -> Vec<Segment> {
    let mut sorted: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite() && g.size > 0.0)
        .collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));

    // Rows: a glyph joins the row whose baseline is within 40% of the larger size.
    let mut rows: Vec<(f32, f32, Vec<&Glyph>)> = Vec::new();
    for glyph in sorted {
        match rows.last_mut() {
            Some((y, size, members)) if (glyph.y - *y).abs() <= 0.4 * size.max(glyph.size) => {
                members.push(glyph);
                // The baseline of a row is that of its largest text, not of a superscript.
                if glyph.size > *size {
                    *y = glyph.y;
                    *size = glyph.size;
                }
            }
            _ => rows.push((glyph.y, glyph.size, vec![glyph])),
        }
    }

    let mut out = Vec::new();
    for (row, (y, size, mut members)) in rows.into_iter().enumerate() {
        members.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut current: Option<Segment> = None;
        let mut last: Option<&Glyph> = None;
        // Inside a superscript note number, written as a "[3]" marker.
        let mut in_marker = false;
        for glyph in members {
            // Text drawn twice, slightly offset, to fake bold.
            if last
                .is_some_and(|l| l.text == glyph.text && (glyph.x - l.x).abs() < 0.15 * glyph.size)
            {
                continue;
            }
            let marker = glyph.size <= 0.8 * size
                && glyph.y < y - 0.15 * size
                && glyph
                    .text
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ',' | '-' | '–'));
            let gap = current.as_ref().map_or(f32::INFINITY, |s| glyph.x - s.x1);
            if gap > 1.5 * size.max(glyph.size) {
                if let Some(mut done) = current.take() {
                    if std::mem::take(&mut in_marker) {
                        done.text.push(']');
                    }
                    out.push(done);
                }
            }
            match current.as_mut() {
                Some(seg) => {
                    if in_marker && !marker {
                        seg.text.push(']');
                        in_marker = false;
                    }
                    if gap > 0.15 * glyph.size && !seg.text.ends_with(' ') && !in_marker {
                        seg.text.push(' ');
                    }
                    if marker && !in_marker {
                        seg.text.push('[');
                        in_marker = true;
                    }
                    seg.text.push_str(&glyph.text);
                    seg.x1 = seg.x1.max(glyph.x + glyph.width);
                }
                None => {
                    let mut text = String::new();
                    if marker {
                        text.push('[');
                        in_marker = true;
                    }
                    text.push_str(&glyph.text);
                    current = Some(Segment {
                        x0: glyph.x,
                        x1: glyph.x + glyph.width,
                        y,
                        size,
                        row,
                        text,
                    });
                }
            }
            last = Some(glyph);
        }
        if let Some(seg) = current.as_mut().filter(|_| in_marker) {
            seg.text.push(']');
        }
        out.extend(current);
    }
    for seg in &mut out {
        seg.text = seg.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out.retain(|s| !s.text.is_empty());
    out
}

// ---------------------------------------------------------------------------
// Running headers and footers

/// Drops text that repeats in the top or bottom two rows of most pages (digits
/// compared as one), and page numbers there on any page.
fn drop_running_lines(pages: &mut [Vec<Segment>]) {
    let edge_rows: Vec<Vec<usize>> = pages.iter().map(|segs| edge_rows(segs)).collect();
    let mut seen_on: HashMap<String, usize> = HashMap::new();
    for (segs, rows) in pages.iter().zip(&edge_rows) {
        let mut keys: Vec<String> = segs
            .iter()
            .filter(|s| rows.contains(&s.row))
            .map(|s| normalise(&s.text))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *seen_on.entry(key).or_default() += 1;
        }
    }
    let pages_count = pages.len();
    let repeated = |key: &str| {
        seen_on
            .get(key)
            .is_some_and(|&n| n >= 2 && n * 2 >= pages_count)
    };
    for (segs, rows) in pages.iter_mut().zip(&edge_rows) {
        segs.retain(|s| {
            if !rows.contains(&s.row) {
                return true;
            }
            let key = normalise(&s.text);
            !(repeated(&key) || is_page_number(&key))
        });
    }
}

/// The first two and last two rows of a page.
fn edge_rows(segs: &[Segment]) -> Vec<usize> {
    let mut rows: Vec<usize> = segs.iter().map(|s| s.row).collect();
    rows.sort_unstable();
    rows.dedup();
    let n = rows.len();
    rows.into_iter()
        .enumerate()
        .filter(|&(i, _)| i < 2 || i + 2 >= n)
        .map(|(_, row)| row)
        .collect()
}

/// Lower case, whitespace collapsed, every run of digits (or a lone roman numeral)
/// as `#`, so "Page 3 of 7" and "Page 4 of 7" compare equal.
fn normalise(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    if !lower.is_empty() && lower.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')) {
        return "#".to_owned();
    }
    let mut out = String::new();
    let mut in_digits = false;
    for c in lower
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
    {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
        } else {
            out.push(c);
            in_digits = false;
        }
    }
    out
}

/// "#", "- # -", "page #", "page # of #", "#/#", "[#]" (after [`normalise`]).
fn is_page_number(key: &str) -> bool {
    let core = key
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '[' | ']' | '(' | ')' | '.' | ' '));
    let core = core
        .strip_prefix("page")
        .or_else(|| core.strip_prefix("p."))
        .unwrap_or(core)
        .trim();
    matches!(core, "#" | "# of #" | "#/#" | "# / #")
}

// ---------------------------------------------------------------------------
// Reading order

/// Orders a page's segments for reading: top to bottom, and on a two-column page
/// the left column before the right one between any full-width lines.
fn reading_order(mut segs: Vec<Segment>) -> Vec<Line> {
    segs.sort_by(|a, b| a.row.cmp(&b.row).then(a.x0.total_cmp(&b.x0)));
    let Some((g0, g1)) = gutter(&segs) else {
        return join_rows(segs.iter().map(|s| (s, 0)));
    };
    let mut ordered: Vec<(&Segment, u8)> = Vec::new();
    let mut left: Vec<&Segment> = Vec::new();
    let mut right: Vec<&Segment> = Vec::new();
    for seg in &segs {
        if seg.x0 < g0 && seg.x1 > g1 {
            ordered.extend(left.drain(..).map(|s| (s, 1)));
            ordered.extend(right.drain(..).map(|s| (s, 2)));
            ordered.push((seg, 0));
        } else if (seg.x0 + seg.x1) / 2.0 < (g0 + g1) / 2.0 {
            left.push(seg);
        } else {
            right.push(seg);
        }
    }
    ordered.extend(left.drain(..).map(|s| (s, 1)));
    ordered.extend(right.drain(..).map(|s| (s, 2)));
    join_rows(ordered.into_iter())
}

/// Joins consecutive segments of one row and one column into a line.
fn join_rows<'a>(segs: impl Iterator<Item = (&'a Segment, u8)>) -> Vec<Line> {
    let mut lines: Vec<(usize, Line)> = Vec::new();
    for (seg, column) in segs {
        match lines.last_mut() {
            Some((row, line)) if *row == seg.row && line.column == column => {
                line.text.push(' ');
                line.text.push_str(&seg.text);
            }
            _ => lines.push((
                seg.row,
                Line {
                    text: seg.text.clone(),
                    y: seg.y,
                    size: seg.size,
                    column,
                },
            )),
        }
    }
    lines.into_iter().map(|(_, line)| line).collect()
}

/// The gutter of a two-column page, as (left edge, right edge), if it has one: a
/// vertical strip in the middle of the text that column-width lines do not cross
/// (a centred title or two may), with columns of text on both sides.
fn gutter(segs: &[Segment]) -> Option<(f32, f32)> {
    if segs.len() < 6 {
        return None;
    }
    let left_edge = segs.iter().map(|s| s.x0).fold(f32::INFINITY, f32::min);
    let right_edge = segs.iter().map(|s| s.x1).fold(f32::NEG_INFINITY, f32::max);
    let width = right_edge - left_edge;
    // Points are the unit: a page is never thousands of them wide.
    if !(1.0..=5000.0).contains(&width) {
        return None;
    }
    let mut sizes: Vec<f32> = segs.iter().map(|s| s.size).collect();
    sizes.sort_by(f32::total_cmp);
    let size = sizes[sizes.len() / 2];

    // How many column-width segments cover each point across the page.
    let narrow: Vec<&Segment> = segs.iter().filter(|s| s.x1 - s.x0 < 0.6 * width).collect();
    let mut cover = vec![0usize; width as usize + 1];
    for seg in &narrow {
        let from = (seg.x0 - left_edge).max(0.0) as usize;
        let to = ((seg.x1 - left_edge).max(0.0) as usize).min(cover.len());
        for c in &mut cover[from.min(to)..to] {
            *c += 1;
        }
    }
    // The widest run of barely covered points in the middle half of the page.
    let allowed = (narrow.len() / 10).max(2);
    let (lo, hi) = ((0.25 * width) as usize, (0.75 * width) as usize);
    let mut best: Option<(usize, usize)> = None;
    let mut start: Option<usize> = None;
    for x in 0..=cover.len() {
        let open = cover.get(x).is_some_and(|&c| c <= allowed);
        match (open, start) {
            (true, None) => start = Some(x),
            (false, Some(from)) => {
                let centre = (from + x) / 2;
                let central = (lo..=hi).contains(&centre) && from > 0 && x < cover.len();
                if central && best.is_none_or(|(b0, b1)| x - from > b1 - b0) {
                    best = Some((from, x));
                }
                start = None;
            }
            _ => {}
        }
    }
    let (b0, b1) = best?;
    let (g0, g1) = (left_edge + b0 as f32, left_edge + b1 as f32);
    if g1 - g0 < size.max(6.0) {
        return None;
    }

    let crossing = segs.iter().filter(|s| s.x0 < g0 && s.x1 > g1).count();
    let side_of = |s: &Segment| (s.x0 + s.x1) / 2.0 < (g0 + g1) / 2.0;
    let uncrossing = || segs.iter().filter(|s| !(s.x0 < g0 && s.x1 > g1));
    let left: Vec<&Segment> = uncrossing().filter(|s| side_of(s)).collect();
    let right: Vec<&Segment> = uncrossing().filter(|s| !side_of(s)).collect();
    let is_column = |side: &[&Segment]| {
        if side.len() < 3 {
            return false;
        }
        let x0 = side.iter().map(|s| s.x0).fold(f32::INFINITY, f32::min);
        let x1 = side.iter().map(|s| s.x1).fold(f32::NEG_INFINITY, f32::max);
        let mut widths: Vec<f32> = side.iter().map(|s| s.x1 - s.x0).collect();
        widths.sort_by(f32::total_cmp);
        // Lines of prose fill most of their column; labels in a table do not.
        x1 - x0 >= 0.25 * width && widths[widths.len() / 2] >= 0.5 * (x1 - x0)
    };
    let overlap = {
        let top = |side: &[&Segment]| side.iter().map(|s| s.y).fold(f32::INFINITY, f32::min);
        let bottom = |side: &[&Segment]| side.iter().map(|s| s.y).fold(f32::NEG_INFINITY, f32::max);
        let shared = bottom(&left).min(bottom(&right)) - top(&left).max(top(&right));
        let shorter = (bottom(&left) - top(&left)).min(bottom(&right) - top(&right));
        shared >= 0.5 * shorter
    };
    (crossing * 2 < segs.len() && is_column(&left) && is_column(&right) && overlap)
        .then_some((g0, g1))
}

// ---------------------------------------------------------------------------
// Paragraph breaks

/// The usual distance between consecutive baselines of a column on this page.
fn typical_spacing(lines: &[Line]) -> f32 {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .filter(|w| {
            w[0].column == w[1].column
                && (w[0].size - w[1].size).abs() <= 0.15 * w[0].size.max(w[1].size)
        })
        .map(|w| w[1].y - w[0].y)
        .filter(|&d| d > 0.0)
        .collect();
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let by_font = 1.2 * sizes.get(sizes.len() / 2).copied().unwrap_or(12.0);
    if gaps.len() < 2 {
        return by_font;
    }
    // The lower median: paragraph gaps must not raise the usual line spacing. On a
    // page of short paragraphs most gaps are paragraph gaps, so the median is
    // capped by what the font size allows for plain leading.
    gaps.sort_by(f32::total_cmp);
    gaps[(gaps.len() - 1) / 2].min(by_font * 1.15)
}

fn paragraph_break(prev: &Line, next: &Line, spacing: f32) -> bool {
    if prev.column != next.column {
        // Moving to the next column continues the text unless a sentence ended
        // there; leaving or entering a full-width line always breaks.
        return !(prev.column == 1 && next.column == 2) || ends_sentence(&prev.text);
    }
    let dy = next.y - prev.y;
    let size_change = (next.size - prev.size).abs() > 0.15 * next.size.max(prev.size);
    dy < 0.0 || dy > 1.4 * spacing || size_change
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs for `text` at (x, y), each character 0.5 em wide.
    fn word_glyphs(x: f32, y: f32, size: f32, text: &str) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f32 * 0.5 * size,
                y,
                width: 0.5 * size,
                size,
                text: c.to_string(),
            })
            .collect()
    }

    fn page(number: u32, lines: &[(f32, f32, f32, &str)]) -> PageGlyphs {
        PageGlyphs {
            number,
            glyphs: lines
                .iter()
                .flat_map(|&(x, y, size, text)| word_glyphs(x, y, size, text))
                .collect(),
        }
    }

    fn texts(lines: &[SrcLine]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn glyphs_on_a_baseline_make_a_line_with_spaces_from_gaps() {
        let mut glyphs = word_glyphs(72.0, 100.0, 10.0, "Arms");
        glyphs.extend(word_glyphs(95.0, 100.0, 10.0, "trade"));
        // A superscript note number, raised and smaller.
        glyphs.extend(word_glyphs(120.0, 97.0, 6.0, "3"));
        // Drawn in reverse order: position decides, not drawing order.
        glyphs.reverse();
        glyphs.extend(word_glyphs(72.0, 114.0, 10.0, "next"));
        let lines = page_lines(&[PageGlyphs { number: 1, glyphs }]);
        assert_eq!(texts(&lines), ["Arms trade[3]", "next"]);
        assert_eq!(lines[0].page, Some(1));
        assert_eq!(lines[0].line, None);
    }

    #[test]
    fn paragraph_gaps_and_size_changes_become_blank_lines() {
        let lines = page_lines(&[page(
            1,
            &[
                (72.0, 80.0, 16.0, "Heading"),
                (72.0, 100.0, 10.0, "first line of a para-"),
                (72.0, 112.0, 10.0, "graph goes on"),
                (72.0, 124.0, 10.0, "and ends."),
                (72.0, 148.0, 10.0, "Second paragraph."),
            ],
        )]);
        assert_eq!(
            texts(&lines),
            [
                "Heading",
                "",
                "first line of a para-",
                "graph goes on",
                "and ends.",
                "",
                "Second paragraph."
            ]
        );
    }

    #[test]
    fn two_columns_are_read_left_then_right_under_a_full_width_title() {
        let mut lines = vec![(56.0, 60.0, 10.0, "A title spanning the two columns.")];
        let left = [
            "left one is long",
            "left two is long",
            "left three is lo",
            "left four ends.",
        ];
        let right = [
            "right one is lon",
            "right two is lon",
            "right three is l",
            "right four ends.",
        ];
        for i in 0..4 {
            lines.push((56.0, 100.0 + 12.0 * i as f32, 10.0, left[i]));
            lines.push((156.0, 100.0 + 12.0 * i as f32, 10.0, right[i]));
        }
        let out = page_lines(&[page(1, &lines)]);
        let mut expected = vec!["A title spanning the two columns.", ""];
        expected.extend(left);
        // The left column ended a sentence, so the right one starts a paragraph.
        expected.push("");
        expected.extend(right);
        assert_eq!(texts(&out), expected);
    }

    #[test]
    fn a_label_table_is_not_mistaken_for_columns() {
        let out = page_lines(&[page(
            1,
            &[
                (72.0, 100.0, 10.0, "Country:"),
                (300.0, 100.0, 10.0, "Chile"),
                (72.0, 112.0, 10.0, "Committee:"),
                (300.0, 112.0, 10.0, "DISEC"),
                (72.0, 124.0, 10.0, "Topic:"),
                (300.0, 124.0, 10.0, "Small arms"),
            ],
        )]);
        assert_eq!(
            texts(&out),
            ["Country: Chile", "Committee: DISEC", "Topic: Small arms"]
        );
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_dropped() {
        let bodies = [
            ["First page text", "ends here."],
            ["Second page", "goes on,"],
            ["Third page", "is last."],
        ];
        let pages: Vec<PageGlyphs> = (1..=3u32)
            .map(|n| {
                let number = format!("Page {n} of 3");
                let [a, b] = bodies[n as usize - 1];
                page(
                    n,
                    &[
                        (72.0, 40.0, 9.0, "Delegation of Chile - DISEC"),
                        (72.0, 100.0, 10.0, a),
                        (72.0, 112.0, 10.0, b),
                        (260.0, 800.0, 9.0, number.as_str()),
                    ],
                )
            })
            .collect();
        let out = page_lines(&pages);
        assert_eq!(
            texts(&out),
            [
                "First page text",
                "ends here.",
                "",
                "Second page",
                "goes on,",
                "Third page",
                "is last."
            ]
        );
        let pages_of: Vec<_> = out.iter().map(|l| l.page).collect();
        assert_eq!(pages_of[3], Some(2));
    }

    #[test]
    fn a_lone_page_number_goes_even_on_one_page() {
        let out = page_lines(&[page(
            1,
            &[
                (72.0, 100.0, 10.0, "Only text."),
                (290.0, 800.0, 9.0, "- 1 -"),
            ],
        )]);
        assert_eq!(texts(&out), ["Only text."]);
    }

    #[test]
    fn pages_join_unless_a_sentence_ended() {
        let out = page_lines(&[
            page(
                1,
                &[
                    (72.0, 100.0, 10.0, "runs on to the"),
                    (72.0, 112.0, 10.0, "Ends here."),
                ],
            ),
            page(
                2,
                &[
                    (72.0, 100.0, 10.0, "New paragraph"),
                    (72.0, 112.0, 10.0, "runs over the"),
                ],
            ),
            page(3, &[(72.0, 100.0, 10.0, "page break.")]),
        ]);
        assert_eq!(
            texts(&out),
            [
                "runs on to the",
                "Ends here.",
                "",
                "New paragraph",
                "runs over the",
                "page break."
            ]
        );
    }

    #[test]
    fn normalising_and_page_numbers() {
        assert_eq!(normalise("Page 12 of 30"), "page # of #");
        assert_eq!(normalise(" xiv "), "#");
        assert!(is_page_number(&normalise("- 3 -")));
        assert!(is_page_number(&normalise("3/7")));
        assert!(is_page_number(&normalise("Page 3")));
        assert!(!is_page_number(&normalise("A/RES/67/234")));
        assert!(!is_page_number(&normalise("Chapter 3")));
    }
}
