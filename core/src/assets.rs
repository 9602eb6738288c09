//! Files shipped inside the binary: the exercise library, its
//! illustrations and the program templates (see `build.rs`).

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Shipped exercise files as (file name, bytes).
pub fn library_files() -> &'static [(&'static str, &'static [u8])] {
    embedded::LIBRARY
}

/// Shipped illustrations as (file name, bytes).
pub fn illustrations() -> &'static [(&'static str, &'static [u8])] {
    embedded::ILLUSTRATIONS
}

/// A shipped illustration by file name.
pub fn illustration(name: &str) -> Option<&'static [u8]> {
    embedded::ILLUSTRATIONS
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, bytes)| *bytes)
}

/// Shipped templates as (file name, bytes).
pub fn template_files() -> &'static [(&'static str, &'static [u8])] {
    embedded::TEMPLATES
}
