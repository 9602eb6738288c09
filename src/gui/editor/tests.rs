//! Update tests for the program pane.
