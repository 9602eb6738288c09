//! Files shipped inside the binary: the exercise library, its
//! illustrations, the program templates (see `build.rs`) and the fonts.

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

/// Shipped exercises' words in other languages as (language, file name,
/// bytes), from `assets/library/<language>/<id>.ron`.
pub fn library_translations() -> &'static [(&'static str, &'static str, &'static [u8])] {
    embedded::LIBRARY_TRANSLATIONS
}

/// Shipped templates in other languages as (language, file name, bytes),
/// from `programs/<language>/`, named as the English template they translate.
pub fn template_translations() -> &'static [(&'static str, &'static str, &'static [u8])] {
    embedded::TEMPLATE_TRANSLATIONS
}

/// The fonts the handout prints with, and pictures' text is drawn with.
pub mod fonts {
    /// Atkinson Hyperlegible Regular, made for low-vision readers.
    pub const ATKINSON_REGULAR: &[u8] =
        include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Regular.ttf");
    /// Atkinson Hyperlegible Bold.
    pub const ATKINSON_BOLD: &[u8] =
        include_bytes!("../../assets/fonts/AtkinsonHyperlegible-Bold.ttf");
    /// DejaVu Sans, for the characters Atkinson lacks.
    pub const DEJAVU_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
    /// DejaVu Sans Bold.
    pub const DEJAVU_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

    /// Every font, regular and bold of each family.
    pub const ALL: [&[u8]; 4] = [ATKINSON_REGULAR, ATKINSON_BOLD, DEJAVU_REGULAR, DEJAVU_BOLD];
}
