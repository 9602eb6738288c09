//! The progress log in the program file: visits survive a round trip,
//! older files without them still open, and nonsense (more days done than
//! planned, pain 11, a visit before the program was made) is refused at
//! its line and column.

use chrono::NaiveDate;
use ptbuilder_core::library::{ExerciseId, Library};
use ptbuilder_core::program::{Done, Item, Program, Visit};
use ptbuilder_core::store::{read_program, to_ron};

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

#[test]
fn a_file_with_nonsense_visits_is_refused_at_each_line_and_column() {
    let mut program = Program::new(date(3, 2));
    let bridge = Library::builtin().get(&ExerciseId::new("bridge")).unwrap();
    program.phases[0].items.push(Item::new(bridge));
    let mut visit = Visit::on(date(3, 16));
    visit.done.push(Done {
        exercise: bridge.id.clone(),
        days: 5,
        planned: 7,
    });
    visit.pain = vec![3, 4];
    program.visits.push(visit);
    let good = to_ron(&program);
    let (read, _) = read_program(&good, "ok.ron", Library::builtin()).unwrap();
    assert_eq!(read.visits, program.visits, "visits survive a round trip");

    let bad = good
        .replace("days: 5", "days: 7")
        .replace("planned: 7", "planned: 5")
        .replace("date: \"2026-03-16\"", "date: \"2026-02-20\"")
        .replace("4,\n", "11,\n");
    let problems = read_program(&bad, "bad.ron", Library::builtin()).unwrap_err();
    let line_of = |needle: &str| bad.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let found: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.at.unwrap().line, p.message.as_str()))
        .collect();
    assert_eq!(found.len(), 3, "{problems:?}");
    assert_eq!(found[0].0, line_of("2026-02-20"));
    assert!(found[0].1.contains("before the program was made"));
    assert_eq!(found[1].0, line_of("days: 7"));
    assert!(
        found[1]
            .1
            .contains("7 days done is more than the 5 planned")
    );
    assert_eq!(found[2].0, line_of("11,"));
    assert!(found[2].1.contains("pain 11"));
    assert!(problems.iter().all(|p| p.at.unwrap().column > 1));
}

#[test]
fn an_older_file_without_visits_still_opens() {
    let mut program = Program::new(date(3, 2));
    let bridge = Library::builtin().get(&ExerciseId::new("bridge")).unwrap();
    program.phases[0].items.push(Item::new(bridge));
    let text = to_ron(&program);
    assert!(!text.contains("visits"));
    assert!(read_program(&text, "old.ron", Library::builtin()).is_ok());
}
