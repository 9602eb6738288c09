//! Runs an app's background tasks to completion outside a window, for the
//! headless GUI tests and the typing benchmark.

use iced::Task;
use iced_test::runtime::Action;
use iced_test::runtime::task::into_stream;
use ptbuilder::gui::{App, Message};
use std::sync::mpsc;
use std::time::Duration;

/// Runs a task's messages through the app until nothing more arrives for
/// a moment. Timers (autosave, lock refresh) that outlast it are dropped.
pub fn settle(app: &mut App, task: Task<Message>) {
    settle_while(app, task, |_| false);
}

/// Like [`settle`], but keeps waiting (up to a minute) while `busy` says
/// the app is still working, e.g. loading a large library.
pub fn settle_while(app: &mut App, task: Task<Message>, busy: impl Fn(&App) -> bool) {
    let (sender, receiver) = mpsc::channel();
    spawn(task, &sender);
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let wait = if busy(app) && std::time::Instant::now() < deadline {
            Duration::from_secs(5)
        } else {
            Duration::from_millis(400)
        };
        match receiver.recv_timeout(wait) {
            Ok(message) => {
                let next = app.update(message);
                spawn(next, &sender);
            }
            Err(_) if busy(app) && std::time::Instant::now() < deadline => {}
            Err(_) => break,
        }
    }
}

fn spawn(task: Task<Message>, sender: &mpsc::Sender<Message>) {
    use iced::futures::StreamExt;
    let Some(stream) = into_stream(task) else {
        return;
    };
    let sender = sender.clone();
    std::thread::spawn(move || {
        iced::futures::executor::block_on(stream.for_each(|action| {
            if let Action::Output(message) = action {
                let _ = sender.send(message);
            }
            std::future::ready(())
        }));
    });
}
