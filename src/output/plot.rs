//! The similarity heatmap a chair can put on a slide: countries on both axes in
//! bloc order, bloc boundaries drawn, as SVG (or PNG when the file name says so).

use crate::analysis::similarity::BlocsResult;
use std::fmt::Write as _;
use std::path::Path;

const CELL: usize = 22;
const LABEL: usize = 150;
const TOP: usize = 60;

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

/// Builds the SVG document.
pub fn svg(r: &BlocsResult) -> String {
    let n = r.order.len();
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
    let size = LABEL + n * CELL + 90;
    let height = TOP + LABEL + n * CELL + 50;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{height}" viewBox="0 0 {size} {height}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        out,
        r#"<text x="10" y="24" font-size="16" font-weight="bold">{}</text>"#,
        escape(&r.scope)
    );
    let _ = writeln!(
        out,
        r##"<text x="10" y="44" font-size="11" fill="#555">Similarity of papers (darker = more alike, scale 0 to {max:.2}); boxes are blocs</text>"##
    );
    let x0 = LABEL;
    let y0 = TOP + LABEL;
    for (i, name) in r.order.iter().enumerate() {
        let y = y0 + i * CELL + CELL / 2 + 4;
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{y}" font-size="11" text-anchor="end">{}</text>"#,
            x0 - 6,
            escape(name)
        );
        let x = x0 + i * CELL + CELL / 2 + 4;
        let _ = writeln!(
            out,
            r#"<text x="{x}" y="{}" font-size="11" transform="rotate(-60 {x} {})">{}</text>"#,
            y0 - 6,
            y0 - 6,
            escape(name)
        );
        for j in 0..n {
            let v = r.matrix[i].get(j).copied().unwrap_or(0.0);
            let fill = if i == j {
                "rgb(200,200,200)".to_owned()
            } else {
                shade(v / max)
            };
            let _ = writeln!(
                out,
                r#"<rect x="{}" y="{}" width="{CELL}" height="{CELL}" fill="{fill}"><title>{} / {}: {v:.2}</title></rect>"#,
                x0 + j * CELL,
                y0 + i * CELL,
                escape(name),
                escape(&r.order[j])
            );
        }
    }
    let mut start = 0;
    for b in &r.blocs {
        let len = b.members.len();
        let _ = writeln!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#d62728" stroke-width="2.5"/>"##,
            x0 + start * CELL,
            y0 + start * CELL,
            len * CELL,
            len * CELL
        );
        start += len;
    }
    let _ = writeln!(out, "</svg>");
    out
}

/// Writes the heatmap to `path`: SVG, or PNG when the name ends in .png.
pub fn heatmap(r: &BlocsResult, path: &Path) -> Result<(), String> {
    let doc = svg(r);
    let is_png = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("png"));
    if is_png {
        return png(&doc, path);
    }
    std::fs::write(path, doc).map_err(|e| e.to_string())
}

/// Renders the SVG at twice its size, with the machine's fonts for the names.
fn png(doc: &str, path: &Path) -> Result<(), String> {
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
        .or_else(|| families.first().cloned())
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
    let scale = 2.0;
    let mut pixmap = tiny_skia::Pixmap::new(size.width() * 2, size.height() * 2)
        .ok_or("the plot is too large to draw")?;
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

    fn result() -> BlocsResult {
        BlocsResult {
            committee: "CND".into(),
            scope: "CND <test>".into(),
            countries: 3,
            blocs: vec![crate::analysis::similarity::Bloc {
                number: 1,
                members: vec!["Belgium".into(), "Netherlands".into()],
                cohesion: 0.4,
                terms: vec![],
            }],
            unaligned: vec!["Russia".into()],
            method: String::new(),
            silhouette: 0.3,
            explanation: String::new(),
            order: vec!["Belgium".into(), "Netherlands".into(), "Russia".into()],
            matrix: vec![
                vec![1.0, 0.4, 0.1],
                vec![0.4, 1.0, 0.05],
                vec![0.1, 0.05, 1.0],
            ],
            plot: None,
        }
    }

    #[test]
    fn svg_has_every_cell_both_axes_and_bloc_boxes() {
        let doc = svg(&result());
        assert_eq!(
            doc.matches("<rect x=").count(),
            9 + 1,
            "9 cells and one bloc box"
        );
        assert_eq!(doc.matches(">Belgium</text>").count(), 2);
        assert!(doc.contains("CND &lt;test&gt;"));
        assert!(doc.contains("stroke=\"#d62728\""));
    }

    #[test]
    fn png_is_rendered_when_fonts_exist() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plot.png");
        match heatmap(&result(), &path) {
            Ok(()) => assert!(std::fs::read(&path)
                .unwrap()
                .starts_with(&[0x89, b'P', b'N', b'G'])),
            Err(e) => assert!(e.contains("no fonts"), "{e}"),
        }
    }
}
