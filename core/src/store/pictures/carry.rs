//! Pictures that travel inside a program file. Saving a program or a
//! template copies the pictures of the custom exercises it carries into
//! it (a photo shrunk to print size first), so the file prints the same
//! handout on any PC; reading uses a carried picture when the pictures
//! folders do not have it. A carried picture is as untrusted as any
//! other: it is decoded within the same limits.

use super::{Picture, PictureFormat, PictureProblem, decode, find_picture};
use crate::program::{EmbeddedPicture, Program, limits};
use std::borrow::Cow;
use std::io::Cursor;
use std::path::PathBuf;

/// Longest side of a photo carried in a program: sharp when printed up to
/// 100 mm wide.
const CARRIED_PIXELS: u32 = 1200;
/// Most bytes of pictures one program carries, so the file stays well
/// under the 10 MB a program file may have.
pub const CARRIED_TOTAL: usize = 6 * 1024 * 1024;

/// The picture `name` among those a program carries, if it is there.
pub fn carried(pictures: &[EmbeddedPicture], name: &str) -> Option<Picture> {
    let picture = pictures.iter().find(|p| p.name == name)?;
    let bytes = picture.bytes()?;
    let format = PictureFormat::sniff(&bytes)?;
    Some(Picture {
        name: name.to_string(),
        format,
        bytes: Cow::Owned(bytes),
    })
}

/// Looks a picture up as [`find_picture`] does, then among the pictures
/// a program carries.
pub fn find_for(
    carried_pictures: &[EmbeddedPicture],
    name: &str,
    folders: &[PathBuf],
) -> Result<Picture, PictureProblem> {
    match find_picture(name, folders) {
        Err(PictureProblem::Missing(_)) => {
            carried(carried_pictures, name).ok_or_else(|| PictureProblem::Missing(name.to_string()))
        }
        found => found,
    }
}

/// The bytes to carry for a picture: a drawing as it is, a photo shrunk
/// to [`CARRIED_PIXELS`] (JPEG, or PNG when it has transparency).
fn carried_bytes(picture: &Picture) -> Result<Vec<u8>, String> {
    let decoded = decode(picture)?;
    let super::Drawing::Raster(image) = &decoded.drawing else {
        return Ok(picture.bytes.to_vec());
    };
    let (w, h) = image.dimensions();
    if w.max(h) <= CARRIED_PIXELS && picture.bytes.len() <= limits::EMBEDDED_PICTURE {
        return Ok(picture.bytes.to_vec());
    }
    let scale = CARRIED_PIXELS as f32 / w.max(h) as f32;
    let small = image::imageops::resize(
        image.as_ref(),
        ((w as f32 * scale).round() as u32).max(1),
        ((h as f32 * scale).round() as u32).max(1),
        image::imageops::FilterType::Triangle,
    );
    let mut bytes = Vec::new();
    let result = if small.pixels().all(|p| p[3] == 255) {
        image::DynamicImage::ImageRgba8(small)
            .to_rgb8()
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Jpeg)
    } else {
        small.write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
    };
    result.map_err(|error| format!("it could not be made smaller ({error})"))?;
    Ok(bytes)
}

/// Puts into `program` the pictures of the custom exercises it carries,
/// from `folders` (or the copies it already has); shipped illustrations
/// are never carried. Returns what could not be carried, in words.
pub fn carry_pictures(program: &mut Program, folders: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = program
        .exercises
        .iter()
        .filter_map(|exercise| exercise.picture.clone())
        .filter(|name| crate::assets::illustration(name).is_none())
        .collect();
    names.sort();
    names.dedup();
    let mut carried = Vec::new();
    let mut total = 0;
    let mut problems = Vec::new();
    for name in names {
        let bytes = find_for(&program.pictures, &name, folders)
            .map_err(|problem| problem.to_string())
            .and_then(|picture| {
                carried_bytes(&picture)
                    .map_err(|why| PictureProblem::Unreadable(name.clone(), why).to_string())
            });
        match bytes {
            Ok(bytes)
                if bytes.len() > limits::EMBEDDED_PICTURE
                    || total + bytes.len() > CARRIED_TOTAL =>
            {
                problems.push(format!(
                    "picture {name:?} is too large to carry in the program file; \
                     on another PC it prints as a blank box"
                ));
            }
            Ok(bytes) => {
                total += bytes.len();
                carried.push(EmbeddedPicture::new(&name, &bytes));
            }
            Err(problem) => problems.push(format!("{problem}; it is not carried in the file")),
        }
    }
    program.pictures = carried;
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{ExerciseId, Library};
    use chrono::NaiveDate;

    fn program_using(picture: &str) -> Program {
        let mut custom = Library::builtin()
            .get(&ExerciseId::new("bridge"))
            .unwrap()
            .clone();
        custom.id = ExerciseId::new("step-bridge");
        custom.picture = Some(picture.into());
        let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
        program.phases[0].items = vec![crate::program::Item::new(&custom)];
        program.exercises = vec![custom];
        program
    }

    #[test]
    fn a_custom_picture_travels_and_is_found_again_without_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let drawing = br#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>"#;
        std::fs::write(dir.path().join("step.svg"), drawing).unwrap();
        let mut program = program_using("step.svg");
        let problems = carry_pictures(&mut program, &[dir.path().to_path_buf()]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(program.pictures.len(), 1);
        // Elsewhere, with no pictures folder at all.
        let found = find_for(&program.pictures, "step.svg", &[]).unwrap();
        assert_eq!(found.bytes.as_ref(), drawing.as_slice());
        // Saved again there, it keeps its copy.
        carry_pictures(&mut program, &[]);
        assert_eq!(program.pictures.len(), 1);
    }

    #[test]
    fn a_big_photo_is_carried_at_print_size() {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = Vec::new();
        // Grain, as in a real photo: it does not compress away.
        image::RgbImage::from_fn(1600, 1200, |x, y| {
            let grain = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)).rotate_left(7);
            image::Rgb([grain as u8, (grain >> 8) as u8, 90])
        })
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
        std::fs::write(dir.path().join("photo.png"), &bytes).unwrap();
        let mut program = program_using("photo.png");
        let problems = carry_pictures(&mut program, &[dir.path().to_path_buf()]);
        assert!(problems.is_empty(), "{problems:?}");
        let carried = carried(&program.pictures, "photo.png").unwrap();
        let decoded = decode(&carried).unwrap();
        assert_eq!(decoded.size, (1200.0, 900.0));
        assert!(carried.bytes.len() < bytes.len());
    }

    #[test]
    fn shipped_illustrations_are_never_carried() {
        let mut program = program_using("bridge.svg");
        carry_pictures(&mut program, &[]);
        assert!(program.pictures.is_empty());
    }

    #[test]
    fn a_carried_picture_is_as_untrusted_as_any_other() {
        let deep = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">{}{}</svg>"#,
            "<g>".repeat(1000),
            "</g>".repeat(1000)
        );
        let mut program = program_using("deep.svg");
        program.pictures = vec![EmbeddedPicture::new("deep.svg", deep.as_bytes())];
        let picture = find_for(&program.pictures, "deep.svg", &[]).unwrap();
        assert!(decode(&picture).unwrap_err().contains("nests deeper"));
    }
}
