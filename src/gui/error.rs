//! Errors that travel in messages: cloneable, and worded for the
//! therapist. File problems keep their `file:line:column: message` form.
//! The core's errors come in whole; only the few the window answers with a
//! question (a changed file, a lock) are told apart.

use ptbuilder_core::handout::WriteError;
use ptbuilder_core::store::lock::LockError;
use ptbuilder_core::store::{FileProblem, OpenError, PictureProblem, SaveError, WriteFailed};
use std::path::PathBuf;
use thiserror::Error;

/// Something that went wrong with a file or a background job.
#[derive(Debug, Clone, Error)]
pub enum Error {
    /// A file could not be written; the old one is untouched.
    #[error(transparent)]
    Write(#[from] WriteFailed),
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

impl From<SaveError> for Error {
    fn from(error: SaveError) -> Self {
        match error {
            SaveError::ChangedOnDisk(path) => Self::ChangedOnDisk(path),
            SaveError::Locked(error) => Self::Locked(error),
            SaveError::Io(error) => Self::Write(error),
        }
    }
}

impl From<OpenError> for Error {
    fn from(error: OpenError) -> Self {
        match error {
            OpenError::Locked(error) => Self::Locked(error),
            OpenError::Read(problems) => Self::Read(problems),
        }
    }
}

impl From<PictureProblem> for Error {
    fn from(problem: PictureProblem) -> Self {
        Self::Other(problem.to_string())
    }
}

impl From<WriteError> for Error {
    fn from(error: WriteError) -> Self {
        match error {
            WriteError::Handout(error) => Self::Other(error.to_string()),
            WriteError::Io(error) => Self::Write(error),
        }
    }
}
