//! The tantivy index on disk: the schema (defined once, with typed field handles),
//! the English analyzer, opening and creating, and the state file that records which
//! corpus and which file versions the index holds.

pub mod analyzer;
pub mod lexicon;
pub mod search;
pub mod state;
pub mod stem;
pub mod writer;

use std::path::{Path, PathBuf};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

/// Field names, in one place.
pub mod names {
    pub const FILE: &str = "file";
    pub const COUNTRY: &str = "country";
    pub const COUNTRY_CODE: &str = "country_code";
    pub const COMMITTEE: &str = "committee";
    pub const COMMITTEE_NAME: &str = "committee_name";
    pub const TOPIC: &str = "topic";
    pub const SECTION: &str = "section";
    pub const SECTION_KIND: &str = "section_kind";
    pub const PASSAGE: &str = "passage";
    pub const LINE: &str = "line";
    pub const PAGE: &str = "page";
    pub const TEXT: &str = "text";
    pub const CITATIONS: &str = "citations";
    pub const FORMAT: &str = "format";
    pub const PAPER: &str = "paper";
    pub const PARAGRAPH: &str = "paragraph";
    pub const PIECES: &str = "pieces";
    pub const CONTEXT: &str = "context";
}

/// Typed handles to the schema's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Path of the paper relative to the corpus; the key for deleting a paper.
    pub file: Field,
    /// Canonical country name; filter and group key.
    pub country: Field,
    pub country_code: Field,
    /// Committee code, upper case.
    pub committee: Field,
    pub committee_name: Field,
    /// The passage's topic, analysed so `--topic drug` matches "Online Drug Trafficking".
    pub topic: Field,
    /// The section heading as written.
    pub section: Field,
    /// background / position / solutions / bibliography / other.
    pub section_kind: Field,
    pub passage: Field,
    pub line: Field,
    /// 0 when the format has no pages.
    pub page: Field,
    pub text: Field,
    pub citations: Field,
    pub format: Field,
    /// A number standing for the paper (a hash of `file`), for counting papers fast.
    pub paper: Field,
    /// The number of the first passage of the paragraph the passage was cut from.
    pub paragraph: Field,
    /// How many passages that paragraph was cut into (1 for most).
    pub pieces: Field,
    /// The whole paragraph, indexed (not stored) only for pieces of a split one, so
    /// words that fall on both sides of a cut still match together.
    pub context: Field,
}

/// Builds the schema and its field handles.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text_options = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer::NAME)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let context_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer::NAME)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        file: b.add_text_field(names::FILE, STRING | STORED),
        country: b.add_text_field(names::COUNTRY, STRING | STORED | FAST),
        country_code: b.add_text_field(names::COUNTRY_CODE, STORED),
        committee: b.add_text_field(names::COMMITTEE, STRING | STORED),
        committee_name: b.add_text_field(names::COMMITTEE_NAME, STORED),
        topic: b.add_text_field(names::TOPIC, text_options.clone()),
        section: b.add_text_field(names::SECTION, STORED),
        section_kind: b.add_text_field(names::SECTION_KIND, STRING | STORED),
        passage: b.add_u64_field(names::PASSAGE, STORED),
        line: b.add_u64_field(names::LINE, STORED),
        page: b.add_u64_field(names::PAGE, STORED),
        text: b.add_text_field(names::TEXT, text_options),
        citations: b.add_text_field(names::CITATIONS, STORED),
        format: b.add_text_field(names::FORMAT, STORED),
        paper: b.add_u64_field(names::PAPER, FAST),
        paragraph: b.add_u64_field(names::PARAGRAPH, INDEXED | STORED | FAST),
        pieces: b.add_u64_field(names::PIECES, STORED),
        context: b.add_text_field(names::CONTEXT, context_options),
    };
    (b.build(), fields)
}

/// The number that stands for a paper in the `paper` fast field.
pub fn paper_key(rel: &str) -> u64 {
    let hash = blake3::hash(rel.as_bytes());
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_le_bytes(bytes)
}

/// Errors opening or using the index.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("no index at {0}")]
    Missing(PathBuf),
    #[error("the index at {0} is being updated by another process; try again when it finishes")]
    Busy(PathBuf),
    #[error("the index at {path} was made by another version of caucus or is damaged ({reason}); run `caucus index --rebuild`")]
    Incompatible { path: PathBuf, reason: String },
    #[error("index at {path}: {source}")]
    Tantivy {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },
    #[error("index at {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// An open index of papers.
pub struct PaperIndex {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
}

impl PaperIndex {
    /// True when `dir` holds an index (it may still be incompatible).
    pub fn exists(dir: &Path) -> bool {
        dir.join("meta.json").is_file()
    }

    /// Opens an existing index.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        if !Self::exists(dir) {
            return Err(IndexError::Missing(dir.to_owned()));
        }
        let index = Index::open_in_dir(dir).map_err(|e| IndexError::Incompatible {
            path: dir.to_owned(),
            reason: e.to_string(),
        })?;
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(IndexError::Incompatible {
                path: dir.to_owned(),
                reason: "its fields differ from this version's".to_owned(),
            });
        }
        analyzer::register(&index);
        Ok(PaperIndex {
            index,
            fields,
            dir: dir.to_owned(),
        })
    }

    /// Creates an empty index in `dir` (which may not exist yet).
    pub fn create(dir: &Path) -> Result<Self, IndexError> {
        std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let (schema, fields) = schema();
        let index = Index::create_in_dir(dir, schema).map_err(|source| IndexError::Tantivy {
            path: dir.to_owned(),
            source,
        })?;
        analyzer::register(&index);
        Ok(PaperIndex {
            index,
            fields,
            dir: dir.to_owned(),
        })
    }

    /// A searcher over the last committed state of the index.
    pub fn searcher(&self) -> Result<Searcher, IndexError> {
        let reader: IndexReader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|source| self.tantivy_error(source))?;
        Ok(reader.searcher())
    }

    pub(crate) fn tantivy_error(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.dir.clone(),
            source,
        }
    }
}
