//! Turns laid-out pages into PDF bytes with printpdf. Fonts are embedded
//! and subset; every id, date and the trailer /ID are fixed, so the same
//! program always gives the same bytes.

use super::blocks::{Mark, Stroke};
use super::compose::Page;
use super::fonts::{Face, Fonts};
use super::pictures::Loaded;
use super::style::Geometry;
use printpdf::{
    Color, FontId, Greyscale, ImageCompression, ImageOptimizationOptions, Line, LineDashPattern,
    LinePoint, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Pt, Rect, TextItem, TextMatrix, XObjectId, XObjectTransform,
};
use std::collections::BTreeSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// Document details written into the PDF's information dictionary.
pub struct Meta<'a> {
    /// The program title.
    pub title: &'a str,
    /// The clinician or clinic, as author.
    pub author: &'a str,
    /// "Home exercise program", in the handout's language.
    pub subject: &'a str,
    /// Seconds since 1970 for the creation date: the program's date, not
    /// the clock, so exports repeat exactly.
    pub created: i64,
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level.clamp(0.0, 1.0), None))
}

fn picture_id(index: usize) -> XObjectId {
    XObjectId(format!("Pic{index}"))
}

/// Tracks the graphics state so each setting is written only when it changes.
#[derive(Default)]
struct Pen {
    fill: Option<u32>,
    stroke: Option<(u32, u32, bool)>,
    font: Option<(Face, u32)>,
}

fn key(value: f32) -> u32 {
    (value * 1000.0).round() as u32
}

impl Pen {
    fn fill(&mut self, ops: &mut Vec<Op>, level: f32) {
        if self.fill != Some(key(level)) {
            self.fill = Some(key(level));
            ops.push(Op::SetFillColor { col: grey(level) });
        }
    }

    fn stroke(&mut self, ops: &mut Vec<Op>, stroke: Stroke) {
        let wanted = (key(stroke.width), key(stroke.grey), stroke.dashed);
        if self.stroke == Some(wanted) {
            return;
        }
        let (width, level, dashed) = self.stroke.unwrap_or((u32::MAX, u32::MAX, false));
        if width != wanted.0 {
            ops.push(Op::SetOutlineThickness {
                pt: Pt(stroke.width),
            });
        }
        if level != wanted.1 {
            ops.push(Op::SetOutlineColor {
                col: grey(stroke.grey),
            });
        }
        if self.stroke.is_none() || dashed != wanted.2 {
            ops.push(Op::SetLineDashPattern {
                dash: if stroke.dashed {
                    LineDashPattern::new(0.0, &[4.0, 3.0])
                } else {
                    LineDashPattern::solid()
                },
            });
        }
        self.stroke = Some(wanted);
    }
}

/// The ops that draw one page of height `height`.
fn page_ops(marks: &[Mark], height: f32) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut pen = Pen::default();
    let mut in_text = false;
    let point = |x: f32, y: f32| Point {
        x: Pt(x),
        y: Pt(height - y),
    };
    for mark in marks {
        let is_text = matches!(mark, Mark::Text { .. });
        if in_text && !is_text {
            ops.push(Op::EndTextSection);
            in_text = false;
        }
        match mark {
            Mark::Text {
                x,
                baseline,
                size,
                line,
                grey: level,
                ..
            } => {
                if line.pieces.is_empty() {
                    continue;
                }
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                }
                pen.fill(&mut ops, *level);
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(height - baseline)),
                });
                for piece in &line.pieces {
                    if pen.font != Some((piece.face, key(*size))) {
                        pen.font = Some((piece.face, key(*size)));
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(FontId(piece.face.resource_id().into())),
                            size: Pt(*size),
                        });
                    }
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(piece.text.clone())],
                    });
                }
            }
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let mode = match (fill, stroke) {
                    (Some(level), Some(stroke)) => {
                        pen.fill(&mut ops, *level);
                        pen.stroke(&mut ops, *stroke);
                        PaintMode::FillStroke
                    }
                    (Some(level), None) => {
                        pen.fill(&mut ops, *level);
                        PaintMode::Fill
                    }
                    (None, Some(stroke)) => {
                        pen.stroke(&mut ops, *stroke);
                        PaintMode::Stroke
                    }
                    (None, None) => continue,
                };
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(height - y - h),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: Some(mode),
                        winding_order: None,
                    },
                });
            }
            Mark::Rule { from, to, stroke } => {
                pen.stroke(&mut ops, *stroke);
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: point(from.0, from.1),
                                bezier: false,
                            },
                            LinePoint {
                                p: point(to.0, to.1),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Mark::Picture { .. } => {}
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

/// The op placing picture `index` (native size `size`) in a box.
fn picture_op(index: usize, size: (f32, f32), x: f32, y: f32, w: f32, h: f32, height: f32) -> Op {
    Op::UseXobject {
        id: picture_id(index),
        transform: XObjectTransform {
            translate_x: Some(Pt(x)),
            translate_y: Some(Pt(height - y - h)),
            // At 72 dpi one native unit is one point; scale from there.
            dpi: Some(72.0),
            scale_x: Some(w / size.0.max(0.01)),
            scale_y: Some(h / size.1.max(0.01)),
            ..Default::default()
        },
    }
}

/// Pictures first (so frames and text lie on top), then everything else.
fn all_ops(marks: &[Mark], pictures: &[Arc<Loaded>], height: f32) -> Vec<Op> {
    let mut ops = Vec::new();
    for mark in marks {
        if let Mark::Picture { index, x, y, w, h } = mark
            && let Some(loaded) = pictures.get(*index)
        {
            ops.push(Op::SaveGraphicsState);
            ops.push(picture_op(*index, loaded.size, *x, *y, *w, *h, height));
            ops.push(Op::RestoreGraphicsState);
        }
    }
    ops.extend(page_ops(marks, height));
    ops
}

/// A fingerprint of the text on the pages, for the document's /ID.
fn fingerprint(pages: &[Page], meta: &Meta) -> String {
    let mut hasher = DefaultHasher::new();
    meta.title.hash(&mut hasher);
    meta.created.hash(&mut hasher);
    for page in pages {
        for mark in page {
            if let Mark::Text { line, .. } = mark {
                for piece in &line.pieces {
                    piece.text.hash(&mut hasher);
                }
            }
        }
    }
    format!("{:016x}{:016x}", hasher.finish(), pages.len())
}

/// Writes the pages as a PDF.
pub fn write(
    pages: &[Page],
    geometry: &Geometry,
    fonts: &Fonts,
    pictures: &[Arc<Loaded>],
    meta: &Meta,
) -> Result<Vec<u8>, String> {
    let mut doc = PdfDocument::new(meta.title);
    let date =
        printpdf::OffsetDateTime::from_unix_timestamp(meta.created).map_err(|e| e.to_string())?;
    let info = &mut doc.metadata.info;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.author = meta.author.to_string();
    info.creator = "ptbuilder".to_string();
    info.producer = "ptbuilder".to_string();
    info.subject = meta.subject.to_string();

    let mut used = BTreeSet::new();
    for page in pages {
        for mark in page {
            if let Mark::Text { line, .. } = mark {
                used.extend(line.pieces.iter().map(|p| p.face));
            }
        }
    }
    for face in used {
        doc.resources.fonts.map.insert(
            FontId(face.resource_id().to_string()),
            PdfFont::new(fonts.face(face).parsed.clone()),
        );
    }
    for (index, loaded) in pictures.iter().enumerate() {
        doc.resources
            .xobjects
            .map
            .insert(picture_id(index), loaded.xobject.clone());
    }
    let (width, height) = (geometry.width, geometry.height);
    doc.pages = pages
        .iter()
        .map(|marks| {
            let paper = Rect::from_wh(Pt(width), Pt(height));
            PdfPage {
                media_box: paper.clone(),
                trim_box: paper.clone(),
                crop_box: paper,
                ops: all_ops(marks, pictures, height),
            }
        })
        .collect();

    let any_photo = pictures
        .iter()
        .any(|p| matches!(p.xobject, printpdf::XObject::Image(_)));
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: any_photo.then(|| ImageOptimizationOptions {
            // Lossless: clinic logos and line drawings stay sharp.
            format: Some(ImageCompression::Flate),
            max_image_size: None,
            ..Default::default()
        }),
    };
    let mut warnings = Vec::new();
    let mut lopdf = doc.to_lopdf_document(&options, &mut warnings);
    let id = fingerprint(pages, meta).into_bytes();
    lopdf.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone(), lopdf::StringFormat::Hexadecimal),
            lopdf::Object::String(id, lopdf::StringFormat::Hexadecimal),
        ]),
    );
    compress_streams(&mut lopdf);
    let mut bytes = Vec::new();
    lopdf
        .save_to(&mut bytes)
        .map_err(|e| format!("the PDF could not be written: {e}"))?;
    Ok(bytes)
}

/// Compresses every stream that is not compressed yet. lopdf's own
/// `compress` uses zlib's best (slowest) level and a new compressor per
/// stream, which was a third of a whole export's time; here one compressor
/// at the fastest level is reset for each stream. A handout grows by about
/// a quarter (a 13-page one from 106 to 132 KB, far under the 400 KB
/// budget) and is written in a fraction of the time.
fn compress_streams(document: &mut lopdf::Document) {
    let mut deflater = flate2::Compress::new(flate2::Compression::fast(), true);
    for object in document.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let Some(compressed) = deflate(&mut deflater, &stream.content) else {
            continue;
        };
        // Only where it saves more than the filter's own entry costs.
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// `content` as one zlib stream, or `None` if the compressor fails.
fn deflate(deflater: &mut flate2::Compress, content: &[u8]) -> Option<Vec<u8>> {
    deflater.reset();
    let mut out = Vec::with_capacity(content.len() / 2 + 64);
    loop {
        let read = usize::try_from(deflater.total_in()).ok()?;
        let status = deflater
            .compress_vec(&content[read..], &mut out, flate2::FlushCompress::Finish)
            .ok()?;
        if status == flate2::Status::StreamEnd {
            return Some(out);
        }
        out.reserve(out.capacity().max(1024));
    }
}
