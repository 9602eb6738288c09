//! Update tests for the exercise editor.
