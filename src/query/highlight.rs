//! Highlighted snippets: which words of a passage matched the query (by stem, so
//! "escrows" lights up for "escrow"), a quoted phrase as one span, and the best
//! windows of a long passage, several when the matches are spread out.

use super::places::{self, Place};
use crate::index::analyzer;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use std::ops::Range;

/// What to highlight, as stems.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    words: FxHashSet<String>,
    phrases: Vec<Vec<String>>,
    prefixes: Vec<String>,
    /// Words (stems) that do not match inside the names of these places.
    places: Vec<(String, Vec<Place>)>,
}

impl Terms {
    pub fn add_words(&mut self, stems: Vec<String>) {
        if stems.len() > 1 {
            // "dual-use" analyses to two stems that belong together.
            self.phrases.push(stems);
        } else {
            self.words.extend(stems);
        }
    }

    pub fn add_phrase(&mut self, stems: Vec<String>) {
        match stems.len() {
            0 => {}
            1 => self.words.extend(stems),
            _ => self.phrases.push(stems),
        }
    }

    /// `stem` does not match where it is part of one of `places` ("China" in "South
    /// China Sea").
    pub fn add_places(&mut self, stem: &str, places: Vec<Place>) {
        if !places.is_empty() && !self.places.iter().any(|(s, _)| s == stem) {
            self.places.push((stem.to_owned(), places));
        }
    }

    pub fn add_prefix(&mut self, prefix: String) {
        if !prefix.is_empty() {
            self.prefixes.push(prefix);
        }
    }

    /// The words of `text` as one phrase to highlight ("cybercrime centre").
    pub fn of_phrase(text: &str) -> Terms {
        let mut a = analyzer::analyzer();
        let mut t = Terms::default();
        t.add_phrase(
            analyzer::terms(&mut a, text)
                .into_iter()
                .map(|x| x.stem)
                .collect(),
        );
        t
    }

    fn matches_word(&self, stem: &str) -> bool {
        self.words.contains(stem) || self.prefixes.iter().any(|p| stem.starts_with(p.as_str()))
    }
}

/// A piece of a passage with the byte ranges (within `text`) to highlight.
/// In JSON, `highlights` are UTF-8 byte ranges and `highlights_chars` the same
/// ranges in characters (Unicode scalar values), for languages that index strings
/// by character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges in `text`, as `[start, end)` pairs.
    pub highlights: Vec<[usize; 2]>,
}

impl Serialize for Snippet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Snippet", 3)?;
        out.serialize_field("text", &self.text)?;
        out.serialize_field("highlights", &self.highlights)?;
        out.serialize_field(
            "highlights_chars",
            &char_ranges(&self.text, &self.highlights),
        )?;
        out.end()
    }
}

/// Byte ranges of `text` as character ranges: `[start, end)` counted in Unicode
/// scalar values. Offsets past the end or inside a character are clamped to the
/// character that holds them.
pub fn char_ranges(text: &str, ranges: &[[usize; 2]]) -> Vec<[usize; 2]> {
    let at = |byte: usize| {
        let mut b = byte.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        text[..b].chars().count()
    };
    ranges.iter().map(|[a, b]| [at(*a), at(*b)]).collect()
}

/// Byte ranges of the matches in `text`, phrases and adjacent matches merged.
pub fn match_ranges(text: &str, terms: &Terms) -> Vec<Range<usize>> {
    // One tokenizer and one memo of keys per thread, serving every passage shown.
    thread_local! {
        static WORDS: std::cell::RefCell<(tantivy::tokenizer::TextAnalyzer, FxHashMap<String, String>)> =
            std::cell::RefCell::new((analyzer::folded(), FxHashMap::default()));
    }
    // A word's key begins with its own first letter (but for a few British spellings),
    // so a word whose first letter begins no term of the query cannot match, and is
    // not stemmed: most words of a passage are passed over so.
    let mut firsts: Vec<char> = terms
        .words
        .iter()
        .chain(&terms.prefixes)
        .chain(terms.phrases.iter().flatten())
        .chain(
            terms
                .places
                .iter()
                .flat_map(|(_, ps)| ps.iter().flat_map(|p| &p.stems)),
        )
        .filter_map(|w| analyzer::first_lower(w))
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    // Each word's byte offsets and whether it matches alone; its key (kept in one
    // buffer, not a string per word) only when there are phrases to test, and only
    // for words that may match (`None` for the others).
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut hit: Vec<bool> = Vec::new();
    let mut stems = String::new();
    let mut stem_of: Vec<Option<Range<usize>>> = Vec::new();
    let with_stems = !terms.phrases.is_empty() || !terms.places.is_empty();
    WORDS.with(|w| {
        let mut w = w.borrow_mut();
        let (words, memo) = &mut *w;
        let mut stream = words.token_stream(text);
        while let Some(t) = stream.next() {
            spans.push(t.offset_from..t.offset_to);
            let may_match = analyzer::first_lower(&t.text).is_some_and(|c| firsts.contains(&c))
                || analyzer::first_changed_by_key(&t.text);
            if !may_match {
                hit.push(false);
                stem_of.push(None);
                continue;
            }
            analyzer::with_key(memo, &t.text, |key| {
                hit.push(terms.matches_word(key));
                if with_stems {
                    let from = stems.len();
                    stems.push_str(key);
                    stem_of.push(Some(from..stems.len()));
                } else {
                    stem_of.push(None);
                }
            });
        }
    });
    if !terms.places.is_empty() {
        let words: Vec<Option<&str>> = stem_of
            .iter()
            .map(|r| r.as_ref().map(|r| &stems[r.clone()]))
            .collect();
        for i in 0..spans.len() {
            if !hit[i] {
                continue;
            }
            if let Some((_, ps)) = terms
                .places
                .iter()
                .find(|(s, _)| Some(s.as_str()) == words[i])
            {
                hit[i] = !places::inside(&words, i, ps);
            }
        }
    }
    let mut joined = vec![false; spans.len()]; // word joins the previous one in a span
    for phrase in &terms.phrases {
        for start in 0..spans.len() {
            if spans.len() - start < phrase.len() {
                break;
            }
            if phrase.iter().enumerate().all(|(k, s)| {
                stem_of[start + k]
                    .as_ref()
                    .is_some_and(|r| stems[r.clone()] == *s)
            }) {
                for k in 0..phrase.len() {
                    hit[start + k] = true;
                    if k > 0 {
                        joined[start + k] = true;
                    }
                }
            }
        }
    }
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (i, t) in spans.iter().enumerate() {
        if !hit[i] {
            continue;
        }
        let adjacent =
            i > 0 && hit[i - 1] && (joined[i] || text[spans[i - 1].end..t.start].trim().is_empty());
        match ranges.last_mut() {
            Some(last) if adjacent => last.end = t.end,
            _ => ranges.push(t.clone()),
        }
    }
    ranges
}

/// Passages up to this many characters are shown whole.
const WHOLE: usize = 320;
/// Window size for long passages, in bytes of text around the matches.
const WINDOW: usize = 280;

/// Snippets of a passage: the whole passage when short, else up to `max` windows
/// around the densest matches, in reading order.
pub fn snippets(text: &str, terms: &Terms, max: usize) -> Vec<Snippet> {
    snippets_at(text, match_ranges(text, terms), max)
}

/// [`snippets`], from the ranges [`match_ranges`] gave for the text.
pub fn snippets_at(text: &str, ranges: Vec<Range<usize>>, max: usize) -> Vec<Snippet> {
    if text.len() <= WHOLE || ranges.is_empty() {
        let end = if text.len() <= WHOLE {
            text.len()
        } else {
            cut_at_space(text, WINDOW)
        };
        let mut s = text[..end].to_owned();
        let highlights = ranges
            .iter()
            .filter(|r| r.end <= end)
            .map(|r| [r.start, r.end])
            .collect();
        if end < text.len() {
            s.push('…');
        }
        return vec![Snippet {
            text: s,
            highlights,
        }];
    }
    // Greedy: take the window holding most distinct matched words, then the next one
    // that does not overlap, and so on. A further window must show a word of the query
    // the windows before it do not: "states" alone in "the United States" is no second
    // snippet beside "small island states ... sea level rise".
    let stems = range_stems(text, &ranges);
    let mut chosen: Vec<Range<usize>> = Vec::new();
    let mut shown: FxHashSet<&str> = FxHashSet::default();
    let mut used = vec![false; ranges.len()];
    while chosen.len() < max {
        let mut best: Option<(WindowScore, usize, Range<usize>)> = None;
        for (i, r) in ranges.iter().enumerate() {
            if used[i] {
                continue;
            }
            let start = r.start.saturating_sub(WINDOW / 4);
            let end = (start + WINDOW).min(text.len());
            if chosen.iter().any(|c| c.start < end && start < c.end) {
                continue;
            }
            // Words of the query not shown yet first, then words of the query, then
            // the most of them side by side, then matches: "debt relief" once beats
            // "debt ... debts ... debt", and "456 nuclear tests" beats "nuclear
            // threats ... Nuclear-Test-Ban".
            let mut inside = 0;
            let mut side_by_side = 0;
            let mut distinct: FxHashSet<&str> = FxHashSet::default();
            for (x, st) in ranges.iter().zip(&stems) {
                if x.start >= start && x.end <= end {
                    inside += 1;
                    side_by_side = side_by_side.max(st.len());
                    distinct.extend(st.iter().map(String::as_str));
                }
            }
            let new = distinct.iter().filter(|w| !shown.contains(*w)).count();
            let score = (new, distinct.len(), side_by_side, inside);
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, i, start..end));
            }
        }
        let Some((_, i, window)) = best else { break };
        used[i] = true;
        let mut words: FxHashSet<&str> = FxHashSet::default();
        for (j, r) in ranges.iter().enumerate() {
            if r.start >= window.start && r.end <= window.end {
                used[j] = true;
                words.extend(stems[j].iter().map(String::as_str));
            }
        }
        if !chosen.is_empty() && words.is_subset(&shown) {
            // Passed over; its matches are spent, so the next pick is another window.
            continue;
        }
        shown.extend(words);
        chosen.push(window);
    }
    chosen.sort_by_key(|r| r.start);
    chosen
        .into_iter()
        .map(|w| {
            let inside: Vec<&Range<usize>> = ranges
                .iter()
                .filter(|r| r.start >= w.start && r.end <= w.end)
                .collect();
            let first = inside.first().map_or(w.start, |r| r.start);
            let last = inside.last().map_or(w.start, |r| r.end);
            let start = if w.start == 0 {
                0
            } else {
                sentence_start(text, w.start, first)
                    .unwrap_or_else(|| next_word_start(text, w.start))
            };
            let end = if w.end >= text.len() {
                text.len()
            } else {
                boundary_end(text, w.end, last).unwrap_or_else(|| cut_at_space(text, w.end))
            };
            let end = end.max(start);
            let mut s = String::new();
            let lead = if start > 0 { "…" } else { "" };
            s.push_str(lead);
            s.push_str(&text[start..end]);
            if end < text.len() {
                s.push('…');
            }
            let shift = lead.len();
            let highlights = ranges
                .iter()
                .filter(|r| r.start >= start && r.end <= end)
                .map(|r| [r.start - start + shift, r.end - start + shift])
                .collect();
            Snippet {
                text: s,
                highlights,
            }
        })
        .collect()
}

/// How a snippet window ranks: words of the query not shown yet, words of the query,
/// the most of them side by side, matches.
type WindowScore = (usize, usize, usize, usize);

/// The stems of the words `ranges` cover in `text`: which words of the query a
/// passage shows.
pub fn matched_stems(text: &str, ranges: &[Range<usize>]) -> FxHashSet<String> {
    range_stems(text, ranges).into_iter().flatten().collect()
}

/// The stems of the words in each matched range ("Small Island States" gives small,
/// island, state), to tell which words of the query a window shows.
fn range_stems(text: &str, ranges: &[Range<usize>]) -> Vec<Vec<String>> {
    let mut a = analyzer::analyzer();
    ranges
        .iter()
        .map(|r| {
            analyzer::terms(&mut a, &text[r.clone()])
                .into_iter()
                .map(|t| t.stem)
                .collect()
        })
        .collect()
}

/// How far a window may stretch or shrink to start or end where a sentence does.
const SLACK: usize = 60;

/// Where a sentence starts near a window's start `at`: after ". " (or "! ", "? ",
/// "; ") between `at - SLACK` and the first match, the one closest to `at`.
fn sentence_start(text: &str, at: usize, first_match: usize) -> Option<usize> {
    let from = at.saturating_sub(SLACK);
    (from..first_match.min(text.len()))
        .filter(|&i| i > 0 && text.is_char_boundary(i))
        .filter(|&i| {
            let before = &text[..i];
            before.ends_with(". ")
                || before.ends_with("! ")
                || before.ends_with("? ")
                || before.ends_with("; ")
        })
        .min_by_key(|&i| i.abs_diff(at))
}

/// Where to end a window near `at`, never before the last match: a sentence end
/// (". ", "; ", "! ", "? ") within `SLACK` bytes of `at`, else a clause end (", ",
/// ": ", " – ") within half that, the one closest to `at`. The cut keeps the
/// punctuation and drops the space.
fn boundary_end(text: &str, at: usize, last_match: usize) -> Option<usize> {
    let lo = last_match.max(at.saturating_sub(SLACK));
    let ends_with = |i: usize, marks: &[&str]| marks.iter().any(|m| text[..i].ends_with(m));
    let near = |slack: usize, marks: &[&str]| {
        (lo..=(at + slack).min(text.len()))
            .filter(|&i| i > last_match && text.is_char_boundary(i) && text[i..].starts_with(' '))
            .filter(|&i| ends_with(i, marks))
            .min_by_key(|&i| i.abs_diff(at))
    };
    near(SLACK, &[".", ";", "!", "?"]).or_else(|| near(SLACK / 2, &[",", ":", " –", " —"]))
}

/// The last space at or before `at` (a char boundary), or `at` itself.
fn cut_at_space(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text[..at].rfind(' ').filter(|&p| p > at / 2).unwrap_or(at)
}

fn next_word_start(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..].find(' ') {
        Some(p) if p < 30 => at + p + 1,
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_come_in_bytes_and_in_characters() {
        let text = "Côte d'Ivoire backs the escrow rules";
        let at = text.find("escrow").unwrap();
        let snippet = Snippet {
            text: text.to_owned(),
            highlights: vec![[at, at + 6]],
        };
        let json = serde_json::to_value(&snippet).unwrap();
        assert_eq!(json["highlights"], serde_json::json!([[25, 31]]));
        // "ô" is two bytes and one character.
        assert_eq!(json["highlights_chars"], serde_json::json!([[24, 30]]));
        let chars: String = text.chars().skip(24).take(6).collect();
        assert_eq!(chars, "escrow");
        assert_eq!(char_ranges("ô", &[[1, 9]]), vec![[0, 1]]);
    }

    fn terms(words: &[&str], phrases: &[&[&str]]) -> Terms {
        let mut a = analyzer::analyzer();
        let mut t = Terms::default();
        for w in words {
            t.add_words(
                analyzer::terms(&mut a, w)
                    .into_iter()
                    .map(|x| x.stem)
                    .collect(),
            );
        }
        for p in phrases {
            t.add_phrase(
                analyzer::terms(&mut a, &p.join(" "))
                    .into_iter()
                    .map(|x| x.stem)
                    .collect(),
            );
        }
        t
    }

    #[test]
    fn stems_match_and_phrases_are_one_span() {
        let text = "Escrows and the task force; a force of tasks.";
        let r = match_ranges(text, &terms(&["escrow"], &[&["task", "force"]]));
        let shown: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown, vec!["Escrows", "task force"]);
    }

    #[test]
    fn words_passed_over_unstemmed_are_the_ones_that_cannot_match() {
        // A British spelling whose American form begins with another letter still
        // lights up ("gaol" for "jail"), as do acronyms written in capitals, a phrase
        // and its words in other letters' company.
        let text = "The gaol, the Jails, WHO and the ghost nets of the Pacific.";
        let r = match_ranges(text, &terms(&["jail", "WHO"], &[&["ghost", "nets"]]));
        let shown: Vec<&str> = r.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown, vec!["gaol", "Jails", "WHO", "ghost nets"]);
        // Every word's key begins with the word's own first letter, but where the
        // highlighter is told it may not: checked over the lexicon's spellings and a
        // sample of words of every shape.
        let mut words: Vec<String> = crate::index::lexicon::spellings()
            .iter()
            .flat_map(|(gb, us)| [gb.clone(), us.clone(), format!("{gb}s"), format!("{gb}ed")])
            .collect();
        words.extend(
            "Côte Ökonomie ÉTATS Ωmega LDCs SIDS sdgs organisations centred labouring gaols oedemas 3rd x"
                .split(' ')
                .map(str::to_owned),
        );
        let mut folded = analyzer::folded();
        for w in &words {
            for t in analyzer::terms(&mut folded, w) {
                let key = analyzer::key(&t.stem);
                assert!(
                    analyzer::first_lower(&key) == analyzer::first_lower(&t.stem)
                        || analyzer::first_changed_by_key(&t.stem),
                    "{} -> {key}",
                    t.stem
                );
            }
        }
    }

    #[test]
    fn snippets_end_where_a_sentence_or_clause_does() {
        let before = "The delegation has studied the trade for years and reports on it every spring to the capital. ".repeat(3);
        let after = " Belgium asks the Commission to study how couriers are paid and how parcels are traced across the borders of the Union. ".repeat(3);
        let text = format!("{before}On the darknet escrow services keep the money until delivery is confirmed, which protects the buyer.{after}");
        let s = snippets(&text, &terms(&["darknet", "escrow"], &[]), 1);
        assert_eq!(s.len(), 1);
        let t = &s[0].text;
        assert!(
            t.contains("darknet escrow services keep the money until delivery is confirmed"),
            "{t}"
        );
        // It opens on a sentence and closes at one (or a clause), never mid-phrase.
        let opening = t.trim_start_matches('…');
        assert!(opening.starts_with(char::is_uppercase), "{t}");
        assert!(text.contains(&format!(". {}", &opening[..20])), "{t}");
        let body = t.trim_end_matches('…');
        assert!(body.ends_with(['.', ';', ',', ':']), "{t}");
    }

    #[test]
    fn long_passages_give_several_snippets_around_matches() {
        let filler = "nothing to see in this sentence at all. ".repeat(12);
        let text = format!(
            "Escrow services matter. {filler} Later the darknet escrow again. {filler} Trade ends."
        );
        let s = snippets(&text, &terms(&["escrow", "darknet", "trade"], &[]), 3);
        assert!(s.len() >= 2, "{s:?}");
        for snip in &s {
            assert!(
                snip.text.len() <= WINDOW + 2 * SLACK + 8,
                "{}",
                snip.text.len()
            );
            for [a, b] in &snip.highlights {
                let word = &snip.text[*a..*b].to_lowercase();
                assert!(
                    word.contains("escrow") || word.contains("darknet") || word == "trade",
                    "{word}"
                );
            }
        }
        assert!(s.iter().any(|x| x.text.contains("darknet escrow")));
        assert!(s.iter().any(|x| x.text.contains("Trade")));
    }

    #[test]
    fn a_window_that_only_repeats_a_word_shown_is_no_snippet() {
        let filler = "nothing to see in this sentence at all. ".repeat(12);
        let text = format!(
            "We thank the United States. {filler} Small island states face sea level rise, and more. {filler} End."
        );
        let t = terms(&["island", "state", "sea", "level", "rise"], &[]);
        let s = snippets(&text, &t, 3);
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(s[0].text.contains("sea level rise"), "{s:?}");
        // Nor is a window where a word shown comes back, however often.
        let text = format!(
            "Debt relief is what we ask. {filler} Debt, debts and more debt. {filler} End."
        );
        let s = snippets(&text, &terms(&["debt", "relief"], &[]), 3);
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(s[0].text.contains("Debt relief"), "{s:?}");
        // Words of the query side by side make the better window.
        let text = format!(
            "Nuclear threats grow, and the Nuclear-Test-Ban Treaty waits. {filler} We suffered 456 nuclear tests. {filler} End."
        );
        let s = snippets(&text, &terms(&["nuclear", "tests"], &[]), 3);
        assert_eq!(s.len(), 1, "{s:?}");
        assert!(s[0].text.contains("456 nuclear tests"), "{s:?}");
        // A window that shows a word the first does not is still a snippet.
        let text = format!(
            "Escrow services matter. {filler} Later the darknet trade again. {filler} End."
        );
        let s = snippets(&text, &terms(&["escrow", "darknet", "trade"], &[]), 3);
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn short_passages_are_whole() {
        let s = snippets("A short escrow passage.", &terms(&["escrow"], &[]), 3);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "A short escrow passage.");
        assert_eq!(s[0].highlights, vec![[8, 14]]);
    }
}
