//! Templates: the shipped ones, the clinic's and the therapist's own;
//! saving a program as a template; and starting a new program, blank or
//! from a template, with the therapist's clinic details filled in.

use super::programs::for_saving;
use super::ron_file::{FileProblem, read_program, to_ron};
use super::{Folders, Settings, Store, WriteFailed, ron_files, write_file};
use crate::library::{ExerciseId, Library, Source};
use crate::program::{Patient, Program};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A template the therapist can start from.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    /// The file stem, used on the command line (`--template desk-posture`).
    pub id: String,
    /// Where it comes from.
    pub source: Source,
    /// The template itself.
    pub program: Program,
    /// The same template written in other languages, by language code
    /// (shipped ones come from `programs/<code>/`).
    pub translations: BTreeMap<String, Program>,
}

impl Template {
    /// The template in `language`: its translation when it has one;
    /// otherwise its own words, set to print its handout in `language`
    /// (the exercises then speak it; the template's own words do not).
    pub fn program_in(&self, language: &str) -> Program {
        match self.translations.get(language) {
            Some(translated) => translated.clone(),
            None => {
                let mut program = self.program.clone();
                program.language = language.to_string();
                program
            }
        }
    }
}

/// Why a template was not saved.
#[derive(Debug, Clone, thiserror::Error)]
pub enum TemplateError {
    /// A template with the same title exists; ask before replacing it.
    #[error("you already have a template called “{0}”")]
    Exists(String),
    /// The disk refused the write.
    #[error(transparent)]
    Io(#[from] WriteFailed),
}

/// A new program for this therapist: blank, or from `template`; dated
/// `today`, starting today, with an empty patient to fill in, and the
/// clinician, clinic and phone from the settings wherever the template has
/// none. A blank program prints in the settings' handout language; one
/// from a template, in the template's.
pub fn new_program(settings: &Settings, template: Option<&Program>, today: NaiveDate) -> Program {
    let mut program = match template {
        Some(template) => template.instantiate(today),
        None => {
            let mut program = Program::new(today);
            if crate::lang::find(&settings.language).is_some() {
                program.language.clone_from(&settings.language);
            }
            program
        }
    };
    program.patient.get_or_insert_with(Patient::default);
    for (field, default) in [
        (&mut program.clinician, &settings.clinician),
        (&mut program.clinic, &settings.clinic),
        (&mut program.phone, &settings.phone),
    ] {
        if field.trim().is_empty() {
            field.clone_from(default);
        }
    }
    program
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

impl Store {
    /// Shipped templates, the clinic's and the therapist's own; files that
    /// cannot be read are reported and skipped.
    pub fn templates(
        &self,
        settings: &Settings,
        library: &Library,
    ) -> (Vec<Template>, Vec<FileProblem>) {
        let mut templates = Vec::new();
        let mut problems = Vec::new();
        for (name, bytes) in crate::assets::template_files() {
            let file = format!("programs/{name}");
            match read_program(&String::from_utf8_lossy(bytes), &file, library) {
                Ok((program, _)) => templates.push(Template {
                    id: stem(Path::new(name)),
                    source: Source::BuiltIn,
                    program,
                    translations: BTreeMap::new(),
                }),
                Err(found) => problems.extend(found),
            }
        }
        for (language, name, bytes) in crate::assets::template_translations() {
            let file = format!("programs/{language}/{name}");
            let id = stem(Path::new(name));
            match read_program(&String::from_utf8_lossy(bytes), &file, library) {
                Ok((program, _)) => {
                    if let Some(template) = templates.iter_mut().find(|t| t.id == id) {
                        template.translations.insert(language.to_string(), program);
                    }
                }
                Err(found) => problems.extend(found),
            }
        }
        let mut folders = vec![(self.folders().templates.clone(), Source::User)];
        if let Some(shared) = &settings.shared_folder {
            folders.push((Folders::shared(shared).0, Source::Clinic));
        }
        for (folder, source) in folders {
            for path in ron_files(&folder) {
                match self.load_program(&path, library) {
                    Ok((program, _)) => templates.push(Template {
                        id: stem(&path),
                        source,
                        program,
                        translations: BTreeMap::new(),
                    }),
                    Err(found) => problems.extend(found),
                }
            }
        }
        (templates, problems)
    }

    /// The template with this id, or a message listing the ids there are.
    pub fn template(
        &self,
        id: &str,
        settings: &Settings,
        library: &Library,
    ) -> Result<Template, String> {
        let (templates, _) = self.templates(settings, library);
        let ids: Vec<&str> = templates.iter().map(|t| t.id.as_str()).collect();
        let unknown = format!("no template {id:?}; choose one of: {}", ids.join(", "));
        templates
            .iter()
            .find(|template| template.id == id)
            .cloned()
            .ok_or(unknown)
    }

    /// The file a template with this title is kept in.
    pub fn template_path(&self, title: &str) -> PathBuf {
        let id = ExerciseId::from_name(title);
        self.folders().templates.join(format!("{id}.ron"))
    }

    /// Saves `program` as one of the therapist's templates, without the
    /// patient and dates; refuses to replace a template with the same title
    /// unless `replace`. Returns its path.
    pub fn save_template(
        &self,
        program: &Program,
        library: &Library,
        pictures: &[PathBuf],
        today: NaiveDate,
        replace: bool,
    ) -> Result<PathBuf, TemplateError> {
        let (template, _) = for_saving(&program.to_template(today), library, pictures);
        let path = self.template_path(&template.title);
        if !replace && path.exists() {
            return Err(TemplateError::Exists(template.title));
        }
        write_file(&path, to_ron(&template).as_bytes())?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn settings() -> Settings {
        Settings {
            clinician: "Dana Ruiz".into(),
            clinic: "Hillside Physio".into(),
            phone: "555 0142".into(),
            ..Settings::default()
        }
    }

    #[test]
    fn a_new_program_carries_the_clinic_details_unless_the_template_has_its_own() {
        let blank = new_program(&settings(), None, date(2026, 6, 1));
        assert_eq!(blank.clinician, "Dana Ruiz");
        assert_eq!(blank.phone, "555 0142");
        assert_eq!(blank.patient, Some(Patient::default()));

        let mut template = Program::new(date(2025, 1, 1)).to_template(date(2025, 1, 1));
        template.clinic = "Their clinic".into();
        let program = new_program(&settings(), Some(&template), date(2026, 6, 1));
        assert_eq!(program.clinic, "Their clinic");
        assert_eq!(program.clinician, "Dana Ruiz");
        assert_eq!(program.created, date(2026, 6, 1));
        assert_eq!(program.start, Some(date(2026, 6, 1)));
        assert!(!program.is_template());
    }

    #[test]
    fn a_template_with_the_same_title_is_replaced_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let library = Library::builtin();
        let mut program = new_program(&settings(), None, date(2026, 6, 1));
        program.title = "Knee week 1".into();
        let path = store
            .save_template(&program, library, &[], date(2026, 6, 1), false)
            .unwrap();
        assert_eq!(path, dir.path().join("templates").join("knee-week-1.ron"));
        let again = store.save_template(&program, library, &[], date(2026, 6, 2), false);
        assert!(matches!(again, Err(TemplateError::Exists(_))), "{again:?}");
        store
            .save_template(&program, library, &[], date(2026, 6, 2), true)
            .unwrap();
        let (templates, problems) = store.templates(&Settings::default(), library);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(templates.iter().any(|t| t.id == "knee-week-1"));
    }

    #[test]
    fn an_unknown_template_id_lists_the_ones_there_are() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let error = store
            .template("no-such", &Settings::default(), Library::builtin())
            .unwrap_err();
        assert!(error.contains("low-back-strength"), "{error}");
    }
}
