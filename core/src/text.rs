//! Text helpers shared by search, ids, validation and messages.

use unicode_normalization::UnicodeNormalization;

/// Lower-cases text and strips accents so "Élan" and "elan" compare equal.
///
/// ß becomes "ss" and a few ligatures are spelled out, so German and French
/// names fold the way people type them.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        match c {
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The text with its first letter in upper case, for messages that start
/// a line on their own ("name is empty" → "Name is empty").
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A count with its noun, for the therapist's messages: "1 page",
/// "3 pages". (Patient handouts word numbers through their own language.)
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::{capitalize, count, fold};

    #[test]
    fn counts_say_one_or_many() {
        assert_eq!(count(1, "page"), "1 page");
        assert_eq!(count(0, "error"), "0 errors");
        assert_eq!(count(12, "exercise"), "12 exercises");
    }

    #[test]
    fn capitalizes_only_the_first_letter() {
        assert_eq!(capitalize("über 100 reps"), "Über 100 reps");
        assert_eq!(capitalize(""), "");
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Élan Über Straße Ñandú"), "elan uber strasse nandu");
        assert_eq!(fold("CHILD’S"), "child’s");
    }
}
