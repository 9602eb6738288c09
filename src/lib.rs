//! ptbuilder: build, save and print home exercise programs for physical
//! therapy patients, entirely offline.
//!
//! The domain ([`library`], [`program`], [`store`]) knows nothing of the
//! window or the PDF; [`handout`] turns a program into a PDF and [`gui`]
//! is the iced desktop app. [`cli`] is the command line.

pub mod assets;
pub mod cli;
pub mod gui;
pub mod handout;
pub mod library;
pub mod program;
pub mod store;
pub mod text;
