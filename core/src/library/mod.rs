//! The exercise library: the shipped exercises plus the therapist's own,
//! looked up by id and searched by words and filters.
//!
//! This is the lowest layer with meaning: an exercise, its usual dose, and
//! the file format number every ptbuilder file carries.

mod dose;
mod exercise;
pub mod search;

pub use dose::{Dose, Side, Span};
pub use exercise::{
    Category, Difficulty, Equipment, Exercise, ExerciseId, ExerciseText, Position, Region,
};
pub use search::{Filters, SearchIndex};

use std::collections::HashMap;
use std::sync::OnceLock;

/// The file format this version writes, for exercises, programs and
/// settings alike; files from older versions are read and migrated.
pub const FORMAT: u32 = 1;

/// [`FORMAT`], for serde defaults.
pub fn current_format() -> u32 {
    FORMAT
}

/// Where a library entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Shipped with ptbuilder; read-only.
    BuiltIn,
    /// Made by this therapist, in their own library folder.
    User,
    /// From the clinic's shared folder.
    Clinic,
}

/// A set of exercises with unique ids.
#[derive(Debug, Clone, Default)]
pub struct Library {
    exercises: Vec<Exercise>,
    sources: Vec<Source>,
    by_id: HashMap<ExerciseId, usize>,
}

struct Shipped {
    library: Library,
    problems: Vec<String>,
}

/// The shipped exercises, parsed once. They are part of the build, so they
/// are only parsed here; the store's reader, with its located messages and
/// checks, reads every one of them in the test suite.
fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let mut library = Library::default();
        let mut problems = Vec::new();
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let mut texts = shipped_translations(&options, &mut problems);
        for (name, bytes) in crate::assets::library_files() {
            let parsed = std::str::from_utf8(bytes)
                .map_err(|error| error.to_string())
                .and_then(|text| {
                    options
                        .from_str::<Exercise>(text)
                        .map_err(|e| e.to_string())
                });
            match parsed {
                Ok(mut exercise) => {
                    let stem = name.trim_end_matches(".ron");
                    for (language, text) in texts.remove(stem).unwrap_or_default() {
                        exercise.translations.insert(language, text);
                    }
                    library.insert(exercise, Source::BuiltIn);
                }
                Err(error) => problems.push(format!("assets/library/{name}: {error}")),
            }
        }
        for (stem, languages) in texts {
            for (language, _) in languages {
                problems.push(format!(
                    "assets/library/{language}/{stem}.ron: no exercise has the id {stem:?}"
                ));
            }
        }
        Shipped { library, problems }
    })
}

/// The shipped exercises' words in other languages, by exercise id (the
/// file's name), as (language, text).
fn shipped_translations(
    options: &ron::Options,
    problems: &mut Vec<String>,
) -> HashMap<String, Vec<(String, ExerciseText)>> {
    let mut texts: HashMap<String, Vec<(String, ExerciseText)>> = HashMap::new();
    for (language, name, bytes) in crate::assets::library_translations() {
        let parsed = std::str::from_utf8(bytes)
            .map_err(|error| error.to_string())
            .and_then(|text| {
                options
                    .from_str::<ExerciseText>(text)
                    .map_err(|e| e.to_string())
            });
        match parsed {
            Ok(text) => texts
                .entry(name.trim_end_matches(".ron").to_string())
                .or_default()
                .push((language.to_string(), text)),
            Err(error) => problems.push(format!("assets/library/{language}/{name}: {error}")),
        }
    }
    texts
}

impl Library {
    /// The exercises shipped with ptbuilder.
    pub fn builtin() -> &'static Library {
        &shipped().library
    }

    /// Shipped files that could not be parsed, one line each; empty in any
    /// released build, which the test suite guarantees.
    pub fn builtin_problems() -> &'static [String] {
        &shipped().problems
    }

    /// True when `id` names a shipped exercise.
    pub fn is_builtin(&self, id: &ExerciseId) -> bool {
        Self::builtin().by_id.contains_key(id)
    }

    /// Adds an exercise, replacing any with the same id.
    pub fn insert(&mut self, exercise: Exercise, source: Source) {
        match self.by_id.get(&exercise.id) {
            Some(&index) => {
                self.exercises[index] = exercise;
                self.sources[index] = source;
            }
            None => {
                self.by_id.insert(exercise.id.clone(), self.exercises.len());
                self.exercises.push(exercise);
                self.sources.push(source);
            }
        }
    }

    /// Adds or replaces one of the therapist's own exercises.
    pub fn add_custom(&mut self, exercise: Exercise) {
        self.insert(exercise, Source::User);
    }

    /// Removes an exercise that is not built in; returns it.
    pub fn remove(&mut self, id: &ExerciseId) -> Option<Exercise> {
        let index = *self.by_id.get(id)?;
        if self.sources[index] == Source::BuiltIn {
            return None;
        }
        self.sources.remove(index);
        let removed = self.exercises.remove(index);
        self.reindex();
        Some(removed)
    }

    fn reindex(&mut self) {
        self.by_id = self
            .exercises
            .iter()
            .enumerate()
            .map(|(index, exercise)| (exercise.id.clone(), index))
            .collect();
    }

    /// An exercise by id.
    pub fn get(&self, id: &ExerciseId) -> Option<&Exercise> {
        self.by_id.get(id).map(|&index| &self.exercises[index])
    }

    /// Where an exercise came from.
    pub fn source(&self, id: &ExerciseId) -> Option<Source> {
        self.by_id.get(id).map(|&index| self.sources[index])
    }

    /// All exercises in the order they were added.
    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    /// The exercise at a position in [`Library::exercises`].
    pub fn at(&self, index: usize) -> Option<(&Exercise, Source)> {
        Some((self.exercises.get(index)?, self.sources[index]))
    }

    /// Number of exercises.
    pub fn len(&self) -> usize {
        self.exercises.len()
    }

    /// True when there are no exercises.
    pub fn is_empty(&self) -> bool {
        self.exercises.is_empty()
    }

    /// An id, based on `name`, that no exercise uses yet.
    pub fn unused_id(&self, name: &str) -> ExerciseId {
        let base = ExerciseId::from_name(name);
        if !self.by_id.contains_key(&base) && !self.is_builtin(&base) {
            return base;
        }
        (2..)
            .map(|n| ExerciseId::new(format!("{}-{n}", base.as_str())))
            .find(|id| !self.by_id.contains_key(id) && !self.is_builtin(id))
            .unwrap_or(base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_entries_can_be_replaced_and_removed_but_built_ins_stay() {
        let mut library = Library::builtin().clone();
        let count = library.len();
        let bridge = ExerciseId::new("bridge");
        let mut mine = library.get(&bridge).unwrap().clone();
        mine.id = library.unused_id("Bridge");
        assert_eq!(mine.id.as_str(), "bridge-2");
        library.add_custom(mine.clone());
        assert_eq!(library.len(), count + 1);
        assert_eq!(library.source(&mine.id), Some(Source::User));
        mine.name = "Bridge on a step".into();
        library.add_custom(mine.clone());
        assert_eq!(library.len(), count + 1);
        assert_eq!(library.get(&mine.id).unwrap().name, "Bridge on a step");
        assert!(library.remove(&bridge).is_none());
        assert_eq!(library.remove(&mine.id).map(|e| e.name), Some(mine.name));
        assert_eq!(library.len(), count);
        assert!(library.get(&bridge).is_some());
    }
}
