//! caucus: a search engine for Model UN position papers. Reads a folder of papers
//! (txt, md, docx, odt, pdf, html), indexes their passages with tantivy, and answers
//! the questions delegates and chairs ask: who mentions what, where, and who writes
//! like whom.

pub mod analysis;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod index;
pub mod output;
pub mod paper;
pub mod query;
pub mod serve;
