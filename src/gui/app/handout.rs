//! Writing the patient handout for the Export sheet.

use crate::gui::error::Error;
use crate::gui::export::{Request, Written};
use crate::library::Library;
use crate::program::Program;
use crate::store::Settings;
use std::path::PathBuf;

/// Writes the handout PDF for `program` as `request` asks. Blocking.
pub fn write(
    request: &Request,
    program: &Program,
    library: &Library,
    settings: &Settings,
    picture_folders: Vec<PathBuf>,
) -> Result<Written, Error> {
    let _ = (request, program, library, settings, picture_folders);
    Err(Error::Other(
        "The PDF handout is not part of this build yet.".to_string(),
    ))
}
