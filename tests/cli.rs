//! The command line as a user runs it: the real binary, a private home
//! folder, real files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Run {
    home: tempfile::TempDir,
}

impl Run {
    fn new() -> Self {
        Self {
            home: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    fn ptbuilder(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_ptbuilder"))
            .args(args)
            .env("PTBUILDER_HOME", self.home.path().join("home"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn files_in(folder: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| {
            p.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    files.sort();
    files
}

#[test]
fn shipped_templates_and_library_check_clean() {
    let run = Run::new();
    let mut args = vec!["check".to_string()];
    args.extend(files_in("programs"));
    args.extend(files_in("assets/library"));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run.ptbuilder(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "check printed problems");
    assert!(stdout(&output).contains(&format!(
        "checked {} files: 0 errors, 0 warnings",
        args.len() - 1
    )));
}

#[test]
fn new_program_from_template_checks_clean_and_is_dated_today() {
    let run = Run::new();
    let out = run.path("anna.ron");
    let output = run.ptbuilder(&[
        "new",
        "--template",
        "low-back-strength",
        "-o",
        out.to_str().unwrap(),
        "--patient",
        "Anna Beispiel",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = fs::read_to_string(&out).unwrap();
    let today = chrono::Local::now().date_naive().to_string();
    assert!(text.contains(&format!("created: \"{today}\"")), "{text}");
    assert!(text.contains("name: \"Anna Beispiel\""), "{text}");
    let check = run.ptbuilder(&["check", out.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));

    // The same command again must not overwrite the therapist's file.
    fs::write(&out, "edited by hand").unwrap();
    let again = run.ptbuilder(&[
        "new",
        "--template",
        "low-back-strength",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "edited by hand");
}

#[test]
fn unknown_template_lists_the_real_ones_and_writes_nothing() {
    let run = Run::new();
    let out = run.path("x.ron");
    let output = run.ptbuilder(&["new", "--template", "no-such", "-o", out.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("low-back-strength"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn broken_file_gets_one_located_line_and_a_failure() {
    let run = Run::new();
    let path = run.path("broken.ron");
    fs::write(
        &path,
        "Program(\n    format: 1,\n    title: \"Back\"\n    created: \"2026-01-01\",\n)\n",
    )
    .unwrap();
    let output = run.ptbuilder(&["check", path.to_str().unwrap()]);
    assert!(!output.status.success());
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("{}:4:5: ", path.display())),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("1 error"), "{err}");
}

#[test]
fn every_problem_in_a_program_is_reported_with_its_place() {
    let run = Run::new();
    let path = run.path("absurd.ron");
    fs::write(
        &path,
        r#"Program(
    format: 1,
    title: "",
    created: "2026-01-01",
    phases: [
        Phase(
            name: "Week 1",
            items: [
                Item(exercise: "bridge", dose: Dose(reps: 500, per_day: 30)),
                Item(exercise: "moonwalk"),
            ],
        ),
    ],
)
"#,
    )
    .unwrap();
    let output = run.ptbuilder(&["check", path.to_str().unwrap()]);
    assert!(!output.status.success());
    let err = stderr(&output);
    let file = path.display().to_string();
    for expected in [
        format!("{file}:3:12: Title is empty"),
        format!("{file}:9:59: Repetitions of 500 is more than the most allowed, 100"),
        format!("{file}:9:73: Times a day of 30 is more than the most allowed, 12"),
        format!("{file}:10:32: unknown exercise \"moonwalk\""),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in\n{err}");
    }
    assert!(err.contains("4 errors"), "{err}");
}

#[test]
fn newer_format_is_refused_clearly() {
    let run = Run::new();
    let path = run.path("future.ron");
    fs::write(
        &path,
        "Program(format: 9, title: \"x\", created: \"2026-01-01\", phases: [], hologram: true)\n",
    )
    .unwrap();
    let output = run.ptbuilder(&["check", path.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("made by a newer version of ptbuilder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_file_that_is_not_ptbuilder_is_named_as_such() {
    let run = Run::new();
    let path = run.path("notes.ron");
    fs::write(&path, "hello").unwrap();
    let output = run.ptbuilder(&["check", path.to_str().unwrap(), "missing.ron"]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains(&format!("{}:1:1: not a ptbuilder file", path.display())),
        "{err}"
    );
    assert!(err.contains("missing.ron: cannot read it"), "{err}");
}

#[test]
fn library_search_finds_and_filters() {
    let run = Run::new();
    let output = run.ptbuilder(&["library", "brige"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output)
            .lines()
            .next()
            .unwrap()
            .starts_with("bridge "),
        "{}",
        stdout(&output)
    );

    let output = run.ptbuilder(&["library", "--category", "stretch", "--position", "sitting"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let listed = stdout(&output);
    assert!(listed.contains("hamstring-stretch-seated"), "{listed}");
    assert!(
        listed.lines().all(|l| l.contains("(stretch, sitting)")),
        "{listed}"
    );

    let output = run.ptbuilder(&["library", "--region", "elbow"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("choose one of: neck"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn custom_exercises_in_the_home_folder_are_searchable() {
    let run = Run::new();
    let folder = run.path("home").join("exercises");
    fs::create_dir_all(&folder).unwrap();
    let bridge =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/library/bridge.ron"))
            .unwrap();
    let custom = bridge
        .replace("id: \"bridge\"", "id: \"stair-bridge\"")
        .replace("name: \"Bridge\"", "name: \"Bridge with feet on a stair\"");
    fs::write(folder.join("stair-bridge.ron"), custom).unwrap();
    let output = run.ptbuilder(&["library", "stair"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("stair-bridge "),
        "{}",
        stdout(&output)
    );
}

#[test]
fn help_is_available_for_every_command() {
    let run = Run::new();
    for command in ["check", "library", "new", "export", "templates"] {
        let output = run.ptbuilder(&[command, "--help"]);
        assert!(output.status.success(), "{command}");
        assert!(stdout(&output).contains("Usage: ptbuilder"), "{command}");
    }
}

#[test]
fn a_corrupt_program_is_left_byte_for_byte_as_it_was() {
    let run = Run::new();
    let path = run.path("corrupt.ron");
    // A real program cut off half-way, with a stray byte that is not UTF-8.
    let template =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/low-back-strength.ron"))
            .unwrap();
    let mut bytes = template[..template.len() / 2].to_vec();
    bytes.push(0xff);
    fs::write(&path, &bytes).unwrap();
    let pdf = run.path("corrupt.pdf");
    let out = run.path("copy.ron");
    for args in [
        vec!["check", path.to_str().unwrap()],
        vec![
            "export",
            path.to_str().unwrap(),
            "-o",
            pdf.to_str().unwrap(),
        ],
    ] {
        let output = run.ptbuilder(&args);
        assert!(!output.status.success(), "{args:?}");
        assert!(stderr(&output).contains("not UTF-8"), "{}", stderr(&output));
        assert_eq!(fs::read(&path).unwrap(), bytes, "{args:?} changed the file");
    }
    // Without the stray byte it is still a broken program, reported with its place.
    fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
    let cut = fs::read(&path).unwrap();
    let output = run.ptbuilder(&[
        "export",
        path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).starts_with(&format!("{}:", path.display())),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(&path).unwrap(), cut, "the file is untouched");
    assert!(!pdf.exists(), "no half handout was written");
    assert!(!out.exists());
    let names: Vec<_> = fs::read_dir(run.home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")),
        "no temporary files left: {names:?}"
    );
}

#[test]
fn a_hostile_picture_is_named_with_the_limit_it_broke() {
    let run = Run::new();
    let bridge =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/library/bridge.ron"))
            .unwrap()
            .replace("id: \"bridge\"", "id: \"my-bridge\"")
            .replace("\"bridge.svg\"", "\"outside.svg\"");
    let exercise = run.path("my-bridge.ron");
    fs::write(&exercise, bridge).unwrap();
    // A drawing that pulls in a file from elsewhere on the disk.
    fs::write(
        run.path("outside.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><image href="/etc/hostname" width="40" height="20"/></svg>"#,
    )
    .unwrap();
    let output = run.ptbuilder(&["check", exercise.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "a warning, not an error: {}",
        stderr(&output)
    );
    let said = stderr(&output);
    assert!(said.contains("outside.svg"), "{said}");
    assert!(said.contains("outside the picture"), "{said}");
}

/// A program packed on one PC prints the same handout on another, whose
/// folders have neither its custom exercise nor its picture; the original
/// file is left as it was.
#[test]
fn a_packed_program_carries_its_pictures_to_another_pc() {
    let here = Run::new();
    let home = here.path("home");
    let store = ptbuilder_core::store::Store::at(&home);
    let library = ptbuilder_core::library::Library::builtin();
    let mut custom = library
        .get(&ptbuilder_core::library::ExerciseId::new("bridge"))
        .unwrap()
        .clone();
    custom.id = ptbuilder_core::library::ExerciseId::new("step-bridge");
    custom.name = "Bridge with feet on a step".into();
    custom.picture = Some("step-bridge.jpg".into());
    store.save_exercise(&custom).unwrap();
    fs::create_dir_all(&store.folders().pictures).unwrap();
    let mut photo = Vec::new();
    image::RgbImage::from_fn(3000, 2000, |x, y| {
        image::Rgb([(x / 12) as u8, (y / 8) as u8, 120])
    })
    .write_to(
        &mut std::io::Cursor::new(&mut photo),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    fs::write(store.folders().pictures.join("step-bridge.jpg"), &photo).unwrap();
    // A program that names the exercise but carries nothing.
    let mut program =
        ptbuilder_core::program::Program::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
    program.phases[0].items = vec![ptbuilder_core::program::Item::new(&custom)];
    let original = here.path("ann.ron");
    fs::write(&original, ptbuilder_core::store::to_ron(&program)).unwrap();
    let before = fs::read(&original).unwrap();

    let packed = here.path("ann-packed.ron");
    let output = here.ptbuilder(&[
        "pack",
        original.to_str().unwrap(),
        "-o",
        packed.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(said.contains("1 custom exercise and 1 picture"), "{said}");
    assert_eq!(
        fs::read(&original).unwrap(),
        before,
        "the original is untouched"
    );
    println!("a packed program with one photo: {said}");
    let again = here.ptbuilder(&[
        "pack",
        original.to_str().unwrap(),
        "-o",
        packed.to_str().unwrap(),
    ]);
    assert!(!again.status.success() && stderr(&again).contains("already exists"));

    // Another PC: an empty home folder.
    let there = Run::new();
    let handout = there.path("handout.pdf");
    let output = there.ptbuilder(&[
        "export",
        packed.to_str().unwrap(),
        "-o",
        handout.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("warning"), "{}", stderr(&output));
    // Unpacked, the same program cannot find its exercise there at all.
    let output = there.ptbuilder(&[
        "export",
        original.to_str().unwrap(),
        "-o",
        handout.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
}

#[test]
fn version_is_printed() {
    let run = Run::new();
    let output = run.ptbuilder(&["--version"]);
    assert!(output.status.success());
    assert_eq!(
        stdout(&output).trim(),
        format!("ptbuilder {}", env!("CARGO_PKG_VERSION"))
    );
}

/// The handout checker's findings are warnings with their line and column:
/// `check` reports them and succeeds, `export` reports them and still
/// writes the handout.
#[test]
fn the_checker_points_out_gaps_without_stopping_anything() {
    let run = Run::new();
    let file = run.path("gaps.ron");
    // A program for a patient with no name, no clinic phone, no review date.
    let text = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/acute-low-back-spasm.ron"),
    )
    .unwrap()
    .replace(
        "    created: \"2026-11-22\",",
        "    created: \"2026-11-22\",\n    patient: Patient(name: \"\"),\n    start: \"2026-11-23\",",
    );
    fs::write(&file, text).unwrap();
    let output = run.ptbuilder(&["check", file.to_str().unwrap()]);
    let said = stderr(&output);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("warning: there is no patient name"), "{said}");
    assert!(
        said.contains("warning: there is no clinic phone number"),
        "{said}"
    );
    assert!(said.contains("warning: there is no review date"), "{said}");
    // Each at its place in the file.
    assert!(
        said.lines()
            .any(|l| l.contains("gaps.ron:") && l.contains(":") && l.contains("phone")),
        "{said}"
    );
    let pdf = run.path("gaps.pdf");
    let output = run.ptbuilder(&[
        "export",
        file.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("no clinic phone number"));
    assert!(pdf.exists());
}

#[test]
fn a_new_program_in_spanish_starts_from_the_spanish_template_and_checks_clean() {
    let run = Run::new();
    let out = run.path("rosa.ron");
    let output = run.ptbuilder(&[
        "new",
        "--template",
        "low-back-strength",
        "--language",
        "es",
        "-o",
        out.to_str().unwrap(),
        "--patient",
        "Rosa Díaz",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.contains("language: \"es\""), "{text}");
    let english = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/low-back-strength.ron"),
    )
    .unwrap();
    let title = |text: &str| {
        text.lines()
            .find(|line| line.trim_start().starts_with("title:"))
            .map(str::to_string)
    };
    assert_ne!(title(&text), title(&english), "the title is in Spanish");
    let check = run.ptbuilder(&["check", out.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        !stderr(&check).contains("no Spanish text"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn an_unknown_language_is_refused_with_the_ones_there_are() {
    let run = Run::new();
    let out = run.path("x.ron");
    let output = run.ptbuilder(&[
        "new",
        "--template",
        "low-back-strength",
        "--language",
        "fr",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("[possible values: en, es]"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
    // In a file, the language is checked with its line and column.
    let file = run.path("fr.ron");
    let english = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("programs/core-stability.ron"),
    )
    .unwrap();
    fs::write(
        &file,
        english.replacen("format: 1,", "format: 1,\n    language: \"fr\",", 1),
    )
    .unwrap();
    let check = run.ptbuilder(&["check", file.to_str().unwrap()]);
    assert!(!check.status.success());
    assert!(
        stderr(&check).contains("fr.ron:4:15: unknown language \"fr\"; choose one of: en, es"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn the_spanish_templates_check_clean() {
    let run = Run::new();
    let mut args = vec!["check".to_string()];
    args.extend(files_in("programs/es"));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run.ptbuilder(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "check printed problems");
}
