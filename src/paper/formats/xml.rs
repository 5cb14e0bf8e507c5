//! A small streaming view of the XML inside office documents: elements named by
//! namespace and local name (so the prefixes a producer chose do not matter), their
//! attributes by local name, and text with entities resolved.

use std::borrow::Cow;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use quick_xml::XmlVersion;

use super::ExtractError;

/// The XML namespaces the extractors care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// WordprocessingML (DOCX), transitional or strict.
    Word,
    /// Office Math (equations inside DOCX).
    Math,
    /// Markup compatibility (`mc:AlternateContent`).
    Compat,
    /// Package relationships (`_rels/*.rels`).
    Rels,
    OdfText,
    OdfTable,
    OdfOffice,
    OdfStyle,
    OdfDraw,
    OdfSvg,
    Other,
}

impl Ns {
    fn from_uri(uri: &[u8]) -> Ns {
        match uri {
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | b"http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::Word,
            b"http://schemas.openxmlformats.org/officeDocument/2006/math"
            | b"http://purl.oclc.org/ooxml/officeDocument/math" => Ns::Math,
            b"http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Compat,
            b"http://schemas.openxmlformats.org/package/2006/relationships" => Ns::Rels,
            b"urn:oasis:names:tc:opendocument:xmlns:text:1.0" => Ns::OdfText,
            b"urn:oasis:names:tc:opendocument:xmlns:table:1.0" => Ns::OdfTable,
            b"urn:oasis:names:tc:opendocument:xmlns:office:1.0" => Ns::OdfOffice,
            b"urn:oasis:names:tc:opendocument:xmlns:style:1.0" => Ns::OdfStyle,
            b"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" => Ns::OdfDraw,
            b"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" => Ns::OdfSvg,
            _ => Ns::Other,
        }
    }
}

/// An element start or end: its namespace, local name and (for starts) attributes.
#[derive(Debug)]
pub(crate) struct Tag {
    pub(crate) ns: Ns,
    pub(crate) name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    /// Whether this is the element `name` in namespace `ns`.
    pub(crate) fn is(&self, ns: Ns, name: &str) -> bool {
        self.ns == ns && self.name == name
    }

    /// The value of the attribute with this local name, whatever its prefix.
    pub(crate) fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(name, _)| name == local)
            .map(|(_, value)| value.as_str())
    }
}

/// One step through a document.
#[derive(Debug)]
pub(crate) enum XmlEvent<'a> {
    Start(&'a Tag),
    End(&'a Tag),
    Text(&'a str),
}

/// Walks the XML of one part of a package (`part` names it in error messages),
/// calling `visit` for every element start, end and piece of text. Empty elements
/// come as a start followed by an end.
pub(crate) fn walk(
    xml: &str,
    label: &'static str,
    part: &str,
    mut visit: impl FnMut(XmlEvent<'_>),
) -> Result<(), ExtractError> {
    let mut reader = NsReader::from_str(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.trim_text(false);
    let damaged = |e: &dyn std::fmt::Display| {
        ExtractError::Corrupt(label, format!("damaged XML in {part} ({e})"))
    };
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(|e| damaged(&e))?;
        let ns = match resolved {
            ResolveResult::Bound(ns) => Ns::from_uri(ns.0),
            _ => Ns::Other,
        };
        match event {
            Event::Start(start) => {
                let tag = tag(ns, &start);
                visit(XmlEvent::Start(&tag));
            }
            Event::End(end) => {
                let tag = Tag {
                    ns,
                    name: String::from_utf8_lossy(end.local_name().as_ref()).into_owned(),
                    attrs: Vec::new(),
                };
                visit(XmlEvent::End(&tag));
            }
            Event::Text(text) => {
                let text = text.decode().map_err(|e| damaged(&e))?;
                visit(XmlEvent::Text(&text));
            }
            Event::CData(data) => {
                let text = data.decode().map_err(|e| damaged(&e))?;
                visit(XmlEvent::Text(&text));
            }
            Event::GeneralRef(reference) => {
                let text = resolve_reference(&reference.decode().map_err(|e| damaged(&e))?);
                visit(XmlEvent::Text(&text));
            }
            Event::Eof => return Ok(()),
            Event::Empty(_)
            | Event::Comment(_)
            | Event::Decl(_)
            | Event::PI(_)
            | Event::DocType(_) => {}
        }
    }
}

fn tag(ns: Ns, start: &BytesStart<'_>) -> Tag {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    // Malformed attributes are skipped rather than failing the whole document.
    for attr in start.attributes().flatten() {
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        let value = match attr.normalized_value(XmlVersion::Implicit1_0) {
            Ok(value) => value.into_owned(),
            Err(_) => String::from_utf8_lossy(&attr.value).into_owned(),
        };
        attrs.push((key, value));
    }
    Tag { ns, name, attrs }
}

/// `amp` -> "&", `#233` -> "é"; an unknown entity stays as written.
fn resolve_reference(name: &str) -> Cow<'static, str> {
    if let Some(text) = resolve_predefined_entity(name) {
        return Cow::Borrowed(text);
    }
    let number = name
        .strip_prefix("#x")
        .or_else(|| name.strip_prefix("#X"))
        .map(|hex| u32::from_str_radix(hex, 16))
        .or_else(|| name.strip_prefix('#').map(str::parse::<u32>));
    match number.and_then(Result::ok).and_then(char::from_u32) {
        Some(c) => Cow::Owned(c.to_string()),
        None => Cow::Owned(format!("&{name};")),
    }
}

/// A WordprocessingML on/off value: absent or anything but "0"/"false"/"off"/"none" is on.
pub(crate) fn is_on(value: Option<&str>) -> bool {
    !matches!(value, Some("0" | "false" | "off" | "none"))
}

/// Skips a subtree: started at an element, ends with that element's end.
#[derive(Debug, Default)]
pub(crate) struct Skip {
    depth: usize,
}

impl Skip {
    pub(crate) fn start(&mut self) {
        self.depth = 1;
    }

    /// Tracks `ev`; true when it lies inside (or ends) the skipped subtree.
    pub(crate) fn event(&mut self, ev: &XmlEvent<'_>) -> bool {
        if self.depth == 0 {
            return false;
        }
        match ev {
            XmlEvent::Start(_) => self.depth += 1,
            XmlEvent::End(_) => self.depth -= 1,
            XmlEvent::Text(_) => {}
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> Vec<String> {
        let mut out = Vec::new();
        walk(xml, "DOCX", "test.xml", |ev| {
            out.push(match ev {
                XmlEvent::Start(t) => format!(
                    "<{:?}:{}{}>",
                    t.ns,
                    t.name,
                    t.attr("val").map(|v| format!(" {v}")).unwrap_or_default()
                ),
                XmlEvent::End(t) => format!("</{}>", t.name),
                XmlEvent::Text(s) => s.to_owned(),
            })
        })
        .unwrap();
        out
    }

    #[test]
    fn prefixes_do_not_matter_and_entities_resolve() {
        let xml = r#"<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:b x:val="0"/>a &amp; b&#233;&#x41;&bogus;</x:p>"#;
        assert_eq!(
            events(xml).concat(),
            "<Word:p><Word:b 0></b>a & béA&bogus;</p>"
        );
    }

    #[test]
    fn broken_xml_is_corrupt() {
        let err = walk("<a><b></a>", "ODT", "content.xml", |_| {}).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("not a valid ODT file: damaged XML in content.xml"),
            "{err}"
        );
    }

    #[test]
    fn on_off_values() {
        assert!(is_on(None));
        assert!(is_on(Some("1")));
        assert!(is_on(Some("true")));
        assert!(!is_on(Some("0")));
        assert!(!is_on(Some("false")));
    }
}
