//! The keyboard shortcuts, in one table: it drives the keyboard
//! subscription, the toolbar tooltips ("Save (Ctrl+S)") and the help
//! overlay, so the three never disagree.

use iced::keyboard::{self, Key, Modifiers, key::Named};

/// Something the therapist can ask for from the toolbar or the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Start an empty program.
    New,
    /// Start a program from a template.
    NewFromTemplate,
    /// Open a saved program.
    Open,
    /// Save the program.
    Save,
    /// Save the program under another name or folder.
    SaveAs,
    /// Save the program as a template.
    SaveTemplate,
    /// Write the patient handout.
    Export,
    /// Print the patient handout.
    Print,
    /// Undo the last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Put the cursor in the exercise search box.
    FindExercise,
    /// Remove the selected exercise from the program.
    RemoveItem,
    /// Select the entry above in the library list or the program.
    SelectPrevious,
    /// Select the entry below.
    SelectNext,
    /// Add the selected library exercise to the program.
    AddSelected,
    /// Show the shortcuts.
    Help,
    /// Close the open dialog, sheet or exercise detail.
    Close,
    /// Move to the next field.
    NextField,
    /// Move to the previous field.
    PreviousField,
    /// Create a custom exercise.
    NewExercise,
    /// Open the settings.
    Settings,
    /// Show or hide the live handout preview.
    TogglePreview,
    /// Record a follow-up visit in the progress log.
    RecordVisit,
}

/// A key, as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Press {
    /// A letter or symbol, matched without regard to case.
    Char(char),
    /// A named key.
    Named(Named),
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Shortcut {
    press: Press,
    ctrl: bool,
    shift: bool,
    /// The command it runs.
    pub command: Command,
    /// How the keys are written for people ("Ctrl+Shift+S").
    pub keys: &'static str,
    /// What it does, for the help overlay.
    pub does: &'static str,
}

const fn ctrl(c: char, command: Command, keys: &'static str, does: &'static str) -> Shortcut {
    Shortcut {
        press: Press::Char(c),
        ctrl: true,
        shift: false,
        command,
        keys,
        does,
    }
}

const fn named(key: Named, command: Command, keys: &'static str, does: &'static str) -> Shortcut {
    Shortcut {
        press: Press::Named(key),
        ctrl: false,
        shift: false,
        command,
        keys,
        does,
    }
}

const fn shifted(shortcut: Shortcut) -> Shortcut {
    Shortcut {
        shift: true,
        ..shortcut
    }
}

/// Every shortcut, in the order the help overlay lists them.
pub const TABLE: &[Shortcut] = &[
    ctrl('n', Command::New, "Ctrl+N", "New program"),
    ctrl('o', Command::Open, "Ctrl+O", "Open a saved program"),
    ctrl('s', Command::Save, "Ctrl+S", "Save"),
    shifted(ctrl(
        's',
        Command::SaveAs,
        "Ctrl+Shift+S",
        "Save as another file",
    )),
    ctrl(
        'e',
        Command::Export,
        "Ctrl+E",
        "Export the handout as a PDF",
    ),
    ctrl('p', Command::Print, "Ctrl+P", "Print the handout"),
    shifted(ctrl(
        'p',
        Command::TogglePreview,
        "Ctrl+Shift+P",
        "Show or hide the handout preview",
    )),
    ctrl(
        'r',
        Command::RecordVisit,
        "Ctrl+R",
        "Record a follow-up visit",
    ),
    ctrl('z', Command::Undo, "Ctrl+Z", "Undo"),
    ctrl('y', Command::Redo, "Ctrl+Y", "Redo"),
    shifted(ctrl('z', Command::Redo, "Ctrl+Shift+Z", "Redo")),
    ctrl(
        'f',
        Command::FindExercise,
        "Ctrl+F",
        "Search the exercise library",
    ),
    named(
        Named::ArrowUp,
        Command::SelectPrevious,
        "Up",
        "Select the exercise above (library or program)",
    ),
    named(
        Named::ArrowDown,
        Command::SelectNext,
        "Down",
        "Select the exercise below (library or program)",
    ),
    named(
        Named::Enter,
        Command::AddSelected,
        "Enter",
        "Add the selected library exercise to the program",
    ),
    named(
        Named::Delete,
        Command::RemoveItem,
        "Delete",
        "Remove the selected exercise from the program",
    ),
    named(Named::Tab, Command::NextField, "Tab", "Next field"),
    shifted(named(
        Named::Tab,
        Command::PreviousField,
        "Shift+Tab",
        "Previous field",
    )),
    named(
        Named::Escape,
        Command::Close,
        "Esc",
        "Close the dialog or the exercise detail",
    ),
    named(Named::F1, Command::Help, "F1", "Show these shortcuts"),
    ctrl('/', Command::Help, "Ctrl+/", "Show these shortcuts"),
];

impl Shortcut {
    fn matches(&self, key: &Key, modifiers: Modifiers) -> bool {
        if modifiers.command() != self.ctrl || modifiers.shift() != self.shift || modifiers.alt() {
            return false;
        }
        match (self.press, key.as_ref()) {
            (Press::Named(wanted), Key::Named(pressed)) => wanted == pressed,
            (Press::Char(wanted), Key::Character(pressed)) => {
                pressed.chars().flat_map(char::to_lowercase).eq([wanted])
            }
            _ => false,
        }
    }
}

/// The command for a key press, if the table has one.
pub fn command_for(key: &Key, modifiers: Modifiers) -> Option<Command> {
    TABLE
        .iter()
        .find(|shortcut| shortcut.matches(key, modifiers))
        .map(|shortcut| shortcut.command)
}

/// The command for a keyboard event no widget used.
pub fn from_event(event: keyboard::Event) -> Option<Command> {
    match event {
        keyboard::Event::KeyPressed { key, modifiers, .. } => command_for(&key, modifiers),
        _ => None,
    }
}

/// The first key combination for a command, as people write it.
pub fn keys(command: Command) -> Option<&'static str> {
    TABLE
        .iter()
        .find(|shortcut| shortcut.command == command)
        .map(|shortcut| shortcut.keys)
}

/// A tooltip text: "Save (Ctrl+S)", or the label alone.
pub fn describe(label: &str, command: Command) -> String {
    match keys(command) {
        Some(keys) => format!("{label} ({keys})"),
        None => label.to_string(),
    }
}

/// The rows the help overlay shows: each command once, with all its keys.
pub fn help_rows() -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    let mut seen: Vec<Command> = Vec::new();
    for shortcut in TABLE {
        if seen.contains(&shortcut.command) {
            continue;
        }
        seen.push(shortcut.command);
        let all: Vec<&str> = TABLE
            .iter()
            .filter(|other| other.command == shortcut.command)
            .map(|other| other.keys)
            .collect();
        rows.push((all.join(" or "), shortcut.does));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctrl_key(c: &str, shift: bool) -> Option<Command> {
        let mut modifiers = Modifiers::CTRL;
        if shift {
            modifiers |= Modifiers::SHIFT;
        }
        command_for(&Key::Character(c.into()), modifiers)
    }

    #[test]
    fn keys_find_their_commands() {
        assert_eq!(ctrl_key("s", false), Some(Command::Save));
        assert_eq!(ctrl_key("S", true), Some(Command::SaveAs));
        assert_eq!(ctrl_key("Z", true), Some(Command::Redo));
        assert_eq!(ctrl_key("y", false), Some(Command::Redo));
        assert_eq!(ctrl_key("p", false), Some(Command::Print));
        assert_eq!(ctrl_key("P", true), Some(Command::TogglePreview));
        assert_eq!(ctrl_key("q", false), None);
        assert_eq!(
            command_for(&Key::Character("s".into()), Modifiers::empty()),
            None,
            "a plain letter is typing, not a command"
        );
        assert_eq!(
            command_for(&Key::Named(Named::F1), Modifiers::empty()),
            Some(Command::Help)
        );
    }

    #[test]
    fn tooltips_and_help_come_from_the_same_table() {
        assert_eq!(describe("Save", Command::Save), "Save (Ctrl+S)");
        assert_eq!(describe("Settings", Command::Settings), "Settings");
        let rows = help_rows();
        let redo = rows.iter().find(|(_, does)| *does == "Redo").unwrap();
        assert_eq!(redo.0, "Ctrl+Y or Ctrl+Shift+Z");
        assert_eq!(rows.iter().filter(|(_, does)| *does == "Redo").count(), 1);
    }
}
