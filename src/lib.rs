//! ptbuilder: build, save and print home exercise programs for physical
//! therapy patients, entirely offline.
//!
//! This crate is the two faces of the program: [`gui`], the iced desktop
//! app, and [`cli`], the command line. Every rule they follow lives in
//! [`ptbuilder_core`]; they only call it.

pub mod cli;
pub mod gui;
