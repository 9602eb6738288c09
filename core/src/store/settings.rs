//! The therapist's settings: clinic details, handout defaults, theme and
//! an optional shared clinic folder. Missing or unknown fields never cost
//! the rest of the settings.

use crate::library::{Dose, ExerciseId};
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
    /// Print a "What's new" box on the first page of a program that has
    /// an earlier version that differs.
    pub whats_new: bool,
    /// Exercises the therapist starred, in the order starred.
    pub favourites: Vec<ExerciseId>,
    /// Exercises recently added to a program, newest first.
    pub recently_used: Vec<ExerciseId>,
    /// The therapist's own usual doses, which new items start from.
    pub usual_doses: Vec<UsualDose>,
}

/// The therapist's own usual dose for one exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsualDose {
    /// The exercise.
    pub exercise: ExerciseId,
    /// The dose a new item of it starts from.
    pub dose: Dose,
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
            whats_new: true,
            favourites: Vec::new(),
            recently_used: Vec::new(),
            usual_doses: Vec::new(),
        }
    }
}

/// How many recent programs are remembered.
const RECENT_LIMIT: usize = 20;

/// How many recently used exercises are remembered.
pub const RECENTLY_USED_LIMIT: usize = 20;

impl Settings {
    /// Puts `path` at the top of the recent list.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// True when the therapist starred `id`.
    pub fn is_favourite(&self, id: &ExerciseId) -> bool {
        self.favourites.contains(id)
    }

    /// Stars `id`, or takes its star away; returns whether it is starred now.
    pub fn toggle_favourite(&mut self, id: &ExerciseId) -> bool {
        if self.is_favourite(id) {
            self.favourites.retain(|f| f != id);
            false
        } else {
            self.favourites.push(id.clone());
            true
        }
    }

    /// Puts `id` at the top of the recently used exercises.
    pub fn used(&mut self, id: &ExerciseId) {
        self.recently_used.retain(|r| r != id);
        self.recently_used.insert(0, id.clone());
        self.recently_used.truncate(RECENTLY_USED_LIMIT);
    }

    /// The therapist's own usual dose for `id`, if they made one.
    pub fn usual_dose(&self, id: &ExerciseId) -> Option<&Dose> {
        self.usual_doses
            .iter()
            .find(|usual| &usual.exercise == id)
            .map(|usual| &usual.dose)
    }

    /// Makes `dose` the therapist's usual dose for `id`.
    pub fn set_usual_dose(&mut self, id: &ExerciseId, dose: Dose) {
        match self.usual_doses.iter_mut().find(|u| &u.exercise == id) {
            Some(usual) => usual.dose = dose,
            None => self.usual_doses.push(UsualDose {
                exercise: id.clone(),
                dose,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn favourites_recent_exercises_and_usual_doses_survive_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let (bridge, plank) = (ExerciseId::new("bridge"), ExerciseId::new("plank"));
        let mut settings = Settings::default();
        assert!(settings.toggle_favourite(&bridge));
        assert!(settings.toggle_favourite(&plank));
        assert!(
            !settings.toggle_favourite(&bridge),
            "a second click unstars"
        );
        settings.used(&bridge);
        settings.used(&plank);
        settings.used(&bridge);
        let dose = Dose {
            reps: Some(12),
            sets: Some(2),
            ..Dose::default()
        };
        settings.set_usual_dose(&bridge, dose.clone());
        store.save_settings(&settings).unwrap();

        let (loaded, problem) = store.load_settings();
        assert!(problem.is_none());
        assert_eq!(loaded.favourites, std::slice::from_ref(&plank));
        assert_eq!(loaded.recently_used, [bridge.clone(), plank.clone()]);
        assert_eq!(loaded.usual_dose(&bridge), Some(&dose));
        assert_eq!(loaded.usual_dose(&plank), None);
    }

    #[test]
    fn older_settings_without_the_new_fields_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        std::fs::create_dir_all(store.folders().settings.parent().unwrap()).unwrap();
        std::fs::write(&store.folders().settings, "(clinic: \"Riverside\")").unwrap();
        let (loaded, problem) = store.load_settings();
        assert!(problem.is_none(), "{problem:?}");
        assert_eq!(loaded.clinic, "Riverside");
        assert!(loaded.favourites.is_empty() && loaded.whats_new);
    }

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
