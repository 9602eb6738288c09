//! Checks that catch mistakes before they reach a patient: absurd doses,
//! empty names, unknown or duplicate exercises, unsafe picture paths.
//! (Advice on a program that is valid, such as a crowded phase, is the
//! handout checker's: `handout::check`.)
//!
//! Each problem names the field it is about as a [`FieldPath`], so the file
//! layer can point at the line and column where that field is written.

use super::{Dose, Program};
use crate::library::{Exercise, ExerciseId, Library};
use std::collections::HashSet;
use std::fmt;
use std::path::{Component, Path};

/// Largest sensible values; anything above is almost surely a typing slip.
pub mod limits {
    /// Sets per session.
    pub const SETS: u16 = 10;
    /// Repetitions per set.
    pub const REPS: u16 = 100;
    /// Seconds to hold one repetition.
    pub const HOLD_SECONDS: u16 = 300;
    /// Seconds of rest between sets.
    pub const REST_SECONDS: u16 = 600;
    /// Minutes of a timed activity.
    pub const MINUTES: u16 = 180;
    /// Sessions a day (hourly movement breaks over a working day).
    pub const PER_DAY: u8 = 12;
    /// Days a week.
    pub const DAYS_PER_WEEK: u8 = 7;
    /// Weeks in one phase.
    pub const PHASE_WEEKS: u8 = 52;
    /// Characters in a short text such as a name or title.
    pub const SHORT_TEXT: usize = 200;
    /// Characters in a long text such as a note.
    pub const LONG_TEXT: usize = 20_000;
    /// Bytes of one picture carried inside a program.
    pub const EMBEDDED_PICTURE: usize = 2 * 1024 * 1024;
}

/// One step into a file's structure: a named field or a list position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A struct field by name.
    Field(&'static str),
    /// A list element by position, from 0.
    Index(usize),
}

/// Where in a program or exercise a value sits, e.g. `phases[0].items[2].dose.reps`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(pub Vec<Segment>);

impl FieldPath {
    fn with(&self, segment: Segment) -> Self {
        let mut path = self.0.clone();
        path.push(segment);
        Self(path)
    }

    /// This path extended by a field.
    pub fn field(&self, name: &'static str) -> Self {
        self.with(Segment::Field(name))
    }

    /// This path extended by a list position.
    pub fn index(&self, index: usize) -> Self {
        self.with(Segment::Index(index))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Field(name) if n == 0 => write!(f, "{name}")?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look, but the file is usable.
    Warning,
    /// The file must be fixed before it is used.
    Error,
}

/// One thing wrong with a program or exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub path: FieldPath,
    /// What is wrong, in words a therapist understands.
    pub message: String,
    /// Whether it blocks use.
    pub severity: Severity,
}

impl Problem {
    fn error(path: FieldPath, message: impl Into<String>) -> Self {
        Self {
            path,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    fn warning(path: FieldPath, message: impl Into<String>) -> Self {
        Self {
            path,
            message: message.into(),
            severity: Severity::Warning,
        }
    }

    /// True when the problem blocks use.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.is_error() { "" } else { "warning: " };
        if self.path.0.is_empty() {
            write!(f, "{kind}{}", self.message)
        } else {
            write!(f, "{kind}{}: {}", self.path, self.message)
        }
    }
}

/// Collects problems as checks run.
#[derive(Default)]
struct Report(Vec<Problem>);

impl Report {
    fn text(&mut self, path: FieldPath, what: &str, text: &str, required: bool, max: usize) {
        if required && text.trim().is_empty() {
            self.0
                .push(Problem::error(path, format!("{what} is empty")));
        } else if text.chars().count() > max {
            self.0.push(Problem::error(
                path,
                format!("{what} is longer than {max} characters"),
            ));
        }
    }

    fn count(&mut self, path: FieldPath, what: &str, value: Option<u64>, max: u64) {
        match value {
            Some(0) => self
                .0
                .push(Problem::error(path, format!("{what} must be at least 1"))),
            Some(v) if v > max => self.0.push(Problem::error(
                path,
                format!("{what} of {v} is more than the most allowed, {max}"),
            )),
            _ => {}
        }
    }
}

/// Checks a dose; `path` says where it sits.
fn check_dose(report: &mut Report, dose: &Dose, path: &FieldPath) {
    use limits::*;
    let n = |v: Option<u16>| v.map(u64::from);
    report.count(path.field("sets"), "Sets", n(dose.sets), SETS.into());
    report.count(path.field("reps"), "Repetitions", n(dose.reps), REPS.into());
    // A span counts as zero when its low end is zero, so "0–30" is refused.
    let span = |v: Option<super::Span>| v.map(|s| if s.low == 0 { 0 } else { u64::from(s.high) });
    report.count(
        path.field("hold"),
        "A hold (seconds)",
        span(dose.hold),
        HOLD_SECONDS.into(),
    );
    if let Some(rest) = dose.rest.filter(|&r| r > REST_SECONDS) {
        report.count(
            path.field("rest"),
            "Rest (seconds)",
            Some(rest.into()),
            REST_SECONDS.into(),
        );
    }
    report.count(
        path.field("minutes"),
        "Minutes",
        span(dose.minutes),
        MINUTES.into(),
    );
    report.count(
        path.field("per_day"),
        "Times a day",
        Some(dose.per_day.into()),
        PER_DAY.into(),
    );
    report.count(
        path.field("days_per_week"),
        "Days a week",
        Some(dose.days_per_week.into()),
        DAYS_PER_WEEK.into(),
    );
    let has_when = dose.when.as_deref().is_some_and(|w| !w.trim().is_empty());
    if dose.reps.is_none()
        && dose.hold.is_none()
        && dose.minutes.is_none()
        && dose.sets.is_none()
        && !has_when
    {
        report.0.push(Problem::error(
            path.clone(),
            "the dose says nothing to do: give repetitions, a hold, minutes or when to do it",
        ));
    }
    if let Some(when) = &dose.when {
        report.text(path.field("when"), "When", when, false, SHORT_TEXT);
    }
    if let Some(load) = &dose.load {
        report.text(path.field("load"), "Load", load, false, SHORT_TEXT);
    }
}

/// True for a picture name that stays inside the pictures folder: no
/// absolute path, drive letter or `..`.
pub fn is_safe_picture_name(name: &str) -> bool {
    let path = Path::new(name);
    !name.trim().is_empty()
        && !name.contains('\\')
        && !name.contains(':')
        && path
            .components()
            .all(|component| matches!(component, Component::Normal(_)))
}

/// True for a web address a phone can open from a QR code: `http://` or
/// `https://`, then a host, with no spaces.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty()
            && (host.contains('.') || host.starts_with("localhost"))
            && !text
                .trim()
                .chars()
                .any(|c| c.is_whitespace() || c.is_control())
            && text.len() <= limits::SHORT_TEXT
    })
}

/// Checks one exercise; `path` says where it sits (empty for an exercise file).
pub fn validate_exercise(exercise: &Exercise, path: &FieldPath) -> Vec<Problem> {
    let mut report = Report::default();
    check_exercise(&mut report, exercise, path);
    report.0
}

fn check_exercise(report: &mut Report, exercise: &Exercise, path: &FieldPath) {
    use limits::*;
    if !exercise.id.is_valid() {
        report.0.push(Problem::error(
            path.field("id"),
            format!(
                "id {:?} must be lower-case letters and digits joined by dashes, like \"bird-dog\"",
                exercise.id.as_str()
            ),
        ));
    }
    report.text(path.field("name"), "Name", &exercise.name, true, SHORT_TEXT);
    report.text(
        path.field("purpose"),
        "Purpose",
        &exercise.purpose,
        true,
        LONG_TEXT,
    );
    report.text(
        path.field("start"),
        "Starting position",
        &exercise.start,
        true,
        LONG_TEXT,
    );
    if exercise.steps.is_empty() {
        report
            .0
            .push(Problem::error(path.field("steps"), "there are no steps"));
    }
    for (i, step) in exercise.steps.iter().enumerate() {
        report.text(
            path.field("steps").index(i),
            &format!("Step {}", i + 1),
            step,
            true,
            LONG_TEXT,
        );
    }
    for (field, list) in [
        ("aliases", &exercise.aliases),
        ("mistakes", &exercise.mistakes),
        ("cautions", &exercise.cautions),
        ("tags", &exercise.tags),
    ] {
        for (i, entry) in list.iter().enumerate() {
            report.text(
                path.field(field).index(i),
                "An entry",
                entry,
                true,
                LONG_TEXT,
            );
        }
    }
    check_dose(report, &exercise.dose, &path.field("dose"));
    for (code, text) in &exercise.translations {
        let path = path.field("translations");
        if crate::lang::find(code).is_none() {
            report
                .0
                .push(Problem::error(path, crate::lang::unknown(code)));
            continue;
        }
        let words = [&text.name, &text.purpose, &text.start];
        let lists = [&text.aliases, &text.steps, &text.mistakes, &text.cautions];
        let too_long = words.iter().any(|t| t.chars().count() > LONG_TEXT)
            || lists
                .iter()
                .flat_map(|l| l.iter())
                .any(|t| t.chars().count() > LONG_TEXT);
        if too_long {
            report.0.push(Problem::error(
                path,
                format!("the {code:?} words have a text longer than {LONG_TEXT} characters"),
            ));
        }
    }
    if let Some(video) = &exercise.video
        && !is_web_address(video)
    {
        report.0.push(Problem::error(
            path.field("video"),
            format!(
                "video {video:?} must be a web address starting with https:// or http://, \
                 like \"https://example.org/videos/bridge\""
            ),
        ));
    }
    if let Some(picture) = &exercise.picture
        && !is_safe_picture_name(picture)
    {
        report.0.push(Problem::error(
            path.field("picture"),
            format!(
                "picture {picture:?} must be a file name inside the pictures folder, \
                 not a path to somewhere else"
            ),
        ));
    }
}

/// Checks a whole program against the library it will be used with.
pub fn validate_program(program: &Program, library: &Library) -> Vec<Problem> {
    let mut report = Report::default();
    check_details(&mut report, program);
    check_copies(&mut report, program, library);
    check_pictures(&mut report, program);
    check_phases(&mut report, program, library);
    check_visits(&mut report, program);
    report.0
}

/// The progress log: no visit before the program was made, no more days
/// done than planned, pain scores from 0 to 10, short notes.
fn check_visits(report: &mut Report, program: &Program) {
    use super::visits::{NOTE_CHARS, date_problem, days_problem, pain_problem};
    for (v, visit) in program.visits.iter().enumerate() {
        let path = FieldPath::default().field("visits").index(v);
        if let Some(problem) = date_problem(visit.date, program.created) {
            report.0.push(Problem::error(path.field("date"), problem));
        }
        for (d, done) in visit.done.iter().enumerate() {
            if let Some(problem) = days_problem(done.days, done.planned) {
                let field = if done.planned > super::visits::MAX_DAYS {
                    "planned"
                } else {
                    "days"
                };
                let at = path.field("done").index(d).field(field);
                report.0.push(Problem::error(at, problem));
            }
        }
        for (p, &score) in visit.pain.iter().enumerate() {
            if let Some(problem) = pain_problem(score) {
                report
                    .0
                    .push(Problem::error(path.field("pain").index(p), problem));
            }
        }
        report.text(
            path.field("note"),
            "A visit's note",
            &visit.note,
            false,
            NOTE_CHARS,
        );
    }
}

/// The title, patient, clinic, notes, goals, precautions and dates.
fn check_details(report: &mut Report, program: &Program) {
    use limits::*;
    let root = FieldPath::default();
    report.text(
        root.field("title"),
        "Title",
        &program.title,
        true,
        SHORT_TEXT,
    );
    if let Some(patient) = &program.patient {
        let path = root.field("patient");
        report.text(
            path.field("name"),
            "Patient name",
            &patient.name,
            false,
            SHORT_TEXT,
        );
        report.text(
            path.field("identifier"),
            "Patient identifier",
            &patient.identifier,
            false,
            SHORT_TEXT,
        );
    }
    for (field, what, text) in [
        ("clinician", "Clinician", &program.clinician),
        ("clinic", "Clinic", &program.clinic),
        ("phone", "Phone", &program.phone),
        ("condition", "Condition", &program.condition),
    ] {
        report.text(root.field(field), what, text, false, SHORT_TEXT);
    }
    report.text(
        root.field("notes"),
        "Notes",
        &program.notes,
        false,
        LONG_TEXT,
    );
    for (field, list) in [
        ("goals", &program.goals),
        ("precautions", &program.precautions),
    ] {
        for (i, entry) in list.iter().enumerate() {
            report.text(
                root.field(field).index(i),
                "An entry",
                entry,
                true,
                LONG_TEXT,
            );
        }
    }
    if crate::lang::find(&program.language).is_none() {
        report.0.push(Problem::error(
            root.field("language"),
            crate::lang::unknown(&program.language),
        ));
    }
    if let (Some(start), Some(review)) = (program.start, program.review)
        && review < start
    {
        report.0.push(Problem::error(
            root.field("review"),
            format!("the review date {review} is before the start date {start}"),
        ));
    }
}

/// The pictures the program carries: safe names, real base64, within the
/// size a carried picture may have.
fn check_pictures(report: &mut Report, program: &Program) {
    for (i, picture) in program.pictures.iter().enumerate() {
        let path = FieldPath::default().field("pictures").index(i);
        if !is_safe_picture_name(&picture.name) {
            report.0.push(Problem::error(
                path.field("name"),
                format!("picture name {:?} must be a plain file name", picture.name),
            ));
        }
        match picture.bytes() {
            None => report.0.push(Problem::error(
                path.field("data"),
                format!("the picture {:?} is not base64 data", picture.name),
            )),
            Some(bytes) if bytes.len() > limits::EMBEDDED_PICTURE => report.0.push(Problem::error(
                path.field("data"),
                format!(
                    "the picture {:?} is {} KB; a picture carried in a program may be {} KB",
                    picture.name,
                    bytes.len() / 1024,
                    limits::EMBEDDED_PICTURE / 1024
                ),
            )),
            Some(_) => {}
        }
    }
}

/// The copies of custom exercises the program carries: each valid, with
/// its own id that no built-in exercise uses.
fn check_copies(report: &mut Report, program: &Program, library: &Library) {
    let mut embedded: HashSet<&ExerciseId> = HashSet::new();
    for (i, exercise) in program.exercises.iter().enumerate() {
        let path = FieldPath::default().field("exercises").index(i);
        check_exercise(report, exercise, &path);
        if !embedded.insert(&exercise.id) {
            report.0.push(Problem::error(
                path.field("id"),
                format!("exercise id {:?} is used twice", exercise.id.as_str()),
            ));
        }
        if library.is_builtin(&exercise.id) {
            report.0.push(Problem::error(
                path.field("id"),
                format!(
                    "exercise id {:?} belongs to a built-in exercise; give the custom copy its own id",
                    exercise.id.as_str()
                ),
            ));
        }
    }
}

/// The phases and their items; a program needs at least one phase, and a
/// program without exercises gets a gentle warning.
fn check_phases(report: &mut Report, program: &Program, library: &Library) {
    let root = FieldPath::default();
    if program.phases.is_empty() {
        report.0.push(Problem::error(
            root.field("phases"),
            "the program has no phases",
        ));
    }
    for (p, phase) in program.phases.iter().enumerate() {
        check_phase(
            report,
            program,
            phase,
            &root.field("phases").index(p),
            library,
        );
    }
    if program.item_count() == 0 {
        report.0.push(Problem::warning(
            root.field("phases"),
            "the program has no exercises yet",
        ));
    }
}

fn check_phase(
    report: &mut Report,
    program: &Program,
    phase: &super::Phase,
    path: &FieldPath,
    library: &Library,
) {
    use limits::*;
    report.text(
        path.field("name"),
        "Phase name",
        &phase.name,
        true,
        SHORT_TEXT,
    );
    report.count(
        path.field("weeks"),
        "Weeks",
        phase.weeks.map(u64::from),
        PHASE_WEEKS.into(),
    );
    report.text(
        path.field("advance_when"),
        "Move-on rule",
        &phase.advance_when,
        false,
        LONG_TEXT,
    );
    for (i, item) in phase.items.iter().enumerate() {
        let path = path.field("items").index(i);
        if program.exercise(&item.exercise, library).is_none() {
            report.0.push(Problem::error(
                path.field("exercise"),
                format!(
                    "unknown exercise {:?}: it is neither built in nor copied into this program",
                    item.exercise.as_str()
                ),
            ));
        }
        if let Some(dose) = &item.dose {
            check_dose(report, dose, &path.field("dose"));
        }
        report.text(path.field("note"), "Note", &item.note, false, LONG_TEXT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::{Item, Span};
    use chrono::NaiveDate;

    fn program_with(dose: Dose) -> Program {
        let library = Library::builtin();
        let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
        let mut item = Item::new(library.get(&ExerciseId::new("bridge")).unwrap());
        item.dose = Some(dose);
        program.phases[0].items.push(item);
        program
    }

    fn messages(program: &Program) -> Vec<String> {
        validate_program(program, Library::builtin())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_sensible_program_has_no_problems() {
        let program = program_with(Dose {
            reps: Some(10),
            hold: Some(Span::between(10, 15)),
            ..Dose::default()
        });
        assert_eq!(messages(&program), Vec::<String>::new());
    }

    #[test]
    fn absurd_doses_each_get_a_message() {
        let program = program_with(Dose {
            sets: Some(0),
            reps: Some(500),
            hold: Some(Span::exactly(3600)),
            per_day: 30,
            days_per_week: 9,
            ..Dose::default()
        });
        assert_eq!(
            messages(&program),
            vec![
                "phases[0].items[0].dose.sets: Sets must be at least 1",
                "phases[0].items[0].dose.reps: Repetitions of 500 is more than the most allowed, 100",
                "phases[0].items[0].dose.hold: A hold (seconds) of 3600 is more than the most allowed, 300",
                "phases[0].items[0].dose.per_day: Times a day of 30 is more than the most allowed, 12",
                "phases[0].items[0].dose.days_per_week: Days a week of 9 is more than the most allowed, 7",
            ]
        );
    }

    #[test]
    fn unknown_exercises_and_empty_names_are_caught() {
        let mut program = program_with(Dose {
            reps: Some(5),
            ..Dose::default()
        });
        program.title = "  ".into();
        program.phases[0].items[0].exercise = ExerciseId::new("moon-walk");
        assert_eq!(
            messages(&program),
            vec![
                "title: Title is empty",
                "phases[0].items[0].exercise: unknown exercise \"moon-walk\": it is neither built in nor copied into this program",
            ]
        );
    }

    #[test]
    fn duplicate_and_clashing_custom_ids_are_caught() {
        let library = Library::builtin();
        let mut program = program_with(Dose {
            reps: Some(5),
            ..Dose::default()
        });
        let mut custom = library.get(&ExerciseId::new("bridge")).unwrap().clone();
        custom.id = ExerciseId::new("my-bridge");
        program.exercises = vec![custom.clone(), custom.clone()];
        let mut clash = custom;
        clash.id = ExerciseId::new("bird-dog");
        program.exercises.push(clash);
        let found = messages(&program);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("exercises[1].id: exercise id \"my-bridge\" is used twice"));
        assert!(
            found[1].starts_with("exercises[2].id: exercise id \"bird-dog\" belongs to a built-in")
        );
    }

    #[test]
    fn pictures_must_stay_in_their_folder() {
        for good in ["bridge.svg", "mine/bridge.png"] {
            assert!(is_safe_picture_name(good), "{good}");
        }
        for bad in [
            "../secret.png",
            "/home/anna/pic.png",
            "C:\\Users\\x.png",
            "a/../../b.svg",
            "",
        ] {
            assert!(!is_safe_picture_name(bad), "{bad}");
        }
    }

    #[test]
    fn video_links_must_be_web_addresses() {
        for good in [
            "https://example-clinic.org/videos/bridge",
            "http://clinic.example/v?id=3",
            "HTTPS://EXAMPLE.ORG",
        ] {
            assert!(is_web_address(good), "{good}");
        }
        for bad in [
            "file:///home/ann/video.mp4",
            "javascript:alert(1)",
            "ftp://example.org/x",
            "https://",
            "https://exa mple.org",
            "example.org/videos",
            "/videos/bridge.mp4",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
        let library = Library::builtin();
        let mut exercise = library.get(&ExerciseId::new("bridge")).unwrap().clone();
        exercise.video = Some("file:///etc/passwd".into());
        let problems = validate_exercise(&exercise, &FieldPath::default());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path.to_string(), "video");
    }

    #[test]
    fn an_empty_program_is_a_warning_not_an_error() {
        let program = Program::new(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
        let empty = validate_program(&program, Library::builtin());
        assert_eq!(empty.len(), 1);
        assert!(!empty[0].is_error());
        assert!(empty[0].message.contains("no exercises yet"));
    }
}
