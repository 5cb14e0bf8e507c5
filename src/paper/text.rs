//! Turning the bytes of a plain-text file into text: UTF-8 (with or without BOM),
//! UTF-16 with BOM, and legacy single-byte files (Windows-1252); binary is refused.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("binary file, not text")]
    Binary,
}

/// Which encoding a file turned out to be in (reported in debug output and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    Windows1252,
}

/// Decodes a text file. A BOM decides; otherwise valid UTF-8 is UTF-8 and anything
/// else that does not look binary is Windows-1252, the encoding Word and older
/// Windows editors save "plain text" in.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok((String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        let (text, _, _) = UTF_16LE.decode(bytes);
        return Ok((text.into_owned(), Encoding::Utf16));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, _) = UTF_16BE.decode(bytes);
        return Ok((text.into_owned(), Encoding::Utf16));
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), Encoding::Utf8)),
        Err(_) => {
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            Ok((text.into_owned(), Encoding::Windows1252))
        }
    }
}

/// [`decode`] taking the bytes: valid UTF-8 (the usual case) becomes the text
/// without a copy.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    if !bom && (bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])) {
        return decode(&bytes);
    }
    if !bom && looks_binary(&bytes) {
        return Err(DecodeError::Binary);
    }
    if bom {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, Encoding::Utf8)),
        Err(e) if bom => Ok((
            String::from_utf8_lossy(e.as_bytes()).into_owned(),
            Encoding::Utf8,
        )),
        Err(e) => {
            let (text, _, _) = WINDOWS_1252.decode(e.as_bytes());
            Ok((text.into_owned(), Encoding::Windows1252))
        }
    }
}

/// NUL bytes or many control characters in the first 8 KiB mean binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls * 20 > head.len().max(1)
}

/// A name as it can be printed on one line: control characters (a newline or a tab
/// in a file name) written as escapes (`\n`, `\t`, `\u{1b}`), the rest as it is.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_decoding_agrees_with_borrowed() {
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("Country: Chile".as_bytes());
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "Topic: café".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let cases: Vec<Vec<u8>> = vec![
            b"plain".to_vec(),
            "Côte".as_bytes().to_vec(),
            with_bom,
            vec![0xEF, 0xBB, 0xBF, b'a', 0xFF],
            b"caf\xe9".to_vec(),
            utf16,
            vec![0, 1, 2, 3],
            Vec::new(),
        ];
        for bytes in cases {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes), "{bytes:?}");
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Côte".as_bytes()).unwrap().0, "Côte");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("Country: Chile".as_bytes());
        assert_eq!(decode(&with_bom).unwrap().0, "Country: Chile");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Topic: café".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(
            decode(&bytes).unwrap(),
            ("Topic: café".to_owned(), Encoding::Utf16)
        );
    }

    #[test]
    fn windows_1252_quotes_and_accents() {
        // “naïve” – in Windows-1252
        let bytes = [0x93, b'n', b'a', 0xEF, b'v', b'e', 0x94, b' ', 0x96];
        assert_eq!(
            decode(&bytes).unwrap(),
            (
                "\u{201c}naïve\u{201d} \u{2013}".to_owned(),
                Encoding::Windows1252
            )
        );
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2]),
            Err(DecodeError::Binary)
        );
    }

    #[test]
    fn names_print_on_one_line() {
        assert_eq!(
            printable("cnd/peru\nnotes\t1.txt"),
            "cnd/peru\\nnotes\\t1.txt"
        );
        assert!(matches!(
            printable("Côte d'Ivoire.txt"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
