//! The live preview: the handout's real pages beside the program, drawn
//! from the same page marks the PDF is made from, so page breaks, pictures
//! and text are what will print; and the checker's findings above them,
//! each a button that takes the therapist to the place to fix it.
//!
//! Laying a handout out takes tens of milliseconds, too long for the UI
//! thread while the therapist types. So it runs in the background, one
//! layout at a time: an edit made while one runs waits, a newer edit
//! replaces the waiting one, and a layout that finishes after a newer edit
//! was asked for is thrown away. The last finished pages stay on screen
//! until the new ones are ready.

mod job;
mod page;
mod view;

use crate::gui::error::Error;
use crate::gui::perform;
use iced::widget::{canvas, operation};
use iced::{Task, widget};
use ptbuilder_core::handout::HandoutOptions;
use ptbuilder_core::library::Library;
use ptbuilder_core::program::{FieldPath, Program};
use ptbuilder_core::store::HandoutLayout;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub use job::Pages;
pub use view::view;

/// The words on one page, in the order they are drawn, for tests.
pub fn page_text(page: &ptbuilder_core::handout::Page) -> String {
    page.iter()
        .filter_map(|mark| match mark {
            ptbuilder_core::handout::Mark::Text { line, .. } => Some(
                line.pieces
                    .iter()
                    .map(|piece| piece.text.as_str())
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The scrolling column of pages.
pub const PAGES_ID: &str = "preview-pages";

/// What to lay out: the program as it is now, and how it will print.
#[derive(Debug, Clone)]
pub struct Request {
    /// The program.
    pub program: Program,
    /// The library its exercises come from.
    pub library: Arc<Library>,
    /// Paper, print size, layout and the rest.
    pub options: HandoutOptions,
}

/// The preview pane.
#[derive(Debug)]
pub struct State {
    /// The pages on screen.
    shown: Option<Arc<Pages>>,
    /// One drawing cache per page, cleared when new pages arrive.
    caches: Vec<canvas::Cache>,
    /// Why there are no pages (an empty program), in words.
    problem: Option<String>,
    /// The newest request's number; a layout with another number is stale.
    latest: Arc<AtomicU64>,
    /// A layout is running.
    running: bool,
    /// The newest request, waiting for the running layout to finish.
    waiting: Option<Request>,
    /// What was asked for last, so an unchanged program is not laid out
    /// again.
    asked: Option<(Program, HandoutOptions)>,
    /// The layout shown, chosen in the pane's header.
    layout: HandoutLayout,
    /// The page at the top of the view, from 0.
    page: usize,
    /// Pictures drawn for the screen, kept between layouts.
    rasters: Arc<job::Rasters>,
}

/// Something the therapist did in the pane, or a layout that finished.
#[derive(Debug, Clone)]
pub enum Message {
    /// A layout finished: its number, and its pages (`None` when a newer
    /// edit made it stale before it was done).
    Laid(u64, Result<Option<Arc<Pages>>, Error>),
    /// Another layout was chosen in the header.
    LayoutSelected(HandoutLayout),
    /// A checker finding was clicked.
    FindingSelected(FieldPath),
    /// The previous page button.
    PreviousPage,
    /// The next page button.
    NextPage,
    /// The pages were scrolled: how far down, from 0 to 1.
    Scrolled(f32),
    /// The close button.
    Close,
}

/// What the app must do after a preview message.
#[derive(Debug)]
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task for this pane.
    Run(Task<Message>),
    /// Lay the handout out again (the layout changed).
    Refresh,
    /// Show the program's field at this path.
    Reveal(FieldPath),
    /// Hide the pane.
    Close,
}

impl State {
    /// An empty pane that will show `layout`.
    pub fn new(layout: HandoutLayout) -> Self {
        Self {
            shown: None,
            caches: Vec::new(),
            problem: None,
            latest: Arc::new(AtomicU64::new(0)),
            running: false,
            waiting: None,
            asked: None,
            layout,
            page: 0,
            rasters: Arc::default(),
        }
    }

    /// The layout the pane shows, for the Export sheet to start from.
    pub fn layout(&self) -> HandoutLayout {
        self.layout
    }

    /// The pages on screen, for tests.
    pub fn pages(&self) -> Option<&Pages> {
        self.shown.as_deref()
    }

    /// A layout is running.
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// Asks for the pages of `request`, unless they are what was asked for
    /// last. Returns the task that lays them out, if one starts now.
    pub fn want(&mut self, mut request: Request) -> Task<Message> {
        request.options.layout = self.layout;
        let key = (request.program.clone(), request.options.clone());
        if self.asked.as_ref() == Some(&key) {
            return Task::none();
        }
        self.asked = Some(key);
        self.latest.fetch_add(1, Ordering::SeqCst);
        if self.running {
            self.waiting = Some(request);
            return Task::none();
        }
        self.start(request)
    }

    /// Starts laying out `request` in the background.
    fn start(&mut self, request: Request) -> Task<Message> {
        self.running = true;
        let generation = self.latest.load(Ordering::SeqCst);
        let (latest, rasters) = (Arc::clone(&self.latest), Arc::clone(&self.rasters));
        perform(
            move || job::lay_out(&request, generation, &latest, &rasters),
            move |result| Message::Laid(generation, result),
        )
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message) -> Action {
        match message {
            Message::Laid(generation, result) => self.laid(generation, result),
            Message::LayoutSelected(layout) => {
                self.layout = layout;
                Action::Refresh
            }
            Message::FindingSelected(path) => Action::Reveal(path),
            Message::PreviousPage => self.turn_to(self.page.saturating_sub(1)),
            Message::NextPage => self.turn_to(self.page + 1),
            Message::Scrolled(down) => {
                let last = self.page_count().saturating_sub(1);
                self.page = (down * last as f32).round() as usize;
                Action::None
            }
            Message::Close => Action::Close,
        }
    }

    fn laid(&mut self, generation: u64, result: Result<Option<Arc<Pages>>, Error>) -> Action {
        self.running = false;
        let current = generation == self.latest.load(Ordering::SeqCst);
        match result {
            Ok(Some(pages)) if current => {
                self.caches = pages.pages.iter().map(|_| canvas::Cache::new()).collect();
                self.problem = pages.problem.clone();
                self.page = self.page.min(pages.pages.len().saturating_sub(1));
                self.shown = Some(pages);
            }
            Err(error) if current => self.problem = Some(error.to_string()),
            _ => {}
        }
        match self.waiting.take() {
            Some(request) => Action::Run(self.start(request)),
            None => Action::None,
        }
    }

    fn page_count(&self) -> usize {
        self.shown.as_ref().map_or(0, |pages| pages.pages.len())
    }

    /// Scrolls so that page `page` (from 0) is at the top.
    fn turn_to(&mut self, page: usize) -> Action {
        let count = self.page_count();
        if count < 2 {
            return Action::None;
        }
        self.page = page.min(count - 1);
        let y = self.page as f32 / (count - 1) as f32;
        Action::Run(operation::snap_to(
            widget::Id::new(PAGES_ID),
            iced::widget::scrollable::RelativeOffset { x: 0.0, y },
        ))
    }
}
