//! Pictures for the handout: exercise illustrations and the clinic logo,
//! as PDF XObjects. Every picture is decoded by the store, within its
//! limits; SVG stays vector art (crisp in print), PNG and JPEG are scaled
//! down to print resolution. Each picture is converted once per process
//! and kept.

use super::svg_form;
use crate::program::Program;
use crate::store::pictures::{Decoded, Drawing, Frame, decode};
use crate::store::{self, Picture, PictureFormat};
use printpdf::{RawImage, RawImageData, RawImageFormat, XObject};
use std::borrow::Cow;
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
    /// The frames of a movement, as fractions of the picture.
    pub frames: Arc<[Frame]>,
    /// The picture as decoded, for drawing it outside the PDF.
    pub decoded: Decoded,
}

impl Loaded {
    /// Width divided by height.
    pub fn aspect(&self) -> f32 {
        self.size.0 / self.size.1
    }
}

/// What an exercise shows where its picture goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Illustration {
    /// The exercise has no picture: its text takes the full width.
    None,
    /// A picture from the list, with its width-to-height ratio.
    Drawn {
        /// Position in the export's picture list.
        index: usize,
        /// Width divided by height.
        aspect: f32,
        /// The frames of a movement, numbered on the page.
        frames: Arc<[Frame]>,
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

/// Converts a picture, or returns the copy converted earlier.
fn convert(picture: &Picture) -> Converted {
    let key = fingerprint(&picture.bytes);
    if let Some(found) = cache().lock().ok().and_then(|c| c.get(&key).cloned()) {
        return found;
    }
    // Third-party decoders must not take the export down with them.
    let converted = std::panic::catch_unwind(|| {
        let decoded = decode(picture)?;
        let xobject = match &decoded.drawing {
            Drawing::Vector(tree) => XObject::External(svg_form::form(tree)?),
            Drawing::Raster(image) => XObject::Image(raw_image(image)),
        };
        let size = match &xobject {
            XObject::External(form) => (
                form.width.map_or(1.0, |w| w.0 as f32),
                form.height.map_or(1.0, |h| h.0 as f32),
            ),
            XObject::Image(image) => (image.width as f32, image.height as f32),
            _ => decoded.size,
        };
        Ok(Loaded {
            xobject,
            size,
            frames: decoded.frames.clone().into(),
            decoded,
        })
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

/// A photo as a PDF image at print resolution: RGB when it has no
/// transparency, so no mask is stored for it.
fn raw_image(image: &image::RgbaImage) -> RawImage {
    let (w, h) = image.dimensions();
    let factor = w.max(h).div_ceil(MAX_PIXELS_ACROSS as u32).max(1);
    let image = if factor > 1 {
        Cow::Owned(image::imageops::resize(
            image,
            w.div_ceil(factor),
            h.div_ceil(factor),
            image::imageops::FilterType::Triangle,
        ))
    } else {
        Cow::Borrowed(image)
    };
    let opaque = image.pixels().all(|p| p[3] == 255);
    let (pixels, data_format) = if opaque {
        let rgb = image.pixels().flat_map(|p| [p[0], p[1], p[2]]).collect();
        (rgb, RawImageFormat::RGB8)
    } else {
        (image.as_raw().clone(), RawImageFormat::RGBA8)
    };
    RawImage {
        pixels: RawImageData::U8(pixels),
        width: image.width() as usize,
        height: image.height() as usize,
        data_format,
        tag: Vec::new(),
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
    /// Adds a picture once; returns its position in the list.
    pub fn add(&mut self, picture: &Picture) -> Result<usize, String> {
        let key = fingerprint(&picture.bytes);
        if let Some(&index) = self.by_key.get(&key) {
            return Ok(index);
        }
        let loaded = convert(picture)?;
        let index = self.list.len();
        self.by_key.insert(key, index);
        self.list.push(loaded);
        Ok(index)
    }

    /// The illustration for an exercise of `program`, looked up among the
    /// shipped drawings, the picture folders, and the pictures the program
    /// carries.
    pub fn exercise(
        &mut self,
        program: &Program,
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
        match store::pictures::find_for(&program.pictures, name, folders) {
            Ok(picture) => match self.add(&picture) {
                Ok(index) => Illustration::Drawn {
                    index,
                    aspect: self.list[index].aspect(),
                    frames: Arc::clone(&self.list[index].frames),
                },
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
        let picture = Picture {
            name: path.display().to_string(),
            format,
            bytes: Cow::Owned(bytes),
        };
        match self.add(&picture) {
            Ok(index) => Some((index, self.list[index].aspect())),
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
        let program = Program::new(chrono::NaiveDate::MIN);
        let first = pictures.exercise(&program, "x", Some(name), &[]);
        let again = pictures.exercise(&program, "y", Some(name), &[]);
        assert_eq!(first, again);
        assert_eq!(pictures.list.len(), 1);
        let Illustration::Drawn { aspect, .. } = first else {
            panic!("{first:?}")
        };
        assert!(aspect > 0.2 && aspect < 5.0);
        let picture = Picture {
            name: name.to_string(),
            format: PictureFormat::Svg,
            bytes: Cow::Borrowed(bytes),
        };
        assert!(convert(&picture).is_ok());
    }

    #[test]
    fn a_missing_picture_is_a_warning_not_an_error() {
        let mut pictures = Pictures::default();
        let program = Program::new(chrono::NaiveDate::MIN);
        let shown = pictures.exercise(&program, "Bridge", Some("no-such-picture.svg"), &[]);
        assert_eq!(shown, Illustration::Missing);
        assert_eq!(pictures.warnings.len(), 1);
        assert!(pictures.warnings[0].contains("no-such-picture.svg"));
        assert_eq!(
            pictures.exercise(&program, "Walk", None, &[]),
            Illustration::None
        );
    }

    #[test]
    fn big_photos_are_scaled_to_print_resolution() {
        let photo = image::RgbaImage::from_pixel(3000, 1000, image::Rgba([200, 200, 200, 255]));
        let small = raw_image(&photo);
        assert!(small.width <= MAX_PIXELS_ACROSS && small.height <= MAX_PIXELS_ACROSS);
        assert_eq!(small.width / small.height, 3);
        assert_eq!(small.data_format, RawImageFormat::RGB8, "opaque: no mask");
        let RawImageData::U8(pixels) = small.pixels else {
            panic!()
        };
        assert!(pixels.iter().all(|&p| p == 200));
    }
}
