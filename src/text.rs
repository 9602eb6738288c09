//! Text helpers shared by search, ids and validation.

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

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Élan Über Straße Ñandú"), "elan uber strasse nandu");
        assert_eq!(fold("CHILD’S"), "child’s");
    }
}
