//! The English analyzer every text field uses, at index and at query time: words,
//! accents folded, lower case (except the acronyms of the lexicon, so "WHO" is not
//! "who"), and a light stemmer that strips inflections but keeps derivations apart
//! (see `stem`), with a cache of stems because the same few thousand words make up
//! most of any corpus.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter,
    TokenStream, Tokenizer,
};
use tantivy::Index;

/// The name under which the analyzer is registered on an index.
/// Its version is part of the name, so an index made with another analyzer has
/// another schema and is rebuilt rather than searched with mismatched stems.
pub const NAME: &str = "caucus_en2";

/// Registers the analyzer on an index; must be called on every open.
pub fn register(index: &Index) {
    index.tokenizers().register(NAME, analyzer());
}

/// Longest word indexed, in bytes.
const LONGEST: usize = 40;

/// Builds the analyzer.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST))
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer)
        .build()
}

/// The analyzer's words before stemming: the same words, at the same offsets, with
/// accents folded. `key` of each gives what `analyzer` gives; a caller that needs
/// the keys of only some words (highlighting) stems only those.
pub fn folded() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST))
        .filter(AsciiFoldingFilter)
        .build()
}

/// A word's first character in lower case: a word's key always begins with it, but
/// for the few British spellings whose American form begins otherwise (see
/// [`first_changed_by_key`]).
pub fn first_lower(word: &str) -> Option<char> {
    word.chars().next().and_then(|c| c.to_lowercase().next())
}

/// True when `key` may give `word` (a folded word) a key that begins with another
/// character: only words beginning as one of the lexicon's British spellings whose
/// American form begins differently ("gaol" -> "jail").
pub fn first_changed_by_key(word: &str) -> bool {
    static FIRSTS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let firsts = FIRSTS.get_or_init(|| {
        let mut v: Vec<char> = super::lexicon::spellings()
            .iter()
            .filter(|(gb, us)| first_lower(gb) != first_lower(us))
            .filter_map(|(gb, _)| first_lower(gb))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    first_lower(word).is_some_and(|c| firsts.contains(&c))
}

/// The analyzer's words as written, before folding and stemming: the same words
/// at the same positions. Every later step maps one word to one key, so a word's
/// key can be looked up once per distinct word (see `features`).
pub fn words() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST))
        .build()
}

/// A token with the position and byte offsets the analyzer gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub stem: String,
    pub position: usize,
    pub from: usize,
    pub to: usize,
}

/// Runs the analyzer over a text (for highlighting and for term vectors).
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Term> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(Term {
            stem: token.text.clone(),
            position: token.position,
            from: token.offset_from,
            to: token.offset_to,
        });
    }
    out
}

/// Lower case and stemming with a per-thread memo of word -> stem. Stemming is the
/// most expensive step of analysis; corpora repeat the same words, so the memo pays.
#[derive(Clone, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            cache: FxHashMap::default(),
        }
    }
}

/// Stop the memo growing without bound on a corpus of random strings.
const CACHE_LIMIT: usize = 200_000;

pub struct CachedStemmerFilter<T> {
    inner: T,
    cache: FxHashMap<String, String>,
}

impl<T: Clone> Clone for CachedStemmerFilter<T> {
    fn clone(&self) -> Self {
        CachedStemmerFilter {
            inner: self.inner.clone(),
            cache: FxHashMap::default(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
            scratch: String::new(),
        }
    }
}

/// The key a word is indexed under.
pub use super::stem::key;

pub struct CachedStemmerStream<'a, S> {
    tail: S,
    cache: &'a mut FxHashMap<String, String>,
    /// The key is written here, then swapped with the token's text: no allocation
    /// per word.
    scratch: String,
}

/// Hands `f` the key of `word` (accents folded), from `memo` when it was asked before;
/// new keys are remembered until the memo holds `CACHE_LIMIT` words. One lookup for a
/// word already seen: this runs for every word indexed.
pub fn with_key<R>(
    memo: &mut FxHashMap<String, String>,
    word: &str,
    f: impl FnOnce(&str) -> R,
) -> R {
    if let Some(stem) = memo.get(word) {
        return f(stem);
    }
    let stem = key(word);
    let out = f(&stem);
    if memo.len() < CACHE_LIMIT {
        memo.insert(word.to_owned(), stem);
    }
    out
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let scratch = &mut self.scratch;
        with_key(self.cache, &token.text, |stem| {
            scratch.clear();
            scratch.push_str(stem);
        });
        std::mem::swap(&mut token.text, scratch);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        terms(&mut analyzer(), text)
            .into_iter()
            .map(|t| t.stem)
            .collect()
    }

    #[test]
    fn stems_inflections_and_folds_accents() {
        assert_eq!(stems("Escrows escrow"), vec!["escrow", "escrow"]);
        assert_eq!(stems("traffic trafficking trafficked"), vec!["traffic"; 3]);
        assert_eq!(stems("Côte"), stems("cote"));
        assert_eq!(stems("nationalism nations"), vec!["nationalism", "nation"]);
        // Acronyms of the lexicon keep their case; other capitals do not.
        assert_eq!(
            stems("LAWS laws WHO who"),
            vec!["LAWS", "law", "WHO", "who"]
        );
        assert_eq!(stems("SDGs LDCs"), vec!["SDG", "LDC"]);
        // The memo gives the same answer the second time.
        let mut a = analyzer();
        let first = terms(&mut a, "markets marketplaces");
        let second = terms(&mut a, "markets marketplaces");
        assert_eq!(first, second);
    }
}
