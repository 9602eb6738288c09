//! What changed between two doses, in the plain English words the "What's
//! new" lines use ("now 12 times (was 10)"). English only for now: the
//! box is printed on English handouts.

use super::{Dose, Span};
use crate::lang;

/// One aspect of a dose that changed, in the dose's own words: "now 12
/// times (was 10)", "now hold for 10 seconds (was 5 seconds)", "no longer
/// use: red band".
fn changed(new: Option<String>, old: Option<String>) -> Option<String> {
    match (new, old) {
        (new, old) if new == old => None,
        (Some(new), Some(old)) => Some(format!("now {new} (was {})", what_differs(&new, &old))),
        (Some(new), None) => Some(format!("now {new}")),
        (None, Some(old)) => Some(format!("no longer {old}")),
        (None, None) => None,
    }
}

/// The words of `old` that differ from `new`, without the words they
/// share at the start and end: "12 times" / "10 times" gives "10", "twice
/// a day, every day" / "once a day, every day" gives "once".
fn what_differs(new: &str, old: &str) -> String {
    let (new, old): (Vec<&str>, Vec<&str>) = (
        new.split_whitespace().collect(),
        old.split_whitespace().collect(),
    );
    let front = new.iter().zip(&old).take_while(|(a, b)| a == b).count();
    let back = new
        .iter()
        .rev()
        .zip(old.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let end = old.len().saturating_sub(back);
    if front < end {
        old[front..end].join(" ").trim_end_matches(',').to_string()
    } else {
        old.join(" ")
    }
}

impl Dose {
    /// What changed from `old` to this dose, in the words the handout uses
    /// for a dose, one phrase per aspect and in the order the handout says
    /// them; empty when nothing a patient would notice changed.
    ///
    /// For example: `["now 12 times (was 10)", "now twice a day, every day
    /// (was once)"]`.
    pub fn changes_since(&self, old: &Dose) -> Vec<String> {
        let sets = |d: &Dose| d.sets.filter(|&s| s > 1).map(|s| format!("{s} sets"));
        let frequency = |d: &Dose| {
            let words = d.frequency();
            let words = words.trim_end_matches('.');
            let mut chars = words.chars();
            chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
        };
        let side = |d: &Dose| d.side_phrase(lang::words(lang::ENGLISH));
        let load = |d: &Dose| {
            d.load
                .as_deref()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| format!("use: {l}"))
        };
        [
            changed(
                self.minutes
                    .map(|m| format!("keep going for {}", minutes_words(m))),
                old.minutes
                    .map(|m| format!("keep going for {}", minutes_words(m))),
            ),
            changed(
                self.hold.map(|h| format!("hold for {}", seconds_words(h))),
                old.hold.map(|h| format!("hold for {}", seconds_words(h))),
            ),
            changed(
                self.reps.filter(|&r| r > 0).map(times),
                old.reps.filter(|&r| r > 0).map(times),
            ),
            changed(sets(self), sets(old)),
            changed(
                self.rest
                    .filter(|&r| r > 0)
                    .map(|r| format!("a {} rest", rest_words(r))),
                old.rest
                    .filter(|&r| r > 0)
                    .map(|r| format!("a {} rest", rest_words(r))),
            ),
            changed(side(self), side(old)),
            changed(load(self), load(old)),
            changed(frequency(self), frequency(old)),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// "1 time", "10 times".
fn times(n: u16) -> String {
    match n {
        1 => "once".to_string(),
        2 => "2 times".to_string(),
        n => format!("{n} times"),
    }
}

fn seconds_words(span: Span) -> String {
    if span.low == span.high {
        if span.low == 1 {
            "1 second".to_string()
        } else {
            format!("{} seconds", span.low)
        }
    } else {
        format!("{} to {} seconds", span.low, span.high)
    }
}

fn minutes_words(span: Span) -> String {
    if span.low == span.high {
        if span.low == 1 {
            "1 minute".to_string()
        } else {
            format!("{} minutes", span.low)
        }
    } else {
        format!("{} to {} minutes", span.low, span.high)
    }
}

/// "30-second", "1-minute", "2-minute", "90-second".
fn rest_words(seconds: u16) -> String {
    if seconds >= 60 && seconds.is_multiple_of(60) {
        format!("{}-minute", seconds / 60)
    } else {
        format!("{seconds}-second")
    }
}
