//! Exercise pictures for the window. Each picture is found, decoded within
//! the core's limits and shrunk to a thumbnail off the UI thread, once;
//! the window only ever draws the finished pixels, so no picture (however
//! hostile) is parsed while the window draws. A picture that cannot be
//! shown becomes a quiet placeholder, and a picture that broke a limit is
//! reported once.

use super::style;
use iced::widget::{center, container, image, text};
use iced::{ContentFit, Element, Length};
use ptbuilder_core::library::{Exercise, Library};
use ptbuilder_core::program::EmbeddedPicture;
use ptbuilder_core::store::pictures::{self, Decoded};
use ptbuilder_core::store::{Picture, PictureProblem};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Pixels across a thumbnail: the shipped drawings' own width, enough for
/// the largest place a picture is shown (the detail view).
const THUMBNAIL_WIDTH: u32 = 480;
/// Shipped illustrations are 400 × 240.
pub const ASPECT: f32 = 240.0 / 400.0;

/// A picture ready to draw: its pixels, or why there are none.
pub type Thumbnail = Result<image::Handle, PictureProblem>;

/// Pictures as found and decoded, by name.
pub type Found = Arc<Vec<(String, Thumbnail)>>;

/// The picture cache.
#[derive(Debug, Default)]
pub struct Pictures {
    shown: HashMap<String, Thumbnail>,
}

impl Pictures {
    /// Names the library (and `extra` exercises, such as a program's own
    /// copies of custom exercises) use that are not in the cache yet.
    pub fn missing(&self, library: &Library, extra: &[Exercise]) -> Vec<String> {
        let mut names: Vec<String> = library
            .exercises()
            .iter()
            .chain(extra)
            .filter_map(|exercise| exercise.picture.clone())
            .filter(|name| !self.shown.contains_key(name))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Adds pictures made by [`load`]; returns the problems worth telling
    /// the therapist (a picture that broke a limit or could not be read;
    /// a missing file only shows as a placeholder).
    pub fn insert(&mut self, found: &Found) -> Vec<String> {
        let mut problems = Vec::new();
        for (name, thumbnail) in found.iter() {
            if let Err(problem @ PictureProblem::Unreadable(..)) = thumbnail {
                problems.push(format!("{problem}; a placeholder is shown instead"));
            }
            self.shown.insert(name.clone(), thumbnail.clone());
        }
        problems
    }

    /// Forgets a picture so it is read again (the therapist replaced it).
    pub fn forget(&mut self, name: &str) {
        self.shown.remove(name);
    }

    /// The picture `name` at `width` (height follows the illustrations'
    /// shape), or a placeholder.
    pub fn view<'a, M: 'a>(&self, name: Option<&str>, width: f32) -> Element<'a, M> {
        let height = (width * ASPECT).round();
        match name.and_then(|name| self.shown.get(name)) {
            Some(Ok(handle)) => framed(handle.clone(), width, height),
            _ => placeholder(width, height, name.is_some()),
        }
    }
}

/// Pixels shown at `width` × `height`, keeping their shape, in a frame.
pub fn framed<'a, M: 'a>(handle: image::Handle, width: f32, height: f32) -> Element<'a, M> {
    container(
        image(handle)
            .width(Length::Fixed(width))
            .height(Length::Fixed(height))
            .content_fit(ContentFit::Contain),
    )
    .padding(2)
    .style(style::picture_frame)
    .into()
}

/// A calm box where a picture would be; it says "No picture" when there is
/// room, so an empty frame never looks like a loading error.
pub fn placeholder<'a, M: 'a>(width: f32, height: f32, had_name: bool) -> Element<'a, M> {
    let words = if width >= 120.0 {
        if had_name {
            "Picture not found"
        } else {
            "No picture"
        }
    } else {
        ""
    };
    container(center(text(words).size(style::SMALL)))
        .width(Length::Fixed(width + 4.0))
        .height(Length::Fixed(height + 4.0))
        .style(style::picture_placeholder)
        .into()
}

/// A decoded picture's thumbnail, as pixels the window can draw.
pub fn thumbnail(decoded: &Decoded) -> image::Handle {
    let pixels = pictures::thumbnail(decoded, THUMBNAIL_WIDTH, THUMBNAIL_WIDTH);
    image::Handle::from_rgba(pixels.width(), pixels.height(), pixels.into_raw())
}

/// A picture's thumbnail, decoded within the core's limits; a decoder that
/// fails in an unforeseen way gives the placeholder, never a crash.
pub fn thumbnail_of(picture: &Picture) -> Thumbnail {
    let name = picture.name.clone();
    std::panic::catch_unwind(|| pictures::decode(picture).map(|decoded| thumbnail(&decoded)))
        .unwrap_or_else(|_| Err("the picture could not be decoded".to_string()))
        .map_err(|why| PictureProblem::Unreadable(name, why))
}

/// Finds, decodes and shrinks pictures by name from the shipped
/// illustrations, `folders` and the pictures a program `carried`.
/// Blocking: run it off the UI thread.
pub fn load(names: Vec<String>, folders: Vec<PathBuf>, carried: Vec<EmbeddedPicture>) -> Found {
    Arc::new(
        names
            .into_iter()
            .map(|name| {
                let thumbnail = pictures::find_for(&carried, &name, &folders)
                    .and_then(|picture| thumbnail_of(&picture));
                (name, thumbnail)
            })
            .collect(),
    )
}
