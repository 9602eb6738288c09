//! Hostile pictures, each class the way it would arrive on a shared clinic
//! folder, then random and mangled picture bytes: decoding never panics,
//! never overflows the stack, never reads a file outside the picture, and
//! a handout with such a picture still prints (a placeholder and a warning
//! naming the file and the limit).
//!
//! `PTBUILDER_FUZZ_CASES=200000 cargo test -p ptbuilder-core --test
//! picture_fuzz` runs a long fuzzing session (the default is short so the
//! suite stays quick).

use chrono::NaiveDate;
use proptest::prelude::*;
use ptbuilder_core::handout::{HandoutOptions, export};
use ptbuilder_core::library::{ExerciseId, Library};
use ptbuilder_core::program::{Item, Program};
use ptbuilder_core::store::pictures::{decode, thumbnail};
use ptbuilder_core::store::{Picture, PictureFormat};
use std::borrow::Cow;
use std::io::Cursor;
use std::path::Path;

fn cases() -> u32 {
    std::env::var("PTBUILDER_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

fn svg(body: &str) -> Vec<u8> {
    format!(r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20">{body}</svg>"#).into_bytes()
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbaImage::from_pixel(width, height, image::Rgba([10, 20, 30, 255]))
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    bytes
}

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(width, height, image::Rgb([200, 100, 50]))
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Jpeg)
        .unwrap();
    bytes
}

fn picture(format: PictureFormat, bytes: Vec<u8>) -> Picture {
    Picture {
        name: "hostile".into(),
        format,
        bytes: Cow::Owned(bytes),
    }
}

/// A handout whose one custom exercise uses `name` from `folder`.
fn handout_with(folder: &Path, name: &str) -> Vec<String> {
    let mut custom = Library::builtin()
        .get(&ExerciseId::new("bridge"))
        .unwrap()
        .clone();
    custom.id = ExerciseId::new("my-bridge");
    custom.picture = Some(name.into());
    let mut program = Program::new(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
    program.phases[0].items = vec![Item::new(&custom)];
    program.exercises = vec![custom];
    let options = HandoutOptions {
        picture_folders: vec![folder.to_path_buf()],
        ..HandoutOptions::default()
    };
    export(&program, Library::builtin(), &options)
        .expect("a bad picture never stops the handout")
        .warnings
}

/// Each class of hostile picture is refused with the limit it broke, and
/// the handout prints with a placeholder and one warning naming the file.
#[test]
fn every_class_of_hostile_picture_is_refused_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.png");
    std::fs::write(&secret, png(8, 8)).unwrap();
    let mut bomb = png(1, 1);
    bomb[16..20].copy_from_slice(&60_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&60_000u32.to_be_bytes());
    let crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    let deep = svg(&format!(
        "{}{}",
        "<g>".repeat(500_000),
        "</g>".repeat(500_000)
    ));
    let laughs = format!(
        r#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "{}">]>{}"#,
        "x".repeat(50_000),
        String::from_utf8(svg(&"<text>&a;</text>".repeat(100))).unwrap()
    )
    .into_bytes();
    let classes: Vec<(&str, Vec<u8>, &str)> = vec![
        ("deep.svg", deep, "nests deeper"),
        ("bomb.png", bomb, "larger than"),
        ("laughs.svg", laughs, "expand"),
        (
            "absolute.svg",
            svg(&format!(
                r#"<image href="{}" width="40" height="20"/>"#,
                secret.display()
            )),
            "outside the picture",
        ),
        (
            "relative.svg",
            svg(r#"<image xlink:href="secret.png" width="40" height="20"/>"#),
            "outside the picture",
        ),
        (
            "file-url.svg",
            svg(&format!(
                r#"<image href="file://{}" width="40" height="20"/>"#,
                secret.display()
            )),
            "outside the picture",
        ),
        (
            "dimensions.svg",
            br#"<svg xmlns="http://www.w3.org/2000/svg" width="1000000" height="1000000"/>"#
                .to_vec(),
            "size over",
        ),
    ];
    for (name, bytes, limit) in classes {
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        let format = PictureFormat::sniff(&bytes).unwrap();
        let refused = decode(&picture(format, bytes)).expect_err(name);
        assert!(refused.contains(limit), "{name}: {refused}");
        let warnings = handout_with(dir.path(), name);
        assert_eq!(warnings.len(), 1, "{name}: {warnings:?}");
        assert!(warnings[0].contains(name), "{name}: {warnings:?}");
        assert!(warnings[0].contains(limit), "{name}: {warnings:?}");
    }
}

/// A `data:` picture inside a drawing is allowed within the limits.
#[test]
fn a_small_embedded_picture_is_allowed() {
    let encoded = base64(&png(4, 4));
    let text = svg(&format!(
        r#"<image href="data:image/png;base64,{encoded}" width="40" height="20"/>"#
    ));
    let decoded = decode(&picture(PictureFormat::Svg, text)).unwrap();
    assert!(thumbnail(&decoded, 40, 20).pixels().any(|p| p[3] > 0));
}

fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The CRC-32 PNG chunks carry.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Real pictures of each kind, to mangle.
fn seeds() -> Vec<(PictureFormat, Vec<u8>)> {
    let drawing = ptbuilder_core::assets::illustration("bridge.svg")
        .unwrap()
        .to_vec();
    vec![
        (PictureFormat::Svg, drawing),
        (PictureFormat::Png, png(16, 9)),
        (PictureFormat::Jpeg, jpeg(16, 9)),
    ]
}

/// Decoding must end without a panic, in either result, and whatever it
/// lets through must draw.
fn decode_safely(format: PictureFormat, bytes: Vec<u8>) {
    if let Ok(decoded) = decode(&picture(format, bytes)) {
        let shrunk = thumbnail(&decoded, 64, 64);
        assert!(shrunk.width() <= 64 && shrunk.height() <= 64);
    }
}

/// SVG made of random elements, nesting and attributes, some of them
/// references, entities and numbers at the edges.
fn svg_soup() -> impl Strategy<Value = String> {
    let attribute = prop_oneof![
        Just(r##" href="#a""##.to_string()),
        Just(r##" fill="url(#a)""##.to_string()),
        Just(r#" id="a""#.to_string()),
        Just(r#" width="1e30""#.to_string()),
        Just(r#" stroke-width="-5""#.to_string()),
        Just(r#" d="M0 0 L1e9 1e9 Z""#.to_string()),
        Just(r#" transform="scale(1e20)""#.to_string()),
        "[ -~]{0,12}".prop_map(|s| format!(r#" x="{}""#, s.replace('"', ""))),
    ];
    let element = prop_oneof![
        Just("g"),
        Just("use"),
        Just("rect"),
        Just("path"),
        Just("pattern"),
        Just("mask"),
        Just("clipPath"),
        Just("text"),
        Just("image"),
        Just("linearGradient"),
    ];
    let node = (element, prop::collection::vec(attribute, 0..4))
        .prop_map(|(name, attributes)| (name.to_string(), attributes.concat()));
    prop::collection::vec((node, 0..3usize), 0..60).prop_map(|nodes| {
        let mut out =
            String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">"#);
        let mut open: Vec<String> = Vec::new();
        for ((name, attributes), action) in nodes {
            match action {
                0 => out.push_str(&format!("<{name}{attributes}/>")),
                1 => {
                    out.push_str(&format!("<{name}{attributes}>"));
                    open.push(name);
                }
                _ => {
                    if let Some(name) = open.pop() {
                        out.push_str(&format!("</{name}>"));
                    }
                }
            }
        }
        while let Some(name) = open.pop() {
            out.push_str(&format!("</{name}>"));
        }
        out.push_str("</svg>");
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Random bytes under every format's name.
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096), which in 0..3usize) {
        let format = [PictureFormat::Svg, PictureFormat::Png, PictureFormat::Jpeg][which];
        decode_safely(format, bytes);
    }

    /// Real pictures with bytes changed, cut short or repeated.
    #[test]
    fn mangled_pictures_never_panic(
        which in 0..3usize,
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..16),
        cut in any::<prop::sample::Index>(),
    ) {
        let (format, mut bytes) = seeds().swap_remove(which);
        for (at, value) in edits {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        let keep = cut.index(bytes.len() + 1);
        bytes.truncate(keep.max(bytes.len() / 2));
        decode_safely(format, bytes);
    }

    /// Drawings of random structure: references, nesting, odd numbers.
    #[test]
    fn random_drawings_never_panic(text in svg_soup()) {
        decode_safely(PictureFormat::Svg, text.into_bytes());
    }
}
