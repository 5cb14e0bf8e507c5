//! stub
use super::super::blocks::Block;
use super::{ExtractError, Limits};
#[allow(unused)]
pub(crate) fn extract(_bytes: &[u8], _limits: &Limits) -> Result<Vec<Block>, ExtractError> { Ok(Vec::new()) }
