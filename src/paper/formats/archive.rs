//! Reading entries of the zip packages DOCX and ODT files are, within a budget of
//! inflated bytes so that a zip bomb fails fast instead of exhausting memory.

use std::io::{Cursor, Read};

use zip::result::ZipError;
use zip::ZipArchive;

use super::{ExtractError, Limits};

/// Magic number of OLE compound files: old .doc files, and password-protected
/// DOCX files (an encrypted package inside an OLE container).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// An open zip package.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// "DOCX" or "ODT", for error messages.
    label: &'static str,
    /// Bytes that may still be inflated.
    budget: u64,
    limit_mb: u64,
}

impl<'a> Archive<'a> {
    pub(crate) fn open(
        bytes: &'a [u8],
        label: &'static str,
        limits: &Limits,
    ) -> Result<Self, ExtractError> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(if contains_utf16(bytes, "EncryptedPackage") {
                ExtractError::Protected
            } else {
                ExtractError::Corrupt(
                    label,
                    "an old binary Office file (.doc?), not a zip archive".into(),
                )
            });
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            if bytes.starts_with(b"PK") {
                ExtractError::Corrupt(label, format!("damaged zip archive ({e})"))
            } else {
                ExtractError::Corrupt(label, "not a zip archive".into())
            }
        })?;
        Ok(Archive {
            zip,
            label,
            budget: limits.max_unzipped_bytes,
            limit_mb: limits.unzipped_mb(),
        })
    }

    /// The inflated bytes of entry `name`, or `None` when the package has no such entry.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ExtractError> {
        let label = self.label;
        let damaged = |e: &dyn std::fmt::Display| {
            ExtractError::Corrupt(label, format!("damaged entry {name} ({e})"))
        };
        let file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(ZipError::UnsupportedArchive(msg))
                if msg.to_ascii_lowercase().contains("password") =>
            {
                return Err(ExtractError::Protected)
            }
            Err(e) => return Err(damaged(&e)),
        };
        let too_large = || ExtractError::TooLarge(name.to_owned(), self.limit_mb);
        // The declared size lets an honest bomb fail before inflating anything; the
        // `take` below catches one whose header lies.
        if file.size() > self.budget {
            return Err(too_large());
        }
        let mut out = Vec::new();
        file.take(self.budget.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| damaged(&e))?;
        let read = out.len() as u64;
        if read > self.budget {
            return Err(too_large());
        }
        self.budget -= read;
        Ok(Some(out))
    }

    /// Entry `name` as text (UTF-8, byte order mark dropped), or `None` when absent.
    pub(crate) fn read_text(&mut self, name: &str) -> Result<Option<String>, ExtractError> {
        Ok(self.read(name)?.map(|bytes| {
            let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&bytes);
            String::from_utf8_lossy(bytes).into_owned()
        }))
    }
}

fn contains_utf16(haystack: &[u8], needle: &str) -> bool {
    let needle: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::formats::fixtures;

    fn small(limit: u64) -> Limits {
        Limits {
            max_unzipped_bytes: limit,
            ..Limits::default()
        }
    }

    #[test]
    fn entries_are_read_and_missing_ones_are_none() {
        let bytes = fixtures::zip_entries(&[
            ("a.txt", b"hello".as_slice()),
            ("b.xml", b"\xEF\xBB\xBF<x/>"),
        ]);
        let mut archive = Archive::open(&bytes, "DOCX", &Limits::default()).unwrap();
        assert_eq!(
            archive.read("a.txt").unwrap().as_deref(),
            Some(b"hello".as_slice())
        );
        assert_eq!(archive.read_text("b.xml").unwrap().as_deref(), Some("<x/>"));
        assert!(archive.read("c.txt").unwrap().is_none());
    }

    #[test]
    fn the_budget_spans_entries() {
        let bytes =
            fixtures::zip_entries(&[("a", [0u8; 600].as_slice()), ("b", [0u8; 600].as_slice())]);
        let mut archive = Archive::open(&bytes, "ODT", &small(1000)).unwrap();
        assert!(archive.read("a").is_ok());
        let err = archive.read("b").unwrap_err();
        assert!(
            matches!(err, ExtractError::TooLarge(ref name, 1) if name == "b"),
            "{err}"
        );
    }

    #[test]
    fn a_lying_size_header_is_caught_while_inflating() {
        let bytes = fixtures::zip_bomb_docx_lying(3 * 1024 * 1024);
        let mut archive = Archive::open(&bytes, "DOCX", &small(1024 * 1024)).unwrap();
        let err = archive.read("word/document.xml").unwrap_err();
        assert!(matches!(err, ExtractError::TooLarge(..)), "{err}");
    }

    #[test]
    fn not_a_zip() {
        let err = Archive::open(b"just some text", "DOCX", &Limits::default())
            .err()
            .unwrap();
        assert_eq!(err.to_string(), "not a valid DOCX file: not a zip archive");
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(
            Archive::open(&ole, "DOCX", &Limits::default()),
            Err(ExtractError::Protected)
        ));
        let err = Archive::open(&OLE_MAGIC, "DOCX", &Limits::default())
            .err()
            .unwrap();
        assert!(err.to_string().contains("old binary Office file"), "{err}");
    }
}
