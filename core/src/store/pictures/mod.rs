//! Pictures: finding an exercise's picture (a shipped illustration, or the
//! therapist's own PNG, JPEG or SVG file in a pictures folder), reading a
//! picture file, and decoding any picture within limits ([`decode`]).

mod carry;
mod decode;
pub mod svg_check;

pub use carry::{CARRIED_TOTAL, carried, carry_pictures, find_for};
pub use decode::{Decoded, Drawing, MAX_DECODED_BYTES, MAX_PIXELS, decode, thumbnail};
pub use svg_check::Frame;

use crate::library::ExerciseId;
use crate::program::is_safe_picture_name;
use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// Largest picture file read; a phone photo is a few megabytes.
pub const MAX_PICTURE_BYTES: u64 = 20 * 1024 * 1024;

/// The kinds of picture ptbuilder can show and print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureFormat {
    /// Vector line art (crisp in print).
    Svg,
    /// PNG image.
    Png,
    /// JPEG photo.
    Jpeg,
}

impl PictureFormat {
    /// The usual file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Jpeg => "jpg",
        }
    }

    /// Recognises a format from the file's first bytes, whatever its name.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
            Some(Self::Jpeg)
        } else {
            // Drawings may open with a long declaration or comment.
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
            head.contains("<svg").then_some(Self::Svg)
        }
    }
}

/// A picture's bytes and format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The name it was looked up by.
    pub name: String,
    /// What kind of picture it is.
    pub format: PictureFormat,
    /// The file's content.
    pub bytes: Cow<'static, [u8]>,
}

/// Why a picture cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PictureProblem {
    /// The name points outside the pictures folders.
    UnsafeName(String),
    /// No shipped illustration or file has this name.
    Missing(String),
    /// The file exists but is not PNG, JPEG or SVG, or cannot be read.
    Unreadable(String, String),
}

impl fmt::Display for PictureProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnsafeName(name) => write!(
                f,
                "picture {name:?} points outside the pictures folder, so it is not used"
            ),
            Self::Missing(name) => write!(f, "picture {name:?} was not found"),
            Self::Unreadable(name, why) => write!(f, "picture {name:?} cannot be used: {why}"),
        }
    }
}

/// Looks a picture up by name: shipped illustrations first, then each
/// folder in order.
pub fn find_picture(name: &str, folders: &[PathBuf]) -> Result<Picture, PictureProblem> {
    if !is_safe_picture_name(name) {
        return Err(PictureProblem::UnsafeName(name.to_string()));
    }
    if let Some(bytes) = crate::assets::illustration(name) {
        let format = PictureFormat::sniff(bytes).ok_or_else(|| {
            PictureProblem::Unreadable(name.to_string(), "unknown format".to_string())
        })?;
        return Ok(Picture {
            name: name.to_string(),
            format,
            bytes: Cow::Borrowed(bytes),
        });
    }
    for folder in folders {
        let path = folder.join(name);
        if path.is_file() {
            return read_picture(name, &path);
        }
    }
    Err(PictureProblem::Missing(name.to_string()))
}

/// Finds a picture by name (as [`find_picture`]) and decodes it within
/// the limits (as [`decode`]): the one way the window and the command line
/// open a picture.
pub fn open_picture(name: &str, folders: &[PathBuf]) -> Result<Decoded, PictureProblem> {
    let picture = find_picture(name, folders)?;
    decode(&picture).map_err(|why| PictureProblem::Unreadable(name.to_string(), why))
}

/// Reads a picture file the therapist chose anywhere on the disk (to copy
/// it into the pictures folder), checking its size and that it is a PNG,
/// JPEG or SVG file.
pub fn read_picture_file(path: &Path) -> Result<Picture, PictureProblem> {
    read_picture(&path.display().to_string(), path)
}

/// The file name a custom exercise's own picture is kept under.
pub fn picture_file_name(id: &ExerciseId, format: PictureFormat) -> String {
    format!("{id}.{}", format.extension())
}

fn read_picture(name: &str, path: &Path) -> Result<Picture, PictureProblem> {
    let unreadable = |why: String| PictureProblem::Unreadable(name.to_string(), why);
    let size = std::fs::metadata(path)
        .map_err(|e| unreadable(e.to_string()))?
        .len();
    if size > MAX_PICTURE_BYTES {
        return Err(unreadable(format!(
            "it is {} MB; pictures up to {} MB are used",
            size / (1024 * 1024),
            MAX_PICTURE_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    let format = PictureFormat::sniff(&bytes)
        .ok_or_else(|| unreadable("it is not a PNG, JPEG or SVG file".to_string()))?;
    Ok(Picture {
        name: name.to_string(),
        format,
        bytes: Cow::Owned(bytes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_pictures_are_found_by_content_not_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mine.svg"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        std::fs::write(dir.path().join("notes.png"), b"hello").unwrap();
        let folders = vec![dir.path().to_path_buf()];
        assert_eq!(
            find_picture("mine.svg", &folders).unwrap().format,
            PictureFormat::Png
        );
        assert!(matches!(
            find_picture("notes.png", &folders),
            Err(PictureProblem::Unreadable(..))
        ));
        assert!(matches!(
            find_picture("gone.png", &folders),
            Err(PictureProblem::Missing(_))
        ));
        assert!(matches!(
            find_picture("../mine.svg", &folders),
            Err(PictureProblem::UnsafeName(_))
        ));
    }
}
