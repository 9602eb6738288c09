//! The background half of the preview: lays the handout out with the
//! core's layout (the one the PDF uses), draws its pictures at screen size
//! (once per picture, kept for the next layout), and asks the checker what
//! a colleague would point out. Gives up early when a newer edit has made
//! its work stale.

use super::Request;
use crate::gui::error::Error;
use iced::widget::image;
use ptbuilder_core::handout::{self, HandoutError, Page, check};
use ptbuilder_core::program::Problem;
use ptbuilder_core::store::pictures::{Decoded, Drawing, thumbnail};
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Pixels across a picture drawn for the preview: sharp at the size a
/// page is shown, even on a high-density screen.
const PICTURE_PIXELS: u32 = 420;

/// Pictures already drawn for the screen, by the decoded picture they came
/// from. The core keeps each decoded picture for the whole session, so the
/// same picture comes back as the same allocation; the decoded picture is
/// kept here too, so its address cannot be reused by another.
#[derive(Debug, Default)]
pub struct Rasters(Mutex<HashMap<usize, (Decoded, image::Handle)>>);

impl Rasters {
    /// The screen picture for `decoded`, drawn now if it is new.
    fn get(&self, decoded: &Decoded) -> image::Handle {
        let key = match &decoded.drawing {
            Drawing::Vector(tree) => std::sync::Arc::as_ptr(tree) as usize,
            Drawing::Raster(pixels) => std::sync::Arc::as_ptr(pixels) as usize,
        };
        if let Some((_, handle)) = self.0.lock().ok().and_then(|map| map.get(&key).cloned()) {
            return handle;
        }
        let pixels = thumbnail(decoded, PICTURE_PIXELS, PICTURE_PIXELS);
        let handle = image::Handle::from_rgba(pixels.width(), pixels.height(), pixels.into_raw());
        if let Ok(mut map) = self.0.lock() {
            map.insert(key, (decoded.clone(), handle.clone()));
        }
        handle
    }
}

/// A handout laid out for the screen.
#[derive(Debug)]
pub struct Pages {
    /// Each page's marks, in points from its top left corner.
    pub pages: Vec<Page>,
    /// The paper's width and height in points.
    pub size: (f32, f32),
    /// The pictures the marks refer to, drawn for the screen.
    pub pictures: Vec<image::Handle>,
    /// What the checker points out.
    pub findings: Vec<Problem>,
    /// Why there are no pages, in words (an empty program).
    pub problem: Option<String>,
}

/// Lays out `request` as layout number `generation`; `Ok(None)` when
/// `latest` says a newer edit came before the work was done.
pub fn lay_out(
    request: &Request,
    generation: u64,
    latest: &AtomicU64,
    rasters: &Rasters,
) -> Result<Option<std::sync::Arc<Pages>>, Error> {
    let stale = || latest.load(Ordering::SeqCst) != generation;
    if stale() {
        return Ok(None);
    }
    let Request {
        program,
        library,
        options,
    } = request;
    let laid = handout::lay_out(program, library, options);
    if stale() {
        return Ok(None);
    }
    let pages = laid.as_ref().ok().map(|laid| laid.pages.len());
    let findings = check::findings(program, library, &options.picture_folders, pages);
    let pages = match laid {
        Ok(laid) => Pages {
            pictures: laid.pictures.iter().map(|p| rasters.get(p)).collect(),
            pages: laid.pages,
            size: laid.size,
            findings,
            problem: None,
        },
        Err(error) => Pages {
            pages: Vec::new(),
            size: (0.0, 0.0),
            pictures: Vec::new(),
            findings,
            problem: Some(in_words(&error)),
        },
    };
    Ok(Some(std::sync::Arc::new(pages)))
}

/// What the pane says instead of pages.
fn in_words(error: &HandoutError) -> String {
    match error {
        HandoutError::Empty => "Add an exercise to see the handout.".to_string(),
        other => ptbuilder_core::text::capitalize(&other.to_string()),
    }
}
