//! A patient's home-exercise program: who it is for, its phases and items.
//!
//! A program names exercises by id. Built-in exercises come from the shipped
//! library; copies of any custom exercises it uses travel inside the program
//! (`exercises`), so the file prints the same handout on any PC.

pub mod changes;
pub mod document;
pub mod edit;
pub mod history;
pub mod input;
mod validate;
pub mod visits;

pub use crate::library::{Dose, Side, Span};
pub use validate::{
    FieldPath, Problem, Segment, Severity, is_safe_picture_name, is_web_address, limits,
    validate_exercise, validate_program,
};
pub use visits::{Done, Visit};

use crate::library::{Exercise, ExerciseId, FORMAT, Library};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Phases with more exercises than this get a gentle warning: patients do
/// fewer of their exercises as the list grows.
pub const ADVISED_MAX_ITEMS: usize = 6;

/// The person the program is for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    /// Full name as it should appear on the handout.
    pub name: String,
    /// Chart or record number, if the clinic uses one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub identifier: String,
}

/// One exercise in a phase, with this patient's dose and note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Which exercise.
    pub exercise: ExerciseId,
    /// This patient's dose; `None` uses the exercise's usual dose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dose: Option<Dose>,
    /// A note for this patient ("keep the band on the door handle").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Item {
    /// An item with the exercise's usual dose and no note.
    pub fn new(exercise: &Exercise) -> Self {
        Self {
            exercise: exercise.id.clone(),
            dose: Some(exercise.dose.clone()),
            note: String::new(),
        }
    }

    /// The dose to print: this patient's, or the exercise's usual one.
    pub fn dose_or<'a>(&'a self, exercise: &'a Exercise) -> &'a Dose {
        self.dose.as_ref().unwrap_or(&exercise.dose)
    }
}

/// A stage of the program, such as "Weeks 1–2: calm the spasm".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Heading shown on the handout.
    pub name: String,
    /// How long the phase usually lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u8>,
    /// What must be true before moving on to the next phase.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub advance_when: String,
    /// The exercises, in the order the patient does them.
    #[serde(default)]
    pub items: Vec<Item>,
}

impl Phase {
    /// An empty phase with a name.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            weeks: None,
            advance_when: String::new(),
            items: Vec::new(),
        }
    }
}

/// A custom exercise's picture carried inside a program file, so the file
/// prints the same handout on another PC: the picture's file name and its
/// bytes in base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbeddedPicture {
    /// The name the exercise calls it by ("my-bridge.png").
    pub name: String,
    /// The picture's bytes, base64-encoded.
    pub data: String,
}

impl EmbeddedPicture {
    /// Carries `bytes` under `name`.
    pub fn new(name: &str, bytes: &[u8]) -> Self {
        use base64::Engine;
        Self {
            name: name.to_string(),
            data: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }

    /// The picture's bytes, or `None` when the text is not base64.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(self.data.trim())
            .ok()
    }
}

/// A home-exercise program, or a template when it has no patient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// File format version, see [`FORMAT`].
    pub format: u32,
    /// The handout's language ([`crate::lang`] code); English when a file
    /// leaves it out, so files from before languages stay as they were.
    #[serde(
        default = "crate::lang::english",
        skip_serializing_if = "crate::lang::is_english"
    )]
    pub language: String,
    /// Title on the handout ("Low back: gentle start").
    pub title: String,
    /// The patient; `None` for a template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patient: Option<Patient>,
    /// The treating clinician.
    #[serde(default)]
    pub clinician: String,
    /// Clinic name.
    #[serde(default)]
    pub clinic: String,
    /// Clinic phone number for questions and worries.
    #[serde(default)]
    pub phone: String,
    /// When the program was made.
    pub created: NaiveDate,
    /// When the patient starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Next review or appointment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<NaiveDate>,
    /// The condition being treated, in plain words.
    #[serde(default)]
    pub condition: String,
    /// Goals, one per entry.
    #[serde(default)]
    pub goals: Vec<String>,
    /// General notes for the patient.
    #[serde(default)]
    pub notes: String,
    /// Precautions for this patient, one per entry.
    #[serde(default)]
    pub precautions: Vec<String>,
    /// The phases, in order; at least one.
    pub phases: Vec<Phase>,
    /// Copies of the custom exercises this program uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exercises: Vec<Exercise>,
    /// The pictures of those copies, carried along.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<EmbeddedPicture>,
    /// The progress log: follow-up visits, oldest first. Kept when the
    /// program is progressed; older files without it still open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
}

impl Program {
    /// An empty program dated `today`, with one phase.
    pub fn new(today: NaiveDate) -> Self {
        Self {
            format: FORMAT,
            language: crate::lang::english(),
            title: "Home exercise program".to_string(),
            patient: None,
            clinician: String::new(),
            clinic: String::new(),
            phone: String::new(),
            created: today,
            start: Some(today),
            review: None,
            condition: String::new(),
            goals: Vec::new(),
            notes: String::new(),
            precautions: Vec::new(),
            phases: vec![Phase::named("Your exercises")],
            exercises: Vec::new(),
            pictures: Vec::new(),
            visits: Vec::new(),
        }
    }

    /// True when the program has no patient, i.e. it is a template.
    pub fn is_template(&self) -> bool {
        self.patient.is_none()
    }

    /// A fresh program from this template: dated `today`, starting today,
    /// with an empty patient to fill in.
    pub fn instantiate(&self, today: NaiveDate) -> Self {
        let mut program = self.clone();
        program.format = FORMAT;
        program.created = today;
        program.start = Some(today);
        program.review = None;
        program.patient = Some(Patient::default());
        program.visits.clear();
        program
    }

    /// This program as a template: the patient and dates specific to them removed.
    pub fn to_template(&self, today: NaiveDate) -> Self {
        let mut template = self.clone();
        template.patient = None;
        template.created = today;
        template.start = None;
        template.review = None;
        template.visits.clear();
        template
    }

    /// Every item in every phase.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.phases.iter().flat_map(|phase| phase.items.iter())
    }

    /// Total number of items over all phases.
    pub fn item_count(&self) -> usize {
        self.phases.iter().map(|phase| phase.items.len()).sum()
    }

    /// Exercises the program uses that have no words in its language,
    /// each once, in the order they first appear; empty for English.
    pub fn untranslated<'a>(&'a self, library: &'a Library) -> Vec<&'a Exercise> {
        let mut seen = Vec::new();
        for item in self.items() {
            if let Some(exercise) = self.exercise(&item.exercise, library)
                && !exercise.has_language(&self.language)
                && !seen.iter().any(|e: &&Exercise| e.id == exercise.id)
            {
                seen.push(exercise);
            }
        }
        seen
    }

    /// Looks an exercise up in the program's own copies, then the library.
    pub fn exercise<'a>(&'a self, id: &ExerciseId, library: &'a Library) -> Option<&'a Exercise> {
        self.exercises
            .iter()
            .find(|exercise| &exercise.id == id)
            .or_else(|| library.get(id))
    }

    /// Copies every non-built-in exercise the program uses into it, and drops
    /// copies no item uses any more, so the saved file stands on its own.
    pub fn embed_custom_exercises(&mut self, library: &Library) {
        let used: Vec<ExerciseId> = {
            let mut ids: Vec<ExerciseId> = self.items().map(|item| item.exercise.clone()).collect();
            ids.sort();
            ids.dedup();
            ids
        };
        let mut embedded = Vec::new();
        for id in &used {
            if library.is_builtin(id) {
                continue;
            }
            let copy = library
                .get(id)
                .or_else(|| self.exercises.iter().find(|e| &e.id == id));
            if let Some(exercise) = copy {
                embedded.push(exercise.clone());
            }
        }
        self.exercises = embedded;
    }

    /// Estimated minutes for one session of a phase, rounded up.
    pub fn phase_minutes(&self, phase: &Phase, library: &Library) -> u32 {
        let seconds: f64 = phase
            .items
            .iter()
            .filter_map(|item| {
                let exercise = self.exercise(&item.exercise, library)?;
                Some(item.dose_or(exercise).session_seconds())
            })
            .sum();
        (seconds / 60.0).ceil() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn template_becomes_a_program_dated_today() {
        let mut template = Program::new(date(2025, 1, 1)).to_template(date(2025, 1, 1));
        template.title = "Desk posture".into();
        assert!(template.is_template());
        let program = template.instantiate(date(2026, 3, 4));
        assert!(!program.is_template());
        assert_eq!(program.created, date(2026, 3, 4));
        assert_eq!(program.start, Some(date(2026, 3, 4)));
        assert_eq!(program.title, "Desk posture");
    }

    #[test]
    fn custom_exercises_travel_with_the_program() {
        let mut library = Library::builtin().clone();
        let mut custom = library.get(&ExerciseId::new("bridge")).unwrap().clone();
        custom.id = ExerciseId::new("bridge-on-step");
        custom.name = "Bridge with feet on a step".into();
        library.add_custom(custom.clone());

        let mut program = Program::new(date(2026, 1, 1));
        program.phases[0].items.push(Item::new(&custom));
        program.phases[0].items.push(Item::new(
            library.get(&ExerciseId::new("bird-dog")).unwrap(),
        ));
        program.embed_custom_exercises(&library);
        assert_eq!(program.exercises, vec![custom.clone()]);

        // On a PC whose library lacks the custom exercise, it still resolves.
        let bare = Library::builtin();
        assert_eq!(program.exercise(&custom.id, bare), Some(&custom));

        // Removing the item drops the copy on the next embed.
        program.phases[0].items.remove(0);
        program.embed_custom_exercises(bare);
        assert!(program.exercises.is_empty());
    }
}
