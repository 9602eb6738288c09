//! Writing the patient handout for the Export sheet: the PDF is made and
//! written atomically off the UI thread, then opened in the default viewer
//! if the therapist asked for that.

use crate::gui::error::Error;
use crate::gui::export::{Request, Written};
use ptbuilder_core::handout::{self, HandoutOptions};
use ptbuilder_core::library::Library;
use ptbuilder_core::program::Program;
use ptbuilder_core::store::{Settings, write_atomic};
use std::path::PathBuf;

/// Writes the handout PDF for `program` as `request` asks. Blocking.
pub fn write(
    request: &Request,
    program: &Program,
    library: &Library,
    settings: &Settings,
    picture_folders: Vec<PathBuf>,
) -> Result<Written, Error> {
    let mut options = HandoutOptions::from_settings(settings, picture_folders);
    options.paper = request.paper;
    options.large_print = request.large_print;
    options.tracking_chart = request.tracking_chart;
    let handout = handout::export(program, library, &options)
        .map_err(|error| Error::Other(error.to_string()))?;
    write_atomic(&request.path, &handout.pdf)
        .map_err(|error| Error::write(&request.path, error))?;
    let mut warnings = handout.warnings;
    if request.open_after
        && let Err(error) = opener::open(&request.path)
    {
        warnings.push(format!(
            "the PDF is saved, but no program to show it was found ({error}); \
             open it from its folder"
        ));
    }
    Ok(Written {
        path: request.path.clone(),
        pages: handout.pages,
        warnings,
    })
}
