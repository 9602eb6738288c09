//! The handout's typefaces: Atkinson Hyperlegible (regular and bold), made
//! for low-vision readers, with DejaVu Sans for the characters Atkinson
//! lacks. Fonts are parsed once per process; this module answers "which
//! face prints this character, and how wide is it".

use printpdf::ParsedFont;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::assets::fonts::{ATKINSON_BOLD, ATKINSON_REGULAR, DEJAVU_BOLD, DEJAVU_REGULAR};

/// Regular or bold; the handout never uses italics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    /// Body text.
    Regular,
    /// Headings, labels and the dose.
    Bold,
}

/// One concrete font file in the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    /// Atkinson Hyperlegible Regular.
    Regular,
    /// Atkinson Hyperlegible Bold.
    Bold,
    /// DejaVu Sans, for characters Atkinson lacks.
    FallbackRegular,
    /// DejaVu Sans Bold, for bold characters Atkinson lacks.
    FallbackBold,
}

impl Face {
    /// Every face, in a fixed order.
    pub const ALL: [Face; 4] = [
        Face::Regular,
        Face::Bold,
        Face::FallbackRegular,
        Face::FallbackBold,
    ];

    /// The primary face for a weight.
    pub fn primary(weight: Weight) -> Self {
        match weight {
            Weight::Regular => Face::Regular,
            Weight::Bold => Face::Bold,
        }
    }

    fn fallback(weight: Weight) -> Self {
        match weight {
            Weight::Regular => Face::FallbackRegular,
            Weight::Bold => Face::FallbackBold,
        }
    }

    /// The resource name in the PDF. Fixed (never random) so the same
    /// program gives the same bytes; its first six letters also make the
    /// subset tag, which must be six capitals.
    pub fn resource_id(self) -> &'static str {
        match self {
            Face::Regular => "ATKREG",
            Face::Bold => "ATKBLD",
            Face::FallbackRegular => "DJVREG",
            Face::FallbackBold => "DJVBLD",
        }
    }

    /// The font file, for a screen that draws the same letters.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => ATKINSON_REGULAR,
            Face::Bold => ATKINSON_BOLD,
            Face::FallbackRegular => DEJAVU_REGULAR,
            Face::FallbackBold => DEJAVU_BOLD,
        }
    }

    /// The family name inside the font file.
    pub fn family(self) -> &'static str {
        match self {
            Face::Regular | Face::Bold => "Atkinson Hyperlegible",
            Face::FallbackRegular | Face::FallbackBold => "DejaVu Sans",
        }
    }

    /// Whether the face is bold.
    pub fn is_bold(self) -> bool {
        matches!(self, Face::Bold | Face::FallbackBold)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A parsed face with its metrics, ready for measuring.
pub struct LoadedFace {
    /// The parsed font, handed to printpdf for embedding.
    pub parsed: ParsedFont,
    units_per_em: f32,
    /// Glyph advance (in em) by character, filled as characters are met.
    advances: Mutex<HashMap<char, Option<f32>>>,
}

impl LoadedFace {
    fn load(face: Face) -> Option<Self> {
        let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new())?;
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        Some(Self {
            parsed,
            units_per_em,
            advances: Mutex::new(HashMap::new()),
        })
    }

    /// The advance of `c` in em, or `None` when the face has no glyph for it.
    pub fn advance(&self, c: char) -> Option<f32> {
        let lookup = || {
            let glyph = self.parsed.lookup_glyph_index(u32::from(c))?;
            // Glyph 0 is .notdef: the empty box this module exists to avoid.
            (glyph != 0)
                .then(|| f32::from(self.parsed.get_horizontal_advance(glyph)) / self.units_per_em)
        };
        match self.advances.lock() {
            Ok(mut cache) => *cache.entry(c).or_insert_with(lookup),
            Err(_) => lookup(),
        }
    }
}

/// The four faces, parsed.
pub struct Fonts {
    faces: Vec<LoadedFace>,
}

/// How one character is printed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    /// The face that prints it.
    pub face: Face,
    /// The character printed: the original, or `?` when no face has it.
    pub ch: char,
    /// Its advance in em.
    pub advance: f32,
    /// True when the original character could not be printed.
    pub missing: bool,
}

impl Fonts {
    /// The fonts, parsed on first use; `None` only if an embedded font file
    /// is broken, which the tests rule out.
    pub fn get() -> Option<&'static Fonts> {
        static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                let faces = Face::ALL
                    .iter()
                    .map(|&face| LoadedFace::load(face))
                    .collect::<Option<Vec<_>>>()?;
                Some(Fonts { faces })
            })
            .as_ref()
    }

    /// The parsed face.
    pub fn face(&self, face: Face) -> &LoadedFace {
        &self.faces[face.index()]
    }

    /// Picks the face for `c`: Atkinson if it has the character, else
    /// DejaVu Sans, else a visible `?` flagged as missing.
    pub fn resolve(&self, c: char, weight: Weight) -> Resolved {
        let c = printable(c);
        let primary = Face::primary(weight);
        if let Some(advance) = self.face(primary).advance(c) {
            return Resolved {
                face: primary,
                ch: c,
                advance,
                missing: false,
            };
        }
        let fallback = Face::fallback(weight);
        if let Some(advance) = self.face(fallback).advance(c) {
            return Resolved {
                face: fallback,
                ch: c,
                advance,
                missing: false,
            };
        }
        Resolved {
            face: primary,
            ch: '?',
            advance: self.face(primary).advance('?').unwrap_or(0.5),
            missing: true,
        }
    }

    /// Width of plain text in em, for headings and labels that never wrap.
    pub fn measure(&self, text: &str, weight: Weight) -> f32 {
        text.chars()
            .filter(|&c| !is_invisible(c))
            .map(|c| self.resolve(c, weight).advance)
            .sum()
    }
}

/// Characters that take no room and print nothing; they are dropped
/// rather than shown as `?`.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}'
    ) || (c.is_control() && c != '\n' && c != '\t')
}

/// Spaces of every kind print as a plain space.
fn printable(c: char) -> char {
    if c == '\t' || (c.is_whitespace() && c != '\u{00A0}') {
        ' '
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_font_parses() {
        let fonts = Fonts::get().expect("embedded fonts parse");
        for face in Face::ALL {
            assert!(fonts.face(face).advance('a').is_some(), "{face:?}");
        }
    }

    #[test]
    fn atkinson_first_then_dejavu_then_a_visible_question_mark() {
        let fonts = Fonts::get().unwrap();
        let latin = fonts.resolve('ß', Weight::Regular);
        assert_eq!(
            (latin.face, latin.ch, latin.missing),
            (Face::Regular, 'ß', false)
        );
        let cyrillic = fonts.resolve('Ж', Weight::Bold);
        assert_eq!(cyrillic.face, Face::FallbackBold);
        let arrow = fonts.resolve('→', Weight::Regular);
        assert_eq!(arrow.face, Face::FallbackRegular);
        let nothing = fonts.resolve('中', Weight::Regular);
        assert_eq!((nothing.ch, nothing.missing), ('?', true));
        assert!(nothing.advance > 0.0);
    }
}
