//! Stance: whether a passage supports, opposes or only mentions what a query matched, and a
//! country's stance from its passages. Rule-based, over the cue lexicon in `stance_cues.tsv`.
//!
//! How a passage is read, sentence by sentence (those holding a match, the next one when it
//! refers back with "it"/"this", and the line introducing a list item):
//! - A cue takes a side on its object, the words after it up to the end of its clause
//!   ("Russia rejects X"), or on its subject ("X is premature", "X would undermine Y").
//! - Cues inside a cue's object compose: "rejects attempts to undermine X" and "opposes any
//!   weakening of X" support X; "calls for an end to X", "calls for the lifting of X" oppose
//!   it. A coordinated cue starts again from the first one ("against A and against B").
//! - A negation turns the next cue within five words ("does not support", "will never
//!   accept"); with no cue it turns what follows ("weapons that operate without X should be
//!   prohibited" supports X; "there must be no X" opposes X). "not only" is no negation.
//! - Beliefs ("believes", "considers", "notes that") take no side themselves but pass their
//!   negation on ("does not consider it necessary to negotiate X" opposes X).
//! - A conceded clause ("while we respect X,", "although", "despite") does not count; the
//!   main clause decides, and may refer back to X ("..., Russia rejects them").
//! - Said by others is no stance: "some states advocate X", "critics argue", "the Assembly
//!   rejected X", "fifty states have endorsed X"; but "States should adopt X" (a modal) and
//!   "proposes that the Council recognise X" are the author's.
//! - A cue counts only when its object holds most of the query's words in the sentence, so
//!   "condemns drug trafficking" takes no side on "a task force against drug trafficking".
//!   Where the sentence names the whole query, the stance must be on that occurrence.
//! - A list item, or a sentence of a proposals section, is a proposal: a weak stance for its
//!   head noun phrase and examples, unless its first clause states something ("2. Another
//!   issue is ...") or it proposes to study X ("research on X").
//! - A measure on a harm opposes the harm ("a task force on darknet markets"), as does a
//!   restriction named after the query ("spyware controls", "the Treaty on the Prohibition
//!   of Nuclear Weapons"); comparisons ("would do more than a new treaty") and ", not X,"
//!   set X aside.
//! - Both sides in one sentence are mixed: a conceded explicit stance against the main
//!   clause's ("while we support X, we reject ..."), or a fallback ("a vote when consensus
//!   fails").
//! - Names are not cues ("the Strategy for Preventing ..."), nor are weak cues in the past
//!   tense ("established a working group"), unless the author did it ("Canada adopted X",
//!   "the 2022 Act established X"); practices ("applies", "hosted") count only then.

mod lexicon;
mod rules;
mod sentence;
#[cfg(test)]
mod tests;

pub use rules::lead_proposes;
use rules::*;
use sentence::*;
use serde::{Deserialize, Serialize, Serializer};
use std::ops::Range;

/// Where a country stands on what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Support,
    Oppose,
    Mixed,
    Mention,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Mixed => "mixed",
            Stance::Mention => "mention",
        }
    }

    /// Reads `support`, `oppose`, `mixed` or `mention` (any case; `supports`, `opposes`,
    /// `mentions` and `against`/`for` are accepted too).
    pub fn parse(s: &str) -> Option<Stance> {
        match s.trim().to_ascii_lowercase().as_str() {
            "support" | "supports" | "for" => Some(Stance::Support),
            "oppose" | "opposes" | "against" => Some(Stance::Oppose),
            "mixed" => Some(Stance::Mixed),
            "mention" | "mentions" => Some(Stance::Mention),
            _ => None,
        }
    }
}

impl std::fmt::Display for Stance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

fn range_pair<S: Serializer>(r: &Range<usize>, s: S) -> Result<S::Ok, S::Error> {
    [r.start, r.end].serialize(s)
}

/// Evidence for one passage's stance: the sentence and the cue words, as byte ranges into
/// the passage text. `explicit` is true when a strong cue decided it ("rejects", "calls
/// for", "will not support", "is essential") and false for a weak one ("welcomes", "is
/// concerned", "encourages", "believes", "does not oppose"), or for a mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub stance: Stance,
    #[serde(serialize_with = "range_pair")]
    pub sentence: Range<usize>,
    pub cues: Vec<[usize; 2]>,
    pub explicit: bool,
}

/// One country's stance from its passages' evidence. `support` and `oppose` count the
/// passages taking that side (a mixed passage counts in both), `mention` those taking none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryStance {
    pub stance: Stance,
    /// 0..1: how many passages take the side and how explicitly, net of the other side.
    pub strength: f32,
    pub support: usize,
    pub oppose: usize,
    pub mention: usize,
}

/// One country's stance: the side its passages take, weighing an explicit passage twice a
/// weak one. Mixed only when both sides are taken explicitly and the smaller side weighs at
/// least half the larger; mention when no passage takes a side (or weak cues cancel out).
pub fn country_stance(evidence: &[Evidence]) -> CountryStance {
    let (mut support, mut oppose, mut mention) = (0, 0, 0);
    let (mut sw, mut ow) = (0u32, 0u32);
    let (mut s_explicit, mut o_explicit) = (false, false);
    for e in evidence {
        let w = if e.explicit { 2 } else { 1 };
        match e.stance {
            Stance::Support => {
                support += 1;
                sw += w;
                s_explicit |= e.explicit;
            }
            Stance::Oppose => {
                oppose += 1;
                ow += w;
                o_explicit |= e.explicit;
            }
            Stance::Mixed => {
                support += 1;
                oppose += 1;
                sw += w;
                ow += w;
                s_explicit |= e.explicit;
                o_explicit |= e.explicit;
            }
            Stance::Mention => mention += 1,
        }
    }
    let (hi, lo) = (sw.max(ow), sw.min(ow));
    let stance = if hi == 0 {
        Stance::Mention
    } else if s_explicit && o_explicit && lo * 2 >= hi {
        Stance::Mixed
    } else if sw == ow {
        Stance::Mention
    } else if sw > ow {
        Stance::Support
    } else {
        Stance::Oppose
    };
    let strength = match stance {
        Stance::Mention => 0.0,
        Stance::Mixed => lo as f32 / hi as f32,
        _ => {
            let margin = (hi - lo) as f32;
            margin / (margin + 2.0)
        }
    };
    CountryStance {
        stance,
        strength,
        support,
        oppose,
        mention,
    }
}

/// What people live under: "under occupation", "under siege", "under sanctions".
const UNDER_CONDITIONS: &[&str] = &[
    "occupation",
    "siege",
    "sanctions",
    "blockade",
    "embargo",
    "threat",
    "attack",
    "fire",
    "bombardment",
    "pressure",
    "rule",
    "oppression",
    "domination",
    "colonialism",
];

/// Stance of one passage toward what the query matched. `matches` are the byte ranges in
/// `text` where the query's words were found; the stance is judged in the sentences holding
/// them, with the sentence after when it refers back ("It would undermine ..."), and a list
/// item takes the stance of the line introducing it ("Belgium proposes:").
pub fn passage_stance(text: &str, matches: &[Range<usize>]) -> Evidence {
    passage_stance_in(text, matches, &Reading::default())
}

/// A passage written in capitals throughout, in lower case but for the first letter of
/// each sentence, with every byte where it was; `None` for any other passage. Read as
/// written, every word of it would look like part of a name or a title.
fn unshout(text: &str) -> Option<String> {
    let (upper, lower) = text.bytes().fold((0usize, 0usize), |(u, l), b| {
        (
            u + usize::from(b.is_ascii_uppercase()),
            l + usize::from(b.is_ascii_lowercase()),
        )
    });
    if upper < 20 || upper < 4 * lower {
        return None;
    }
    let mut out = text.as_bytes().to_vec();
    // Whether the next letter opens a sentence: at the start, and after a full stop,
    // question or exclamation mark and a space.
    let (mut opens, mut after_stop) = (true, false);
    for b in &mut out {
        if b.is_ascii_alphabetic() {
            if !opens {
                b.make_ascii_lowercase();
            }
            opens = false;
            after_stop = false;
        } else if matches!(*b, b'.' | b'!' | b'?') {
            after_stop = true;
        } else if b.is_ascii_whitespace() && after_stop {
            opens = true;
        } else if !matches!(*b, b'"' | b'\'' | b')' | b']') {
            after_stop = false;
        }
    }
    String::from_utf8(out).ok()
}

/// True when the word at `m` is a name paired with another: joined by a hyphen ("Hamas"
/// in "the Israel-Hamas conflict") or by "between ... and" ("talks between Freedonia and
/// Sylvania"). Not when the other name is asked for too ("Asia-Pacific", "Armenia
/// Azerbaijan"): then the pair is what the query names.
fn paired_name(text: &str, m: &Range<usize>, matches: &[Range<usize>]) -> bool {
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    if !text.get(m.clone()).is_some_and(capital) {
        return false;
    }
    let asked = |from: usize, to: usize| {
        matches
            .iter()
            .any(|o| o != m && o.start < to && from < o.end)
    };
    let before = text.get(..m.start).unwrap_or("");
    let after = text.get(m.end..).unwrap_or("");
    let joined_before = before.strip_suffix(['-', '\u{2011}']).is_some_and(|b| {
        let w = b
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        capital(w) && !asked(b.len() - w.len(), b.len())
    });
    let joined_after = after.strip_prefix(['-', '\u{2011}']).is_some_and(|a| {
        let at = text.len() - a.len();
        capital(a) && !asked(at, at + 1)
    });
    // "negotiations between Freedonia and Sylvania": the relation, not either side.
    let words: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    let between = |w: &&str| w.eq_ignore_ascii_case("between");
    let rest = after.trim_start();
    let first_of_pair = words.first().is_some_and(between)
        && rest
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("and "))
        && {
            // The other name, after "and" and perhaps "the".
            let at = text.len() - rest.len() + 4;
            !asked(at, (at + 20).min(text.len()))
        };
    let second_of_pair = words.first() == Some(&"and")
        && words[1..].iter().position(between).is_some_and(|p| {
            p >= 1
                && words[1..1 + p].iter().all(|w| capital(w) || *w == "the")
                && !asked(m.start.saturating_sub(60), m.start)
        });
    joined_before || joined_after || first_of_pair || second_of_pair
}

/// What is known of a passage beyond its text.
#[derive(Debug, Clone, Default)]
pub struct Reading<'a> {
    /// It is in the paper's proposals section ("Proposed Solutions", "Recommendations"):
    /// every sentence is read as a list item is, a proposal of what it names unless its
    /// own cues say otherwise.
    pub proposals: bool,
    /// The country that wrote it: what it did at home is where it stands ("Canada
    /// adopted ...").
    pub author: &'a str,
    /// How many words or phrases the query has (0: unknown), when the passage may
    /// hold only some of them (a piece of a paragraph the query matched as a whole).
    pub query_words: usize,
}

/// `passage_stance` with what is known of the passage beyond its text.
pub fn passage_stance_in(text: &str, matches: &[Range<usize>], reading: &Reading) -> Evidence {
    let lowered = unshout(text);
    let text = lowered.as_deref().unwrap_or(text);
    let proposals = reading.proposals;
    // The words naming the author in any of its names ("Kyrgyzstan", "the Kyrgyz
    // Republic"; "Türkiye", "Turkey"), less those many names share ("Republic",
    // "United").
    let names = crate::paper::countries::lookup(reading.author)
        .map(|c| {
            let mut n = vec![c.official];
            n.extend_from_slice(c.aliases);
            n
        })
        .unwrap_or_default();
    let mut author: Vec<String> = std::iter::once(reading.author)
        .chain(names)
        .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
        .map(str::to_lowercase)
        .filter(|w| w.len() > 3 && !NAME_FILLERS.contains(&w.as_str()))
        .collect();
    author.sort();
    author.dedup();
    // One range per word: a phrase highlighted whole ("digital divide") is two words of
    // the query.
    let matches: Vec<Range<usize>> = matches
        .iter()
        .filter(|m| m.start < m.end && text.get((*m).clone()).is_some())
        .flat_map(|m| {
            tokenize(&text[m.clone()], m.start)
                .into_iter()
                .filter(|t| t.word)
                .map(|t| t.start..t.end)
        })
        .collect();
    let sents = sentences(text);
    let mention = |sentence: Range<usize>| Evidence {
        stance: Stance::Mention,
        sentence,
        cues: Vec::new(),
        explicit: false,
    };
    // "the Russia-Ukraine war", "the Israel-Hamas conflict": a name paired with another
    // names what is between them, and a side taken on it is none on either.
    let (paired, matches): (Vec<Range<usize>>, Vec<Range<usize>>) = matches
        .iter()
        .cloned()
        .partition(|m| paired_name(text, m, &matches));
    if matches.is_empty() {
        let sentence = paired
            .first()
            .and_then(|m| sents.iter().find(|s| s.start <= m.start && m.end <= s.end))
            .cloned()
            .unwrap_or(0..0);
        return mention(sentence);
    }
    let holding: Vec<usize> = (0..sents.len())
        .filter(|&s| {
            matches
                .iter()
                .any(|m| m.start < sents[s].end && sents[s].start < m.end)
        })
        .collect();
    let Some(&first) = holding.first() else {
        return mention(0..0);
    };
    let match_keys: Vec<String> = matches.iter().map(|m| word_key(text, m)).collect();
    let mut all_keys = match_keys.clone();
    all_keys.sort();
    all_keys.dedup();

    // The query names a harm ("darknet markets", "the digital divide", "abandoned fishing
    // gear") when the head of its longest run in the passage does.
    let all: Vec<(usize, i8)> = (0..matches.len()).map(|m| (m, 0)).collect();
    let longest_run = best_run(text, &matches, &match_keys, all.clone()).map_or(0, |r| r.keys);
    // How many words the query has: its words found, unless synonyms highlighted beside
    // them ("capital punishment" for "death penalty") add words of their own, when its
    // longest run in the passage tells better.
    let query_words = if longest_run >= 2 {
        longest_run.min(all_keys.len())
    } else {
        all_keys.len()
    };
    let harm = best_run(text, &matches, &match_keys, all).is_some_and(|r| {
        let words: Vec<String> = (r.first..=r.last)
            .map(|m| text.get(matches[m].clone()).unwrap_or("").to_lowercase())
            .collect();
        let any_modifier = matches.iter().any(|m| {
            let w = text.get(m.clone()).unwrap_or("").to_lowercase();
            HARM_MODIFIERS.iter().any(|h| w.starts_with(h))
        });
        // A query with words outside that run may name something else ("Convention
        // against Cybercrime").
        names_harm(&words, any_modifier, r.keys == all_keys.len())
    }) || lone_harm(text, &matches);
    let side = |ch: &Chain| -> i8 {
        // The side a chain takes: on the first whole occurrence of the query it governs
        // (its object), else its own. "Investment in digital literacy to close the digital
        // divide" takes its side on "the digital divide", not on "digital literacy".
        let Some(run) = best_run(text, &matches, &match_keys, ch.governed.clone()) else {
            return ch.pol;
        };
        // The rules below turn the side taken on the words into the other side on the
        // query ("a world free of nuclear weapons" is against nuclear weapons). On a
        // part of the query that qualifies another noun they may turn it the wrong
        // way: a world free of nuclear weapons is for nuclear disarmament, a fund for
        // victims of nuclear testing is not against it. Such a part takes no side (0);
        // a part that ends its phrase ("discarded fishing gear, including ...") names
        // what the query names.
        let next_word: String = text
            .get(matches[run.last].end..)
            .unwrap_or("")
            .trim_start_matches([' ', '-'])
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let qualifies_another =
            next_word.starts_with(char::is_alphabetic) && !ends_phrase(&next_word);
        let partial = qualifies_another && run.keys < all_keys.len().max(reading.query_words);
        // In a piece of a paragraph that lacks some of the query's words, such a part
        // ("victims of nuclear testing" for "nuclear disarmament") says nothing of the
        // query at all.
        if partial && reading.query_words > all_keys.len() {
            return 0;
        }
        let turned = |side: i8| if partial { 0 } else { side };
        // "intrusion software controls", "ghost net removal": the query qualifies a
        // measure that restricts it, and the side taken on the measure is the opposite one
        // on the query.
        let next: String = text
            .get(matches[run.last].end..)
            .unwrap_or("")
            .trim_start_matches([' ', '-'])
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_lowercase();
        if run.keys >= all_keys.len().min(2) && RESTRICTIONS.contains(&next.as_str()) {
            return turned(-run.side);
        }
        // "a darknet task force", "a trafficking unit": a harm qualifying a measure is
        // what the measure acts against.
        if harm && run.side > 0 {
            let after: Vec<String> = text
                .get(matches[run.last].end..)
                .unwrap_or("")
                .split_whitespace()
                .take(2)
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            // Not a study of it ("darknet research").
            let measure = |w: &String| {
                (MEASURE_HEADS.contains(&w.as_str()) || MEASURE_COMPOUNDS.contains(&w.as_str()))
                    && !STUDY.contains(&w.as_str())
            };
            // The measure's head is the first word after the harm, or the second after a
            // first that names no thing ("task force").
            if after.first().is_some_and(measure)
                || (after
                    .first()
                    .is_some_and(|w| MEASURE_COMPOUNDS.contains(&w.as_str()))
                    && after.get(1).is_some_and(measure))
            {
                return turned(-1);
            }
        }
        // "a nuclear-weapon-free zone", "nuclear disarmament", "a world free of nuclear
        // weapons": what is wanted is to be without it.
        let last = text
            .get(matches[run.last].clone())
            .unwrap_or("")
            .to_lowercase();
        let lead = text
            .get(ch.sentence.start..matches[run.first].start)
            .unwrap_or("")
            .to_lowercase();
        let lead = lead
            .trim_end()
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        // "a world free of nuclear weapons", and an example of what it is free of ("a
        // zone free of weapons of mass destruction, in particular nuclear weapons": at
        // most six words after "free of").
        const FREE: [&str; 3] = ["free of", "free from", "safe from"];
        let free_lead = [
            ", in particular",
            ", particularly",
            ", especially",
            ", notably",
            ", including",
            " such as",
        ]
        .iter()
        .find_map(|ex| lead.strip_suffix(ex))
        .and_then(|head| {
            FREE.iter()
                .filter_map(|f| head.rfind(f).map(|p| p + f.len()))
                .max()
                .filter(|&p| head[p..].split_whitespace().count() <= 6)
                .map(|p| &head[..p])
        })
        .unwrap_or(lead);
        let free_of = FREE.iter().any(|f| free_lead.ends_with(f));
        // "a nuclear weapons and WMD-free zone": the "-free" that closes a pair.
        let pair_free = {
            let mut after = text
                .get(matches[run.last].end..)
                .unwrap_or("")
                .split_whitespace()
                .take(3);
            matches!(after.next(), Some("and" | "or"))
                && after.any(|w| {
                    w.trim_end_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                        .ends_with("-free")
                })
        };
        if last.ends_with("-free") || WITHOUT.contains(&next.as_str()) || free_of || pair_free {
            return turned(-run.side);
        }
        // "the right to self-determination of all people under colonial occupation":
        // a condition someone lives under is not what the stance is about.
        let under = lead.split_whitespace().rev().take(3).any(|w| w == "under");
        if under
            && UNDER_CONDITIONS.contains(&last.trim_end_matches(|c: char| !c.is_alphanumeric()))
        {
            return 0;
        }
        // A name that restricts it: "the Treaty on the Prohibition of Nuclear Weapons".
        // (Lowercase, "a ban on X" is a cue and has turned the side already.)
        let before: Vec<&str> = text
            .get(ch.sentence.start..matches[run.first].start)
            .unwrap_or("")
            .split_whitespace()
            .rev()
            .take(3)
            .collect();
        if let [prep, w, ..] = before.as_slice() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if matches!(*prep, "of" | "on" | "Of" | "On")
                && w.starts_with(|c: char| c.is_uppercase())
                && RESTRICTIONS.contains(&w.to_lowercase().as_str())
            {
                return turned(-run.side);
            }
        }
        // A title that acts against it: "the Programme to Combat Marine Litter and
        // Microplastics", "the Convention against Corruption".
        let first_word = text.get(matches[run.first].clone()).unwrap_or("");
        if first_word.starts_with(|c: char| c.is_uppercase()) {
            let title_against = text
                .get(ch.sentence.start..matches[run.first].start)
                .unwrap_or("")
                .split_whitespace()
                .rev()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .take_while(|w| {
                    w.starts_with(|c: char| c.is_uppercase()) || TITLE_LINKS.contains(w)
                })
                .take(8)
                // Lowercase "against" is a cue and has turned the side already.
                .any(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        && TITLE_AGAINST.contains(&w.to_lowercase().as_str())
                });
            if title_against {
                return turned(-run.side);
            }
        }
        // A measure backed on a harm ("a task force on darknet markets", "rules on
        // abandoned gear") is against the harm: it is what the measure acts on.
        if harm && run.side > 0 {
            let at = matches[run.first].start;
            // From the last cue before it, the cue's own last word included ("more
            // attention to X").
            let from = ch
                .cues
                .iter()
                .filter(|c| c[1] <= at)
                .max_by_key(|c| c[1])
                .map_or(ch.sentence.start, |c| {
                    text.get(c[0]..c[1])
                        .and_then(|cue| cue.rfind(' '))
                        .map_or(c[1], |sp| c[0] + sp)
                });
            let between = text.get(from..at).unwrap_or("").to_lowercase();
            if between
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| MEASURE_PREPOSITIONS.contains(&w))
            {
                return turned(-1);
            }
        }
        run.side
    };
    let run_len = |ch: &Chain| -> usize {
        best_run(text, &matches, &match_keys, ch.governed.clone()).map_or(0, |r| r.keys)
    };
    let mut counted: Vec<Chain> = Vec::new();
    let mut anaphoric: Vec<Chain> = Vec::new();
    // Sentences taking both sides: a conceded stance against the main clause's, or a
    // measure kept with a fallback for when it fails.
    let mut mixed: Vec<(Range<usize>, Vec<[usize; 2]>)> = Vec::new();
    for (n, &s) in holding.iter().enumerate() {
        // A question asks; it takes no side of its own ("Who on earth is talking about
        // maintaining first use of nuclear weapons?" is said against what it names).
        if text[sents[s].clone()].trim_end().ends_with('?') {
            continue;
        }
        let chains = sentence_chains(
            text,
            sents[s].clone(),
            &matches,
            true,
            (proposals || is_list_item(&text[sents[s].clone()]))
                && !states_something(&text[sents[s].clone()]),
            &author,
        );
        // A stance counts when its object holds most of the query's words found in the
        // sentence: "condemns drug trafficking" does not take a side on "a task force
        // against drug trafficking".
        let mut here: Vec<&String> = matches
            .iter()
            .zip(&match_keys)
            .filter(|(m, _)| m.start < sents[s].end && sents[s].start < m.end)
            .map(|(_, k)| k)
            .collect();
        here.sort();
        here.dedup();
        let in_sentence = if here.len() <= 3 {
            here.len().div_ceil(2)
        } else {
            here.len() / 2 + 1
        };
        let needed = in_sentence.max(query_words.div_ceil(2)).max(1);
        let mut governed_here = false;
        let here_matches: Vec<(usize, i8)> = (0..matches.len())
            .filter(|&m| matches[m].start < sents[s].end && sents[s].start < matches[m].end)
            .map(|m| (m, 0))
            .collect();
        let whole_here = best_run(text, &matches, &match_keys, here_matches).map_or(0, |r| r.keys);
        let from = counted.len();
        let mut conceded: Vec<Chain> = Vec::new();
        for ch in chains {
            let mut gk: Vec<&String> = ch.governed.iter().map(|(m, _)| &match_keys[*m]).collect();
            gk.sort();
            gk.dedup();
            // Where the sentence names the whole query ("global production caps"), a
            // stance on a word of it elsewhere ("bans on products") does not count.
            let governs = !ch.governed.is_empty()
                && gk.len() >= needed
                && (whole_here < all_keys.len() || run_len(&ch) >= whole_here);
            if ch.void {
                if ch.conceded && ch.strength >= 2 && governs {
                    conceded.push(ch);
                }
                continue;
            }
            if governs {
                governed_here = true;
                counted.push(ch);
            } else if ch.anaphor && ch.governed.is_empty() && ch.after_concession {
                // "While we respect X, Russia rejects them."
                anaphoric.push(ch.clone());
                if conceded.iter().any(|c| side(c) != ch.pol) {
                    let mut cues: Vec<[usize; 2]> =
                        conceded.iter().flat_map(|c| c.cues.clone()).collect();
                    cues.extend(ch.cues.iter().copied());
                    mixed.push((sents[s].clone(), cues));
                }
            } else if ch.anaphor && ch.governed.is_empty() && !ch.cues.is_empty() {
                // "X is not a concession; it is the only way to ...", "does not possess X
                // and has no intention of developing them": a pronoun after the query in its
                // own sentence stands for it.
                let head_at = ch.cues[0][0];
                let last_end = matches
                    .iter()
                    .filter(|m| m.start >= sents[s].start && m.end <= head_at)
                    .map(|m| m.end)
                    .max()
                    .unwrap_or(sents[s].start);
                // Close after it: "... and must be able to stop it" may mean anything.
                let near = text
                    .get(last_end..head_at)
                    .unwrap_or("")
                    .split_whitespace()
                    .count()
                    <= 10;
                let mut before: Vec<&String> = matches
                    .iter()
                    .zip(&match_keys)
                    .filter(|(m, _)| m.start >= sents[s].start && m.end <= head_at)
                    .map(|(_, k)| k)
                    .collect();
                before.sort();
                before.dedup();
                if near && before.len() >= needed.max(all_keys.len().min(2)) {
                    let mut ch = ch;
                    ch.strength = ch.strength.min(1);
                    governed_here = true;
                    counted.push(ch);
                }
            }
        }
        // "While we support X, we cannot accept X that ...": the author on both sides.
        for c in &conceded {
            if let Some(main) = counted[from..].iter().find(|m| side(m) != side(c)) {
                let mut cues = c.cues.clone();
                cues.extend(main.cues.iter().copied());
                mixed.push((sents[s].clone(), cues));
            }
        }
        // "opposes the abuse of X ..., while it supports a fair X": against a form of X and
        // for another.
        if let Some(q) = counted[from..].iter().find(|c| c.qualified) {
            if let Some(main) = counted[from..]
                .iter()
                .find(|m| !m.qualified && m.strength >= 2 && side(m) > 0)
            {
                let mut cues = q.cues.clone();
                cues.extend(main.cues.iter().copied());
                mixed.push((sents[s].clone(), cues));
            }
        }
        if let Some(cues) = fallback(text, sents[s].clone(), &matches) {
            mixed.push((sents[s].clone(), cues));
        }
        // "re-acceded to the Convention ... with a reservation on ...": it is joined with a
        // part of it refused; "prefers the term A to X": what X names is kept under another
        // name. Both sides.
        for c in &counted[from..] {
            let reserved = side(c) > 0 && !c.cues.is_empty();
            let renamed = side(c) < 0
                && c.cues.first().is_some_and(|r| {
                    text.get(r[0]..r[1])
                        .is_some_and(|w| w.to_ascii_lowercase().starts_with("prefer"))
                        && text.get(r[1]..).is_some_and(renaming)
                });
            if reserved {
                if let Some(r) = reservation(text, sents[s].clone()) {
                    let mut cues = c.cues.clone();
                    cues.push(r);
                    mixed.push((sents[s].clone(), cues));
                    break;
                }
            }
            if renamed {
                mixed.push((sents[s].clone(), c.cues.clone()));
                break;
            }
        }
        // A list item under "X proposes:" takes the stance of the line introducing it.
        let mut intro = s;
        while intro > 0 && is_list_item(&text[sents[intro].clone()]) {
            intro -= 1;
        }
        if !governed_here && intro < s && (n == 0 || holding[n - 1] < intro) {
            let prev = sents[intro].clone();
            if text[prev.clone()].trim_end().ends_with(':') {
                for ch in sentence_chains(text, prev, &[], false, false, &author) {
                    if !ch.void && !ch.frame && ch.head_tok < usize::MAX {
                        let mut ch = ch;
                        ch.strength = 1;
                        counted.push(ch);
                        break;
                    }
                }
            }
        }
        // The next sentence, when it refers back: "It would undermine ...". Not to a
        // place ("In X, the war goes on. This conflict must end" says nothing of X), nor
        // with "it" or "this" to one item of a list ("faced with division, conflict,
        // terrorism and violence. Nor can it be advanced ...").
        let here = || {
            matches
                .iter()
                .filter(|m| m.start < sents[s].end && sents[s].start < m.end)
        };
        let only_places = here().all(|m| place_named(text, m));
        let only_listed = here().all(|m| enumerated(text, m));
        let back_to_many = || {
            text[sents.get(s + 1).cloned().unwrap_or(0..0)]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "these" | "those" | "they" | "them" | "such"
                    )
                })
        };
        if s + 1 < sents.len()
            && !only_places
            && (!only_listed || back_to_many())
            && !holding.contains(&(s + 1))
            && !text[sents[s + 1].clone()].trim_end().ends_with('?')
        {
            for ch in sentence_chains(text, sents[s + 1].clone(), &matches, true, false, &author) {
                if !ch.void && ch.anaphor && ch.governed.is_empty() && !governed_here {
                    anaphoric.push(ch);
                }
            }
        }
    }
    if counted.is_empty() {
        counted = anaphoric;
        for ch in &mut counted {
            ch.strength = ch.strength.min(1);
        }
    }
    if let Some((sentence, mut cues)) = mixed.into_iter().next() {
        cues.sort();
        cues.dedup();
        return Evidence {
            stance: Stance::Mixed,
            sentence,
            cues,
            explicit: true,
        };
    }
    // A stance on the whole query ("a production cap ... would protect us") outweighs one
    // on a word of it elsewhere ("reducing how much is produced").
    let longest = counted.iter().map(run_len).max().unwrap_or(0);
    if longest >= 2 {
        counted.retain(|ch| ch.governed.is_empty() || run_len(ch) >= longest);
    }
    let (mut sup, mut opp) = (0u32, 0u32);
    for ch in &counted {
        match side(ch) {
            1.. => sup += ch.strength as u32,
            0 => {}
            _ => opp += ch.strength as u32,
        }
    }
    if sup == 0 && opp == 0 {
        return mention(sents[first].clone());
    }
    let stance = if sup > 0 && opp > 0 && sup.min(opp) * 2 > sup.max(opp) {
        Stance::Mixed
    } else if sup >= opp {
        Stance::Support
    } else {
        Stance::Oppose
    };
    let winners: Vec<&Chain> = counted
        .iter()
        .filter(|ch| match stance {
            Stance::Support => side(ch) > 0,
            Stance::Oppose => side(ch) < 0,
            _ => true,
        })
        .collect();
    let best = winners
        .iter()
        .max_by_key(|ch| (ch.strength, std::cmp::Reverse(ch.sentence.start)))
        .map(|ch| ch.sentence.clone())
        .unwrap_or_else(|| sents[first].clone());
    let mut cues: Vec<[usize; 2]> = winners.iter().flat_map(|ch| ch.cues.clone()).collect();
    cues.sort();
    cues.dedup();
    Evidence {
        stance,
        sentence: best,
        cues,
        explicit: winners.iter().any(|ch| ch.strength >= 2),
    }
}
