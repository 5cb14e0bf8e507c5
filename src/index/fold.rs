//! One paper saved in several formats (the .pdf, .docx and .md of one paper sit side
//! by side in real folders) is one paper: caucus indexes one of the files and folds
//! the others into it, so `who`, `search`, `list` and the blocs count it once.
//!
//! Two files are the same paper when they name the same country, committee and
//! topics and their texts share most of their three-word runs. The runs are compared
//! through a bottom-k sketch kept in the per-file record (the smallest hashes of a
//! paper's runs), so a file that did not change is never read again to decide.
//!
//! A bottom-k sketch estimates the same Jaccard similarity as a MinHash signature of
//! the same length, with one hash per run instead of one per run and slot: the
//! MinHash with 48 slots took 14 % of an index build's CPU time (`BENCHMARKS.md`,
//! "Stop 21", item 2).

use super::state::{FileState, Files, PaperHead};
use crate::paper::{Paper, SectionKind};
use std::collections::BTreeMap;

/// Sketch length: the share of shared hashes among the smallest of both papers'
/// runs estimates the Jaccard similarity of their runs within about ±0.09.
const SLOTS: usize = 48;
/// Words a sketch reads: plenty for any paper, bounded for a pasted book.
const MAX_WORDS: usize = 50_000;
/// Estimated similarity from which two papers are one. The PDF and the DOCX of one
/// paper differ only by page furniture and line-break hyphens, well above this;
/// two delegations' papers on one topic share far less.
pub const SAME_PAPER: f64 = 0.5;

/// The bottom-k sketch of a paper's prose (bibliography left out): the distinct
/// smallest hashes of its three-word runs, ascending, or empty when the paper has
/// too little text to tell.
pub fn signature(paper: &Paper) -> Vec<u32> {
    let mut words = 0usize;
    // The hashes of the last three words, the newest last.
    let mut last = [0u64; 3];
    let mut sketch: Vec<u32> = Vec::with_capacity(SLOTS + 1);
    'passages: for p in &paper.passages {
        if paper
            .section_of(p)
            .is_some_and(|s| s.kind == SectionKind::Bibliography)
        {
            continue;
        }
        for w in p.text.split(|c: char| !c.is_alphanumeric()) {
            if w.is_empty() {
                continue;
            }
            if words == MAX_WORDS {
                break 'passages;
            }
            words += 1;
            last = [last[1], last[2], word_hash(w)];
            if words >= 3 {
                let run = mix(last[0] ^ mix(last[1] ^ mix(last[2])));
                keep_smallest(&mut sketch, (run >> 32) as u32);
            }
        }
    }
    if words < 12 {
        return Vec::new();
    }
    sketch
}

/// Adds a hash to an ascending sketch if it is among the `SLOTS` smallest.
fn keep_smallest(sketch: &mut Vec<u32>, h: u32) {
    if sketch.len() == SLOTS && sketch.last().is_some_and(|&top| h >= top) {
        return;
    }
    if let Err(at) = sketch.binary_search(&h) {
        sketch.insert(at, h);
        sketch.truncate(SLOTS);
    }
}

/// FNV-1a over a word in lower case. Written out rather than taken from a hashing
/// crate: sketches are kept in the per-file record, so the hash must not change
/// when a dependency does.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| eat(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut eat);
        }
    }
    h
}

/// splitmix64's finaliser: a well-mixed hash of a word run from its words' hashes.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Estimated Jaccard similarity of two sketches (0 when either is empty): of the k
/// smallest hashes of both papers together (k the shorter sketch's length), the
/// share that both papers have.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let k = a.len().min(b.len());
    if k == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut taken, mut both) = (0, 0, 0, 0);
    while taken < k && i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
        taken += 1;
    }
    both as f64 / k as f64
}

/// Which file of a group is indexed: the format that keeps a paper's structure best,
/// then the shorter path, then the path itself.
fn preference(rel: &str) -> (u8, usize, String) {
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let rank = match ext.as_str() {
        "md" | "markdown" => 0,
        "docx" => 1,
        "odt" => 2,
        "html" | "htm" => 3,
        "txt" => 4,
        "pdf" => 5,
        _ => 6,
    };
    (rank, rel.len(), rel.to_owned())
}

/// The files that may be copies of each other share country, committee and topics:
/// one text given under two topics (a speech reused, a benchmark's copies) is two
/// papers, as each topic's search must find it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Group {
    country: String,
    committee: Option<String>,
    topics: Vec<String>,
}

impl Group {
    pub fn of(f: &FileState) -> Group {
        Group::of_head(&f.head())
    }

    fn of_head(head: &PaperHead) -> Group {
        let mut topics: Vec<String> = head.topics.iter().map(|t| t.to_lowercase()).collect();
        topics.sort();
        Group {
            country: head.country.to_owned(),
            committee: head.committee.map(|(code, _)| code.to_owned()),
            topics,
        }
    }
}

/// The groups a run changed (their files read, changed or removed): only there can
/// what is a copy of what change.
#[derive(Debug, Default)]
pub struct Among {
    groups: std::collections::BTreeSet<Group>,
    /// Their countries, to tell most files apart without a key.
    countries: std::collections::BTreeSet<String>,
}

impl Among {
    pub fn add(&mut self, f: &FileState) {
        let g = Group::of(f);
        self.countries.insert(g.country.clone());
        self.groups.insert(g);
    }

    /// Whether `f` is in one of the groups.
    pub fn holds(&self, f: &FileState) -> bool {
        // Cheap first: most files are in no group asked for.
        self.countries.contains(f.country()) && self.groups.contains(&Group::of(f))
    }
}

/// For every file that is another file's copy: its path -> the path indexed instead.
pub fn folds(files: &Files) -> BTreeMap<String, String> {
    folds_among(files, None)
}

/// [`folds`] decided only among the files of these groups (all files with None): a
/// run that changed a few files need not compare the others again.
pub fn folds_among(files: &Files, only: Option<&Among>) -> BTreeMap<String, String> {
    // Candidates share a group; compare within groups only.
    type Members<'a> = Vec<(&'a str, Vec<u32>)>;
    let mut groups: BTreeMap<Group, Members> = BTreeMap::new();
    for (rel, f) in &files.files {
        if only.is_some_and(|o| !o.holds(f)) {
            continue;
        }
        let paper = f.paper();
        if paper.signature.is_empty() {
            continue;
        }
        let group = Group {
            country: paper.country,
            committee: paper.committee.map(|(code, _)| code),
            topics: {
                let mut topics: Vec<String> =
                    paper.topics.iter().map(|t| t.to_lowercase()).collect();
                topics.sort();
                topics
            },
        };
        groups
            .entry(group)
            .or_default()
            .push((rel.as_str(), paper.signature));
    }
    let mut out = BTreeMap::new();
    for members in groups.values() {
        if members.len() < 2 {
            continue;
        }
        // Union-find over the pairs that read as one paper.
        let mut parent: Vec<usize> = (0..members.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                if similarity(&members[i].1, &members[j].1) >= SAME_PAPER {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
        let mut clusters: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for (i, (rel, _)) in members.iter().enumerate() {
            let r = root(&mut parent, i);
            clusters.entry(r).or_default().push(rel);
        }
        for cluster in clusters.values().filter(|c| c.len() > 1) {
            let keep = cluster
                .iter()
                .min_by_key(|rel| preference(rel))
                .copied()
                .unwrap_or_default();
            for rel in cluster.iter().filter(|rel| **rel != keep) {
                out.insert((*rel).to_owned(), keep.to_owned());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::state::PaperRecord;

    fn state(country: &str, committee: &str, topics: &[&str], signature: Vec<u32>) -> FileState {
        let paper = PaperRecord {
            country: country.to_owned(),
            committee: Some((committee.to_owned(), committee.to_owned())),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            signature,
            ..PaperRecord::default()
        };
        FileState::new(1, 1, 1, &paper)
    }

    fn sig(text: &str) -> Vec<u32> {
        use crate::paper::formats::{Format, Limits};
        let paper = crate::paper::read_bytes(
            Format::Text,
            text.as_bytes(),
            std::path::Path::new("x.txt"),
            &Limits::default(),
        )
        .unwrap();
        signature(&paper)
    }

    const PAPER: &str = "Country: Chile\nCommittee: CND\nTopic: Drugs\n\nChile has long worked with its neighbours against the trade in drugs that crosses the Andes, and it calls for a regional task force on darknet markets that trace escrow payments. Chile also funds alternative development for coca growers in the north.\n\nChile proposes that the Commission share seizure data every month and train customs officers in tracing cryptocurrency.\n";

    #[test]
    fn the_same_text_with_furniture_is_one_paper_and_another_is_not() {
        let a = sig(PAPER);
        let b = sig(&PAPER.replace("Chile also funds", "Page 2 of 3\n\nChile also funds"));
        let other = sig("Country: Peru\nCommittee: CND\nTopic: Drugs\n\nPeru asks the Commission to protect farmers of coca leaf and to treat addiction as a matter of public health, while it opposes any task force that would send foreign police into the Andes without the consent of the governments concerned.\n");
        assert_eq!(a.len(), SLOTS);
        assert!(similarity(&a, &b) >= SAME_PAPER, "{}", similarity(&a, &b));
        assert!(similarity(&a, &other) < 0.2, "{}", similarity(&a, &other));
        assert!(sig("Country: Chile\n\nToo short.").is_empty());
    }

    #[test]
    fn the_sketch_estimates_the_share_of_word_runs_two_papers_have() {
        // Papers of distinct made-up words: the first `shared` words are the same in
        // both, the rest differ, so the exact Jaccard similarity of their runs is known.
        let words = |prefix: &str, n: usize| -> Vec<String> {
            (0..n).map(|i| format!("{prefix}{i}x")).collect()
        };
        let paper = |ws: &[String]| {
            format!(
                "Country: Chile\nCommittee: CND\nTopic: Drugs\n\n{}.\n",
                ws.join(" ")
            )
        };
        for shared in [0, 100, 250, 400, 500] {
            let a = words("a", 500);
            let mut b = a[..shared].to_vec();
            b.extend(words("b", 500 - shared));
            let runs = |ws: &[String]| -> std::collections::BTreeSet<String> {
                ws.windows(3).map(|w| w.join(" ")).collect()
            };
            let (ra, rb) = (runs(&a), runs(&b));
            let exact = ra.intersection(&rb).count() as f64 / ra.union(&rb).count() as f64;
            let (sa, sb) = (sig(&paper(&a)), sig(&paper(&b)));
            assert_eq!(sa.len(), SLOTS);
            assert!(sa.windows(2).all(|w| w[0] < w[1]), "ascending, distinct");
            let est = similarity(&sa, &sb);
            assert!(
                (est - exact).abs() <= 0.15,
                "{shared} shared: {est} vs {exact}"
            );
        }
    }

    #[test]
    fn copies_fold_into_the_best_format_and_strangers_stay() {
        let a = sig(PAPER);
        let mut files = Files::default();
        for rel in ["chile.pdf", "chile.docx", "sub/chile-final.md"] {
            files
                .files
                .insert(rel.to_owned(), state("Chile", "CND", &[], a.clone()));
        }
        // Same text, another committee or another topic: not the same paper.
        files.files.insert(
            "chile-hrc.txt".to_owned(),
            state("Chile", "HRC", &[], a.clone()),
        );
        let other_topic = state("Chile", "CND", &["Alternative Development"], a.clone());
        files.files.insert("chile-b.txt".to_owned(), other_topic);
        let folds = folds(&files);
        assert_eq!(folds.len(), 2, "{folds:?}");
        assert_eq!(folds["chile.pdf"], "sub/chile-final.md");
        assert_eq!(folds["chile.docx"], "sub/chile-final.md");
    }
}
