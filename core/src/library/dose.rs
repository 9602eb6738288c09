//! How much of an exercise to do, and how to say it in plain words.
//!
//! A [`Dose`] holds the numbers a therapist sets (sets, repetitions, hold,
//! rest, minutes, side, times a day, days a week, load). [`Dose::describe`]
//! turns them into short sentences a patient can follow without doing any
//! sums, and [`Dose::session_seconds`] estimates how long it takes.

use crate::lang::{self, Words};
use serde::{Deserialize, Serialize};
use std::fmt;

mod changes;

/// A number of seconds or minutes: one value ("20") or a range ("20 to 30").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// The lower (or only) value.
    pub low: u16,
    /// The upper value; equal to `low` for a single value.
    pub high: u16,
}

impl Span {
    /// A single value.
    pub const fn exactly(value: u16) -> Self {
        Self {
            low: value,
            high: value,
        }
    }

    /// A range; the two ends may be given in either order.
    pub fn between(a: u16, b: u16) -> Self {
        Self {
            low: a.min(b),
            high: a.max(b),
        }
    }

    /// The middle of the span, used for time estimates.
    pub fn middle(self) -> f64 {
        (f64::from(self.low) + f64::from(self.high)) / 2.0
    }

    /// Parses "20", "20-30", "20–30" or "20 to 30".
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let split = text
            .split_once(['-', '–'])
            .or_else(|| text.split_once(" to "));
        match split {
            Some((a, b)) => Some(Self::between(
                a.trim().parse().ok()?,
                b.trim().parse().ok()?,
            )),
            None => text.parse().ok().map(Self::exactly),
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.low == self.high {
            write!(f, "{}", self.low)
        } else {
            write!(f, "{}–{}", self.low, self.high)
        }
    }
}

/// On disk a span is a plain number (`20`) or a pair (`(20, 30)`).
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum SpanOnDisk {
    One(u16),
    Two(u16, u16),
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.low == self.high {
            SpanOnDisk::One(self.low).serialize(serializer)
        } else {
            SpanOnDisk::Two(self.low, self.high).serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match SpanOnDisk::deserialize(deserializer)? {
            SpanOnDisk::One(value) => Self::exactly(value),
            SpanOnDisk::Two(a, b) => Self::between(a, b),
        })
    }
}

/// Which side of the body the exercise is done on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Side {
    /// Both sides at once, or the exercise has no side (a bridge, walking).
    #[default]
    Both,
    /// The full dose on the left, then the full dose on the right.
    EachSide,
    /// Left side only.
    Left,
    /// Right side only.
    Right,
}

impl Side {
    /// Every side, in the order a menu shows them.
    pub const ALL: [Side; 4] = [Side::Both, Side::EachSide, Side::Left, Side::Right];

    /// A short label for menus.
    pub fn label(self) -> &'static str {
        match self {
            Side::Both => "Both / no side",
            Side::EachSide => "Each side",
            Side::Left => "Left only",
            Side::Right => "Right only",
        }
    }

    /// How many times the dose is done per round.
    fn repeats(self) -> u32 {
        if self == Side::EachSide { 2 } else { 1 }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The amount of an exercise and how often to do it.
///
/// Every count is optional because exercises differ: a stretch is held and
/// repeated, a walk lasts some minutes, a heat pack stays on for a while.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Dose {
    /// Rounds (sets) of the repetitions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sets: Option<u16>,
    /// Repetitions in each set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reps: Option<u16>,
    /// Seconds to hold each repetition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hold: Option<Span>,
    /// Seconds of rest between sets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rest: Option<u16>,
    /// Minutes, for timed activities (a walk, a heat pack).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes: Option<Span>,
    /// Which side of the body.
    pub side: Side,
    /// Sessions per day.
    pub per_day: u8,
    /// Days per week.
    pub days_per_week: u8,
    /// Weight, band colour or other resistance, in the therapist's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load: Option<String>,
    /// When to do it, for advice tied to a moment rather than a count
    /// ("every time you get out of bed"); replaces times a day and days a week.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
}

impl Default for Dose {
    fn default() -> Self {
        Self {
            sets: None,
            reps: None,
            hold: None,
            rest: None,
            minutes: None,
            side: Side::Both,
            per_day: 1,
            days_per_week: 7,
            load: None,
            when: None,
        }
    }
}

/// Seconds allowed per repetition for the movement itself, on top of any hold.
const SECONDS_PER_MOVE: f64 = 4.0;
/// Seconds to get into position for each exercise.
const SECONDS_TO_SET_UP: f64 = 20.0;

impl Dose {
    /// The dose as short sentences for the patient, in English, with no
    /// sums to do.
    ///
    /// For example: "Hold for 20 to 30 seconds. Do it 3 times. Twice a day,
    /// every day."
    pub fn describe(&self) -> String {
        self.describe_in(lang::words(lang::ENGLISH))
    }

    /// The dose as short sentences in the handout's language: "Mantenga la
    /// posición de 20 a 30 segundos. Hágalo 3 veces. 2 veces al día, todos
    /// los días."
    pub fn describe_in(&self, words: &Words) -> String {
        let mut sentences = self.timing(words);
        if let Some(line) = self.repeat_sentence(words) {
            sentences.push(line);
        } else if let Some(side) = self.side_phrase(words) {
            sentences.push(words.with("dose-side", &[("side", (&side).into())]));
        }
        sentences.extend(self.load_sentence(words));
        sentences.push(self.frequency_in(words));
        sentences.join(" ")
    }

    /// The dose in the fewest plain words, for the summary card beside the
    /// handout that explains it in full: sets in one short sentence.
    ///
    /// For example: "Hold for 3 seconds. Do 2 sets of 10, with a 1-minute
    /// rest between. Once a day, 3 days a week."
    pub fn brief(&self) -> String {
        self.brief_in(lang::words(lang::ENGLISH))
    }

    /// [`Dose::brief`] in the handout's language.
    pub fn brief_in(&self, words: &Words) -> String {
        let sets = self.sets.filter(|&s| s > 1);
        let (Some(reps), Some(sets)) = (self.reps.filter(|&r| r > 1), sets) else {
            return self.describe_in(words);
        };
        let mut sentences = self.timing(words);
        let rest = match self.rest.filter(|&r| r > 0) {
            Some(rest) => words.with(
                "dose-brief-rest",
                &[("rest", (&rest_words(words, rest)).into())],
            ),
            None => String::new(),
        };
        sentences.push(words.with(
            "dose-brief-sets",
            &[
                ("sets", sets.into()),
                ("reps", reps.into()),
                ("side", (&self.side_suffix(words)).into()),
                ("rest", (&rest).into()),
            ],
        ));
        sentences.extend(self.load_sentence(words));
        sentences.push(self.frequency_in(words));
        sentences.join(" ")
    }

    /// How long to keep going and to hold, as sentences.
    fn timing(&self, words: &Words) -> Vec<String> {
        let mut sentences = Vec::new();
        if let Some(minutes) = self.minutes {
            sentences.push(span_words(words, "dose-minutes", minutes));
        }
        if let Some(hold) = self.hold {
            sentences.push(span_words(words, "dose-hold", hold));
        }
        sentences
    }

    /// "Use: a light band." when the therapist named a load.
    fn load_sentence(&self, words: &Words) -> Option<String> {
        let load = self
            .load
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())?;
        Some(words.with("dose-load", &[("load", load.into())]))
    }

    /// "Do it 10 times on each side." or, with sets, "Do it 10 times on each
    /// side. That is one set. Do 3 sets, with a 30-second rest between sets."
    fn repeat_sentence(&self, words: &Words) -> Option<String> {
        let side = self.side_suffix(words);
        let reps = self.reps.filter(|&r| r > 0);
        let sets = self.sets.filter(|&s| s > 1);
        let times = |n: u16| words.with("times", &[("n", n.into())]);
        match (reps, sets) {
            (Some(reps), Some(sets)) => {
                let rest = match self.rest.filter(|&r| r > 0) {
                    Some(rest) => words.with(
                        "dose-rest-between-sets",
                        &[("rest", (&rest_words(words, rest)).into())],
                    ),
                    None => String::new(),
                };
                Some(words.with(
                    "dose-sets",
                    &[
                        ("times", (&times(reps)).into()),
                        ("side", (&side).into()),
                        ("sets", sets.into()),
                        ("rest", (&rest).into()),
                    ],
                ))
            }
            (Some(n), None) | (None, Some(n)) => Some(words.with(
                "dose-repeat",
                &[("times", (&times(n)).into()), ("side", (&side).into())],
            )),
            (None, None) => None,
        }
    }

    fn side_phrase(&self, words: &Words) -> Option<String> {
        let id = match self.side {
            Side::Both => return None,
            Side::EachSide => "side-each",
            Side::Left => "side-left",
            Side::Right => "side-right",
        };
        Some(words.get(id))
    }

    /// The side with a space before it, or nothing.
    fn side_suffix(&self, words: &Words) -> String {
        self.side_phrase(words)
            .map(|s| format!(" {s}"))
            .unwrap_or_default()
    }

    /// The moment to do it, when the therapist gave one.
    fn when(&self) -> Option<&str> {
        self.when
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty())
    }

    /// "Twice a day, every day." / "Once a day, 3 days a week." / "Do this
    /// every time you get out of bed."
    pub fn frequency(&self) -> String {
        self.frequency_in(lang::words(lang::ENGLISH))
    }

    /// [`Dose::frequency`] in the handout's language.
    pub fn frequency_in(&self, words: &Words) -> String {
        if let Some(when) = self.when() {
            let when = when.trim_end_matches('.');
            return words.with("dose-when", &[("when", when.into())]);
        }
        let per_day = words.with("per-day", &[("n", self.per_day.max(1).into())]);
        let days = match self.days_per_week {
            0 | 7.. => 7,
            n => n,
        };
        let days = words.with("days-a-week", &[("n", days.into())]);
        words.with(
            "dose-frequency",
            &[("per_day", (&per_day).into()), ("days", (&days).into())],
        )
    }

    /// A compact form for lists and tables: "3 × 10, hold 5 s, each side".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        match (self.sets, self.reps) {
            (Some(s), Some(r)) => parts.push(format!("{s} × {r}")),
            (None, Some(1)) => parts.push("1 rep".to_string()),
            (None, Some(r)) => parts.push(format!("{r} reps")),
            (Some(1), None) => parts.push("1 set".to_string()),
            (Some(s), None) => parts.push(format!("{s} sets")),
            (None, None) => {}
        }
        if let Some(hold) = self.hold {
            parts.push(format!("hold {hold} s"));
        }
        if let Some(minutes) = self.minutes {
            parts.push(format!("{minutes} min"));
        }
        if self.side != Side::Both {
            parts.push(self.side.label().to_lowercase());
        }
        if let Some(when) = self.when() {
            parts.push(when.trim_end_matches('.').to_string());
        } else {
            parts.push(format!("{}×/day", self.per_day.max(1)));
            if self.days_per_week < 7 {
                parts.push(format!("{} d/wk", self.days_per_week));
            }
        }
        parts.join(", ")
    }

    /// Estimated seconds for one session of this exercise.
    pub fn session_seconds(&self) -> f64 {
        let sides = f64::from(self.side.repeats());
        let mut seconds = SECONDS_TO_SET_UP;
        if let Some(minutes) = self.minutes {
            seconds += minutes.middle() * 60.0;
        }
        let reps = f64::from(self.reps.unwrap_or(0));
        let sets = f64::from(self.sets.unwrap_or(1).max(1));
        let hold = self.hold.map_or(0.0, Span::middle);
        let per_rep = if reps > 0.0 {
            hold + SECONDS_PER_MOVE
        } else {
            0.0
        };
        let single_hold = if reps == 0.0 { hold } else { 0.0 };
        seconds += (reps * per_rep + single_hold) * sides * sets;
        seconds += f64::from(self.rest.unwrap_or(0)) * (sets - 1.0);
        seconds
    }
}

/// "Hold for 20 to 30 seconds." from a message and its range twin.
fn span_words(words: &Words, id: &str, span: Span) -> String {
    if span.low == span.high {
        words.with(id, &[("n", span.low.into())])
    } else {
        words.with(
            &format!("{id}-range"),
            &[("low", span.low.into()), ("high", span.high.into())],
        )
    }
}

/// "30-second", "1-minute", "2-minute", "90-second".
fn rest_words(words: &Words, seconds: u16) -> String {
    if seconds >= 60 && seconds.is_multiple_of(60) {
        words.with("rest-minutes", &[("n", (seconds / 60).into())])
    } else {
        words.with("rest-seconds", &[("n", seconds.into())])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stretch() -> Dose {
        Dose {
            reps: Some(3),
            hold: Some(Span::between(20, 30)),
            per_day: 2,
            ..Dose::default()
        }
    }

    #[test]
    fn a_changed_dose_says_what_it_is_now_and_what_it_was() {
        let old = Dose {
            reps: Some(10),
            ..Dose::default()
        };
        let new = Dose {
            reps: Some(12),
            per_day: 2,
            ..Dose::default()
        };
        assert_eq!(
            new.changes_since(&old),
            [
                "now 12 times (was 10)",
                "now twice a day, every day (was once)"
            ]
        );
        assert!(new.changes_since(&new.clone()).is_empty());
        let banded = Dose {
            load: Some("red band".into()),
            ..old.clone()
        };
        assert_eq!(old.changes_since(&banded), ["no longer use: red band"]);
        let held = Dose {
            hold: Some(Span::between(10, 10)),
            ..old.clone()
        };
        let longer = Dose {
            hold: Some(Span::between(20, 30)),
            ..old.clone()
        };
        assert_eq!(
            longer.changes_since(&held),
            ["now hold for 20 to 30 seconds (was 10)"]
        );
    }

    #[test]
    fn stretch_reads_as_in_the_guidance() {
        assert_eq!(
            stretch().describe(),
            "Hold for 20 to 30 seconds. Do it 3 times. Twice a day, every day."
        );
    }

    #[test]
    fn sets_are_explained_without_sums() {
        let dose = Dose {
            sets: Some(3),
            reps: Some(10),
            rest: Some(60),
            side: Side::EachSide,
            days_per_week: 3,
            ..Dose::default()
        };
        assert_eq!(
            dose.describe(),
            "Do it 10 times on each side. That is one set. Do 3 sets, with a \
             1-minute rest between sets. Once a day, 3 days a week."
        );
    }

    #[test]
    fn the_card_says_sets_in_one_sentence_and_the_rest_as_in_full() {
        let dose = Dose {
            sets: Some(3),
            reps: Some(10),
            rest: Some(60),
            side: Side::EachSide,
            days_per_week: 3,
            ..Dose::default()
        };
        assert_eq!(
            dose.brief(),
            "Do 3 sets of 10 on each side, with a 1-minute rest between. Once a day, 3 days a week."
        );
        assert_eq!(stretch().brief(), stretch().describe());
    }

    #[test]
    fn timed_activity_and_load() {
        let dose = Dose {
            minutes: Some(Span::between(15, 20)),
            load: Some("a light band ".into()),
            per_day: 3,
            ..Dose::default()
        };
        assert_eq!(
            dose.describe(),
            "Keep going for 15 to 20 minutes. Use: a light band. 3 times a day, every day."
        );
    }

    #[test]
    fn one_side_only_is_named() {
        let dose = Dose {
            hold: Some(Span::exactly(30)),
            side: Side::Left,
            ..Dose::default()
        };
        assert_eq!(
            dose.describe(),
            "Hold for 30 seconds. Do it on your left side only. Once a day, every day."
        );
    }

    fn spanish() -> &'static Words {
        lang::words("es")
    }

    #[test]
    fn a_stretch_reads_in_spanish_as_in_the_guidance() {
        assert_eq!(
            stretch().describe_in(spanish()),
            "Mantenga la posición de 20 a 30 segundos. Hágalo 3 veces. \
             2 veces al día, todos los días."
        );
    }

    #[test]
    fn spanish_says_one_time_in_the_singular() {
        let once = Dose {
            reps: Some(1),
            hold: Some(Span::exactly(1)),
            minutes: Some(Span::exactly(1)),
            ..Dose::default()
        };
        assert_eq!(
            once.describe_in(spanish()),
            "Siga durante 1 minuto. Mantenga la posición durante 1 segundo. Hágalo 1 vez. \
             1 vez al día, todos los días."
        );
        let weekly = Dose {
            reps: Some(2),
            days_per_week: 1,
            ..Dose::default()
        };
        assert_eq!(
            weekly.describe_in(spanish()),
            "Hágalo 2 veces. 1 vez al día, 1 día a la semana."
        );
    }

    #[test]
    fn spanish_sets_sides_rest_and_load_read_as_sentences() {
        let dose = Dose {
            sets: Some(3),
            reps: Some(10),
            rest: Some(60),
            side: Side::EachSide,
            days_per_week: 3,
            load: Some("una banda elástica suave".into()),
            ..Dose::default()
        };
        assert_eq!(
            dose.describe_in(spanish()),
            "Hágalo 10 veces en cada lado. Eso es una serie. Haga 3 series, con un \
             descanso de 1 minuto entre series. Use: una banda elástica suave. \
             1 vez al día, 3 días a la semana."
        );
        assert_eq!(
            dose.brief_in(spanish()),
            "Haga 3 series de 10 en cada lado, con un descanso de 1 minuto entre series. \
             Use: una banda elástica suave. 1 vez al día, 3 días a la semana."
        );
        let left = Dose {
            hold: Some(Span::exactly(30)),
            rest: Some(90),
            sets: Some(2),
            reps: Some(5),
            side: Side::Left,
            per_day: 3,
            ..Dose::default()
        };
        assert_eq!(
            left.describe_in(spanish()),
            "Mantenga la posición durante 30 segundos. Hágalo 5 veces solo del lado izquierdo. \
             Eso es una serie. Haga 2 series, con un descanso de 90 segundos entre series. \
             3 veces al día, todos los días."
        );
        let side_only = Dose {
            minutes: Some(Span::between(15, 20)),
            side: Side::Right,
            ..Dose::default()
        };
        assert_eq!(
            side_only.describe_in(spanish()),
            "Siga de 15 a 20 minutos. Hágalo solo del lado derecho. 1 vez al día, todos los días."
        );
    }

    #[test]
    fn english_is_worded_the_same_through_either_door() {
        let english = lang::words("en");
        for dose in [stretch(), Dose::default()] {
            assert_eq!(dose.describe_in(english), dose.describe());
            assert_eq!(dose.brief_in(english), dose.brief());
        }
    }

    #[test]
    fn span_parses_the_ways_people_type_it() {
        assert_eq!(Span::parse("20"), Some(Span::exactly(20)));
        assert_eq!(Span::parse("20-30"), Some(Span::between(20, 30)));
        assert_eq!(Span::parse(" 30 – 20 "), Some(Span::between(20, 30)));
        assert_eq!(Span::parse("20 to 30"), Some(Span::between(20, 30)));
        assert_eq!(Span::parse("abc"), None);
        assert_eq!(Span::parse("-5"), None);
    }

    #[test]
    fn session_time_counts_sides_sets_and_rest() {
        let dose = Dose {
            sets: Some(2),
            reps: Some(10),
            hold: Some(Span::exactly(6)),
            rest: Some(30),
            side: Side::EachSide,
            ..Dose::default()
        };
        // 20 s set-up + 2 sets × 2 sides × 10 reps × (6 s hold + 4 s move) + 30 s rest.
        assert_eq!(dose.session_seconds(), 20.0 + 400.0 + 30.0);
        let walk = Dose {
            minutes: Some(Span::between(20, 30)),
            ..Dose::default()
        };
        assert_eq!(walk.session_seconds(), 20.0 + 25.0 * 60.0);
    }

    #[test]
    fn advice_tied_to_a_moment_says_when() {
        let dose = Dose {
            when: Some("every time you get out of bed".into()),
            ..Dose::default()
        };
        assert_eq!(dose.describe(), "Do this every time you get out of bed.");
        assert_eq!(dose.summary(), "every time you get out of bed");
        let walk = Dose {
            minutes: Some(Span::exactly(2)),
            when: Some("each hour you sit.".into()),
            ..Dose::default()
        };
        assert_eq!(
            walk.describe(),
            "Keep going for 2 minutes. Do this each hour you sit."
        );
    }

    #[test]
    fn summary_is_compact() {
        assert_eq!(stretch().summary(), "3 reps, hold 20–30 s, 2×/day");
    }

    #[test]
    fn span_round_trips_through_ron() {
        for span in [Span::exactly(10), Span::between(20, 30)] {
            let text = ron::to_string(&span).unwrap();
            assert_eq!(ron::from_str::<Span>(&text).unwrap(), span);
        }
        assert_eq!(ron::to_string(&Span::between(20, 30)).unwrap(), "(20,30)");
    }
}
