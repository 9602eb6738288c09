//! The desktop app, in iced: the only module that knows about windows.
//!
//! [`App`] is the root. It owns the library and the panes, and its
//! `update` hands each message to the pane it belongs to; each pane has
//! its own `State`, `Message`, `update` returning an `Action`, and `view`.
//! Everything that touches the disk runs in a background thread so the
//! window never freezes.

mod app;
mod dialog;
mod editor;
mod error;
mod exercise_editor;
mod export;
mod file_dialogs;
mod finder;
mod help;
mod open_sheet;
mod pictures;
mod preview;
mod print_sheet;
mod save_as;
mod settings;
mod shortcuts;
mod style;
mod templates;
mod visits;
mod widgets;

pub use app::{App, Message};
pub use error::Error;
pub use finder::Message as FinderMessage;
pub use finder::row_id as library_row_id;
pub use print_sheet::Message as PrintMessage;

use iced::Task;
use iced::futures::channel::oneshot;
use ptbuilder_core::store::Store;
use std::future::Future;
use std::path::PathBuf;

/// The app's fonts and text size, shared by the window and the tests.
pub fn settings() -> iced::Settings {
    // The handout's own typefaces, so the preview draws its letters.
    let fonts = ptbuilder_core::handout::Face::ALL
        .iter()
        .map(|face| std::borrow::Cow::Borrowed(face.bytes()))
        .collect();
    iced::Settings {
        default_text_size: style::TEXT.into(),
        fonts,
        ..iced::Settings::default()
    }
}

/// Opens the window (with `file` open in it, when given) and runs until it
/// closes. A window system that refuses the window (no display) is
/// reported as an error, not a crash.
pub fn run(store: Store, file: Option<PathBuf>) -> Result<(), String> {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| open(store, file)));
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err("no window could be opened (is a display available?)".to_string()),
    }
}

/// The app's icon for the window and the taskbar.
fn icon() -> Option<iced::window::Icon> {
    const PNG: &[u8] = include_bytes!("../../packaging/icons/hicolor/64x64/apps/ptbuilder.png");
    iced::window::icon::from_file_data(PNG, None).ok()
}

fn open(store: Store, file: Option<PathBuf>) -> iced::Result {
    let (size, min_size) = App::window_size(&store);
    iced::application(
        move || App::opening(store.clone(), file.clone()),
        App::update,
        App::view,
    )
    .title(App::title)
    .theme(App::theme)
    .subscription(App::subscription)
    .settings(settings())
    .window(iced::window::Settings {
        size,
        min_size: Some(min_size),
        icon: icon(),
        // On Linux, docks match the window to ptbuilder.desktop by this.
        #[cfg(target_os = "linux")]
        platform_specific: iced::window::settings::PlatformSpecific {
            application_id: "ptbuilder".to_string(),
            ..Default::default()
        },
        ..iced::window::Settings::default()
    })
    .exit_on_close_request(false)
    .run()
}

/// Runs blocking `work` on its own thread; the future resolves with its
/// result, or with an error if the work panicked (nothing is lost: the
/// work never replaces a file until it has fully succeeded).
pub fn background<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> impl Future<Output = Result<T, Error>> + Send + 'static {
    let (sender, receiver) = oneshot::channel();
    std::thread::spawn(move || {
        let _ = sender.send(work());
    });
    async move {
        receiver.await.unwrap_or_else(|_| {
            Err(Error::Other(
                "An unexpected problem stopped this task; nothing was changed.".to_string(),
            ))
        })
    }
}

/// A task that runs blocking `work` off the UI thread and reports with `done`.
pub fn perform<T: Send + 'static, M: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
    done: impl FnOnce(Result<T, Error>) -> M + Send + 'static,
) -> Task<M> {
    Task::perform(background(work), done)
}

/// A task that delivers `message` after `delay`, for timers.
pub fn after<M: Send + 'static>(delay: std::time::Duration, message: M) -> Task<M> {
    Task::perform(
        background(move || {
            std::thread::sleep(delay);
            Ok(())
        }),
        move |_| message,
    )
}
