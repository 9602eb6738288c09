//! Reading and writing program, exercise and settings files as RON.
//!
//! Reading never trusts a file: size and nesting are limited, a newer
//! format is refused, and every problem comes back as a [`FileProblem`]
//! that names the file, line and column. Writing is pretty-printed with a
//! stable field order so files read and diff well.

use super::locate::{LineColumn, locate};
use crate::library::FORMAT;
use crate::library::{Exercise, Library};
use crate::program::Severity;
use crate::program::{self, Problem, Program};
use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// Largest file ptbuilder will read; real programs are a few kilobytes.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Deepest nesting accepted; real files nest about eight levels.
pub const MAX_DEPTH: usize = 64;

/// One problem with a file, printed as `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    /// The file, as the user named it.
    pub file: String,
    /// Where in the file, when known.
    pub at: Option<LineColumn>,
    /// What is wrong.
    pub message: String,
    /// Whether it blocks use.
    pub severity: Severity,
}

impl FileProblem {
    /// An error about the file as a whole.
    pub fn whole(file: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            at: None,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// True when the problem blocks use.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A problem found in `text` (the file's content), at its line and column.
    pub fn from_problem(file: &str, text: &str, problem: &Problem) -> Self {
        let at = if problem.path.0.is_empty() {
            String::new()
        } else {
            format!(" (at {})", problem.path)
        };
        Self {
            file: file.to_string(),
            at: locate(text, &problem.path),
            message: format!("{}{at}", problem.message),
            severity: problem.severity,
        }
    }

    /// A RON syntax or type error, at the place RON reports.
    pub fn from_ron(file: &str, error: &ron::error::SpannedError) -> Self {
        Self {
            file: file.to_string(),
            at: Some(LineColumn {
                line: error.span.start.line,
                column: error.span.start.col,
            }),
            message: ron_message(&error.code),
            severity: Severity::Error,
        }
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(LineColumn { line, column }) = self.at {
            write!(f, ":{line}:{column}")?;
        }
        let kind = if self.is_error() { "" } else { "warning: " };
        write!(f, ": {kind}{}", self.message)
    }
}

/// RON's messages, reworded where they would puzzle a therapist.
fn ron_message(error: &ron::Error) -> String {
    match error {
        ron::Error::ExceededRecursionLimit => {
            format!("the file nests deeper than {MAX_DEPTH} levels, which no ptbuilder file does")
        }
        ron::Error::Eof => "the file ends too early: something is missing at the end".to_string(),
        other => {
            let text = other.to_string();
            // RON ends some messages with a full stop and some without.
            text.trim_end_matches('.').to_string()
        }
    }
}

/// What a file holds, judged from its first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A program or template.
    Program,
    /// One exercise.
    Exercise,
    /// Settings.
    Settings,
}

/// Guesses what a RON file holds from its top-level struct name.
pub fn sniff(text: &str) -> Option<Kind> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, tail)| tail);
        } else if rest.starts_with("#!") {
            rest = rest.split_once(']').map_or("", |(_, tail)| tail);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, tail)| tail);
        } else {
            break;
        }
    }
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    match word.as_str() {
        "Program" => Some(Kind::Program),
        "Exercise" => Some(Kind::Exercise),
        "Settings" => Some(Kind::Settings),
        _ => None,
    }
}

/// RON reading options for every ptbuilder file: `Some` may be left out,
/// and nesting is limited.
pub fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_DEPTH)
}

/// Pretty RON with struct names, the way every ptbuilder file is written.
pub fn to_ron<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .new_line("\n")
        .extensions(Extensions::IMPLICIT_SOME);
    // Our types hold only strings, numbers, lists and plain structs, so
    // serializing cannot fail; a failure would be a bug in these types.
    let mut text = ron::ser::to_string_pretty(value, config)
        .unwrap_or_else(|error| unreachable!("ptbuilder types always serialize: {error}"));
    text.push('\n');
    text
}

/// Reads just the `format` field, whatever else the file holds.
fn format_of(text: &str, kind: Kind, file: &str) -> Result<u32, FileProblem> {
    // One probe per kind, because RON checks the struct name it reads.
    #[derive(Deserialize)]
    #[serde(rename = "Program")]
    struct ProgramProbe {
        format: Option<u32>,
    }
    #[derive(Deserialize)]
    #[serde(rename = "Exercise")]
    struct ExerciseProbe {
        format: Option<u32>,
    }
    #[derive(Deserialize)]
    #[serde(rename = "Settings")]
    struct SettingsProbe {
        format: Option<u32>,
    }
    let probed = match kind {
        Kind::Program => options().from_str::<ProgramProbe>(text).map(|p| p.format),
        Kind::Exercise => options().from_str::<ExerciseProbe>(text).map(|p| p.format),
        Kind::Settings => options().from_str::<SettingsProbe>(text).map(|p| p.format),
    };
    let format = probed
        .map_err(|error| FileProblem::from_ron(file, &error))?
        .unwrap_or(FORMAT);
    if format > FORMAT {
        return Err(FileProblem::whole(
            file,
            format!(
                "made by a newer version of ptbuilder (file format {format}; this version \
                 reads up to {FORMAT}). Please update ptbuilder to open it"
            ),
        ));
    }
    if format == 0 {
        return Err(FileProblem::whole(
            file,
            "file format 0 does not exist; the first format is 1",
        ));
    }
    Ok(format)
}

/// The file's text, refusing what is too big or not UTF-8.
pub fn read_text(path: &Path) -> Result<String, FileProblem> {
    let file = path.display().to_string();
    let metadata = std::fs::metadata(path)
        .map_err(|error| FileProblem::whole(&file, format!("cannot read it: {error}")))?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(FileProblem::whole(
            &file,
            format!(
                "the file is {} MB; ptbuilder reads files up to {} MB",
                metadata.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|error| FileProblem::whole(&file, format!("cannot read it: {error}")))?;
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        let before = &error.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(before.rsplit(|&b| b == b'\n').next().unwrap_or(&[]))
            .chars()
            .count()
            + 1;
        FileProblem {
            file: file.clone(),
            at: Some(LineColumn { line, column }),
            message: "the file is not UTF-8 text".to_string(),
            severity: Severity::Error,
        }
    })
}

fn parse<T: for<'de> Deserialize<'de>>(
    text: &str,
    kind: Kind,
    file: &str,
) -> Result<T, FileProblem> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(FileProblem::whole(
            file,
            "the text is larger than ptbuilder reads",
        ));
    }
    // Older formats would be migrated here, before typed parsing; format 1
    // is the first, so there is nothing to convert yet.
    let _format = format_of(text, kind, file)?;
    options()
        .from_str(text)
        .map_err(|error| FileProblem::from_ron(file, &error))
}

/// Parses a program without checking it against a library.
pub fn parse_program(text: &str, file: &str) -> Result<Program, FileProblem> {
    parse(text, Kind::Program, file)
}

/// Parses a program and checks it against `library`; errors and warnings
/// both come back located.
pub fn read_program(
    text: &str,
    file: &str,
    library: &Library,
) -> Result<(Program, Vec<FileProblem>), Vec<FileProblem>> {
    let program: Program = parse(text, Kind::Program, file).map_err(|p| vec![p])?;
    let problems: Vec<FileProblem> = program::validate_program(&program, library)
        .iter()
        .map(|problem| FileProblem::from_problem(file, text, problem))
        .collect();
    if problems.iter().any(FileProblem::is_error) {
        Err(problems)
    } else {
        Ok((program, problems))
    }
}

/// Parses and checks one exercise file.
pub fn read_exercise(text: &str, file: &str) -> Result<Exercise, Vec<FileProblem>> {
    let exercise: Exercise = parse(text, Kind::Exercise, file).map_err(|p| vec![p])?;
    let problems: Vec<FileProblem> = program::validate_exercise(&exercise, &Default::default())
        .iter()
        .map(|problem| FileProblem::from_problem(file, text, problem))
        .collect();
    if problems.iter().any(FileProblem::is_error) {
        Err(problems)
    } else {
        Ok(exercise)
    }
}
