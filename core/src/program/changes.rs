//! What changed between two versions of a program, in lines a patient
//! understands: "New: Plank.", "Bridge: now 12 times (was 10).",
//! "Stopped: Pelvic tilt.", "Moved on to: Weeks 3–4: build."
//!
//! The comparison is by meaning, not by text: exercises are matched by
//! id over the whole program (so moving one to another place or another
//! stage says nothing), phases by name and then by the exercises they
//! share (so a renamed stage is one line, not a list of stopped and new
//! exercises). Each change gives exactly one line, in a stable order:
//! stages first, then exercises in the new program's order, then stopped
//! exercises in the old program's order, then precautions.

use super::{Item, Phase, Program};
use crate::library::{Dose, ExerciseId, Library};

/// Changes to a program, dated by the day the changed program was saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// The day.
    pub date: chrono::NaiveDate,
    /// What changed, in plain lines.
    pub lines: Vec<String>,
}

/// The lines saying what changed from `old` to `new`; empty when nothing
/// a patient would notice changed.
pub fn changes(old: &Program, new: &Program, library: &Library) -> Vec<String> {
    let mut lines = phase_lines(&old.phases, &new.phases);
    lines.extend(exercise_lines(old, new, library));
    lines.extend(list_lines(
        &old.precautions,
        &new.precautions,
        "New precaution",
        "No longer a precaution",
    ));
    lines
}

/// For each new phase, the old phase it continues, if any.
fn match_phases(old: &[Phase], new: &[Phase]) -> Vec<Option<usize>> {
    let mut taken = vec![false; old.len()];
    let mut matched: Vec<Option<usize>> = new
        .iter()
        .map(|phase| {
            let found = old
                .iter()
                .enumerate()
                .position(|(i, o)| !taken[i] && same_name(&o.name, &phase.name));
            if let Some(i) = found {
                taken[i] = true;
            }
            found
        })
        .collect();
    // A phase whose name changed is the old phase it shares most exercises with.
    for (j, phase) in new.iter().enumerate() {
        if matched[j].is_some() {
            continue;
        }
        let best = (0..old.len())
            .filter(|&i| !taken[i])
            .map(|i| (shared(&old[i], phase), i))
            .filter(|&(count, _)| count > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, i)) = best {
            taken[i] = true;
            matched[j] = Some(i);
        }
    }
    matched
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// How many exercises two phases have in common.
fn shared(a: &Phase, b: &Phase) -> usize {
    a.items
        .iter()
        .filter(|item| b.items.iter().any(|other| other.exercise == item.exercise))
        .count()
}

/// Lines for stages: moved on, renamed, new, stopped.
fn phase_lines(old: &[Phase], new: &[Phase]) -> Vec<String> {
    let matched = match_phases(old, new);
    let mut lines = Vec::new();
    // The patient moved on when the old first stage is gone and the new
    // first stage is a different one: the stages before it are done.
    let moved_on =
        !old.is_empty() && !new.is_empty() && !matched.contains(&Some(0)) && matched[0] != Some(0);
    let done_before = match (moved_on, matched.first().copied().flatten()) {
        (true, Some(i)) => i,
        (true, None) => matched.iter().flatten().min().copied().unwrap_or(old.len()),
        (false, _) => 0,
    };
    if moved_on {
        lines.push(format!("Moved on to: {}.", stop(&new[0].name)));
    }
    for (j, phase) in new.iter().enumerate() {
        match matched[j] {
            Some(i) if !same_name(&old[i].name, &phase.name) => lines.push(format!(
                "Stage now called: {} (was {}).",
                phase.name.trim(),
                old[i].name.trim()
            )),
            Some(_) => {}
            None if j == 0 && moved_on => {}
            None => lines.push(format!("New stage: {}.", stop(&phase.name))),
        }
    }
    for (i, phase) in old.iter().enumerate().skip(done_before) {
        if !matched.contains(&Some(i)) {
            lines.push(format!("Stopped stage: {}.", stop(&phase.name)));
        }
    }
    lines
}

/// Text without a full stop at its end, so a line never ends in "..".
fn stop(text: &str) -> &str {
    text.trim().trim_end_matches('.')
}

/// The first item for each exercise, in program order.
fn first_items(program: &Program) -> Vec<&Item> {
    let mut seen: Vec<&ExerciseId> = Vec::new();
    program
        .items()
        .filter(|item| {
            let new = !seen.contains(&&item.exercise);
            seen.push(&item.exercise);
            new
        })
        .collect()
}

/// Lines for exercises: new or changed in the new program's order, then
/// stopped in the old program's order.
fn exercise_lines(old: &Program, new: &Program, library: &Library) -> Vec<String> {
    let old_items = first_items(old);
    let new_items = first_items(new);
    let name = |id: &ExerciseId| {
        new.exercise(id, library)
            .or_else(|| old.exercise(id, library))
            .map_or_else(|| id.to_string(), |exercise| exercise.name.clone())
    };
    let dose = |program: &Program, item: &Item| -> Dose {
        match program.exercise(&item.exercise, library) {
            Some(exercise) => item.dose_or(exercise).clone(),
            None => item.dose.clone().unwrap_or_default(),
        }
    };
    let mut lines = Vec::new();
    for item in &new_items {
        let exercise = stop_name(&name(&item.exercise));
        let Some(before) = old_items.iter().find(|o| o.exercise == item.exercise) else {
            lines.push(format!("New: {exercise}."));
            continue;
        };
        let mut parts = dose(new, item).changes_since(&dose(old, before));
        if item.note.trim() != before.note.trim() {
            parts.push(note_change(&item.note));
        }
        if !parts.is_empty() {
            lines.push(format!("{exercise}: {}.", parts.join(", ")));
        }
    }
    for item in &old_items {
        if !new_items.iter().any(|n| n.exercise == item.exercise) {
            lines.push(format!("Stopped: {}.", stop_name(&name(&item.exercise))));
        }
    }
    lines
}

fn stop_name(name: &str) -> String {
    stop(name).to_string()
}

/// "new tip: keep your back flat" or "tip removed".
fn note_change(note: &str) -> String {
    match stop(note) {
        "" => "tip removed".to_string(),
        note => format!("new tip: {note}"),
    }
}

/// Lines for a list of sentences such as precautions: added, then removed.
fn list_lines(old: &[String], new: &[String], added: &str, removed: &str) -> Vec<String> {
    let has = |list: &[String], text: &str| list.iter().any(|t| same_name(t, text));
    let mut lines = Vec::new();
    for text in new.iter().filter(|t| !t.trim().is_empty()) {
        if !has(old, text) {
            lines.push(format!("{added}: {}.", stop(text)));
        }
    }
    for text in old.iter().filter(|t| !t.trim().is_empty()) {
        if !has(new, text) {
            lines.push(format!("{removed}: {}.", stop(text)));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn library() -> &'static Library {
        Library::builtin()
    }

    fn item(id: &str) -> Item {
        Item::new(library().get(&ExerciseId::new(id)).unwrap())
    }

    fn phase(name: &str, ids: &[&str]) -> Phase {
        let mut phase = Phase::named(name);
        phase.items = ids.iter().map(|id| item(id)).collect();
        phase
    }

    fn program(phases: Vec<Phase>) -> Program {
        let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        program.phases = phases;
        program
    }

    fn name(id: &str) -> String {
        library().get(&ExerciseId::new(id)).unwrap().name.clone()
    }

    fn reps(program: &mut Program, phase: usize, index: usize, reps: u16) {
        program.phases[phase].items[index]
            .dose
            .as_mut()
            .unwrap()
            .reps = Some(reps);
    }

    #[test]
    fn an_added_exercise_is_new() {
        let old = program(vec![phase("Your exercises", &["bridge"])]);
        let new = program(vec![phase("Your exercises", &["bridge", "bird-dog"])]);
        assert_eq!(
            changes(&old, &new, library()),
            [format!("New: {}.", name("bird-dog"))]
        );
    }

    #[test]
    fn a_removed_exercise_is_stopped() {
        let old = program(vec![phase("Your exercises", &["bridge", "bird-dog"])]);
        let new = program(vec![phase("Your exercises", &["bridge"])]);
        assert_eq!(
            changes(&old, &new, library()),
            [format!("Stopped: {}.", name("bird-dog"))]
        );
    }

    #[test]
    fn a_changed_dose_is_one_line_in_the_doses_own_words() {
        let mut old = program(vec![phase("Your exercises", &["bridge"])]);
        let mut new = old.clone();
        reps(&mut old, 0, 0, 10);
        reps(&mut new, 0, 0, 12);
        new.phases[0].items[0].dose.as_mut().unwrap().per_day = 2;
        old.phases[0].items[0].dose.as_mut().unwrap().per_day = 1;
        assert_eq!(
            changes(&old, &new, library()),
            [format!(
                "{}: now 12 times (was 10), now twice a day, every day (was once).",
                name("bridge")
            )]
        );
    }

    #[test]
    fn a_reorder_alone_changes_nothing() {
        let old = program(vec![phase(
            "Your exercises",
            &["bridge", "bird-dog", "plank"],
        )]);
        let new = program(vec![phase(
            "Your exercises",
            &["plank", "bridge", "bird-dog"],
        )]);
        assert!(changes(&old, &new, library()).is_empty());
        assert!(changes(&old, &old, library()).is_empty());
    }

    #[test]
    fn dropping_the_first_stage_is_moving_on_to_the_next() {
        let old = program(vec![
            phase("Weeks 1–2: calm", &["pelvic-tilt", "bridge"]),
            phase("Weeks 3–4: build", &["bridge", "plank"]),
        ]);
        let mut new = program(vec![phase("Weeks 3–4: build", &["bridge", "plank"])]);
        reps(&mut new, 0, 0, 15);
        let bridge_before = old.phases[0].items[1].dose.as_ref().unwrap().reps.unwrap();
        assert_eq!(
            changes(&old, &new, library()),
            [
                "Moved on to: Weeks 3–4: build.".to_string(),
                format!("{}: now 15 times (was {bridge_before}).", name("bridge")),
                format!("Stopped: {}.", name("pelvic-tilt")),
            ]
        );
    }

    #[test]
    fn a_renamed_stage_is_one_line_and_its_exercises_stay() {
        let old = program(vec![phase("Weeks 1–2", &["bridge", "bird-dog"])]);
        let new = program(vec![phase(
            "Weeks 1–2: gentle start",
            &["bird-dog", "bridge"],
        )]);
        assert_eq!(
            changes(&old, &new, library()),
            ["Stage now called: Weeks 1–2: gentle start (was Weeks 1–2)."]
        );
    }

    #[test]
    fn added_and_dropped_later_stages_are_named() {
        let old = program(vec![phase("Now", &["bridge"]), phase("Later", &["plank"])]);
        let new = program(vec![
            phase("Now", &["bridge"]),
            phase("Much later", &["bird-dog"]),
        ]);
        assert_eq!(
            changes(&old, &new, library()),
            [
                "New stage: Much later.".to_string(),
                "Stopped stage: Later.".to_string(),
                format!("New: {}.", name("bird-dog")),
                format!("Stopped: {}.", name("plank")),
            ]
        );
    }

    #[test]
    fn an_exercise_moved_to_another_stage_says_nothing() {
        let old = program(vec![
            phase("Now", &["bridge", "plank"]),
            phase("Later", &["bird-dog"]),
        ]);
        let new = program(vec![
            phase("Now", &["bridge"]),
            phase("Later", &["bird-dog", "plank"]),
        ]);
        assert!(changes(&old, &new, library()).is_empty());
    }

    #[test]
    fn a_new_tip_and_a_new_precaution_are_told() {
        let old = program(vec![phase("Now", &["bridge"])]);
        let mut new = old.clone();
        new.phases[0].items[0].note = "Keep your back flat.".into();
        new.precautions.push("Stop if your knee swells".into());
        assert_eq!(
            changes(&old, &new, library()),
            [
                format!("{}: new tip: Keep your back flat.", name("bridge")),
                "New precaution: Stop if your knee swells.".to_string(),
            ]
        );
    }
}
