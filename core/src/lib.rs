//! ptbuilder's core: every rule of the program builder, with no window and
//! no command line.
//!
//! The layers run one way, each using only those before it:
//! [`text`], [`lang`] and [`assets`] → [`library`] (exercises, search) → [`program`]
//! (programs, doses, edits, validation) → [`store`] (files, locks,
//! recovery, pictures, settings) → [`handout`] (layout, then PDF) →
//! [`print`] (paper, through the system's printers). The desktop app and
//! the command line (crate `ptbuilder`) only call in.
//! A test (`tests/layers.rs`) fails if a lower layer names a higher one.

pub mod assets;
pub mod handout;
pub mod lang;
pub mod library;
pub mod print;
pub mod program;
pub mod store;
pub mod text;
