//! Builders of paper files for tests, made on the fly from a simple description:
//! DOCX, ODT, HTML, Markdown and PDF papers, plus broken and hostile files (a
//! truncated or encrypted PDF, a scanned-image PDF, a "docx" that is no zip, zip bombs).
//!
//! Paragraph text may carry a little inline markup, honoured by every builder that
//! can express it:
//! - `**bold**` a bold run;
//! - `\n` a line break inside the paragraph, `\t` a tab;
//! - `{note:text}` a footnote referenced at that point, `{endnote:text}` an endnote;
//! - `{del:text}` a tracked deletion, `{ins:text}` a tracked insertion;
//! - `{comment:text}` a reviewer's comment anchored at that point.
//!
//! The HTML builder passes other text through as raw HTML (so tests can use
//! entities and tags such as `<sup>[3]</sup>`); the others escape it.
#![allow(dead_code)]

use std::io::{Cursor, Write};

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, Object, Stream, StringFormat};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// How a paragraph of a fixture is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The document title (DOCX "Title" style, ODT "Title", HTML `<h1>`, Markdown `#`).
    Title,
    /// A heading of level 1 to 6.
    Heading(u8),
    /// An ordinary paragraph.
    Normal,
    /// A paragraph whose runs are all bold, as a hand-made heading.
    Bold,
    /// A bulleted list item, nested at level 0, 1, ...
    ListItem(u8),
    /// A table row, cells separated by " | "; consecutive rows form one table.
    TableRow,
    /// A footnote with this text, cited at the end of the paragraph before it (the
    /// same as ending that paragraph with `{note:text}`).
    Footnote,
}

/// The paragraphs with each `Footnote` entry folded into the paragraph before it.
fn fold_footnotes(paras: &[(Style, &str)]) -> Vec<(Style, String)> {
    let mut out: Vec<(Style, String)> = Vec::new();
    for (style, text) in paras {
        match (style, out.last_mut()) {
            (Style::Footnote, Some((_, previous))) => {
                previous.push_str(&format!("{{note:{text}}}"))
            }
            (Style::Footnote, None) => out.push((Style::Normal, format!("{{note:{text}}}"))),
            _ => out.push((*style, (*text).to_owned())),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Inline markup

#[derive(Debug, Clone, PartialEq)]
enum Inline {
    Text(String, bool),
    Break,
    Tab,
    Note(String),
    Endnote(String),
    Del(String),
    Ins(String),
    Comment(String),
}

fn inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut bold = false;
    let mut current = String::new();
    let mut rest = text;
    let flush = |current: &mut String, out: &mut Vec<Inline>, bold: bool| {
        if !current.is_empty() {
            out.push(Inline::Text(std::mem::take(current), bold));
        }
    };
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("**") {
            flush(&mut current, &mut out, bold);
            bold = !bold;
            rest = after;
            continue;
        }
        if c == '{' {
            if let Some(end) = rest.find('}') {
                let inner = &rest[1..end];
                let special = inner.split_once(':').and_then(|(kind, body)| {
                    let body = body.to_owned();
                    match kind {
                        "note" => Some(Inline::Note(body)),
                        "endnote" => Some(Inline::Endnote(body)),
                        "del" => Some(Inline::Del(body)),
                        "ins" => Some(Inline::Ins(body)),
                        "comment" => Some(Inline::Comment(body)),
                        _ => None,
                    }
                });
                if let Some(special) = special {
                    flush(&mut current, &mut out, bold);
                    out.push(special);
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        match c {
            '\n' => {
                flush(&mut current, &mut out, bold);
                out.push(Inline::Break);
            }
            '\t' => {
                flush(&mut current, &mut out, bold);
                out.push(Inline::Tab);
            }
            _ => current.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut current, &mut out, bold);
    out
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The cells of a `TableRow` paragraph.
fn cells(text: &str) -> Vec<&str> {
    text.split(" | ").collect()
}

// ---------------------------------------------------------------------------
// Zip

/// A zip archive of these entries, deflated (the first one stored if it is "mimetype").
pub fn zip_entries(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let method = if *name == "mimetype" {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        zip.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .expect("start zip entry");
        zip.write_all(data).expect("write zip entry");
    }
    zip.finish().expect("finish zip").into_inner()
}

// ---------------------------------------------------------------------------
// DOCX

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[derive(Default)]
struct DocxNotes {
    footnotes: Vec<String>,
    endnotes: Vec<String>,
    comments: Vec<String>,
    changes: usize,
}

fn docx_runs(text: &str, all_bold: bool, notes: &mut DocxNotes) -> String {
    let mut xml = String::new();
    let run = |t: &str, bold: bool| {
        let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
        format!(
            "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            xml_escape(t)
        )
    };
    for piece in inline(text) {
        match piece {
            Inline::Text(t, bold) => xml.push_str(&run(&t, bold || all_bold)),
            Inline::Break => xml.push_str("<w:r><w:br/></w:r>"),
            Inline::Tab => xml.push_str("<w:r><w:tab/></w:r>"),
            Inline::Note(body) => {
                notes.footnotes.push(body);
                let id = notes.footnotes.len();
                xml.push_str(&format!(
                    "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>"
                ));
            }
            Inline::Endnote(body) => {
                notes.endnotes.push(body);
                let id = notes.endnotes.len();
                xml.push_str(&format!(
                    "<w:r><w:rPr><w:rStyle w:val=\"EndnoteReference\"/></w:rPr><w:endnoteReference w:id=\"{id}\"/></w:r>"
                ));
            }
            Inline::Del(t) => {
                notes.changes += 1;
                xml.push_str(&format!(
                    "<w:del w:id=\"{}\" w:author=\"Chair\" w:date=\"2025-01-01T00:00:00Z\"><w:r><w:delText xml:space=\"preserve\">{}</w:delText></w:r></w:del>",
                    100 + notes.changes,
                    xml_escape(&t)
                ));
            }
            Inline::Ins(t) => {
                notes.changes += 1;
                xml.push_str(&format!(
                    "<w:ins w:id=\"{}\" w:author=\"Chair\" w:date=\"2025-01-01T00:00:00Z\">{}</w:ins>",
                    100 + notes.changes,
                    run(&t, all_bold)
                ));
            }
            Inline::Comment(body) => {
                notes.comments.push(body);
                let id = notes.comments.len();
                xml.push_str(&format!(
                    "<w:commentRangeStart w:id=\"{id}\"/><w:commentRangeEnd w:id=\"{id}\"/><w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"{id}\"/></w:r>"
                ));
            }
        }
    }
    xml
}

fn docx_note_part(root: &str, item: &str, reference: &str, bodies: &[String]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:{root} xmlns:w=\"{W_NS}\">\
         <w:{item} w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:{item}>\
         <w:{item} w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{item}>"
    );
    for (i, body) in bodies.iter().enumerate() {
        xml.push_str(&format!(
            "<w:{item} w:id=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:{reference}/></w:r><w:r><w:t xml:space=\"preserve\"> {}</w:t></w:r></w:p></w:{item}>",
            i + 1,
            xml_escape(body)
        ));
    }
    xml.push_str(&format!("</w:{root}>"));
    xml
}

fn docx_styles() -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:styles xmlns:w=\"{W_NS}\">\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:sz w:val=\"56\"/></w:rPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
    );
    for level in 1..=6 {
        xml.push_str(&format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"{}\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>",
            level - 1
        ));
    }
    xml.push_str("</w:styles>");
    xml
}

const DOCX_NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl>\
<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"o\"/></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// A DOCX paper: one Word paragraph per entry (consecutive `TableRow`s form a table),
/// with a running page header that must not be extracted as text.
pub fn docx(paras: &[(Style, &str)]) -> Vec<u8> {
    docx_with_margins(paras, &["Running header of every page"], &[])
}

/// A Word page header or footer part holding these paragraphs.
fn docx_margin_part(root: &str, paras: &[&str]) -> String {
    let body: String = paras
        .iter()
        .map(|p| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(p)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:{root} xmlns:w=\"{W_NS}\">{body}</w:{root}>"
    )
}

/// A DOCX paper whose page header holds `header` paragraphs and whose page footer
/// holds `footer` paragraphs (none: no such part).
pub fn docx_with_margins(paras: &[(Style, &str)], header: &[&str], footer: &[&str]) -> Vec<u8> {
    let mut notes = DocxNotes::default();
    let mut body = String::new();
    let mut in_table = false;
    for (style, text) in &fold_footnotes(paras) {
        if *style != Style::TableRow && in_table {
            body.push_str("</w:tbl>");
            in_table = false;
        }
        match style {
            Style::TableRow => {
                if !in_table {
                    body.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>");
                    in_table = true;
                }
                body.push_str("<w:tr>");
                for cell in cells(text) {
                    body.push_str(&format!(
                        "<w:tc><w:p>{}</w:p></w:tc>",
                        docx_runs(cell, false, &mut notes)
                    ));
                }
                body.push_str("</w:tr>");
            }
            _ => {
                let props = match style {
                    Style::Title => "<w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>".to_owned(),
                    Style::Heading(n) => format!("<w:pPr><w:pStyle w:val=\"Heading{n}\"/></w:pPr>"),
                    Style::ListItem(level) => format!(
                        "<w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
                    ),
                    _ => String::new(),
                };
                let runs = docx_runs(text, *style == Style::Bold, &mut notes);
                body.push_str(&format!("<w:p>{props}{runs}</w:p>"));
            }
        }
    }
    if in_table {
        body.push_str("</w:tbl>");
    }
    let mut references = String::new();
    let mut margin_rels = String::new();
    let mut margin_parts: Vec<(&str, String)> = Vec::new();
    for (kind, paras, part) in [
        ("header", header, "word/header1.xml"),
        ("footer", footer, "word/footer1.xml"),
    ] {
        if paras.is_empty() {
            continue;
        }
        references.push_str(&format!(
            "<w:{kind}Reference w:type=\"default\" r:id=\"rId_{kind}\"/>"
        ));
        margin_rels.push_str(&format!(
            "<Relationship Id=\"rId_{kind}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" Target=\"{kind}1.xml\"/>"
        ));
        let root = if kind == "header" { "hdr" } else { "ftr" };
        margin_parts.push((part, docx_margin_part(root, paras)));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"{W_NS}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <w:body>{body}<w:sectPr>{references}</w:sectPr></w:body></w:document>"
    );
    let mut comments = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:comments xmlns:w=\"{W_NS}\">");
    for (i, body) in notes.comments.iter().enumerate() {
        comments.push_str(&format!(
            "<w:comment w:id=\"{}\" w:author=\"Chair\"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>{}</w:t></w:r></w:p></w:comment>",
            i + 1,
            xml_escape(body)
        ));
    }
    comments.push_str("</w:comments>");
    let content_types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
</Types>";
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>";
    let document_rels = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>\
<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes\" Target=\"endnotes.xml\"/>\
<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>\
{margin_rels}</Relationships>");
    let footnotes = docx_note_part("footnotes", "footnote", "footnoteRef", &notes.footnotes);
    let endnotes = docx_note_part("endnotes", "endnote", "endnoteRef", &notes.endnotes);
    let styles = docx_styles();
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", document_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", DOCX_NUMBERING.as_bytes()),
        ("word/footnotes.xml", footnotes.as_bytes()),
        ("word/endnotes.xml", endnotes.as_bytes()),
        ("word/comments.xml", comments.as_bytes()),
    ];
    for (part, xml) in &margin_parts {
        entries.push((part, xml.as_bytes()));
    }
    zip_entries(&entries)
}

/// A DOCX package whose word/document.xml is exactly `document_xml`, with the
/// same styles as [`docx`]: for tests of XML the builder cannot express.
pub fn docx_with_document_xml(document_xml: &str) -> Vec<u8> {
    let styles = docx_styles();
    zip_entries(&[
        ("word/document.xml", document_xml.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ])
}

/// Bytes that claim to be a .docx but are plain text.
pub fn not_a_zip_docx() -> Vec<u8> {
    b"This is not really a Word document, just text saved with the wrong name.\n".to_vec()
}

/// A DOCX whose word/document.xml inflates to `inflated_bytes` of zeros; the file
/// itself stays about a thousandth of that size.
pub fn zip_bomb_docx(inflated_bytes: u64) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(inflated_bytes >= u64::from(u32::MAX));
    zip.start_file("[Content_Types].xml", options)
        .expect("start entry");
    zip.write_all(b"<Types/>").expect("write entry");
    zip.start_file("word/document.xml", options)
        .expect("start entry");
    let chunk = vec![0u8; 1 << 16];
    let mut left = inflated_bytes;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        zip.write_all(&chunk[..n]).expect("write zeros");
        left -= n as u64;
    }
    zip.finish().expect("finish zip").into_inner()
}

/// Like [`zip_bomb_docx`], but the headers claim word/document.xml is only 100 bytes,
/// so a reader that trusts them would inflate it all.
pub fn zip_bomb_docx_lying(inflated_bytes: u64) -> Vec<u8> {
    let mut bytes = zip_bomb_docx(inflated_bytes);
    let name = b"word/document.xml";
    let claimed = 100u32.to_le_bytes();
    let mut i = 0;
    while i + 46 <= bytes.len() {
        let sig = &bytes[i..i + 4];
        if sig == b"PK\x03\x04" {
            let name_len = u16::from_le_bytes([bytes[i + 26], bytes[i + 27]]) as usize;
            if bytes.get(i + 30..i + 30 + name_len) == Some(name.as_slice()) {
                bytes[i + 22..i + 26].copy_from_slice(&claimed);
            }
        } else if sig == b"PK\x01\x02" {
            let name_len = u16::from_le_bytes([bytes[i + 28], bytes[i + 29]]) as usize;
            if bytes.get(i + 46..i + 46 + name_len) == Some(name.as_slice()) {
                bytes[i + 24..i + 28].copy_from_slice(&claimed);
            }
        }
        i += 1;
    }
    bytes
}

// ---------------------------------------------------------------------------
// ODT

const ODT_NAMESPACES: &str = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

#[derive(Default)]
struct OdtState {
    footnotes: usize,
    endnotes: usize,
    changes: Vec<String>,
}

/// ODF text with runs of spaces written as `<text:s/>`, as LibreOffice saves them.
fn odt_text(text: &str) -> String {
    let mut out = String::new();
    let mut spaces = 0;
    for c in text.chars() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        if spaces > 0 {
            out.push(' ');
            if spaces > 1 {
                out.push_str(&format!("<text:s text:c=\"{}\"/>", spaces - 1));
            }
            spaces = 0;
        }
        out.push_str(&xml_escape(&c.to_string()));
    }
    if spaces > 0 {
        out.push(' ');
        if spaces > 1 {
            out.push_str(&format!("<text:s text:c=\"{}\"/>", spaces - 1));
        }
    }
    out
}

fn odt_runs(text: &str, state: &mut OdtState) -> String {
    let mut xml = String::new();
    for piece in inline(text) {
        match piece {
            Inline::Text(t, true) => xml.push_str(&format!("<text:span text:style-name=\"T1\">{}</text:span>", odt_text(&t))),
            Inline::Text(t, false) => xml.push_str(&odt_text(&t)),
            Inline::Break => xml.push_str("<text:line-break/>"),
            Inline::Tab => xml.push_str("<text:tab/>"),
            Inline::Note(body) => {
                state.footnotes += 1;
                let n = state.footnotes;
                xml.push_str(&format!(
                    "<text:note text:id=\"ftn{n}\" text:note-class=\"footnote\"><text:note-citation>{n}</text:note-citation>\
                     <text:note-body><text:p text:style-name=\"Footnote\">{}</text:p></text:note-body></text:note>",
                    odt_text(&body)
                ));
            }
            Inline::Endnote(body) => {
                state.endnotes += 1;
                let n = state.endnotes;
                let citation = ["i", "ii", "iii", "iv", "v", "vi"].get(n - 1).copied().unwrap_or("x");
                xml.push_str(&format!(
                    "<text:note text:id=\"edn{n}\" text:note-class=\"endnote\"><text:note-citation>{citation}</text:note-citation>\
                     <text:note-body><text:p text:style-name=\"Endnote\">{}</text:p></text:note-body></text:note>",
                    odt_text(&body)
                ));
            }
            Inline::Del(t) => {
                let id = format!("ct{}", state.changes.len() + 1);
                state.changes.push(format!(
                    "<text:changed-region xml:id=\"{id}\" text:id=\"{id}\"><text:deletion><office:change-info><dc:creator>Chair</dc:creator>\
                     <dc:date>2025-01-01T00:00:00</dc:date></office:change-info><text:p>{}</text:p></text:deletion></text:changed-region>",
                    odt_text(&t)
                ));
                xml.push_str(&format!("<text:change text:change-id=\"{id}\"/>"));
            }
            Inline::Ins(t) => {
                let id = format!("ct{}", state.changes.len() + 1);
                state.changes.push(format!(
                    "<text:changed-region xml:id=\"{id}\" text:id=\"{id}\"><text:insertion><office:change-info><dc:creator>Chair</dc:creator>\
                     <dc:date>2025-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region>"
                ));
                xml.push_str(&format!(
                    "<text:change-start text:change-id=\"{id}\"/>{}<text:change-end text:change-id=\"{id}\"/>",
                    odt_text(&t)
                ));
            }
            Inline::Comment(body) => xml.push_str(&format!(
                "<office:annotation><dc:creator>Chair</dc:creator><dc:date>2025-01-01T00:00:00</dc:date><text:p>{}</text:p></office:annotation>",
                odt_text(&body)
            )),
        }
    }
    xml
}

/// An ODT paper: `text:h` headings, `text:p` paragraphs (bold ones through an
/// automatic style), nested `text:list`s, tables, notes, tracked changes and
/// annotations; styles.xml carries a page header that must not be extracted.
pub fn odt(paras: &[(Style, &str)]) -> Vec<u8> {
    let mut state = OdtState::default();
    let mut body = String::new();
    let mut list_depth = 0usize;
    let mut in_table = false;
    for (style, text) in &fold_footnotes(paras) {
        if !matches!(style, Style::ListItem(_)) {
            while list_depth > 0 {
                body.push_str("</text:list-item></text:list>");
                list_depth -= 1;
            }
        }
        if *style != Style::TableRow && in_table {
            body.push_str("</table:table>");
            in_table = false;
        }
        match style {
            Style::Title => body.push_str(&format!(
                "<text:p text:style-name=\"Title\">{}</text:p>",
                odt_runs(text, &mut state)
            )),
            Style::Heading(n) => body.push_str(&format!(
                "<text:h text:style-name=\"Heading_20_{n}\" text:outline-level=\"{n}\">{}</text:h>",
                odt_runs(text, &mut state)
            )),
            Style::Normal | Style::Footnote => body.push_str(&format!(
                "<text:p text:style-name=\"Standard\">{}</text:p>",
                odt_runs(text, &mut state)
            )),
            Style::Bold => body.push_str(&format!(
                "<text:p text:style-name=\"P1\">{}</text:p>",
                odt_runs(text, &mut state)
            )),
            Style::ListItem(level) => {
                let want = usize::from(*level) + 1;
                if list_depth >= want {
                    while list_depth > want {
                        body.push_str("</text:list-item></text:list>");
                        list_depth -= 1;
                    }
                    body.push_str("</text:list-item><text:list-item>");
                } else {
                    while list_depth < want {
                        body.push_str("<text:list text:style-name=\"L1\"><text:list-item>");
                        list_depth += 1;
                    }
                }
                body.push_str(&format!(
                    "<text:p text:style-name=\"List_20_Paragraph\">{}</text:p>",
                    odt_runs(text, &mut state)
                ));
            }
            Style::TableRow => {
                let row_cells = cells(text);
                if !in_table {
                    body.push_str(&format!(
                        "<table:table table:name=\"Table1\"><table:table-column table:number-columns-repeated=\"{}\"/>",
                        row_cells.len()
                    ));
                    in_table = true;
                }
                body.push_str("<table:table-row>");
                for cell in row_cells {
                    body.push_str(&format!(
                        "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                        odt_runs(cell, &mut state)
                    ));
                }
                body.push_str("</table:table-row>");
            }
        }
    }
    while list_depth > 0 {
        body.push_str("</text:list-item></text:list>");
        list_depth -= 1;
    }
    if in_table {
        body.push_str("</table:table>");
    }
    let tracked = if state.changes.is_empty() {
        String::new()
    } else {
        format!(
            "<text:tracked-changes>{}</text:tracked-changes>",
            state.changes.concat()
        )
    };
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content {ODT_NAMESPACES} office:version=\"1.3\">\
         <office:automatic-styles>\
         <style:style style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:text-properties fo:font-weight=\"bold\"/></style:style>\
         <style:style style:name=\"T1\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>\
         </office:automatic-styles><office:body><office:text>{tracked}{body}</office:text></office:body></office:document-content>"
    );
    let mut styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles {ODT_NAMESPACES} office:version=\"1.3\"><office:styles>\
         <style:style style:name=\"Standard\" style:family=\"paragraph\"/>\
         <style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"/>\
         <style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Heading\"><style:text-properties fo:font-weight=\"bold\"/></style:style>\
         <style:style style:name=\"List_20_Paragraph\" style:display-name=\"List Paragraph\" style:family=\"paragraph\"/>\
         <style:style style:name=\"Footnote\" style:family=\"paragraph\"/>"
    );
    for level in 1..=6 {
        styles.push_str(&format!(
            "<style:style style:name=\"Heading_20_{level}\" style:display-name=\"Heading {level}\" style:family=\"paragraph\" \
             style:parent-style-name=\"Heading\" style:default-outline-level=\"{level}\"><style:text-properties fo:font-weight=\"bold\"/></style:style>"
        ));
    }
    styles.push_str(
        "</office:styles><office:master-styles><style:master-page style:name=\"Standard\">\
         <style:header><text:p>Running header of every page</text:p></style:header>\
         </style:master-page></office:master-styles></office:document-styles>",
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    zip_entries(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.text".as_slice(),
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
        ("styles.xml", styles.as_bytes()),
    ])
}

/// An ODT package whose content.xml is exactly `content_xml`: for tests of XML the
/// builder cannot express.
pub fn odt_with_content_xml(content_xml: &str) -> Vec<u8> {
    zip_entries(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.text".as_slice(),
        ),
        ("content.xml", content_xml.as_bytes()),
    ])
}

// ---------------------------------------------------------------------------
// HTML and Markdown

fn html_inline(text: &str, notes: &mut Vec<String>) -> String {
    let mut out = String::new();
    for piece in inline(text) {
        match piece {
            Inline::Text(t, true) => out.push_str(&format!("<b>{t}</b>")),
            Inline::Text(t, false) | Inline::Ins(t) => out.push_str(&t),
            Inline::Break => out.push_str("<br>"),
            Inline::Tab => out.push('\t'),
            Inline::Note(body) | Inline::Endnote(body) => {
                notes.push(body);
                out.push_str(&format!("<sup>[{}]</sup>", notes.len()));
            }
            Inline::Del(t) => out.push_str(&format!("<del>{t}</del>")),
            Inline::Comment(body) => out.push_str(&format!("<!-- {body} -->")),
        }
    }
    out
}

/// An HTML page holding the paper in `<main>`, surrounded by the chrome a web page
/// has (head with title, style and script; site header with nav; a search form; an
/// aria-hidden share box; a site footer) that must not be extracted. Paragraph text
/// is raw HTML.
pub fn html(paras: &[(Style, &str)]) -> Vec<u8> {
    let mut notes = Vec::new();
    let mut body = String::new();
    let mut list_depth = 0usize;
    let mut in_table = false;
    for (style, text) in &fold_footnotes(paras) {
        if !matches!(style, Style::ListItem(_)) {
            while list_depth > 0 {
                body.push_str("</li></ul>\n");
                list_depth -= 1;
            }
        }
        if *style != Style::TableRow && in_table {
            body.push_str("</table>\n");
            in_table = false;
        }
        let content = html_inline(text, &mut notes);
        match style {
            Style::Title => body.push_str(&format!("<h1 class=\"title\">{content}</h1>\n")),
            Style::Heading(n) => body.push_str(&format!("<h{n}>{content}</h{n}>\n")),
            Style::Normal | Style::Footnote => body.push_str(&format!("<p>\n  {content}\n</p>\n")),
            Style::Bold => body.push_str(&format!("<p><strong>{content}</strong></p>\n")),
            Style::ListItem(level) => {
                let want = usize::from(*level) + 1;
                if list_depth >= want {
                    while list_depth > want {
                        body.push_str("</li></ul>");
                        list_depth -= 1;
                    }
                    body.push_str("</li>\n<li>");
                } else {
                    while list_depth < want {
                        body.push_str("<ul>\n<li>");
                        list_depth += 1;
                    }
                }
                body.push_str(&content);
            }
            Style::TableRow => {
                if !in_table {
                    body.push_str("<table>\n");
                    in_table = true;
                }
                body.push_str("<tr>");
                for cell in cells(&content) {
                    body.push_str(&format!("<td>{cell}</td>"));
                }
                body.push_str("</tr>\n");
            }
        }
    }
    while list_depth > 0 {
        body.push_str("</li></ul>\n");
        list_depth -= 1;
    }
    if in_table {
        body.push_str("</table>\n");
    }
    for (i, note) in notes.iter().enumerate() {
        body.push_str(&format!("<p class=\"footnote\">[{}] {note}</p>\n", i + 1));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Site title | MUN Society</title>\n\
         <style>body {{ font-family: serif; }} .hidden-style-text {{ }}</style>\n\
         <script>var tracker = \"script text must not appear\";</script>\n</head>\n<body>\n\
         <header class=\"site\"><nav><a href=\"/\">Home</a> <a href=\"/committees\">Committees</a></nav></header>\n\
         <form action=\"/search\"><label>Search the site</label><input name=\"q\"></form>\n\
         <main>\n{body}</main>\n\
         <aside aria-hidden=\"true\">Share this page</aside>\n\
         <footer>Copyright MUN Society, all rights reserved</footer>\n\
         <script>document.write(\"more script text\");</script>\n</body>\n</html>\n"
    )
    .into_bytes()
}

/// A Markdown paper: `#` headings, `**bold**` paragraphs, `-` lists indented two
/// spaces a level, pipe tables, `[^n]` footnotes defined at the end.
pub fn markdown(paras: &[(Style, &str)]) -> Vec<u8> {
    let mut notes = Vec::new();
    let mut out = String::new();
    let mut previous: Option<Style> = None;
    for (style, text) in &fold_footnotes(paras) {
        let mut content = String::new();
        for piece in inline(text) {
            match piece {
                Inline::Text(t, true) => content.push_str(&format!("**{t}**")),
                Inline::Text(t, false) | Inline::Ins(t) => content.push_str(&t),
                Inline::Break => content.push('\n'),
                Inline::Tab => content.push(' '),
                Inline::Note(body) | Inline::Endnote(body) => {
                    notes.push(body);
                    content.push_str(&format!("[^{}]", notes.len()));
                }
                Inline::Del(_) => {}
                Inline::Comment(body) => content.push_str(&format!("<!-- {body} -->")),
            }
        }
        let continues = matches!(
            (previous, style),
            (Some(Style::ListItem(_)), Style::ListItem(_))
                | (Some(Style::TableRow), Style::TableRow)
        );
        if previous.is_some() && !continues {
            out.push('\n');
        }
        match style {
            Style::Title => out.push_str(&format!("# {content}\n")),
            Style::Heading(n) => {
                out.push_str(&format!("{} {content}\n", "#".repeat(usize::from(*n))))
            }
            Style::Normal | Style::Footnote => out.push_str(&format!("{content}\n")),
            Style::Bold => out.push_str(&format!("**{content}**\n")),
            Style::ListItem(level) => out.push_str(&format!(
                "{}- {content}\n",
                "  ".repeat(usize::from(*level))
            )),
            Style::TableRow => {
                let row = cells(&content);
                out.push_str(&format!("| {} |\n", row.join(" | ")));
                if previous != Some(Style::TableRow) {
                    out.push_str(&format!("|{}\n", "---|".repeat(row.len())));
                }
            }
        }
        previous = Some(*style);
    }
    if !notes.is_empty() {
        out.push('\n');
        for (i, note) in notes.iter().enumerate() {
            out.push_str(&format!("[^{}]: {note}\n", i + 1));
        }
    }
    out.into_bytes()
}

// ---------------------------------------------------------------------------
// PDF

/// One line of text placed on a PDF page; `y` is the baseline, from the bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfLine {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
    pub bold: bool,
}

/// A PDF page (A4 unless changed) with lines at given positions. `{page}` and
/// `{pages}` in a line's text become the page number and the page count.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfPage {
    pub width: f32,
    pub height: f32,
    pub lines: Vec<PdfLine>,
    /// Write words as separate strings positioned with `TJ` offsets and no space
    /// characters, as many PDF producers do.
    pub tj_gaps: bool,
}

impl Default for PdfPage {
    fn default() -> Self {
        PdfPage {
            width: 595.0,
            height: 842.0,
            lines: Vec::new(),
            tj_gaps: false,
        }
    }
}

impl PdfPage {
    pub fn new() -> Self {
        PdfPage::default()
    }

    /// Adds one line.
    pub fn line(mut self, x: f32, y: f32, size: f32, text: &str) -> Self {
        self.lines.push(PdfLine {
            x,
            y,
            size,
            text: text.to_owned(),
            bold: false,
        });
        self
    }

    /// Adds one bold line.
    pub fn bold_line(mut self, x: f32, y: f32, size: f32, text: &str) -> Self {
        self.lines.push(PdfLine {
            x,
            y,
            size,
            text: text.to_owned(),
            bold: true,
        });
        self
    }

    /// Adds lines downwards from baseline `top`, `leading` apart; an empty string
    /// leaves a line's space blank (a paragraph gap).
    pub fn text_block(mut self, x: f32, top: f32, size: f32, leading: f32, lines: &[&str]) -> Self {
        for (i, text) in lines.iter().enumerate() {
            if !text.is_empty() {
                self = self.line(x, top - leading * i as f32, size, text);
            }
        }
        self
    }

    /// One column of 11 pt text with 14 pt leading from the top margin.
    pub fn single_column(lines: &[&str]) -> Self {
        PdfPage::new().text_block(72.0, 760.0, 11.0, 14.0, lines)
    }

    /// Two columns of 10 pt text, 12 pt leading, the gutter between x = 290 and 312.
    pub fn two_columns(left: &[&str], right: &[&str]) -> Self {
        PdfPage::new()
            .text_block(56.0, 760.0, 10.0, 12.0, left)
            .text_block(312.0, 760.0, 10.0, 12.0, right)
    }

    /// Adds a running header line at the top and a footer line at the bottom.
    pub fn with_running(self, header: &str, footer: &str) -> Self {
        let top = self.height - 40.0;
        self.line(72.0, top, 9.0, header)
            .line(260.0, 36.0, 9.0, footer)
    }

    /// Writes words as separate `TJ` strings without space characters.
    pub fn with_tj_gaps(mut self) -> Self {
        self.tj_gaps = true;
        self
    }
}

/// Encodes text for a WinAnsiEncoding font.
fn win_ansi(text: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    bytes.into_owned()
}

fn helvetica(doc: &mut Document, name: &str) -> lopdf::ObjectId {
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => name,
        "Encoding" => "WinAnsiEncoding",
    })
}

fn line_operations(line: &PdfLine, page: usize, pages: usize, tj_gaps: bool) -> Vec<Operation> {
    let text = line
        .text
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string());
    let font = if line.bold { "F2" } else { "F1" };
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec![font.into(), line.size.into()]),
        Operation::new("Td", vec![line.x.into(), line.y.into()]),
    ];
    if tj_gaps {
        let mut array = Vec::new();
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                // A quarter of an em, the width of a space.
                array.push(Object::Integer(-250));
            }
            array.push(Object::String(win_ansi(word), StringFormat::Literal));
        }
        ops.push(Operation::new("TJ", vec![Object::Array(array)]));
    } else {
        ops.push(Operation::new(
            "Tj",
            vec![Object::String(win_ansi(&text), StringFormat::Literal)],
        ));
    }
    ops.push(Operation::new("ET", vec![]));
    ops
}

fn pdf_document(pages: &[PdfPage]) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let regular = helvetica(&mut doc, "Helvetica");
    let bold = helvetica(&mut doc, "Helvetica-Bold");
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold },
    });
    let mut kids = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let operations: Vec<Operation> = page
            .lines
            .iter()
            .flat_map(|line| line_operations(line, i + 1, pages.len(), page.tj_gaps))
            .collect();
        let content = Content { operations }.encode().expect("encode content");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), page.width.into(), page.height.into()],
        });
        kids.push(Object::Reference(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(b"caucus-fixture-1".to_vec(), StringFormat::Hexadecimal),
            Object::String(b"caucus-fixture-1".to_vec(), StringFormat::Hexadecimal),
        ]),
    );
    doc
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save PDF");
    bytes
}

/// A PDF of these pages, text in Helvetica (regular and bold).
pub fn pdf(pages: &[PdfPage]) -> Vec<u8> {
    let mut doc = pdf_document(pages);
    doc.compress();
    save(doc)
}

/// A PDF cut off part-way, as an interrupted download leaves it.
pub fn truncated_pdf() -> Vec<u8> {
    let mut bytes = pdf(&[PdfPage::single_column(&[
        "Country: Chile",
        "",
        "Text that was cut off.",
    ])]);
    bytes.truncate(bytes.len() * 2 / 5);
    bytes
}

/// A PDF encrypted (RC4, 128 bit) with a user password, so it cannot be opened
/// without one.
pub fn encrypted_pdf() -> Vec<u8> {
    encrypted_pdf_with_password("secret")
}

/// A PDF encrypted with this user password; an empty one means anyone may open it
/// (only the owner's permissions are restricted).
pub fn encrypted_pdf_with_password(user_password: &str) -> Vec<u8> {
    let mut doc = pdf_document(&[PdfPage::single_column(&[
        "Country: Chile",
        "",
        "A protected paper.",
    ])]);
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: lopdf::Permissions::PRINTABLE,
    };
    let state = lopdf::EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypt PDF");
    save(doc)
}

/// A scanned paper: one page showing an image, with no text at all.
pub fn image_only_pdf() -> Vec<u8> {
    let mut doc = pdf_document(&[PdfPage::new()]);
    let pixels: Vec<u8> = (0..64u8).map(|i| i.wrapping_mul(37)).collect();
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => 8,
            "Height" => 8,
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        },
        pixels,
    ));
    let content = Content {
        operations: vec![
            Operation::new("q", vec![]),
            Operation::new(
                "cm",
                vec![
                    400.into(),
                    0.into(),
                    0.into(),
                    500.into(),
                    100.into(),
                    150.into(),
                ],
            ),
            Operation::new("Do", vec!["Im1".into()]),
            Operation::new("Q", vec![]),
        ],
    }
    .encode()
    .expect("encode content");
    let pages = doc.get_pages();
    let page_id = *pages.get(&1).expect("page 1");
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    if let Ok(page) = doc.get_object_mut(page_id).and_then(Object::as_dict_mut) {
        page.set("Contents", content_id);
        page.set(
            "Resources",
            dictionary! { "XObject" => dictionary! { "Im1" => image } },
        );
    }
    doc.compress();
    save(doc)
}
