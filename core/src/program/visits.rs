//! The progress log: at each follow-up visit, what the patient's returned
//! tracking chart shows (days each exercise was done out of the days
//! planned, pain scores, a short note). Visits live in the program file
//! (an optional field, so older files still open) and stay with the
//! program as it is progressed.
//!
//! The typed-entry parsers here are the same rules the file validation
//! applies, so the window refuses beside the field exactly what
//! `ptbuilder check` would refuse in the file.

use crate::library::ExerciseId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The highest pain score (0 is no pain, 10 the worst imaginable).
pub const MAX_PAIN: u8 = 10;
/// The most days a visit can cover: longer gaps are a typing slip.
pub const MAX_DAYS: u16 = 366;
/// The most pain scores one visit holds: one a day for the longest gap.
pub const MAX_SCORES: usize = MAX_DAYS as usize;
/// Characters in a visit's note.
pub const NOTE_CHARS: usize = 500;

/// How often one exercise was done since the last visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Done {
    /// Which exercise.
    pub exercise: ExerciseId,
    /// Days the patient did it.
    pub days: u16,
    /// Days it was planned for.
    pub planned: u16,
}

/// One follow-up visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// The day of the visit.
    pub date: NaiveDate,
    /// Days done out of planned, per exercise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<Done>,
    /// Pain scores 0–10: one a day from the chart, or a single weekly
    /// average as the patient reported it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pain: Vec<u8>,
    /// A short note ("walked to the shops twice").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Visit {
    /// A visit on `date` with nothing recorded yet.
    pub fn on(date: NaiveDate) -> Self {
        Self {
            date,
            done: Vec::new(),
            pain: Vec::new(),
            note: String::new(),
        }
    }

    /// The average pain score, `None` when none was recorded.
    pub fn average_pain(&self) -> Option<f32> {
        if self.pain.is_empty() {
            return None;
        }
        let sum: u32 = self.pain.iter().map(|&p| u32::from(p)).sum();
        Some(sum as f32 / self.pain.len() as f32)
    }

    /// The share of planned sessions done, 0 to 1; `None` when nothing
    /// was planned.
    pub fn share_done(&self) -> Option<f32> {
        let planned: u32 = self.done.iter().map(|d| u32::from(d.planned)).sum();
        let days: u32 = self.done.iter().map(|d| u32::from(d.days)).sum();
        (planned > 0).then(|| days as f32 / planned as f32)
    }

    /// "12 of 14 sessions (86%)", or "—" when nothing was planned.
    pub fn done_words(&self) -> String {
        let planned: u32 = self.done.iter().map(|d| u32::from(d.planned)).sum();
        let days: u32 = self.done.iter().map(|d| u32::from(d.days)).sum();
        match self.share_done() {
            Some(share) => format!("{days} of {planned} sessions ({:.0}%)", share * 100.0),
            None => "—".to_string(),
        }
    }

    /// "3.5" (average of the scores), or "—".
    pub fn pain_words(&self) -> String {
        match self.average_pain() {
            Some(pain) if pain.fract() == 0.0 => format!("{pain:.0}"),
            Some(pain) => format!("{pain:.1}"),
            None => "—".to_string(),
        }
    }
}

/// What is wrong with days done out of planned, in words for the
/// therapist; `None` when it makes sense.
pub fn days_problem(days: u16, planned: u16) -> Option<String> {
    if planned > MAX_DAYS {
        Some(format!(
            "{planned} planned days is more than a visit can cover ({MAX_DAYS})"
        ))
    } else if days > planned {
        Some(format!(
            "{days} days done is more than the {planned} planned"
        ))
    } else {
        None
    }
}

/// What is wrong with a pain score, `None` when it is 0 to 10.
pub fn pain_problem(score: u8) -> Option<String> {
    (score > MAX_PAIN).then(|| format!("pain {score} is not a score from 0 to {MAX_PAIN}"))
}

/// What is wrong with a visit's date, given when the program was made.
pub fn date_problem(date: NaiveDate, created: NaiveDate) -> Option<String> {
    (date < created)
        .then(|| format!("the visit on {date} is before the program was made ({created})"))
}

/// Reads "5 of 7", "5/7" or "5" (of `planned`) typed by the therapist.
pub fn parse_days(text: &str, planned: u16) -> Result<(u16, u16), String> {
    let text = text.trim();
    let (days, planned_text) = match text.split_once(['/', ' ']) {
        Some((days, rest)) => {
            let rest = rest.trim();
            let rest = rest.strip_prefix("of").unwrap_or(rest).trim();
            (days.trim(), Some(rest))
        }
        None => (text, None),
    };
    let number = |t: &str| {
        t.parse::<u16>()
            .map_err(|_| format!("type days as a number, like \"5\" or \"5 of {planned}\""))
    };
    let days = number(days)?;
    let planned = match planned_text {
        Some(t) => number(t)?,
        None => planned,
    };
    match days_problem(days, planned) {
        Some(problem) => Err(problem),
        None => Ok((days, planned)),
    }
}

/// Reads pain scores typed as "3" (an average) or "3 4 2 5" / "3,4,2"
/// (one a day); empty text is no scores.
pub fn parse_pain(text: &str) -> Result<Vec<u8>, String> {
    let scores: Vec<&str> = text
        .split([' ', ',', ';'])
        .filter(|t| !t.is_empty())
        .collect();
    if scores.len() > MAX_SCORES {
        return Err(format!("at most {MAX_SCORES} scores, one a day"));
    }
    scores
        .iter()
        .map(|t| {
            let score = t
                .parse::<u8>()
                .map_err(|_| format!("pain {t:?} is not a score from 0 to {MAX_PAIN}"))?;
            match pain_problem(score) {
                Some(problem) => Err(problem),
                None => Ok(score),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn a_visit_sums_sessions_done_and_averages_pain() {
        let mut visit = Visit::on(date(3, 16));
        assert_eq!(visit.done_words(), "—");
        assert_eq!(visit.pain_words(), "—");
        visit.done = vec![
            Done {
                exercise: ExerciseId::new("bridge"),
                days: 5,
                planned: 7,
            },
            Done {
                exercise: ExerciseId::new("plank"),
                days: 7,
                planned: 7,
            },
        ];
        visit.pain = vec![4, 3];
        assert_eq!(visit.done_words(), "12 of 14 sessions (86%)");
        assert_eq!(visit.pain_words(), "3.5");
    }

    #[test]
    fn typed_days_are_read_in_the_ways_a_therapist_writes_them() {
        assert_eq!(parse_days("5", 7), Ok((5, 7)));
        assert_eq!(parse_days("5 of 6", 7), Ok((5, 6)));
        assert_eq!(parse_days(" 4/5 ", 7), Ok((4, 5)));
        assert_eq!(
            parse_days("7 of 5", 7),
            Err("7 days done is more than the 5 planned".to_string())
        );
        assert!(parse_days("most", 7).is_err());
    }

    #[test]
    fn pain_is_scores_from_0_to_10() {
        assert_eq!(parse_pain("3"), Ok(vec![3]));
        assert_eq!(parse_pain("3 4,2"), Ok(vec![3, 4, 2]));
        assert_eq!(parse_pain(""), Ok(vec![]));
        assert_eq!(
            parse_pain("3 11"),
            Err("pain 11 is not a score from 0 to 10".to_string())
        );
        assert!(parse_pain("bad").is_err());
    }

    #[test]
    fn a_visit_before_the_program_was_made_is_refused() {
        assert!(date_problem(date(3, 1), date(3, 2)).is_some());
        assert!(date_problem(date(3, 2), date(3, 2)).is_none());
    }
}
