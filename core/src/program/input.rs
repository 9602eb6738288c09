//! Turning what the therapist types into program values, or a refusal that
//! says plainly why and what to type instead.
//!
//! A refused value never reaches the program: the editor keeps the last
//! valid one and shows the message beside the field.

use super::validate::limits;
use super::{Dose, Span};
use chrono::NaiveDate;
use std::fmt;

/// Why typed text was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The text is on its way to a valid value ("20-" on the way to
    /// "20-30"); worth a hint, not an error.
    Unfinished(String),
    /// The text cannot become a valid value as it stands.
    Invalid(String),
}

impl Refusal {
    /// The message to show beside the field.
    pub fn message(&self) -> &str {
        match self {
            Refusal::Unfinished(message) | Refusal::Invalid(message) => message,
        }
    }

    /// True for a real error rather than a typing-in-progress hint.
    pub fn is_error(&self) -> bool {
        matches!(self, Refusal::Invalid(_))
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// One editable part of a [`Dose`] (the side is chosen from a list, so it
/// is not typed and not here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DoseField {
    /// Rounds of repetitions.
    Sets,
    /// Repetitions per set.
    Reps,
    /// Seconds to hold, one value or a range.
    Hold,
    /// Seconds of rest between sets.
    Rest,
    /// Minutes for timed activities, one value or a range.
    Minutes,
    /// Sessions a day.
    PerDay,
    /// Days a week.
    DaysPerWeek,
    /// Weight or band, in words.
    Load,
    /// A moment to do it ("every time you get out of bed"), instead of
    /// times a day and days a week.
    When,
}

impl DoseField {
    /// Every field, in the order the editor shows them.
    pub const ALL: [DoseField; 9] = [
        DoseField::Sets,
        DoseField::Reps,
        DoseField::Hold,
        DoseField::Rest,
        DoseField::Minutes,
        DoseField::PerDay,
        DoseField::DaysPerWeek,
        DoseField::Load,
        DoseField::When,
    ];

    /// The field's name in files, as in `dose.reps`.
    pub fn name(self) -> &'static str {
        match self {
            DoseField::Sets => "sets",
            DoseField::Reps => "reps",
            DoseField::Hold => "hold",
            DoseField::Rest => "rest",
            DoseField::Minutes => "minutes",
            DoseField::PerDay => "per_day",
            DoseField::DaysPerWeek => "days_per_week",
            DoseField::Load => "load",
            DoseField::When => "when",
        }
    }

    /// A short label for the editor.
    pub fn label(self) -> &'static str {
        match self {
            DoseField::Sets => "Sets",
            DoseField::Reps => "Reps",
            DoseField::Hold => "Hold (s)",
            DoseField::Rest => "Rest (s)",
            DoseField::Minutes => "Minutes",
            DoseField::PerDay => "Times a day",
            DoseField::DaysPerWeek => "Days a week",
            DoseField::Load => "Load",
            DoseField::When => "When (instead of a schedule)",
        }
    }

    /// The field's current value as the editor shows it; empty when unset.
    pub fn text(self, dose: &Dose) -> String {
        let optional = |value: Option<u16>| value.map(|v| v.to_string()).unwrap_or_default();
        let span = |value: Option<Span>| value.map(span_text).unwrap_or_default();
        match self {
            DoseField::Sets => optional(dose.sets),
            DoseField::Reps => optional(dose.reps),
            DoseField::Hold => span(dose.hold),
            DoseField::Rest => optional(dose.rest),
            DoseField::Minutes => span(dose.minutes),
            DoseField::PerDay => dose.per_day.to_string(),
            DoseField::DaysPerWeek => dose.days_per_week.to_string(),
            DoseField::Load => dose.load.clone().unwrap_or_default(),
            DoseField::When => dose.when.clone().unwrap_or_default(),
        }
    }

    /// `dose` with this field set from `text`, or why not.
    pub fn apply(self, dose: &Dose, text: &str) -> Result<Dose, Refusal> {
        let mut changed = dose.clone();
        let text = text.trim();
        match self {
            DoseField::Sets => {
                changed.sets = optional_count(text, 1, limits::SETS, "Sets")?;
            }
            DoseField::Reps => {
                changed.reps = optional_count(text, 1, limits::REPS, "Reps")?;
            }
            DoseField::Rest => {
                changed.rest = optional_count(text, 0, limits::REST_SECONDS, "Rest (in seconds)")?;
            }
            DoseField::Hold => {
                changed.hold = optional_span(
                    text,
                    limits::HOLD_SECONDS,
                    "Hold must be seconds from 1 to 300: one number like 30, or a range like 20-30",
                )?;
            }
            DoseField::Minutes => {
                changed.minutes = optional_span(
                    text,
                    limits::MINUTES,
                    "Minutes must be from 1 to 180: one number like 10, or a range like 10-15",
                )?;
            }
            DoseField::PerDay => {
                changed.per_day = required_count(text, limits::PER_DAY, "Times a day")?;
            }
            DoseField::DaysPerWeek => {
                changed.days_per_week = required_count(text, limits::DAYS_PER_WEEK, "Days a week")?;
            }
            DoseField::Load => changed.load = short_text(text, "Load")?,
            DoseField::When => changed.when = short_text(text, "When")?,
        }
        let has_when = changed
            .when
            .as_deref()
            .is_some_and(|w| !w.trim().is_empty());
        if changed.sets.is_none()
            && changed.reps.is_none()
            && changed.hold.is_none()
            && changed.minutes.is_none()
            && !has_when
        {
            return Err(Refusal::Invalid(
                "The dose needs something to do: give reps, a hold, minutes or when to do it"
                    .to_string(),
            ));
        }
        Ok(changed)
    }
}

impl fmt::Display for DoseField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Optional words of at most [`limits::SHORT_TEXT`] characters.
fn short_text(text: &str, what: &str) -> Result<Option<String>, Refusal> {
    if text.chars().count() > limits::SHORT_TEXT {
        return Err(Refusal::Invalid(format!(
            "{what} must be {} characters or fewer",
            limits::SHORT_TEXT
        )));
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}

/// A span the way people type it back: "20" or "20-30".
fn span_text(span: Span) -> String {
    if span.low == span.high {
        span.low.to_string()
    } else {
        format!("{}-{}", span.low, span.high)
    }
}

/// An optional whole number from `low` to `high`; empty means unset.
fn optional_count(text: &str, low: u16, high: u16, what: &str) -> Result<Option<u16>, Refusal> {
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u16>() {
        Ok(value) if (low..=high).contains(&value) => Ok(Some(value)),
        _ => Err(Refusal::Invalid(format!(
            "{what} must be a whole number from {low} to {high}"
        ))),
    }
}

/// A required whole number from 1 to `high`.
fn required_count(text: &str, high: u8, what: &str) -> Result<u8, Refusal> {
    match text.parse::<u8>() {
        Ok(value) if (1..=high).contains(&value) => Ok(value),
        _ => Err(Refusal::Invalid(format!(
            "{what} must be a whole number from 1 to {high}"
        ))),
    }
}

/// An optional span from 1 to `high`; empty means unset.
fn optional_span(text: &str, high: u16, message: &str) -> Result<Option<Span>, Refusal> {
    if text.is_empty() {
        return Ok(None);
    }
    let unfinished = text.ends_with(['-', '–']) || text.ends_with(" to") || text.ends_with(" to ");
    if unfinished {
        let start = text
            .trim_end_matches(['-', '–', ' '])
            .trim_end_matches(" to");
        if start.trim().parse::<u16>().is_ok() {
            return Err(Refusal::Unfinished(
                "Finish the range, like 20-30".to_string(),
            ));
        }
    }
    match Span::parse(text) {
        Some(span) if span.low >= 1 && span.high <= high => Ok(Some(span)),
        _ => Err(Refusal::Invalid(message.to_string())),
    }
}

/// Weeks a phase lasts; empty means not set.
pub fn parse_weeks(text: &str) -> Result<Option<u8>, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(weeks) if (1..=limits::PHASE_WEEKS).contains(&weeks) => Ok(Some(weeks)),
        _ => Err(Refusal::Invalid(format!(
            "Weeks must be a whole number from 1 to {}",
            limits::PHASE_WEEKS
        ))),
    }
}

/// A date written YYYY-MM-DD; empty means no date.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let shape_ok = {
        let parts: Vec<&str> = text.split('-').collect();
        parts.len() == 3
            && parts[0].len() == 4
            && (1..=2).contains(&parts[1].len())
            && (1..=2).contains(&parts[2].len())
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    if !shape_ok {
        let could_grow = text.len() < 10 && text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        let message = "Write the date as YYYY-MM-DD, like 2026-03-04".to_string();
        return Err(if could_grow {
            Refusal::Unfinished(message)
        } else {
            Refusal::Invalid(message)
        });
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| Refusal::Invalid(format!("There is no date {text}; check the month and day")))
}

/// The lines of a text box as list entries: trimmed, blank lines dropped.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// Comma-separated words as list entries ("superman, prone extension").
pub fn comma_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::Side;

    fn reps(n: u16) -> Dose {
        Dose {
            reps: Some(n),
            ..Dose::default()
        }
    }

    #[test]
    fn valid_numbers_are_taken() {
        let dose = reps(10);
        assert_eq!(DoseField::Reps.apply(&dose, " 12 ").unwrap().reps, Some(12));
        assert_eq!(DoseField::Sets.apply(&dose, "3").unwrap().sets, Some(3));
        assert_eq!(
            DoseField::Hold.apply(&dose, "20-30").unwrap().hold,
            Some(Span::between(20, 30))
        );
        assert_eq!(
            DoseField::Minutes.apply(&dose, "10 to 15").unwrap().minutes,
            Some(Span::between(10, 15))
        );
        assert_eq!(DoseField::Rest.apply(&dose, "0").unwrap().rest, Some(0));
        assert_eq!(DoseField::PerDay.apply(&dose, "2").unwrap().per_day, 2);
        assert_eq!(
            DoseField::Load.apply(&dose, " red band ").unwrap().load,
            Some("red band".to_string())
        );
        assert_eq!(
            DoseField::When
                .apply(&dose, "after each walk")
                .unwrap()
                .when,
            Some("after each walk".to_string())
        );
    }

    #[test]
    fn refusals_say_what_is_allowed() {
        let dose = reps(10);
        for (field, text, message) in [
            (
                DoseField::Reps,
                "500",
                "Reps must be a whole number from 1 to 100",
            ),
            (
                DoseField::Reps,
                "ten",
                "Reps must be a whole number from 1 to 100",
            ),
            (
                DoseField::Reps,
                "0",
                "Reps must be a whole number from 1 to 100",
            ),
            (
                DoseField::Sets,
                "11",
                "Sets must be a whole number from 1 to 10",
            ),
            (
                DoseField::Hold,
                "0-30",
                "Hold must be seconds from 1 to 300: one number like 30, or a range like 20-30",
            ),
            (
                DoseField::Rest,
                "-5",
                "Rest (in seconds) must be a whole number from 0 to 600",
            ),
            (
                DoseField::PerDay,
                "",
                "Times a day must be a whole number from 1 to 12",
            ),
            (
                DoseField::DaysPerWeek,
                "8",
                "Days a week must be a whole number from 1 to 7",
            ),
        ] {
            let refusal = field.apply(&dose, text).unwrap_err();
            assert!(refusal.is_error(), "{field:?} {text:?}");
            assert_eq!(refusal.message(), message, "{field:?} {text:?}");
        }
    }

    #[test]
    fn a_half_typed_range_is_a_hint_not_an_error() {
        let refusal = DoseField::Hold.apply(&reps(10), "20-").unwrap_err();
        assert!(!refusal.is_error());
        assert_eq!(refusal.message(), "Finish the range, like 20-30");
    }

    #[test]
    fn clearing_a_field_unsets_it_unless_the_dose_would_be_empty() {
        let dose = Dose {
            reps: Some(10),
            hold: Some(Span::exactly(5)),
            ..Dose::default()
        };
        assert_eq!(DoseField::Hold.apply(&dose, "").unwrap().hold, None);
        let only_reps = reps(10);
        let refusal = DoseField::Reps.apply(&only_reps, "").unwrap_err();
        assert!(
            refusal
                .message()
                .starts_with("The dose needs something to do")
        );
    }

    #[test]
    fn text_shows_what_people_type() {
        let dose = Dose {
            hold: Some(Span::between(20, 30)),
            side: Side::EachSide,
            per_day: 2,
            ..Dose::default()
        };
        assert_eq!(DoseField::Hold.text(&dose), "20-30");
        assert_eq!(DoseField::Reps.text(&dose), "");
        assert_eq!(DoseField::PerDay.text(&dose), "2");
        // What the editor shows parses back to the same dose.
        for field in DoseField::ALL {
            if field == DoseField::Reps || field == DoseField::Sets {
                continue;
            }
            let text = field.text(&dose);
            if let Ok(back) = field.apply(&dose, &text) {
                assert_eq!(back, dose, "{field:?}");
            }
        }
    }

    #[test]
    fn weeks_and_dates() {
        assert_eq!(parse_weeks("4"), Ok(Some(4)));
        assert_eq!(parse_weeks(""), Ok(None));
        assert_eq!(
            parse_weeks("60").unwrap_err().message(),
            "Weeks must be a whole number from 1 to 52"
        );
        assert_eq!(
            parse_date("2026-03-04"),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 4))
        );
        assert_eq!(parse_date(" "), Ok(None));
        assert!(!parse_date("2026-03").unwrap_err().is_error());
        assert!(parse_date("4 March").unwrap_err().is_error());
        assert_eq!(
            parse_date("2026-02-30").unwrap_err().message(),
            "There is no date 2026-02-30; check the month and day"
        );
    }

    #[test]
    fn lists_from_text() {
        assert_eq!(
            lines("Walk daily\n\n  Sleep well \n"),
            ["Walk daily", "Sleep well"]
        );
        assert_eq!(
            comma_list("superman, , prone ext "),
            ["superman", "prone ext"]
        );
    }
}
