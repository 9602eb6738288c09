//! One exercise in the library: what it is for, how to do it, and its usual dose.

use super::Dose;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Declares a closed set of labels with a menu order and human wording.
macro_rules! choice {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $label:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order menus show them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wording shown to people.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }

            /// Finds a value by its label or its name in files, ignoring
            /// case, spaces, dashes and underscores.
            pub fn from_name(text: &str) -> Option<Self> {
                let wanted = squash(text);
                Self::ALL.iter().copied().find(|value| {
                    squash(value.label()) == wanted || squash(&format!("{value:?}")) == wanted
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }

        /// Reads a value as [`Self::from_name`] does; the error lists every
        /// valid value, as typed on a command line ("lower-back").
        impl std::str::FromStr for $name {
            type Err = String;

            fn from_str(text: &str) -> Result<Self, String> {
                Self::from_name(text).ok_or_else(|| {
                    unknown(
                        &stringify!($name).to_lowercase(),
                        text,
                        Self::ALL.iter().map(|value| value.label()),
                    )
                })
            }
        }
    };
}

/// "unknown region "elbow"; choose one of: neck, shoulders, …", with each
/// label as it would be typed on a command line.
pub(crate) fn unknown<'a>(what: &str, text: &str, labels: impl Iterator<Item = &'a str>) -> String {
    let valid: Vec<String> = labels
        .map(|label| label.to_lowercase().replace(' ', "-"))
        .collect();
    format!(
        "unknown {what} {text:?}; choose one of: {}",
        valid.join(", ")
    )
}

fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

choice! {
    /// What kind of exercise or advice an entry is.
    Category {
        Stretch => "Stretch",
        Strengthen => "Strengthen",
        Mobility => "Mobility",
        Aerobic => "Aerobic",
        /// Heat and cold.
        Modality => "Heat and cold",
        Relaxation => "Relaxation",
        Education => "Education",
    }
}

choice! {
    /// The parts of the body an exercise works on.
    Region {
        Neck => "Neck",
        Shoulders => "Shoulders",
        Chest => "Chest",
        UpperBack => "Upper back",
        LowerBack => "Lower back",
        Core => "Core",
        Hips => "Hips",
        Buttocks => "Buttocks",
        Legs => "Legs",
        WholeBody => "Whole body",
    }
}

choice! {
    /// The body position an exercise starts from.
    Position {
        LyingOnBack => "Lying on your back",
        LyingOnFront => "Lying on your front",
        SideLying => "Lying on your side",
        HandsAndKnees => "Hands and knees",
        Kneeling => "Kneeling",
        Sitting => "Sitting",
        Standing => "Standing",
        /// Advice and heat or cold that fit any position.
        Any => "Any position",
    }
}

choice! {
    /// Things a patient needs at home for an exercise.
    Equipment {
        Mat => "Mat",
        Pillow => "Pillow",
        Towel => "Towel",
        Chair => "Chair",
        Wall => "Wall",
        Doorway => "Doorway",
        Ball => "Exercise ball",
        Band => "Resistance band",
        Weights => "Weights",
        HeatPack => "Heat pack",
        ColdPack => "Cold pack",
        Bike => "Exercise bike",
        Pool => "Pool",
    }
}

choice! {
    /// How hard an exercise is for a typical patient.
    Difficulty {
        Easy => "Easy",
        Moderate => "Moderate",
        Hard => "Hard",
    }
}

/// An exercise's stable identifier: lower-case words joined by dashes
/// ("bird-dog"). Programs refer to exercises by it, so it never changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExerciseId(String);

impl ExerciseId {
    /// Wraps an id as written; use [`ExerciseId::is_valid`] to check it.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// Makes an id from a name: "Child's Pose (kneeling)" → "childs-pose-kneeling".
    pub fn from_name(name: &str) -> Self {
        let mut slug = String::new();
        for word in crate::text::fold(name)
            .replace(['\'', '’'], "")
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.push_str(word);
        }
        if slug.is_empty() {
            slug.push_str("exercise");
        }
        Self(slug)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for lower-case ASCII letters and digits in dash-separated words.
    pub fn is_valid(&self) -> bool {
        !self.0.is_empty()
            && self.0.len() <= 80
            && self.0.split('-').all(|w| {
                !w.is_empty()
                    && w.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            })
    }
}

impl fmt::Display for ExerciseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One entry of the exercise library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// File format version, see [`super::FORMAT`].
    #[serde(default = "super::current_format")]
    pub format: u32,
    /// Stable id, also the file name for custom exercises.
    pub id: ExerciseId,
    /// The name patients and therapists know it by.
    pub name: String,
    /// Other names, so a search for "superman" finds the back extension.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What kind of exercise it is.
    pub category: Category,
    /// Body parts it works on.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Position it starts from.
    pub position: Position,
    /// What the patient needs; empty means nothing.
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    /// How hard it is.
    pub difficulty: Difficulty,
    /// One line on what it does for the patient.
    pub purpose: String,
    /// How to get into the starting position.
    pub start: String,
    /// The movement, one instruction per step, in order.
    pub steps: Vec<String>,
    /// Mistakes people often make.
    #[serde(default)]
    pub mistakes: Vec<String>,
    /// When to take care or stop.
    #[serde(default)]
    pub cautions: Vec<String>,
    /// The usual dose, which a program can change.
    pub dose: Dose,
    /// File name of the illustration, inside the illustrations folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
    /// Extra search words ("sciatica", "desk").
    #[serde(default)]
    pub tags: Vec<String>,
    /// A web page with a video of the exercise (http or https); the
    /// handout prints it as a QR code. Shipped exercises have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<String>,
    /// The patient's words in other languages, by language code ("es").
    /// Shipped exercises get theirs from `assets/library/<code>/`; a
    /// custom exercise carries its own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, ExerciseText>,
}

/// An exercise's words for the patient in one language: everything the
/// handout prints of it, the dose aside (the handout words that itself).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseText {
    /// The name.
    #[serde(default)]
    pub name: String,
    /// Other names, found by search too.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it does for the patient.
    #[serde(default)]
    pub purpose: String,
    /// How to get into the starting position.
    #[serde(default)]
    pub start: String,
    /// The movement, step by step.
    #[serde(default)]
    pub steps: Vec<String>,
    /// Mistakes people often make.
    #[serde(default)]
    pub mistakes: Vec<String>,
    /// When to take care or stop.
    #[serde(default)]
    pub cautions: Vec<String>,
    /// The usual dose's moment ("every time you get out of bed"), for an
    /// exercise whose usual dose names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The usual dose's load ("a light resistance band"), for an exercise
    /// whose usual dose names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<String>,
}

impl ExerciseText {
    /// True when nothing is filled in, so a custom exercise's empty
    /// Spanish section is not saved as a translation.
    pub fn is_blank(&self) -> bool {
        let blank = |t: &String| t.trim().is_empty();
        blank(&self.name)
            && blank(&self.purpose)
            && blank(&self.start)
            && self.aliases.iter().all(blank)
            && self.steps.iter().all(blank)
            && self.mistakes.iter().all(blank)
            && self.cautions.iter().all(blank)
    }
}

impl Exercise {
    /// A new custom exercise to fill in: no name or words yet, a usual dose
    /// of 10 repetitions.
    pub fn blank() -> Self {
        Self {
            format: super::FORMAT,
            id: ExerciseId::new("new-exercise"),
            name: String::new(),
            aliases: Vec::new(),
            category: Category::Strengthen,
            regions: Vec::new(),
            position: Position::Standing,
            equipment: Vec::new(),
            difficulty: Difficulty::Easy,
            purpose: String::new(),
            start: String::new(),
            steps: vec![String::new()],
            mistakes: Vec::new(),
            cautions: Vec::new(),
            dose: Dose {
                reps: Some(10),
                ..Dose::default()
            },
            picture: None,
            tags: Vec::new(),
            video: None,
            translations: BTreeMap::new(),
        }
    }

    /// True when the patient's words exist in `language`: always for
    /// English, otherwise when a translation with a name and steps exists.
    pub fn has_language(&self, language: &str) -> bool {
        language == crate::lang::ENGLISH
            || self.translations.get(language).is_some_and(|text| {
                !text.name.trim().is_empty() && text.steps.iter().any(|s| !s.trim().is_empty())
            })
    }

    /// This exercise with its patient's words in `language`, or `None`
    /// when it has none there (the handout then prints it in English and
    /// says so). A translation's empty list or field keeps the English one
    /// out, never mixes it in: an empty list is printed empty.
    pub fn in_language(&self, language: &str) -> Option<Exercise> {
        if language == crate::lang::ENGLISH {
            return Some(self.clone());
        }
        if !self.has_language(language) {
            return None;
        }
        let text = &self.translations[language];
        let mut exercise = self.clone();
        exercise.name = text.name.clone();
        exercise.aliases = text.aliases.clone();
        exercise.purpose = text.purpose.clone();
        exercise.start = text.start.clone();
        exercise.steps = text.steps.clone();
        exercise.mistakes = text.mistakes.clone();
        exercise.cautions = text.cautions.clone();
        exercise.dose = self.dose_in(&self.dose, language);
        Some(exercise)
    }

    /// `dose` with the usual dose's own words (its moment, its load)
    /// in `language` where `dose` kept them as the library wrote them; a
    /// therapist's own words are theirs and stay as typed.
    pub fn dose_in(&self, dose: &Dose, language: &str) -> Dose {
        let mut dose = dose.clone();
        let Some(text) = self.translations.get(language) else {
            return dose;
        };
        if let Some(when) = &text.when
            && dose.when.is_some()
            && dose.when == self.dose.when
        {
            dose.when = Some(when.clone());
        }
        if let Some(load) = &text.load
            && dose.load.is_some()
            && dose.load == self.dose.load
        {
            dose.load = Some(load.clone());
        }
        dose
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_names_are_clean_slugs() {
        assert_eq!(
            ExerciseId::from_name("Child's Pose").as_str(),
            "childs-pose"
        );
        assert_eq!(
            ExerciseId::from_name("  Knee-to-chest (single) ").as_str(),
            "knee-to-chest-single"
        );
        assert_eq!(
            ExerciseId::from_name("Étirement über").as_str(),
            "etirement-uber"
        );
        assert_eq!(ExerciseId::from_name("!!!").as_str(), "exercise");
        assert!(ExerciseId::from_name("Bird Dog 2").is_valid());
    }

    #[test]
    fn invalid_ids_are_caught() {
        for bad in ["", "Bird-dog", "bird--dog", "-bird", "bird dog", "../x"] {
            assert!(
                !ExerciseId::new(bad).is_valid(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn choices_are_found_by_label_or_name() {
        assert_eq!(
            Category::from_name("heat and cold"),
            Some(Category::Modality)
        );
        assert_eq!(Category::from_name("modality"), Some(Category::Modality));
        assert_eq!(Region::from_name("lower-back"), Some(Region::LowerBack));
        assert_eq!(Region::from_name("LowerBack"), Some(Region::LowerBack));
        assert_eq!(Position::from_name("sitting"), Some(Position::Sitting));
        assert_eq!(Difficulty::from_name("impossible"), None);
    }
}
