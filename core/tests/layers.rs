//! The layers run one way: text, lang and assets → library → program →
//! store → handout → print. A lower layer that names a higher one (even in
//! a doc link or a test) would bring back the import cycles this crate was
//! made to end, so
//! this test reads every source file and fails on the first such name. It
//! also keeps the window and command-line crates out of the core.

use std::fs;
use std::path::{Path, PathBuf};

/// The layers from the bottom up; a module may name only its own layer and
/// the ones before it.
const LAYERS: &[&[&str]] = &[
    &["text", "lang", "assets"],
    &["library"],
    &["program"],
    &["store"],
    &["handout"],
    &["print"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file in `src/` belongs to: `src/store/lock.rs`
/// and `src/store.rs` are both in `store`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

/// The identifier at the start of `text`.
fn identifier(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every module named as `crate::<module>` or `crate::{<module>, ..}` in `text`.
fn named_modules(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let inside = group.split('}').next().unwrap_or_default();
                found.extend(inside.split(',').map(identifier));
            }
            None => found.push(identifier(rest)),
        }
    }
    found
}

#[test]
fn no_lower_layer_names_a_higher_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if module == "lib" {
            continue;
        }
        let own = layer_of(&module)
            .unwrap_or_else(|| panic!("{}: module {module:?} has no layer", file.display()));
        let text = fs::read_to_string(file).unwrap();
        for named in named_modules(&text) {
            if layer_of(&named).is_some_and(|layer| layer > own) {
                wrong.push(format!("{}: names crate::{named}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_an_upward_import() {
    // The check above must be able to fail: a library file naming the store.
    assert_eq!(
        named_modules("use crate::store::Paper; use crate::{text::fold, handout};"),
        ["store", "text", "handout"]
    );
    assert!(layer_of("store") > layer_of("library"));
}

#[test]
fn the_core_depends_on_no_window_or_command_line_crate() {
    let manifest =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [dependencies] table");
    for crate_name in ["iced", "rfd", "opener", "clap"] {
        let listed = dependencies.lines().any(|line| {
            line.trim_start()
                .split([' ', '=', '.'])
                .next()
                .is_some_and(|name| name == crate_name)
        });
        assert!(!listed, "the core must not depend on {crate_name}");
    }
}
