//! The languages a handout can be printed in, and the handout's own words
//! in each of them.
//!
//! The words live in Project Fluent files (`assets/translations/<code>/
//! handout.ftl`), one message per label or sentence, with Fluent's plural
//! rules choosing "1 vez" or "3 veces". Adding a language is adding its
//! files (the handout words, the exercises in `assets/library/<code>/`,
//! the templates in `programs/<code>/`) and one line in [`LANGUAGES`].
//! The therapist's window stays in English; only the handout changes.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// A language a handout can be printed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// The code files use (`language: "es"`), a BCP 47 language tag.
    pub code: &'static str,
    /// The language's name in itself, for menus the patient may see.
    pub name: &'static str,
    /// Its name in English, for the therapist's messages.
    pub english_name: &'static str,
    /// The handout's words, in Fluent syntax.
    handout: &'static str,
}

/// "Español (Spanish)", for the therapist's menus.
impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.name == self.english_name {
            f.write_str(self.name)
        } else {
            write!(f, "{} ({})", self.name, self.english_name)
        }
    }
}

/// Every language, English first. Register a new one here.
pub static LANGUAGES: &[Language] = &[
    Language {
        code: "en",
        name: "English",
        english_name: "English",
        handout: include_str!("../../assets/translations/en/handout.ftl"),
    },
    Language {
        code: "es",
        name: "Español",
        english_name: "Spanish",
        handout: include_str!("../../assets/translations/es/handout.ftl"),
    },
];

/// The language of programs that name none, and of the exercises' own text.
pub const ENGLISH: &str = "en";

/// A language by its code.
pub fn find(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|language| language.code == code)
}

/// Every language's code, as typed on a command line.
pub fn codes() -> impl Iterator<Item = &'static str> {
    LANGUAGES.iter().map(|language| language.code)
}

/// "en", for serde defaults.
pub fn english() -> String {
    ENGLISH.to_string()
}

/// True for English, which files leave out.
pub fn is_english(code: &String) -> bool {
    code == ENGLISH
}

/// "unknown language "fr"; choose one of: en, es".
pub fn unknown(code: &str) -> String {
    format!(
        "unknown language {code:?}; choose one of: {}",
        codes().collect::<Vec<_>>().join(", ")
    )
}

/// A value put into a message: a number (which chooses the plural form)
/// or text.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// A count or amount.
    Number(i64),
    /// Words, printed as given.
    Text(&'a str),
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

/// The handout's words in one language.
pub struct Words {
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({})", self.code)
    }
}

impl Words {
    fn load(language: &'static Language) -> Self {
        let id = language
            .code
            .parse()
            .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No invisible direction marks around values: the PDF would carry them.
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(language.handout.to_string())
            .unwrap_or_else(|(partial, _)| partial);
        // A message the file repeats keeps its first wording; the test
        // suite checks every file parses cleanly.
        let _ = bundle.add_resource(resource);
        Self {
            code: language.code,
            bundle,
        }
    }

    /// The language's code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// True when the message exists in this language.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A message with no values.
    pub fn get(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// A message with values put in; a message this language lacks comes
    /// from English, so a handout never prints a bare message id.
    pub fn with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        if !self.has(id) && self.code != ENGLISH {
            return words(ENGLISH).with(id, args);
        }
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, arg) in args {
            let value: FluentValue = match *arg {
                Arg::Number(n) => n.into(),
                Arg::Text(text) => text.into(),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Every message id in this language's file: the names that start a
    /// line ("page-of = …"), comments and continuation lines aside.
    pub fn ids(&self) -> Vec<String> {
        let language = find(self.code).unwrap_or(&LANGUAGES[0]);
        language
            .handout
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_string()))
            .collect()
    }
}

/// The handout's words in the language with `code`; English for a code
/// that is not registered (validation has already named it).
pub fn words(code: &str) -> &'static Words {
    static LOADED: OnceLock<Vec<Words>> = OnceLock::new();
    let all = LOADED.get_or_init(|| LANGUAGES.iter().map(Words::load).collect());
    let index = LANGUAGES
        .iter()
        .position(|language| language.code == code)
        .unwrap_or(0);
    &all[index]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_handout_file_parses_and_names_the_same_messages() {
        let english = words(ENGLISH).ids();
        assert!(english.len() > 50, "{}", english.len());
        for language in LANGUAGES {
            let parsed = FluentResource::try_new(language.handout.to_string());
            assert!(parsed.is_ok(), "{}: {:?}", language.code, parsed.err());
            let mut ids = words(language.code).ids();
            let mut wanted = english.clone();
            ids.sort();
            wanted.sort();
            assert_eq!(ids, wanted, "{}", language.code);
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let es = words("es");
        assert_eq!(es.with("times", &[("n", 1u16.into())]), "1 vez");
        assert_eq!(es.with("times", &[("n", 3u16.into())]), "3 veces");
        let en = words("en");
        assert_eq!(en.with("times", &[("n", 1u16.into())]), "once");
        assert_eq!(en.with("times", &[("n", 3u16.into())]), "3 times");
    }

    #[test]
    fn unknown_languages_fall_back_to_english_and_are_named_with_the_choices() {
        assert_eq!(words("fr").code(), "en");
        assert_eq!(
            unknown("fr"),
            "unknown language \"fr\"; choose one of: en, es"
        );
        assert_eq!(find("es").map(|l| l.name), Some("Español"));
    }
}
