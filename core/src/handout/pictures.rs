//! Pictures for the handout: exercise illustrations and the clinic logo,
//! as PDF XObjects. SVG stays vector art (crisp in print); PNG and JPEG
//! are scaled down to print resolution. Converting an SVG is slow (the
//! converter scans the system fonts), so each drawing is converted once
//! per process and kept.

use crate::store::{self, Picture, PictureFormat};
use printpdf::{RawImage, RawImageData, RawImageFormat, Svg, XObject};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// Pixels across a printed picture: 300 dpi over about 60 mm.
const MAX_PIXELS_ACROSS: usize = 720;
/// Converted pictures kept per process; plenty for a clinic's library.
const CACHE_LIMIT: usize = 256;

/// A picture ready to place.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The XObject for the PDF.
    pub xobject: XObject,
    /// Its native width and height in its own units (pixels or points).
    pub size: (f32, f32),
}

impl Loaded {
    /// Width divided by height.
    pub fn aspect(&self) -> f32 {
        self.size.0 / self.size.1
    }
}

/// What an exercise shows where its picture goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Illustration {
    /// The exercise has no picture: its text takes the full width.
    None,
    /// A picture from the list, with its width-to-height ratio.
    Drawn {
        /// Position in the export's picture list.
        index: usize,
        /// Width divided by height.
        aspect: f32,
    },
    /// The picture could not be found or read: a placeholder box.
    Missing,
}

type Converted = Result<Arc<Loaded>, String>;

fn cache() -> &'static Mutex<HashMap<(u64, usize), Converted>> {
    static CACHE: OnceLock<Mutex<HashMap<(u64, usize), Converted>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

fn fingerprint(bytes: &[u8]) -> (u64, usize) {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    (hasher.finish(), bytes.len())
}

/// Converts picture bytes, or returns the copy converted earlier.
fn convert(format: PictureFormat, bytes: &[u8]) -> Converted {
    let key = fingerprint(bytes);
    if let Some(found) = cache().lock().ok().and_then(|c| c.get(&key).cloned()) {
        return found;
    }
    // Third-party decoders must not take the export down with them.
    let converted = std::panic::catch_unwind(|| match format {
        PictureFormat::Svg => convert_svg(bytes),
        PictureFormat::Png | PictureFormat::Jpeg => convert_raster(bytes),
    })
    .unwrap_or_else(|_| Err("the picture could not be decoded".to_string()))
    .map(Arc::new);
    if let Ok(mut cache) = cache().lock() {
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, converted.clone());
    }
    converted
}

fn convert_svg(bytes: &[u8]) -> Result<Loaded, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "the SVG file is not UTF-8 text")?;
    let xobject = Svg::parse(text, &mut Vec::new())?;
    let (w, h) = (
        xobject.width.map_or(0.0, |w| w.0 as f32),
        xobject.height.map_or(0.0, |h| h.0 as f32),
    );
    if w < 1.0 || h < 1.0 {
        return Err("the SVG drawing has no size".to_string());
    }
    Ok(Loaded {
        xobject: XObject::External(xobject),
        size: (w, h),
    })
}

fn convert_raster(bytes: &[u8]) -> Result<Loaded, String> {
    let image = RawImage::decode_from_bytes(bytes, &mut Vec::new())?;
    let image = shrink(image);
    if image.width == 0 || image.height == 0 {
        return Err("the picture is empty".to_string());
    }
    Ok(Loaded {
        size: (image.width as f32, image.height as f32),
        xobject: XObject::Image(image),
    })
}

/// Scales an 8-bit image down so it is at most [`MAX_PIXELS_ACROSS`] wide
/// and high, averaging the pixels each new pixel covers.
fn shrink(image: RawImage) -> RawImage {
    let channels = match image.data_format {
        RawImageFormat::R8 => 1,
        RawImageFormat::RG8 => 2,
        RawImageFormat::RGB8 | RawImageFormat::BGR8 => 3,
        RawImageFormat::RGBA8 | RawImageFormat::BGRA8 => 4,
        _ => return image,
    };
    let (w, h) = (image.width, image.height);
    let factor = w.max(h).div_ceil(MAX_PIXELS_ACROSS);
    let RawImageData::U8(pixels) = &image.pixels else {
        return image;
    };
    if factor <= 1 || pixels.len() < w * h * channels {
        return image;
    }
    let (nw, nh) = (w.div_ceil(factor), h.div_ceil(factor));
    let mut out = Vec::with_capacity(nw * nh * channels);
    for ny in 0..nh {
        for nx in 0..nw {
            let mut sums = [0u32; 4];
            let mut count = 0u32;
            for y in ny * factor..((ny + 1) * factor).min(h) {
                for x in nx * factor..((nx + 1) * factor).min(w) {
                    let at = (y * w + x) * channels;
                    for (c, sum) in sums.iter_mut().enumerate().take(channels) {
                        *sum += u32::from(pixels[at + c]);
                    }
                    count += 1;
                }
            }
            for sum in sums.iter().take(channels) {
                out.push((sum / count.max(1)) as u8);
            }
        }
    }
    RawImage {
        pixels: RawImageData::U8(out),
        width: nw,
        height: nh,
        data_format: image.data_format,
        tag: image.tag,
    }
}

/// The pictures one export uses, in order of first use, with warnings
/// for those that could not be used.
#[derive(Debug, Default)]
pub struct Pictures {
    /// The pictures, in order of first use.
    pub list: Vec<Arc<Loaded>>,
    by_key: HashMap<(u64, usize), usize>,
    /// Pictures already found wanting, so each is reported once.
    failed: std::collections::HashSet<String>,
    /// Problems to tell the therapist about.
    pub warnings: Vec<String>,
}

impl Pictures {
    /// Adds a picture once; returns its position in the list and aspect.
    fn add(&mut self, format: PictureFormat, bytes: &[u8]) -> Result<(usize, f32), String> {
        let key = fingerprint(bytes);
        if let Some(&index) = self.by_key.get(&key) {
            return Ok((index, self.list[index].aspect()));
        }
        let loaded = convert(format, bytes)?;
        let index = self.list.len();
        self.by_key.insert(key, index);
        let aspect = loaded.aspect();
        self.list.push(loaded);
        Ok((index, aspect))
    }

    /// The illustration for an exercise, looked up among the shipped
    /// drawings and then the picture folders.
    pub fn exercise(
        &mut self,
        exercise: &str,
        picture: Option<&str>,
        folders: &[PathBuf],
    ) -> Illustration {
        let Some(name) = picture.map(str::trim).filter(|n| !n.is_empty()) else {
            return Illustration::None;
        };
        if self.failed.contains(name) {
            return Illustration::Missing;
        }
        match store::find_picture(name, folders) {
            Ok(Picture { format, bytes, .. }) => match self.add(format, &bytes) {
                Ok((index, aspect)) => Illustration::Drawn { index, aspect },
                Err(why) => {
                    self.failed.insert(name.to_string());
                    self.warnings.push(format!(
                        "{exercise}: picture {name:?} cannot be used ({why}); a blank box is printed instead"
                    ));
                    Illustration::Missing
                }
            },
            Err(problem) => {
                self.failed.insert(name.to_string());
                self.warnings.push(format!(
                    "{exercise}: {problem}; a blank box is printed instead"
                ));
                Illustration::Missing
            }
        }
    }

    /// The clinic logo from a file, or `None` with a warning.
    pub fn logo(&mut self, path: &Path) -> Option<(usize, f32)> {
        let problem = |why: String| {
            format!(
                "logo {}: {why}; the handout is printed without it",
                path.display()
            )
        };
        let bytes = match std::fs::metadata(path) {
            Ok(meta) if meta.len() > store::pictures::MAX_PICTURE_BYTES => {
                self.warnings
                    .push(problem("the file is too large".to_string()));
                return None;
            }
            Ok(_) => match std::fs::read(path) {
                Ok(bytes) => bytes,
                Err(error) => {
                    self.warnings.push(problem(error.to_string()));
                    return None;
                }
            },
            Err(error) => {
                self.warnings.push(problem(error.to_string()));
                return None;
            }
        };
        let Some(format) = PictureFormat::sniff(&bytes) else {
            self.warnings
                .push(problem("it is not a PNG, JPEG or SVG file".to_string()));
            return None;
        };
        match self.add(format, &bytes) {
            Ok(found) => Some(found),
            Err(why) => {
                self.warnings.push(problem(why));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_drawings_convert_once_and_keep_their_shape() {
        let (name, bytes) = crate::assets::illustrations()
            .iter()
            .find(|(name, _)| name.ends_with(".svg"))
            .expect("at least one shipped drawing");
        let mut pictures = Pictures::default();
        let first = pictures.exercise("x", Some(name), &[]);
        let again = pictures.exercise("y", Some(name), &[]);
        assert_eq!(first, again);
        assert_eq!(pictures.list.len(), 1);
        let Illustration::Drawn { aspect, .. } = first else {
            panic!("{first:?}")
        };
        assert!(aspect > 0.2 && aspect < 5.0);
        assert!(convert(PictureFormat::Svg, bytes).is_ok());
    }

    #[test]
    fn a_missing_picture_is_a_warning_not_an_error() {
        let mut pictures = Pictures::default();
        let shown = pictures.exercise("Bridge", Some("no-such-picture.svg"), &[]);
        assert_eq!(shown, Illustration::Missing);
        assert_eq!(pictures.warnings.len(), 1);
        assert!(pictures.warnings[0].contains("no-such-picture.svg"));
        assert_eq!(pictures.exercise("Walk", None, &[]), Illustration::None);
    }

    #[test]
    fn big_photos_are_scaled_to_print_resolution() {
        let image = RawImage {
            pixels: RawImageData::U8(vec![200; 3000 * 1000 * 3]),
            width: 3000,
            height: 1000,
            data_format: RawImageFormat::RGB8,
            tag: Vec::new(),
        };
        let small = shrink(image);
        assert!(small.width <= MAX_PIXELS_ACROSS && small.height <= MAX_PIXELS_ACROSS);
        assert_eq!(small.width / small.height, 3);
        let RawImageData::U8(pixels) = small.pixels else {
            panic!()
        };
        assert!(pixels.iter().all(|&p| p == 200));
    }
}
