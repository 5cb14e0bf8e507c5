//! The cue lexicon (`stance_cues.tsv`): each cue's words, the side it takes and how
//! strongly, read once.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Flags {
    pub(super) support: bool,
    pub(super) oppose: bool,
    pub(super) support_subject: bool,
    pub(super) oppose_subject: bool,
    pub(super) flip: bool,
    pub(super) frame: bool,
    pub(super) negator: bool,
    pub(super) nonneg: bool,
    pub(super) concession: bool,
    pub(super) other: bool,
    pub(super) author: bool,
    /// Made of the query's own words ("banned" for "ban on X"): saying it is done, or
    /// should be, is for the query; negated, against it.
    pub(super) topic: bool,
    /// A practice ("applies", "enacted", "hosted"): a stance only when the author does it.
    pub(super) practice: bool,
}

impl Flags {
    pub(super) fn takes_side(&self) -> bool {
        self.support || self.oppose || self.frame
    }
    pub(super) fn subject_side(&self) -> bool {
        self.support_subject || self.oppose_subject
    }
}

#[derive(Debug)]
pub(super) enum Pat {
    Exact(Vec<String>),
    Prefix(String),
}

impl Pat {
    pub(super) fn hits(&self, w: &str) -> bool {
        match self {
            Pat::Exact(forms) => forms.iter().any(|f| f == w),
            Pat::Prefix(p) => w.starts_with(p.as_str()),
        }
    }
}

#[derive(Debug)]
pub(super) struct Cue {
    pub(super) words: Vec<Pat>,
    pub(super) flags: Flags,
    pub(super) strength: u8,
}

pub(super) struct Lexicon {
    pub(super) cues: Vec<Cue>,
    pub(super) by_first: FxHashMap<String, Vec<usize>>,
    pub(super) prefixed: Vec<usize>,
}

/// The verb forms of a lemma: propose -> proposes, proposed, proposing; commit ->
/// committed; rely -> relies. Over-generating is harmless: the extra forms are not words.
pub(super) fn verb_forms(lemma: &str) -> Vec<String> {
    let mut v = vec![
        lemma.to_owned(),
        format!("{lemma}s"),
        format!("{lemma}es"),
        format!("{lemma}ed"),
        format!("{lemma}d"),
        format!("{lemma}ing"),
    ];
    if let Some(stem) = lemma.strip_suffix('e') {
        v.push(format!("{stem}ing"));
    }
    if let Some(stem) = lemma.strip_suffix('y') {
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
    }
    if let Some(last) = lemma.chars().last() {
        if !"aeiouwy".contains(last) {
            v.push(format!("{lemma}{last}ed"));
            v.push(format!("{lemma}{last}ing"));
        }
    }
    // The past forms no rule makes: "New Zealand fought against the veto", "we
    // stood against", "Chile has long sought".
    if let Some((_, past)) = IRREGULAR.iter().find(|(l, _)| *l == lemma) {
        v.extend(past.iter().map(|p| (*p).to_owned()));
    }
    v
}

/// Irregular past forms of the verbs the cue lexicon conjugates.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("bring", &["brought"]),
    ("fight", &["fought"]),
    ("forbid", &["forbade", "forbidden"]),
    ("hold", &["held"]),
    ("keep", &["kept"]),
    ("leave", &["left"]),
    ("overcome", &["overcame"]),
    ("lend", &["lent"]),
    ("seek", &["sought"]),
    ("see", &["saw", "seen"]),
    ("stand", &["stood"]),
    ("think", &["thought"]),
    ("undertake", &["undertook", "undertaken"]),
];

pub(super) const LEXICON_TSV: &str = include_str!("stance_cues.tsv");

pub(super) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| parse_lexicon(LEXICON_TSV))
}

pub(super) fn parse_lexicon(tsv: &str) -> Lexicon {
    let mut cues = Vec::new();
    for line in tsv.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(cue), Some(class)) = (cols.next(), cols.next()) else {
            continue;
        };
        let strength = cols.next().and_then(|s| s.trim().parse().ok()).unwrap_or(1);
        let mut flags = Flags::default();
        for c in class.split(',') {
            match c.trim() {
                "support" => flags.support = true,
                "oppose" => flags.oppose = true,
                "support-subject" => flags.support_subject = true,
                "oppose-subject" => flags.oppose_subject = true,
                "flip" => flags.flip = true,
                "frame" => flags.frame = true,
                "negator" => flags.negator = true,
                "nonneg" => flags.nonneg = true,
                "concession" => flags.concession = true,
                "other" => flags.other = true,
                "self" => flags.author = true,
                "practice" => flags.practice = true,
                _ => {}
            }
        }
        let words = cue
            .split_whitespace()
            .map(|w| {
                let w = w.to_lowercase();
                if let Some(l) = w.strip_suffix('~') {
                    Pat::Exact(verb_forms(l))
                } else if let Some(p) = w.strip_suffix('*') {
                    Pat::Prefix(p.to_owned())
                } else {
                    Pat::Exact(vec![w])
                }
            })
            .collect::<Vec<_>>();
        if words.is_empty() {
            continue;
        }
        cues.push(Cue {
            words,
            flags,
            strength,
        });
    }
    let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut prefixed = Vec::new();
    for (i, c) in cues.iter().enumerate() {
        match &c.words[0] {
            Pat::Exact(forms) => {
                for f in forms {
                    let e = by_first.entry(f.clone()).or_default();
                    if !e.contains(&i) {
                        e.push(i);
                    }
                }
            }
            Pat::Prefix(_) => prefixed.push(i),
        }
    }
    Lexicon {
        cues,
        by_first,
        prefixed,
    }
}
