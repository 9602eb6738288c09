//! Exercise pictures for the window: each picture is read and turned into
//! an image handle once, off the UI thread, and reused by every list row,
//! detail view and program item that shows it. A missing or unreadable
//! picture becomes a quiet placeholder, never an error loop.

use super::style;
use iced::widget::{center, container, image, svg, text};
use iced::{ContentFit, Element, Length};
use ptbuilder_core::library::{Exercise, Library};
use ptbuilder_core::store::{Picture, PictureFormat, PictureProblem, find_picture};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Pictures as found on disk, by name.
pub type Found = Arc<Vec<(String, Result<Picture, PictureProblem>)>>;

/// A picture ready to draw.
#[derive(Debug, Clone)]
enum Shown {
    Vector(svg::Handle),
    Raster(image::Handle),
    Unavailable,
}

/// The picture cache.
#[derive(Debug, Default)]
pub struct Pictures {
    shown: HashMap<String, Shown>,
}

/// Shipped illustrations are 400 × 240.
pub const ASPECT: f32 = 240.0 / 400.0;

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

    /// Adds pictures read by [`load`].
    pub fn insert(&mut self, found: &Found) {
        for (name, result) in found.iter() {
            let shown = match result {
                Ok(picture) => match picture.format {
                    PictureFormat::Svg => {
                        Shown::Vector(svg::Handle::from_memory(picture.bytes.clone()))
                    }
                    PictureFormat::Png | PictureFormat::Jpeg => {
                        Shown::Raster(image::Handle::from_bytes(picture.bytes.to_vec()))
                    }
                },
                Err(_) => Shown::Unavailable,
            };
            self.shown.insert(name.clone(), shown);
        }
    }

    /// Forgets a picture so it is read again (the therapist replaced it).
    pub fn forget(&mut self, name: &str) {
        self.shown.remove(name);
    }

    /// The picture `name` at `width` (height follows the illustrations'
    /// shape), or a placeholder.
    pub fn view<'a, M: 'a>(&self, name: Option<&str>, width: f32) -> Element<'a, M> {
        let height = (width * ASPECT).round();
        let shown = name.and_then(|name| self.shown.get(name));
        match shown {
            Some(Shown::Vector(handle)) => framed(
                svg(handle.clone())
                    .width(Length::Fixed(width))
                    .height(Length::Fixed(height))
                    .content_fit(ContentFit::Contain)
                    .into(),
            ),
            Some(Shown::Raster(handle)) => framed(
                image(handle.clone())
                    .width(Length::Fixed(width))
                    .height(Length::Fixed(height))
                    .content_fit(ContentFit::Contain)
                    .into(),
            ),
            Some(Shown::Unavailable) | None => placeholder(width, height, name.is_some()),
        }
    }
}

fn framed<'a, M: 'a>(picture: Element<'a, M>) -> Element<'a, M> {
    container(picture)
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

/// Reads pictures by name from the shipped illustrations and `folders`.
/// Blocking: run it off the UI thread.
pub fn load(names: Vec<String>, folders: Vec<PathBuf>) -> Found {
    Arc::new(
        names
            .into_iter()
            .map(|name| {
                let result = find_picture(&name, &folders);
                (name, result)
            })
            .collect(),
    )
}
