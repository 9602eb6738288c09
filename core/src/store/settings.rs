//! The therapist's settings: clinic details, handout defaults, theme and
//! an optional shared clinic folder. Missing or unknown fields never cost
//! the rest of the settings.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

/// Paper size for handouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Paper {
    /// 210 × 297 mm, used almost everywhere.
    #[default]
    A4,
    /// 8.5 × 11 inches, used in North America.
    Letter,
}

impl Paper {
    /// Both sizes, for menus.
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::Letter => (215.9, 279.4),
        }
    }
}

/// "a4" or "letter" (also "us-letter"), in any case.
impl std::str::FromStr for Paper {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" | "usletter" | "us letter" => Ok(Paper::Letter),
            _ => Err(format!("unknown paper {text:?}; choose a4 or letter")),
        }
    }
}

impl fmt::Display for Paper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Paper::A4 => "A4",
            Paper::Letter => "US Letter",
        })
    }
}

/// How the handout is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum HandoutLayout {
    /// Two or three exercises a page, big pictures, one "Take care" line:
    /// the handout patients keep.
    #[default]
    Compact,
    /// One exercise at a time with every step, mistake and caution spelled
    /// out, for patients who need it all.
    Detailed,
    /// One page for the fridge: each exercise of a phase with its picture,
    /// name and dose.
    Summary,
}

impl HandoutLayout {
    /// Every layout, for menus.
    pub const ALL: [HandoutLayout; 3] = [
        HandoutLayout::Compact,
        HandoutLayout::Detailed,
        HandoutLayout::Summary,
    ];
}

impl fmt::Display for HandoutLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HandoutLayout::Compact => "Compact",
            HandoutLayout::Detailed => "Detailed",
            HandoutLayout::Summary => "Summary card",
        })
    }
}

/// "compact", "detailed" or "summary", in any case.
impl std::str::FromStr for HandoutLayout {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_lowercase().as_str() {
            "compact" => Ok(HandoutLayout::Compact),
            "detailed" => Ok(HandoutLayout::Detailed),
            "summary" | "summary-card" | "card" => Ok(HandoutLayout::Summary),
            _ => Err(format!(
                "unknown layout {text:?}; choose compact, detailed or summary"
            )),
        }
    }
}

/// What one print job holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PrintParts {
    /// The handout, in the chosen layout.
    #[default]
    Handout,
    /// The one-page summary card.
    Card,
    /// The handout, then the card on its own sheet.
    Both,
}

impl PrintParts {
    /// Every choice, for menus.
    pub const ALL: [PrintParts; 3] = [PrintParts::Handout, PrintParts::Card, PrintParts::Both];
}

impl fmt::Display for PrintParts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PrintParts::Handout => "The handout",
            PrintParts::Card => "The summary card",
            PrintParts::Both => "Both (handout, then card)",
        })
    }
}

/// "handout", "card" or "both", in any case.
impl std::str::FromStr for PrintParts {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_lowercase().as_str() {
            "handout" => Ok(PrintParts::Handout),
            "card" | "summary" | "summary-card" => Ok(PrintParts::Card),
            "both" => Ok(PrintParts::Both),
            _ => Err(format!(
                "unknown choice {text:?}; choose handout, card or both"
            )),
        }
    }
}

/// The last choices made in the Print sheet, offered again next time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrintChoices {
    /// The printer's system name; `None` for the system's default.
    pub printer: Option<String>,
    /// How many copies.
    pub copies: u16,
    /// Both sides of the paper; `None` until the therapist chooses, which
    /// means "yes, when the printer can".
    pub two_sided: Option<bool>,
    /// Handout, card or both.
    pub parts: PrintParts,
}

impl Default for PrintChoices {
    fn default() -> Self {
        Self {
            printer: None,
            copies: 1,
            two_sided: None,
            parts: PrintParts::Handout,
        }
    }
}

/// Light or dark window colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, for menus.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];
}

impl fmt::Display for ThemeChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ThemeChoice::System => "Follow system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        })
    }
}

/// The window's size when it was last used, in logical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowSize {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

/// Everything the therapist sets once and keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// File format version.
    pub format: u32,
    /// Clinic name for new programs and handouts.
    pub clinic: String,
    /// Clinic phone number.
    pub phone: String,
    /// Logo picture (PNG, JPEG or SVG) for the handout header.
    pub logo: Option<PathBuf>,
    /// Clinician name for new programs.
    pub clinician: String,
    /// The emergency telephone number of the clinic's country ("911",
    /// "999", "112"); the handout prints only this one, or "your emergency
    /// number" when it is empty.
    pub emergency_number: String,
    /// Where the clinic's exercise videos are, with `{id}` for the
    /// exercise's id ("https://example-clinic.org/videos/{id}"); empty for
    /// none. An exercise's own video link comes first.
    pub video_address: String,
    /// Handout layout.
    pub layout: HandoutLayout,
    /// Handout paper size.
    pub paper: Paper,
    /// Handouts in large print (18 pt).
    pub large_print: bool,
    /// Add the tracking chart page to handouts.
    pub tracking_chart: bool,
    /// Window colours.
    pub theme: ThemeChoice,
    /// A shared clinic folder (e.g. a network drive) with `templates/` and
    /// `exercises/` that appear beside the therapist's own.
    pub shared_folder: Option<PathBuf>,
    /// Programs opened recently, newest first.
    pub recent: Vec<PathBuf>,
    /// Show the live handout preview beside the program.
    pub show_preview: bool,
    /// The handout language of new programs ([`crate::lang`] code).
    pub language: String,
    /// The last choices in the Print sheet.
    pub printing: PrintChoices,
    /// The window's last size; `None` until the window was first resized.
    pub window: Option<WindowSize>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            format: crate::library::FORMAT,
            clinic: String::new(),
            phone: String::new(),
            logo: None,
            clinician: String::new(),
            emergency_number: String::new(),
            video_address: String::new(),
            layout: HandoutLayout::Compact,
            paper: Paper::A4,
            large_print: false,
            tracking_chart: true,
            theme: ThemeChoice::System,
            shared_folder: None,
            recent: Vec::new(),
            show_preview: false,
            language: crate::lang::english(),
            printing: PrintChoices::default(),
            window: None,
        }
    }
}

/// How many recent programs are remembered.
const RECENT_LIMIT: usize = 20;

impl Settings {
    /// Puts `path` at the top of the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::{Settings, WindowSize};
    use crate::store::Store;

    #[test]
    fn the_window_size_is_remembered_and_old_settings_files_still_read() {
        let folder = tempfile::tempdir().unwrap();
        let store = Store::at(folder.path());
        let settings = Settings {
            clinic: "Harbour Physio".into(),
            window: Some(WindowSize {
                width: 1200,
                height: 700,
            }),
            ..Settings::default()
        };
        store.save_settings(&settings).unwrap();
        let (loaded, problem) = store.load_settings();
        assert!(problem.is_none());
        assert_eq!(loaded, settings);

        // A file written before the window size was kept.
        std::fs::write(
            &store.folders().settings,
            "(format: 1, clinic: \"Harbour Physio\")",
        )
        .unwrap();
        let (old, problem) = store.load_settings();
        assert!(problem.is_none());
        assert_eq!(old.window, None);
        assert_eq!(old.clinic, "Harbour Physio");
    }
}
