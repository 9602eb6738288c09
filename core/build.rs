//! Embeds the shipped library, illustrations and templates in the binary,
//! so `ptbuilder` works from any folder and needs no installer. They live
//! at the top of the repository (`assets/`, `programs/`), one level up,
//! with their translations in one folder per language beside them.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// Writes `static NAME: &[(&str, &[u8])]` listing every file in `dir` with
/// one of `extensions`, sorted by name so builds are reproducible.
fn embed(out: &mut String, name: &str, dir: &str, extensions: &[&str]) {
    println!("cargo:rerun-if-changed={dir}");
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(dir);
    let mut files: Vec<_> = fs::read_dir(&root)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| {
                    path.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| extensions.contains(&e))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    writeln!(out, "pub static {name}: &[(&str, &[u8])] = &[").unwrap();
    for path in files {
        let file_name = path.file_name().unwrap().to_str().unwrap();
        writeln!(
            out,
            "    ({file_name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

/// Writes `static NAME: &[(&str, &str, &[u8])]` listing, as (language,
/// file name, bytes), every `.ron` file in each language folder of `dir`
/// (`assets/library/es/bridge.ron`), sorted so builds are reproducible.
fn embed_languages(out: &mut String, name: &str, dir: &str) {
    println!("cargo:rerun-if-changed={dir}");
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(dir);
    let mut files = Vec::new();
    for folder in fs::read_dir(&root)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
    {
        let folder = folder.path();
        if !folder.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", folder.display());
        let language = folder.file_name().unwrap().to_str().unwrap().to_string();
        for entry in fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) == Some("ron") {
                files.push((language.clone(), path));
            }
        }
    }
    files.sort();
    writeln!(out, "pub static {name}: &[(&str, &str, &[u8])] = &[").unwrap();
    for (language, path) in files {
        let file_name = path.file_name().unwrap().to_str().unwrap();
        writeln!(
            out,
            "    ({language:?}, {file_name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let mut out = String::new();
    embed(&mut out, "LIBRARY", "../assets/library", &["ron"]);
    embed(
        &mut out,
        "ILLUSTRATIONS",
        "../assets/illustrations",
        &["svg", "png", "jpg", "jpeg"],
    );
    embed(&mut out, "TEMPLATES", "../programs", &["ron"]);
    embed_languages(&mut out, "LIBRARY_TRANSLATIONS", "../assets/library");
    embed_languages(&mut out, "TEMPLATE_TRANSLATIONS", "../programs");
    let target = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(target, out).unwrap();
}
