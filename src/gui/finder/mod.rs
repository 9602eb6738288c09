//! The library pane: search box, filters, the list of matching exercises
//! and the selected exercise's detail. The therapist's starred exercises
//! (favourites) and those recently added to a program are one click away
//! ([`Shelf`]); both lists live in the settings, the app keeps them here.
//!
//! The list takes the pane's whole height, so a therapist sees eight or
//! more exercises by their pictures at once on a laptop screen; the detail
//! opens on demand (a click on a row) as a card beside the list and closes
//! with Esc, its Close button, or once the exercise is added.
//!
//! Searching runs on every keystroke (the index answers 10,000 exercises
//! in well under a millisecond); only the first [`SHOWN`] hits are laid
//! out, so typing stays instant however large the library grows.

mod view;

pub use view::{SEARCH_ID, row_id, view_detail, view_detail_card, view_list};

use iced::Task;
use iced::widget::operation::{self, AbsoluteOffset};
use iced::widget::scrollable::Viewport;
use ptbuilder_core::library::search::EquipmentFilter;
use ptbuilder_core::library::{
    Category, Difficulty, Equipment, ExerciseId, Filters, Library, Position, Region, SearchIndex,
};
use std::fmt;

/// How many hits are laid out; the rest are counted.
pub const SHOWN: usize = 150;

/// One entry of a filter menu: a value, or "any".
#[derive(Debug, Clone, Copy)]
pub struct Choice<T> {
    /// The value, or `None` for any.
    pub value: Option<T>,
    any: &'static str,
}

impl<T: PartialEq> PartialEq for Choice<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T> Choice<T> {
    fn any(any: &'static str) -> Self {
        Self { value: None, any }
    }
}

/// How a filter value is named in its menu.
pub trait Named {
    /// The menu wording.
    fn name(&self) -> &'static str;
}

macro_rules! named_by_label {
    ($($kind:ty),*) => {$(
        impl Named for $kind {
            fn name(&self) -> &'static str {
                self.label()
            }
        }
    )*};
}

named_by_label!(Category, Region, Position, Difficulty);

impl Named for EquipmentFilter {
    fn name(&self) -> &'static str {
        match self {
            EquipmentFilter::Nothing => "No equipment needed",
            EquipmentFilter::Uses(equipment) => equipment.label(),
        }
    }
}

impl<T: Named> fmt::Display for Choice<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Some(value) => f.write_str(value.name()),
            None => f.write_str(self.any),
        }
    }
}

/// The menu for one filter: "any" first, then every value.
fn menu<T: Copy>(any: &'static str, values: impl IntoIterator<Item = T>) -> Vec<Choice<T>> {
    std::iter::once(Choice::any(any))
        .chain(values.into_iter().map(|value| Choice {
            value: Some(value),
            any,
        }))
        .collect()
}

/// The filter menus, built once.
#[derive(Debug, Clone)]
pub struct Menus {
    category: Vec<Choice<Category>>,
    region: Vec<Choice<Region>>,
    position: Vec<Choice<Position>>,
    equipment: Vec<Choice<EquipmentFilter>>,
    difficulty: Vec<Choice<Difficulty>>,
}

impl Default for Menus {
    fn default() -> Self {
        Self {
            category: menu("Any category", Category::ALL.iter().copied()),
            region: menu("Any body part", Region::ALL.iter().copied()),
            position: menu("Any position", Position::ALL.iter().copied()),
            equipment: menu(
                "Any equipment",
                std::iter::once(EquipmentFilter::Nothing)
                    .chain(Equipment::ALL.iter().copied().map(EquipmentFilter::Uses)),
            ),
            difficulty: menu("Any difficulty", Difficulty::ALL.iter().copied()),
        }
    }
}

/// Which exercises the list shows before the search and filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shelf {
    /// The whole library.
    #[default]
    All,
    /// The starred exercises.
    Favourites,
    /// Exercises recently added to a program, newest first.
    Recent,
}

/// The library pane.
#[derive(Debug, Default)]
pub struct State {
    shelf: Shelf,
    favourites: Vec<ExerciseId>,
    recent: Vec<ExerciseId>,
    query: String,
    filters: Filters,
    menus: Menus,
    /// Every hit, best first, as positions in the library.
    hits: Vec<usize>,
    selected: Option<ExerciseId>,
    /// The selected exercise's detail card is open (narrow windows; wide
    /// ones always show the detail beside the list).
    detail_open: bool,
    /// The list's scroll position and visible height, to keep the
    /// keyboard selection in view.
    scroll: (f32, f32),
}

/// Something the library pane was asked to do.
#[derive(Debug, Clone)]
pub enum Message {
    /// The search text changed.
    QueryChanged(String),
    /// Enter in the search box.
    QuerySubmitted,
    /// A filter changed.
    CategorySelected(Choice<Category>),
    /// A filter changed.
    RegionSelected(Choice<Region>),
    /// A filter changed.
    PositionSelected(Choice<Position>),
    /// A filter changed.
    EquipmentSelected(Choice<EquipmentFilter>),
    /// A filter changed.
    DifficultySelected(Choice<Difficulty>),
    /// Clear the search and every filter.
    ClearFilters,
    /// An entry was clicked: select it and show its detail.
    ExerciseSelected(ExerciseId),
    /// Close the detail card.
    CloseDetail,
    /// Add an entry to the program (button, double-click).
    AddExercise(ExerciseId),
    /// Open a custom entry in the exercise editor.
    EditExercise(ExerciseId),
    /// Copy an entry into a new custom exercise.
    DuplicateExercise(ExerciseId),
    /// Start a new custom exercise.
    NewExercise,
    /// The list scrolled.
    ListScrolled(Viewport),
    /// The star of an entry was clicked.
    FavouriteToggled(ExerciseId),
    /// All, favourites or recently used.
    ShelfSelected(Shelf),
}

/// What the app must do after a library message.
#[derive(Debug)]
pub enum Action {
    /// Nothing more.
    None,
    /// Run a task for this pane.
    Run(Task<Message>),
    /// Add this exercise to the program; `from_search` when Enter was
    /// pressed in the search box, whose text is then selected so the next
    /// search replaces it.
    Add {
        /// The exercise.
        id: ExerciseId,
        /// Enter in the search box.
        from_search: bool,
    },
    /// Edit this custom exercise.
    Edit(ExerciseId),
    /// Start a custom exercise from a copy of this one.
    Duplicate(ExerciseId),
    /// Start a new custom exercise.
    New,
    /// Star this exercise, or take its star away.
    ToggleFavourite(ExerciseId),
}

/// Height of one list row, fixed so keyboard selection can scroll to it:
/// a 96-pixel-wide picture and its frame, so eight rows fit a laptop
/// screen.
pub const ROW_HEIGHT: f32 = 64.0;
/// Space between rows.
pub const ROW_GAP: f32 = 2.0;

impl State {
    /// The selected exercise.
    #[cfg(test)]
    pub fn selected(&self) -> Option<&ExerciseId> {
        self.selected.as_ref()
    }

    /// Every hit of the current search, best first.
    #[cfg(test)]
    pub fn hits(&self) -> &[usize] {
        &self.hits
    }

    /// Handles a message.
    pub fn update(&mut self, message: Message, library: &Library, index: &SearchIndex) -> Action {
        match message {
            Message::QueryChanged(query) => {
                self.query = query;
                self.refresh(library, index);
                Action::Run(self.scroll_to_top())
            }
            Message::QuerySubmitted => {
                self.detail_open = false;
                match &self.selected {
                    Some(id) => Action::Add {
                        id: id.clone(),
                        from_search: true,
                    },
                    None => Action::None,
                }
            }
            Message::CategorySelected(choice) => {
                self.filter(|f| f.category = choice.value, library, index)
            }
            Message::RegionSelected(choice) => {
                self.filter(|f| f.region = choice.value, library, index)
            }
            Message::PositionSelected(choice) => {
                self.filter(|f| f.position = choice.value, library, index)
            }
            Message::EquipmentSelected(choice) => {
                self.filter(|f| f.equipment = choice.value, library, index)
            }
            Message::DifficultySelected(choice) => {
                self.filter(|f| f.difficulty = choice.value, library, index)
            }
            Message::ClearFilters => {
                self.query.clear();
                self.shelf = Shelf::All;
                self.filter(|f| *f = Filters::default(), library, index)
            }
            Message::ExerciseSelected(id) => {
                self.selected = Some(id);
                self.detail_open = true;
                Action::None
            }
            Message::CloseDetail => {
                self.detail_open = false;
                Action::None
            }
            Message::AddExercise(id) => {
                self.selected = Some(id.clone());
                // The therapist has decided: the card steps aside so the
                // exercise can be seen landing in the program.
                self.detail_open = false;
                Action::Add {
                    id,
                    from_search: false,
                }
            }
            Message::EditExercise(id) => Action::Edit(id),
            Message::DuplicateExercise(id) => Action::Duplicate(id),
            Message::NewExercise => Action::New,
            Message::ListScrolled(viewport) => {
                self.scroll = (viewport.absolute_offset().y, viewport.bounds().height);
                Action::None
            }
            Message::FavouriteToggled(id) => Action::ToggleFavourite(id),
            Message::ShelfSelected(shelf) => {
                self.shelf = shelf;
                self.refresh(library, index);
                Action::Run(self.scroll_to_top())
            }
        }
    }

    /// The starred and recently used exercises, from the settings.
    pub fn set_marks(
        &mut self,
        favourites: &[ExerciseId],
        recent: &[ExerciseId],
        library: &Library,
        index: &SearchIndex,
    ) {
        self.favourites = favourites.to_vec();
        self.recent = recent.to_vec();
        if self.shelf != Shelf::All {
            self.refresh(library, index);
        }
    }

    /// True when the therapist starred `id`.
    pub fn is_favourite(&self, id: &ExerciseId) -> bool {
        self.favourites.contains(id)
    }

    /// Narrows the hits to the shelf: favourites in search order, recent
    /// ones newest first.
    fn shelve(&mut self, library: &Library) {
        let id_at = |position: usize| library.exercises().get(position).map(|e| &e.id);
        match self.shelf {
            Shelf::All => {}
            Shelf::Favourites => self
                .hits
                .retain(|&p| id_at(p).is_some_and(|id| self.favourites.contains(id))),
            Shelf::Recent => {
                let rank =
                    |p: usize| id_at(p).and_then(|id| self.recent.iter().position(|r| r == id));
                self.hits.retain(|&p| rank(p).is_some());
                self.hits.sort_by_key(|&p| rank(p));
            }
        }
    }

    fn filter(
        &mut self,
        change: impl FnOnce(&mut Filters),
        library: &Library,
        index: &SearchIndex,
    ) -> Action {
        change(&mut self.filters);
        self.refresh(library, index);
        Action::Run(self.scroll_to_top())
    }

    /// True while the selected exercise's detail card shows.
    pub fn is_detail_open(&self) -> bool {
        self.detail_open && self.selected.is_some()
    }

    /// Closes the detail card (Esc); false if it was not open.
    pub fn close_detail(&mut self) -> bool {
        std::mem::replace(&mut self.detail_open, false)
    }

    /// True when a search or filter narrows the list.
    pub fn is_narrowed(&self) -> bool {
        !self.query.trim().is_empty() || !self.filters.is_empty() || self.shelf != Shelf::All
    }

    /// Runs the search again (after typing, a filter change, or a library
    /// change) and keeps the selection on a listed exercise.
    pub fn refresh(&mut self, library: &Library, index: &SearchIndex) {
        // One letter matches nothing useful yet; keep the whole list until
        // a second letter arrives rather than flash "no exercises match".
        let query = if self.query.trim().chars().count() < 2 {
            ""
        } else {
            self.query.as_str()
        };
        self.hits = index.search(query, &self.filters);
        self.shelve(library);
        let listed = |id: &ExerciseId| {
            self.hits.iter().take(SHOWN).any(|&position| {
                library
                    .exercises()
                    .get(position)
                    .is_some_and(|e| &e.id == id)
            })
        };
        if !self.selected.as_ref().is_some_and(listed) {
            self.selected = self
                .hits
                .first()
                .and_then(|&position| library.exercises().get(position))
                .map(|exercise| exercise.id.clone());
        }
    }

    /// Selects an exercise (after the therapist saved a custom one) and
    /// makes sure it is listed.
    pub fn reveal(&mut self, id: ExerciseId, library: &Library, index: &SearchIndex) {
        self.selected = Some(id);
        self.refresh(library, index);
    }

    /// The Enter key outside a text field: add the selection.
    pub fn add_selection(&mut self) -> Action {
        self.detail_open = false;
        match &self.selected {
            Some(id) => Action::Add {
                id: id.clone(),
                from_search: false,
            },
            None => Action::None,
        }
    }

    /// Moves the selection up (`-1`) or down (`1`) the shown list and
    /// scrolls it into view.
    pub fn step(&mut self, delta: isize, library: &Library) -> Task<Message> {
        let shown: Vec<&ExerciseId> = self
            .hits
            .iter()
            .take(SHOWN)
            .filter_map(|&position| library.exercises().get(position))
            .map(|exercise| &exercise.id)
            .collect();
        if shown.is_empty() {
            return Task::none();
        }
        let current = self
            .selected
            .as_ref()
            .and_then(|id| shown.iter().position(|shown| *shown == id));
        let next = match current {
            Some(at) => at.saturating_add_signed(delta).min(shown.len() - 1),
            None => 0,
        };
        self.selected = Some(shown[next].clone());
        self.keep_in_view(next)
    }

    fn keep_in_view(&self, row: usize) -> Task<Message> {
        let pitch = ROW_HEIGHT + ROW_GAP;
        let top = row as f32 * pitch;
        let (offset, height) = self.scroll;
        let y = if top < offset {
            top
        } else if height > 0.0 && top + pitch > offset + height {
            top + pitch - height
        } else {
            return Task::none();
        };
        operation::scroll_to(
            view::LIST_ID,
            AbsoluteOffset {
                x: None,
                y: Some(y),
            },
        )
    }

    fn scroll_to_top(&self) -> Task<Message> {
        operation::scroll_to(
            view::LIST_ID,
            AbsoluteOffset {
                x: None,
                y: Some(0.0),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pane() -> (State, Library, SearchIndex) {
        let library = Library::builtin().clone();
        let index = SearchIndex::build(&library);
        let mut state = State::default();
        state.refresh(&library, &index);
        (state, library, index)
    }

    fn name_of(state: &State, library: &Library) -> String {
        library.get(state.selected().unwrap()).unwrap().name.clone()
    }

    #[test]
    fn typing_searches_and_selects_the_best_hit() {
        let (mut state, library, index) = pane();
        assert_eq!(state.hits().len(), library.len());
        let _ = state.update(Message::QueryChanged("brdge".into()), &library, &index);
        assert_eq!(name_of(&state, &library), "Bridge");
        match state.update(Message::QuerySubmitted, &library, &index) {
            Action::Add { id, from_search } => {
                assert_eq!(id.as_str(), "bridge");
                assert!(from_search);
            }
            other => panic!("expected Add, got {other:?}"),
        }
    }

    #[test]
    fn a_single_letter_keeps_the_whole_list() {
        let (mut state, library, index) = pane();
        let _ = state.update(Message::QueryChanged("b".into()), &library, &index);
        assert_eq!(state.hits().len(), library.len());
        let _ = state.update(Message::QueryChanged("br".into()), &library, &index);
        assert!(state.hits().len() < library.len());
    }

    #[test]
    fn filters_narrow_and_clear() {
        let (mut state, library, index) = pane();
        let strengthen = Choice {
            value: Some(Category::Strengthen),
            any: "",
        };
        let _ = state.update(Message::CategorySelected(strengthen), &library, &index);
        assert!(state.is_narrowed());
        assert!(state.hits().len() < library.len());
        for &position in state.hits() {
            assert_eq!(library.exercises()[position].category, Category::Strengthen);
        }
        let nothing = Choice {
            value: Some(EquipmentFilter::Nothing),
            any: "",
        };
        let _ = state.update(Message::EquipmentSelected(nothing), &library, &index);
        for &position in state.hits() {
            assert!(library.exercises()[position].equipment.is_empty());
        }
        let _ = state.update(Message::ClearFilters, &library, &index);
        assert!(!state.is_narrowed());
        assert_eq!(state.hits().len(), library.len());
    }

    #[test]
    fn arrows_move_through_the_list_and_stop_at_the_ends() {
        let (mut state, library, _) = pane();
        let first = state.selected().cloned();
        let _ = state.step(-1, &library);
        assert_eq!(state.selected().cloned(), first);
        let _ = state.step(1, &library);
        let second = library.exercises()[state.hits()[1]].id.clone();
        assert_eq!(state.selected(), Some(&second));
        for _ in 0..1000 {
            let _ = state.step(1, &library);
        }
        let last = library.exercises()[*state.hits().last().unwrap()]
            .id
            .clone();
        assert_eq!(state.selected(), Some(&last));
    }

    #[test]
    fn favourites_and_recently_used_are_one_click_away() {
        let (mut state, library, index) = pane();
        let (bridge, plank, walk) = (
            ExerciseId::new("bridge"),
            ExerciseId::new("plank"),
            ExerciseId::new("walking"),
        );
        state.set_marks(
            &[plank.clone(), bridge.clone()],
            &[walk.clone(), bridge.clone()],
            &library,
            &index,
        );
        let ids = |state: &State| -> Vec<ExerciseId> {
            state
                .hits()
                .iter()
                .map(|&p| library.exercises()[p].id.clone())
                .collect()
        };
        let _ = state.update(Message::ShelfSelected(Shelf::Favourites), &library, &index);
        let mut starred = ids(&state);
        starred.sort();
        assert_eq!(starred, [bridge.clone(), plank.clone()]);
        let _ = state.update(Message::ShelfSelected(Shelf::Recent), &library, &index);
        assert_eq!(ids(&state), [walk.clone(), bridge.clone()], "newest first");
        assert!(matches!(
            state.update(Message::FavouriteToggled(walk.clone()), &library, &index),
            Action::ToggleFavourite(id) if id == walk
        ));
        let _ = state.update(Message::ClearFilters, &library, &index);
        assert_eq!(state.hits().len(), library.len());
    }

    #[test]
    fn a_click_opens_the_detail_and_adding_or_esc_closes_it() {
        let (mut state, library, index) = pane();
        assert!(!state.is_detail_open(), "the list starts uncovered");
        let bridge = ExerciseId::new("bridge");
        let _ = state.update(Message::ExerciseSelected(bridge.clone()), &library, &index);
        assert!(state.is_detail_open());
        let _ = state.step(1, &library);
        assert!(state.is_detail_open(), "the card follows the arrow keys");
        let _ = state.update(Message::AddExercise(bridge.clone()), &library, &index);
        assert!(!state.is_detail_open(), "added: the card steps aside");
        let _ = state.update(Message::ExerciseSelected(bridge), &library, &index);
        assert!(state.close_detail());
        assert!(!state.is_detail_open());
        assert!(!state.close_detail(), "Esc again has nothing to close");
    }

    #[test]
    fn menus_start_with_any() {
        let menus = Menus::default();
        assert_eq!(menus.category[0].to_string(), "Any category");
        assert_eq!(menus.equipment[1].to_string(), "No equipment needed");
        assert_eq!(menus.region.len(), Region::ALL.len() + 1);
    }
}
