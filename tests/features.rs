//! The features file beside the index (`caucus-features.bin`): written by `index`,
//! read back as written, kept in step with the index by incremental runs exactly as
//! a full rebuild would write it, rebuilt when missing, damaged or stale, and never
//! trusted for another commit; profiles read from it equal profiles read from text.

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

type Described = std::collections::BTreeMap<String, Vec<(u32, u32, Vec<(String, String, u32)>)>>;

/// The file's contents by name, checked to be the last commit's.
fn described(index: &Path) -> Described {
    let idx = PaperIndex::open(index).unwrap();
    let store = FeatureStore::for_index(&idx).expect("the features file is the last commit's");
    store.describe()
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
            stdout(&o)
        })
        .collect()
}

#[test]
fn the_file_round_trips_and_profiles_from_it_equal_profiles_from_text() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, idx) = (tmp.path().join("papers"), tmp.path().join("index"));
    copy_corpus(&corpus);
    index(&corpus, &idx, &[]);
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
fn incremental_runs_keep_the_file_as_a_full_rebuild_writes_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, idx) = (tmp.path().join("papers"), tmp.path().join("index"));
    copy_corpus(&corpus);
    index(&corpus, &idx, &[]);
    let before = described(&idx);
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
    index(&corpus, &idx, &[]);
    let after = described(&idx);
    assert_ne!(before, after);
    assert!(!after.contains_key("cnd/china.txt"));
    assert!(after.contains_key("cnd/atlantis.txt"));
    let kept = ["cnd/netherlands.txt", "cnd/netherlands-copy.txt"]
        .iter()
        .filter(|k| after.contains_key(**k))
        .count();
    assert_eq!(kept, 1, "a folded copy has no entry of its own");
    let clean = tmp.path().join("clean");
    index(&corpus, &clean, &[]);
    assert!(
        after == described(&clean),
        "incremental differs from a rebuild"
    );
    // Numbered afresh on every write: the same bytes but for the commit id.
    let strip = |p: &Path| {
        let b = fs::read(p.join(FILE)).unwrap();
        let at = 16 + 32;
        let len = b[at] as usize;
        b[at + 1 + len..b.len() - 32].to_vec()
    };
    assert!(strip(&idx) == strip(&clean));
    assert_eq!(outputs(&idx), outputs(&clean));
}

#[test]
fn a_missing_damaged_or_stale_file_is_not_trusted_and_is_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let (corpus, idx) = (tmp.path().join("papers"), tmp.path().join("index"));
    copy_corpus(&corpus);
    index(&corpus, &idx, &[]);
    let want = described(&idx);
    let printed = outputs(&idx);
    let file = idx.join(FILE);

    // Missing: the commands read the text instead, and the next run writes it.
    fs::remove_file(&file).unwrap();
    assert_eq!(outputs(&idx), printed);
    index(&corpus, &idx, &[]);
    assert!(described(&idx) == want);

    // Damaged: one byte flipped is caught by the digest.
    let mut bytes = fs::read(&file).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    fs::write(&file, &bytes).unwrap();
    assert!(FeatureStore::load(&idx).is_none());
    assert_eq!(outputs(&idx), printed);
    index(&corpus, &idx, &[]);
    assert!(described(&idx) == want);

    // Cut short.
    let bytes = fs::read(&file).unwrap();
    fs::write(&file, &bytes[..bytes.len() / 3]).unwrap();
    assert!(FeatureStore::load(&idx).is_none());
    index(&corpus, &idx, &[]);
    assert!(described(&idx) == want);

    // Stale: the file of an earlier commit (as a run cut off between its commit
    // and the features file leaves it) is not used, and the next run replaces it.
    let old = fs::read(&file).unwrap();
    let belgium = corpus.join("cnd/belgium.txt");
    let text = fs::read_to_string(&belgium).unwrap();
    fs::write(&belgium, text.replace("Europol", "Interpol")).unwrap();
    index(&corpus, &idx, &[]);
    let changed = described(&idx);
    let printed_now = outputs(&idx);
    fs::write(&file, &old).unwrap();
    let pindex = PaperIndex::open(&idx).unwrap();
    assert!(FeatureStore::load(&idx).is_some());
    assert!(FeatureStore::for_index(&pindex).is_none());
    drop(pindex);
    assert_eq!(outputs(&idx), printed_now);
    index(&corpus, &idx, &[]);
    assert!(described(&idx) == changed);

    // Another version's file (another fingerprint) is refused like a damaged one.
    let mut bytes = fs::read(&file).unwrap();
    bytes[16] ^= 1;
    let body = bytes.len() - 32;
    let digest = *blake3::hash(&bytes[..body]).as_bytes();
    bytes[body..].copy_from_slice(&digest);
    fs::write(&file, &bytes).unwrap();
    assert!(FeatureStore::load(&idx).is_none());
    index(&corpus, &idx, &[]);
    assert!(described(&idx) == changed);

    // A rebuild writes it afresh too.
    index(&corpus, &idx, &["--rebuild"]);
    assert!(described(&idx) == changed);
}
