//! Errors that travel in messages: cloneable, and worded for the
//! therapist. File problems keep their `file:line:column: message` form.

use ptbuilder_core::store::FileProblem;
use ptbuilder_core::store::lock::LockError;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use thiserror::Error;

/// Something that went wrong with a file or a background job.
#[derive(Debug, Clone, Error)]
pub enum Error {
    /// A file could not be written; the old one is untouched.
    #[error("{}: cannot save it: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: Arc<io::Error>,
    },
    /// A file could not be read or has mistakes, one line per problem.
    #[error("{}", lines(.0))]
    Read(Vec<FileProblem>),
    /// The program file changed on disk since it was opened.
    #[error("{} was changed by someone else since you opened it", .0.display())]
    ChangedOnDisk(PathBuf),
    /// Another copy of ptbuilder holds the file.
    #[error("{0}")]
    Locked(LockError),
    /// Anything else, already in words.
    #[error("{0}")]
    Other(String),
}

fn lines(problems: &[FileProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// A write error for `path`.
    pub fn write(path: impl Into<PathBuf>, error: io::Error) -> Self {
        Self::Write {
            path: path.into(),
            source: Arc::new(error),
        }
    }
}
