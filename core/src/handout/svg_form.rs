//! An SVG drawing, already parsed and checked by the store, as a PDF form
//! XObject that printpdf can place like an image.
//!
//! printpdf's own `Svg::parse` does the same from text, but it scans every
//! system font first, thousands of file system calls per picture, most of a
//! whole export. Parsing ourselves (with only ptbuilder's fonts, and with
//! the store's limits) and converting with svg2pdf here avoids that; the
//! conversion itself follows printpdf's: a one-page PDF from svg2pdf, whose
//! page content and resources become the form.

use printpdf::{DictItem, ExternalStream, ExternalXObject, Px};
use std::collections::BTreeMap;

/// Deepest reference chain followed in svg2pdf's output; it writes a
/// shallow tree, so this only guards against a cycle.
const MAX_INLINE_DEPTH: usize = 64;

/// Converts a parsed drawing into a form XObject of one unit square
/// (placed and scaled like an image), with its width and height in points.
pub fn form(tree: &usvg::Tree) -> Result<ExternalXObject, String> {
    let options = svg2pdf::ConversionOptions {
        compress: false,
        embed_text: false,
        ..svg2pdf::ConversionOptions::default()
    };
    // At 72 dpi one SVG unit is one point, so patterns and shapes agree.
    let pdf = svg2pdf::to_pdf(tree, options, svg2pdf::PageOptions { dpi: 72.0 })
        .map_err(|error| format!("the drawing could not be converted ({error})"))?;
    let document = lopdf::Document::load_mem(&pdf)
        .map_err(|error| format!("the drawing could not be converted ({error})"))?;
    let page = document
        .page_iter()
        .next()
        .ok_or("the drawing could not be converted (no page)")?;
    let content = document.get_page_content(page);
    let page = document
        .get_dictionary(page)
        .map_err(|error| format!("the drawing could not be converted ({error})"))?;
    let (w, h) = (tree.size().width(), tree.size().height());
    let resources = page
        .get(b"Resources")
        .map(|resources| inline(&document, resources, 0))
        .unwrap_or(DictItem::Dict {
            map: BTreeMap::new(),
        });
    let mut dict: BTreeMap<String, DictItem> = [
        ("Type", DictItem::Name(b"XObject".to_vec())),
        ("Subtype", DictItem::Name(b"Form".to_vec())),
        ("BBox", reals(&[0.0, 0.0, w, h])),
        // Scaled to a unit square, so it is placed like an image.
        ("Matrix", reals(&[1.0 / w, 0.0, 0.0, 1.0 / h, 0.0, 0.0])),
        ("Resources", resources),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_string(), value))
    .collect();
    if let Ok(group) = page.get(b"Group") {
        // Keeps transparency right in strict viewers.
        dict.insert("Group".to_string(), inline(&document, group, 0));
    }
    Ok(ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress: true,
        },
        width: Some(Px(w.round() as usize)),
        height: Some(Px(h.round() as usize)),
        dpi: Some(72.0),
    })
}

fn reals(values: &[f32]) -> DictItem {
    DictItem::Array(values.iter().map(|&v| DictItem::Real(v)).collect())
}

/// A PDF object with every reference replaced by what it points to.
fn inline(document: &lopdf::Document, object: &lopdf::Object, depth: usize) -> DictItem {
    use lopdf::Object;
    if depth > MAX_INLINE_DEPTH {
        return DictItem::Null;
    }
    let deeper = |object: &lopdf::Object| inline(document, object, depth + 1);
    match object {
        Object::Reference(id) => document.get_object(*id).map_or(DictItem::Null, &deeper),
        Object::Array(items) => DictItem::Array(items.iter().map(&deeper).collect()),
        Object::Dictionary(dict) => DictItem::Dict {
            map: entries(dict, deeper),
        },
        Object::Stream(stream) => {
            // Decoded, so the file chooses its own filters; kept as it is
            // (with its filter) when lopdf cannot decode it.
            let (content, decoded) = match stream.decompressed_content() {
                Ok(content) => (content, true),
                Err(_) => (stream.content.clone(), false),
            };
            let mut dict = entries(&stream.dict, deeper);
            dict.remove("Length");
            if decoded {
                dict.remove("Filter");
                dict.remove("DecodeParms");
            }
            DictItem::Stream {
                stream: ExternalStream {
                    dict,
                    content,
                    compress: decoded,
                },
            }
        }
        Object::Null => DictItem::Null,
        Object::Boolean(value) => DictItem::Bool(*value),
        Object::Integer(value) => DictItem::Int(*value),
        Object::Real(value) => DictItem::Real(*value),
        Object::Name(name) => DictItem::Name(name.clone()),
        Object::String(data, format) => DictItem::String {
            data: data.clone(),
            literal: matches!(format, lopdf::StringFormat::Literal),
        },
    }
}

fn entries(
    dict: &lopdf::Dictionary,
    convert: impl Fn(&lopdf::Object) -> DictItem,
) -> BTreeMap<String, DictItem> {
    dict.iter()
        .map(|(key, value)| (String::from_utf8_lossy(key).into_owned(), convert(value)))
        .collect()
}
