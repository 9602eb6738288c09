//! Writing the patient handout for the Export sheet: the core writes the
//! PDF atomically off the UI thread, then it is opened in the default
//! viewer if the therapist asked for that.

use crate::gui::error::Error;
use crate::gui::export::Request;
use ptbuilder_core::handout::{self, HandoutOptions, Written};
use ptbuilder_core::library::Library;
use ptbuilder_core::program::Program;

/// Writes the handout PDF for `program` as `request` asks. Blocking.
pub fn write(
    request: &Request,
    program: &Program,
    library: &Library,
    options: &HandoutOptions,
) -> Result<Written, Error> {
    let mut written = handout::write_pdf(program, library, options, &request.path)?;
    if request.open_after
        && let Err(error) = opener::open(&request.path)
    {
        written.warnings.push(format!(
            "the PDF is saved, but no program to show it was found ({error}); \
             open it from its folder"
        ));
    }
    Ok(written)
}
