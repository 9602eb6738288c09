//! How a handout is printed: layout, paper and print size, the chart, the
//! clinic's logo, emergency number and video address. The settings give
//! the defaults; the Export sheet and the command line may choose others.

use crate::store::{HandoutLayout, Paper, Settings, Store};
use std::path::PathBuf;

/// How to print a handout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoutOptions {
    /// Compact, detailed or the one-page summary card.
    pub layout: HandoutLayout,
    /// A4 or US Letter.
    pub paper: Paper,
    /// 18 pt body text instead of 14 pt.
    pub large_print: bool,
    /// Add the tracking chart.
    pub tracking_chart: bool,
    /// For the summary card: which phase (from 0); the first when `None`.
    pub phase: Option<usize>,
    /// The clinic's logo (PNG, JPEG or SVG) for the top of the first page.
    pub logo: Option<PathBuf>,
    /// The one emergency number to print, or none for "your emergency number".
    pub emergency_number: Option<String>,
    /// The clinic's video address with `{id}` for the exercise's id.
    pub video_address: Option<String>,
    /// Folders searched for pictures that are not shipped illustrations.
    pub picture_folders: Vec<PathBuf>,
    /// What changed since the patient's last version, for the "What's
    /// new" box on the first page; empty for no box. The caller fills it
    /// (see [`crate::store::Store::changes_since_last_version`]) when
    /// [`HandoutOptions::whats_new`] is on.
    pub changes: Vec<String>,
    /// Print the "What's new" box when the program has an earlier version
    /// that differs.
    pub whats_new: bool,
    /// The handout's language for this print ([`crate::lang`] code), or
    /// `None` for the program's own.
    pub language: Option<String>,
}

/// What the therapist chose for one handout (in the Export sheet or on
/// the command line); anything left `None` comes from the settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Choices {
    /// Compact, detailed or summary card.
    pub layout: Option<HandoutLayout>,
    /// A4 or US Letter.
    pub paper: Option<Paper>,
    /// 18 pt body text.
    pub large_print: Option<bool>,
    /// The tracking chart.
    pub tracking_chart: Option<bool>,
    /// The phase of the summary card (from 0).
    pub phase: Option<usize>,
    /// The "What's new" box.
    pub whats_new: Option<bool>,
    /// The handout's language, over the program's.
    pub language: Option<&'static str>,
}

/// Text from the settings, or `None` when it is blank.
fn filled(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|t| !t.is_empty())
}

impl HandoutOptions {
    /// The options the therapist chose in the settings.
    pub fn from_settings(settings: &Settings, picture_folders: Vec<PathBuf>) -> Self {
        Self {
            layout: settings.layout,
            paper: settings.paper,
            large_print: settings.large_print,
            tracking_chart: settings.tracking_chart,
            phase: None,
            logo: settings.logo.clone(),
            emergency_number: filled(&settings.emergency_number),
            video_address: filled(&settings.video_address),
            picture_folders,
            changes: Vec::new(),
            whats_new: settings.whats_new,
            language: None,
        }
    }

    /// The settings' options with `choices` over them, finding pictures in
    /// the store's pictures folders.
    pub fn chosen(store: &Store, settings: &Settings, choices: Choices) -> Self {
        let defaults = Self::from_settings(settings, store.picture_folders(settings));
        Self {
            layout: choices.layout.unwrap_or(defaults.layout),
            paper: choices.paper.unwrap_or(defaults.paper),
            large_print: choices.large_print.unwrap_or(defaults.large_print),
            tracking_chart: choices.tracking_chart.unwrap_or(defaults.tracking_chart),
            phase: choices.phase,
            whats_new: choices.whats_new.unwrap_or(defaults.whats_new),
            language: choices.language.map(str::to_string),
            ..defaults
        }
    }
}

impl Default for HandoutOptions {
    fn default() -> Self {
        Self::from_settings(&Settings::default(), Vec::new())
    }
}
