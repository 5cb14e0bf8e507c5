//! The similarity heatmap a chair can put on a slide: countries on both axes in
//! bloc order, each bloc boxed and labelled, unaligned countries marked, a colour
//! bar for the scale; as SVG, or PNG when the file name says so. Large committees
//! get smaller cells and labels, so the image stays a readable size.

use crate::analysis::similarity::BlocsResult;
use std::fmt::Write as _;
use std::path::Path;

/// The formats `--plot` writes, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    /// The format a path asks for, or a message naming what is supported.
    pub fn of(path: &Path) -> Result<Format, String> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("svg") => Ok(Format::Svg),
            Some("png") => Ok(Format::Png),
            Some(other) => Err(format!(
                "--plot writes .svg or .png files, not .{other}; name the file plot.svg or plot.png"
            )),
            None => Err(
                "--plot needs a file name ending in .svg or .png (for example blocs.svg)"
                    .to_owned(),
            ),
        }
    }
}

/// Committees up to this size get full-size cells and labels.
const FULL_SIZE: usize = 60;
/// The matrix's side in pixels for large committees.
const LARGE_SIDE: usize = 1200;

/// Sizes that depend on how many countries there are.
struct Layout {
    cell: usize,
    font: usize,
    label: usize,
    top: usize,
}

impl Layout {
    fn new(n: usize) -> Layout {
        let cell = if n <= FULL_SIZE {
            22
        } else {
            (LARGE_SIDE / n.max(1)).max(4)
        };
        let font = if n <= FULL_SIZE {
            11
        } else {
            (cell * 8 / 10).max(3)
        };
        let label = (font * 14).max(60);
        Layout {
            cell,
            font,
            label,
            top: 70,
        }
    }
}

/// Colour for a similarity in [0, 1]: white to deep blue.
fn shade(s: f32) -> String {
    let s = s.clamp(0.0, 1.0);
    let lerp = |a: f32, b: f32| (a + (b - a) * s).round() as u8;
    format!(
        "rgb({},{},{})",
        lerp(255.0, 8.0),
        lerp(255.0, 48.0),
        lerp(255.0, 107.0)
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Colour of the unaligned marks.
const UNALIGNED: &str = "#8c564b";
/// Colour of the bloc boxes and labels.
const BLOC: &str = "#d62728";

/// Builds the SVG document.
pub fn svg(r: &BlocsResult) -> String {
    let n = r.order.len();
    let l = Layout::new(n);
    // The diagonal (1.0) would wash out the scale: colour by the off-diagonal range.
    let max = r
        .matrix
        .iter()
        .enumerate()
        .flat_map(|(i, row)| {
            row.iter()
                .enumerate()
                .filter(move |(j, _)| *j != i)
                .map(|(_, v)| *v)
        })
        .fold(0.0f32, f32::max)
        .max(0.01);
    let side = n * l.cell;
    let legend = 260;
    let width = l.label + side + legend;
    let height = (l.top + l.label + side + 40).max(l.top + 320);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        out,
        r#"<text x="10" y="24" font-size="16" font-weight="bold">{}</text>"#,
        escape(&r.scope)
    );
    let sub = if r.clear {
        format!(
            "Similarity of papers (darker = more alike); {} boxed and labelled; unaligned countries in brown",
            crate::analysis::similarity::plural(r.blocs.len(), "bloc", "blocs")
        )
    } else {
        "Similarity of papers (darker = more alike): no clear blocs".to_owned()
    };
    let _ = writeln!(
        out,
        r##"<text x="10" y="44" font-size="11" fill="#555">{}</text>"##,
        escape(&sub)
    );
    let x0 = l.label;
    let y0 = l.top + l.label;
    let aligned = n - r.unaligned.len();
    let cell = l.cell;
    for (i, name) in r.order.iter().enumerate() {
        let unaligned = r.clear && i >= aligned;
        let colour = if unaligned { UNALIGNED } else { "black" };
        let style = if unaligned {
            r#" font-style="italic""#
        } else {
            ""
        };
        let y = y0 + i * cell + cell / 2 + l.font * 4 / 10;
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{y}" font-size="{}" text-anchor="end" fill="{colour}"{style}>{}</text>"#,
            x0 - 4,
            l.font,
            escape(name)
        );
        let x = x0 + i * cell + cell / 2 + l.font * 4 / 10;
        let _ = writeln!(
            out,
            r#"<text x="{x}" y="{}" font-size="{}" fill="{colour}"{style} transform="rotate(-60 {x} {})">{}</text>"#,
            y0 - 4,
            l.font,
            y0 - 4,
            escape(name)
        );
        for j in 0..n {
            let v = r
                .matrix
                .get(i)
                .and_then(|row| row.get(j))
                .copied()
                .unwrap_or(0.0);
            let fill = if i == j {
                "rgb(200,200,200)".to_owned()
            } else {
                shade(v / max)
            };
            let _ = writeln!(
                out,
                r#"<rect x="{}" y="{}" width="{cell}" height="{cell}" fill="{fill}"><title>{} / {}: {v:.2}</title></rect>"#,
                x0 + j * cell,
                y0 + i * cell,
                escape(name),
                escape(&r.order[j])
            );
        }
    }
    // Bloc boxes, with the bloc's number and label to the right of the matrix.
    let mut start = 0;
    let right = x0 + side + 10;
    for b in &r.blocs {
        let len = b.members.len();
        let _ = writeln!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{BLOC}" stroke-width="2"/>"##,
            x0 + start * cell,
            y0 + start * cell,
            len * cell,
            len * cell
        );
        let y = y0 + start * cell + (len * cell) / 2 + 4;
        let _ = writeln!(
            out,
            r##"<text x="{right}" y="{y}" font-size="11" fill="{BLOC}" font-weight="bold">Bloc {}<tspan font-weight="normal" fill="black"> ({}): {}</tspan></text>"##,
            b.number,
            len,
            escape(&b.label)
        );
        start += len;
    }
    if r.clear && !r.unaligned.is_empty() {
        let len = r.unaligned.len();
        let _ = writeln!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="{UNALIGNED}" stroke-width="1.5" stroke-dasharray="4 3"/>"##,
            x0 + start * cell,
            y0 + start * cell,
            len * cell,
            len * cell
        );
        let _ = writeln!(
            out,
            r##"<text x="{right}" y="{}" font-size="11" fill="{UNALIGNED}" font-style="italic">Unaligned ({len})</text>"##,
            y0 + start * cell + (len * cell) / 2 + 4,
        );
    }
    // Colour bar: 0 at the bottom to the largest similarity at the top.
    let bar_x = right;
    let bar_y = l.top;
    let bar_h = 160;
    let _ = writeln!(
        out,
        r#"<defs><linearGradient id="scale" x1="0" y1="1" x2="0" y2="0"><stop offset="0" stop-color="{}"/><stop offset="1" stop-color="{}"/></linearGradient></defs>"#,
        shade(0.0),
        shade(1.0)
    );
    let _ = writeln!(
        out,
        r##"<rect class="colour-bar" x="{bar_x}" y="{bar_y}" width="14" height="{bar_h}" fill="url(#scale)" stroke="#999"/>"##
    );
    for (frac, value) in [(0.0, 0.0), (0.5, max / 2.0), (1.0, max)] {
        let y = bar_y + bar_h - (frac * bar_h as f32) as usize;
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" font-size="10">{value:.2}</text>"#,
            bar_x + 18,
            y + 3
        );
    }
    let _ = writeln!(
        out,
        r#"<text x="{bar_x}" y="{}" font-size="10">similarity</text>"#,
        bar_y - 6
    );
    let _ = writeln!(out, "</svg>");
    out
}

/// Writes the heatmap to `path` in the format its extension names.
pub fn heatmap(r: &BlocsResult, path: &Path) -> Result<(), String> {
    let format = Format::of(path)?;
    let doc = svg(r);
    match format {
        Format::Png => png(
            &doc,
            path,
            if r.order.len() <= FULL_SIZE { 2.0 } else { 1.0 },
        ),
        Format::Svg => std::fs::write(path, doc).map_err(|e| e.to_string()),
    }
}

/// Renders the SVG, with the machine's fonts for the names.
fn png(doc: &str, path: &Path, scale: f32) -> Result<(), String> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    // The SVG asks for Helvetica/Arial/sans-serif; map those to a font that exists.
    let families: Vec<String> = options
        .fontdb
        .faces()
        .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
        .collect();
    let preferred = [
        "Liberation Sans",
        "DejaVu Sans",
        "Noto Sans",
        "FreeSans",
        "Arial",
        "Helvetica",
    ];
    let Some(family) = preferred
        .iter()
        .find(|p| families.iter().any(|f| f == *p))
        .map(|p| (*p).to_owned())
        .or_else(|| {
            let mut sorted = families.clone();
            sorted.sort();
            sorted.into_iter().next()
        })
    else {
        return Err(
            "no fonts found on this machine to draw country names; write an .svg instead"
                .to_owned(),
        );
    };
    options.fontdb_mut().set_sans_serif_family(family.clone());
    options.font_family = family;
    let tree = usvg::Tree::from_str(doc, &options).map_err(|e| e.to_string())?;
    let size = tree.size().to_int_size();
    let w = (size.width() as f32 * scale).ceil() as u32;
    let h = (size.height() as f32 * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or("the plot is too large to draw")?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.save_png(path).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::similarity::Bloc;

    fn result(n: usize) -> BlocsResult {
        let names: Vec<String> = (0..n).map(|i| format!("Country {i}")).collect();
        let half = n / 2;
        BlocsResult {
            committee: "CND".into(),
            topic: None,
            scope: "CND <test>".into(),
            countries: n,
            clear: true,
            blocs: vec![Bloc {
                committee: "CND".into(),
                topic: None,
                number: 1,
                label: "harm reduction / needle exchange".into(),
                members: names[..half].to_vec(),
                codes: vec![String::new(); half],
                cohesion: 0.4,
                terms: vec![],
            }],
            unaligned: names[half..].to_vec(),
            unaligned_codes: vec![String::new(); n - half],
            closest_pairs: vec![],
            method: String::new(),
            silhouette: 0.3,
            chance_silhouette: 0.05,
            explanation: String::new(),
            order: names.clone(),
            matrix: (0..n)
                .map(|i| {
                    (0..n)
                        .map(|j| {
                            if i == j {
                                1.0
                            } else {
                                ((i + j) % 7) as f32 / 10.0
                            }
                        })
                        .collect()
                })
                .collect(),
            plot: None,
        }
    }

    #[test]
    fn svg_has_every_cell_a_colour_bar_labels_and_unaligned_marks() {
        let doc = svg(&result(3));
        assert_eq!(
            doc.matches("<rect x=").count(),
            9 + 1 + 1,
            "9 cells, a bloc box, an unaligned box"
        );
        assert_eq!(doc.matches(">Country 0</text>").count(), 2);
        assert!(doc.contains("CND &lt;test&gt;"));
        assert!(doc.contains("colour-bar"));
        assert!(doc.contains("harm reduction / needle exchange"));
        assert!(doc.contains("Unaligned (2)"));
        assert!(doc.contains("font-style=\"italic\">Country 2<"));
    }

    #[test]
    fn large_committees_shrink_to_a_readable_size() {
        let doc = svg(&result(192));
        let width: usize = doc
            .split("width=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .unwrap();
        assert!(width < 2000, "{width}");
        assert!(doc.contains("font-size=\"4\""));
    }

    #[test]
    fn only_svg_and_png_are_written() {
        assert_eq!(Format::of(Path::new("a.SVG")), Ok(Format::Svg));
        assert_eq!(Format::of(Path::new("a.png")), Ok(Format::Png));
        let e = Format::of(Path::new("x.pdf")).unwrap_err();
        assert!(e.contains(".svg or .png") && e.contains(".pdf"), "{e}");
        assert!(Format::of(Path::new("plot")).is_err());
    }

    #[test]
    fn png_is_rendered_when_fonts_exist() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plot.png");
        match heatmap(&result(3), &path) {
            Ok(()) => assert!(std::fs::read(&path)
                .unwrap()
                .starts_with(&[0x89, b'P', b'N', b'G'])),
            Err(e) => assert!(e.contains("no fonts"), "{e}"),
        }
    }
}
