//! Turns a picture's bytes into something to draw, within limits that no
//! file can get past: a PNG or JPEG is decoded by the `image` crate under
//! its `Limits` (pixel size and memory, checked from the header before
//! anything is allocated); an SVG is checked by [`super::svg_check`] and
//! then parsed by usvg with no system fonts, no folder to read from and
//! no way to open a file or an address.
//!
//! Every picture ptbuilder shows or prints (shipped, custom, clinic, logo,
//! or carried inside a program file) goes through [`decode`]: the handout
//! and the window's thumbnails both start from it.

use super::svg_check::{self, Frame};
use super::{Picture, PictureFormat};
use std::io::Cursor;
use std::sync::{Arc, OnceLock};

/// Widest and tallest picture decoded, in pixels: a 48-megapixel phone
/// photo is 8000 × 6000.
pub const MAX_PIXELS: u32 = 12_000;
/// Most memory one picture may take while it is decoded.
pub const MAX_DECODED_BYTES: u64 = 256 * 1024 * 1024;
/// Largest size an SVG drawing may declare, in its own units.
pub const MAX_SVG_SIZE: f32 = 20_000.0;

/// A decoded picture.
#[derive(Debug, Clone)]
pub enum Drawing {
    /// Vector art, parsed.
    Vector(Arc<usvg::Tree>),
    /// A photo or bitmap, as RGBA pixels.
    Raster(Arc<image::RgbaImage>),
}

/// A picture ready to draw: the drawing, its frames (for movements shown
/// in numbered frames) and its natural size.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// What to draw.
    pub drawing: Drawing,
    /// The frames of a movement, in order; empty for one pose.
    pub frames: Vec<Frame>,
    /// Width and height in its own units (pixels, or SVG units).
    pub size: (f32, f32),
}

impl Decoded {
    /// Width divided by height.
    pub fn aspect(&self) -> f32 {
        self.size.0 / self.size.1.max(0.01)
    }
}

/// Decodes a picture, or says which limit it broke.
pub fn decode(picture: &Picture) -> Result<Decoded, String> {
    match picture.format {
        PictureFormat::Svg => remembered(&picture.bytes, decode_svg),
        PictureFormat::Png | PictureFormat::Jpeg => decode_raster(&picture.bytes),
    }
}

/// Drawings decoded in this process, by their bytes: the checker, the
/// layout and the window each ask for the same few, and a parsed drawing is
/// shared (an `Arc`), so asking twice costs a look-up. Only drawings up to
/// [`REMEMBERED_BYTES`] and at most [`REMEMBERED`] of them are kept.
fn remembered(
    bytes: &[u8],
    decode: fn(&[u8]) -> Result<Decoded, String>,
) -> Result<Decoded, String> {
    type Memo = Vec<(Arc<[u8]>, Result<Decoded, String>)>;
    static MEMO: OnceLock<std::sync::Mutex<Memo>> = OnceLock::new();
    let memo = MEMO.get_or_init(Default::default);
    let found = memo.lock().ok().and_then(|memo| {
        memo.iter()
            .find(|(known, _)| **known == *bytes)
            .map(|(_, decoded)| decoded.clone())
    });
    if let Some(decoded) = found {
        return decoded;
    }
    let decoded = decode(bytes);
    if bytes.len() <= REMEMBERED_BYTES
        && let Ok(mut memo) = memo.lock()
        && memo.len() < REMEMBERED
    {
        memo.push((Arc::from(bytes), decoded.clone()));
    }
    decoded
}

/// The most drawings [`remembered`] keeps.
const REMEMBERED: usize = 256;

/// The largest drawing [`remembered`] keeps, in bytes.
const REMEMBERED_BYTES: usize = 256 * 1024;

fn limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_PIXELS);
    limits.max_image_height = Some(MAX_PIXELS);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    limits
}

/// What an `image` error means for the therapist.
fn image_problem(error: image::ImageError) -> String {
    match error {
        image::ImageError::Limits(_) => format!(
            "it is larger than {MAX_PIXELS} × {MAX_PIXELS} pixels or needs more than {} MB \
             to open; save a smaller copy",
            MAX_DECODED_BYTES / (1024 * 1024)
        ),
        other => format!("it cannot be decoded ({other})"),
    }
}

fn decode_raster(bytes: &[u8]) -> Result<Decoded, String> {
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| format!("it cannot be read ({error})"))?;
    reader.limits(limits());
    let image = reader.decode().map_err(image_problem)?.into_rgba8();
    if image.width() == 0 || image.height() == 0 {
        return Err("the picture is empty".to_string());
    }
    Ok(Decoded {
        size: (image.width() as f32, image.height() as f32),
        drawing: Drawing::Raster(Arc::new(image)),
        frames: Vec::new(),
    })
}

/// The fonts text in a drawing may use: ptbuilder's own, loaded once.
/// Never the system's: scanning them is slow, and a picture should look
/// the same on every PC.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut database = usvg::fontdb::Database::new();
        for font in crate::assets::fonts::ALL {
            database.load_font_data(font.to_vec());
        }
        database.set_sans_serif_family("Atkinson Hyperlegible");
        Arc::new(database)
    }))
}

/// A PNG or JPEG inside an SVG (`data:`) is let through only when its
/// header is within the same limits; anything else (files, addresses,
/// drawings inside drawings) is never loaded.
fn image_resolver() -> usvg::ImageHrefResolver<'static> {
    usvg::ImageHrefResolver {
        resolve_data: Box::new(|_mime, data: Arc<Vec<u8>>, _options| {
            let reader = image::ImageReader::new(Cursor::new(data.as_slice()))
                .with_guessed_format()
                .ok()?;
            let format = reader.format()?;
            let (w, h) = reader.into_dimensions().ok()?;
            let fits = w <= MAX_PIXELS
                && h <= MAX_PIXELS
                && u64::from(w) * u64::from(h) * 4 <= MAX_DECODED_BYTES;
            match format {
                _ if !fits => None,
                image::ImageFormat::Png => Some(usvg::ImageKind::PNG(data)),
                image::ImageFormat::Jpeg => Some(usvg::ImageKind::JPEG(data)),
                _ => None,
            }
        }),
        resolve_string: Box::new(|_href, _options| None),
    }
}

fn decode_svg(bytes: &[u8]) -> Result<Decoded, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "the SVG file is not UTF-8 text")?;
    let checked = svg_check::check(text)?;
    let options = usvg::Options {
        resources_dir: None,
        fontdb: fonts(),
        image_href_resolver: image_resolver(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(text, &options)
        .map_err(|error| format!("it is not readable SVG ({error})"))?;
    let size = (tree.size().width(), tree.size().height());
    if !(size.0 >= 1.0 && size.1 >= 1.0) {
        return Err("the SVG drawing has no size".to_string());
    }
    if size.0 > MAX_SVG_SIZE || size.1 > MAX_SVG_SIZE {
        return Err(format!(
            "the drawing declares a size over {MAX_SVG_SIZE} units; give it a smaller width and height"
        ));
    }
    Ok(Decoded {
        drawing: Drawing::Vector(Arc::new(tree)),
        frames: checked.frames,
        size,
    })
}

/// The picture as RGBA pixels no larger than `max_width` × `max_height`,
/// keeping its shape: for the window's thumbnails, made in the background.
pub fn thumbnail(decoded: &Decoded, max_width: u32, max_height: u32) -> image::RgbaImage {
    let (w, h) = decoded.size;
    let scale = (max_width as f32 / w).min(max_height as f32 / h);
    let (tw, th) = (
        ((w * scale).round() as u32).max(1),
        ((h * scale).round() as u32).max(1),
    );
    match &decoded.drawing {
        Drawing::Raster(image) => image::imageops::resize(
            image.as_ref(),
            tw,
            th,
            image::imageops::FilterType::Triangle,
        ),
        Drawing::Vector(tree) => {
            let Some(mut pixmap) = resvg::tiny_skia::Pixmap::new(tw, th) else {
                return image::RgbaImage::new(1, 1);
            };
            let transform = resvg::tiny_skia::Transform::from_scale(
                tw as f32 / w.max(0.01),
                th as f32 / h.max(0.01),
            );
            resvg::render(tree, transform, &mut pixmap.as_mut());
            // tiny-skia keeps premultiplied alpha; images want it straight.
            let pixels: Vec<u8> = pixmap
                .pixels()
                .iter()
                .flat_map(|pixel| {
                    let color = pixel.demultiply();
                    [color.red(), color.green(), color.blue(), color.alpha()]
                })
                .collect();
            image::RgbaImage::from_raw(tw, th, pixels)
                .unwrap_or_else(|| image::RgbaImage::new(1, 1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn picture(format: PictureFormat, bytes: Vec<u8>) -> Picture {
        Picture {
            name: "test".into(),
            format,
            bytes: Cow::Owned(bytes),
        }
    }

    /// The CRC-32 PNG chunks carry.
    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in data {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        image::RgbaImage::new(width, height)
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .unwrap();
        bytes
    }

    #[test]
    fn shipped_drawings_decode_with_their_frames() {
        let bridge = crate::assets::illustration("bridge.svg").unwrap();
        let decoded = decode(&picture(PictureFormat::Svg, bridge.to_vec())).unwrap();
        assert!(matches!(decoded.drawing, Drawing::Vector(_)));
        assert_eq!(decoded.frames.len(), 2, "the bridge shows start and finish");
        assert!((decoded.aspect() - 400.0 / 240.0).abs() < 0.01);
        let thumb = thumbnail(&decoded, 200, 200);
        assert_eq!((thumb.width(), thumb.height()), (200, 120));
        assert!(
            thumb.pixels().any(|p| p[0] < 100 && p[3] > 200),
            "the drawing's black lines show"
        );
    }

    #[test]
    fn a_photo_decodes_and_shrinks_for_a_thumbnail() {
        let decoded = decode(&picture(PictureFormat::Png, png(300, 150))).unwrap();
        assert_eq!(decoded.size, (300.0, 150.0));
        let thumb = thumbnail(&decoded, 100, 100);
        assert_eq!((thumb.width(), thumb.height()), (100, 50));
    }

    #[test]
    fn a_decompression_bomb_is_refused_from_its_header() {
        // A valid PNG header claiming 100,000 × 100,000 pixels: 40 GB once
        // decoded. The limit stops it before anything is allocated.
        let mut bytes = png(1, 1);
        bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        // The header's checksum (over "IHDR" and its 13 bytes) must match.
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        let refused = decode(&picture(PictureFormat::Png, bytes)).unwrap_err();
        assert!(refused.contains("larger than 12000"), "{refused}");
    }

    #[test]
    fn an_svg_declaring_a_huge_size_is_refused() {
        let text = r#"<svg xmlns="http://www.w3.org/2000/svg" width="900000" height="10"/>"#;
        let refused = decode(&picture(PictureFormat::Svg, text.into())).unwrap_err();
        assert!(refused.contains("size over"), "{refused}");
    }

    #[test]
    fn an_image_inside_an_svg_never_reads_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("private.png");
        std::fs::write(&outside, png(10, 10)).unwrap();
        // Even past the check, usvg is given no way to open it.
        let text = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="{}" width="10" height="10"/></svg>"#,
            outside.display()
        );
        let options = usvg::Options {
            resources_dir: None,
            fontdb: fonts(),
            image_href_resolver: image_resolver(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(&text, &options).unwrap();
        assert!(
            !tree.root().has_children(),
            "the outside picture is not loaded"
        );
        assert!(decode(&picture(PictureFormat::Svg, text.into_bytes())).is_err());
    }
}
