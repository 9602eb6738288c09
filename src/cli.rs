//! The command line: check files, search the library, start a program from
//! a template, export or print a handout. With no arguments, the desktop
//! app starts.
//!
//! Every command parses its arguments, calls the core once, and prints
//! what came of it; every problem is one line naming the file, line and
//! column, and nothing is written when something is wrong.

mod print;

use chrono::Local;
use clap::{Parser, Subcommand};
use ptbuilder_core::handout::{self, Choices, HandoutOptions};
use ptbuilder_core::lang;
use ptbuilder_core::library::search::EquipmentFilter;
use ptbuilder_core::library::{
    Category, Difficulty, Exercise, Filters, Library, Position, Region, SearchIndex,
};
use ptbuilder_core::print::PrintJob;
use ptbuilder_core::program::changes::changes;
use ptbuilder_core::program::{Patient, Program, Severity};
use ptbuilder_core::store::locate::LineColumn;
use ptbuilder_core::store::{
    self, FileProblem, HandoutLayout, Kind, PackError, Paper, PictureProblem, PrintParts, Settings,
    Store,
};
use ptbuilder_core::text::count;
use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Build, save and print home exercise programs. Run without a command to
/// open the program builder window, or with a program file to open it there.
#[derive(Debug, Parser)]
#[command(
    name = "ptbuilder",
    version,
    about,
    long_about = None,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// A program to open in the window (a template starts a new program).
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check program, template and exercise files and report every problem.
    Check {
        /// Files to check (programs, templates or exercises, in RON).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Search the exercise library.
    Library {
        /// Words to look for in names, other names, purpose, regions and tags.
        query: Vec<String>,
        /// Only this kind: stretch, strengthen, mobility, aerobic, heat-and-cold, relaxation, education.
        #[arg(long, short)]
        category: Option<Category>,
        /// Only this body part, e.g. lower-back, neck, hips.
        #[arg(long, short)]
        region: Option<Region>,
        /// Only this starting position, e.g. sitting, standing, lying-on-your-back.
        #[arg(long, short)]
        position: Option<Position>,
        /// Only exercises using this equipment, or "none" for none.
        #[arg(long, short)]
        equipment: Option<EquipmentFilter>,
        /// Only this difficulty: easy, moderate, hard.
        #[arg(long, short)]
        difficulty: Option<Difficulty>,
    },
    /// List the templates a new program can start from.
    Templates,
    /// Write a new program from a template, dated today.
    New {
        /// Template id, as `ptbuilder templates` lists them.
        #[arg(long, short)]
        template: String,
        /// Where to write the program.
        #[arg(long, short)]
        output: PathBuf,
        /// Patient name to fill in.
        #[arg(long)]
        patient: Option<String>,
        /// The handout's language (default: from settings, else en). The
        /// template's translation is used when it has one.
        #[arg(long, value_parser = languages())]
        language: Option<String>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write a copy of a program that carries everything it needs (its
    /// custom exercises and their pictures), to email it to a colleague or
    /// move it to another PC.
    Pack {
        /// The program (or template) file.
        file: PathBuf,
        /// Where to write the copy.
        #[arg(long, short)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the patient handout of a program as a PDF.
    Export {
        /// The program file.
        file: PathBuf,
        /// The PDF to write.
        #[arg(long, short)]
        output: PathBuf,
        #[command(flatten)]
        handout: HandoutArgs,
        /// Print a "What's new" box on the first page saying what changed
        /// since this earlier version of the program. Without it, the box
        /// shows the changes since the program's last saved version.
        #[arg(long, value_name = "OLD")]
        changes_since: Option<PathBuf>,
        /// Leave out the "What's new" box.
        #[arg(long, conflicts_with = "changes_since")]
        no_whats_new: bool,
    },
    /// Write a one-page progress report of a program's visits as a PDF,
    /// for the medical record: the patient, the dates, a chart of pain and
    /// sessions done, the table of visits and the program's changes.
    Report {
        /// The program file.
        file: PathBuf,
        /// The PDF to write.
        #[arg(long, short)]
        output: PathBuf,
        /// Paper size: a4 or letter (default: from settings).
        #[arg(long)]
        paper: Option<Paper>,
    },
    /// Say in plain words what changed between two versions of a program,
    /// one line per change.
    Diff {
        /// The earlier version.
        old: PathBuf,
        /// The later version.
        new: PathBuf,
    },
    /// Print the handout on a printer, through the system's print service
    /// (CUPS on Linux and macOS). Nothing is saved on disk.
    Print {
        /// The program file.
        file: PathBuf,
        /// The printer, by the name `ptbuilder printers` shows or its
        /// description (default: the system's default printer).
        #[arg(long, short)]
        printer: Option<String>,
        /// How many copies.
        #[arg(long, short = 'n', default_value_t = 1,
              value_parser = clap::value_parser!(u16).range(1..=99))]
        copies: u16,
        /// Print on both sides of the paper, when the printer can.
        #[arg(long)]
        two_sided: bool,
        /// What to print: handout, card (the one-page summary card) or both
        /// (the handout, then the card on its own sheet), in one job.
        #[arg(long, default_value = "handout")]
        what: PrintParts,
        #[command(flatten)]
        handout: HandoutArgs,
    },
    /// List the printers; the default is marked with *.
    Printers,
}

/// How the handout looks, as `export` and `print` both take it.
#[derive(Debug, clap::Args)]
struct HandoutArgs {
    /// Layout: compact (two or three exercises a page), detailed (every
    /// step and mistake spelled out) or summary (a one-page card of one
    /// phase). Default: from settings, else compact.
    #[arg(long)]
    layout: Option<HandoutLayout>,
    /// For the summary card: which phase, counting from 1 (default: 1).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    phase: Option<u16>,
    /// Paper size: a4 or letter (default: from settings).
    #[arg(long)]
    paper: Option<Paper>,
    /// Print in large type (18 pt).
    #[arg(long)]
    large_print: bool,
    /// Leave out the tracking chart page.
    #[arg(long)]
    no_chart: bool,
    /// The handout's language, for this print (default: the program's).
    #[arg(long, value_parser = languages())]
    language: Option<String>,
}

impl HandoutArgs {
    /// The choices these flags make; anything not given comes from the
    /// settings. `whats_new` is the command's own say on that box.
    fn choices(self, whats_new: Option<bool>) -> Choices {
        Choices {
            layout: self.layout,
            paper: self.paper,
            large_print: self.large_print.then_some(true),
            tracking_chart: self.no_chart.then_some(false),
            phase: self.phase.map(|n| usize::from(n) - 1),
            whats_new,
            language: language_code(self.language),
        }
    }
}

/// The handout languages, as `--language` accepts them ("en", "es").
fn languages() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(lang::codes())
}

/// A language code clap has already checked, as the core's own.
fn language_code(code: Option<String>) -> Option<&'static str> {
    code.and_then(|code| lang::find(&code)).map(|l| l.code)
}

/// A failure the user must read: one line each.
struct Failure(Vec<String>);

impl From<String> for Failure {
    fn from(line: String) -> Self {
        Self(vec![line])
    }
}

impl From<Vec<FileProblem>> for Failure {
    fn from(problems: Vec<FileProblem>) -> Self {
        Self(problems.iter().map(ToString::to_string).collect())
    }
}

/// Runs the command line with these arguments (the first is the program).
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        None => start_gui(cli.file),
        Some(Command::Check { files }) => check(&files),
        Some(Command::Library {
            query,
            category,
            region,
            position,
            equipment,
            difficulty,
        }) => library(
            &query.join(" "),
            &Filters {
                category,
                region,
                position,
                equipment,
                difficulty,
            },
        ),
        Some(Command::Templates) => templates(),
        Some(Command::New {
            template,
            output,
            patient,
            language,
            force,
        }) => new_program(&template, &output, patient, language_code(language), force),
        Some(Command::Pack {
            file,
            output,
            force,
        }) => pack(&file, &output, force),
        Some(Command::Export {
            file,
            output,
            handout,
            changes_since,
            no_whats_new,
        }) => export(
            &file,
            &output,
            handout.choices((no_whats_new || changes_since.is_some()).then_some(!no_whats_new)),
            changes_since.as_deref(),
        ),
        Some(Command::Diff { old, new }) => diff(&old, &new),
        Some(Command::Report {
            file,
            output,
            paper,
        }) => report(&file, &output, paper),
        Some(Command::Print {
            file,
            printer,
            copies,
            two_sided,
            what,
            handout,
        }) => print::print(
            &file,
            handout.choices(None),
            &PrintJob {
                printer,
                copies,
                two_sided,
                parts: what,
            },
        ),
        Some(Command::Printers) => print::printers(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(lines)) => {
            for line in lines {
                eprintln!("{line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn start_gui(file: Option<PathBuf>) -> Result<(), Failure> {
    let store = open_store()?;
    crate::gui::run(store, file)
        .map_err(|error| Failure::from(format!("ptbuilder: the window could not open: {error}")))
}

fn open_store() -> Result<Store, Failure> {
    Store::from_environment().ok_or_else(|| {
        Failure::from(format!(
            "ptbuilder: cannot find a home folder for ptbuilder's files; set {} to a folder",
            store::HOME_VARIABLE
        ))
    })
}

/// The store, its settings and the whole library (shipped, the therapist's
/// and the clinic's); problems with settings or exercise files are printed
/// and skipped, as the window shows and skips them.
fn open_library() -> Result<(Store, Settings, Library), Failure> {
    let store = open_store()?;
    let (settings, settings_problem) = store.load_settings();
    let (library, problems) = store.library(&settings);
    for problem in settings_problem.iter().chain(&problems) {
        eprintln!("{problem}");
    }
    Ok((store, settings, library))
}

/// Checks every file and prints every problem; fails if any is an error.
fn check(files: &[PathBuf]) -> Result<(), Failure> {
    let library = Library::builtin();
    // The handout is judged as it would print here: settings and pictures
    // folders when there is a home folder, the defaults when not.
    let options = match Store::from_environment() {
        Some(store) => {
            let (settings, _) = store.load_settings();
            HandoutOptions::chosen(&store, &settings, Choices::default())
        }
        None => HandoutOptions::default(),
    };
    let mut lines = Vec::new();
    let mut errors = 0;
    let mut warnings = 0;
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    for path in files {
        let problems = check_file(path, library, &options, &mut seen_ids);
        errors += problems.iter().filter(|p| p.is_error()).count();
        warnings += problems.iter().filter(|p| !p.is_error()).count();
        if problems.is_empty() {
            println!("{}: ok", path.display());
        }
        lines.extend(problems.iter().map(ToString::to_string));
    }
    for line in &lines {
        eprintln!("{line}");
    }
    let summary = format!(
        "checked {}: {}, {}",
        count(files.len(), "file"),
        count(errors, "error"),
        count(warnings, "warning")
    );
    if errors > 0 {
        Err(summary.into())
    } else {
        println!("{summary}");
        Ok(())
    }
}

fn check_file(
    path: &Path,
    library: &Library,
    options: &HandoutOptions,
    seen_ids: &mut HashMap<String, String>,
) -> Vec<FileProblem> {
    let file = path.display().to_string();
    let text = match store::read_text(path) {
        Ok(text) => text,
        Err(problem) => return vec![problem],
    };
    match store::sniff(&text) {
        Some(Kind::Program) => match store::read_program(&text, &file, library) {
            Ok((program, mut warnings)) => {
                let advice = handout_findings(&program, library, options);
                warnings.extend(
                    advice
                        .iter()
                        .map(|problem| FileProblem::from_problem(&file, &text, problem)),
                );
                warnings
            }
            Err(problems) => problems,
        },
        Some(Kind::Exercise) => match store::read_exercise(&text, &file) {
            Ok(exercise) => {
                let mut problems = Vec::new();
                if let Some(other) = seen_ids.insert(exercise.id.to_string(), file.clone()) {
                    problems.push(FileProblem::whole(
                        &file,
                        format!(
                            "exercise id {:?} is also used by {other}",
                            exercise.id.as_str()
                        ),
                    ));
                }
                if let Some(problem) = picture_problem(&exercise, path) {
                    let mut problem = FileProblem::whole(&file, problem);
                    problem.severity = Severity::Warning;
                    problems.push(problem);
                }
                problems
            }
            Err(problems) => problems,
        },
        Some(Kind::Settings) => Vec::new(),
        None => vec![FileProblem {
            file,
            at: Some(LineColumn { line: 1, column: 1 }),
            message: "not a ptbuilder file: it should start with Program( or Exercise(".to_string(),
            severity: Severity::Error,
        }],
    }
}

/// What the handout checker points out about a program, with its page
/// count as `options` would print it.
fn handout_findings(
    program: &Program,
    library: &Library,
    options: &HandoutOptions,
) -> Vec<ptbuilder_core::program::Problem> {
    let pages = handout::lay_out(program, library, options)
        .ok()
        .map(|laid| laid.pages.len());
    handout::check::findings(program, library, &options.picture_folders, pages)
}

/// What is wrong with an exercise file's picture, if anything: it must be
/// shipped, or beside the file where a library or a pictures folder keeps
/// it, and it must open within the picture limits.
fn picture_problem(exercise: &Exercise, exercise_file: &Path) -> Option<String> {
    let picture = exercise.picture.as_deref()?;
    let folder = exercise_file.parent().unwrap_or(Path::new("."));
    let folders = [
        folder.to_path_buf(),
        folder.join("../illustrations"),
        folder.join("../pictures"),
    ];
    match store::pictures::open_picture(picture, &folders) {
        Ok(_) => None,
        Err(PictureProblem::Missing(_)) => Some(format!(
            "picture {picture:?} is not a shipped illustration and is not beside the file"
        )),
        Err(problem) => Some(problem.to_string()),
    }
}

fn library(query: &str, filters: &Filters) -> Result<(), Failure> {
    let (_, _, library) = open_library()?;
    let index = SearchIndex::build(&library);
    let hits = index.search(query, filters);
    if hits.is_empty() {
        return Err(format!("no exercises match {query:?} with these filters").into());
    }
    let width = hits
        .iter()
        .map(|&p| library.exercises()[p].id.as_str().len())
        .max()
        .unwrap_or(0);
    for position in hits {
        let exercise = &library.exercises()[position];
        println!(
            "{:width$}  {} ({}, {}): {}",
            exercise.id.as_str(),
            exercise.name,
            exercise.category.label().to_lowercase(),
            exercise.position.label().to_lowercase(),
            exercise.dose.summary(),
        );
    }
    Ok(())
}

fn templates() -> Result<(), Failure> {
    let (store, settings, library) = open_library()?;
    let (templates, problems) = store.templates(&settings, &library);
    for problem in &problems {
        eprintln!("{problem}");
    }
    let width = templates.iter().map(|t| t.id.len()).max().unwrap_or(0);
    for template in &templates {
        println!(
            "{:width$}  {} ({})",
            template.id,
            template.program.title,
            count(template.program.item_count(), "exercise")
        );
    }
    Ok(())
}

fn new_program(
    template: &str,
    output: &Path,
    patient: Option<String>,
    language: Option<&str>,
    force: bool,
) -> Result<(), Failure> {
    refuse_existing(output, force)?;
    let (store, settings, library) = open_library()?;
    let found = store
        .template(template, &settings, &library)
        .map_err(|error| Failure::from(format!("ptbuilder: {error}")))?;
    let today = Local::now().date_naive();
    let language = language
        .or_else(|| lang::find(&settings.language).map(|l| l.code))
        .unwrap_or(lang::ENGLISH);
    let template_program = found.program_in(language);
    let mut program = store::new_program(&settings, Some(&template_program), today);
    if let Some(name) = patient {
        program.patient = Some(Patient {
            name,
            identifier: String::new(),
        });
    }
    let problems = store
        .save_program(
            output,
            &program,
            &library,
            &store.picture_folders(&settings),
        )
        .map_err(|error| Failure::from(error.to_string()))?;
    for problem in problems {
        eprintln!("{}: warning: {problem}", output.display());
    }
    println!(
        "{}: new program from template {template:?}",
        output.display()
    );
    Ok(())
}

/// Refuses to replace an existing file unless asked.
fn refuse_existing(output: &Path, force: bool) -> Result<(), Failure> {
    if output.exists() && !force {
        return Err(format!(
            "{}: already exists; choose another name or add --force to replace it",
            output.display()
        )
        .into());
    }
    Ok(())
}

/// Writes a self-contained copy of `file` to `output`, atomically; the
/// original is only read.
fn pack(file: &Path, output: &Path, force: bool) -> Result<(), Failure> {
    refuse_existing(output, force)?;
    let (store, settings, library) = open_library()?;
    let folders = store.picture_folders(&settings);
    let (packed, warnings) = store
        .pack(file, output, &library, &folders)
        .map_err(|error| match error {
            PackError::Read(problems) => Failure::from(problems),
            PackError::Write(error) => Failure::from(error.to_string()),
        })?;
    for warning in &warnings {
        eprintln!("{warning}");
    }
    for problem in &packed.problems {
        eprintln!("{}: warning: {problem}", output.display());
    }
    println!(
        "{}: packed with {} and {}, {} KB",
        output.display(),
        count(packed.exercises, "custom exercise"),
        count(packed.pictures, "picture"),
        packed.bytes.div_ceil(1024)
    );
    Ok(())
}

/// Writes the handout of `file` to `output`: nothing is written when the
/// program has errors or no exercises.
fn export(
    file: &Path,
    output: &Path,
    choices: Choices,
    changes_since: Option<&Path>,
) -> Result<(), Failure> {
    let (store, settings, library) = open_library()?;
    let (mut program, warnings) = store.load_program(file, &library)?;
    for warning in &warnings {
        eprintln!("{warning}");
    }
    // Checked and printed in the language chosen for this print.
    if let Some(language) = choices.language {
        program.language = language.to_string();
    }
    let mut options = HandoutOptions::chosen(&store, &settings, choices);
    if let Some(old) = changes_since {
        let (old, _) = store.load_program(old, &library)?;
        options.changes = changes(&old, &program, &library);
    } else if options.whats_new {
        options.changes = store
            .changes_since_last_version(file, &program, &library)
            .map(|(_, lines)| lines)
            .unwrap_or_default();
    }
    let failed =
        |error: handout::HandoutError| Failure::from(format!("{}: {error}", file.display()));
    let laid = handout::lay_out(&program, &library, &options).map_err(failed)?;
    // What a colleague would point out; the handout is written all the same.
    if let Ok(text) = store::read_text(file) {
        let name = file.display().to_string();
        let pages = Some(laid.pages.len());
        for problem in handout::check::findings(&program, &library, &options.picture_folders, pages)
        {
            eprintln!("{}", FileProblem::from_problem(&name, &text, &problem));
        }
    }
    let written = handout::write_laid(&program, laid, output).map_err(|error| {
        let failure = match error {
            handout::WriteError::Handout(error) => format!("{}: {error}", file.display()),
            io => io.to_string(),
        };
        Failure::from(failure)
    })?;
    for warning in &written.warnings {
        eprintln!("{}: warning: {warning}", file.display());
    }
    println!(
        "{}: handout of {}",
        output.display(),
        count(written.pages, "page")
    );
    Ok(())
}

/// Writes the progress report of `file` to `output`.
fn report(file: &Path, output: &Path, paper: Option<Paper>) -> Result<(), Failure> {
    let (store, settings, library) = open_library()?;
    let (program, warnings) = store.load_program(file, &library)?;
    for warning in &warnings {
        eprintln!("{warning}");
    }
    let choices = Choices {
        paper,
        ..Choices::default()
    };
    let options = HandoutOptions::chosen(&store, &settings, choices);
    let changes = store.changes_over_time(file, &program, &library);
    let made = handout::write_report(&program, &changes, &options, output)
        .map_err(|error| Failure::from(format!("{}: {error}", file.display())))?;
    for warning in &made.warnings {
        eprintln!("{}: warning: {warning}", file.display());
    }
    println!(
        "{}: progress report of {}",
        output.display(),
        count(program.visits.len(), "visit")
    );
    Ok(())
}

/// Prints what changed from `old` to `new`, one plain line per change.
fn diff(old: &Path, new: &Path) -> Result<(), Failure> {
    let (store, _, library) = open_library()?;
    let (before, _) = store.load_program(old, &library)?;
    let (after, _) = store.load_program(new, &library)?;
    let lines = changes(&before, &after, &library);
    if lines.is_empty() {
        println!("No changes a patient would notice.");
    }
    for line in lines {
        println!("{line}");
    }
    Ok(())
}
