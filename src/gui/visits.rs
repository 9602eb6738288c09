//! The Progress sheet: a follow-up visit entered from the patient's
//! returned chart, keyboard first (type, Enter to the next field, Enter on
//! the note records the visit), beside a small chart of pain and the share
//! of planned sessions done at each visit so far.
//!
//! Each typed field keeps its last good value: text that makes no sense
//! ("7 of 5", pain 11, a date before the program) is refused beside the
//! field with the same words the file check uses, and never reaches the
//! program.

use super::style;
use super::widgets::{self, label};
use chrono::NaiveDate;
use iced::widget::{Column, column, container, image, row, scrollable, text};
use iced::{Alignment, Element, Fill, Length, Padding, Task};
use ptbuilder_core::handout::progress_chart::{self, ChartFrame};
use ptbuilder_core::library::{ExerciseId, Library};
use ptbuilder_core::program::visits::{self, date_problem, parse_days, parse_pain};
use ptbuilder_core::program::{Done, Program, Visit, input};
use ptbuilder_core::store::pictures::{decode, thumbnail};
use ptbuilder_core::store::{Picture, PictureFormat};
use std::borrow::Cow;

/// The date field, focused when the sheet opens.
pub const DATE_ID: &str = "visit-date";
/// The pain field.
pub const PAIN_ID: &str = "visit-pain";
/// The note field.
pub const NOTE_ID: &str = "visit-note";

/// The id of exercise row `n`'s days field.
pub fn days_id(n: usize) -> String {
    format!("visit-days-{n}")
}

/// Width and height of the chart in the sheet, in pixels.
const CHART: (f32, f32) = (360.0, 150.0);

/// One exercise's days done, as typed and as last accepted.
#[derive(Debug, Clone)]
struct DaysRow {
    exercise: ExerciseId,
    name: String,
    text: String,
    value: (u16, u16),
    refusal: Option<String>,
}

/// The sheet.
#[derive(Debug)]
pub struct State {
    created: NaiveDate,
    date_text: String,
    date: NaiveDate,
    date_refusal: Option<String>,
    rows: Vec<DaysRow>,
    pain_text: String,
    pain: Vec<u8>,
    pain_refusal: Option<String>,
    note: String,
    earlier: Vec<Visit>,
    chart: Option<image::Handle>,
}

/// Something done in the sheet.
#[derive(Debug, Clone)]
pub enum Message {
    /// The visit date was typed.
    DateChanged(String),
    /// Days done for exercise row `n` were typed.
    DaysChanged(usize, String),
    /// The pain scores were typed.
    PainChanged(String),
    /// The note was typed.
    NoteChanged(String),
    /// Enter in a field: on to the next one.
    Next,
    /// Record the visit.
    Record,
    /// Close without recording.
    Cancel,
}

/// What the app must do.
#[derive(Debug)]
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task for this sheet.
    Run(Task<Message>),
    /// Add this visit to the program.
    Record(Visit),
    /// Close the sheet.
    Close,
}

/// Planned days for an exercise done `days_per_week` over `days` days.
fn planned(days_per_week: u8, days: i64) -> u16 {
    let days = days.clamp(1, i64::from(visits::MAX_DAYS));
    let per_week = i64::from(days_per_week.clamp(1, 7));
    ((days * per_week + 6) / 7) as u16
}

impl State {
    /// The sheet for a visit on `today` to a patient on `program`: one row
    /// per exercise, each planned for the days since the last visit (or
    /// the start) at its dose's days a week, all done until told otherwise.
    pub fn new(program: &Program, library: &Library, today: NaiveDate) -> Self {
        let since = program
            .visits
            .last()
            .map(|v| v.date)
            .or(program.start)
            .unwrap_or(program.created);
        let days = (today - since).num_days().max(7);
        let mut seen: Vec<&ExerciseId> = Vec::new();
        let rows = program
            .items()
            .filter(|item| {
                let new = !seen.contains(&&item.exercise);
                seen.push(&item.exercise);
                new
            })
            .map(|item| {
                let exercise = program.exercise(&item.exercise, library);
                let name = exercise.map_or_else(|| item.exercise.to_string(), |e| e.name.clone());
                let per_week = exercise.map_or(7, |e| item.dose_or(e).days_per_week);
                let plan = planned(per_week, days);
                DaysRow {
                    exercise: item.exercise.clone(),
                    name,
                    text: plan.to_string(),
                    value: (plan, plan),
                    refusal: None,
                }
            })
            .collect();
        let mut state = Self {
            created: program.created,
            date_text: today.format("%Y-%m-%d").to_string(),
            date: today,
            date_refusal: None,
            rows,
            pain_text: String::new(),
            pain: Vec::new(),
            pain_refusal: None,
            note: String::new(),
            earlier: program.visits.clone(),
            chart: None,
        };
        state.redraw();
        state
    }

    /// The task that puts the cursor in the date field.
    pub fn focus() -> Task<Message> {
        iced::widget::operation::focus(DATE_ID)
    }

    /// The visit as it stands, from the last good values.
    pub fn visit(&self) -> Visit {
        Visit {
            date: self.date,
            done: self
                .rows
                .iter()
                .map(|row| Done {
                    exercise: row.exercise.clone(),
                    days: row.value.0,
                    planned: row.value.1,
                })
                .collect(),
            pain: self.pain.clone(),
            note: self.note.trim().to_string(),
        }
    }

    /// True when any field shows a refusal.
    pub fn has_refusals(&self) -> bool {
        self.date_refusal.is_some()
            || self.pain_refusal.is_some()
            || self.rows.iter().any(|r| r.refusal.is_some())
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::DateChanged(text) => {
                let parsed = input::parse_date(&text)
                    .map_err(|refusal| refusal.message().to_string())
                    .and_then(|date| date.ok_or_else(|| "type the date of the visit".to_string()))
                    .and_then(|date| match date_problem(date, self.created) {
                        Some(problem) => Err(problem),
                        None => Ok(date),
                    });
                match parsed {
                    Ok(date) => {
                        self.date = date;
                        self.date_refusal = None;
                    }
                    Err(problem) => self.date_refusal = Some(problem),
                }
                self.date_text = text;
            }
            Message::DaysChanged(n, text) => {
                if let Some(row) = self.rows.get_mut(n) {
                    match parse_days(&text, row.value.1) {
                        Ok(value) => {
                            row.value = value;
                            row.refusal = None;
                        }
                        Err(problem) => row.refusal = Some(problem),
                    }
                    row.text = text;
                }
            }
            Message::PainChanged(text) => {
                match parse_pain(&text) {
                    Ok(pain) => {
                        self.pain = pain;
                        self.pain_refusal = None;
                    }
                    Err(problem) => self.pain_refusal = Some(problem),
                }
                self.pain_text = text;
            }
            Message::NoteChanged(text) => {
                self.note = text.chars().take(visits::NOTE_CHARS).collect();
            }
            Message::Next => {
                return Action::Run(iced::widget::operation::focus_next());
            }
            Message::Record if self.has_refusals() => {}
            Message::Record => return Action::Record(self.visit()),
            Message::Cancel => return Action::Close,
        }
        self.redraw();
        Action::None
    }

    /// Draws the chart of the earlier visits and this one.
    fn redraw(&mut self) {
        let mut shown = self.earlier.clone();
        let visit = self.visit();
        match shown.binary_search_by_key(&visit.date, |v| v.date) {
            Ok(at) => shown[at] = visit,
            Err(at) => shown.insert(at, visit),
        }
        let shown = &shown[shown
            .len()
            .saturating_sub(ptbuilder_core::handout::CHART_VISITS)..];
        self.chart = chart_image(shown);
    }

    /// The sheet.
    pub fn view(&self) -> Element<'_, Message> {
        let date = widgets::field_with(
            "Date of the visit (YYYY-MM-DD)",
            widgets::input(
                "2026-03-16",
                &self.date_text,
                Message::DateChanged,
                self.date_refusal.is_some(),
            )
            .id(DATE_ID)
            .on_submit(Message::Next)
            .width(Length::Fixed(180.0)),
            self.date_refusal.as_deref(),
        );
        let mut days = Column::new()
            .spacing(6)
            .push(label("Days done, from the chart (“5” or “5 of 7”)"));
        for (n, row) in self.rows.iter().enumerate() {
            days = days.push(days_row(n, row));
        }
        let pain = widgets::field_with(
            "Pain, 0 to 10: one a day (“3 4 2”) or the week's average (“3”)",
            widgets::input(
                "3 4 2 3 2 2 1",
                &self.pain_text,
                Message::PainChanged,
                self.pain_refusal.is_some(),
            )
            .id(PAIN_ID)
            .on_submit(Message::Next),
            self.pain_refusal.as_deref(),
        );
        let note = widgets::field_with(
            "Note (optional)",
            widgets::input(
                "Walked to the shops twice",
                &self.note,
                Message::NoteChanged,
                false,
            )
            .id(NOTE_ID)
            .on_submit(Message::Record),
            None,
        );
        // Room on the right for the scroll bar, so it never covers a field.
        let form = column![date, days, pain, note]
            .spacing(style::SECTION)
            .padding(Padding::ZERO.right(16.0));
        let body = row![
            scrollable(form).height(Fill).width(Fill),
            self.progress_view()
        ]
        .spacing(style::SECTION * 1.5);
        let ready = !self.has_refusals();
        widgets::tall_sheet(
            "Record a visit",
            body,
            vec![
                widgets::secondary_button("Cancel", Some(Message::Cancel)).into(),
                widgets::primary_button("Record visit", ready.then_some(Message::Record)).into(),
            ],
            980.0,
            640.0,
        )
    }

    /// The chart and the visits so far, newest first.
    fn progress_view(&self) -> Element<'_, Message> {
        let chart: Element<'_, Message> = match &self.chart {
            Some(handle) => image(handle.clone())
                .width(Length::Fixed(CHART.0))
                .height(Length::Fixed(CHART.1))
                .into(),
            None => text("The chart cannot be drawn.")
                .style(style::muted)
                .into(),
        };
        let mut list = Column::new().spacing(4).push(
            row![
                text("Visit")
                    .size(style::SMALL)
                    .style(style::muted)
                    .width(Length::Fixed(110.0)),
                text("Sessions done")
                    .size(style::SMALL)
                    .style(style::muted)
                    .width(Fill),
                text("Pain")
                    .size(style::SMALL)
                    .style(style::muted)
                    .width(Length::Fixed(50.0)),
            ]
            .spacing(style::GAP),
        );
        let this = self.visit();
        let rows = std::iter::once((&this, true)).chain(
            self.earlier
                .iter()
                .rev()
                .filter(|v| v.date != this.date)
                .map(|v| (v, false)),
        );
        for (visit, now) in rows.take(8) {
            let date = if now {
                format!("{} (this)", visit.date.format("%-d %b"))
            } else {
                visit.date.format("%-d %b %Y").to_string()
            };
            list = list.push(
                row![
                    text(date).size(style::SMALL).width(Length::Fixed(110.0)),
                    text(visit.done_words()).size(style::SMALL).width(Fill),
                    text(visit.pain_words())
                        .size(style::SMALL)
                        .width(Length::Fixed(50.0)),
                ]
                .spacing(style::GAP),
            );
        }
        column![
            label("Pain (line, 0–10) and sessions done (grey bars, 0–100%)"),
            container(chart).style(style::picture_frame).padding(4),
            list,
        ]
        .spacing(style::GAP)
        .width(Length::Fixed(CHART.0 + 10.0))
        .into()
    }
}

/// One exercise: its name, the days field and "of N planned".
fn days_row(n: usize, row: &DaysRow) -> Element<'_, Message> {
    let field = widgets::input(
        "7",
        &row.text,
        move |t| Message::DaysChanged(n, t),
        row.refusal.is_some(),
    )
    .id(days_id(n))
    .on_submit(Message::Next)
    .width(Length::Fixed(90.0));
    let line = iced::widget::row![
        text(&row.name).size(style::TEXT).width(Fill),
        field,
        text(format!("of {} planned", row.value.1))
            .size(style::SMALL)
            .style(style::muted)
            .width(Length::Fixed(110.0)),
    ]
    .spacing(style::GAP)
    .align_y(Alignment::Center);
    let mut content = column![line].spacing(2);
    if let Some(refusal) = &row.refusal {
        content = content.push(
            text(refusal.as_str())
                .size(style::SMALL)
                .style(style::error_text),
        );
    }
    content.into()
}

/// The chart drawn by the core (the same drawing as the progress report)
/// as a picture for the window, at twice the size for a sharp screen.
fn chart_image(visits: &[Visit]) -> Option<image::Handle> {
    let frame = ChartFrame::new(CHART.0, CHART.1, visits.len());
    let picture = Picture {
        name: "progress chart".into(),
        format: PictureFormat::Svg,
        bytes: Cow::Owned(progress_chart::svg(visits, frame).into_bytes()),
    };
    let decoded = decode(&picture).ok()?;
    let pixels = thumbnail(&decoded, (CHART.0 * 2.0) as u32, (CHART.1 * 2.0) as u32);
    let (w, h) = pixels.dimensions();
    Some(image::Handle::from_rgba(w, h, pixels.into_raw()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ptbuilder_core::program::Item;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn sheet() -> State {
        let library = Library::builtin();
        let mut program = Program::new(date(2));
        for id in ["bridge", "plank"] {
            let exercise = library.get(&ExerciseId::new(id)).unwrap();
            program.phases[0].items.push(Item::new(exercise));
        }
        State::new(&program, library, date(16))
    }

    #[test]
    fn a_new_visit_plans_the_days_since_the_start_and_counts_them_done() {
        let sheet = sheet();
        let visit = sheet.visit();
        assert_eq!(visit.date, date(16));
        assert_eq!(visit.done.len(), 2);
        assert!(
            visit
                .done
                .iter()
                .all(|d| d.days == d.planned && d.planned > 0)
        );
        assert!(sheet.chart.is_some(), "the chart is drawn");
    }

    #[test]
    fn nonsense_is_refused_beside_the_field_and_the_last_good_value_kept() {
        let mut sheet = sheet();
        let _ = sheet.update(Message::DaysChanged(0, "5 of 7".into()));
        let _ = sheet.update(Message::DaysChanged(0, "7 of 5".into()));
        assert_eq!(sheet.visit().done[0].days, 5, "the last good value stays");
        assert!(
            sheet.rows[0]
                .refusal
                .as_deref()
                .unwrap()
                .contains("more than the 5 planned")
        );
        assert!(matches!(sheet.update(Message::Record), Action::None));
        let _ = sheet.update(Message::DaysChanged(0, "6".into()));
        let _ = sheet.update(Message::PainChanged("3 11".into()));
        assert!(sheet.pain_refusal.as_deref().unwrap().contains("pain 11"));
        assert!(sheet.visit().pain.is_empty());
        let _ = sheet.update(Message::PainChanged("3 4".into()));
        let _ = sheet.update(Message::DateChanged("2026-02-27".into()));
        assert!(
            sheet
                .date_refusal
                .as_deref()
                .unwrap()
                .contains("before the program")
        );
        assert_eq!(sheet.visit().date, date(16));
        let _ = sheet.update(Message::DateChanged("2026-03-15".into()));
        match sheet.update(Message::Record) {
            Action::Record(visit) => {
                assert_eq!(visit.date, date(15));
                assert_eq!(visit.pain, [3, 4]);
                assert_eq!(visit.done[0].days, 6);
            }
            other => panic!("{other:?}"),
        }
    }
}
