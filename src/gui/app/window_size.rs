//! The window's size: it opens at the size it last had (1280 × 720 the
//! first time), never larger than the screen it is on, and the size is
//! saved a moment after the last resize, so dragging a corner does not
//! write the settings file on every step.

use super::{App, Message};
use crate::gui::after;
use iced::{Size, Task, window};
use ptbuilder_core::store::{Settings, WindowSize};
use std::time::Duration;

/// The size of a first start.
const DEFAULT: Size = Size::new(1280.0, 720.0);
/// The smallest window every pane and sheet works in.
pub const MIN: Size = Size::new(1000.0, 620.0);
/// How long after the last resize the size is saved.
const SAVE_AFTER: Duration = Duration::from_secs(1);
/// A window this close to the screen's size is maximized instead: the
/// title bar and a taskbar would otherwise push its bottom off the screen
/// (1280 × 720 on a 1366 × 768 laptop).
const NEARLY_FULL: f32 = 0.92;

/// Window events the app keeps track of.
#[derive(Debug, Clone)]
pub enum Event {
    /// The screen the window opened on was measured (`None`: unknown).
    ScreenMeasured(window::Id, Option<Size>),
    /// The window changed size.
    Resized(Size),
    /// Time to save the last size.
    SaveDue,
}

/// The size to open at: the remembered one, or the default.
pub fn initial(settings: &Settings) -> Size {
    settings
        .window
        .map(|size| Size::new(size.width as f32, size.height as f32))
        .unwrap_or(DEFAULT)
        .max(MIN)
}

/// How a window of `wanted` size is fitted to a screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// It fits with room for the title bar and a taskbar: leave it.
    Fits,
    /// Nearly the screen's size: maximize it, so the window system fits
    /// it between the title bar and the taskbar.
    Maximize,
    /// Larger than the screen (a size remembered from a bigger one):
    /// shrink it to this, then maximize.
    Shrink(Size),
}

/// How a window of `wanted` size is fitted to `screen`.
pub fn fit(wanted: Size, screen: Size) -> Fit {
    if wanted.width > screen.width || wanted.height > screen.height {
        Fit::Shrink(wanted.min(screen))
    } else if wanted.width > screen.width * NEARLY_FULL
        || wanted.height > screen.height * NEARLY_FULL
    {
        Fit::Maximize
    } else {
        Fit::Fits
    }
}

/// Measures the screen the window opened on.
pub fn measure() -> Task<Message> {
    window::latest().and_then(|id| {
        window::monitor_size(id)
            .map(move |screen| Message::Window(Event::ScreenMeasured(id, screen)))
    })
}

impl App {
    pub(super) fn window_event(&mut self, event: Event) -> Task<Message> {
        match event {
            Event::ScreenMeasured(id, Some(screen)) => {
                // A screen smaller than the smallest size that works still
                // gets a window that fits it.
                let min = window::set_min_size(id, Some(MIN.min(screen)));
                match fit(self.window.size, screen) {
                    Fit::Fits => Task::none(),
                    Fit::Maximize => Task::batch([min, window::maximize(id, true)]),
                    Fit::Shrink(size) => {
                        self.window.size = size;
                        Task::batch([min, window::resize(id, size), window::maximize(id, true)])
                    }
                }
            }
            Event::ScreenMeasured(_, None) => Task::none(),
            Event::Resized(size) => {
                self.window.size = size;
                if self.window.save_due {
                    Task::none()
                } else {
                    self.window.save_due = true;
                    after(SAVE_AFTER, Message::Window(Event::SaveDue))
                }
            }
            Event::SaveDue => {
                self.window.save_due = false;
                let size = Some(WindowSize {
                    width: self.window.size.width.round() as u32,
                    height: self.window.size.height.round() as u32,
                });
                if self.settings.window == size {
                    return Task::none();
                }
                self.settings.window = size;
                self.save_settings_quietly(self.settings.clone())
            }
        }
    }
}

/// The window's size as the app knows it.
#[derive(Debug, Clone, Copy)]
pub struct Tracked {
    /// The last size reported (or asked for).
    pub size: Size,
    /// A save of the size is scheduled.
    pub save_due: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_window_fits_a_large_screen_and_is_maximized_on_a_laptop() {
        let first = initial(&Settings::default());
        assert_eq!(first, Size::new(1280.0, 720.0));
        assert_eq!(fit(first, Size::new(1920.0, 1080.0)), Fit::Fits);
        assert_eq!(
            fit(first, Size::new(1366.0, 768.0)),
            Fit::Maximize,
            "too tall for the title bar and taskbar: maximized"
        );
        assert_eq!(
            fit(Size::new(1900.0, 1000.0), Size::new(1280.0, 720.0)),
            Fit::Shrink(Size::new(1280.0, 720.0)),
            "a size remembered from a bigger screen shrinks to this one"
        );
    }

    #[test]
    fn a_remembered_size_is_used_but_never_below_the_smallest_that_works() {
        let settings = |width, height| Settings {
            window: Some(WindowSize { width, height }),
            ..Settings::default()
        };
        assert_eq!(initial(&settings(1400, 900)), Size::new(1400.0, 900.0));
        assert_eq!(initial(&settings(300, 200)), MIN);
    }
}
