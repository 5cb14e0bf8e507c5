//! The features file beside the index (`caucus-features.bin`), a cache of profile
//! features: `index` does not write it; the first comparing command writes what it
//! read, later ones read it back; a passage whose text changed is read again, papers
//! gone from the index leave it, and a damaged or foreign file is ignored and
//! replaced. Whatever the file holds, the commands print what they print without it.

mod common;

use caucus::analysis::similarity::{self, build_scope, load_passages, FeatureOptions};
use caucus::index::features::store::FILE;
use caucus::index::features::FeatureStore;
use caucus::index::PaperIndex;
use common::{repo, run, stderr, stdout};
use std::fs;
use std::path::Path;

fn copy_corpus(dest: &Path) {
    let root = repo().join("corpus");
    for dir in fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let to = dest.join(dir.file_name().unwrap());
        fs::create_dir_all(&to).unwrap();
        for f in fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            fs::copy(&f, to.join(f.file_name().unwrap())).unwrap();
        }
    }
}

fn index(corpus: &Path, index: &Path, extra: &[&str]) {
    let mut args = vec!["index", corpus.to_str().unwrap()];
    args.extend_from_slice(extra);
    let o = run(index, &args);
    assert!(o.status.success(), "indexing failed: {}", stderr(&o));
}

type Described = std::collections::BTreeMap<String, Vec<(u32, u64, Vec<(String, String, u32)>)>>;

/// The file's contents by name.
fn described(index: &Path) -> Described {
    FeatureStore::load(index)
        .expect("a features file that loads")
        .describe()
}

/// What the similarity commands print, text and JSON.
fn outputs(index: &Path) -> Vec<String> {
    let commands: &[&[&str]] = &[
        &["blocs", "--json"],
        &["allies", "Belgium"],
        &["allies", "China", "--opponents", "--json"],
        &["compare", "Belgium", "Netherlands", "--json"],
        &["blocs", "--topic", "drug", "--json"],
    ];
    commands
        .iter()
        .map(|args| {
            let o = run(index, args);
            assert!(o.status.code() != Some(2), "{args:?}: {}", stderr(&o));
            assert!(o.status.success(), "{args:?} failed");
            stdout(&o)
        })
        .collect()
}

#[test]
fn the_first_command_keeps_the_features_and_later_ones_read_them() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, idx) = (tmp.path().join("papers"), tmp.path().join("index"));
    copy_corpus(&corpus);
    index(&corpus, &idx, &[]);
    assert!(!idx.join(FILE).exists(), "indexing does not featurise");
    let first = outputs(&idx);
    let d = described(&idx);
    let belgium = d.get("cnd/belgium.txt").expect("Belgium's paper is kept");
    assert!(!belgium.is_empty());
    let words: Vec<&str> = belgium
        .iter()
        .flat_map(|(_, _, items)| items.iter().map(|(_, s, _)| s.as_str()))
        .collect();
    assert!(words.contains(&"harm reduction"), "{words:?}");
    // Not its own name, ceremony, function words, or its bibliography ("Excise"
    // is only in a reference).
    for gone in ["belgium", "thank", "the", "excise", "customs excise"] {
        assert!(!words.contains(&gone), "{gone} is kept");
    }
    // Read back: the same output, and a command that reads nothing new leaves the
    // file as it was.
    let bytes = fs::read(idx.join(FILE)).unwrap();
    assert_eq!(outputs(&idx), first);
    assert!(fs::read(idx.join(FILE)).unwrap() == bytes);
    // Every committee's profiles are the same read from the file or from the text.
    let pindex = PaperIndex::open(&idx).unwrap();
    let searcher = pindex.searcher().unwrap();
    for committee in ["CND", "DISEC", "HRC", "UNEA"] {
        let kept = similarity::load_scope(&pindex, &searcher, committee, "", None).unwrap();
        let passages = load_passages(&pindex, &searcher, committee, None).unwrap();
        let read = build_scope(committee, "", None, &passages, &FeatureOptions::default());
        let json = |s: &similarity::Scope| {
            let r = similarity::blocs(s, similarity::Cut::Auto).unwrap();
            serde_json::to_string(&r).unwrap()
        };
        assert_eq!(json(&kept), json(&read), "{committee}");
        for c in kept.countries() {
            let a = similarity::allies(std::slice::from_ref(&kept), c, 5, false).unwrap();
            let b = similarity::allies(std::slice::from_ref(&read), c, 5, false).unwrap();
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                serde_json::to_string(&b).unwrap(),
                "{committee} {c}"
            );
        }
    }
}

#[test]
fn after_an_update_changed_passages_are_read_again_and_gone_papers_leave() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, idx) = (tmp.path().join("papers"), tmp.path().join("index"));
    copy_corpus(&corpus);
    index(&corpus, &idx, &[]);
    let before = outputs(&idx);
    let kept_before = described(&idx);
    // A paper changed, one removed, one added, and one saved a second time in
    // another format (folded into the first).
    let belgium = corpus.join("cnd/belgium.txt");
    let text = fs::read_to_string(&belgium).unwrap();
    fs::write(
        &belgium,
        text.replace("harm reduction", "needle exchange programmes"),
    )
    .unwrap();
    fs::remove_file(corpus.join("cnd/china.txt")).unwrap();
    fs::write(
        corpus.join("cnd/atlantis.txt"),
        "Country: Portugal\n\nCommittee: Commission on Narcotic Drugs (CND)\n\nTopic: Online Drug Trafficking\n\nPortugal decriminalised personal possession in 2001 and invests in treatment, outreach and drug checking services.\n",
    )
    .unwrap();
    fs::copy(
        corpus.join("cnd/netherlands.txt"),
        corpus.join("cnd/netherlands-copy.txt"),
    )
    .unwrap();
    // A header now naming another country, over the same body: the features leave
    // out the paper's own country name, so they are read again.
    let portugal = corpus.join("cnd/portugal.txt");
    let text = fs::read_to_string(&portugal).unwrap();
    fs::write(
        &portugal,
        text.replacen("Country: Portuguese Republic", "Country: Spain", 1),
    )
    .unwrap();
    index(&corpus, &idx, &[]);
    // The file of before the update is still there; the output must not use what
    // it says of Belgium's changed passages: it is what the text alone gives.
    // (Not compared with a fresh index's: the stance part of `allies --opponents`
    // carries BM25 scores, which count deleted passages until tantivy merges.)
    let got = outputs(&idx);
    assert_ne!(got, before);
    let after = described(&idx);
    fs::remove_file(idx.join(FILE)).unwrap();
    assert_eq!(outputs(&idx), got, "the kept features changed the output");
    assert!(described(&idx) == after);
    let clean = tmp.path().join("clean");
    index(&corpus, &clean, &[]);
    outputs(&clean);
    assert_ne!(after, kept_before);
    assert!(
        !after.contains_key("cnd/china.txt"),
        "a removed paper leaves"
    );
    assert!(after.contains_key("cnd/atlantis.txt"));
    let copies = ["cnd/netherlands.txt", "cnd/netherlands-copy.txt"]
        .iter()
        .filter(|k| after.contains_key(**k))
        .count();
    assert_eq!(copies, 1, "a folded copy has no entry of its own");
    // Numbered afresh on every write: the same bytes as the clean index's file.
    assert!(
        after == described(&clean),
        "the file differs from a fresh one"
    );
    assert!(fs::read(idx.join(FILE)).unwrap() == fs::read(clean.join(FILE)).unwrap());
}

#[test]
fn a_damaged_or_foreign_file_is_ignored_and_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, idx) = (tmp.path().join("papers"), tmp.path().join("index"));
    copy_corpus(&corpus);
    index(&corpus, &idx, &[]);
    let printed = outputs(&idx);
    let want = described(&idx);
    let file = idx.join(FILE);

    // Missing: the commands read the text, and write it again.
    fs::remove_file(&file).unwrap();
    assert_eq!(outputs(&idx), printed);
    assert!(described(&idx) == want);

    // Damaged: one byte flipped is caught by the digest.
    let mut bytes = fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    fs::write(&file, &bytes).unwrap();
    assert!(FeatureStore::load(&idx).is_none());
    assert_eq!(outputs(&idx), printed);
    assert!(described(&idx) == want);

    // Cut short.
    let bytes = fs::read(&file).unwrap();
    fs::write(&file, &bytes[..bytes.len() / 3]).unwrap();
    assert!(FeatureStore::load(&idx).is_none());
    assert_eq!(outputs(&idx), printed);
    assert!(described(&idx) == want);

    // Another version's file (another fingerprint) is refused like a damaged one.
    let mut bytes = fs::read(&file).unwrap();
    bytes[16] ^= 1;
    let body = bytes.len() - 32;
    let digest = *blake3::hash(&bytes[..body]).as_bytes();
    bytes[body..].copy_from_slice(&digest);
    fs::write(&file, &bytes).unwrap();
    assert!(FeatureStore::load(&idx).is_none());
    assert_eq!(outputs(&idx), printed);
    assert!(described(&idx) == want);

    // A rebuild keeps it (its passages are checked by their text), and the next
    // command reads it.
    index(&corpus, &idx, &["--rebuild"]);
    assert_eq!(outputs(&idx), printed);
    assert!(described(&idx) == want);
}
