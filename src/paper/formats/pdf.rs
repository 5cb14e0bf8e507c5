//! PDF papers: the text layer of each page, read glyph by glyph with pdf-extract and
//! laid out into lines by `pdf_layout`. Before extraction the document is made safe
//! for pdf-extract: compressed streams are inflated within the size limit, and content
//! streams are reduced to well-formed text operations, so that broken files give
//! errors rather than panics as far as can be foreseen.

use std::collections::HashSet;
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::super::blocks::{blocks_from_lines, Block};
use super::pdf_layout::{page_lines, Glyph, PageGlyphs};
use super::{ExtractError, Limits};

const LABEL: &str = "PDF";

/// Nesting of form XObjects followed; deeper (or cyclic) ones are dropped.
const MAX_FORM_DEPTH: usize = 8;

/// Extracts the blocks of a PDF paper, every line carrying its page number.
///
/// A PDF encrypted with an empty user password (only the owner's permissions are
/// restricted) opens like any other; `Encrypted` means a password is needed.
pub(crate) fn extract(bytes: &[u8], limits: &Limits) -> Result<Vec<Block>, ExtractError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(ExtractError::Corrupt(LABEL, "no PDF header".into()));
    }
    let mut doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        // Offsets gone wrong (a file edited by hand or by a careless tool) are
        // mended by listing the objects anew; a truncated file stays an error.
        Err(e) => rebuild_xref(bytes)
            .and_then(|mended| Document::load_mem(&mended).ok())
            .ok_or_else(|| load_error(e))?,
    };
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(ExtractError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ExtractError::Corrupt(
            LABEL,
            "no pages (damaged or truncated file?)".into(),
        ));
    }
    inflate_streams(&mut doc, limits)?;
    repair(&mut doc);
    sanitize(&mut doc, &pages.values().copied().collect::<Vec<_>>())?;

    let mut glyph_pages = Vec::with_capacity(pages.len());
    let mut fonts_stripped = false;
    for &number in pages.keys() {
        let page = match read_page(&doc, number) {
            Ok(page) => page,
            Err(PageError::Panicked) if !fonts_stripped => {
                // pdf-extract panics on some embedded font programs; without them it
                // still decodes text through the fonts' encodings.
                strip_font_programs(&mut doc);
                fonts_stripped = true;
                read_page(&doc, number).map_err(|e| e.into_extract_error(number))?
            }
            Err(e) => return Err(e.into_extract_error(number)),
        };
        glyph_pages.push(page);
    }

    let has_text = glyph_pages.iter().any(|p| {
        p.glyphs
            .iter()
            .any(|g| g.text.chars().any(|c| !c.is_whitespace()))
    });
    if !has_text {
        // Scanned pages (images), or text drawn as outlines: either way OCR is needed.
        return Err(ExtractError::NoText);
    }
    Ok(blocks_from_lines(page_lines(&glyph_pages)))
}

fn load_error(e: lopdf::Error) -> ExtractError {
    match e {
        lopdf::Error::Decryption(_)
        | lopdf::Error::InvalidPassword
        | lopdf::Error::UnsupportedSecurityHandler(_) => ExtractError::Encrypted,
        lopdf::Error::Xref(_) | lopdf::Error::MissingXrefEntry => ExtractError::Corrupt(
            LABEL,
            "damaged or truncated file (no readable cross-reference table)".into(),
        ),
        lopdf::Error::Parse(e) => {
            ExtractError::Corrupt(LABEL, format!("damaged or truncated file ({e})"))
        }
        other => ExtractError::Corrupt(LABEL, other.to_string()),
    }
}

/// A copy of a complete (not truncated), unencrypted PDF with a fresh
/// cross-reference table appended, listing every `N G obj` found in the file.
fn rebuild_xref(bytes: &[u8]) -> Option<Vec<u8>> {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let complete = tail.windows(5).any(|w| w == b"%%EOF");
    if !complete || bytes.windows(8).any(|w| w == b"/Encrypt") {
        return None;
    }
    let mut objects: std::collections::BTreeMap<u32, (u16, usize)> = Default::default();
    let mut root: Option<(u32, u16)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let at_token = (i == 0 || bytes[i - 1].is_ascii_whitespace()) && bytes[i].is_ascii_digit();
        let Some((number, generation, length)) =
            at_token.then(|| object_header(&bytes[i..])).flatten()
        else {
            i += 1;
            continue;
        };
        objects.insert(number, (generation, i));
        let body = &bytes[i + length..bytes.len().min(i + length + 4096)];
        let body = body
            .windows(6)
            .position(|w| w == b"endobj")
            .map_or(body, |end| &body[..end]);
        if is_catalog(body) {
            root = Some((number, generation));
        }
        i += length;
    }
    let (root_number, root_generation) = root?;
    let mut out = bytes.to_vec();
    out.push(b'\n');
    let xref_at = out.len();
    out.extend_from_slice(b"xref\n0 1\n0000000000 65535 f\r\n");
    for (number, (generation, offset)) in &objects {
        out.extend_from_slice(format!("{number} 1\n{offset:010} {generation:05} n\r\n").as_bytes());
    }
    let size = objects
        .keys()
        .next_back()
        .map_or(1, |n| n.saturating_add(1));
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {size} /Root {root_number} {root_generation} R >>\nstartxref\n{xref_at}\n%%EOF\n"
        )
        .as_bytes(),
    );
    Some(out)
}

/// `12 0 obj` at the start of `bytes`: (number, generation, length of the header).
fn object_header(bytes: &[u8]) -> Option<(u32, u16, usize)> {
    let digits = |from: usize| {
        bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let spaces = |from: usize| {
        bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
    };
    let number_len = digits(0);
    let gap1 = spaces(number_len);
    let generation_len = digits(number_len + gap1);
    let gap2 = spaces(number_len + gap1 + generation_len);
    let keyword = number_len + gap1 + generation_len + gap2;
    if number_len == 0
        || number_len > 10
        || gap1 == 0
        || generation_len == 0
        || generation_len > 5
        || gap2 == 0
    {
        return None;
    }
    if bytes.get(keyword..keyword + 3) != Some(b"obj".as_slice()) {
        return None;
    }
    // "obj" must end there, not begin a longer word.
    if bytes
        .get(keyword + 3)
        .is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return None;
    }
    let number = std::str::from_utf8(&bytes[..number_len])
        .ok()?
        .parse()
        .ok()?;
    let generation =
        std::str::from_utf8(&bytes[number_len + gap1..number_len + gap1 + generation_len])
            .ok()?
            .parse()
            .ok()?;
    Some((number, generation, keyword + 3))
}

/// Whether an object's text declares `/Type /Catalog`.
fn is_catalog(body: &[u8]) -> bool {
    body.windows(5).enumerate().any(|(i, w)| {
        w == b"/Type"
            && body[i + 5..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .take(8)
                .eq(b"/Catalog".iter())
    })
}

// ---------------------------------------------------------------------------
// Reading pages

enum PageError {
    Failed(OutputError),
    Panicked,
}

impl PageError {
    fn into_extract_error(self, page: u32) -> ExtractError {
        match self {
            PageError::Failed(e) => {
                ExtractError::Corrupt(LABEL, format!("page {page} could not be read ({e})"))
            }
            PageError::Panicked => {
                ExtractError::Corrupt(LABEL, format!("page {page} could not be read"))
            }
        }
    }
}

fn read_page(doc: &Document, number: u32) -> Result<PageGlyphs, PageError> {
    let mut collector = Collector::default();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::output_doc_page(doc, &mut collector, number)
    }));
    match outcome {
        Ok(Ok(())) => Ok(PageGlyphs {
            number,
            glyphs: collector.glyphs,
        }),
        Ok(Err(e)) => Err(PageError::Failed(e)),
        Err(_) => Err(PageError::Panicked),
    }
}

/// Collects the glyphs pdf-extract reports for a page.
#[derive(Default)]
struct Collector {
    glyphs: Vec<Glyph>,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // Upright text only: rotated text (margin stamps, rotated table headers) would
        // scramble the lines around it.
        if trm.m11 <= 0.0 || trm.m12.abs() > 0.1 * trm.m11 || trm.m22 <= 0.0 {
            return Ok(());
        }
        let text: String = text.chars().filter(|c| !c.is_control()).collect();
        let size = (font_size * trm.m22).abs();
        let advance = width * font_size * trm.m11.hypot(trm.m12);
        if text.is_empty() || !size.is_finite() || size <= 0.0 || !advance.is_finite() {
            return Ok(());
        }
        self.glyphs.push(Glyph {
            x: trm.m31 as f32,
            // PDF measures up from the bottom; lines are read downwards.
            y: -trm.m32 as f32,
            width: advance.max(0.0) as f32,
            size: size as f32,
            text,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Inflating streams within the limit

/// Decodes every filtered stream text extraction may read (not images), each
/// layer of each filter chain counted against `max_unzipped_bytes`, so that no
/// decompression bomb (a predictor, a double /FlateDecode, LZW) reaches the PDF
/// library still compressed: it fails here, as too large, instead of exhausting
/// memory there.
fn inflate_streams(doc: &mut Document, limits: &Limits) -> Result<(), ExtractError> {
    let mut budget = limits.max_unzipped_bytes;
    for (id, object) in doc.objects.iter_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if is_image(stream) || stream.dict.get(b"Filter").is_err() {
            continue;
        }
        match decode_bounded(stream, budget) {
            Decoded::Plain(data) => {
                budget -= data.len() as u64;
                stream.set_plain_content(data);
            }
            Decoded::TooLarge => {
                return Err(ExtractError::TooLarge(
                    format!("PDF stream {} {}", id.0, id.1),
                    limits.unzipped_mb(),
                ))
            }
            // Damaged data or a filter without text: nothing is read from it.
            Decoded::Unreadable => stream.set_plain_content(Vec::new()),
        }
    }
    Ok(())
}

enum Decoded {
    Plain(Vec<u8>),
    TooLarge,
    Unreadable,
}

/// LZW can expand each 12-bit code to at most 4,096 bytes.
const LZW_MAX_RATIO: u64 = 4096 * 8 / 12;

/// Runs a stream's filter chain, never holding more than `budget` decoded bytes.
fn decode_bounded(stream: &Stream, budget: u64) -> Decoded {
    let Ok(filters) = stream.filters() else {
        return Decoded::Unreadable;
    };
    let filters: Vec<Vec<u8>> = filters.into_iter().map(<[u8]>::to_vec).collect();
    let params = stream.dict.get(b"DecodeParms").ok().and_then(|p| match p {
        Object::Dictionary(d) => Some(d.clone()),
        Object::Array(a) => a.first().and_then(|o| o.as_dict().ok()).cloned(),
        _ => None,
    });
    let mut data = stream.content.clone();
    for filter in &filters {
        data = match filter.as_slice() {
            b"FlateDecode" | b"Fl" => match inflate_bounded(&data, budget) {
                Some(out) if out.len() as u64 > budget => return Decoded::TooLarge,
                Some(out) => match unpredict(out, params.as_ref()) {
                    Some(out) => out,
                    None => return Decoded::Unreadable,
                },
                None => return Decoded::Unreadable,
            },
            // ASCII85 and hex only shrink; LZW is bounded by its worst case first.
            b"ASCII85Decode" | b"A85" | b"ASCIIHexDecode" | b"AHx" | b"LZWDecode" | b"LZW" => {
                let lzw = matches!(filter.as_slice(), b"LZWDecode" | b"LZW");
                if lzw && (data.len() as u64).saturating_mul(LZW_MAX_RATIO) > budget {
                    // Its size cannot be known without decoding it whole.
                    return Decoded::TooLarge;
                }
                let mut dict = Dictionary::new();
                dict.set("Filter", Object::Name(filter.clone()));
                if let Some(p) = &params {
                    dict.set("DecodeParms", Object::Dictionary(p.clone()));
                }
                match Stream::new(dict, data).decompressed_content() {
                    Ok(out) if out.len() as u64 > budget => return Decoded::TooLarge,
                    Ok(out) => out,
                    Err(_) => return Decoded::Unreadable,
                }
            }
            _ => return Decoded::Unreadable,
        };
    }
    Decoded::Plain(data)
}

/// Inflates zlib data (raw deflate when the zlib wrapper is damaged, as the PDF
/// library does), reading at most `budget + 1` bytes; None when nothing inflates.
fn inflate_bounded(input: &[u8], budget: u64) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(input)
        .take(budget.saturating_add(1))
        .read_to_end(&mut out);
    if zlib.is_ok() || !out.is_empty() {
        return Some(out);
    }
    if input.len() > 2 {
        out.clear();
        let raw = flate2::read::DeflateDecoder::new(&input[2..])
            .take(budget.saturating_add(1))
            .read_to_end(&mut out);
        if raw.is_ok() || !out.is_empty() {
            return Some(out);
        }
    }
    None
}

/// Undoes a PNG predictor (which only ever shrinks the data); None when it is one
/// this reader does not know.
fn unpredict(data: Vec<u8>, params: Option<&Dictionary>) -> Option<Vec<u8>> {
    let Some(params) = params else {
        return Some(data);
    };
    let get = |key: &[u8], default: i64| {
        params
            .get(key)
            .and_then(Object::as_i64)
            .unwrap_or(default)
            .clamp(1, 1 << 16) as usize
    };
    match get(b"Predictor", 1) {
        1 => Some(data),
        10..=15 => {
            let columns = get(b"Columns", 1);
            let colors = get(b"Colors", 1);
            let bits = get(b"BitsPerComponent", 8).max(8);
            lopdf::filters::png::decode_frame(&data, (colors * bits / 8).max(1), columns).ok()
        }
        _ => None,
    }
}

fn is_image(stream: &Stream) -> bool {
    matches!(
        stream.dict.get(b"Subtype").and_then(Object::as_name),
        Ok(b"Image")
    )
}

// ---------------------------------------------------------------------------
// Making content safe for pdf-extract

/// Rewrites every page's content (and the forms it draws) to the text operations
/// pdf-extract understands, each with well-formed operands, and gives every page a
/// well-formed media box.
fn sanitize(doc: &mut Document, pages: &[ObjectId]) -> Result<(), ExtractError> {
    let mut rewritten: Vec<(ObjectId, Vec<u8>, bool)> = Vec::new();
    {
        let doc: &Document = doc;
        let mut sanitizer = Sanitizer {
            doc,
            forms_done: HashSet::new(),
            forms: Vec::new(),
        };
        for (index, &page_id) in pages.iter().enumerate() {
            let number = index + 1;
            let damaged = |why: &str| ExtractError::Corrupt(LABEL, format!("page {number}: {why}"));
            let raw = doc
                .get_page_content(page_id)
                .map_err(|e| damaged(&e.to_string()))?;
            let content = Content::decode(&raw).map_err(|_| damaged("damaged content stream"))?;
            let resources = inherited(doc, page_id, b"Resources").and_then(|o| deref_dict(doc, o));
            let ops = sanitizer.operations(content.operations, resources, &mut Vec::new());
            let encoded = Content { operations: ops }
                .encode()
                .map_err(|e| damaged(&e.to_string()))?;
            let needs_media_box = inherited(doc, page_id, b"MediaBox")
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_array().ok())
                .is_none_or(|a| a.len() != 4 || !a.iter().all(is_number));
            rewritten.push((page_id, encoded, needs_media_box));
        }
        for (form_id, encoded) in sanitizer.forms {
            rewritten.push((form_id, encoded, false));
        }
    }
    let page_set: HashSet<ObjectId> = pages.iter().copied().collect();
    for (id, encoded, needs_media_box) in rewritten {
        if page_set.contains(&id) {
            let content_id = doc.add_object(Stream::new(Dictionary::new(), encoded));
            if let Ok(page) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
                page.set("Contents", content_id);
                if needs_media_box {
                    // US Letter, what most readers assume.
                    page.set("MediaBox", vec![0.into(), 0.into(), 612.into(), 792.into()]);
                }
                let art_box_ok = page
                    .get(b"ArtBox")
                    .ok()
                    .and_then(|o| o.as_array().ok())
                    .is_some_and(|a| a.len() == 4 && a.iter().all(is_number));
                if !art_box_ok {
                    page.remove(b"ArtBox");
                }
            }
        } else if let Ok(Object::Stream(form)) = doc.get_object_mut(id) {
            form.set_plain_content(encoded);
        }
    }
    Ok(())
}

struct Sanitizer<'d> {
    doc: &'d Document,
    forms_done: HashSet<ObjectId>,
    /// Rewritten content of the forms drawn.
    forms: Vec<(ObjectId, Vec<u8>)>,
}

impl<'d> Sanitizer<'d> {
    /// Keeps the text operations of `ops` that are well formed; `stack` holds the
    /// forms being drawn, to cut cycles.
    fn operations(
        &mut self,
        ops: Vec<Operation>,
        resources: Option<&'d Dictionary>,
        stack: &mut Vec<ObjectId>,
    ) -> Vec<Operation> {
        let mut out = Vec::with_capacity(ops.len());
        // Whether a usable font is set, saved and restored with the graphics state.
        let mut font_ok = false;
        let mut saved: Vec<bool> = Vec::new();
        for op in ops {
            let operands = &op.operands;
            match op.operator.as_str() {
                "q" => {
                    saved.push(font_ok);
                    out.push(op);
                }
                "Q" => {
                    if let Some(previous) = saved.pop() {
                        font_ok = previous;
                        out.push(op);
                    }
                }
                "BT" | "ET" | "T*" if operands.is_empty() => out.push(op),
                "cm" | "Tm" if numbers(operands, 6) => out.push(op),
                "Td" | "TD" if numbers(operands, 2) => out.push(op),
                "Tc" | "Tw" | "Tz" | "TL" | "Ts" if numbers(operands, 1) => out.push(op),
                "Tf" => {
                    font_ok = matches!(operands.as_slice(), [Object::Name(name), size] if is_number(size)
                        && self.font_usable(resources, name));
                    if font_ok {
                        out.push(op);
                    }
                }
                "Tj" if font_ok && matches!(operands.as_slice(), [Object::String(..)]) => {
                    out.push(op)
                }
                "TJ" if font_ok && matches!(operands.as_slice(), [Object::Array(_)]) => {
                    out.push(op)
                }
                // pdf-extract does not know the quote operators: spell them out.
                "'" if font_ok && matches!(operands.as_slice(), [Object::String(..)]) => {
                    out.push(Operation::new("T*", vec![]));
                    out.push(Operation::new("Tj", op.operands));
                }
                "\"" if font_ok => {
                    if let [aw, ac, text @ Object::String(..)] = operands.as_slice() {
                        if is_number(aw) && is_number(ac) {
                            out.push(Operation::new("Tw", vec![aw.clone()]));
                            out.push(Operation::new("Tc", vec![ac.clone()]));
                            out.push(Operation::new("T*", vec![]));
                            out.push(Operation::new("Tj", vec![text.clone()]));
                        }
                    }
                }
                "Do" => {
                    if let [Object::Name(name)] = operands.as_slice() {
                        if self.draw_form(resources, name, stack) {
                            out.push(op);
                        }
                    }
                }
                // Paths, colours, clipping, images, marked content, shadings and
                // everything else: no text, and pdf-extract panics on some malformed ones.
                _ => {}
            }
        }
        out
    }

    /// Whether `Do name` draws a form, whose content is then made safe in turn.
    fn draw_form(
        &mut self,
        resources: Option<&'d Dictionary>,
        name: &[u8],
        stack: &mut Vec<ObjectId>,
    ) -> bool {
        let doc = self.doc;
        let Some(Object::Reference(id)) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| deref_dict(doc, x))
            .and_then(|x| x.get(name).ok())
        else {
            return false;
        };
        let Ok(Object::Stream(stream)) = doc.get_object(*id) else {
            return false;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Form") => {
                if stack.contains(id) || stack.len() >= MAX_FORM_DEPTH {
                    return false;
                }
                if self.forms_done.insert(*id) {
                    let content = stream
                        .decompressed_content()
                        .unwrap_or_else(|_| stream.content.clone());
                    let ops = Content::decode(&content)
                        .map(|c| c.operations)
                        .unwrap_or_default();
                    let own = stream
                        .dict
                        .get(b"Resources")
                        .ok()
                        .and_then(|r| deref_dict(doc, r));
                    stack.push(*id);
                    let ops = self.operations(ops, own.or(resources), stack);
                    stack.pop();
                    let encoded = Content { operations: ops }.encode().unwrap_or_default();
                    self.forms.push((*id, encoded));
                }
                true
            }
            _ => false,
        }
    }

    /// Whether the font `name` exists in `resources` with what pdf-extract needs to
    /// read it without panicking.
    fn font_usable(&self, resources: Option<&Dictionary>, name: &[u8]) -> bool {
        let doc = self.doc;
        let Some(font) = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|f| deref_dict(doc, f))
            .and_then(|f| f.get(name).ok())
            .and_then(|f| deref_dict(doc, f))
        else {
            return false;
        };
        let name_of = |dict: &Dictionary, key: &[u8]| -> Option<Vec<u8>> {
            let (_, object) = doc.dereference(dict.get(key).ok()?).ok()?;
            object.as_name().ok().map(<[u8]>::to_vec)
        };
        let Some(subtype) = name_of(font, b"Subtype") else {
            return false;
        };
        if name_of(font, b"BaseFont").is_none() && subtype != b"Type3" {
            return false;
        }
        match subtype.as_slice() {
            // Figures drawn with Type 3 fonts carry little text, and pdf-extract
            // panics on their missing widths.
            b"Type3" => false,
            b"Type0" => {
                let descendant = font
                    .get(b"DescendantFonts")
                    .ok()
                    .and_then(|d| doc.dereference(d).ok())
                    .and_then(|(_, d)| d.as_array().ok())
                    .and_then(|a| a.first())
                    .and_then(|d| deref_dict(doc, d));
                let encoding_ok = match font
                    .get(b"Encoding")
                    .ok()
                    .and_then(|e| doc.dereference(e).ok())
                {
                    Some((_, Object::Name(n))) => n == b"Identity-H" || n == b"Identity-V",
                    Some((_, Object::Stream(_))) => true,
                    _ => false,
                };
                encoding_ok && descendant.is_some_and(|d| d.get(b"FontDescriptor").is_ok())
            }
            _ => true,
        }
    }
}

/// Mends what pdf-extract would panic on and the document can do without:
/// references to missing objects become null, fonts naming an encoding that simple
/// fonts may not have fall back to their built-in one, and a ToUnicode map that is
/// not a stream is dropped.
fn repair(doc: &mut Document) {
    let ids: HashSet<ObjectId> = doc.objects.keys().copied().collect();
    let streams: HashSet<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| matches!(o, Object::Stream(_)))
        .map(|(id, _)| *id)
        .collect();
    for object in doc.objects.values_mut() {
        null_dangling(object, &ids, 0);
        let dict = match object {
            Object::Dictionary(dict) => dict,
            Object::Stream(stream) => &mut stream.dict,
            _ => continue,
        };
        fix_base_encoding(dict);
        let composite = matches!(dict.get(b"Subtype").and_then(Object::as_name), Ok(b"Type0"));
        match dict.get_mut(b"Encoding") {
            Ok(Object::Name(name)) if !composite && !is_simple_encoding(name) => {
                dict.remove(b"Encoding");
            }
            Ok(Object::Dictionary(encoding)) => fix_base_encoding(encoding),
            _ => {}
        }
        let to_unicode_ok = match dict.get(b"ToUnicode") {
            Err(_) => true,
            Ok(Object::Reference(id)) => streams.contains(id),
            Ok(Object::Name(name)) => name == b"Identity-H",
            Ok(Object::Stream(_)) => true,
            Ok(_) => false,
        };
        if !to_unicode_ok {
            dict.remove(b"ToUnicode");
        }
    }
}

fn null_dangling(object: &mut Object, ids: &HashSet<ObjectId>, depth: usize) {
    // Deeper nesting is not found in real documents; leave it alone.
    if depth > 64 {
        return;
    }
    match object {
        Object::Reference(id) if !ids.contains(id) => *object = Object::Null,
        Object::Array(items) => {
            for item in items {
                null_dangling(item, ids, depth + 1);
            }
        }
        Object::Dictionary(dict) => {
            for (_, value) in dict.iter_mut() {
                null_dangling(value, ids, depth + 1);
            }
        }
        Object::Stream(stream) => {
            for (_, value) in stream.dict.iter_mut() {
                null_dangling(value, ids, depth + 1);
            }
        }
        _ => {}
    }
}

fn fix_base_encoding(encoding: &mut Dictionary) {
    if let Ok(Object::Name(name)) = encoding.get(b"BaseEncoding") {
        if !is_simple_encoding(name) {
            encoding.remove(b"BaseEncoding");
        }
    }
}

/// The encodings a simple font may name (all pdf-extract accepts).
fn is_simple_encoding(name: &[u8]) -> bool {
    matches!(
        name,
        b"WinAnsiEncoding" | b"MacRomanEncoding" | b"MacExpertEncoding"
    )
}

/// Removes embedded font programs, whose parsers in pdf-extract can panic.
fn strip_font_programs(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Dictionary(dict) = object {
            if matches!(
                dict.get(b"Type").and_then(Object::as_name),
                Ok(b"FontDescriptor")
            ) {
                dict.remove(b"FontFile");
                dict.remove(b"FontFile3");
            }
        }
    }
}

/// A page attribute, looked up through the page tree as PDF inheritance works.
fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut dict = doc.get_dictionary(page).ok()?;
    for _ in 0..32 {
        if let Ok(value) = dict.get(key) {
            return Some(value);
        }
        let parent = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
        dict = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn deref_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(object).ok()?.1.as_dict().ok()
}

fn is_number(object: &Object) -> bool {
    matches!(object, Object::Integer(_) | Object::Real(_))
}

fn numbers(operands: &[Object], count: usize) -> bool {
    operands.len() == count && operands.iter().all(is_number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::blocks::BlockKind;
    use crate::paper::formats::fixtures::{self, PdfPage};
    use crate::paper::formats::test_util::texts;

    fn run(bytes: &[u8]) -> Vec<Block> {
        extract(bytes, &Limits::default()).unwrap()
    }

    #[test]
    fn pages_are_numbered_and_paragraphs_split_at_gaps() {
        let bytes = fixtures::pdf(&[
            PdfPage::single_column(&[
                "Country: Chile",
                "Committee: DISEC",
                "",
                "Chile supports the Arms Trade Treaty and calls on",
                "all states to ratify it.",
            ]),
            PdfPage::single_column(&["Second page text, with a non-prolif-", "eration clause."]),
        ]);
        let blocks = run(&bytes);
        assert_eq!(
            texts(&blocks),
            [
                "Country: Chile",
                "Committee: DISEC",
                "Chile supports the Arms Trade Treaty and calls on / all states to ratify it.",
                "Second page text, with a non-prolif- / eration clause."
            ]
        );
        assert_eq!(blocks[0].first_page(), Some(1));
        assert_eq!(blocks[3].first_page(), Some(2));
        assert!(blocks
            .iter()
            .all(|b| b.lines.iter().all(|l| l.line.is_none() && l.page.is_some())));
    }

    #[test]
    fn words_positioned_without_space_characters_get_spaces() {
        let bytes = fixtures::pdf(&[PdfPage::single_column(&[
            "Côte d’Ivoire supports the draft.",
        ])
        .with_tj_gaps()]);
        assert_eq!(texts(&run(&bytes)), ["Côte d’Ivoire supports the draft."]);
    }

    #[test]
    fn running_headers_footers_and_page_numbers_are_dropped() {
        let bodies = [
            [
                "Chile opens its paper here.",
                "It argues for the treaty.",
                "Then it closes the page.",
            ],
            [
                "A second page follows on.",
                "Its middle line differs.",
                "And so does its end.",
            ],
            [
                "The third page concludes.",
                "With a final argument.",
                "And a last sentence.",
            ],
        ];
        let pages: Vec<PdfPage> = bodies
            .iter()
            .map(|body| {
                PdfPage::single_column(body).with_running(
                    "Delegation of Chile | DISEC | A/C.1/80",
                    "Page {page} of {pages}",
                )
            })
            .collect();
        let blocks = run(&fixtures::pdf(&pages));
        let expected: Vec<String> = bodies.iter().map(|b| b.join(" / ")).collect();
        assert_eq!(texts(&blocks), expected);
        assert_eq!(blocks[2].first_page(), Some(3));
    }

    #[test]
    fn two_columns_do_not_interleave() {
        let left = [
            "The left column starts here and",
            "runs on for a few lines of text",
            "before it ends at the bottom of",
            "the column with no full stop and",
        ];
        let right = [
            "The right column comes second",
            "and must not be mixed with the",
            "left one even though the lines",
            "share their baselines exactly.",
        ];
        // The left column's sentence runs on into the right column: one paragraph.
        let blocks = run(&fixtures::pdf(&[PdfPage::two_columns(&left, &right)]));
        assert_eq!(blocks.len(), 1);
        let lines: Vec<&str> = blocks[0].lines.iter().map(|l| l.text.as_str()).collect();
        let expected: Vec<&str> = left.iter().chain(right.iter()).copied().collect();
        assert_eq!(lines, expected);
    }

    #[test]
    fn bold_lines_and_headings_stand_apart() {
        let page = PdfPage::new()
            .bold_line(72.0, 760.0, 16.0, "Topic: Small Arms")
            .line(72.0, 736.0, 11.0, "Body text under the heading.");
        let blocks = run(&fixtures::pdf(&[page]));
        assert_eq!(
            texts(&blocks),
            ["Topic: Small Arms", "Body text under the heading."]
        );
        assert_eq!(blocks[1].kind, BlockKind::Paragraph);
    }

    #[test]
    fn bad_files_give_their_errors() {
        let limits = Limits::default();
        assert!(matches!(
            extract(&fixtures::truncated_pdf(), &limits),
            Err(ExtractError::Corrupt("PDF", _))
        ));
        assert!(matches!(
            extract(&fixtures::encrypted_pdf(), &limits),
            Err(ExtractError::Encrypted)
        ));
        assert!(matches!(
            extract(&fixtures::image_only_pdf(), &limits),
            Err(ExtractError::NoText)
        ));
        let err = extract(b"<html>not a pdf</html>", &limits).unwrap_err();
        assert_eq!(err.to_string(), "not a valid PDF file: no PDF header");
        assert_eq!(
            extract(&fixtures::encrypted_pdf(), &limits)
                .unwrap_err()
                .to_string(),
            "PDF is encrypted"
        );
    }

    #[test]
    fn shifted_offsets_are_mended_but_truncation_is_not() {
        let mut bytes = fixtures::pdf(&[PdfPage::single_column(&[
            "Country: Chile",
            "",
            "Mended text.",
        ])]);
        // Bytes added after the header move every object away from its recorded offset.
        bytes.splice(9..9, b"% a comment added by some tool\n".iter().copied());
        assert_eq!(texts(&run(&bytes)), ["Country: Chile", "Mended text."]);
        let err = extract(&fixtures::truncated_pdf(), &Limits::default()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("not a valid PDF file: damaged or truncated file"),
            "{err}"
        );
    }

    #[test]
    fn an_empty_user_password_still_opens() {
        let blocks = run(&fixtures::encrypted_pdf_with_password(""));
        assert_eq!(texts(&blocks), ["Country: Chile", "A protected paper."]);
    }

    #[test]
    fn inflating_is_limited() {
        let lines = ["The same compressible line of text, again and again."; 40];
        let bytes = fixtures::pdf(&[PdfPage::single_column(&lines)]);
        assert!(run(&bytes)[0].lines.len() == 40);
        let limits = Limits {
            max_unzipped_bytes: 1000,
            ..Limits::default()
        };
        let err = extract(&bytes, &limits).unwrap_err();
        assert!(matches!(err, ExtractError::TooLarge(..)), "{err}");
    }
}
