//! The therapist's and the clinic's own exercises: loaded beside the
//! shipped library, and saved with their pictures.

use super::pictures::{Picture, picture_file_name};
use super::ron_file::{FileProblem, read_exercise, read_text, to_ron};
use super::{Folders, Settings, Store, WriteFailed, ron_files, write_atomic, write_file};
use crate::library::{Exercise, ExerciseId, Library, Source};
use std::io;
use std::path::PathBuf;

impl Store {
    /// The shipped library plus the therapist's and the clinic's exercises;
    /// files that cannot be read are reported and skipped.
    pub fn library(&self, settings: &Settings) -> (Library, Vec<FileProblem>) {
        let mut library = Library::builtin().clone();
        let mut problems = Vec::new();
        let mut folders = vec![(self.folders.exercises.clone(), Source::User)];
        if let Some(shared) = &settings.shared_folder {
            folders.insert(0, (Folders::shared(shared).1, Source::Clinic));
        }
        for (folder, source) in folders {
            for path in ron_files(&folder) {
                let file = path.display().to_string();
                let exercise = read_text(&path)
                    .map_err(|p| vec![p])
                    .and_then(|text| read_exercise(&text, &file));
                match exercise {
                    Ok(exercise) if library.is_builtin(&exercise.id) => {
                        problems.push(FileProblem::whole(
                            &file,
                            format!(
                                "id {:?} belongs to a built-in exercise, so this file is skipped; give it its own id",
                                exercise.id.as_str()
                            ),
                        ));
                    }
                    Ok(exercise) => library.insert(exercise, source),
                    Err(found) => problems.extend(found),
                }
            }
        }
        (library, problems)
    }

    /// The file a custom exercise is kept in.
    pub fn exercise_path(&self, id: &ExerciseId) -> PathBuf {
        self.folders().exercises.join(format!("{id}.ron"))
    }

    /// Saves one of the therapist's exercises as it is.
    pub fn save_exercise(&self, exercise: &Exercise) -> io::Result<PathBuf> {
        let path = self.exercise_path(&exercise.id);
        write_atomic(&path, to_ron(exercise).as_bytes())?;
        Ok(path)
    }

    /// Saves one of the therapist's exercises with `new_picture`, if one
    /// was chosen: the picture is copied into the pictures folder under a
    /// name made from the exercise's id, then the exercise is written
    /// naming it. Returns the exercise as saved.
    pub fn save_custom_exercise(
        &self,
        mut exercise: Exercise,
        new_picture: Option<&Picture>,
    ) -> Result<Exercise, WriteFailed> {
        if let Some(picture) = new_picture {
            let name = picture_file_name(&exercise.id, picture.format);
            write_file(&self.folders().pictures.join(&name), &picture.bytes)?;
            exercise.picture = Some(name);
        }
        write_file(
            &self.exercise_path(&exercise.id),
            to_ron(&exercise).as_bytes(),
        )?;
        Ok(exercise)
    }

    /// Deletes one of the therapist's exercises.
    pub fn delete_exercise(&self, id: &ExerciseId) -> io::Result<()> {
        std::fs::remove_file(self.exercise_path(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::PictureFormat;
    use std::borrow::Cow;

    #[test]
    fn a_custom_exercise_is_saved_with_its_picture_and_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let mut exercise = Library::builtin()
            .get(&ExerciseId::new("bridge"))
            .unwrap()
            .clone();
        exercise.id = ExerciseId::new("step-bridge");
        let picture = Picture {
            name: "anything.svg".into(),
            format: PictureFormat::Svg,
            bytes: Cow::Borrowed(br#"<svg xmlns="http://www.w3.org/2000/svg"/>"#),
        };
        let saved = store
            .save_custom_exercise(exercise, Some(&picture))
            .unwrap();
        assert_eq!(saved.picture.as_deref(), Some("step-bridge.svg"));
        assert!(dir.path().join("pictures/step-bridge.svg").is_file());
        let (library, problems) = store.library(&Settings::default());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(library.source(&saved.id), Some(Source::User));
        assert_eq!(library.get(&saved.id), Some(&saved));
    }
}
