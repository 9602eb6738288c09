//! Undo and redo as snapshots.
//!
//! A program is a few kilobytes, so keeping whole copies is simpler and
//! safer than inverting every kind of edit. Edits carrying the same key in
//! a row (typing into one field) share one step.

/// How many steps are kept; older ones are forgotten.
pub const DEFAULT_LIMIT: usize = 200;

/// Past and future states of a value, for undo and redo.
#[derive(Debug, Clone)]
pub struct History<T, K> {
    past: Vec<T>,
    future: Vec<T>,
    /// The key of the step still open to more typing, if any.
    open: Option<K>,
    limit: usize,
}

impl<T, K: PartialEq> Default for History<T, K> {
    fn default() -> Self {
        Self::with_limit(DEFAULT_LIMIT)
    }
}

impl<T, K: PartialEq> History<T, K> {
    /// An empty history that keeps at most `limit` steps.
    pub fn with_limit(limit: usize) -> Self {
        Self {
            past: Vec::new(),
            future: Vec::new(),
            open: None,
            limit: limit.max(1),
        }
    }

    /// Notes that the value is about to change from `before`. With a key
    /// equal to the previous step's, the change joins that step.
    pub fn record(&mut self, before: T, key: Option<K>) {
        self.future.clear();
        if key.is_some() && key == self.open {
            return;
        }
        self.past.push(before);
        if self.past.len() > self.limit {
            self.past.remove(0);
        }
        self.open = key;
    }

    /// Ends the open step, so the next typing starts a new one.
    pub fn seal(&mut self) {
        self.open = None;
    }

    /// The state before the last step; `current` becomes redoable.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.past.pop()?;
        self.future.push(current);
        self.open = None;
        Some(previous)
    }

    /// The state the last undo left; `current` becomes undoable again.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push(current);
        self.open = None;
        Some(next)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Forgets everything, as when another program is opened.
    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
        self.open = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Types `text` letter by letter into `value`, recording each keystroke.
    fn type_into(history: &mut History<String, &'static str>, value: &mut String, text: &str) {
        for c in text.chars() {
            history.record(value.clone(), Some("title"));
            value.push(c);
        }
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut history = History::default();
        let mut value = String::new();
        type_into(&mut history, &mut value, "Bridge");
        assert_eq!(value, "Bridge");
        value = history.undo(value).unwrap();
        assert_eq!(value, "");
        assert!(!history.can_undo());
        value = history.redo(value).unwrap();
        assert_eq!(value, "Bridge");
    }

    #[test]
    fn a_new_field_or_a_seal_starts_a_new_step() {
        let mut history: History<Vec<&str>, &str> = History::default();
        let mut value = vec![];
        history.record(value.clone(), Some("a"));
        value.push("a1");
        history.record(value.clone(), Some("b"));
        value.push("b1");
        history.seal();
        history.record(value.clone(), Some("b"));
        value.push("b2");
        history.record(value.clone(), None);
        value.push("x");
        history.record(value.clone(), None);
        value.push("y");
        let mut seen = vec![];
        while let Some(previous) = history.undo(value.clone()) {
            value = previous;
            seen.push(value.len());
        }
        assert_eq!(seen, [4, 3, 2, 1, 0]);
    }

    #[test]
    fn a_new_change_after_undo_drops_the_redo_steps() {
        let mut history: History<i32, ()> = History::default();
        history.record(1, None);
        let current = history.undo(2).unwrap();
        assert_eq!(current, 1);
        assert!(history.can_redo());
        history.record(current, None);
        assert!(!history.can_redo());
    }

    #[test]
    fn old_steps_are_forgotten_past_the_limit() {
        let mut history: History<i32, ()> = History::with_limit(3);
        for n in 0..10 {
            history.record(n, None);
        }
        let mut current = 10;
        let mut steps = 0;
        while let Some(previous) = history.undo(current) {
            current = previous;
            steps += 1;
        }
        assert_eq!((steps, current), (3, 7));
    }
}
