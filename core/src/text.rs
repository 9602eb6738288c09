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

/// Syllables in an English word, by vowel groups: close enough for a
/// reading grade (a silent final "e" does not count; every word has one).
fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let vowel = |c: char| "aeiouy".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for &c in &letters {
        let is_vowel = vowel(c);
        if is_vowel && !previous {
            groups += 1;
        }
        previous = is_vowel;
    }
    let silent_e = letters.len() > 2
        && letters.ends_with(&['e'])
        && !letters.ends_with(&['l', 'e'])
        && !vowel(letters[letters.len() - 2]);
    if silent_e && groups > 1 {
        groups -= 1;
    }
    groups.max(1)
}

/// The US school grade a text reads at (Flesch–Kincaid), or `None` for a
/// text without words.
pub fn reading_grade(text: &str) -> Option<f32> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '/' || c == '–' || c == '—')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return None;
    }
    let sentences = text
        .split(['.', '!', '?', ';', ':'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let (w, s, y) = (words.len() as f32, sentences as f32, syllables as f32);
    Some(0.39 * (w / s) + 11.8 * (y / w) - 15.59)
}

#[cfg(test)]
mod tests {
    use super::{capitalize, count, fold, reading_grade, syllables};

    #[test]
    fn syllables_are_counted_by_vowel_sounds() {
        for (word, expected) in [
            ("back", 1),
            ("knee", 1),
            ("stretch", 1),
            ("gently", 2),
            ("exercise", 3),
            ("table", 2),
            ("therapy", 3),
            ("make", 1),
        ] {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn plain_words_read_at_a_low_grade_and_jargon_at_a_high_one() {
        let plain =
            reading_grade("Lie on your back. Bend your knees. Hold for ten seconds.").unwrap();
        assert!(plain < 4.0, "{plain}");
        let dense = reading_grade(
            "Progressive lumbopelvic stabilization necessitates coordinated neuromuscular \
             activation of the transversus abdominis and multifidus musculature.",
        )
        .unwrap();
        assert!(dense > 12.0, "{dense}");
        assert_eq!(reading_grade("  12 / 10 "), None);
    }

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
