//! Hostile files: PDF decompression bombs hidden behind a predictor or a doubled
//! filter are refused as too large when expanded, never inflated past the limit.

use caucus::paper::formats::{ExtractError, Format, Limits};
use caucus::paper::{self, ReadError};
use lopdf::{dictionary, Document, Object, Stream};
use std::io::Write;
use std::path::Path;

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A one-page PDF whose content stream is `content` under `filters`.
fn pdf(content: Vec<u8>, filters: &[&str], parms: Option<lopdf::Dictionary>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut dict = lopdf::Dictionary::new();
    let names: Vec<Object> = filters
        .iter()
        .map(|f| Object::Name(f.as_bytes().to_vec()))
        .collect();
    dict.set("Filter", Object::Array(names));
    if let Some(p) = parms {
        dict.set("DecodeParms", p);
    }
    let content_id = doc.add_object(Stream::new(dict, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn read(bytes: &[u8], limit: u64) -> Result<paper::Paper, ReadError> {
    let limits = Limits {
        max_unzipped_bytes: limit,
        ..Limits::default()
    };
    paper::read_bytes(Format::Pdf, bytes, Path::new("bomb.pdf"), &limits)
}

fn assert_too_large(r: Result<paper::Paper, ReadError>, what: &str) {
    match r {
        Err(ReadError::Extract(e @ ExtractError::TooLarge(..))) => {
            assert!(e.to_string().contains("expands past 1 MB"), "{what}: {e}")
        }
        Err(e) => panic!("{what}: refused, but not as too large: {e}"),
        Ok(_) => panic!("{what}: read in full"),
    }
}

// Point 9: every decompression goes through the bounded reader.
#[test]
fn pdf_filter_bombs_are_refused_as_too_large() {
    let zeros = vec![0u8; 16 << 20];
    let once = zlib(&zeros);
    // A doubled /FlateDecode: small outside, 16 MB inside.
    let double = pdf(zlib(&once), &["FlateDecode", "FlateDecode"], None);
    assert!(double.len() < 64 * 1024);
    assert_too_large(read(&double, 1 << 20), "double FlateDecode");
    // A predictor in /DecodeParms.
    let parms = dictionary! { "Predictor" => 12, "Columns" => 1000 };
    let predicted = pdf(once.clone(), &["FlateDecode"], Some(parms));
    assert_too_large(read(&predicted, 1 << 20), "FlateDecode with a predictor");
    // An ASCII85 wrapper around the bomb.
    let mut a85 = Vec::new();
    for chunk in once.chunks(4) {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        let mut n = u32::from_be_bytes(word);
        let mut digits = [0u8; 5];
        for d in digits.iter_mut().rev() {
            *d = b'!' + (n % 85) as u8;
            n /= 85;
        }
        a85.extend_from_slice(&digits[..chunk.len() + 1]);
    }
    a85.extend_from_slice(b"~>");
    let wrapped = pdf(a85, &["ASCII85Decode", "FlateDecode"], None);
    assert_too_large(read(&wrapped, 1 << 20), "ASCII85 then FlateDecode");
    // Within the limit, a doubled filter is read like any other.
    let text = b"BT /F1 12 Tf 72 720 Td (Peace and security) Tj ET".to_vec();
    let fine = pdf(zlib(&zlib(&text)), &["FlateDecode", "FlateDecode"], None);
    match read(&fine, 1 << 20) {
        Ok(_) => {}
        Err(ReadError::Extract(ExtractError::TooLarge(..))) => panic!("a small stream refused"),
        Err(_) => {} // no font: no text, but not refused as too large
    }
}
