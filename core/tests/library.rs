//! The shipped exercise library: complete, correct, readable, and in our
//! own words.

use ptbuilder_core::library::{Category, Exercise, ExerciseId, Library};
use ptbuilder_core::text::fold;
use std::collections::HashSet;
use std::path::Path;

fn library() -> &'static Library {
    let problems = Library::builtin_problems();
    assert!(
        problems.is_empty(),
        "shipped exercise files have problems:\n{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    Library::builtin()
}

#[test]
fn covers_everything_the_clinical_sources_describe() {
    let library = library();
    assert!(library.len() >= 40, "only {} exercises", library.len());
    let required = [
        "pelvic-tilt",
        "cat-cow",
        "childs-pose",
        "single-knee-to-chest",
        "double-knee-to-chest",
        "lower-back-rotation",
        "bird-dog",
        "bridge",
        "plank",
        "kneeling-plank",
        "side-plank",
        "back-extension-prone",
        "back-extension-ball",
        "dead-bug",
        "piriformis-stretch",
        "hamstring-stretch-towel",
        "hip-flexor-stretch-kneeling",
        "wall-posture",
        "chin-tuck",
        "shoulder-blade-squeeze",
        "walking",
        "swimming",
        "cycling",
        "heat-pack",
        "cold-pack",
        "heat-cold-alternating",
        "diaphragmatic-breathing",
        "progressive-muscle-relaxation",
        "sitting-posture",
        "safe-lifting",
        "hydration",
        "movement-breaks",
        "self-massage",
    ];
    for id in required {
        assert!(library.get(&ExerciseId::new(id)).is_some(), "missing {id}");
    }
    for category in Category::ALL {
        assert!(
            library.exercises().iter().any(|e| e.category == *category),
            "no exercise in category {category}"
        );
    }
}

#[test]
fn ids_are_unique_and_match_their_file_names() {
    let mut seen = HashSet::new();
    for (name, _) in ptbuilder_core::assets::library_files() {
        let stem = name.trim_end_matches(".ron");
        assert!(
            library().get(&ExerciseId::new(stem)).is_some(),
            "{name} does not hold exercise {stem:?}"
        );
        assert!(seen.insert(stem), "{stem} twice");
    }
    assert_eq!(seen.len(), library().len());
}

#[test]
fn every_exercise_points_to_a_picture_that_exists_and_parses() {
    let options = resvg::usvg::Options::default();
    for exercise in library().exercises() {
        let picture = exercise
            .picture
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no picture", exercise.id));
        let bytes = ptbuilder_core::assets::illustration(picture).unwrap_or_else(|| {
            panic!(
                "{}: picture {picture} is not in assets/illustrations",
                exercise.id
            )
        });
        let tree = resvg::usvg::Tree::from_data(bytes, &options)
            .unwrap_or_else(|e| panic!("{picture} does not parse: {e}"));
        assert!(tree.size().width() > 100.0, "{picture} is tiny");
    }
}

/// Words a patient should not have to look up.
const JARGON: &[&str] = &[
    "supine",
    "prone",
    "anterior",
    "posterior",
    "bilateral",
    "contralateral",
    "ipsilateral",
    "abduct",
    "abduction",
    "adduct",
    "adduction",
    "lumbar",
    "thoracic",
    "cervical",
    "isometric",
    "transversus",
    "dorsiflex",
    "plantarflex",
    "contraindicated",
    "flexion",
    "musculature",
    "proprioception",
    "neutral spine",
];

fn patient_texts(exercise: &Exercise) -> Vec<&str> {
    let mut texts = vec![exercise.purpose.as_str(), exercise.start.as_str()];
    texts.extend(exercise.steps.iter().map(String::as_str));
    texts.extend(exercise.mistakes.iter().map(String::as_str));
    texts.extend(exercise.cautions.iter().map(String::as_str));
    texts
}

fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split(['.', '!', '?', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[test]
fn texts_are_plain_and_speak_to_the_patient() {
    for exercise in library().exercises() {
        let texts = patient_texts(exercise);
        let joined = fold(&texts.join(" "));
        for word in JARGON {
            let padded = format!(" {joined} ");
            assert!(
                !padded.contains(&format!(" {word} ")) && !padded.contains(&format!(" {word},")),
                "{}: uses the jargon word {word:?}",
                exercise.id
            );
        }
        assert!(
            joined.contains("you"),
            "{}: does not address the patient as \"you\"",
            exercise.id
        );
        let mut words = 0;
        let mut count = 0;
        for sentence in texts.iter().flat_map(|t| sentences(t)) {
            let length = sentence.split_whitespace().count();
            assert!(
                length <= 25,
                "{}: a {length}-word sentence: {sentence:?}",
                exercise.id
            );
            words += length;
            count += 1;
        }
        let average = words as f64 / count as f64;
        assert!(
            average <= 16.0,
            "{}: sentences average {average:.1} words",
            exercise.id
        );
        assert!(
            (3..=8).contains(&exercise.steps.len()),
            "{}: {} steps",
            exercise.id,
            exercise.steps.len()
        );
    }
}

/// Runs of this many words shared with a source document count as copying.
const COPIED_RUN: usize = 8;

fn word_runs(text: &str) -> HashSet<String> {
    let words: Vec<String> = fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.windows(COPIED_RUN).map(|w| w.join(" ")).collect()
}

#[test]
fn no_sentence_is_copied_from_the_clinical_sources() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let entries = std::fs::read_dir(&seeds)
        .unwrap_or_else(|e| panic!("the clinical sources belong at {}: {e}", seeds.display()));
    let mut source_runs = HashSet::new();
    for entry in entries {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        source_runs.extend(word_runs(&text));
    }
    assert!(source_runs.len() > 1000, "the sources were not read");
    for exercise in library().exercises() {
        for text in patient_texts(exercise) {
            for run in word_runs(text) {
                assert!(
                    !source_runs.contains(&run),
                    "{}: copies {run:?} from the sources",
                    exercise.id
                );
            }
        }
    }
}
