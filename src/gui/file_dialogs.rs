//! Native file dialogs, run off the UI thread. Each gives `None` when the
//! user cancels or the system has no dialog to show; every sheet that uses
//! one also accepts a typed path, so nothing depends on a dialog appearing.

use std::future::Future;
use std::path::PathBuf;

/// A file type filter: its name and the extensions it allows.
pub type Filter = (&'static str, &'static [&'static str]);

/// ptbuilder program and template files.
pub const PROGRAMS: Filter = ("ptbuilder programs", &["ron"]);
/// Pictures for exercises and the clinic logo.
pub const PICTURES: Filter = ("Pictures", &["png", "jpg", "jpeg", "svg"]);
/// PDF handouts.
pub const PDF: Filter = ("PDF", &["pdf"]);

fn dialog(title: &str, filter: Option<Filter>, folder: Option<PathBuf>) -> rfd::AsyncFileDialog {
    let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
    if let Some((name, extensions)) = filter {
        dialog = dialog.add_filter(name, extensions);
    }
    if let Some(folder) = folder.filter(|f| !f.as_os_str().is_empty()) {
        dialog = dialog.set_directory(folder);
    }
    dialog
}

/// Asks for an existing file.
pub fn open_file(
    title: &'static str,
    filter: Filter,
    folder: Option<PathBuf>,
) -> impl Future<Output = Option<PathBuf>> {
    let dialog = dialog(title, Some(filter), folder);
    async move { dialog.pick_file().await.map(|h| h.path().to_path_buf()) }
}

/// Asks where to save a file, suggesting `name` in `folder`.
pub fn save_file(
    title: &'static str,
    filter: Filter,
    folder: Option<PathBuf>,
    name: String,
) -> impl Future<Output = Option<PathBuf>> {
    let dialog = dialog(title, Some(filter), folder).set_file_name(name);
    async move { dialog.save_file().await.map(|h| h.path().to_path_buf()) }
}

/// Asks for a folder.
pub fn pick_folder(title: &'static str) -> impl Future<Output = Option<PathBuf>> {
    let dialog = dialog(title, None, None);
    async move { dialog.pick_folder().await.map(|h| h.path().to_path_buf()) }
}
