//! The handout checker: what a careful colleague would point out before a
//! handout is printed. Each finding names the place to fix it (a field
//! path, which the window jumps to and the command line turns into a line
//! and column), and none of them stops the handout from printing.

use crate::library::Library;
use crate::program::{ADVISED_MAX_ITEMS, FieldPath, Problem, Program, Severity};
use crate::store::pictures::{decode, find_for};
use crate::text::reading_grade;
use std::collections::HashSet;
use std::path::PathBuf;

/// Reading grade a patient's text should not go above.
pub const MOST_GRADE: f32 = 8.0;
/// Pages a handout should not go above.
pub const MOST_PAGES: usize = 8;

/// A finding: a warning about one place.
fn finding(path: FieldPath, message: impl Into<String>) -> Problem {
    Problem {
        path,
        message: message.into(),
        severity: Severity::Warning,
    }
}

/// Everything worth pointing out in `program`, whose handout has `pages`
/// pages (when known). Pictures are looked for in `folders` and among the
/// ones the program carries.
pub fn findings(
    program: &Program,
    library: &Library,
    folders: &[PathBuf],
    pages: Option<usize>,
) -> Vec<Problem> {
    let mut found = Vec::new();
    details(program, &mut found);
    words(program, &mut found);
    phases(program, library, folders, &mut found);
    // A template's length is judged when a program is made from it.
    let pages = pages.filter(|_| !program.is_template());
    if let Some(pages) = pages.filter(|&pages| pages > MOST_PAGES) {
        found.push(finding(
            FieldPath::default(),
            format!(
                "the handout is {pages} pages long; patients keep shorter handouts: \
                 try the compact layout, or fewer exercises"
            ),
        ));
    }
    found
}

/// Who it is for, whom to call, and when.
fn details(program: &Program, found: &mut Vec<Problem>) {
    let root = FieldPath::default();
    if !program.is_template()
        && program
            .patient
            .as_ref()
            .is_none_or(|patient| patient.name.trim().is_empty())
    {
        found.push(finding(
            root.field("patient").field("name"),
            "there is no patient name on the handout",
        ));
    }
    // A template gets the clinic's phone when a program is made from it.
    if !program.is_template() && program.phone.trim().is_empty() {
        found.push(finding(
            root.field("phone"),
            "there is no clinic phone number: the patient has nowhere to call with a worry",
        ));
    }
    if !program.is_template() && program.start.is_none() {
        found.push(finding(root.field("start"), "there is no start date"));
    }
    if !program.is_template() && program.review.is_none() {
        found.push(finding(
            root.field("review"),
            "there is no review date: the patient does not know when to come back",
        ));
    }
}

/// The therapist's own words, which must read as plainly as the rest.
/// The grade is an English measure, so only English handouts get it.
fn words(program: &Program, found: &mut Vec<Problem>) {
    if program.language != crate::lang::ENGLISH {
        return;
    }
    let root = FieldPath::default();
    let mut hard = |path: FieldPath, what: &str, text: &str| {
        if let Some(grade) = reading_grade(text).filter(|&g| g > MOST_GRADE) {
            found.push(finding(
                path,
                format!(
                    "{what} reads at about grade {grade:.0}; aim for grade {MOST_GRADE:.0} or \
                     lower: shorter sentences and everyday words"
                ),
            ));
        }
    };
    hard(
        root.field("notes"),
        "the note about the program",
        &program.notes,
    );
    for (i, goal) in program.goals.iter().enumerate() {
        hard(root.field("goals").index(i), "a goal", goal);
    }
    for (p, phase) in program.phases.iter().enumerate() {
        for (i, item) in phase.items.iter().enumerate() {
            let path = root.field("phases").index(p).field("items").index(i);
            hard(path.field("note"), "a note for an exercise", &item.note);
        }
    }
}

/// Crowded phases, repeats, doses without words, pictures that cannot print.
fn phases(program: &Program, library: &Library, folders: &[PathBuf], found: &mut Vec<Problem>) {
    let root = FieldPath::default();
    // Exercises already named as having no text in the handout's language.
    let mut named = HashSet::new();
    for (p, phase) in program.phases.iter().enumerate() {
        let path = root.field("phases").index(p);
        if phase.items.len() > ADVISED_MAX_ITEMS {
            found.push(finding(
                path.field("items"),
                format!(
                    "{:?} has {} exercises; patients keep up better with {ADVISED_MAX_ITEMS} or fewer",
                    phase.name.trim(),
                    phase.items.len()
                ),
            ));
        }
        let mut seen = HashSet::new();
        for (i, item) in phase.items.iter().enumerate() {
            let path = path.field("items").index(i);
            let Some(exercise) = program.exercise(&item.exercise, library) else {
                continue;
            };
            if !exercise.has_language(&program.language) && named.insert(&item.exercise) {
                let language = crate::lang::find(&program.language)
                    .map_or(program.language.as_str(), |l| l.english_name);
                found.push(finding(
                    path.field("exercise"),
                    format!(
                        "{} has no {language} text: the handout prints it in English",
                        exercise.name.trim()
                    ),
                ));
            }
            if !seen.insert(&item.exercise) {
                found.push(finding(
                    path.field("exercise"),
                    format!(
                        "{} is in {:?} twice",
                        exercise.name.trim(),
                        phase.name.trim()
                    ),
                ));
            }
            let dose = item.dose_or(exercise);
            if dose.when.as_deref().is_some_and(|w| w.trim().is_empty()) {
                found.push(finding(
                    path.field("dose").field("when"),
                    format!(
                        "{} is to be done \"when\", but the handout does not say when",
                        exercise.name.trim()
                    ),
                ));
            }
            if let Some(name) = exercise.picture.as_deref() {
                let picture = find_for(&program.pictures, name, folders)
                    .map_err(|problem| problem.to_string())
                    .and_then(|picture| decode(&picture).map(|_| ()));
                if let Err(why) = picture {
                    found.push(finding(
                        path.field("exercise"),
                        format!(
                            "{}: its picture cannot be printed ({why})",
                            exercise.name.trim()
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Dose, ExerciseId};
    use crate::program::{Item, Patient};
    use chrono::NaiveDate;

    fn complete() -> Program {
        let date = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let mut program = Program::new(date(4));
        program.patient = Some(Patient {
            name: "Ines Duarte".into(),
            identifier: String::new(),
        });
        program.phone = "555 0100".into();
        program.review = Some(date(18));
        let bridge = Library::builtin().get(&ExerciseId::new("bridge")).unwrap();
        program.phases[0].items = vec![Item::new(bridge)];
        program
    }

    fn messages(program: &Program, pages: Option<usize>) -> Vec<String> {
        findings(program, Library::builtin(), &[], pages)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_complete_plain_program_has_nothing_to_point_out() {
        assert_eq!(messages(&complete(), Some(4)), Vec::<String>::new());
    }

    #[test]
    fn each_gap_is_found_at_its_place() {
        let mut program = complete();
        program.patient = Some(Patient::default());
        program.phone.clear();
        program.review = None;
        program.goals = vec![
            "Ameliorate musculoskeletal dysfunction via progressive neuromuscular reeducation."
                .into(),
        ];
        let bridge = program.phases[0].items[0].clone();
        let mut when = bridge.clone();
        when.dose = Some(Dose {
            when: Some(String::new()),
            ..Dose::default()
        });
        program.phases[0].items = vec![bridge.clone(); 6];
        program.phases[0].items.push(when);
        let found = messages(&program, Some(9));
        let expect = [
            "warning: patient.name: there is no patient name",
            "warning: phone: there is no clinic phone number",
            "warning: review: there is no review date",
            "warning: goals[0]: a goal reads at about grade",
            "warning: phases[0].items: \"Your exercises\" has 7 exercises",
            "warning: phases[0].items[1].exercise: Bridge is in \"Your exercises\" twice",
            "warning: phases[0].items[6].dose.when: Bridge is to be done \"when\"",
            "warning: the handout is 9 pages long",
        ];
        for expected in expect {
            assert!(
                found.iter().any(|f| f.starts_with(expected)),
                "{expected:?} not in {found:#?}"
            );
        }
    }

    #[test]
    fn a_picture_that_cannot_print_is_found_at_its_exercise() {
        let mut program = complete();
        let mut custom = Library::builtin()
            .get(&ExerciseId::new("bird-dog"))
            .unwrap()
            .clone();
        custom.id = ExerciseId::new("my-bird-dog");
        custom.picture = Some("gone.png".into());
        program.phases[0].items.push(Item::new(&custom));
        program.exercises.push(custom);
        let found = messages(&program, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("warning: phases[0].items[1].exercise:"));
        assert!(found[0].contains("gone.png"));
    }

    #[test]
    fn an_exercise_without_text_in_the_handouts_language_is_named_once() {
        let mut program = complete();
        program.language = "es".into();
        let mut custom = Library::builtin()
            .get(&ExerciseId::new("bird-dog"))
            .unwrap()
            .clone();
        custom.id = ExerciseId::new("my-bird-dog");
        custom.name = "My bird dog".into();
        custom.translations.clear();
        program.phases[0].items.push(Item::new(&custom));
        program.phases[0].items.push(Item::new(&custom));
        program.exercises.push(custom);
        let found: Vec<String> = messages(&program, None)
            .into_iter()
            .filter(|f| f.contains("Spanish"))
            .collect();
        assert_eq!(
            found,
            [
                "warning: phases[0].items[1].exercise: My bird dog has no Spanish text: \
              the handout prints it in English"
            ]
        );
    }
}
